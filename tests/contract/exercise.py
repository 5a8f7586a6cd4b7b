"""Drive every operation of a running emulator once and collect its answers, by definition number."""

from __future__ import annotations

from typing import Any

from deepgram.testing import Emulator
from tests.emulator.conftest import Api


async def every_response(api: Api, emu: Emulator) -> list[tuple[int, Any]]:
    """(operation number, 200 body) for each operation, with the queries the definition allows.

    Ends with the destructive ones (delete key, member, invite, leave, delete project).
    """
    pid = emu.project_id
    project = emu.state.projects[pid]
    key_id = next(iter(project.keys))
    member_id = next(m for m, v in project.members.items() if v.role != "owner")
    model_id = next(iter(emu.state.models(None, include_outdated=False))).uuid
    tts_id = next(m.uuid for m in emu.state.models(None, include_outdated=False) if m.kind == "tts")
    balance_id = next(iter(project.balances))
    request_id = emu.log().request_id(3)
    p = f"/v1/projects/{pid}"
    window = {"start": "2020-01-01", "end": "2100-01-01"}
    out: list[tuple[int, Any]] = []

    async def ok(number: int, method: str, path: str, **kwargs: Any) -> Any:
        body = await api.ok(method, path, **kwargs)
        out.append((number, body))
        return body

    await ok(1, "GET", "/v1/projects")
    await ok(2, "GET", p)
    await ok(2, "GET", p, params={"limit": "2.5", "page": "1.5"})
    await ok(3, "PATCH", p, json={"name": "Renamed"})
    await ok(6, "GET", f"{p}/keys")
    await ok(6, "GET", f"{p}/keys", params={"status": "expired"})
    created = await ok(7, "POST", f"{p}/keys", json={"comment": "c", "scopes": ["member"]})
    await ok(7, "POST", f"{p}/keys", json={"comment": "t", "scopes": ["member"], "time_to_live_in_seconds": 60})
    await ok(8, "GET", f"{p}/keys/{key_id}")
    await ok(10, "GET", f"{p}/members")
    await ok(12, "GET", f"{p}/members/{member_id}/scopes")
    await ok(13, "PUT", f"{p}/members/{member_id}/scopes", json={"scope": "admin"})
    await ok(14, "GET", f"{p}/invites")
    await ok(15, "POST", f"{p}/invites", json={"email": "new@example.com", "scope": "member"})
    await ok(17, "GET", f"{p}/requests", params={"limit": "1000"})
    await ok(17, "GET", f"{p}/requests", params={"limit": "20.0", "page": "1", "status": "failed"})
    await ok(17, "GET", f"{p}/requests", params={"start": "2020-01-01T00:00:00+00:00", "method": "async"})
    await ok(18, "GET", f"{p}/requests/{request_id}")
    await ok(19, "GET", f"{p}/usage", params=window)
    await ok(19, "GET", f"{p}/usage", params={**window, "diarize": "true", "endpoint": "listen"})
    await ok(20, "GET", f"{p}/usage/fields", params=window)
    await ok(21, "GET", f"{p}/usage/breakdown", params=window)
    for grouping in ("accessor", "endpoint", "feature_set", "models", "method", "tags", "deployment"):
        await ok(21, "GET", f"{p}/usage/breakdown", params={**window, "grouping": grouping})
    await ok(22, "GET", f"{p}/balances")
    await ok(23, "GET", f"{p}/balances/{balance_id}")
    await ok(24, "GET", f"{p}/billing/breakdown", params=window)
    await ok(24, "GET", f"{p}/billing/breakdown", params=[("grouping", "tags"), ("grouping", "line_item")])
    await ok(24, "GET", f"{p}/billing/breakdown", params=[("grouping", "accessor"), ("grouping", "deployment")])
    await ok(25, "GET", f"{p}/billing/fields", params=window)
    await ok(26, "GET", f"{p}/purchases")
    await ok(26, "GET", f"{p}/purchases", params={"limit": "2.0"})
    await ok(27, "GET", "/v1/models")
    await ok(27, "GET", "/v1/models", params={"include_outdated": "true"})
    await ok(28, "GET", f"/v1/models/{model_id}")
    await ok(28, "GET", f"/v1/models/{tts_id}")
    await ok(29, "GET", f"{p}/models")
    await ok(30, "GET", f"{p}/models/{model_id}")
    creds = f"{p}/self-hosted/distribution/credentials"
    credential = await ok(32, "POST", creds, json={"comment": "ci"})
    await ok(32, "POST", creds, params=[("scopes", "self-hosted:product:api"), ("provider", "quay")])
    credential_id = credential["distribution_credentials"]["distribution_credentials_id"]
    await ok(31, "GET", creds)
    await ok(33, "GET", f"{creds}/{credential_id}")
    agent = await ok(36, "POST", f"{p}/agents", json={"config": '{"listen": {}}', "metadata": {"team": "a"}})
    await ok(36, "POST", f"{p}/agents", json={"config": "{}", "api_version": 1})
    await ok(35, "GET", f"{p}/agents")
    await ok(37, "GET", f"{p}/agents/{agent['agent_id']}")
    await ok(38, "PUT", f"{p}/agents/{agent['agent_id']}", json={"metadata": {"team": "b"}})
    variable = await ok(41, "POST", f"{p}/agent-variables", json={"key": "DG_FAREWELL", "value": "bye"})
    await ok(41, "POST", f"{p}/agent-variables", json={"key": "DG_LIMITS", "value": {"max": 1.5}})
    await ok(40, "GET", f"{p}/agent-variables")
    await ok(42, "GET", f"{p}/agent-variables/{variable['variable_id']}")
    await ok(43, "PATCH", f"{p}/agent-variables/{variable['variable_id']}", json={"value": [1, None]})
    await ok(45, "POST", "/v1/auth/grant")
    await ok(45, "POST", "/v1/auth/grant", json={"ttl_seconds": 12.5})
    # destructive, last
    await ok(34, "DELETE", f"{creds}/{credential_id}")
    await ok(39, "DELETE", f"{p}/agents/{agent['agent_id']}")
    await ok(44, "DELETE", f"{p}/agent-variables/{variable['variable_id']}")
    await ok(9, "DELETE", f"{p}/keys/{created['api_key_id']}")
    await ok(16, "DELETE", f"{p}/invites/new@example.com")
    await ok(11, "DELETE", f"{p}/members/{member_id}")
    other = emu.project_ids[1]
    await ok(5, "DELETE", f"/v1/projects/{other}/leave")
    await ok(4, "DELETE", f"/v1/projects/{emu.project_ids[2]}")
    return out
