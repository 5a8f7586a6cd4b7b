"""Workloads for this SDK, run by the current interpreter in a process of their own."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import _common as common


def _client(args: dict[str, Any]) -> Any:
    from deepgram import DeepgramClient

    return DeepgramClient(api_key=args["api_key"], url=args["url"], max_retries=0)


def _endpoint(payload: str) -> Any:
    from deepgram.resources.keys import LIST_KEYS
    from deepgram.resources.projects import LIST_PROJECTS
    from deepgram.resources.usage_endpoints import LIST_REQUESTS

    return {"req": LIST_REQUESTS, "key": LIST_KEYS, "pro": LIST_PROJECTS}[payload[:3]]


def _decoding(args: dict[str, Any], raw: bytes) -> Callable[[], Any]:
    """`raw` to the SDK's result as `Api.call` makes it, as a zero-argument call with no frame of
    this harness around the SDK's: `Operation.parse` (decode the wire type, adapt it to the public
    type) and, for `variant=objects`, attaching the result to the client, as calls return them (a
    listing's objects are bound when its list is first read). Keeping the response headers is per
    call, not per byte decoded: the call rows measure it."""
    endpoint = _endpoint(args["payload"])
    path = endpoint.path
    if args.get("variant") != "objects":
        return lambda: endpoint.parse(raw, 200, path)
    api = _client({"api_key": "bench", "url": "http://127.0.0.1:9"})._api
    project_id = "3f1c2b7e-5d4a-4e1b-9c2d-7a8b9c0d1e2f"

    def decode_and_attach() -> Any:
        result = endpoint.parse(raw, 200, path)
        result._attach(api, project_id)
        return result

    return decode_and_attach


def decode(args: dict[str, Any]) -> dict[str, Any]:
    """Classic responses (`variant=classic`) or attached active-record objects (`variant=objects`)."""
    return {"samples": common.repeat(_decoding(args, common.body(args)), args)}


def call(args: dict[str, Any]) -> dict[str, Any]:
    """One `get_projects()` (small) or `get_usage_requests(limit=1000)` (large): `client.manage`
    (sync, on the client's loop thread) or `client.asyncmanage` (async, on the caller's loop)."""
    pid = args["project_id"]
    if args["mode"] == "sync":
        with _client(args) as client:
            manage = client.manage
            fn = (
                manage.get_projects
                if args["size"] == "small"
                else (lambda: manage.get_usage_requests(pid, {"limit": 1000}))
            )
            return {"samples": common.repeat(fn, args)}

    async def run() -> list[float]:
        async with _client(args) as client:
            amanage = client.asyncmanage
            afn = (
                amanage.get_projects
                if args["size"] == "small"
                else (lambda: amanage.get_usage_requests(pid, {"limit": 1000}))
            )
            return await common.arepeat(afn, args)

    return {"samples": common.run_async(run())}


def connections(args: dict[str, Any]) -> dict[str, Any]:
    """TCP connections opened by `calls` sequential sync calls (design.md: must be one)."""
    with _client(args) as client:
        common.reset_stats(args["url"])
        for _ in range(int(args["calls"])):
            client.manage.get_projects()
        return {"samples": [common.server_stats(args["url"])["connections"]]}


def _query(client: Any, args: dict[str, Any]) -> tuple[Any, str]:
    """The request-log query with the asked concurrency, or without it if the SDK does not take it yet."""
    usage = client.project(f"pages-{args['pages']}").usage
    window = {"start": "2026-01-01", "end": "2026-02-01", "page_size": int(args["page_size"])}
    try:
        return usage.requests(**window, concurrency=int(args["concurrency"])), ""
    except Exception as exc:  # the query without a concurrency option rejects it as an unknown filter
        note = f"concurrency not supported by this build ({type(exc).__name__}); paged sequentially"
        return usage.requests(**window), note


def scrape(args: dict[str, Any]) -> dict[str, Any]:
    """Every record through `project.usage.requests(...)`: `async for` or, with mode=sync, `for`."""
    records = 0
    with _client(args) as client:
        query, note = _query(client, args)
        started = time.perf_counter()
        if args.get("mode") == "sync":
            for _ in query:
                records += 1
        else:

            async def consume() -> int:
                count = 0
                async for _ in query:
                    count += 1
                return count

            records = asyncio.run(consume())
        seconds = time.perf_counter() - started
    meta: dict[str, Any] = {
        "samples": [seconds],
        "records": records,
        "concurrency": 1 if note else int(args["concurrency"]),
    }
    if note:
        meta["note"] = note
    return meta


def export(args: dict[str, Any]) -> dict[str, Any]:
    """Peak RSS of a fresh process exporting `pages` pages to JSONL with `.export(path)`."""
    path = Path(args["path"])
    with _client(args) as client:
        query, note = _query(client, args)
        if not hasattr(query, "export"):
            raise RuntimeError("RequestQuery.export() is not available in this build of the SDK")
        before = common.rss_mb()
        started = time.perf_counter()
        query.export(str(path), format="jsonl")
        seconds = time.perf_counter() - started
    lines = 0
    with path.open("rb") as handle:
        for _ in handle:
            lines += 1
    path.unlink()
    meta: dict[str, Any] = {
        "samples": [common.peak_rss_mb()],
        "rss_before_mb": before,
        "records": lines,
        "seconds": seconds,
    }
    if note:
        meta["note"] = note
    return meta


def import_call(args: dict[str, Any]) -> dict[str, Any]:
    """`import deepgram`, build a client, one sync `client.manage.get_projects()`, in a fresh process."""
    started = time.perf_counter()
    with _client(args) as client:
        client.manage.get_projects()
    return {"samples": [(time.perf_counter() - started) * 1000]}


def rss_decode(args: dict[str, Any]) -> dict[str, Any]:
    """Peak RSS of a fresh process that decodes one page through the SDK's path (kept alive)."""
    return common.rss_of_decode(args, lambda raw: _decoding(args, raw)())


if __name__ == "__main__":
    common.main(
        {
            "decode": decode,
            "call": call,
            "connections": connections,
            "scrape": scrape,
            "export": export,
            "import": common.import_deepgram,
            "import_call": import_call,
            "rss_decode": rss_decode,
        }
    )
