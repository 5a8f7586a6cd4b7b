"""The classic clients return the same active-record objects, bound to the client that fetched them."""

from __future__ import annotations

from deepgram import DeepgramClient, Invite, Key, KeyOptions, Member, Project
from deepgram.testing import Emulator


def test_classic_project_navigates(sync_client: DeepgramClient, emu: Emulator, pid: str) -> None:
    project = sync_client.manage.get_project(pid)
    assert isinstance(project, Project)
    keys = project.keys.list()
    assert [k.api_key_id for k in keys] == list(emu.state.projects[pid].keys)
    listed = sync_client.manage.get_projects().projects
    assert listed[1].members.list()[0].member_id in emu.state.projects[listed[1].project_id].members


def test_classic_key_deletes_itself(sync_client: DeepgramClient, emu: Emulator, pid: str) -> None:
    key = sync_client.manage.get_keys(pid).api_keys[0]
    assert isinstance(key, Key) and isinstance(key.member, Member)
    key.delete()
    assert key.api_key_id not in emu.state.projects[pid].keys
    assert emu.calls[-1] == ("DELETE", f"/v1/projects/{pid}/keys/{key.api_key_id}")


def test_classic_created_and_fetched_keys_are_objects(
    sync_client: DeepgramClient, emu: Emulator, pid: str
) -> None:
    created = sync_client.manage.create_key(pid, KeyOptions(comment="ci", scopes=["usage:read"]))
    assert created.api_key.key and created.api_key_id == created.api_key.api_key_id
    fetched = sync_client.manage.get_key(pid, created.api_key.api_key_id).api_key
    assert fetched == created.api_key
    fetched.delete()
    assert created.api_key.api_key_id not in emu.state.projects[pid].keys


def test_classic_members_and_invites(sync_client: DeepgramClient, emu: Emulator, pid: str) -> None:
    member = sync_client.manage.get_members(pid).members[-1]
    member.scopes.update("admin")
    assert emu.state.projects[pid].members[member.member_id].scopes == ["admin"]
    invite = sync_client.manage.get_invites(pid).invites[0]
    assert isinstance(invite, Invite)
    invite.delete()
    assert emu.state.projects[pid].invites == {}


async def test_async_classic_objects(client: DeepgramClient, emu: Emulator, pid: str) -> None:
    response = await client.manage.asyncmanage.get_keys(pid)
    key = response.api_keys[-1]
    await key.adelete()
    assert key.api_key_id not in emu.state.projects[pid].keys
    project = await client.asyncmanage.get_project(pid)
    members = await project.members.alist()
    assert members == (await client.asyncmanage.get_members(pid)).members
