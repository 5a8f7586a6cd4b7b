"""The one path every call takes: operation + ids + options in, a typed (and bound) result out."""

from __future__ import annotations

import asyncio
import contextlib
import weakref
from collections.abc import Coroutine
from typing import Any, Protocol, TypeVar, cast

from deepgram.core import tracing
from deepgram.core.operation import DateFormat, Operation
from deepgram.core.raw import CAPTURE
from deepgram.core.request_options import RequestOptions
from deepgram.core.runner import LoopRunner
from deepgram.core.sessions import SessionPool
from deepgram.core.transport import Response, Transport
from deepgram.core.urls import build_path
from deepgram.errors import DeepgramTypeError

R = TypeVar("R")
T = TypeVar("T")


class WireOptions(Protocol):
    """What an options object must offer to be sent: as a query string, or as a JSON body."""

    def to_query(self, dates: DateFormat) -> list[tuple[str, str]]: ...

    def to_body(self) -> bytes: ...

    def query_part(self) -> list[tuple[str, str]]: ...


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
    """Executes operations for one client; results are attached to it so their methods work.

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
        operation: Operation[R],
        *ids: str,
        options: Any = None,
        request_options: RequestOptions | None = None,
        **fields: Any,
    ) -> R:
        """Send `operation` with its path `ids` in order; `options` (an instance, a dict) and `fields`
        are coerced through the declared options class first. Raises the SDK's errors only."""
        names = operation.ids
        if len(ids) != len(names):
            raise DeepgramTypeError(
                f"{operation.name} takes {len(names)} id(s) ({', '.join(names) or 'none'}), got {len(ids)}"
            )
        params = dict(zip(names, ids, strict=True))
        path = build_path(operation.path, params)
        query: list[tuple[str, str]] | None = None
        body: bytes | None = None
        declared = operation.options
        if declared is None:
            if options is not None or fields:
                raise DeepgramTypeError(f"{operation.name} takes no options")
        elif options is not None or fields or operation.body:
            sent: WireOptions = declared.coerce(options, **fields)
            if operation.body:
                body = sent.to_body()
                query = sent.query_part() or None
            else:
                query = sent.to_query(operation.dates)

        capture = CAPTURE.get()  # set only inside `with_raw_response`
        span: Any = None

        def parse(response: Response) -> R:
            result = operation.parse(response.body, response.status, path)
            with contextlib.suppress(AttributeError):  # a shape without the slot: a raw export page
                cast(Any, result)._response_headers = response.headers  # read by `dg_request_id`
            if capture is not None:
                capture.fill(response)
            if span is not None:
                tracing.record_response(span, response.status, response.headers, response.attempt + 1)
            return result

        tracer = tracing.tracer()
        send, method, per_call = self.transport.request, operation.method, request_options
        if tracer is None:
            result = await send(method, path, query, body, parse=parse, options=per_call, call=operation)
        else:
            server = tracing.server_of(self.transport.config.base_url)
            with tracing.operation_span(tracer, operation.name, method, operation.path, server) as span:
                result = await send(method, path, query, body, parse=parse, options=per_call, call=operation)
        if operation.after is not None:
            operation.after(params)
        attach = getattr(result, "_attach", None)
        if attach is not None:
            attach(self, params.get("project_id"))
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

