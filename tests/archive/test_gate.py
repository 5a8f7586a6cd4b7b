"""Scrapes of several projects share one limit on pages in flight and one adaptive 429 throttle."""

from __future__ import annotations

import asyncio

from deepgram import DeepgramClient
from deepgram.testing import Emulator
from deepgram.usage.gate import PageGate
from deepgram.usage.paging import pin_window
from deepgram.usage.query import RequestQuery
from deepgram.usage.wire import RAW_PAGES, raw_ids, raw_keep


class CountingGate(PageGate):
    """A gate that remembers the most pages it ever had in flight."""

    peak = 0

    def acquire(self) -> None:
        super().acquire()
        self.peak = max(self.peak, self.in_flight)


def test_projects_share_the_limit_and_the_throttle(emu: Emulator) -> None:
    emu.latency = 0.005
    emu.faults.add(path=f"/v1/projects/{emu.project_id}/requests", method="GET", status=429, times=2, retry_after=0)

    async def run() -> dict[str, list[str]]:
        gate = CountingGate(3)
        async with DeepgramClient(api_key=emu.api_key, url=emu.url) as client:
            api = client._api

            async def one(project_id: str) -> list[str]:
                query = RequestQuery(api, project_id, page_size=50, concurrency=3)
                window = pin_window(None, None, now=emu.now().replace(year=emu.now().year + 1))
                ids: list[str] = []
                async for _, page in query.scrape(RAW_PAGES, raw_ids, raw_keep, window=window, gate=gate):
                    ids += raw_ids(page)
                return ids

            results = await asyncio.gather(*(one(p) for p in emu.project_ids))
        assert gate.peak == 3  # all three projects together never had more than 3 pages in flight
        assert gate.in_flight == 0
        assert gate.throttle.cuts >= 1  # the 429s of the main project slowed the shared throttle
        return dict(zip(emu.project_ids, results, strict=True))

    got = asyncio.run(run())
    for project_id, ids in got.items():
        assert len(ids) == len(set(ids)) and set(ids) == emu.request_ids(project_id)
