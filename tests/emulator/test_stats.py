"""Usage and billing aggregates agree with what a scraper adds up from `/requests`."""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Any

import aiohttp
import pytest

from deepgram.testing import Emulator

from .conftest import Api
from .test_requests_log import scrape


def endpoint_of(record: dict[str, Any]) -> str:
    return str(record["path"].split("?")[0].rsplit("/", 1)[-1])


def tally(records: list[dict[str, Any]]) -> dict[str, float]:
    """What a scraper computes from raw records."""
    t: dict[str, float] = defaultdict(float)
    for r in records:
        t["requests"] += 1
        t["tts_requests"] += endpoint_of(r) == "speak"
        details = r["response"].get("details")
        if not details:
            continue
        endpoint = endpoint_of(r)
        t["hours"] += details["duration"] if endpoint == "listen" else 0
        t["agent_hours"] += details["duration"] if endpoint == "agent" else 0
        t["total_hours"] += details["total_audio"] if endpoint in ("listen", "agent") else 0
        t["dollars"] += details["usd"]
        for token in r["response"].get("token_details", []):
            t["tokens_in"] += token["input"]
            t["tokens_out"] += token["output"]
        for segment in r["response"].get("tts_details", {}).get("speech_segments", []):
            t["tts_characters"] += segment["characters"]
    return t


def close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-6)


async def test_breakdown_totals_match_the_log(api: Api, pid: str) -> None:
    records = await scrape(api, pid)
    expected = tally(records)
    body = await api.ok("GET", f"/v1/projects/{pid}/usage/breakdown")
    [overall] = body["results"]
    for name in ("requests", "tokens_in", "tokens_out", "tts_characters"):
        assert overall[name] == expected[name], name
    for name in ("hours", "total_hours", "agent_hours"):
        assert close(overall[name], expected[name]), name


@pytest.mark.parametrize(
    "grouping",
    ["endpoint", "method", "deployment", "accessor", "tags", "models", "feature_set", "model", "tag"],
)
async def test_breakdown_groups_match_the_log(api: Api, emu: Emulator, pid: str, grouping: str) -> None:
    log = emu.log()
    records = await scrape(api, pid)
    body = await api.ok("GET", f"/v1/projects/{pid}/usage/breakdown", params={"grouping": grouping})
    dim = {"model": "models", "tag": "tags"}.get(grouping, grouping)
    by_group: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in records:
        slot = log.slot(log.seq_of(r["request_id"]) or 0)
        value = {"models": [slot.model.uuid], "tags": list(slot.tags), "feature_set": slot.feature_set}.get(
            dim, getattr(slot, dim, None)
        )
        by_group[repr(value)].append(r)
    assert len(body["results"]) == len(by_group)
    assert sum(item["requests"] for item in body["results"]) == len(records)
    for item in body["results"]:
        group = by_group[repr(item["grouping"][dim])]
        assert item["requests"] == len(group)
        assert close(item["hours"], tally(group)["hours"])


async def test_usage_filters_match_the_log(api: Api, pid: str) -> None:
    records = await scrape(api, pid)
    body = await api.ok(
        "GET",
        f"/v1/projects/{pid}/usage/breakdown",
        params={"endpoint": "listen", "diarize": "true", "redact": "true", "sentiment": "false"},
    )
    expected = [
        r
        for r in records
        if endpoint_of(r) == "listen"
        and ("diarize=true" in r["path"] or "redact=true" in r["path"])
        and "sentiment=true" not in r["path"]
    ]
    assert body["results"][0]["requests"] == len(expected) > 0


async def test_legacy_summary_days_match_the_log() -> None:
    async with Emulator(seed=5, requests=3000, shapes="legacy") as emu, aiohttp.ClientSession() as session:
        api = Api(session, emu.url, emu.api_key)
        pid = emu.project_id
        records = await scrape(api, pid)
        days = sorted({r["created"][:10] for r in records})
        start, end = days[3], days[9]
        body = await api.ok("GET", f"/v1/projects/{pid}/usage", params={"start": start, "end": end})
        assert (body["start"], body["end"], body["resolution"]) == (start, end, {"units": "day", "amount": 1})
        assert [item["start"] for item in body["results"]] == days[3:10]
        for item in body["results"]:
            expected = tally([r for r in records if r["created"][:10] == item["start"]])
            assert item["requests"] == expected["requests"]
            assert close(item["hours"], expected["hours"])
            assert item["tokens"] == {"in": expected["tokens_in"], "out": expected["tokens_out"]}
            assert item["tts"] == {
                "characters": expected["tts_characters"],
                "requests": expected["tts_requests"],
            }


async def test_current_summary_has_no_results(api: Api, pid: str) -> None:
    body = await api.ok("GET", f"/v1/projects/{pid}/usage", params={"start": "2020-01-01"})
    assert set(body) == {"start", "end", "resolution"} and body["start"] == "2020-01-01"


async def test_billing_breakdown_matches_the_log(api: Api, emu: Emulator, pid: str) -> None:
    log = emu.log()
    records = await scrape(api, pid)
    body = await api.ok(
        "GET",
        f"/v1/projects/{pid}/billing/breakdown",
        params=[("grouping", "deployment"), ("grouping", "line_item")],
    )
    assert close(sum(item["dollars"] for item in body["results"]), tally(records)["dollars"])
    groups: dict[tuple[str, str], float] = defaultdict(float)
    for r in records:
        slot = log.slot(log.seq_of(r["request_id"]) or 0)
        if r["response"].get("details"):
            groups[(r["deployment"], slot.line_item)] += r["response"]["details"]["usd"]
    for item in body["results"]:
        key = (item["grouping"]["deployment"], item["grouping"]["line_item"])
        assert close(item["dollars"], groups[key])
    beta = await api.ok("GET", f"/v1/projects/{pid}/billing/breakdown", params={"deployment": "beta"})
    expected = tally([r for r in records if r["deployment"] == "beta"])["dollars"]
    assert close(beta["results"][0]["dollars"], expected)


async def test_fields_list_what_the_log_contains(api: Api, pid: str) -> None:
    records = await scrape(api, pid)
    fields = await api.ok("GET", f"/v1/projects/{pid}/usage/fields")
    used_features = {
        f for r in records if r["response"].get("details") for f in r["response"]["details"]["features"]
    }
    assert used_features <= set(fields["features"])
    used_models = {
        m for r in records if r["response"].get("details") for m in r["response"]["details"]["models"]
    }
    assert used_models <= {m["model_id"] for m in fields["models"]}
    assert set(fields["processing_methods"]) == {"sync", "async", "streaming"}
    billing = await api.ok("GET", f"/v1/projects/{pid}/billing/fields")
    assert set(billing["accessors"]) <= {r["accessor"] for r in records}
    assert billing["line_items"] and all(isinstance(v, str) for v in billing["line_items"].values())
