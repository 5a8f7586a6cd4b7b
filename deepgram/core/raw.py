"""Raw responses: `x.with_raw_response.<method>(...)` makes the same call and returns the HTTP response.

The call runs unchanged (same retries, same errors); the response it ends with is captured through
a context variable that only the raw wrapper sets, so ordinary calls pay one `ContextVar.get()`.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Coroutine, Mapping
from contextvars import ContextVar
from datetime import timedelta
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from deepgram.core.error_mapping import request_id_from_headers

if TYPE_CHECKING:
    from deepgram.core.transport import Response

R = TypeVar("R")


class Captured:
    """What the transport saw last during one raw call."""

    __slots__ = ("attempts", "body", "elapsed", "headers", "http_version", "status")

    def __init__(self) -> None:
        self.status = 0
        self.headers: Mapping[str, str] = {}
        self.body = b""
        self.elapsed = 0.0
        self.http_version = ""
        self.attempts = 0

    def fill(self, response: Response) -> None:
        """Keep what `response` says (the last one wins: a retried call ends with its final answer)."""
        self.status = response.status
        self.headers = response.headers
        self.body = response.body
        self.elapsed = response.elapsed
        self.http_version = response.http_version
        self.attempts = response.attempt + 1


CAPTURE: ContextVar[Captured | None] = ContextVar("deepgram_raw_capture", default=None)


class RawResponse(Generic[R]):
    """The HTTP response a call ended with: `status`, `headers`, `request_id`, `elapsed` (the last
    attempt), `http_version`, `attempts`, `content` (the body bytes), and `parse()` for the result
    the method returns normally (the same, attached object)."""

    def __init__(self, captured: Captured, result: R) -> None:
        self.status = captured.status
        self.headers = captured.headers
        self.request_id: str | None = request_id_from_headers(captured.headers)
        self.elapsed = timedelta(seconds=captured.elapsed)
        self.http_version = captured.http_version
        self.attempts = captured.attempts
        self.content = captured.body
        self._result = result

    @property
    def status_code(self) -> int:
        """`status`, by the name httpx uses."""
        return self.status

    def parse(self) -> R:
        """The result the method returns without `with_raw_response`."""
        return self._result

    def __repr__(self) -> str:
        return f"<RawResponse {self.status} request_id={self.request_id!r}>"


async def capture(call: Awaitable[R]) -> RawResponse[R]:
    """Await `call` while recording the response it ends with."""
    captured = Captured()
    token = CAPTURE.set(captured)
    try:
        result = await call
    finally:
        CAPTURE.reset(token)
    return RawResponse(captured, result)


class RawResponses:
    """`owner.with_raw_response`: each request method of `owner`, returning a `RawResponse`.

    Async methods stay async (`await client.asyncmanage.with_raw_response.get_keys(pid)`); sync
    methods run their async twin through the owner's `_run` (`project.keys.with_raw_response.list()`).
    """

    def __init__(self, owner: Any) -> None:
        self._owner = owner

    def __getattr__(self, name: str) -> Callable[..., Any]:
        if name.startswith("_"):
            raise AttributeError(name)
        owner = self._owner
        method = getattr(owner, name)  # AttributeError for a name the owner does not have
        if inspect.iscoroutinefunction(method):

            async def raw_async(*args: Any, **kwargs: Any) -> RawResponse[Any]:
                return await capture(method(*args, **kwargs))

            return raw_async
        target = getattr(owner, "_async", owner)  # the classic sync client wraps an async one
        twin = getattr(target, f"a{name}", None) if target is owner else getattr(target, name, None)
        if twin is None or not inspect.iscoroutinefunction(twin):
            raise AttributeError(f"{type(owner).__name__}.{name} makes no request")

        def raw_sync(*args: Any, **kwargs: Any) -> RawResponse[Any]:
            call: Coroutine[Any, Any, Any] = twin(*args, **kwargs)
            result: RawResponse[Any] = owner._run(capture(call))
            return result

        return raw_sync

    def __repr__(self) -> str:
        return f"<with_raw_response of {self._owner!r}>"
