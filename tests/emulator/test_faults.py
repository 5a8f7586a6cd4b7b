"""Fault injection: every kind, per route and method, deterministic from the fault seed."""

from __future__ import annotations

import aiohttp
import pytest

from deepgram.testing import Emulator, FaultRule
from deepgram.testing.faults import parse_spec

from .conftest import Api

REQUESTS = "/v1/projects/{project_id}/requests"


@pytest.mark.parametrize("status", [429, 500, 502, 503])
async def test_status_fault_with_deepgram_body(api: Api, emu: Emulator, pid: str, status: int) -> None:
    emu.faults.add(path=REQUESTS, method="GET", status=status, retry_after=2 if status == 429 else None)
    reply = await api.get(f"/v1/projects/{pid}/requests")
    assert reply.status == status
    assert set(reply.body) == {"err_code", "err_msg", "request_id"}
    assert ("Retry-After" in reply.headers) == (status == 429)
    if status == 429:
        assert reply.headers["Retry-After"] == "2"
    assert (await api.get(f"/v1/projects/{pid}")).status == 200  # other routes untouched


async def test_fault_is_per_method(api: Api, emu: Emulator, pid: str) -> None:
    emu.faults.add(path="/v1/projects/{project_id}/keys", method="POST", status=503)
    assert (await api.get(f"/v1/projects/{pid}/keys")).status == 200
    reply = await api.call("POST", f"/v1/projects/{pid}/keys", json={"comment": "x", "scopes": ["member"]})
    assert reply.status == 503


async def test_rate_is_deterministic_from_the_seed() -> None:
    async def pattern(fault_seed: int) -> list[int]:
        async with Emulator(fault_seed=fault_seed) as emu, aiohttp.ClientSession() as session:
            emu.faults.add(path="/v1/projects", status=500, rate=0.3)
            api = Api(session, emu.url, emu.api_key)
            return [(await api.get("/v1/projects")).status for _ in range(40)]

    first, again, other = await pattern(11), await pattern(11), await pattern(12)
    assert first == again
    assert first != other
    assert 0 < first.count(500) < 40


async def test_times_limits_firings_then_recovers(api: Api, emu: Emulator) -> None:
    rule = emu.faults.add(status=503, times=2)
    statuses = [(await api.get("/v1/projects")).status for _ in range(4)]
    assert statuses == [503, 503, 200, 200]
    assert rule.fired == 2


async def test_latency_fault_delays_but_answers(api: Api, emu: Emulator) -> None:
    rule = emu.faults.add(kind="latency", seconds=0.05)
    assert (await api.get("/v1/projects")).status == 200
    assert rule.fired == 1


async def test_drop_closes_the_connection(api: Api, emu: Emulator) -> None:
    emu.faults.add(kind="drop", path="/v1/projects")
    with pytest.raises(aiohttp.ServerDisconnectedError):
        await api.get("/v1/projects")
    emu.faults.clear()
    assert (await api.get("/v1/projects")).status == 200


async def test_truncate_sends_part_of_the_body(api: Api, emu: Emulator, pid: str) -> None:
    emu.faults.add(kind="truncate", path=REQUESTS)
    async with aiohttp.ClientSession() as session:
        with pytest.raises(aiohttp.ClientPayloadError):
            async with session.get(
                f"{emu.url}/v1/projects/{pid}/requests", headers={"Authorization": f"Token {emu.api_key}"}
            ) as response:
                assert response.status == 200
                await response.read()


async def test_garbage_is_a_200_that_is_not_json(api: Api, emu: Emulator) -> None:
    emu.faults.add(kind="garbage", path="/v1/models")
    async with api.session.get(
        f"{emu.url}/v1/models", headers={"Authorization": f"Token {emu.api_key}"}
    ) as r:
        assert r.status == 200 and r.content_type != "application/json"
        assert (await r.read()).startswith(b"<html>")


async def test_faults_from_start_up_and_removal() -> None:
    rule = FaultRule(kind="status", status=502, path="/v1/models")
    async with Emulator(faults=[rule]) as emu, aiohttp.ClientSession() as session:
        api = Api(session, emu.url, emu.api_key)
        assert (await api.get("/v1/models")).status == 502
        emu.faults.remove(rule)
        assert (await api.get("/v1/models")).status == 200


def test_patterns_and_specs() -> None:
    rule = parse_spec("path=/v1/projects/*/requests,method=get,status=429,rate=0.5,retry_after=1.5")
    assert (rule.kind, rule.status, rule.rate, rule.retry_after) == ("status", 429, 0.5, 1.5)
    assert rule.applies_to("GET", "/v1/projects/abc/requests")
    assert not rule.applies_to("GET", "/v1/projects/abc/requests/xyz")
    assert not rule.applies_to("POST", "/v1/projects/abc/requests")
    assert parse_spec("kind=503").status == 503
    assert parse_spec("seconds=0.2").kind == "latency"
    assert FaultRule(path="/v1/**").applies_to("DELETE", "/v1/projects/a/keys/b")
    with pytest.raises(ValueError):
        parse_spec("kind=explode")
    with pytest.raises(ValueError):
        parse_spec("colour=red")
    with pytest.raises(ValueError):
        FaultRule(rate=2.0)
