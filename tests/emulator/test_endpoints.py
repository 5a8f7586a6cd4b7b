"""Every endpoint: happy path, and the 400 / 401 / 403 / 404 / 405 answers with Deepgram's error body."""

from __future__ import annotations

import re

import pytest

from deepgram.testing import Emulator
from deepgram.testing.routes import ROUTES

from .conftest import Api

BODIES = {
    ("PATCH", "/v1/projects/{project_id}"): {"name": "Renamed"},
    ("POST", "/v1/projects/{project_id}/keys"): {"comment": "ci", "scopes": ["usage:read"]},
    ("PUT", "/v1/projects/{project_id}/members/{member_id}/scopes"): {"scope": "admin"},
    ("POST", "/v1/projects/{project_id}/invites"): {"email": "new.person@example.com", "scope": "member"},
    ("POST", "/v1/projects/{project_id}/agents"): {"config": "{}"},
    ("PUT", "/v1/projects/{project_id}/agents/{agent_id}"): {"metadata": {"team": "ops"}},
    ("POST", "/v1/projects/{project_id}/agent-variables"): {"key": "DG_NEW", "value": 1},
    ("PATCH", "/v1/projects/{project_id}/agent-variables/{variable_id}"): {"value": 2},
}

#: A key whose only scope is `usage:read`: what each route answers it.
USAGE_READ_STATUS = {
    "/v1/projects/{project_id}/requests": 200,
    "/v1/projects/{project_id}/requests/{request_id}": 200,
    "/v1/projects/{project_id}/usage": 200,
    "/v1/projects/{project_id}/usage/fields": 200,
    "/v1/projects/{project_id}/usage/breakdown": 200,
    "/v1/models": 200,
    "/v1/models/{model_id}": 200,
    "/v1/projects/{project_id}/leave": 200,
}


def concrete(template: str, emu: Emulator, project_id: str | None = None) -> str:
    """Fill a route template with ids that exist in the emulator's main project."""
    pid = project_id or emu.project_id
    project = emu.state.projects[emu.project_id]
    member = next(m for m in project.members.values() if m.role == "member")
    values = {
        "project_id": pid,
        "key_id": next(iter(project.keys)),
        "member_id": member.member_id,
        "email": next(iter(project.invites)),
        "request_id": emu.log().request_id(10),
        "balance_id": next(iter(project.balances)),
        "model_id": emu.state.models(None, False)[0].uuid,
        "distribution_credentials_id": next(iter(project.credentials)),
        "agent_id": next(iter(project.agents)),
        "variable_id": next(iter(project.variables)),
    }
    return re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], template)


def test_every_operation_of_the_definition() -> None:
    assert len(ROUTES) == 45
    assert len({(method, path) for method, path, _ in ROUTES}) == 45


@pytest.mark.parametrize(("method", "template"), [(m, p) for m, p, _ in ROUTES])
async def test_happy_path(api: Api, emu: Emulator, method: str, template: str) -> None:
    reply = await api.call(method, concrete(template, emu), json=BODIES.get((method, template)))
    assert reply.status == 200, reply.body
    assert isinstance(reply.body, dict) and reply.body
    assert re.fullmatch(r"[0-9a-f-]{36}", reply.headers["dg-request-id"])


@pytest.mark.parametrize(("method", "template"), [(m, p) for m, p, _ in ROUTES])
async def test_unknown_key_is_401(api: Api, emu: Emulator, method: str, template: str) -> None:
    reply = await api.as_key("not-a-real-key").call(
        method, concrete(template, emu), json=BODIES.get((method, template))
    )
    assert reply.status == 401
    assert reply.body["err_code"] == "INVALID_AUTH"
    assert reply.body["err_msg"] == "Invalid credentials."
    assert reply.body["request_id"] == reply.headers["dg-request-id"]


@pytest.mark.parametrize(("method", "template"), [(m, p) for m, p, _ in ROUTES])
async def test_usage_read_key_permissions(api: Api, emu: Emulator, method: str, template: str) -> None:
    restricted = api.as_key(emu.create_key(emu.project_id, ["usage:read"]))
    reply = await restricted.call(method, concrete(template, emu), json=BODIES.get((method, template)))
    expected = USAGE_READ_STATUS.get(template, 403) if method in ("GET", "DELETE") else 403
    if (method, template) == ("DELETE", "/v1/projects/{project_id}/leave"):
        expected = 200
    assert reply.status == expected, (method, template, reply.body)
    if expected == 403:
        assert reply.body["err_code"] == "INSUFFICIENT_PERMISSIONS"


@pytest.mark.parametrize(("method", "template"), [(m, p) for m, p, _ in ROUTES if "{project_id}" in p])
async def test_unknown_project_is_404(api: Api, emu: Emulator, method: str, template: str) -> None:
    path = concrete(template, emu, project_id="00000000-0000-4000-8000-000000000000")
    reply = await api.call(method, path, json=BODIES.get((method, template)))
    assert reply.status == 404
    assert reply.body["err_code"] == "PROJECT_NOT_FOUND"


async def test_other_projects_key_cannot_reach_main_project(api: Api, emu: Emulator) -> None:
    other = emu.project_ids[1]
    key = api.as_key(emu.create_key(other, ["owner"]))
    assert (await key.get(f"/v1/projects/{emu.project_id}")).status == 404
    listed = await key.get("/v1/projects")
    assert [p["project_id"] for p in listed.body["projects"]] == [other]


@pytest.mark.parametrize(
    ("method", "suffix", "code"),
    [
        ("GET", "/keys/00000000-0000-4000-8000-000000000000", "KEY_NOT_FOUND"),
        ("DELETE", "/keys/00000000-0000-4000-8000-000000000000", "KEY_NOT_FOUND"),
        ("DELETE", "/members/nobody", "MEMBER_NOT_FOUND"),
        ("GET", "/members/nobody/scopes", "MEMBER_NOT_FOUND"),
        ("PUT", "/members/nobody/scopes", "MEMBER_NOT_FOUND"),
        ("DELETE", "/invites/nobody@example.com", "INVITE_NOT_FOUND"),
        ("GET", "/requests/00000000-0000-4000-8000-000000000000", "REQUEST_NOT_FOUND"),
        ("GET", "/requests/not-a-uuid", "REQUEST_NOT_FOUND"),
        ("GET", "/balances/nope", "BALANCE_NOT_FOUND"),
        ("GET", "/models/nope", "MODEL_NOT_FOUND"),
    ],
)
async def test_unknown_ids_are_404(api: Api, pid: str, method: str, suffix: str, code: str) -> None:
    reply = await api.call(method, f"/v1/projects/{pid}{suffix}", json={"scope": "admin"})
    assert reply.status == 404
    assert reply.body["err_code"] == code


async def test_unknown_global_model_and_route(api: Api) -> None:
    assert (await api.get("/v1/models/nope")).body["err_code"] == "MODEL_NOT_FOUND"
    reply = await api.get("/v1/nothing-here")
    assert reply.status == 404 and reply.body["err_code"] == "NOT_FOUND"


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", "/v1/projects"),
        ("PUT", "/v1/projects/{pid}/keys"),
        ("GET", "/v1/projects/{pid}/leave"),
        ("POST", "/v1/projects/{pid}/requests"),
        ("DELETE", "/v1/models"),
    ],
)
async def test_wrong_method_is_405(api: Api, pid: str, method: str, path: str) -> None:
    reply = await api.call(method, path.format(pid=pid))
    assert reply.status == 405
    assert reply.body["err_code"] == "METHOD_NOT_ALLOWED"
    assert "Allow" in reply.headers


@pytest.mark.parametrize(
    ("suffix", "query"),
    [
        ("/requests", {"limit": "0"}),
        ("/requests", {"limit": "5000"}),
        ("/requests", {"limit": "ten"}),
        ("/requests", {"limit": "nan"}),
        ("/requests", {"page": "-1"}),
        ("/requests", {"start": "2024-13-45"}),
        ("/requests", {"end": "yesterday"}),
        ("/requests", {"start": "2025-02-01", "end": "2025-01-01"}),
        ("/requests", {"status": "bogus"}),
        ("/requests", {"endpoint": "transcribe"}),
        ("/requests", {"method": "batch"}),
        ("/requests", {"deployment": "moon"}),
        ("/usage", {"start": "01/02/2025"}),
        ("/usage", {"punctuate": "maybe"}),
        ("/usage/breakdown", {"grouping": "colour"}),
        ("/usage/fields", {"end": "2025-1-1"}),
        ("/billing/breakdown", {"grouping": "models"}),
        ("/billing/fields", {"start": "x"}),
        ("/purchases", {"limit": "0"}),
        ("", {"limit": "1001"}),
    ],
)
async def test_bad_query_is_400(api: Api, pid: str, suffix: str, query: dict[str, str]) -> None:
    reply = await api.get(f"/v1/projects/{pid}{suffix}", params=query)
    assert reply.status == 400, reply.body
    assert reply.body["err_code"] == "INVALID_QUERY_PARAMETER"
    assert reply.body["request_id"]


@pytest.mark.parametrize(
    ("method", "suffix", "body"),
    [
        (
            "POST",
            "/keys",
            {
                "comment": "x",
                "scopes": ["member"],
                "time_to_live_in_seconds": 60,
                "expiration_date": "2099-01-01T00:00:00Z",
            },
        ),
        ("POST", "/keys", {"comment": "x", "scopes": "member"}),
        ("POST", "/keys", {"comment": "x", "scopes": []}),
        ("POST", "/keys", {"comment": "x", "scopes": ["wizard"]}),
        ("POST", "/keys", {"scopes": ["member"]}),
        ("POST", "/keys", {"comment": "x", "scopes": ["member"], "time_to_live_in_seconds": -5}),
        ("POST", "/keys", {"comment": "x", "scopes": ["member"], "expiration_date": "not a date"}),
        ("POST", "/keys", {"comment": "x", "scopes": ["member"], "expiration_date": "2001-01-01"}),
        ("POST", "/keys", {"comment": "x", "scopes": ["member"], "tags": "prod"}),
        ("POST", "/invites", {"email": "a@b.co", "scope": "superuser"}),
        ("POST", "/invites", {"email": "not-an-email", "scope": "member"}),
        ("POST", "/invites", {"scope": "member"}),
        ("PATCH", "", {"name": ""}),
        ("PATCH", "", {"name": 5}),
    ],
)
async def test_bad_body_is_400(api: Api, pid: str, method: str, suffix: str, body: dict[str, object]) -> None:
    reply = await api.call(method, f"/v1/projects/{pid}{suffix}", json=body)
    assert reply.status == 400, reply.body
    assert set(reply.body) == {"err_code", "err_msg", "request_id"}


async def test_bad_scope_update_is_400(api: Api, emu: Emulator, pid: str) -> None:
    member = concrete("{member_id}", emu)
    reply = await api.call("PUT", f"/v1/projects/{pid}/members/{member}/scopes", json={"scope": "god"})
    assert reply.status == 400


async def test_malformed_json_is_400(api: Api, pid: str) -> None:
    async with api.session.post(
        f"{api.base}/v1/projects/{pid}/keys", data=b"{not json", headers={"Authorization": f"Token {api.key}"}
    ) as response:
        assert response.status == 400
        assert (await response.json())["err_code"] == "INVALID_JSON"


async def test_missing_or_malformed_authorization(api: Api) -> None:
    for header in (
        {},
        {"Authorization": api.key},
        {"Authorization": "Basic abc"},
        {"Authorization": "Token "},
    ):
        async with api.session.get(f"{api.base}/v1/projects", headers=header) as response:
            assert response.status == 401


@pytest.mark.parametrize("scheme", ["Token", "token", "TOKEN", "Bearer", "bearer"])
async def test_auth_scheme_is_case_insensitive(api: Api, scheme: str) -> None:
    async with api.session.get(
        f"{api.base}/v1/projects", headers={"Authorization": f"{scheme} {api.key}"}
    ) as response:
        assert response.status == 200


async def test_custom_admin_key() -> None:
    import aiohttp

    async with Emulator(api_key="my-secret") as emu, aiohttp.ClientSession() as session:
        assert emu.api_key == "my-secret"
        api = Api(session, emu.url, "my-secret")
        assert (await api.get("/v1/projects")).status == 200
        assert (await api.as_key("emulator-admin-key").get("/v1/projects")).status == 401
