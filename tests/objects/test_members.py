"""Members and their scopes: a list of strings that also reloads and updates itself."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from deepgram import (
    BadRequestError,
    DeepgramClient,
    DeepgramError,
    Member,
    NotFoundError,
    PermissionDeniedError,
)
from deepgram.resources.members import Scopes
from deepgram.testing import Emulator

from .conftest import Call, role_member


async def test_list_members_with_scopes(client: DeepgramClient, emu: Emulator, pid: str, call: Call) -> None:
    members = await call(client.project(pid).members, "list")
    stored = emu.state.projects[pid].members
    assert [m.member_id for m in members] == list(stored)
    for member in members:
        assert isinstance(member.scopes, Scopes) and isinstance(member.scopes, list)
        assert member.scopes == stored[member.member_id].scopes
        assert member.email == stored[member.member_id].email
    owner = members[0]
    assert "owner" in owner.scopes and "admin" not in owner.scopes
    assert owner.scopes == ["owner"] and ["owner"] == owner.scopes  # noqa: SIM300 - both sides
    assert owner.scopes[0] == "owner" and len(owner.scopes) == 1
    assert repr(owner.scopes) == "['owner']"


async def test_scopes_update_changes_the_server_then_the_list(
    client: DeepgramClient, emu: Emulator, pid: str, call: Call
) -> None:
    members = await call(client.project(pid).members, "list")
    member = next(m for m in members if "admin" not in m.scopes and "owner" not in m.scopes)
    scopes = member.scopes
    message = await call(member.scopes, "update", "admin")
    assert message.message
    assert member.scopes is scopes and member.scopes == ["admin"]
    assert emu.state.projects[pid].members[member.member_id].scopes == ["admin"]
    assert emu.calls[-1] == ("PUT", f"/v1/projects/{pid}/members/{member.member_id}/scopes")


async def test_scopes_reload_from_the_server(
    client: DeepgramClient, emu: Emulator, pid: str, call: Call
) -> None:
    member = (await call(client.project(pid).members, "list"))[-1]
    emu.state.set_role(emu.state.projects[pid], member.member_id, "admin")
    assert member.scopes == ["member"]
    assert await call(member.scopes, "list") is member.scopes
    assert member.scopes == ["admin"]
    emu.state.set_role(emu.state.projects[pid], member.member_id, "member")
    await call(member.scopes, "refresh")
    assert member.scopes == ["member"]
    path = f"/v1/projects/{pid}/members/{member.member_id}/scopes"
    assert emu.calls[-2:] == [("GET", path), ("GET", path)]


async def test_scopes_fetched_by_member_id_can_update(
    client: DeepgramClient, emu: Emulator, pid: str, call: Call
) -> None:
    member_id = role_member(emu, "member")
    scopes = await call(client.project(pid).members, "scopes", member_id)
    assert scopes == ["member"] and isinstance(scopes, Scopes)
    await call(scopes, "update", "admin")
    assert scopes == ["admin"] and emu.state.projects[pid].members[member_id].scopes == ["admin"]


async def test_a_refused_update_leaves_the_list_alone(
    client: DeepgramClient, emu: Emulator, pid: str, call: Call
) -> None:
    member = next(m for m in await call(client.project(pid).members, "list") if m.scopes == ["member"])
    with pytest.raises(BadRequestError):
        await call(member.scopes, "update", "superuser")
    assert member.scopes == ["member"]


async def test_remove_then_404(client: DeepgramClient, emu: Emulator, pid: str, call: Call) -> None:
    member_id = role_member(emu, "member")
    member = next(m for m in await call(client.project(pid).members, "list") if m.member_id == member_id)
    await call(member, "remove")
    assert member_id not in emu.state.projects[pid].members
    with pytest.raises(NotFoundError):
        await call(member, "remove")
    with pytest.raises(NotFoundError):
        await call(member.scopes, "list")
    assert emu.calls[-3][0] == "DELETE" and emu.calls[-3][1].endswith(f"/members/{member_id}")


async def test_without_the_scope_403(
    emu: Emulator, pid: str, client_with_key: Callable[..., DeepgramClient], call: Call
) -> None:
    reader = client_with_key(["usage:read"])
    with pytest.raises(PermissionDeniedError):
        await call(reader.project(pid).members, "list")
    target = role_member(emu, "member")
    with pytest.raises(PermissionDeniedError):
        await call(reader.project(pid).members, "remove", target)
    with pytest.raises(PermissionDeniedError):
        await call(reader.project(pid).members, "update_scope", target, "admin")
    assert emu.state.projects[pid].members[target].scopes == ["member"]


async def test_a_key_owner_is_a_member_whose_scopes_the_api_did_not_send(
    client: DeepgramClient, pid: str
) -> None:
    key = (await client.project(pid).keys.alist())[0]
    assert key.member is not None
    assert key.member.scopes == [] and "scopes" not in repr(key.member)
    await key.member.scopes.alist()  # the list can still load itself
    assert key.member.scopes == ["owner"]


def test_scopes_of_no_member_say_so() -> None:
    with pytest.raises(DeepgramError, match="do not belong to a member"):
        Scopes(["admin"]).update("member")
    with pytest.raises(DeepgramError, match=r"fetch them through project\.members"):
        Member(member_id="m1", scopes=Scopes(["admin"])).scopes.update("member")
