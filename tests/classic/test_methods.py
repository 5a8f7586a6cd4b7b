"""Every classic method, sync and async: the exact request it sends and the result it returns."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
from aioresponses import aioresponses

from deepgram import (
    DeepgramClient,
    InviteOptions,
    KeyOptions,
    ModelOptions,
    ProjectOptions,
    ScopeOptions,
    UsageFieldsOptions,
    UsageRequestOptions,
    UsageSummaryOptions,
)
from tests.conftest import API_KEY, BASE

P = "proj-1"
MSG = {"message": "ok"}
KEY = {"api_key_id": "k1", "comment": "ci", "scopes": ["usage:read"], "created": "2026-01-01T00:00:00Z"}
MEMBER = {"member_id": "m1", "email": "ana@example.com", "first_name": "Ana", "scopes": ["admin"]}
RECORD = {"request_id": "r1", "created": "2026-01-02T03:04:05Z", "path": "/v1/listen", "code": 200}
AGENT = {"agent_id": "a1", "config": {"listen": {}}, "metadata": {"k": "v"}, "created_at": "2026-01-01T00:00:00Z"}
VARIABLE = {"variable_id": "v1", "key": "DG_N", "value": {"n": 1.5}, "created_at": "2026-01-01T00:00:00Z"}
MODEL = {"name": "nova-3", "canonical_name": "nova-3", "uuid": "u1", "languages": ["en", "es"], "batch": True}


@dataclass
class Case:
    """One classic call: arguments, the request expected on the wire, the reply, a check on the result."""

    name: str
    args: tuple[Any, ...]
    method: str
    path: str
    reply: Any
    check: Callable[[Any], bool]
    kwargs: dict[str, Any] = field(default_factory=dict)
    query: dict[str, str] | None = None
    body: Any = None
    id: str = ""


CASES = [
    Case(
        "get_projects",
        (),
        "GET",
        "/v1/projects",
        {"projects": [{"project_id": P, "name": "One"}]},
        lambda r: r.projects[0].name == "One",
    ),
    Case("list_projects", (), "GET", "/v1/projects", {"projects": []}, lambda r: r.projects == []),
    Case(
        "get_project",
        (P,),
        "GET",
        f"/v1/projects/{P}",
        {"project_id": P, "name": "One", "company": "Acme"},
        lambda r: r.company == "Acme" and r.project_id == P,
    ),
    Case(
        "update_project",
        (P, ProjectOptions(name="New")),
        "PATCH",
        f"/v1/projects/{P}",
        MSG,
        lambda r: r.message == "ok",
        body={"name": "New"},
    ),
    Case(
        "update_project",
        (P, "Renamed"),
        "PATCH",
        f"/v1/projects/{P}",
        MSG,
        lambda r: r.message == "ok",
        body={"name": "Renamed"},
        id="older-sdk-name",
    ),
    Case(
        "update_project_option",
        (P, {"name": "N", "company": "C"}),
        "PATCH",
        f"/v1/projects/{P}",
        MSG,
        lambda r: r.message == "ok",
        body={"name": "N", "company": "C"},
    ),
    Case("delete_project", (P,), "DELETE", f"/v1/projects/{P}", MSG, lambda r: r.message == "ok"),
    Case("leave_project", (P,), "DELETE", f"/v1/projects/{P}/leave", MSG, lambda r: r.message == "ok"),
    Case(
        "get_keys",
        (P,),
        "GET",
        f"/v1/projects/{P}/keys",
        {"api_keys": [{"member": MEMBER, "api_key": KEY}]},
        lambda r: r.api_keys[0].api_key_id == "k1" and r.api_keys[0].member.email == "ana@example.com",
    ),
    Case(
        "list_keys",
        (P,),
        "GET",
        f"/v1/projects/{P}/keys",
        {"api_keys": []},
        lambda r: r.api_keys == [],
        kwargs={"status": "active"},
        query={"status": "active"},
    ),
    Case(
        "get_key",
        (P, "k1"),
        "GET",
        f"/v1/projects/{P}/keys/k1",
        {"item": {"member": {**MEMBER, "api_key": KEY}}},
        lambda r: r.api_key.scopes == ["usage:read"] and r.member.member_id == "m1",
    ),
    Case(
        "create_key",
        (P, KeyOptions(comment="ci", scopes=["usage:read"], tags=["t"], time_to_live_in_seconds=60)),
        "POST",
        f"/v1/projects/{P}/keys",
        {**KEY, "key": "secret-value-123456"},
        lambda r: r.api_key.key == "secret-value-123456" and r.api_key_id == "k1",
        body={"comment": "ci", "scopes": ["usage:read"], "tags": ["t"], "time_to_live_in_seconds": 60},
    ),
    Case(
        "create_key",
        (P, {"comment": "d", "scopes": ["admin"]}),
        "POST",
        f"/v1/projects/{P}/keys",
        KEY,
        lambda r: r.api_key.api_key_id == "k1",
        body={"comment": "d", "scopes": ["admin"]},
        id="dict",
    ),
    Case(
        "create_key",
        (P,),
        "POST",
        f"/v1/projects/{P}/keys",
        KEY,
        lambda r: r.api_key.api_key_id == "k1",
        kwargs={"comment": "kw", "scopes": ["admin"], "expiration_date": "2027-01-01T00:00:00Z"},
        body={"comment": "kw", "scopes": ["admin"], "expiration_date": "2027-01-01T00:00:00Z"},
        id="keywords",
    ),
    Case("delete_key", (P, "k1"), "DELETE", f"/v1/projects/{P}/keys/k1", MSG, lambda r: r.message == "ok"),
    Case(
        "get_members",
        (P,),
        "GET",
        f"/v1/projects/{P}/members",
        {"members": [MEMBER]},
        lambda r: "admin" in r.members[0].scopes and r.members[0].first_name == "Ana",
    ),
    Case(
        "list_members", (P,), "GET", f"/v1/projects/{P}/members", {"members": []}, lambda r: r.members == []
    ),
    Case(
        "remove_member", (P, "m1"), "DELETE", f"/v1/projects/{P}/members/m1", MSG, lambda r: r.message == "ok"
    ),
    Case(
        "get_member_scopes",
        (P, "m1"),
        "GET",
        f"/v1/projects/{P}/members/m1/scopes",
        {"scopes": ["member"]},
        lambda r: r.scopes == ["member"],
    ),
    Case(
        "update_member_scope",
        (P, "m1", ScopeOptions(scope="admin")),
        "PUT",
        f"/v1/projects/{P}/members/m1/scopes",
        MSG,
        lambda r: r.message == "ok",
        body={"scope": "admin"},
    ),
    Case(
        "update_member_scope",
        (P, "m1", "owner"),
        "PUT",
        f"/v1/projects/{P}/members/m1/scopes",
        MSG,
        lambda r: r.message == "ok",
        body={"scope": "owner"},
        id="scope-string",
    ),
    Case(
        "get_invites",
        (P,),
        "GET",
        f"/v1/projects/{P}/invites",
        {"invites": [{"email": "a@b.co", "scope": "member"}]},
        lambda r: r.invites[0].email == "a@b.co",
    ),
    Case(
        "list_invites", (P,), "GET", f"/v1/projects/{P}/invites", {"invites": []}, lambda r: r.invites == []
    ),
    Case(
        "send_invite",
        (P, InviteOptions(email="new@co.com", scope="admin")),
        "POST",
        f"/v1/projects/{P}/invites",
        MSG,
        lambda r: r.message == "ok",
        body={"email": "new@co.com", "scope": "admin"},
    ),
    Case(
        "send_invite",
        (P, "old@co.com"),
        "POST",
        f"/v1/projects/{P}/invites",
        MSG,
        lambda r: r.message == "ok",
        body={"email": "old@co.com", "scope": "member"},
        id="older-sdk-email",
    ),
    Case(
        "send_invite_options",
        (P, {"email": "x@co.com", "scope": "member"}),
        "POST",
        f"/v1/projects/{P}/invites",
        MSG,
        lambda r: r.message == "ok",
        body={"email": "x@co.com", "scope": "member"},
    ),
    Case(
        "delete_invite",
        (P, "a@b.co"),
        "DELETE",
        f"/v1/projects/{P}/invites/a%40b.co",
        MSG,
        lambda r: r.message == "ok",
    ),
    Case(
        "get_usage",
        (P, UsageRequestOptions(start="2026-01-01T10:00:00", end="2026-01-31", limit=100)),
        "GET",
        f"/v1/projects/{P}/usage",
        {"start": "2026-01-01", "end": "2026-01-31", "resolution": {"units": "day", "amount": 1}},
        lambda r: r.resolution.units == "day" and r.results == [],
        kwargs={"totals": False},
        query={"start": "2026-01-01", "end": "2026-01-31"},
    ),
    Case(
        "get_usage_request",
        (P, "r1"),
        "GET",
        f"/v1/projects/{P}/requests/r1",
        {"request": RECORD},
        lambda r: r.request_id == "r1" and r.code == 200,
    ),
    Case(
        "get_usage_requests",
        (P, UsageRequestOptions(start="2026-01-01", end="2026-01-02T12:30:00Z", limit=2, status="succeeded")),
        "GET",
        f"/v1/projects/{P}/requests",
        {"page": 0, "limit": 2, "requests": [RECORD]},
        lambda r: r.limit == 2 and r.requests[0].request_id == "r1",
        query={"start": "2026-01-01", "end": "2026-01-02T12:30:00Z", "limit": "2", "status": "succeeded"},
    ),
    Case(
        "get_usage_summary",
        (P, UsageSummaryOptions(start="2026-01-01", end="2026-01-31", punctuate=True)),
        "GET",
        f"/v1/projects/{P}/usage",
        {
            "start": "2026-01-01",
            "end": "2026-01-31",
            "results": [{"hours": 1.5, "requests": 3, "tokens": {"in": 1, "out": 2}}],
        },
        lambda r: r.results[0].tokens.total == 3,
        kwargs={"totals": False},
        query={"start": "2026-01-01", "end": "2026-01-31", "punctuate": "true"},
    ),
    Case(
        "get_usage_breakdown",
        (P,),
        "GET",
        f"/v1/projects/{P}/usage/breakdown",
        {"results": [{"hours": 2.0, "requests": 4, "grouping": {"endpoint": "listen"}}]},
        lambda r: r.results[0].grouping.endpoint == "listen",
        kwargs={"grouping": "endpoint"},
        query={"grouping": "endpoint"},
    ),
    Case(
        "get_balances",
        (P,),
        "GET",
        f"/v1/projects/{P}/balances",
        {"balances": [{"balance_id": "b1", "amount": 12.5, "units": "usd", "purchase_order_id": "po"}]},
        lambda r: r.balances[0].purchase == "po" and r.balances[0].amount == 12.5,
    ),
    Case(
        "list_balances",
        (P,),
        "GET",
        f"/v1/projects/{P}/balances",
        {"balances": []},
        lambda r: r.balances == [],
    ),
    Case(
        "get_balance",
        (P, "b1"),
        "GET",
        f"/v1/projects/{P}/balances/b1",
        {"balance_id": "b1", "amount": "3.25"},
        lambda r: r.amount == 3.25,
    ),
    Case(
        "get_billing_breakdown",
        (P,),
        "GET",
        f"/v1/projects/{P}/billing/breakdown",
        {"results": [{"dollars": 1.25, "grouping": {"line_item": "streaming::nova-3"}}]},
        lambda r: r.results[0].dollars == 1.25,
        kwargs={"grouping": ["deployment", "line_item"]},
        query={"grouping": "deployment,line_item"},
    ),
    Case(
        "get_billing_fields",
        (P,),
        "GET",
        f"/v1/projects/{P}/billing/fields",
        {"accessors": ["a"], "line_items": {"x": "X"}},
        lambda r: r.line_items == {"x": "X"},
        kwargs={"start": "2026-01-01"},
        query={"start": "2026-01-01"},
    ),
    Case(
        "get_purchases",
        (P,),
        "GET",
        f"/v1/projects/{P}/purchases",
        {"orders": [{"order_id": "o1", "amount": 5}]},
        lambda r: r.orders[0].order_id == "o1",
        kwargs={"limit": 5},
        query={"limit": "5"},
    ),
    Case(
        "get_models",
        (P,),
        "GET",
        f"/v1/projects/{P}/models",
        {"stt": [MODEL], "tts": []},
        lambda r: r.stt_models[0].language == "en" and r.tts_models == [],
    ),
    Case(
        "get_models",
        (),
        "GET",
        "/v1/models",
        {"stt": [], "tts": [MODEL]},
        lambda r: r.tts[0].uuid == "u1",
        id="global",
    ),
    Case(
        "get_models",
        (ModelOptions(include_outdated=True),),
        "GET",
        "/v1/models",
        {"stt": []},
        lambda r: r.stt == [],
        query={"include_outdated": "true"},
        id="global-options",
    ),
    Case("list_models", (), "GET", "/v1/models", {"stt": [MODEL]}, lambda r: r.stt[0].batch is True),
    Case(
        "get_model",
        (P, "u1"),
        "GET",
        f"/v1/projects/{P}/models/u1",
        MODEL,
        lambda r: r.languages == ["en", "es"],
    ),
    Case("get_model", ("u1",), "GET", "/v1/models/u1", MODEL, lambda r: r.name == "nova-3", id="global"),
    Case(
        "get_project_models",
        (P,),
        "GET",
        f"/v1/projects/{P}/models",
        {"stt": [MODEL]},
        lambda r: len(r.stt) == 1,
    ),
    Case("list_project_models", (P,), "GET", f"/v1/projects/{P}/models", {"stt": []}, lambda r: r.stt == []),
    Case(
        "get_project_model", (P, "u1"), "GET", f"/v1/projects/{P}/models/u1", MODEL, lambda r: r.uuid == "u1"
    ),
    Case(
        "get_agent_configurations",
        (P,),
        "GET",
        f"/v1/projects/{P}/agents",
        {"agents": [AGENT]},
        lambda r: r.agents[0].config == {"listen": {}} and r.agents[0].metadata == {"k": "v"},
    ),
    Case(
        "get_agent_configuration",
        (P, "a1"),
        "GET",
        f"/v1/projects/{P}/agents/a1",
        AGENT,
        lambda r: r.agent_id == "a1",
    ),
    Case(
        "create_agent_configuration",
        (P,),
        "POST",
        f"/v1/projects/{P}/agents",
        {"agent_id": "a1", "config": {"listen": {}}},
        lambda r: r.agent_id == "a1",
        kwargs={"config": {"listen": {}}, "metadata": {"k": "v"}},
        body={"config": '{"listen":{}}', "metadata": {"k": "v"}},
    ),
    Case(
        "update_agent_configuration",
        (P, "a1", {"metadata": {"k": "w"}}),
        "PUT",
        f"/v1/projects/{P}/agents/a1",
        {**AGENT, "metadata": {"k": "w"}},
        lambda r: r.metadata == {"k": "w"},
        body={"metadata": {"k": "w"}},
    ),
    Case(
        "delete_agent_configuration",
        (P, "a1"),
        "DELETE",
        f"/v1/projects/{P}/agents/a1",
        {"message": "gone", "extra": 1},
        lambda r: r.message == "gone" and r["extra"] == 1,
    ),
    Case(
        "get_agent_variables",
        (P,),
        "GET",
        f"/v1/projects/{P}/agent-variables",
        {"variables": [VARIABLE]},
        lambda r: r.variables[0].value == {"n": 1.5},
    ),
    Case(
        "get_agent_variable",
        (P, "v1"),
        "GET",
        f"/v1/projects/{P}/agent-variables/v1",
        VARIABLE,
        lambda r: r.key == "DG_N",
    ),
    Case(
        "create_agent_variable",
        (P, {"key": "DG_N", "value": {"n": 1.5}}),
        "POST",
        f"/v1/projects/{P}/agent-variables",
        VARIABLE,
        lambda r: r.variable_id == "v1",
        body={"key": "DG_N", "value": {"n": 1.5}},
    ),
    Case(
        "update_agent_variable",
        (P, "v1"),
        "PATCH",
        f"/v1/projects/{P}/agent-variables/v1",
        {**VARIABLE, "value": None},
        lambda r: r.value is None,
        kwargs={"value": None},
        body={"value": None},
    ),
    Case(
        "delete_agent_variable",
        (P, "v1"),
        "DELETE",
        f"/v1/projects/{P}/agent-variables/v1",
        {},
        lambda r: r == {} and r.message is None,
    ),
]


def _id(case: Case) -> str:
    return case.name + (f"[{case.id}]" if case.id else "")


def _only_request(mocked: aioresponses, case: Case) -> tuple[str, str, Any]:
    assert len(mocked.requests) == 1, list(mocked.requests)
    (method, url), calls = next(iter(mocked.requests.items()))
    assert len(calls) == 1
    return method, str(url), calls[0].kwargs


def _assert_request(mocked: aioresponses, case: Case) -> None:
    method, url, kwargs = _only_request(mocked, case)
    parts = urlsplit(url)
    assert method == case.method
    assert parts.path == case.path.replace("%40", "@") or parts.path == case.path
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    if "grouping" in (case.query or {}) and "," in case.query["grouping"]:  # type: ignore[index]
        query["grouping"] = ",".join(v for k, v in parse_qsl(parts.query) if k == "grouping")
    assert query == (case.query or {})
    headers = kwargs["headers"]
    assert headers["Authorization"] == f"Token {API_KEY}"
    assert headers["User-Agent"].startswith("deepgram-manage-python/")
    sent = kwargs.get("data")
    assert (json.loads(sent) if sent else None) == case.body
    if case.body is not None:
        assert headers["Content-Type"] == "application/json"


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_sync(case: Case) -> None:
    with aioresponses() as mocked, DeepgramClient(api_key=API_KEY, url=BASE) as client:
        mocked.add(re.compile(r".*"), case.method, payload=case.reply)
        result = getattr(client.manage, case.name)(*case.args, **case.kwargs)
        _assert_request(mocked, case)
    assert case.check(result)


@pytest.mark.parametrize("case", CASES, ids=_id)
async def test_async(case: Case) -> None:
    with aioresponses() as mocked:
        mocked.add(re.compile(r".*"), case.method, payload=case.reply)
        async with DeepgramClient(api_key=API_KEY, url=BASE) as client:
            result = await getattr(client.manage.asyncmanage, case.name)(*case.args, **case.kwargs)
        _assert_request(mocked, case)
    assert case.check(result)


def test_every_classic_method_is_covered() -> None:
    from deepgram.manage.async_client import AsyncManageClient

    public = {name for name in dir(AsyncManageClient) if not name.startswith("_") and name not in ("v", "with_raw_response")}
    covered = {case.name for case in CASES} | {"get_usage_fields"}  # tested on its own below (two requests)
    assert public == covered


async def test_get_usage_fields_fills_totals_from_breakdown_concurrently() -> None:
    with aioresponses() as mocked:
        mocked.get(
            re.compile(rf"{BASE}/v1/projects/{P}/usage/fields.*"),
            payload={
                "tags": ["dev"],
                "models": [{"name": "nova-3", "model_id": "m"}],
                "features": ["punctuate"],
            },
        )
        mocked.get(
            re.compile(rf"{BASE}/v1/projects/{P}/usage/breakdown.*"),
            payload={
                "results": [
                    {
                        "requests": 3,
                        "hours": 1.5,
                        "tokens_in": 10,
                        "tokens_out": 5,
                        "grouping": {"endpoint": "listen"},
                    },
                    {"requests": 2, "tts_characters": 900, "grouping": {"endpoint": "speak"}},
                    {"requests": 7, "grouping": {"endpoint": "read"}},
                ]
            },
        )
        async with DeepgramClient(api_key=API_KEY, url=BASE) as client:
            options = UsageRequestOptions(start="2026-01-01", end="2026-01-31T10:00:00", limit=100)
            fields = await client.asyncmanage.get_usage_fields(P, options)
        urls = sorted(
            (urlsplit(str(url)).path, sorted(parse_qsl(urlsplit(str(url)).query)))
            for (_, url) in mocked.requests
        )
    assert fields.stt.requests == 3 and fields.stt.hours == 1.5 and fields.stt.tokens.tokens == 15
    assert fields.tts.requests == 2 and fields.tts.characters == 900
    assert fields.tags == ["dev"] and fields.models[0].name == "nova-3"
    assert urls == [
        (
            f"/v1/projects/{P}/usage/breakdown",
            [("end", "2026-01-31"), ("grouping", "endpoint"), ("start", "2026-01-01")],
        ),
        (f"/v1/projects/{P}/usage/fields", [("end", "2026-01-31"), ("start", "2026-01-01")]),
    ]


async def test_get_usage_fields_without_totals_makes_one_request() -> None:
    with aioresponses() as mocked:
        mocked.get(re.compile(r".*"), payload={"tags": ["x"]})
        async with DeepgramClient(api_key=API_KEY, url=BASE) as client:
            fields = await client.asyncmanage.get_usage_fields(
                P, UsageFieldsOptions(start="2026-01-01"), totals=False
            )
        assert len(mocked.requests) == 1
    assert fields.stt is None and fields.tags == ["x"]


def test_versions_and_spellings_reach_the_same_objects() -> None:
    with DeepgramClient(api_key=API_KEY, url=BASE) as client:
        assert client.manage.v("1") is client.manage
        assert client.asyncmanage is client.manage.asyncmanage
        assert client.manage.asyncmanage.v("1") is client.asyncmanage
        with pytest.raises(ValueError):
            client.manage.v("2")
