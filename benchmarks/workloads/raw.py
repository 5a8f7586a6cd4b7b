"""The hand-written baseline: msgspec Structs and a bare aiohttp session, no SDK at all."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Coroutine
from typing import Any, TypeVar

import _common as common
import msgspec

T = TypeVar("T")


class Tokens(msgspec.Struct):
    feature: str | None = None
    input: int | None = None
    output: int | None = None
    model: str | None = None


class Segment(msgspec.Struct):
    characters: int | None = None
    model: str | None = None
    tier: str | None = None


class Tts(msgspec.Struct):
    duration: float | None = None
    speech_segments: list[Segment] | None = None


class Details(msgspec.Struct):
    usd: float | None = None
    duration: float | None = None
    total_audio: float | None = None
    channels: int | None = None
    streams: int | None = None
    method: str | None = None
    tier: str | None = None
    models: list[str] | None = None
    tags: list[str] | None = None
    features: list[str] | None = None
    config: dict[str, Any] | None = None


class Answer(msgspec.Struct):
    code: int | None = None
    completed: str | None = None
    message: str | None = None
    details: Details | None = None
    tts_details: Tts | None = None
    token_details: list[Tokens] | None = None


class Record(msgspec.Struct):
    request_id: str = ""
    project_uuid: str | None = None
    created: str | None = None
    path: str | None = None
    api_key_id: str | None = None
    accessor: str | None = None
    code: int | None = None
    deployment: str | None = None
    response: Answer | None = None


class Page(msgspec.Struct):
    page: int = 0
    limit: int = 0
    requests: list[Record] = []


class Member(msgspec.Struct):
    member_id: str = ""
    email: str | None = None
    first_name: str | None = None
    last_name: str | None = None


class ApiKey(msgspec.Struct):
    api_key_id: str = ""
    comment: str | None = None
    scopes: list[str] = []
    tags: list[str] | None = None
    created: str | None = None
    expiration_date: str | None = None


class KeyEntry(msgspec.Struct):
    member: Member | None = None
    api_key: ApiKey | None = None


class Keys(msgspec.Struct):
    api_keys: list[KeyEntry] = []


class Project(msgspec.Struct):
    project_id: str = ""
    name: str | None = None


class Projects(msgspec.Struct):
    projects: list[Project] = []


DECODERS: dict[str, msgspec.json.Decoder[Any]] = {
    "req": msgspec.json.Decoder(Page),
    "key": msgspec.json.Decoder(Keys),
    "pro": msgspec.json.Decoder(Projects),
}


def decode(args: dict[str, Any]) -> dict[str, Any]:
    """`msgspec.json.Decoder(<hand-written Struct>).decode(bytes)`."""
    decoder = DECODERS[args["payload"][:3]]
    raw = common.body(args)
    return {"samples": common.repeat(lambda: decoder.decode(raw), args)}


class Raw:
    """One shared aiohttp session; `get` fetches and decodes one path."""

    def __init__(self, args: dict[str, Any]) -> None:
        import aiohttp

        self.url = args["url"]
        self.headers = {"Authorization": f"Token {args['api_key']}", "Accept": "application/json"}
        self.session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=100))

    async def get(self, path: str, kind: str, params: dict[str, str] | None = None) -> Any:
        async with self.session.get(self.url + path, params=params, headers=self.headers) as response:
            response.raise_for_status()
            return DECODERS[kind].decode(await response.read())

    def call_for(self, args: dict[str, Any]) -> Any:
        """The small or large call as a zero-argument coroutine function."""
        if args["size"] == "small":
            return lambda: self.get("/v1/projects", "pro")
        path = f"/v1/projects/{args['project_id']}/requests"
        return lambda: self.get(path, "req", {"limit": "1000"})


class LoopThread:
    """The hand-written sync bridge: one event loop on a daemon thread, calls submitted to it."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

    def run(self, coro: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result()


def call(args: dict[str, Any]) -> dict[str, Any]:
    """One small or large GET, async on the running loop or sync through a loop thread."""
    if args["mode"] == "sync":
        bridge = LoopThread()

        async def make() -> Raw:
            return Raw(args)

        raw = bridge.run(make())
        fn = raw.call_for(args)
        samples = common.repeat(lambda: bridge.run(fn()), args)
        bridge.run(raw.session.close())
        return {"samples": samples}

    async def run() -> list[float]:
        raw = Raw(args)
        try:
            return await common.arepeat(raw.call_for(args), args)
        finally:
            await raw.session.close()

    return {"samples": common.run_async(run())}


def connections(args: dict[str, Any]) -> dict[str, Any]:
    """TCP connections opened by `calls` sequential sync calls through the loop thread."""
    bridge = LoopThread()

    async def make() -> Raw:
        return Raw(args)

    raw = bridge.run(make())
    common.reset_stats(args["url"])
    for _ in range(int(args["calls"])):
        bridge.run(raw.get("/v1/projects", "pro"))
    count = common.server_stats(args["url"])["connections"]
    bridge.run(raw.session.close())
    return {"samples": [count]}


async def _scrape(args: dict[str, Any]) -> tuple[float, int]:
    """Keep `concurrency` pages in flight; stop issuing after the first short page."""
    raw = Raw(args)
    size, width = int(args["page_size"]), int(args["concurrency"])
    path = f"/v1/projects/pages-{args['pages']}/requests"
    started = time.perf_counter()
    records, next_page, last = 0, 0, None
    pending: set[asyncio.Task[Any]] = set()
    try:
        while True:
            while len(pending) < width and (last is None or next_page <= last):
                params = {"limit": str(size), "page": str(next_page), "start": "2026-01-01"}
                pending.add(asyncio.ensure_future(raw.get(path, "req", params)))
                next_page += 1
            if not pending:
                break
            done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                page: Page = task.result()
                for _ in page.requests:  # consume every record, as the SDK's `async for` does
                    records += 1
                if len(page.requests) < size and (last is None or page.page < last):
                    last = page.page
    finally:
        await raw.session.close()
    return time.perf_counter() - started, records


def scrape(args: dict[str, Any]) -> dict[str, Any]:
    """Every page with `concurrency` requests in flight."""
    seconds, records = asyncio.run(_scrape(args))
    return {"samples": [seconds], "records": records, "concurrency": int(args["concurrency"])}


def import_only(args: dict[str, Any]) -> dict[str, Any]:
    """`import aiohttp, msgspec` in a fresh process (what a hand-written client needs)."""
    started = time.perf_counter()
    import aiohttp  # noqa: F401

    return {"samples": [(time.perf_counter() - started) * 1000]}


def import_call(args: dict[str, Any]) -> dict[str, Any]:
    """Import, open a session, one GET /v1/projects decoded, in a fresh process."""
    started = time.perf_counter()

    async def once() -> None:
        raw = Raw(args)
        try:
            await raw.get("/v1/projects", "pro")
        finally:
            await raw.session.close()

    asyncio.run(once())
    return {"samples": [(time.perf_counter() - started) * 1000]}


def rss_decode(args: dict[str, Any]) -> dict[str, Any]:
    """Peak RSS of a fresh process that decodes one page with the hand-written Structs (kept alive)."""
    return common.rss_of_decode(args, DECODERS["req"].decode)


if __name__ == "__main__":
    common.main(
        {
            "decode": decode,
            "call": call,
            "connections": connections,
            "scrape": scrape,
            "import": import_only,
            "import_call": import_call,
            "rss_decode": rss_decode,
        }
    )
