"""Bad arguments raise a typed error before any request is sent."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
from aioresponses import aioresponses

from deepgram import (
    DeepgramClient,
    DeepgramTypeError,
    DeepgramValueError,
    InviteOptions,
    KeyOptions,
    MissingCredentialsError,
    ScopeOptions,
    UsageRequestOptions,
)
from tests.conftest import API_KEY, BASE

Call = Callable[[Any], Any]

BAD_CALLS: list[tuple[str, Call, type[Exception]]] = [
    ("empty project id", lambda m: m.get_project(""), DeepgramValueError),
    ("blank project id", lambda m: m.get_keys("   "), DeepgramValueError),
    ("non-string project id", lambda m: m.get_project(123), DeepgramTypeError),
    ("None key id", lambda m: m.get_key("p", None), DeepgramTypeError),
    ("empty member id", lambda m: m.remove_member("p", ""), DeepgramValueError),
    (
        "unknown option name",
        lambda m: m.create_key("p", comment="c", scopes=["a"], scope="x"),
        DeepgramTypeError,
    ),
    ("unknown option in dict", lambda m: m.get_usage_requests("p", {"limitt": 5}), DeepgramTypeError),
    ("wrong option type", lambda m: m.get_usage_requests("p", limit="10"), DeepgramTypeError),
    ("bool as int", lambda m: m.get_usage_requests("p", limit=True), DeepgramTypeError),
    (
        "options of the wrong class",
        lambda m: m.create_key("p", ScopeOptions(scope="admin")),
        DeepgramTypeError,
    ),
    ("options not a mapping", lambda m: m.create_key("p", ["comment"]), DeepgramTypeError),
    (
        "ttl with expiration",
        lambda m: m.create_key(
            "p", comment="c", scopes=["a"], time_to_live_in_seconds=60, expiration_date="2027-01-01"
        ),
        DeepgramValueError,
    ),
    ("no scopes", lambda m: m.create_key("p", comment="c"), DeepgramValueError),
    (
        "negative ttl",
        lambda m: m.create_key("p", comment="c", scopes=["a"], time_to_live_in_seconds=-5),
        DeepgramValueError,
    ),
    ("invalid email", lambda m: m.send_invite("p", "not-an-email"), DeepgramValueError),
    ("email with slash", lambda m: m.send_invite("p", "a/b@c.com"), DeepgramValueError),
    ("empty scope", lambda m: m.update_member_scope("p", "m", ""), DeepgramValueError),
    ("limit above maximum", lambda m: m.get_usage_requests("p", limit=5000), DeepgramValueError),
    ("limit zero", lambda m: m.get_usage_requests("p", limit=0), DeepgramValueError),
    ("negative page", lambda m: m.get_usage_requests("p", page=-1), DeepgramValueError),
    ("unknown status", lambda m: m.get_usage_requests("p", status="ok"), DeepgramValueError),
    ("unknown endpoint", lambda m: m.get_usage_summary("p", endpoint="transcribe"), DeepgramValueError),
    ("malformed date", lambda m: m.get_usage_summary("p", start="2026-13-45"), DeepgramValueError),
    (
        "start after end",
        lambda m: m.get_usage_requests("p", start="2026-02-01", end="2026-01-01"),
        DeepgramValueError,
    ),
    ("update with nothing", lambda m: m.update_project("p", {}), DeepgramValueError),
    ("unknown grouping", lambda m: m.get_usage_breakdown("p", grouping="colour"), DeepgramValueError),
    ("too many arguments", lambda m: m.get_usage_requests("p", UsageRequestOptions(limit=5), 7), TypeError),
]


@pytest.mark.parametrize(("label", "call", "error"), BAD_CALLS, ids=[c[0] for c in BAD_CALLS])
def test_sync_bad_input_sends_nothing(label: str, call: Call, error: type[Exception]) -> None:
    with aioresponses() as mocked, DeepgramClient(api_key=API_KEY, url=BASE) as dg:
        mocked.add(re.compile(".*"), "GET", payload={}, repeat=True)
        with pytest.raises(error):
            call(dg.manage)
        assert mocked.requests == {}


@pytest.mark.parametrize(("label", "call", "error"), BAD_CALLS, ids=[c[0] for c in BAD_CALLS])
async def test_async_bad_input_sends_nothing(label: str, call: Call, error: type[Exception]) -> None:
    with aioresponses() as mocked:
        async with DeepgramClient(api_key=API_KEY, url=BASE) as dg:
            with pytest.raises(error):
                await call(dg.asyncmanage)
        assert mocked.requests == {}


@pytest.mark.parametrize(
    ("build", "error"),
    [
        (
            lambda: KeyOptions(
                comment="c", scopes=["a"], time_to_live_in_seconds=1, expiration_date="2027-01-01"
            ),
            DeepgramValueError,
        ),
        (lambda: KeyOptions(coment="typo", scopes=["a"]), DeepgramTypeError),
        (lambda: InviteOptions(email="nobody"), DeepgramValueError),
        (lambda: InviteOptions(scope="admin"), DeepgramTypeError),
        (lambda: UsageRequestOptions("2026-01-01"), DeepgramTypeError),
        (lambda: UsageRequestOptions(start=object()), DeepgramTypeError),
    ],
    ids=["ttl+expiry", "typo", "email", "missing-email", "positional", "object-date"],
)
def test_options_validate_on_construction(build: Callable[[], Any], error: type[Exception]) -> None:
    with pytest.raises(error):
        build()


def test_unknown_option_error_suggests_the_right_name() -> None:
    with pytest.raises(DeepgramTypeError, match="did you mean 'comment'"):
        KeyOptions(coment="typo", scopes=["a"])


def test_dates_and_datetimes_are_accepted_and_formatted_per_endpoint() -> None:
    aware = dt.datetime(2026, 1, 31, 23, 30, 15, 500, tzinfo=dt.timezone(dt.timedelta(hours=-2)))
    options = UsageRequestOptions(start=dt.date(2026, 1, 1), end=aware)
    assert options.to_query("datetime") == [("start", "2026-01-01"), ("end", "2026-01-31T23:30:16-02:00")]
    assert options.to_query("date") == [("start", "2026-01-01"), ("end", "2026-02-01")]


def test_value_errors_are_also_type_errors_for_one_except_clause() -> None:
    assert issubclass(DeepgramValueError, DeepgramTypeError)
    assert issubclass(DeepgramValueError, ValueError) and issubclass(DeepgramTypeError, TypeError)


def test_missing_credentials_raise_at_the_first_request_not_before() -> None:
    with DeepgramClient(url=BASE) as dg, aioresponses() as mocked:
        handle = dg.project("p1")
        with pytest.raises(MissingCredentialsError, match="DEEPGRAM_API_KEY"):
            handle.keys.list()
        assert mocked.requests == {}
