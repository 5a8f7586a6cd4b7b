"""The request log over HTTP: pagination edges, every filter, tolerance of real clients' encodings."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from deepgram.testing import Emulator

from .conftest import Api


async def page_of(api: Api, pid: str, **query: Any) -> list[dict[str, Any]]:
    body = await api.ok("GET", f"/v1/projects/{pid}/requests", params={k: str(v) for k, v in query.items()})
    requests: list[dict[str, Any]] = body["requests"]
    return requests


async def scrape(api: Api, pid: str, limit: int = 1000, **query: Any) -> list[dict[str, Any]]:
    """Every record of a (filtered) window, page by page until an empty page."""
    found: list[dict[str, Any]] = []
    page = 0
    while True:
        batch = await page_of(api, pid, limit=limit, page=page, **query)
        if not batch:
            return found
        found.extend(batch)
        page += 1


async def test_first_middle_last_and_past_the_end(api: Api, pid: str) -> None:
    everything = await scrape(api, pid)
    assert len(everything) == 5000
    assert len({r["request_id"] for r in everything}) == 5000
    created = [r["created"] for r in everything]
    assert created == sorted(created, reverse=True)  # newest first
    assert await page_of(api, pid, limit=100, page=0) == everything[:100]
    assert await page_of(api, pid, limit=100, page=23) == everything[2300:2400]
    assert await page_of(api, pid, limit=300, page=16) == everything[4800:]  # short last page
    assert await page_of(api, pid, limit=100, page=50) == []  # exactly past the end
    assert await page_of(api, pid, limit=100, page=10_000) == []


async def test_page_and_limit_echoed_with_defaults(api: Api, pid: str) -> None:
    body = await api.ok("GET", f"/v1/projects/{pid}/requests")
    assert (body["page"], body["limit"], len(body["requests"])) == (0, 10, 10)
    body = await api.ok("GET", f"/v1/projects/{pid}/requests", params={"limit": "1000", "page": "1"})
    assert (body["page"], body["limit"], len(body["requests"])) == (1, 1000, 1000)


async def test_float_numbers_and_empty_values_are_tolerated(api: Api, pid: str) -> None:
    plain = await page_of(api, pid, limit=5, page=2)
    assert await page_of(api, pid, limit="5.0", page="2.0") == plain
    body = await api.ok("GET", f"/v1/projects/{pid}/requests?start=&end=&status=&limit=5&page=2")
    assert body["requests"] == plain


async def test_date_window_is_stable_and_bounded(api: Api, emu: Emulator, pid: str) -> None:
    log = emu.log()
    newest = datetime.fromisoformat(log.record(len(log) - 1)["created"].replace("Z", "+00:00"))
    start = (newest - timedelta(days=3)).strftime("%Y-%m-%dT%H:%M:%S")
    end = (newest - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%S+00:00")
    window = await scrape(api, pid, limit=50, start=start, end=end)
    assert window
    assert all(start <= r["created"][:19] <= end[:19] for r in window)
    everything = await scrape(api, pid)
    inside = [r for r in everything if start <= r["created"][:19] <= end[:19]]
    assert window == inside


async def test_date_only_bounds_cover_whole_days(api: Api, emu: Emulator, pid: str) -> None:
    log = emu.log()
    day = log.record(len(log) // 2)["created"][:10]
    records = await scrape(api, pid, start=day, end=day)
    assert records and {r["created"][:10] for r in records} == {day}
    everything = await scrape(api, pid)
    assert len(records) == sum(1 for r in everything if r["created"][:10] == day)


async def test_timezone_offsets_are_honoured(api: Api, emu: Emulator, pid: str) -> None:
    record = emu.log().record(2500)
    created = datetime.fromisoformat(record["created"].replace("Z", "+00:00"))
    in_tokyo = created.astimezone(timezone(timedelta(hours=9))).isoformat(timespec="milliseconds")
    hit = await page_of(api, pid, start=in_tokyo, end=in_tokyo, limit=10)
    assert [r["request_id"] for r in hit] == [record["request_id"]]


@pytest.mark.parametrize(
    ("name", "value", "check"),
    [
        ("status", "succeeded", lambda r, slot: r["code"] < 300),
        ("status", "failed", lambda r, slot: r["code"] >= 400),
        ("endpoint", "speak", lambda r, slot: r["path"].startswith("/v1/speak")),
        ("endpoint", "listen", lambda r, slot: r["path"].startswith("/v1/listen")),
        ("method", "async", lambda r, slot: slot.method == "async"),
        ("method", "streaming", lambda r, slot: slot.method == "streaming"),
        ("deployment", "beta", lambda r, slot: r["deployment"] == "beta"),
        ("deployment", "self-hosted", lambda r, slot: r["deployment"] == "self-hosted"),
    ],
)
async def test_each_filter(api: Api, emu: Emulator, pid: str, name: str, value: str, check: Any) -> None:
    log = emu.log()
    everything = await scrape(api, pid)
    filtered = await scrape(api, pid, limit=137, **{name: value})
    expected = [r for r in everything if check(r, log.slot(log.seq_of(r["request_id"]) or 0))]
    assert filtered and filtered == expected
    successes = [r for r in filtered if r["code"] < 300]
    if name == "method":
        assert all(r["response"]["details"]["method"] == value for r in successes)
        assert all(("callback" in r) == (value == "async") for r in filtered)


async def test_accessor_and_request_id_filters(api: Api, emu: Emulator, pid: str) -> None:
    everything = await scrape(api, pid)
    accessor = everything[0]["accessor"]
    mine = await scrape(api, pid, accessor=accessor)
    assert mine == [r for r in everything if r["accessor"] == accessor]
    target = everything[1234]
    assert await page_of(api, pid, request_id=target["request_id"]) == [target]
    assert await page_of(api, pid, request_id=target["request_id"], page=1) == []
    other_status = "failed" if target["code"] < 300 else "succeeded"
    assert await page_of(api, pid, request_id=target["request_id"], status=other_status) == []
    assert await page_of(api, pid, request_id="00000000-0000-4000-8000-000000000000") == []


async def test_combined_filters(api: Api, pid: str) -> None:
    everything = await scrape(api, pid)
    combined = await scrape(api, pid, endpoint="listen", method="sync", status="succeeded")
    expected = [
        r
        for r in everything
        if r["path"].startswith("/v1/listen")
        and r["code"] < 300
        and r["response"]["details"]["method"] == "sync"
    ]
    assert combined == expected and combined


async def test_get_request_by_id(api: Api, emu: Emulator, pid: str) -> None:
    listed = (await page_of(api, pid, limit=3, page=7))[1]
    fetched = await api.ok("GET", f"/v1/projects/{pid}/requests/{listed['request_id']}")
    assert fetched == {"request": listed}
    assert listed["response"]["completed"] >= listed["created"]


async def test_record_shape(api: Api, pid: str) -> None:
    records = await page_of(api, pid, limit=1000)
    ok = next(r for r in records if r["code"] == 200 and r["path"].startswith("/v1/listen"))
    assert {
        "request_id",
        "project_uuid",
        "created",
        "path",
        "api_key_id",
        "accessor",
        "code",
        "deployment",
        "response",
    } <= set(ok)
    assert ok["project_uuid"] == pid
    details = ok["response"]["details"]
    assert details["config"]["model"] and details["models"] and details["duration"] > 0
    speak = next(r for r in records if r["code"] == 200 and r["path"].startswith("/v1/speak"))
    assert speak["response"]["tts_details"]["speech_segments"][0]["characters"] > 0
    read = next(r for r in records if r["code"] == 200 and r["path"].startswith("/v1/read"))
    assert read["response"]["token_details"][0]["input"] > 0
    failed = next(r for r in records if r["code"] >= 400)
    assert failed["response"]["message"] and "details" not in failed["response"]
    callback = next(r for r in records if "callback" in r)
    assert isinstance(callback["callback"], str)


async def test_live_log_grows_at_the_head() -> None:
    import aiohttp

    async with Emulator(requests=2000, live=True, live_rate=100) as emu, aiohttp.ClientSession() as session:
        api = Api(session, emu.url, emu.api_key)
        pid = emu.project_id
        end = datetime.now(timezone.utc).isoformat()
        pinned_before = await page_of(api, pid, limit=50, end=end)
        head_before = await page_of(api, pid, limit=50)
        emu.advance(1.0)  # 100 new requests arrive
        head_after = await page_of(api, pid, limit=300)
        shift = head_after.index(head_before[0])
        # 100 arrived through advance(); the wall clock may add a few more while the test runs.
        assert 100 <= shift < 130
        assert head_after[shift : shift + 50] == head_before  # the old head moved down intact
        assert len(emu.log()) >= 2100
        newest = await page_of(api, pid, limit=1)
        assert newest[0]["created"] > head_before[0]["created"]
        assert await page_of(api, pid, limit=50, end=end) == pinned_before  # a pinned window is stable
