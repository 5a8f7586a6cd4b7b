"""Per-call settings: `RequestOptions(timeout=..., headers=..., query=..., max_retries=...)`.

They are passed explicitly from the method that was called, through `Api.call`, to the transport,
so two concurrent calls can never see each other's settings.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol, TypedDict

from deepgram.core.headers import check_headers
from deepgram.core.timeouts import check_timeout
from deepgram.core.urls import encode_query
from deepgram.errors import DeepgramTypeError, DeepgramValueError


class TimeoutLike(Protocol):
    """The 4.x SDK's `httpx.Timeout`: only its `read` seconds are used (the total per attempt)."""

    @property
    def read(self) -> float | None: ...


Timeout = float | TimeoutLike | None
Addons = Mapping[str, Any] | None
Headers = Mapping[str, str] | None


def _mapping(name: str, value: object) -> Mapping[Any, Any]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise DeepgramTypeError(f"{name} must be a mapping, not {type(value).__name__}")
    return value


@dataclass(frozen=True)
class RequestOptions:
    """Settings for the requests of one call, on top of the client's: a total `timeout` in seconds
    per attempt, extra `headers`, extra `query` parameters (sent as given) and `max_retries`.

    Validated on construction: a bad value raises `DeepgramTypeError`/`DeepgramValueError` before
    anything is sent (see `check_timeout`, `check_headers`). `Authorization` cannot be replaced
    through `headers`.
    """

    timeout: float | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    query: Mapping[str, Any] = field(default_factory=dict)
    max_retries: int | None = None
    query_pairs: tuple[tuple[str, str], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.timeout is not None:
            object.__setattr__(self, "timeout", check_timeout("timeout", self.timeout))
        object.__setattr__(self, "headers", check_headers(self.headers))
        object.__setattr__(self, "query_pairs", tuple(encode_query(_mapping("query", self.query))))
        retries = self.max_retries
        if retries is not None:
            if isinstance(retries, bool) or not isinstance(retries, int):
                raise DeepgramTypeError(f"max_retries must be an int, not {type(retries).__name__}")
            if retries < 0:
                raise DeepgramValueError(f"max_retries must be >= 0, got {retries}")

    @classmethod
    def of(
        cls, timeout: Timeout = None, addons: Addons = None, headers: Headers = None
    ) -> RequestOptions | None:
        """The 4.x SDK's per-call keywords (`timeout=`, `addons=`, `headers=`); None when none is given."""
        if timeout is None and addons is None and headers is None:
            return None
        seconds: Any = getattr(timeout, "read", timeout)  # an httpx.Timeout: its read timeout
        return cls(timeout=seconds, headers=headers or {}, query=_mapping("addons", addons))


class PerCall(TypedDict, total=False):
    """The 4.x SDK's per-call keywords, taken by every classic method: `timeout=` (seconds per
    attempt, or an `httpx.Timeout`), `addons=` (extra query parameters) and `headers=`."""

    timeout: Timeout
    addons: Addons
    headers: Headers
