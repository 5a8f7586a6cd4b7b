"""Workloads for the newest official SDK 7.x, run by the python of its own venv."""

from __future__ import annotations

import json
import time
from typing import Any

import _common as common


def _environment(url: str) -> Any:
    from deepgram.environment import DeepgramClientEnvironment

    ws = url.replace("http", "ws", 1)
    return DeepgramClientEnvironment(base=url, production=ws, agent=ws, agent_rest=url)


def _client(args: dict[str, Any]) -> Any:
    from deepgram import DeepgramClient

    return DeepgramClient(api_key=args["api_key"], environment=_environment(args["url"]))


def _aclient(args: dict[str, Any]) -> Any:
    from deepgram import AsyncDeepgramClient

    return AsyncDeepgramClient(api_key=args["api_key"], environment=_environment(args["url"]))


def _response_type(payload: str) -> Any:
    from deepgram.types.list_project_keys_v1response import ListProjectKeysV1Response
    from deepgram.types.list_project_requests_v1response import ListProjectRequestsV1Response
    from deepgram.types.list_projects_v1response import ListProjectsV1Response

    kinds = {
        "req": ListProjectRequestsV1Response,
        "key": ListProjectKeysV1Response,
        "pro": ListProjectsV1Response,
    }
    return kinds[payload[:3]]


def decode(args: dict[str, Any]) -> dict[str, Any]:
    """The SDK's own path: `response.json()` (json.loads of the bytes), then `construct_type`."""
    from deepgram.core.unchecked_base_model import construct_type

    kind = _response_type(args["payload"])
    raw = common.body(args)
    return {"samples": common.repeat(lambda: construct_type(type_=kind, object_=json.loads(raw)), args)}


def call(args: dict[str, Any]) -> dict[str, Any]:
    """One `projects.list()` (small) or `requests.list(limit=1000)` (large), sync or async."""
    pid = args["project_id"]
    if args["mode"] == "sync":
        projects = _client(args).manage.v1.projects
        fn = projects.list if args["size"] == "small" else (lambda: projects.requests.list(pid, limit=1000))
        return {"samples": common.repeat(fn, args)}

    async def run() -> list[float]:
        aprojects = _aclient(args).manage.v1.projects
        afn = (
            aprojects.list if args["size"] == "small" else (lambda: aprojects.requests.list(pid, limit=1000))
        )
        return await common.arepeat(afn, args)

    return {"samples": common.run_async(run())}


def connections(args: dict[str, Any]) -> dict[str, Any]:
    """TCP connections opened by `calls` sequential sync calls."""
    projects = _client(args).manage.v1.projects
    common.reset_stats(args["url"])
    for _ in range(int(args["calls"])):
        projects.list()
    return {"samples": [common.server_stats(args["url"])["connections"]]}


def scrape(args: dict[str, Any]) -> dict[str, Any]:
    """Every page in turn, as the SDK offers it (no iterator over pages), until a short page."""
    requests = _client(args).manage.v1.projects.requests
    pid, size = f"pages-{args['pages']}", int(args["page_size"])
    return common.page_sequentially(
        lambda page: requests.list(pid, limit=size, page=page).requests or [], size
    )


def import_call(args: dict[str, Any]) -> dict[str, Any]:
    """`import deepgram`, build a client, one sync `projects.list()`, in a fresh process."""
    started = time.perf_counter()
    _client(args).manage.v1.projects.list()
    return {"samples": [(time.perf_counter() - started) * 1000]}


def rss_decode(args: dict[str, Any]) -> dict[str, Any]:
    """Peak RSS of a fresh process that imports the SDK's types and decodes one page (kept alive)."""
    from deepgram.core.unchecked_base_model import construct_type

    kind = _response_type(args["payload"])
    return common.rss_of_decode(args, lambda raw: construct_type(type_=kind, object_=json.loads(raw)))


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
