"""Event hooks: callables the caller registers to see every attempt's request and response.

Hooks receive read-only views with credentials already masked. A hook may be a plain function or a
coroutine function; a hook that raises aborts the call with that exception (it is not retried).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from types import MappingProxyType
from typing import Any

from deepgram.errors import DeepgramTypeError, DeepgramValueError
from deepgram.redact import SECRETS, redact_headers

HOOK_EVENTS = ("request", "response")


@dataclass(frozen=True)
class RequestView:
    """One attempt about to be sent: `operation` (`get_keys`), `method`, `url`, `path_template`
    (`/v1/projects/{project_id}/keys`), `headers` (credentials masked), and `attempt` (0 first)."""

    operation: str
    method: str
    url: str
    path_template: str
    headers: Mapping[str, str]
    attempt: int


@dataclass(frozen=True)
class ResponseView:
    """One attempt's answer: `status`, `headers` (credentials masked), `request_id`, `elapsed`
    (seconds), `http_version` (`HTTP/1.1`) and the `request` it answers."""

    request: RequestView
    status: int
    headers: Mapping[str, str]
    request_id: str | None
    elapsed: timedelta
    http_version: str


def _masked(headers: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType({name: SECRETS.scrub(value) for name, value in redact_headers(headers).items()})


def request_view(
    operation: str, method: str, url: str, template: str, headers: Mapping[str, str], attempt: int
) -> RequestView:
    """A read-only view with the credentials of `headers` and `url` masked."""
    return RequestView(operation, method, SECRETS.scrub(url), template, _masked(headers), attempt)


def response_view(
    request: RequestView,
    status: int,
    headers: Mapping[str, str],
    request_id: str | None,
    elapsed: float,
    http_version: str,
) -> ResponseView:
    """A read-only view of one attempt's response (its headers with credentials masked)."""
    return ResponseView(
        request, status, _masked(headers), request_id, timedelta(seconds=elapsed), http_version
    )


Hook = Callable[[Any], Any]


class EventHooks:
    """The `event_hooks={"request": [...], "response": [...]}` of a client, checked when it is made."""

    def __init__(self, hooks: Mapping[str, Any] | None = None) -> None:
        self.request: tuple[Hook, ...] = ()
        self.response: tuple[Hook, ...] = ()
        if hooks is None:
            return
        if not isinstance(hooks, Mapping):
            raise DeepgramTypeError(f"event_hooks must be a mapping, not {type(hooks).__name__}")
        for event, callables in hooks.items():
            if event not in HOOK_EVENTS:
                raise DeepgramValueError(f"event_hooks: unknown event {event!r}; use 'request' or 'response'")
            if callable(callables):
                callables = [callables]
            listed = tuple(callables)
            for hook in listed:
                if not callable(hook):
                    raise DeepgramTypeError(f"event_hooks[{event!r}]: {hook!r} is not callable")
            setattr(self, event, listed)

    def __bool__(self) -> bool:
        return bool(self.request or self.response)

    @staticmethod
    async def emit(hooks: tuple[Hook, ...], view: Any) -> None:
        """Call each hook in order with `view`, awaiting the ones that return an awaitable."""
        for hook in hooks:
            result = hook(view)
            if inspect.isawaitable(result):
                await result
