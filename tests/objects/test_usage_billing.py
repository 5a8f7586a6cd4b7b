"""Usage, billing and the per-project model catalogue through a project's collections."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from deepgram import DeepgramClient, NotFoundError, PermissionDeniedError
from deepgram.resources.usage_types import UsageRequest
from deepgram.testing import Emulator

from .conftest import LOG_SIZE, Call


def every_request_id(emu: Emulator) -> set[str]:
    log = emu.log()
    return {log.request_id(seq) for seq in range(len(log))}


def test_requests_iterates_every_record_across_pages_sync(
    sync_client: DeepgramClient, emu: Emulator, pid: str
) -> None:
    query = sync_client.project(pid).usage.requests(page_size=25)
    assert emu.calls == []  # lazy: nothing until iterated
    records = list(query)
    assert all(isinstance(r, UsageRequest) for r in records)
    assert len(records) == LOG_SIZE
    assert {r.request_id for r in records} == every_request_id(emu)
    pages = [path for method, path in emu.calls if method == "GET" and "/requests?" in path]
    assert len(pages) >= 3  # 60 records, 25 per page


async def test_requests_iterates_every_record_across_pages_async(
    client: DeepgramClient, emu: Emulator, pid: str
) -> None:
    records = [r async for r in client.project(pid).usage.requests(page_size=25)]
    assert len(records) == LOG_SIZE
    assert {r.request_id for r in records} == every_request_id(emu)
    again = [r async for r in client.project(pid).usage.requests(page_size=25)]
    assert [r.request_id for r in again] == [r.request_id for r in records]


async def test_one_request_and_404(client: DeepgramClient, emu: Emulator, pid: str, call: Call) -> None:
    request_id = emu.log().request_id(7)
    record = await call(client.project(pid).usage, "get", request_id)
    assert record.request_id == request_id and record.path
    assert emu.calls == [("GET", f"/v1/projects/{pid}/requests/{request_id}")]
    with pytest.raises(NotFoundError):
        await call(client.project(pid).usage, "get", "00000000-0000-4000-8000-000000000000")


async def test_summary_fields_breakdown(client: DeepgramClient, emu: Emulator, pid: str, call: Call) -> None:
    usage = client.project(pid).usage
    window = {"start": "2020-01-01", "end": "2030-01-01"}
    summary = await call(usage, "summary", **window)
    assert summary.start and summary.end and summary.results[0].requests
    assert sorted(emu.calls) == [
        ("GET", f"/v1/projects/{pid}/usage/breakdown?start=2020-01-01&end=2030-01-01&grouping=endpoint"),
        ("GET", f"/v1/projects/{pid}/usage?start=2020-01-01&end=2030-01-01"),
    ]
    emu.calls.clear()
    assert (await call(usage, "summary", totals=False, **window)).results == []
    assert emu.calls == [("GET", f"/v1/projects/{pid}/usage?start=2020-01-01&end=2030-01-01")]

    emu.calls.clear()
    fields = await call(usage, "fields", **window)
    assert fields.stt is not None and fields.tts is not None
    assert fields.stt.requests + fields.tts.requests > 0
    assert sorted(path.split("?")[0] for _, path in emu.calls) == [
        f"/v1/projects/{pid}/usage/breakdown", f"/v1/projects/{pid}/usage/fields",
    ]
    emu.calls.clear()
    bare = await call(usage, "fields", totals=False, **window)
    assert bare.stt is None and len(emu.calls) == 1

    breakdown = await call(usage, "breakdown", grouping="endpoint", **window)
    endpoints = {row.grouping.endpoint for row in breakdown.results if row.grouping is not None}
    assert endpoints and endpoints <= {"listen", "read", "speak", "agent"}
    assert sum(row.requests for row in breakdown.results) == LOG_SIZE


async def test_balances_purchases_billing(client: DeepgramClient, emu: Emulator, pid: str, call: Call) -> None:
    project = client.project(pid)
    balances = await call(project.balances, "list")
    stored = emu.state.projects[pid].balances
    assert [b.balance_id for b in balances] == list(stored)
    balance = await call(project.balances, "get", balances[0].balance_id)
    assert balance == balances[0] and balance.amount == balances[0].amount
    assert balance.purchase == balance.purchase_order_id
    purchases = await call(project.purchases, "list")
    assert len(purchases) == len(emu.state.projects[pid].purchases)
    assert (await call(project.purchases, "list", limit=1))[0] == purchases[0]
    window = {"start": "2020-01-01", "end": "2030-01-01"}
    breakdown = await call(project.billing, "breakdown", **window)
    assert breakdown.results and all(row.dollars >= 0 for row in breakdown.results)
    fields = await call(project.billing, "fields", **window)
    assert fields.line_items
    assert [path.split("?")[0].rsplit(f"{pid}/", 1)[1] for _, path in emu.calls] == [
        "balances", f"balances/{balance.balance_id}", "purchases", "purchases",
        "billing/breakdown", "billing/fields",
    ]


async def test_without_the_scope_403(
    pid: str, client_with_key: Callable[..., DeepgramClient], call: Call
) -> None:
    reader = client_with_key(["usage:read"])
    project = reader.project(pid)
    assert (await call(project.usage, "summary")).start is not None  # usage:read is enough here
    with pytest.raises(PermissionDeniedError):
        await call(project.balances, "list")
    with pytest.raises(PermissionDeniedError):
        await call(project.billing, "breakdown")
