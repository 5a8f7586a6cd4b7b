"""The scraping engine: fetches the pages of a pinned window concurrently and hands them out in order.

It is the I/O shell around `deepgram.usage.paging`: the plan says which page to request, the
throttle how many may be in flight; this module sends them (GET /v1/projects/{project_id}/requests),
retries a failed page on its own (the transport's retries are off here, so every 429 is seen and
slows the scrape down) and reorders answers so the consumer sees page 0, 1, 2... exactly once.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import time
from collections.abc import AsyncGenerator, Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from deepgram.core.operation import Operation
from deepgram.core.retry import FailureKind, RetryPolicy, parse_retry_after, retry_delay
from deepgram.errors import (
    DeepgramApiError,
    DeepgramConnectionError,
    RateLimitError,
    ResponseValidationError,
)
from deepgram.types.options import UsageRequestOptions
from deepgram.usage import defaults
from deepgram.usage.gate import PageGate
from deepgram.usage.paging import PagePlan, RecentIds, Window

if TYPE_CHECKING:
    from deepgram.core.api import Api


class PageLike(Protocol):
    """A decoded page: all the engine needs is how many records it holds."""

    @property
    def requests(self) -> Sequence[Any]: ...


P = TypeVar("P", bound=PageLike)


class PagedQuery(Protocol):
    """What an export or a table reads from a query of the request log (`RequestQuery` is one):
    its project, its options, the window an iteration pins, and the scrape of that window."""

    @property
    def project_id(self) -> str: ...

    @property
    def options(self) -> UsageRequestOptions: ...

    def window(self, now: dt.datetime | None = None) -> Window: ...

    def scrape(
        self,
        endpoint: Operation[P],
        ids: Callable[[P], list[str]],
        keep: Callable[[P, list[bool]], None],
        *,
        window: Window,
        first_page: int = 0,
        dedupe: RecentIds | None = None,
        gate: PageGate | None = None,
    ) -> AsyncGenerator[tuple[int, P], None]: ...


@dataclass
class ScrapeStats:
    """What a scrape cost: requests sent, retries, 429s, pages fetched past the end, peak in flight."""

    requests: int = 0
    retries: int = 0
    throttled: int = 0
    wasted: int = 0
    peak_in_flight: int = 0


@dataclass
class _Flight:
    page: int
    attempt: int
    sent_at: float = 0.0
    waited: float = 0.0  # seconds this page has already waited before retries


def retry_wait(error: BaseException, attempt: int, policy: RetryPolicy) -> float | None:
    """Seconds before a failed page is asked again, or None when the error is not transient.

    The transport's own rules decide (`core.retry.retry_delay`, the page counting its own attempts:
    408, 429, 5xx, failures below HTTP and garbled bodies, Retry-After honoured and capped); a 429
    without Retry-After waits the scraper's throttle pause rather than the exponential backoff.
    """
    if isinstance(error, DeepgramApiError):
        headers = error.headers or {}
        wait = retry_delay(
            policy, attempt=attempt, method="GET", status=error.status, headers=headers, budget=False
        )
        if wait is not None and error.status == 429 and parse_retry_after(headers) is None:
            return defaults.THROTTLE_PAUSE
        return wait
    if isinstance(error, DeepgramConnectionError | ResponseValidationError):
        return retry_delay(policy, attempt=attempt, method="GET", failure=FailureKind.PAYLOAD, budget=False)
    return None


def without_transport_retries(api: Api) -> tuple[Api, RetryPolicy]:
    """A sibling of `api` whose transport does not retry (the scraper retries per page instead)."""
    policy = api.transport.config.retry
    quiet = dataclasses.replace(policy, max_retries=0)
    return api.with_transport(api.transport.with_config(retry=quiet)), policy


async def scrape_pages(
    api: Api,
    project_id: str,
    options: UsageRequestOptions,
    endpoint: Operation[P],
    *,
    concurrency: int,
    first_page: int = 0,
    retries: int = defaults.PAGE_RETRIES,
    stats: ScrapeStats | None = None,
    clock: Callable[[], float] = time.monotonic,
    gate: PageGate | None = None,
    page_budget: float | None = None,
    total_budget: float | None = None,
) -> AsyncGenerator[tuple[int, P], None]:
    """Yield `(page_number, page)` for every page of the window from `first_page`, in order.

    `options` carries the pinned window, filters and `limit`; `page` is set per request. At most
    `concurrency` pages of this scrape are in flight, and no more than a shared `gate` allows.
    Raises the last error of a page that failed `retries` times, or the first non-transient one;
    a client made with `max_retries=0` gets no page retries either. Waits before retries (a
    Retry-After, a backoff) may add up to `page_budget` seconds per page and `total_budget` per
    scrape (defaults `PAGE_RETRY_BUDGET` and `SCRAPE_RETRY_BUDGET`); a retry that would exceed
    either is not made, and the page's last error is raised instead.
    """
    page_budget = defaults.PAGE_RETRY_BUDGET if page_budget is None else page_budget
    total_budget = defaults.SCRAPE_RETRY_BUDGET if total_budget is None else total_budget
    spent = 0.0
    page_size = int(options.limit or 10)  # whole (RequestQuery refuses a fractional page size)
    api, policy = without_transport_retries(api)
    if policy.max_retries == 0:  # the client asked for no retries at all (max_retries=0): none here either
        retries = 0
    stats = stats if stats is not None else ScrapeStats()
    plan = PagePlan(page_size, ahead=concurrency + defaults.PREFETCH_EXTRA, first=first_page)
    gate = gate if gate is not None else PageGate(concurrency)
    throttle = gate.throttle
    flights: dict[asyncio.Task[P], _Flight] = {}
    ready: dict[int, P] = {}

    async def fetch(flight: _Flight, delay: float) -> P:
        if delay > 0:
            await asyncio.sleep(delay)
        flight.sent_at = clock()
        stats.requests += 1
        return await api.call(endpoint, project_id, options=options, page=flight.page)

    def launch(page: int, attempt: int = 0, delay: float = 0.0, waited: float = 0.0) -> None:
        flight = _Flight(page, attempt, waited=waited + delay)
        flights[asyncio.ensure_future(fetch(flight, delay))] = flight
        gate.acquire()
        stats.peak_in_flight = max(stats.peak_in_flight, len(flights))

    def _allowed(mine: int) -> int:  # this scrape's own cap, and what the shared gate has left
        return min(concurrency, mine + gate.free(clock()))

    def settle(task: asyncio.Task[P], flight: _Flight) -> None:
        nonlocal spent
        gate.release()
        error = task.exception()
        if error is None:
            throttle.success()
            page = task.result()
            if plan.answer(flight.page, len(page.requests)):
                ready[flight.page] = page
            else:
                stats.wasted += 1
            return
        wait = retry_wait(error, flight.attempt, policy)
        if wait is None or flight.attempt >= retries:
            raise error
        if flight.waited + wait > page_budget or spent + wait > total_budget:
            raise error  # a Retry-After storm: the wait budget is spent
        spent += wait
        if isinstance(error, RateLimitError) or (isinstance(error, DeepgramApiError) and error.status == 429):
            stats.throttled += 1
            throttle.throttled(sent_at=flight.sent_at, now=clock(), retry_after=wait, pause=wait)
        stats.retries += 1
        launch(flight.page, flight.attempt + 1, wait, flight.waited)

    try:
        while not plan.done:
            while not plan.done and plan.next_out in ready:
                number = plan.next_out
                page = ready.pop(number)
                plan.handed_out()
                yield number, page
            if plan.done:
                break
            now = clock()
            while (fresh := plan.take(len(flights), _allowed(len(flights)))) is not None:
                launch(fresh)
            for task, flight in list(flights.items()):
                if not plan.needed(flight.page):
                    task.cancel()
                    del flights[task]
                    gate.release()
            pause = throttle.pause_left(now)
            released = gate.waiter()  # another scrape sharing the gate may free a slot first
            waitables: set[asyncio.Future[Any]] = {*flights, released}
            try:
                done, _ = await asyncio.wait(
                    waitables, timeout=pause or None, return_when=asyncio.FIRST_COMPLETED
                )
            finally:
                gate.forget(released)
            for task in [task for task in flights if task in done]:
                settle(task, flights.pop(task))
    finally:
        for task in flights:
            task.cancel()
            gate.release()
        if flights:
            await asyncio.gather(*flights, return_exceptions=True)
