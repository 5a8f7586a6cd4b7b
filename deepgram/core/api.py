"""The one path every call takes: endpoint + ids + options in, a typed (and bound) result out."""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import Coroutine, Mapping
from typing import Any, Protocol, TypeVar

from deepgram.core.decoding import decode, require
from deepgram.core.endpoint import DateFormat, Endpoint
from deepgram.core.runner import LoopRunner
from deepgram.core.sessions import SessionPool
from deepgram.core.transport import Response, Transport
from deepgram.core.urls import build_path

R = TypeVar("R")
T = TypeVar("T")


class WireOptions(Protocol):
    """What an options object must offer to be sent: as a query string, or as a JSON body."""

    def to_query(self, dates: DateFormat) -> list[tuple[str, str]]: ...

    def to_body(self) -> bytes: ...


class Lifetime:
    """Shared by a client, its `with_options` siblings and every object they return: the connections
    and loops are closed by `close()`, or when the last holder is gone (or the interpreter exits).

    A temporary client (`DeepgramClient(...).manage.get_projects()`), a factory returning
    `client.manage`, or a `Key` kept after its client was dropped all hold it, so they keep working.
    """

    def __init__(self, runner: LoopRunner, pool: SessionPool) -> None:
        self.close = weakref.finalize(self, _close_all, runner, pool)


def _close_all(runner: LoopRunner, pool: SessionPool) -> None:
    runner.close()
    pool.close_idle()
    pool.closed = True


class Api:
    """Executes endpoints for one client; results are attached to it so their methods work.

    Holds the transport (async I/O) and the loop runner (sync bridge); `with_options` siblings
    share both the connection pool and the runner.
    """

    def __init__(self, transport: Transport, runner: LoopRunner, lifetime: Lifetime | None = None) -> None:
        self.transport = transport
        self.runner = runner
        self.lifetime = lifetime if lifetime is not None else Lifetime(runner, transport.pool)

    def with_transport(self, transport: Transport) -> Api:
        """A sibling with other transport settings, sharing sessions, the runner and the lifetime."""
        return Api(transport, self.runner, self.lifetime)

    async def call(
        self,
        endpoint: Endpoint[R],
        params: Mapping[str, str] | None = None,
        options: WireOptions | None = None,
    ) -> R:
        """`endpoint.method endpoint.path` with `params` filled in; raises the SDK's errors only."""
        path = build_path(endpoint.path, params or {})
        query: list[tuple[str, str]] | None = None
        body: bytes | None = None
        if options is not None:
            if endpoint.body:
                body = options.to_body()
            else:
                query = options.to_query(endpoint.dates)

        def parse(response: Response) -> R:
            wire = decode(
                endpoint.wire, response.body, status=response.status, method=endpoint.method, path=path
            )
            if endpoint.requires:
                require(
                    wire, endpoint.requires, response.body,
                    status=response.status, method=endpoint.method, path=path,
                )
            result: R = endpoint.adapt(wire) if endpoint.adapt is not None else wire
            return result

        result = await self.transport.request(endpoint.method, path, query, body, parse=parse)
        if endpoint.after is not None:
            endpoint.after(params or {})
        attach = getattr(result, "_attach", None)
        if attach is not None:
            attach(self, (params or {}).get("project_id"))
        return result

    def run(self, coro: Coroutine[Any, Any, T]) -> T:
        """Run a coroutine from sync code (see `LoopRunner`)."""
        return self.runner.run(coro)

    def close(self) -> None:
        """Close every session on every loop this client used, and stop its loops. Idempotent."""
        self.lifetime.close()

    async def aclose(self) -> None:
        """`close()` from async code: this loop's session first, then the rest off the loop."""
        pool = self.transport.pool
        await pool.close_current()
        await asyncio.to_thread(self.close)

