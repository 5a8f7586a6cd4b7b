"""Retry decisions: Retry-After parsing, backoff bounds, and the method x outcome x attempt matrix."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import datetime, timezone
from email.utils import format_datetime
from typing import Any

import pytest
from multidict import CIMultiDict

from deepgram import defaults
from deepgram.core.retry import (
    IDEMPOTENT_METHODS,
    FailureKind,
    RetryPolicy,
    backoff_delay,
    get_header,
    parse_retry_after,
    retry_delay,
)
from deepgram.errors import DeepgramTypeError, DeepgramValueError

NOW = datetime(2026, 1, 15, 12, 0, 0, tzinfo=timezone.utc).timestamp()


def fixed(value: float) -> Callable[[], float]:
    return lambda: value


MIDDLE = fixed(0.5)  # jitter factor exactly 1.0


# --- RetryPolicy -------------------------------------------------------------------------------


def test_policy_defaults_come_from_defaults_module() -> None:
    policy = RetryPolicy()
    assert policy.max_retries == defaults.DEFAULT_MAX_RETRIES == 2
    assert policy.backoff_initial == defaults.DEFAULT_BACKOFF_INITIAL == 0.5
    assert policy.backoff_max == defaults.DEFAULT_BACKOFF_MAX == 8.0
    assert policy.retry_after_max == defaults.DEFAULT_RETRY_AFTER_MAX == 60.0
    assert policy.jitter == defaults.DEFAULT_JITTER == 0.25
    assert policy.retry_statuses == frozenset({408, 429})


def test_policy_is_frozen_and_normalises_statuses() -> None:
    policy = RetryPolicy(retry_statuses={429})  # type: ignore[arg-type]
    assert policy.retry_statuses == frozenset({429})
    assert isinstance(policy.retry_statuses, frozenset)
    with pytest.raises(AttributeError):
        policy.max_retries = 5  # type: ignore[misc]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"max_retries": -1},
        {"max_retries": 1.5},
        {"max_retries": True},
        {"max_retries": "2"},
        {"backoff_initial": -0.1},
        {"backoff_max": float("inf")},
        {"backoff_initial": float("nan")},
        {"retry_after_max": -1},
        {"retry_after_max": "60"},
        {"backoff_initial": 10.0, "backoff_max": 1.0},
        {"jitter": -0.1},
        {"jitter": 1.5},
        {"jitter": "0.1"},
    ],
)
def test_policy_rejects_bad_values(kwargs: dict[str, Any]) -> None:
    with pytest.raises(DeepgramValueError):
        RetryPolicy(**kwargs)


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (408, True),
        (429, True),
        (500, True),
        (599, True),
        (409, False),
        (400, False),
        (200, False),
        (499, False),
    ],
)
def test_is_retryable_status(status: int, expected: bool) -> None:
    assert RetryPolicy().is_retryable_status(status) is expected


# --- headers and Retry-After -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headers", "name", "expected"),
    [
        ({"Retry-After": "1"}, "retry-after", "1"),
        ({"retry-after": "1"}, "Retry-After", "1"),
        ({"RETRY-AFTER": "1"}, "retry-after", "1"),
        ({"other": "1"}, "retry-after", None),
        (CIMultiDict([("Retry-After", "1"), ("retry-after", "2")]), "RETRY-after", "1"),
    ],
)
def test_get_header(headers: dict[str, str], name: str, expected: str | None) -> None:
    assert get_header(headers, name) == expected


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({}, None),
        ({"Retry-After": "0"}, 0.0),
        ({"Retry-After": "5"}, 5.0),
        ({"retry-after": "5"}, 5.0),
        ({"RETRY-AFTER": " 12 "}, 12.0),
        ({"Retry-After": "1.5"}, 1.5),
        ({"Retry-After": ".5"}, 0.5),
        ({"Retry-After": "3."}, 3.0),
        ({"Retry-After": "+2"}, 2.0),
        ({"Retry-After": "-3"}, 0.0),
        ({"Retry-After": "-0.5"}, 0.0),
        ({"Retry-After": "3600"}, 3600.0),  # parsing does not cap; retry_delay does
        ({"Retry-After": "Thu, 15 Jan 2026 12:00:30 GMT"}, 30.0),
        ({"Retry-After": "Thursday, 15-Jan-26 12:01:00 GMT"}, 60.0),
        ({"Retry-After": "Thu Jan 15 12:00:10 2026"}, 10.0),
        ({"Retry-After": "Thu, 15 Jan 2026 12:00:10 -0000"}, 10.0),
        ({"Retry-After": "Thu, 15 Jan 2026 13:00:10 +0100"}, 10.0),
        ({"Retry-After": "Thu, 15 Jan 2026 11:00:00 GMT"}, 0.0),  # in the past
        ({"Retry-After": "soon"}, None),
        ({"Retry-After": ""}, None),
        ({"Retry-After": "   "}, None),
        ({"Retry-After": "1e3"}, None),
        ({"Retry-After": "inf"}, None),
        ({"Retry-After": "nan"}, None),
        ({"Retry-After": "1_000"}, None),
        ({"Retry-After": "5 seconds"}, None),
        ({"Retry-After": "0x10"}, None),
        ({"Retry-After": "Mon, 99 Jan 2026 12:00:00 GMT"}, None),
        ({"Retry-After": "Thu, 15 Jan 99999 12:00:00 GMT"}, None),
        ({"retry-after-ms": "1500"}, 1.5),
        ({"Retry-After-Ms": "20.5"}, 0.0205),
        ({"retry-after-ms": "-5"}, 0.0),
        ({"retry-after-ms": "250", "Retry-After": "9"}, 0.25),  # ms wins
        ({"retry-after-ms": "junk", "Retry-After": "9"}, 9.0),  # garbage ms falls back
        ({"retry-after-ms": "junk"}, None),
        (CIMultiDict([("Retry-After", "4")]), 4.0),
    ],
)
def test_parse_retry_after(headers: dict[str, str], expected: float | None) -> None:
    result = parse_retry_after(headers, now=NOW)
    if expected is None:
        assert result is None
    else:
        assert result == pytest.approx(expected)


def test_parse_retry_after_date_defaults_to_current_time() -> None:
    far_future = datetime(2999, 1, 1, tzinfo=timezone.utc)
    result = parse_retry_after({"Retry-After": format_datetime(far_future, usegmt=True)})
    assert result is not None and result > 0


# --- backoff -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("attempt", "rand", "expected"),
    [
        (0, 0.5, 0.5),
        (1, 0.5, 1.0),
        (2, 0.5, 2.0),
        (3, 0.5, 4.0),
        (4, 0.5, 8.0),
        (5, 0.5, 8.0),  # capped
        (100, 0.5, 8.0),
        (10_000, 0.5, 8.0),  # no overflow
        (0, 0.0, 0.375),  # -25 %
        (2, 0.0, 1.5),
        (0, 0.75, 0.5625),  # +12.5 %
        (2, 0.999999, 2.0 * (1 + 0.25 * 0.999998)),
        (4, 0.999999, 8.0),  # jitter never lifts above the cap
        (4, 0.0, 6.0),  # but may lower it
    ],
)
def test_backoff_delay_table(attempt: int, rand: float, expected: float) -> None:
    assert backoff_delay(attempt, RetryPolicy(), random=fixed(rand)) == pytest.approx(expected)


@pytest.mark.parametrize("jitter", [0.0, 0.1, 0.25, 0.5, 1.0])
@pytest.mark.parametrize("rand", [0.0, 0.1, 0.25, 0.5, 0.75, 0.9999999])
@pytest.mark.parametrize("attempt", [0, 1, 2, 3, 4, 5, 8, 30, 64])
def test_backoff_delay_bounds(attempt: int, rand: float, jitter: float) -> None:
    policy = RetryPolicy(backoff_initial=0.5, backoff_max=8.0, jitter=jitter)
    base = min(8.0, 0.5 * 2**attempt)
    delay = backoff_delay(attempt, policy, random=fixed(rand))
    assert 0.0 <= delay <= 8.0
    assert base * (1 - jitter) - 1e-9 <= delay <= min(8.0, base * (1 + jitter)) + 1e-9


def test_backoff_grows_until_the_cap() -> None:
    delays = [backoff_delay(n, RetryPolicy(), random=MIDDLE) for n in range(8)]
    assert delays == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0, 8.0, 8.0]


def test_backoff_without_jitter_ignores_random() -> None:
    policy = RetryPolicy(jitter=0)
    assert {backoff_delay(1, policy, random=fixed(r)) for r in (0.0, 0.3, 0.99)} == {1.0}


def test_backoff_zero_initial_is_zero() -> None:
    assert backoff_delay(3, RetryPolicy(backoff_initial=0.0), random=fixed(0.9)) == 0.0


def test_backoff_rejects_negative_attempt() -> None:
    with pytest.raises(DeepgramValueError):
        backoff_delay(-1, RetryPolicy())


def test_backoff_uses_real_random_by_default() -> None:
    for _ in range(50):
        assert 0.375 <= backoff_delay(0, RetryPolicy()) <= 0.625


# --- the retry matrix --------------------------------------------------------------------------

METHODS = ["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "PATCH", "POST", "get", "post", "patch"]
IDEMPOTENT = {"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "PATCH"}

# status -> retried for an idempotent method? (POST: only 429)
STATUS_TABLE = {
    200: False,
    201: False,
    204: False,
    301: False,
    304: False,
    400: False,
    401: False,
    402: False,
    403: False,
    404: False,
    405: False,
    408: True,
    409: False,
    410: False,
    422: False,
    425: False,
    429: True,
    499: False,
    500: True,
    501: True,
    502: True,
    503: True,
    504: True,
    520: True,
    599: True,
}
# failure -> retried for POST? (idempotent methods: always)
POST_FAILURE_TABLE = {
    FailureKind.CONNECT: True,
    FailureKind.DISCONNECTED: False,
    FailureKind.TIMEOUT: False,
    FailureKind.PAYLOAD: False,
}


def test_idempotent_methods_are_documented_set() -> None:
    assert {"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "PATCH"} <= IDEMPOTENT_METHODS
    assert "POST" not in IDEMPOTENT_METHODS


@pytest.mark.parametrize("attempt", [0, 1, 2, 3])
@pytest.mark.parametrize("status", sorted(STATUS_TABLE))
@pytest.mark.parametrize("method", METHODS)
def test_status_matrix(method: str, status: int, attempt: int) -> None:
    idempotent = method.upper() in IDEMPOTENT
    expected = attempt < 2 and (STATUS_TABLE[status] if idempotent else status == 429)
    delay = retry_delay(RetryPolicy(), attempt=attempt, method=method, status=status, random=MIDDLE)
    if expected:
        assert delay == backoff_delay(attempt, RetryPolicy(), random=MIDDLE)
    else:
        assert delay is None


@pytest.mark.parametrize("attempt", [0, 1, 2, 3])
@pytest.mark.parametrize("failure", list(FailureKind))
@pytest.mark.parametrize("method", METHODS)
def test_failure_matrix(method: str, failure: FailureKind, attempt: int) -> None:
    idempotent = method.upper() in IDEMPOTENT
    expected = attempt < 2 and (True if idempotent else POST_FAILURE_TABLE[failure])
    delay = retry_delay(RetryPolicy(), attempt=attempt, method=method, failure=failure, random=MIDDLE)
    if expected:
        assert delay == backoff_delay(attempt, RetryPolicy(), random=MIDDLE)
    else:
        assert delay is None


OUTCOMES: list[dict[str, Any]] = [{"status": s} for s in STATUS_TABLE] + [{"failure": f} for f in FailureKind]


@pytest.mark.parametrize(("method", "outcome"), list(itertools.product(METHODS, OUTCOMES)))
def test_max_retries_zero_disables_everything(method: str, outcome: dict[str, Any]) -> None:
    headers = {"Retry-After": "1"}
    assert (
        retry_delay(RetryPolicy(max_retries=0), attempt=0, method=method, headers=headers, **outcome) is None
    )


@pytest.mark.parametrize("max_retries", [1, 3, 5])
def test_attempts_stop_at_max_retries(max_retries: int) -> None:
    policy = RetryPolicy(max_retries=max_retries)
    decisions = [
        retry_delay(policy, attempt=n, method="GET", status=503, random=MIDDLE)
        for n in range(max_retries + 3)
    ]
    assert all(d is not None for d in decisions[:max_retries])
    assert all(d is None for d in decisions[max_retries:])


@pytest.mark.parametrize("failure", [FailureKind.DISCONNECTED, FailureKind.TIMEOUT, FailureKind.PAYLOAD])
def test_post_never_repeated_once_it_may_have_reached_the_server(failure: FailureKind) -> None:
    policy = RetryPolicy(max_retries=10)
    for attempt in range(10):
        assert retry_delay(policy, attempt=attempt, method="POST", failure=failure) is None
        for status in (500, 502, 503, 504, 408):
            assert (
                retry_delay(
                    policy, attempt=attempt, method="POST", status=status, headers={"Retry-After": "1"}
                )
                is None
            )


def test_post_retried_on_connect_and_429() -> None:
    assert (
        retry_delay(RetryPolicy(), attempt=0, method="POST", failure=FailureKind.CONNECT, random=MIDDLE)
        == 0.5
    )
    assert retry_delay(RetryPolicy(), attempt=1, method="POST", status=429, random=MIDDLE) == 1.0
    assert (
        retry_delay(RetryPolicy(), attempt=0, method="POST", status=429, headers={"Retry-After": "3"}) == 3.0
    )


@pytest.mark.parametrize(
    ("method", "status", "headers", "expected"),
    [
        ("GET", 429, {"Retry-After": "3"}, 3.0),
        ("GET", 429, {"Retry-After": "0"}, 0.0),
        ("GET", 429, {"Retry-After": "0.25"}, 0.25),  # exactly, even below the backoff
        ("GET", 503, {"Retry-After": "20"}, 20.0),  # exactly, even above backoff_max
        ("GET", 503, {"Retry-After": "120"}, 60.0),  # capped at retry_after_max
        ("GET", 503, {"retry-after-ms": "1500"}, 1.5),
        ("GET", 503, {"Retry-After": "Thu, 15 Jan 2026 12:00:45 GMT"}, 45.0),
        ("GET", 503, {"Retry-After": "Thu, 15 Jan 2026 14:00:00 GMT"}, 60.0),
        ("GET", 503, {"Retry-After": "later"}, 0.5),  # garbage: backoff
        ("GET", 503, {}, 0.5),
        ("POST", 429, {"Retry-After": "600"}, 60.0),
        ("GET", 404, {"Retry-After": "1"}, None),  # Retry-After never makes a status retryable
        ("POST", 503, {"Retry-After": "1"}, None),
    ],
)
def test_retry_after_is_honoured(
    method: str, status: int, headers: dict[str, str], expected: float | None
) -> None:
    delay = retry_delay(
        RetryPolicy(), attempt=0, method=method, status=status, headers=headers, random=MIDDLE, now=NOW
    )
    if expected is None:
        assert delay is None
    else:
        assert delay == pytest.approx(expected)


def test_retry_after_cap_is_configurable() -> None:
    policy = RetryPolicy(retry_after_max=5.0)
    assert retry_delay(policy, attempt=0, method="GET", status=429, headers={"Retry-After": "30"}) == 5.0


def test_failures_ignore_headers() -> None:
    delay = retry_delay(
        RetryPolicy(),
        attempt=0,
        method="GET",
        failure=FailureKind.TIMEOUT,
        headers={"Retry-After": "30"},
        random=MIDDLE,
    )
    assert delay == 0.5


@pytest.mark.parametrize(
    ("statuses", "status", "expected"),
    [
        (frozenset({429}), 408, False),
        (frozenset({429}), 429, True),
        (frozenset({409, 429}), 409, True),
        (frozenset(), 429, False),
        (frozenset(), 500, True),  # every 5xx, whatever the set says
    ],
)
def test_custom_retry_statuses(statuses: frozenset[int], status: int, expected: bool) -> None:
    policy = RetryPolicy(retry_statuses=statuses)
    assert (retry_delay(policy, attempt=0, method="GET", status=status) is not None) is expected


def test_post_429_not_retried_when_429_is_not_retryable() -> None:
    assert retry_delay(RetryPolicy(retry_statuses=frozenset()), attempt=0, method="POST", status=429) is None


@pytest.mark.parametrize(
    "kwargs",
    [
        {"attempt": 0, "method": "GET"},  # neither status nor failure
        {"attempt": 0, "method": "GET", "status": 500, "failure": FailureKind.CONNECT},
        {"attempt": -1, "method": "GET", "status": 500},
    ],
)
def test_retry_delay_rejects_bad_calls(kwargs: dict[str, Any]) -> None:
    with pytest.raises(DeepgramValueError):
        retry_delay(RetryPolicy(), **kwargs)


def test_value_errors_are_type_errors_too() -> None:
    with pytest.raises(DeepgramTypeError):
        RetryPolicy(max_retries=-1)
