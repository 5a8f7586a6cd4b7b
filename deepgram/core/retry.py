"""Retry decisions and delays as pure functions, so the transport only sleeps and repeats."""

from __future__ import annotations

import enum
import math
import random as _random
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import timezone

from deepgram import defaults
from deepgram.errors import DeepgramValueError

# Methods whose repetition leaves the server as one attempt would. PATCH is not idempotent in
# HTTP terms, but Deepgram's only PATCH (update project) sets the name: repeating it is harmless.
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE", "PATCH"})

_SECONDS = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
# Past this exponent the doubling is far beyond any sane cap; also keeps 2**n a finite float.
_MAX_EXPONENT = 60


def get_header(headers: Mapping[str, str], name: str) -> str | None:
    """Return the first value of header `name`, compared case-insensitively (dict or multidict)."""
    value = headers.get(name)
    if value is not None:
        return value
    wanted = name.lower()
    for key, candidate in headers.items():
        if key.lower() == wanted:
            return candidate
    return None


class FailureKind(enum.Enum):
    """How a request failed without an HTTP status; decides whether it is safe to send it again."""

    CONNECT = "connect"  # provably never reached the server: DNS, refused, connect timeout
    DISCONNECTED = "disconnected"  # connection dropped after the request may have been sent
    TIMEOUT = "timeout"  # read timeout after the request was sent
    PAYLOAD = "payload"  # truncated or invalid body while reading the response


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how long to retry. `max_retries=0` disables retries altogether."""

    max_retries: int = defaults.DEFAULT_MAX_RETRIES
    backoff_initial: float = defaults.DEFAULT_BACKOFF_INITIAL
    backoff_max: float = defaults.DEFAULT_BACKOFF_MAX
    retry_after_max: float = defaults.DEFAULT_RETRY_AFTER_MAX
    jitter: float = defaults.DEFAULT_JITTER
    # Retried besides every status >= 500.
    retry_statuses: frozenset[int] = field(default=defaults.DEFAULT_RETRY_STATUSES)

    def __post_init__(self) -> None:
        if isinstance(self.max_retries, bool) or not isinstance(self.max_retries, int):
            raise DeepgramValueError(f"max_retries must be an int, got {self.max_retries!r}")
        if self.max_retries < 0:
            raise DeepgramValueError(f"max_retries must be >= 0, got {self.max_retries}")
        for name in ("backoff_initial", "backoff_max", "retry_after_max"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise DeepgramValueError(f"{name} must be a number, got {value!r}")
            if not math.isfinite(value) or value < 0:
                raise DeepgramValueError(f"{name} must be a finite number >= 0, got {value!r}")
        if self.backoff_initial > self.backoff_max:
            raise DeepgramValueError("backoff_initial must not exceed backoff_max")
        if (
            isinstance(self.jitter, bool)
            or not isinstance(self.jitter, (int, float))
            or not (0 <= self.jitter <= 1)
        ):
            raise DeepgramValueError(f"jitter must be a fraction between 0 and 1, got {self.jitter!r}")
        object.__setattr__(self, "retry_statuses", frozenset(self.retry_statuses))

    def is_retryable_status(self, status: int) -> bool:
        """True for statuses in `retry_statuses` and for every status >= 500."""
        return status >= 500 or status in self.retry_statuses


def parse_retry_after(headers: Mapping[str, str], *, now: float | None = None) -> float | None:
    """Seconds the server asks us to wait, or None when it says nothing usable.

    Reads `retry-after-ms` (milliseconds) first, then `Retry-After` as seconds (int or float) or as
    an HTTP-date, taken relative to `now` (unix time, default `time.time()`). A negative value or a
    date in the past gives 0; garbage gives None. Header names are case-insensitive.
    """
    millis = get_header(headers, "retry-after-ms")
    if millis is not None and _SECONDS.fullmatch(millis.strip()):
        return max(0.0, float(millis.strip()) / 1000.0)
    value = get_header(headers, "retry-after")
    if value is None:
        return None
    value = value.strip()
    if _SECONDS.fullmatch(value):
        return max(0.0, float(value))
    try:
        from email.utils import parsedate_to_datetime  # only for the rare HTTP-date form; costly import

        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:  # "-0000" or no zone: HTTP-dates are always GMT
        when = when.replace(tzinfo=timezone.utc)
    reference = time.time() if now is None else now
    return max(0.0, when.timestamp() - reference)


def backoff_delay(
    attempt: int, policy: RetryPolicy, *, random: Callable[[], float] = _random.random
) -> float:
    """Exponential backoff `backoff_initial * 2**attempt`, capped at `backoff_max`, with jitter.

    `attempt` is 0 for the first retry. The jitter scales the delay by a factor drawn uniformly
    from [1 - jitter, 1 + jitter]; the result is never negative and never above `backoff_max`.
    `random` returns a float in [0, 1) and is a parameter so tests can pin it.
    """
    if attempt < 0:
        raise DeepgramValueError(f"attempt must be >= 0, got {attempt}")
    base = min(policy.backoff_max, policy.backoff_initial * 2.0 ** min(attempt, _MAX_EXPONENT))
    factor = 1.0 + policy.jitter * (2.0 * random() - 1.0)
    return min(policy.backoff_max, max(0.0, base * factor))


def retry_delay(
    policy: RetryPolicy,
    *,
    attempt: int,
    method: str,
    status: int | None = None,
    failure: FailureKind | None = None,
    headers: Mapping[str, str] | None = None,
    random: Callable[[], float] = _random.random,
    now: float | None = None,
    budget: bool = True,
) -> float | None:
    """Seconds to wait before the next attempt, or None for "do not retry".

    Give exactly one of `status` (a response arrived) or `failure` (none did). `attempt` counts
    retries already made: 0 when deciding the first retry. The rules, in order:

    1. No retry once `attempt >= policy.max_retries` (so `max_retries=0` never retries), unless
       `budget=False`: a caller that counts attempts itself (the usage scraper, per page).
    2. Statuses: only 408, 429 (`policy.retry_statuses`) and any status >= 500 are retried.
    3. Failures: every kind is retried for idempotent methods (GET, HEAD, OPTIONS, TRACE, PUT,
       DELETE and PATCH; Deepgram's PATCH only sets a project name, so repeating it is harmless).
    4. Non-idempotent methods (POST) are retried only when the server provably did not act on
       them: `FailureKind.CONNECT` (never sent) or status 429 (rejected unprocessed). Never after
       a 5xx, a timeout or a dropped connection: a duplicate API key or invite is data damage.
    5. The wait is the response's Retry-After (`retry-after-ms` / `Retry-After`), honoured exactly
       but capped at `policy.retry_after_max`; without one, `backoff_delay(attempt, policy)`.
    """
    if attempt < 0:
        raise DeepgramValueError(f"attempt must be >= 0, got {attempt}")
    if (status is None) == (failure is None):
        raise DeepgramValueError("give exactly one of status or failure")
    if budget and attempt >= policy.max_retries:
        return None
    idempotent = method.upper() in IDEMPOTENT_METHODS
    if status is not None:
        if not policy.is_retryable_status(status):
            return None
        if not idempotent and status != 429:
            return None
        retry_after = parse_retry_after(headers, now=now) if headers else None
        if retry_after is not None:
            return min(retry_after, policy.retry_after_max)
    elif not idempotent and failure is not FailureKind.CONNECT:
        return None
    return backoff_delay(attempt, policy, random=random)
