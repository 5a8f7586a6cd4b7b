"""The pure paging decisions: window pinning, page planning, AIMD throttle, bounded de-duplication."""

from __future__ import annotations

import datetime as dt

import pytest

from deepgram.usage.paging import PagePlan, RecentIds, Throttle, pin_window

NOW = dt.datetime(2026, 11, 25, 13, 47, 12, 654321, tzinfo=dt.timezone.utc)


@pytest.mark.parametrize(
    ("start", "end", "expected_end", "pinned"),
    [
        (None, None, "2026-11-25T13:47:12Z", True),  # open end: now, whole seconds
        ("2026-11-01", "2026-11-25", "2026-11-25T13:47:12Z", True),  # today covers the future
        ("2026-11-01", "2026-11-24", "2026-11-24", False),  # a past day stays as given
        ("2026-11-01", "2026-12-01T00:00:00Z", "2026-11-25T13:47:12Z", True),
        ("2026-11-01", "2026-11-25T13:00:00", "2026-11-25T13:00:00", False),  # naive = UTC, past
        ("2026-11-01", dt.date(2026, 11, 2), "2026-11-02", False),
    ],
)
def test_pin_window(start: str | None, end: object, expected_end: str, pinned: bool) -> None:
    window = pin_window(start, end, now=NOW)  # type: ignore[arg-type]
    assert (window.start, window.end, window.pinned) == (start, expected_end, pinned)


def test_window_with_start_in_the_future_is_empty() -> None:
    assert pin_window("2026-12-01", None, now=NOW).empty
    assert not pin_window("2026-11-25", None, now=NOW).empty
    assert not pin_window(None, None, now=NOW).empty


def test_window_span_in_seconds() -> None:
    start, end = pin_window("2026-11-24", "2026-11-24", now=NOW).span() or (0, 0)
    assert end - start == pytest.approx(86400, abs=1e-3)
    assert pin_window(None, None, now=NOW).span() is None


def drive(plan: PagePlan, answers: dict[int, int], allowed: int) -> list[list[int]]:
    """Run the plan in waves: request what it allows, answer every page, hand out in order."""
    waves: list[list[int]] = []
    while not plan.done:
        wave = []
        while (page := plan.take(len(wave), allowed)) is not None:
            wave.append(page)
        waves.append(wave)
        for page in wave:
            plan.answer(page, answers.get(page, 0))
        while not plan.done and plan.next_out <= max(wave):
            plan.handed_out()
    return waves


@pytest.mark.parametrize(
    ("answers", "allowed", "waves"),
    [
        ({}, 8, [[0]]),  # empty window: the probe alone
        ({0: 3}, 8, [[0]]),  # one partial page: one request
        ({0: 10}, 8, [[0], [1, 2, 3, 4, 5, 6, 7, 8]]),  # probe, then fan out; page 1 is empty
        ({0: 10, 1: 10, 2: 4}, 2, [[0], [1, 2]]),
        ({i: 10 for i in range(5)}, 2, [[0], [1, 2], [3, 4], [5, 6]]),  # exact multiple: empty page 5
    ],
)
def test_plan_waves(answers: dict[int, int], allowed: int, waves: list[list[int]]) -> None:
    assert drive(PagePlan(page_size=10, ahead=allowed + 2), answers, allowed) == waves


def test_plan_never_runs_ahead_of_the_consumer() -> None:
    plan = PagePlan(page_size=10, ahead=3)
    assert plan.take(0, 100) == 0
    plan.answer(0, 10)
    assert [plan.take(n, 100) for n in range(3)] == [1, 2, None]  # pages 0..2 outstanding = ahead
    plan.handed_out()
    assert plan.take(2, 100) == 3


def test_plan_resumes_from_a_page_and_discards_pages_past_the_end() -> None:
    plan = PagePlan(page_size=10, ahead=10, first=7)
    assert plan.take(0, 4) == 7
    assert plan.answer(7, 10)
    assert [plan.take(n, 4) for n in range(1, 5)] == [8, 9, 10, None]
    assert not plan.answer(10, 0) or plan.last == 10
    assert plan.answer(8, 2)  # page 8 is short: it is the last page
    assert plan.last == 8
    assert not plan.needed(9) and not plan.answer(9, 0)
    plan.handed_out()
    plan.handed_out()
    assert plan.done


def test_throttle_halves_once_per_event_and_grows_back() -> None:
    throttle = Throttle(ceiling=8)
    assert throttle.allowed(0.0) == 8
    throttle.throttled(sent_at=1.0, now=2.0, retry_after=0.5, pause=1.0)
    throttle.throttled(sent_at=1.5, now=2.1, retry_after=0.5, pause=1.0)  # sent before the cut
    assert throttle.cuts == 1 and throttle.limit == 4
    assert throttle.allowed(2.2) == 0 and throttle.pause_left(2.2) == pytest.approx(0.4)
    assert throttle.allowed(2.7) == 4
    throttle.throttled(sent_at=2.8, now=3.0, retry_after=None, pause=1.0)
    assert throttle.limit == 2 and throttle.paused_until == 4.0
    for _ in range(200):
        throttle.success()
    assert throttle.allowed(10.0) == 8  # back to the ceiling, never above


def test_throttle_floor() -> None:
    throttle = Throttle(ceiling=2)
    for moment in range(10):
        throttle.throttled(sent_at=float(moment), now=float(moment), retry_after=0.0, pause=0.0)
    assert throttle.allowed(100.0) == 1
    with pytest.raises(ValueError):
        Throttle(ceiling=0)


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        ([["a", "b"], ["c", "d"]], [None, None]),
        ([["a", "b"], ["b", "c"]], [None, [False, True]]),  # repeated across the boundary
        ([["a", "a", "b"]], [[True, False, True]]),  # repeated within a page
        ([["a"], ["b"], ["c"], ["a"]], [None, None, None, [True]]),  # beyond the memory: kept
        ([["", ""], ["", "x"]], [None, None]),  # records without an id are never dropped
    ],
)
def test_recent_ids(pages: list[list[str]], expected: list[list[bool] | None]) -> None:
    recent = RecentIds(pages=2)
    assert [recent.keep(page) for page in pages] == expected


def test_recent_ids_seeded_from_a_checkpoint() -> None:
    recent = RecentIds(pages=2, seed=["a", "b"])
    assert recent.keep(["b", "c"]) == [False, True]
    assert recent.last_page() == ["b", "c"]
