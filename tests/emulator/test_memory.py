"""A 10-million-request log is generated lazily: memory stays flat, only served records are built."""

from __future__ import annotations

import tracemalloc

import aiohttp

from deepgram.testing import Emulator

from .conftest import Api

TEN_MILLION = 10_000_000


async def test_ten_million_requests_served_lazily() -> None:
    tracemalloc.start()
    try:
        async with Emulator(requests=TEN_MILLION) as emu, aiohttp.ClientSession() as session:
            api = Api(session, emu.url, emu.api_key)
            pid = emu.project_id
            log = emu.log()
            assert len(log) == TEN_MILLION
            served = 0
            for page in (0, 4_321, 9_999):  # first, middle, last
                body = await api.ok(
                    "GET", f"/v1/projects/{pid}/requests", params={"limit": "1000", "page": str(page)}
                )
                assert len(body["requests"]) == 1000
                served += 1000
            assert await api.ok(
                "GET", f"/v1/projects/{pid}/requests", params={"limit": "1000", "page": "10000"}
            ) == {"page": 10000, "limit": 1000, "requests": []}
            deep = await api.ok(
                "GET",
                f"/v1/projects/{pid}/requests",
                params={"limit": "1000", "page": "500", "status": "failed"},
            )
            assert len(deep["requests"]) == 1000 and all(r["code"] >= 400 for r in deep["requests"])
            served += 1000
            one = body["requests"][-1]
            assert (await api.ok("GET", f"/v1/projects/{pid}/requests/{one['request_id']}"))["request"] == one
            served += 1
            breakdown = await api.ok(
                "GET", f"/v1/projects/{pid}/usage/breakdown", params={"grouping": "endpoint"}
            )
            assert sum(item["requests"] for item in breakdown["results"]) == TEN_MILLION
            await api.ok("GET", f"/v1/projects/{pid}/billing/breakdown", params={"grouping": "line_item"})
            await api.ok("GET", f"/v1/projects/{pid}/usage/fields")
            assert log.records_built == served  # nothing was generated that was not sent
            _, peak = tracemalloc.get_traced_memory()
            assert peak < 40 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"
    finally:
        tracemalloc.stop()
