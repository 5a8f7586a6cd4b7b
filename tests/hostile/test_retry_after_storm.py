"""A server answering 429 with Retry-After forever: the scraper's wait budget ends the page, and the scrape."""

from __future__ import annotations

import concurrent.futures

import pytest
from aiohttp import web

from deepgram import RateLimitError
from deepgram.usage import defaults
from tests.hostile.servers import serving


def _storm(retry_after: str) -> web.Response:
    return web.json_response(
        {"err_code": "TOO_MANY_REQUESTS", "err_msg": "slow down"},
        status=429, headers={"Retry-After": retry_after},
    )


async def _always_429(request: web.Request) -> web.StreamResponse:
    return _storm("30")


def _scrape_in_thread(client: object) -> concurrent.futures.Future[object]:
    pool = concurrent.futures.ThreadPoolExecutor(1)
    query = client.project("p1").usage.requests(start="2025-01-01", end="2025-01-02")  # type: ignore[attr-defined]
    future = pool.submit(lambda: list(query))
    pool.shutdown(wait=False)
    return future


def test_a_page_stops_waiting_when_its_budget_is_spent(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(defaults, "PAGE_RETRY_BUDGET", 5.0)  # each Retry-After here asks for 30 s
    with serving(_always_429) as (server, client):
        future = _scrape_in_thread(client)
        try:
            future.result(timeout=20)  # without a budget this would wait 10 x 30 s
        except RateLimitError as exc:
            assert exc.retry_after == 30
        else:
            raise AssertionError("the scrape should fail with the last 429")
    assert len(server.seen) == 1


def test_the_whole_scrape_has_a_budget_too(monkeypatch: pytest.MonkeyPatch) -> None:
    async def short_storm(request: web.Request) -> web.StreamResponse:
        return _storm("0.2")

    monkeypatch.setattr(defaults, "SCRAPE_RETRY_BUDGET", 0.5)
    with serving(short_storm) as (server, client), pytest.raises(RateLimitError):
        _scrape_in_thread(client).result(timeout=20)
    assert 2 <= len(server.seen) <= 4  # 0.2 + 0.2 fits in 0.5 s, a third wait does not


def test_the_budgets_are_documented_defaults() -> None:
    assert defaults.PAGE_RETRY_BUDGET == 300.0 and defaults.SCRAPE_RETRY_BUDGET == 1800.0
