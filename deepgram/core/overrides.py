"""Per-call settings of the older SDK (`timeout=`, `addons=`, `headers=` on any classic method).

They travel in a context variable from the classic method to the transport, so no endpoint
signature has to carry them, and concurrent calls never see each other's.
"""

from __future__ import annotations

import contextvars
import functools
from collections.abc import Callable, Coroutine, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from deepgram.core.headers import check_headers
from deepgram.core.timeouts import check_timeout
from deepgram.core.urls import encode_query
from deepgram.errors import DeepgramTypeError

R = TypeVar("R")
NAMES = ("timeout", "addons", "headers")


@dataclass(frozen=True)
class CallOverrides:
    """Extra query parameters and headers, and a total timeout, for the requests of one call."""

    query: list[tuple[str, str]] = field(default_factory=list)
    headers: Mapping[str, str] = field(default_factory=dict)
    timeout: float | None = None


CURRENT: contextvars.ContextVar[CallOverrides | None] = contextvars.ContextVar(
    "deepgram_overrides", default=None
)


def _timeout_seconds(value: Any) -> float:
    # The older SDK took an httpx.Timeout; its read timeout is the closest to our total per attempt.
    return check_timeout("timeout", getattr(value, "read", value))


def from_kwargs(kwargs: dict[str, Any]) -> CallOverrides | None:
    """Pop the older SDK's per-call keywords from `kwargs`; None when there are none."""
    if not any(name in kwargs for name in NAMES):
        return None
    timeout, addons, headers = (kwargs.pop(name, None) for name in NAMES)
    if addons is not None and not isinstance(addons, Mapping):
        raise DeepgramTypeError(f"addons must be a mapping, not {type(addons).__name__}")
    return CallOverrides(
        query=encode_query(addons or {}),
        headers=check_headers(headers or {}),
        timeout=None if timeout is None else _timeout_seconds(timeout),
    )


def accepting_overrides(
    method: Callable[..., Coroutine[Any, Any, R]],
) -> Callable[..., Coroutine[Any, Any, R]]:
    """Let `method` take `timeout=`, `addons=` and `headers=` as the older SDK's methods did."""

    @functools.wraps(method)
    async def call(*args: Any, **kwargs: Any) -> R:
        overrides = from_kwargs(kwargs)
        if overrides is None:
            return await method(*args, **kwargs)
        token = CURRENT.set(overrides)
        try:
            return await method(*args, **kwargs)
        finally:
            CURRENT.reset(token)

    return call
