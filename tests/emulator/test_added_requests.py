"""Requests added while the emulator runs: merged into every page in `created` order, found by id."""

from __future__ import annotations

import datetime as dt

import pytest

from deepgram import DeepgramClient
from deepgram.testing import Emulator


@pytest.fixture
def emu() -> Emulator:
    past = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=1)
    with Emulator(requests=400, seed=9, manual_clock=True, live=True, live_rate=0.2, now=past) as emulator:
        yield emulator  # type: ignore[misc]


@pytest.mark.parametrize("page_size", [1, 7, 1000])
def test_added_requests_page_in_created_order_with_filters(emu: Emulator, page_size: int) -> None:
    added = [emu.add_request(age=age) for age in (0, 100, 3 * 86400, 70 * 86400)]
    emu.advance(100)
    added += [emu.add_request(age=age, slot=slot) for age, slot in ((0, 5), (50, 6), (3600, 7))]
    with DeepgramClient(api_key=emu.api_key, url=emu.url) as client:
        records = list(client.project(emu.project_id).usage.requests(page_size=page_size))
        ids = [r.request_id for r in records]
        assert set(ids) == emu.request_ids() and len(ids) == len(set(ids)) and set(added) <= set(ids)
        created = [r.created or "" for r in records]
        assert created == sorted(created, reverse=True)
        failed = list(client.project(emu.project_id).usage.requests(page_size=page_size, status="failed"))
        assert all((r.code or 0) >= 400 for r in failed)


def test_late_arrivals_appear_only_from_their_time_on(emu: Emulator) -> None:
    later = emu.add_request(age=600, appear_after=60, callback="https://hooks.example.com/x")
    with DeepgramClient(api_key=emu.api_key, url=emu.url) as client:
        usage = client.project(emu.project_id).usage
        assert later not in {r.request_id for r in usage.requests()}
        emu.advance(61)
        assert later in {r.request_id for r in usage.requests()}
        record = usage.get(later)
        assert record.callback == "https://hooks.example.com/x" and "callback=https%3A%2F%2F" in (record.path or "")
        assert [r.request_id for r in usage.requests(request_id=later)] == [later]
