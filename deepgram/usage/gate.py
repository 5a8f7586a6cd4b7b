"""One limit on pages in flight shared by several scrapes, with one adaptive (AIMD) throttle.

A sync of many projects runs one scrape per project; they all draw from the same gate, so the
total number of requests in flight stays under the limit, and a 429 seen by any of them slows
every one down (the server's rate limit is per key, not per project).
"""

from __future__ import annotations

import asyncio

from deepgram.usage.paging import Throttle


class PageGate:
    """Counts pages in flight across scrapes; wakes waiting scrapes when a page is released."""

    def __init__(self, concurrency: int) -> None:
        self.throttle = Throttle(concurrency)
        self.in_flight = 0
        self._waiters: list[asyncio.Future[None]] = []

    def free(self, now: float) -> int:
        """Pages that may still be sent at `now`."""
        return max(0, self.throttle.allowed(now) - self.in_flight)

    def acquire(self) -> None:
        """A page was sent."""
        self.in_flight += 1

    def release(self) -> None:
        """A page came back, failed or was cancelled: another scrape may send one."""
        self.in_flight -= 1
        waiters, self._waiters = self._waiters, []
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(None)

    def waiter(self) -> asyncio.Future[None]:
        """A future completed at the next release."""
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters.append(future)
        return future

    def forget(self, waiter: asyncio.Future[None]) -> None:
        """Drop a waiter that is no longer awaited."""
        if not waiter.done():
            waiter.cancel()
        if waiter in self._waiters:
            self._waiters.remove(waiter)
