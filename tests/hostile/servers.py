"""Loopback servers that misbehave on purpose, each on its own thread: one handler per kind of failure."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

from aiohttp import web

from deepgram import DeepgramClient
from tests.hostile.conftest import API_KEY

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class Loopback:
    """Serves `handler` for every path on 127.0.0.1; `seen` lists (method, path, headers, body)."""

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.seen: list[tuple[str, str, dict[str, str], bytes]] = []
        self.peers: list[tuple[str, int]] = []  # the client socket of each request, in order
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self.port = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        body = await request.read()
        self.seen.append((request.method, request.path_qs, dict(request.headers), body))
        peer = request.transport.get_extra_info("peername") if request.transport else ("?", 0)
        self.peers.append(tuple(peer[:2]))
        return await self.handler(request)

    def _serve(self) -> None:
        asyncio.set_event_loop(self._loop)
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app, handler_cancellation=True)
        self._loop.run_until_complete(self._runner.setup())
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        self._loop.run_until_complete(site.start())
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self._ready.set()
        self._loop.run_forever()
        self._loop.run_until_complete(self._runner.cleanup())
        self._loop.close()

    def __enter__(self) -> Loopback:
        self._thread.start()
        self._ready.wait(10)
        return self

    def __exit__(self, *exc: object) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)


def reply(payload: bytes | str, status: int = 200, **headers: Any) -> Handler:
    """A handler answering every request with the same status, headers and body."""
    body = payload.encode() if isinstance(payload, str) else payload

    async def handle(request: web.Request) -> web.StreamResponse:
        return web.Response(
            status=status, body=body, headers={"Content-Type": "application/json", **headers}
        )

    return handle


@contextlib.contextmanager
def serving(handler: Handler, **options: Any) -> Iterator[tuple[Loopback, DeepgramClient]]:
    """A misbehaving server and a client of it (closed afterwards)."""
    with Loopback(handler) as server, DeepgramClient(api_key=API_KEY, url=server.url, **options) as client:
        yield server, client
