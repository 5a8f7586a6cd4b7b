"""Workloads for the official SDK 4.8.1, run by the python of its own venv (see benchmarks/peers.py)."""

from __future__ import annotations

import time
from typing import Any

import _common as common


def _client(args: dict[str, Any]) -> Any:
    from deepgram import DeepgramClient, DeepgramClientOptions

    return DeepgramClient(args["api_key"], DeepgramClientOptions(url=args["url"]))


def decode(args: dict[str, Any]) -> dict[str, Any]:
    """The SDK's own path: `response.text`, then `<Response>.from_json(text)` (dataclasses_json)."""
    from deepgram.clients.manage.v1.response import KeysResponse, ProjectsResponse, UsageRequestsResponse

    kinds = {"req": UsageRequestsResponse, "key": KeysResponse, "pro": ProjectsResponse}
    kind = kinds[args["payload"][:3]]
    raw = common.body(args)
    return {"samples": common.repeat(lambda: kind.from_json(raw.decode("utf-8")), args)}


def call(args: dict[str, Any]) -> dict[str, Any]:
    """One `get_projects()` (small) or `get_usage_requests(limit=1000)` (large), sync or async."""
    client = _client(args)
    pid = args["project_id"]
    if args["mode"] == "sync":
        manage = client.manage.v("1")
        fn = (
            manage.get_projects
            if args["size"] == "small"
            else (lambda: manage.get_usage_requests(pid, {"limit": 1000}))
        )
        return {"samples": common.repeat(fn, args)}
    amanage = client.asyncmanage.v("1")
    afn = (
        amanage.get_projects
        if args["size"] == "small"
        else (lambda: amanage.get_usage_requests(pid, {"limit": 1000}))
    )
    return {"samples": common.run_async(common.arepeat(afn, args))}


def connections(args: dict[str, Any]) -> dict[str, Any]:
    """TCP connections opened by `calls` sequential sync calls."""
    manage = _client(args).manage.v("1")
    common.reset_stats(args["url"])
    for _ in range(int(args["calls"])):
        manage.get_projects()
    return {"samples": [common.server_stats(args["url"])["connections"]]}


def scrape(args: dict[str, Any]) -> dict[str, Any]:
    """Every page in turn (4.8.1 has no page option: `page` goes in `addons`) until a short page."""
    manage = _client(args).manage.v("1")
    pid, size = f"pages-{args['pages']}", int(args["page_size"])
    options = {"limit": size, "start": "2026-01-01"}
    return common.page_sequentially(
        lambda page: manage.get_usage_requests(pid, options, addons={"page": page}).requests, size
    )


def import_call(args: dict[str, Any]) -> dict[str, Any]:
    """`import deepgram`, build a client, one sync `get_projects()`, in a fresh process."""
    started = time.perf_counter()
    _client(args).manage.v("1").get_projects()
    return {"samples": [(time.perf_counter() - started) * 1000]}


def rss_decode(args: dict[str, Any]) -> dict[str, Any]:
    """Peak RSS of a fresh process that imports the SDK and decodes one page (kept alive)."""
    from deepgram.clients.manage.v1.response import UsageRequestsResponse

    return common.rss_of_decode(args, lambda raw: UsageRequestsResponse.from_json(raw.decode("utf-8")))


if __name__ == "__main__":
    common.main(
        {
            "decode": decode,
            "call": call,
            "connections": connections,
            "scrape": scrape,
            "import": common.import_deepgram,
            "import_call": import_call,
            "rss_decode": rss_decode,
        }
    )
