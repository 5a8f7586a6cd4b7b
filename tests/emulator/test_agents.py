"""Self-hosted credentials, agent configurations and variables, and temporary tokens on the emulator."""

from __future__ import annotations

import pytest

from deepgram.testing import Emulator

from .conftest import Api


async def test_distribution_credentials_lifecycle(api: Api, pid: str) -> None:
    base = f"/v1/projects/{pid}/self-hosted/distribution/credentials"
    seeded = (await api.ok("GET", base))["distribution_credentials"]
    assert len(seeded) == 1 and seeded[0]["distribution_credentials"]["scopes"] == ["self-hosted:products"]
    made = await api.ok(
        "POST", base, params=[("scopes", "self-hosted:product:api"), ("scopes", "self-hosted:product:engine")],
        json={"comment": "ci pulls"},
    )
    credential = made["distribution_credentials"]
    assert credential["scopes"] == ["self-hosted:product:api", "self-hosted:product:engine"]
    assert credential["provider"] == "quay" and credential["comment"] == "ci pulls" and made["member"]["email"]
    default = (await api.ok("POST", base))["distribution_credentials"]
    assert default["scopes"] == ["self-hosted:products"] and "comment" not in default
    one = f"{base}/{credential['distribution_credentials_id']}"
    assert await api.ok("GET", one) == made
    assert len((await api.ok("GET", base))["distribution_credentials"]) == 3
    assert await api.ok("DELETE", one) == made  # the deleted set, not a message
    assert (await api.get(one)).status == 404
    bad = await api.call("POST", base, params={"scopes": "self-hosted:everything"})
    assert bad.status == 400 and "scopes" in bad.body["err_msg"]
    assert (await api.call("POST", base, params={"provider": "dockerhub"})).status == 400


async def test_agent_configurations_lifecycle(api: Api, pid: str) -> None:
    base = f"/v1/projects/{pid}/agents"
    made = await api.ok("POST", base, json={"config": '{"think": {"provider": "x"}}', "metadata": {"env": "ci"}})
    assert made["config"] == {"think": {"provider": "x"}} and made["metadata"] == {"env": "ci"}
    one = f"{base}/{made['agent_id']}"
    fetched = await api.ok("GET", one)
    assert fetched["config"] == made["config"] and fetched["created_at"].endswith("Z")
    updated = await api.ok("PUT", one, json={"metadata": {"env": "prod"}})
    assert updated["metadata"] == {"env": "prod"} and updated["config"] == made["config"]
    assert [a["agent_id"] for a in (await api.ok("GET", base))["agents"]][-1] == made["agent_id"]
    assert "message" in await api.ok("DELETE", one)
    assert (await api.get(one)).status == 404
    for body in ({"config": "not json"}, {"config": "[1]"}, {"config": {"a": 1}}, {}, {"config": "{}", "api_version": 2}):
        assert (await api.call("POST", base, json=body)).status == 400, body
    fresh = await api.ok("POST", base, json={"config": "{}"})
    assert (await api.call("PUT", f"{base}/{fresh['agent_id']}", json={"metadata": {"n": 1}})).status == 400


async def test_agent_variables_lifecycle(api: Api, pid: str) -> None:
    base = f"/v1/projects/{pid}/agent-variables"
    made = await api.ok("POST", base, json={"key": "DG_VOICE", "value": {"model": "aura-2", "speed": 1.25}})
    assert made["value"] == {"model": "aura-2", "speed": 1.25} and made["key"] == "DG_VOICE"
    one = f"{base}/{made['variable_id']}"
    patched = await api.ok("PATCH", one, json={"value": False})
    assert patched["value"] is False and patched["variable_id"] == made["variable_id"]
    assert (await api.ok("GET", one))["value"] is False
    assert [v["key"] for v in (await api.ok("GET", base))["variables"]] == ["DG_GREETING", "DG_VOICE"]
    for body in ({"key": "voice", "value": 1}, {"key": "DG_VOICE", "value": 2}, {"key": "DG_X"}):
        assert (await api.call("POST", base, json=body)).status == 400, body
    assert (await api.call("PATCH", one, json={})).status == 400
    await api.ok("DELETE", one)
    assert (await api.get(one)).status == 404


async def test_granted_tokens_live_their_ttl_and_are_refused_by_every_manage_endpoint(
    api: Api, emu: Emulator, pid: str
) -> None:
    default = await api.ok("POST", "/v1/auth/grant")
    assert default["expires_in"] == 30 and default["access_token"].count(".") == 2
    granted = await api.ok("POST", "/v1/auth/grant", json={"ttl_seconds": 120})
    assert granted["expires_in"] == 120
    as_token = api.as_key(granted["access_token"])
    for path in ("/v1/projects", f"/v1/projects/{pid}/keys", f"/v1/projects/{pid}/agents", "/v1/models"):
        refused = await as_token.call("GET", path, headers={"Authorization": f"Bearer {granted['access_token']}"})
        assert refused.status == 403 and "API key" in refused.body["err_msg"], path
    assert (await as_token.call("POST", "/v1/auth/grant")).status == 403
    emu.advance(121)
    expired = await as_token.get("/v1/projects")
    assert expired.status == 401 and "expired" in expired.body["err_msg"]
    for ttl in (0, -5, "30", True):
        assert (await api.call("POST", "/v1/auth/grant", json={"ttl_seconds": ttl})).status == 400, ttl


@pytest.mark.parametrize("scopes", [["usage:read"], ["keys:read"]])
async def test_grant_needs_member_or_higher(api: Api, emu: Emulator, pid: str, scopes: list[str]) -> None:
    key = emu.create_key(pid, scopes)
    reply = await api.as_key(key).call("POST", "/v1/auth/grant")
    assert reply.status == 403
