"""State that behaves: what one call changes, the next call sees."""

from __future__ import annotations

from deepgram.testing import Emulator

from .conftest import Api


async def test_seeded_world_is_rich(api: Api, emu: Emulator) -> None:
    projects = (await api.ok("GET", "/v1/projects"))["projects"]
    assert len(projects) >= 3
    for project in projects:
        pid = project["project_id"]
        members = (await api.ok("GET", f"/v1/projects/{pid}/members"))["members"]
        roles = {scope for m in members for scope in m["scopes"]}
        assert {"owner", "admin", "member"} <= roles
        assert all("@" in m["email"] and m["first_name"] and m["last_name"] for m in members)
        assert (await api.ok("GET", f"/v1/projects/{pid}/keys"))["api_keys"]
        assert (await api.ok("GET", f"/v1/projects/{pid}/invites"))["invites"]
        assert (await api.ok("GET", f"/v1/projects/{pid}/balances"))["balances"]
        assert (await api.ok("GET", f"/v1/projects/{pid}/purchases"))["orders"]
    assert len(emu.log()) == 5000
    assert len(emu.log(emu.project_ids[1])) < 5000


def test_same_seed_same_world() -> None:
    first, second, other = Emulator(seed=3), Emulator(seed=3), Emulator(seed=4)
    assert first.project_ids == second.project_ids
    assert first.log().request_id(42) == second.log().request_id(42)
    assert first.log().record(42)["path"] == second.log().record(42)["path"]
    assert first.project_ids != other.project_ids


async def test_key_lifecycle(api: Api, pid: str) -> None:
    created = await api.ok(
        "POST",
        f"/v1/projects/{pid}/keys",
        json={"comment": "ci", "scopes": ["usage:read"], "tags": ["ci"], "time_to_live_in_seconds": 3600},
    )
    key_id, secret = created["api_key_id"], created["key"]
    assert created["scopes"] == ["usage:read"] and created["expiration_date"] and created["created"]

    listed = (await api.ok("GET", f"/v1/projects/{pid}/keys"))["api_keys"]
    entry = next(e for e in listed if e["api_key"]["api_key_id"] == key_id)
    assert "key" not in entry["api_key"] and entry["member"]["email"]

    fetched = await api.ok("GET", f"/v1/projects/{pid}/keys/{key_id}")
    assert fetched["item"]["member"]["api_key"]["api_key_id"] == key_id
    assert "key" not in fetched["item"]["member"]["api_key"]

    as_new_key = api.as_key(secret)
    assert (await as_new_key.get(f"/v1/projects/{pid}/requests")).status == 200
    assert (await as_new_key.get(f"/v1/projects/{pid}/balances")).status == 403

    await api.ok("DELETE", f"/v1/projects/{pid}/keys/{key_id}")
    assert (await api.get(f"/v1/projects/{pid}/keys/{key_id}")).status == 404
    assert (await as_new_key.get(f"/v1/projects/{pid}/requests")).status == 401


async def test_key_status_filter_and_expiry(api: Api, emu: Emulator, pid: str) -> None:
    active = (await api.ok("GET", f"/v1/projects/{pid}/keys", params={"status": "active"}))["api_keys"]
    expired = (await api.ok("GET", f"/v1/projects/{pid}/keys", params={"status": "expired"}))["api_keys"]
    assert active and expired
    assert not {e["api_key"]["api_key_id"] for e in active} & {e["api_key"]["api_key_id"] for e in expired}
    created = await api.ok(
        "POST",
        f"/v1/projects/{pid}/keys",
        json={"comment": "short", "scopes": ["member"], "time_to_live_in_seconds": 60},
    )
    assert (await api.as_key(created["key"]).get(f"/v1/projects/{pid}")).status == 200
    emu.advance(61)
    assert (await api.as_key(created["key"]).get(f"/v1/projects/{pid}")).status == 401
    expired = (await api.ok("GET", f"/v1/projects/{pid}/keys", params={"status": "expired"}))["api_keys"]
    assert created["api_key_id"] in {e["api_key"]["api_key_id"] for e in expired}


async def test_key_cannot_grant_more_than_it_holds(api: Api, emu: Emulator, pid: str) -> None:
    writer = api.as_key(emu.create_key(pid, ["keys:write", "keys:read", "usage:read"]))
    assert (
        await writer.call("POST", f"/v1/projects/{pid}/keys", json={"comment": "x", "scopes": ["usage:read"]})
    ).status == 200
    reply = await writer.call("POST", f"/v1/projects/{pid}/keys", json={"comment": "x", "scopes": ["owner"]})
    assert reply.status == 403


async def test_member_key_sees_only_its_own_keys(api: Api, emu: Emulator, pid: str) -> None:
    project = emu.state.projects[pid]
    member = next(m for m in project.members.values() if m.role == "member")
    mine = emu.create_key(pid, ["member"], member_id=member.member_id)
    listed = (await api.as_key(mine).ok("GET", f"/v1/projects/{pid}/keys"))["api_keys"]
    assert listed and {e["member"]["member_id"] for e in listed} == {member.member_id}
    assert len(listed) < len(project.keys)
    other = next(k for k in project.keys.values() if k.member_id != member.member_id)
    assert (await api.as_key(mine).get(f"/v1/projects/{pid}/keys/{other.api_key_id}")).status == 404


async def test_member_scope_update_and_removal(api: Api, emu: Emulator, pid: str) -> None:
    project = emu.state.projects[pid]
    member = next(m for m in project.members.values() if m.role == "member")
    path = f"/v1/projects/{pid}/members/{member.member_id}"
    assert (await api.ok("GET", f"{path}/scopes"))["scopes"] == ["member"]
    key = api.as_key(emu.create_key(pid, ["member"], member_id=member.member_id))
    assert (await key.get(f"/v1/projects/{pid}/members")).status == 403
    await api.ok("PUT", f"{path}/scopes", json={"scope": "admin"})
    assert (await api.ok("GET", f"{path}/scopes"))["scopes"] == ["admin"]
    assert (await key.get(f"/v1/projects/{pid}/balances")).status == 403  # key scopes still cap it
    await api.ok("DELETE", path)
    members = (await api.ok("GET", f"/v1/projects/{pid}/members"))["members"]
    assert member.member_id not in {m["member_id"] for m in members}
    assert (await api.get(f"{path}/scopes")).status == 404
    assert (await key.get(f"/v1/projects/{pid}")).status == 401  # their keys went with them


async def test_admin_cannot_promote_to_owner_but_owner_can(api: Api, emu: Emulator, pid: str) -> None:
    project = emu.state.projects[pid]
    admin = next(m for m in project.members.values() if m.role == "admin")
    member = next(m for m in project.members.values() if m.role == "member")
    as_admin = api.as_key(emu.create_key(pid, ["admin"], member_id=admin.member_id))
    path = f"/v1/projects/{pid}/members/{member.member_id}/scopes"
    assert (await as_admin.call("PUT", path, json={"scope": "owner"})).status == 403
    assert (await as_admin.call("PUT", path, json={"scope": "admin"})).status == 200
    assert (await api.call("PUT", path, json={"scope": "owner"})).status == 200


async def test_invite_lifecycle_with_encoded_and_raw_email(api: Api, pid: str) -> None:
    for email in ("first.person@example.com", "second.person@example.com"):
        await api.ok("POST", f"/v1/projects/{pid}/invites", json={"email": email, "scope": "member"})
    invites = (await api.ok("GET", f"/v1/projects/{pid}/invites"))["invites"]
    assert {"email": "first.person@example.com", "scope": "member"} in invites
    await api.ok("DELETE", f"/v1/projects/{pid}/invites/first.person%40example.com")
    await api.ok("DELETE", f"/v1/projects/{pid}/invites/second.person@example.com")
    emails = {i["email"] for i in (await api.ok("GET", f"/v1/projects/{pid}/invites"))["invites"]}
    assert not emails & {"first.person@example.com", "second.person@example.com"}
    assert (await api.call("DELETE", f"/v1/projects/{pid}/invites/first.person@example.com")).status == 404


async def test_inviting_an_existing_member_is_400(api: Api, emu: Emulator, pid: str) -> None:
    email = next(iter(emu.state.projects[pid].members.values())).email
    reply = await api.call("POST", f"/v1/projects/{pid}/invites", json={"email": email, "scope": "member"})
    assert reply.status == 400


async def test_project_update_and_delete(api: Api, emu: Emulator) -> None:
    pid = emu.project_ids[2]
    await api.ok("PATCH", f"/v1/projects/{pid}", json={"name": "Renamed", "company": "NewCo"})
    assert (await api.ok("GET", f"/v1/projects/{pid}"))["name"] == "Renamed"
    key = emu.create_key(pid, ["owner"])
    await api.ok("DELETE", f"/v1/projects/{pid}")
    assert (await api.get(f"/v1/projects/{pid}")).status == 404
    assert pid not in {p["project_id"] for p in (await api.ok("GET", "/v1/projects"))["projects"]}
    assert (await api.as_key(key).get(f"/v1/projects/{pid}")).status == 401


async def test_leave_project(api: Api, emu: Emulator) -> None:
    pid = emu.project_ids[1]
    project = emu.state.projects[pid]
    member = next(m for m in project.members.values() if m.role == "member")
    key = api.as_key(emu.create_key(pid, ["member"], member_id=member.member_id))
    assert (await key.call("DELETE", f"/v1/projects/{pid}/leave")).status == 200
    assert member.member_id not in project.members
    assert (await key.get(f"/v1/projects/{pid}")).status == 401


async def test_last_owner_cannot_leave(api: Api, emu: Emulator) -> None:
    pid = emu.project_ids[2]
    assert [m.role for m in emu.state.projects[pid].members.values()].count("owner") == 1
    assert (await api.call("DELETE", f"/v1/projects/{pid}/leave")).status == 400


async def test_models_catalogue(api: Api, emu: Emulator, pid: str) -> None:
    latest = await api.ok("GET", "/v1/models")
    everything = await api.ok("GET", "/v1/models", params={"include_outdated": "true"})
    assert len(everything["stt"]) > len(latest["stt"]) and len(everything["tts"]) > len(latest["tts"])
    # the v4 SDK sends include_outdated as a JSON body on the GET
    via_body = await api.ok("GET", "/v1/models", json={"include_outdated": True})
    assert via_body == everything
    assert all(m["metadata"]["accent"] for m in latest["tts"])
    project_models = await api.ok("GET", f"/v1/projects/{pid}/models")
    custom = {m["uuid"] for m in project_models["stt"]} - {m["uuid"] for m in latest["stt"]}
    assert custom
    custom_id = custom.pop()
    assert (await api.ok("GET", f"/v1/projects/{pid}/models/{custom_id}"))["uuid"] == custom_id
    assert (await api.get(f"/v1/models/{custom_id}")).status == 404
    tts = latest["tts"][0]
    assert (await api.ok("GET", f"/v1/models/{tts['uuid']}"))["metadata"] == tts["metadata"]


async def test_balances_and_purchases(api: Api, pid: str) -> None:
    balances = (await api.ok("GET", f"/v1/projects/{pid}/balances"))["balances"]
    one = await api.ok("GET", f"/v1/projects/{pid}/balances/{balances[0]['balance_id']}")
    assert one == balances[0] and one["units"] == "usd" and one["purchase_order_id"]
    orders = (await api.ok("GET", f"/v1/projects/{pid}/purchases", params={"limit": "2"}))["orders"]
    assert len(orders) == 2 and {"order_id", "amount", "units", "order_type", "created"} <= set(orders[0])


async def test_calls_are_recorded(api: Api, emu: Emulator, pid: str) -> None:
    emu.calls.clear()
    await api.get(f"/v1/projects/{pid}/requests", params={"limit": "3"})
    await api.get("/v1/projects")
    assert emu.calls == [("GET", f"/v1/projects/{pid}/requests?limit=3"), ("GET", "/v1/projects")]
