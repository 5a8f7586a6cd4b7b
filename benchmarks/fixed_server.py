"""A fixed-bytes aiohttp server on loopback, in its own process, that counts TCP connections.

It answers the Manage paths the benchmarks call with pre-built bodies, so the client is what gets
measured. `/v1/projects/pages-N/requests` serves N full pages then an empty one (for scrapes); page
bodies differ only in the page number written into each request id. `/_stats` reports connections
and requests since start (or since `/_reset`). Run: `python -m benchmarks.fixed_server --dir D`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import signal
from pathlib import Path
from typing import Any

from aiohttp import web

from benchmarks.payloads import PAGE_MARKER

_PAGES = re.compile(r"^/v1/projects/pages-(\d+)/requests$")
_REQUESTS = re.compile(r"^/v1/projects/[^/]+/requests$")
_KEYS = re.compile(r"^/v1/projects/[^/]+/keys$")
_JSON = {"Content-Type": "application/json"}


class CountingServer(web.Server):
    """aiohttp's low-level server, counting every TCP connection it accepts."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.connections_made = 0

    def connection_made(self, handler: Any, transport: Any) -> None:
        self.connections_made += 1
        super().connection_made(handler, transport)


class FixedBytes:
    """The request handler: path -> pre-built bytes, with optional injected latency."""

    def __init__(self, directory: Path, latency: float) -> None:
        self.latency = latency
        self.bodies = {path.stem: path.read_bytes() for path in directory.glob("*.json")}
        self.pages = {int(name[3:]): body for name, body in self.bodies.items() if name.startswith("req")}
        self.marker = PAGE_MARKER.encode()
        self.requests = 0
        self.server: CountingServer | None = None
        self.connection_base = 0

    def page_body(self, limit: int, page: int) -> bytes:
        """The page of the nearest pre-built size not above `limit` (10 at least), for page `page`."""
        sizes = sorted(self.pages)
        size = max([s for s in sizes if s <= limit] or [sizes[0]])
        body = self.pages[size].replace(self.marker, b"%06x" % (page % 0xFFFFFF))
        return body.replace(b'"page":0,', b'"page":%d,' % page, 1)

    async def __call__(self, request: web.BaseRequest) -> web.StreamResponse:
        path = request.path
        if path == "/_stats":
            # minus one: this /_stats request came on a connection of its own (urllib does not reuse)
            made = self.server.connections_made if self.server else 0
            connections = made - self.connection_base - 1
            stats = {"connections": connections, "requests": self.requests}
            return web.Response(body=json.dumps(stats).encode(), headers=_JSON)
        if path == "/_reset":
            self.connection_base = self.server.connections_made if self.server else 0
            self.requests = 0
            return web.Response(body=b"{}", headers=_JSON)
        self.requests += 1
        if self.latency:
            await asyncio.sleep(self.latency)
        body = self.route(path, request.query)
        if body is None:
            return web.Response(
                status=404, body=b'{"err_code":"NOT_FOUND","err_msg":"no such path"}', headers=_JSON
            )
        return web.Response(body=body, headers=_JSON)

    def route(self, path: str, query: Any) -> bytes | None:
        """The body for a path, or None (404)."""
        if path == "/v1/projects":
            return self.bodies["projects"]
        if _KEYS.match(path):
            return next(body for name, body in self.bodies.items() if name.startswith("keys"))
        if _REQUESTS.match(path):
            limit = int(float(query.get("limit") or 10))
            page = int(float(query.get("page") or 0))
            bounded = _PAGES.match(path)
            if bounded and page >= int(bounded.group(1)):
                return b'{"page":%d,"limit":%d,"requests":[]}' % (page, limit)
            return self.page_body(limit, page)
        return None


async def serve(directory: Path, port: int, latency: float) -> None:
    """Serve until SIGTERM/SIGINT; print the bound port first (the parent reads it)."""
    handler = FixedBytes(directory, latency)
    server = CountingServer(handler, access_log=None)
    handler.server = server
    runner = web.ServerRunner(server, handle_signals=False, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", port, backlog=1024)
    await site.start()
    bound = runner.addresses[0][1]
    print(json.dumps({"port": bound}), flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    await runner.cleanup()


def main() -> None:
    """Command line entry point."""
    cli = argparse.ArgumentParser(description=__doc__)
    cli.add_argument("--dir", type=Path, required=True, help="folder of <name>.json bodies")
    cli.add_argument("--port", type=int, default=0)
    cli.add_argument("--latency", type=float, default=0.0, help="seconds added to every /v1 response")
    args = cli.parse_args()
    asyncio.run(serve(args.dir, args.port, args.latency))


if __name__ == "__main__":
    main()
