"""A loopback aiohttp server on its own thread that records raw requests and counts connections."""

from __future__ import annotations

import asyncio
import json
import ssl
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from tests.support.loop_thread import LoopThread


@dataclass
class Seen:
    """One request as the server received it."""

    method: str
    raw_path: str
    headers: dict[str, str]
    body: bytes
    peer: tuple[str, int]


Handler = Callable[[Seen], tuple[int, dict[str, str], bytes]]


def json_reply(payload: Any, status: int = 200) -> tuple[int, dict[str, str], bytes]:
    """A JSON response triple."""
    return status, {"Content-Type": "application/json"}, json.dumps(payload).encode()


@dataclass
class RecordingServer(LoopThread):
    """Serves `handler(seen)` for every request; `seen` and `peers` are inspected by tests."""

    handler: Handler = field(default=lambda seen: json_reply({"projects": []}))
    seen: list[Seen] = field(default_factory=list)
    delay: float = 0.0
    tls: ssl.SSLContext | None = None  # serve HTTPS with this server context

    def __post_init__(self) -> None:
        self._init_loop_thread()
        self.cancelled = 0

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}"

    @property
    def connections(self) -> int:
        """Distinct client sockets that sent requests."""
        return len({seen.peer for seen in self.seen})

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        peer = request.transport.get_extra_info("peername") if request.transport else ("?", 0)
        seen = Seen(
            request.method, request.raw_path, dict(request.headers), await request.read(), tuple(peer[:2])
        )
        self.seen.append(seen)
        if self.delay:
            try:
                await asyncio.sleep(self.delay)
            except asyncio.CancelledError:
                self.cancelled += 1
                raise
        status, headers, body = self.handler(seen)
        return web.Response(status=status, headers=headers, body=body)

    def _serve(self) -> None:
        asyncio.set_event_loop(self._loop)
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app, handler_cancellation=True)
        self._loop.run_until_complete(self._runner.setup())
        site = web.TCPSite(self._runner, "127.0.0.1", 0, ssl_context=self.tls)
        self._loop.run_until_complete(site.start())
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self._ready.set()
        self._loop.run_forever()
        self._loop.run_until_complete(self._runner.cleanup())
        self._loop.close()
