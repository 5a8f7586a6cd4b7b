"""Pure pieces without a server: parameter parsing, the timeline, request ids, permissions."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from deepgram.testing import Emulator
from deepgram.testing.auth import ROLE_PERMISSIONS, expand, token_from
from deepgram.testing.errors import ApiError
from deepgram.testing.params import boolean, number, parse_instant
from deepgram.testing.timeline import Clock, Timeline


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2025-03-04", datetime(2025, 3, 4, tzinfo=timezone.utc)),
        ("2025-03-04T05:06:07", datetime(2025, 3, 4, 5, 6, 7, tzinfo=timezone.utc)),
        ("2025-03-04T05:06:07Z", datetime(2025, 3, 4, 5, 6, 7, tzinfo=timezone.utc)),
        ("2025-03-04T07:06:07+02:00", datetime(2025, 3, 4, 5, 6, 7, tzinfo=timezone.utc)),
        ("2025-03-04T05:06:07.123456789Z", datetime(2025, 3, 4, 5, 6, 7, 123456, tzinfo=timezone.utc)),
    ],
)
def test_instants(raw: str, expected: datetime) -> None:
    assert parse_instant(raw) == expected


@pytest.mark.parametrize("raw", ["2025-3-4", "04/03/2025", "2025-03-04T25:00:00", "soon", "2025-02-30"])
def test_bad_instants(raw: str) -> None:
    with pytest.raises(ValueError):
        parse_instant(raw)


def test_end_date_covers_the_day() -> None:
    assert parse_instant("2025-03-04", end_of_day=True).isoformat() == "2025-03-04T23:59:59.999999+00:00"


def test_numbers_and_booleans() -> None:
    ten = number({"limit": "10.0"}, "limit", 5, 1, 1000)
    assert ten == 10 and isinstance(ten, int)
    assert number({"limit": "2.5"}, "limit", 5, 1, 1000) == 2.5
    assert number({"limit": ""}, "limit", 5, 1, 1000) == 5
    for bad in ("0", "0.5", "1001", "x", "nan", "1e5"):
        with pytest.raises(ApiError):
            number({"limit": bad}, "limit", 5, 1, 1000)
    assert boolean({"a": "TRUE"}, "a") is True and boolean({"a": "false"}, "a") is False
    assert boolean({"a": ""}, "a") is None


def test_timeline_round_trips() -> None:
    clock = Clock(source=lambda: 1_800_000_000_000)
    timeline = Timeline(base=1000, anchor_ms=1_800_000_000_000, clock=clock, live_per_second=4)
    for seq in (0, 1, 500, 999):
        at = timeline.created_ms(seq)
        assert timeline.first_at_or_after(at) == seq
        assert timeline.range_for(at, at) == (seq, seq + 1)
    assert timeline.count() == 1000
    clock.advance(10)
    assert timeline.count() == 1040
    assert timeline.created_ms(1039) <= clock.now_ms()
    assert timeline.range_for(timeline.created_ms(1010), None) == (1010, 1040)


def test_request_ids_are_unique_and_reversible() -> None:
    log = Emulator(requests=20_000).log()
    ids = [log.request_id(seq) for seq in range(0, 20_000, 7)]
    assert len(set(ids)) == len(ids)
    assert all(log.seq_of(rid) == seq for rid, seq in zip(ids, range(0, 20_000, 7), strict=True))
    assert log.seq_of(ids[5].upper()) == 35
    assert log.seq_of(log.request_id(25_000)) is None  # beyond the end of the log
    assert log.seq_of("zzzz") is None


def test_roles_expand_to_documented_permissions() -> None:
    assert "billing:write" in ROLE_PERMISSIONS["owner"] and "billing:write" not in ROLE_PERMISSIONS["admin"]
    assert "owners:write:kick" not in ROLE_PERMISSIONS["admin"]
    assert expand(["member", "billing:read"]) == ROLE_PERMISSIONS["member"] | {"billing:read"}


def test_authorization_header_parsing() -> None:
    assert token_from({"Authorization": "token abc"}) == "abc"
    assert token_from({"Authorization": "Bearer  abc "}) == "abc"
    with pytest.raises(ApiError):
        token_from({"Authorization": "abc"})


def test_constructor_validation() -> None:
    with pytest.raises(ValueError):
        Emulator(shapes="ancient")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Emulator(requests=0)
