"""`project.usage.requests(...)`: every record of the window exactly once, in order, sync and async."""

from __future__ import annotations

import datetime as dt

import pytest

from deepgram import DeepgramClient
from deepgram.errors import DeepgramTypeError, DeepgramValueError, NotFoundError
from deepgram.resources.usage_types import UsageRequestsResponse
from deepgram.testing import Emulator
from deepgram.usage.query import RequestQuery

from .conftest import newest_first, request_calls


def test_sync_iteration_yields_every_record_once_newest_first(emu: Emulator, client: DeepgramClient) -> None:
    query = client.project(emu.project_id).usage.requests(page_size=700)
    assert isinstance(query, RequestQuery)
    assert [record.request_id for record in query] == newest_first(emu)
    assert query.stats.peak_in_flight > 1  # pages were fetched concurrently
    assert query.last_window is not None and query.last_window.pinned


async def test_async_iteration_matches_sync(emu: Emulator, client: DeepgramClient) -> None:
    query = client.project(emu.project_id).usage.requests(page_size=1000, concurrency=3)
    ids = [record.request_id async for record in query]
    assert ids == newest_first(emu)
    pages = [page async for page in query.apages()]
    assert [len(page.requests) for page in pages] == [1000] * 5 + [0]
    assert all(isinstance(page, UsageRequestsResponse) for page in pages)


def test_pages_keep_the_api_order_within_each_page(emu: Emulator, client: DeepgramClient) -> None:
    pages = list(client.project(emu.project_id).usage.requests(page_size=999).pages())
    assert [page.page for page in pages] == list(range(len(pages)))
    assert [r.request_id for page in pages for r in page.requests] == newest_first(emu)


def test_every_page_is_sent_with_the_same_pinned_end(emu: Emulator, client: DeepgramClient) -> None:
    list(client.project(emu.project_id).usage.requests(page_size=500))
    calls = request_calls(emu)
    ends = {call.split("end=")[1].split("&")[0] for call in calls}
    assert len(ends) == 1 and len(calls) >= 10


def test_stopping_early_cancels_the_rest(emu: Emulator, client: DeepgramClient) -> None:
    query = client.project(emu.project_id).usage.requests(page_size=100, concurrency=4)
    first_ten = []
    for record in query:
        first_ten.append(record.request_id)
        if len(first_ten) == 10:
            break
    assert first_ten == newest_first(emu, 10)
    assert len(request_calls(emu)) <= 1 + 4 + 2  # probe, one wave, the prefetch margin


def test_first(emu: Emulator, client: DeepgramClient) -> None:
    record = client.project(emu.project_id).usage.requests().first()
    assert record is not None and record.request_id == newest_first(emu, 1)[0]
    assert request_calls(emu)[-1].endswith("limit=1&page=0")


def test_window_with_no_requests_costs_one_request(emu: Emulator, client: DeepgramClient) -> None:
    query = client.project(emu.project_id).usage.requests(start="2001-01-01", end="2001-01-31")
    assert list(query) == []
    assert query.first() is None
    assert len(request_calls(emu)) == 2


def test_start_in_the_future_sends_nothing(emu: Emulator, client: DeepgramClient) -> None:
    tomorrow = dt.date.today() + dt.timedelta(days=2)
    assert list(client.project(emu.project_id).usage.requests(start=tomorrow)) == []
    assert request_calls(emu) == []


def test_single_partial_page(emu: Emulator, client: DeepgramClient) -> None:
    newest = emu.log().record(len(emu.log()) - 1)
    query = client.project(emu.project_id).usage.requests(start=newest["created"])
    assert [r.request_id for r in query] == [newest["request_id"]]
    assert len(request_calls(emu)) == 1


def test_page_size_of_one(client: DeepgramClient) -> None:
    with Emulator(requests=40, seed=5) as small, DeepgramClient(api_key=small.api_key, url=small.url) as dg:
        query = dg.project(small.project_id).usage.requests(page_size=1, concurrency=5)
        assert [r.request_id for r in query] == newest_first(small)


def test_filters_are_sent_with_every_page(emu: Emulator, client: DeepgramClient) -> None:
    query = client.project(emu.project_id).usage.requests(endpoint="speak", status="succeeded", page_size=50)
    records = list(query)
    assert records and all(r.path and r.path.startswith("/v1/speak") and (r.code or 0) < 300 for r in records)
    assert all("endpoint=speak" in call and "status=succeeded" in call for call in request_calls(emu))
    assert len({r.request_id for r in records}) == len(records)


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"page_size": 1001}, "between 1 and 1000"),
        ({"limit": 5000}, "between 1 and 1000"),
        ({"page_size": 0}, "between 1 and 1000"),
        ({"start": "2026-10-10", "end": "2026-10-01"}, "after end"),
        ({"status": "maybe"}, "succeeded"),
        ({"concurrency": 0}, "at least 1"),
        ({"page": 3}, "pages by itself"),
        ({"colour": "red"}, "no option"),
    ],
)
def test_bad_arguments_fail_before_any_request(
    emu: Emulator, client: DeepgramClient, kwargs: dict[str, object], error: str
) -> None:
    with pytest.raises(DeepgramTypeError, match=error):
        client.project(emu.project_id).usage.requests(**kwargs)
    assert emu.calls == []


def test_limit_error_is_a_value_error(client: DeepgramClient) -> None:
    with pytest.raises(DeepgramValueError):
        client.project("p").usage.requests(page_size=10_000)


def test_unknown_project_raises_the_api_error(emu: Emulator, client: DeepgramClient) -> None:
    with pytest.raises(NotFoundError):
        list(client.project("00000000-0000-4000-8000-000000000000").usage.requests())


def test_classic_get_usage_requests_still_returns_one_page(emu: Emulator, client: DeepgramClient) -> None:
    page = client.manage.get_usage_requests(emu.project_id, {"limit": 10, "page": 2})
    assert page.page == 2 and len(page.requests) == 10
    assert [r.request_id for r in page.requests] == newest_first(emu, 30)[20:]
    assert len(request_calls(emu)) == 1
