"""Requests as the definition says: numeric `limit`/`page`, one grouping or a list, query vs body."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from deepgram import DeepgramClient, DeepgramValueError
from deepgram.testing import Emulator


@pytest.fixture(scope="module")
def emu() -> Iterator[Emulator]:
    with Emulator(requests=100) as emulator:
        yield emulator


def _last(emu: Emulator) -> str:
    return emu.calls[-1][1]


def test_get_project_takes_numeric_limit_and_page(emu: Emulator) -> None:
    with DeepgramClient(api_key=emu.api_key, url=emu.url) as client:
        pid = emu.project_id
        assert client.manage.get_project(pid, limit=2.5, page=1).project_id == pid
        assert _last(emu).endswith(f"/v1/projects/{pid}?limit=2.5&page=1")
        assert client.projects.get(pid, limit=10).project_id == pid
        with pytest.raises(DeepgramValueError):
            client.manage.get_project(pid, limit=0)
        with pytest.raises(DeepgramValueError):
            client.manage.get_project(pid, page=-1)


def test_request_log_and_purchases_take_numbers(emu: Emulator) -> None:
    with DeepgramClient(api_key=emu.api_key, url=emu.url) as client:
        page = client.manage.get_usage_requests(emu.project_id, limit=2.5, page=1.0)
        assert _last(emu).endswith("limit=2.5&page=1") and page.limit == 2.5 and page.page == 1
        assert len(page.requests) == 2  # the emulator pages by the whole part
        client.manage.get_purchases(emu.project_id, limit=1.0)
        assert _last(emu).endswith("/purchases?limit=1")


def test_billing_breakdown_grouping_one_or_a_list(emu: Emulator) -> None:
    with DeepgramClient(api_key=emu.api_key, url=emu.url) as client:
        one = client.manage.get_billing_breakdown(emu.project_id, grouping="tags")
        assert _last(emu).endswith("?grouping=tags") and one.results
        several = client.manage.get_billing_breakdown(emu.project_id, grouping=["deployment", "line_item"])
        assert _last(emu).endswith("?grouping=deployment&grouping=line_item")
        assert all(r.grouping and r.grouping.line_item for r in several.results)
        with pytest.raises(DeepgramValueError):
            client.manage.get_billing_breakdown(emu.project_id, grouping="models")


def test_dates_in_the_format_each_endpoint_takes(emu: Emulator) -> None:
    with DeepgramClient(api_key=emu.api_key, url=emu.url) as client:
        client.manage.get_usage_requests(emu.project_id, start="2026-01-02T03:04:05Z", limit=1)
        assert "start=2026-01-02T03%3A04%3A05Z" in _last(emu)  # date-time for the request log
        client.manage.get_usage_breakdown(emu.project_id, start="2026-01-02T03:04:05Z")
        assert "start=2026-01-02&" in _last(emu) or _last(emu).endswith("start=2026-01-02")  # date
