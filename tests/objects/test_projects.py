"""Project: update (only the fields given), refresh, delete, leave, and their failure paths."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from deepgram import DeepgramClient, DeepgramValueError, NotFoundError, PermissionDeniedError
from deepgram.testing import Emulator

from .conftest import Call, role_member


async def test_update_sends_only_the_given_fields_and_returns_the_refreshed_project(
    client: DeepgramClient, emu: Emulator, pid: str, call: Call
) -> None:
    project = client.project(pid)
    returned = await call(project, "update", name="Renamed")
    assert returned is project
    assert (project.name, project.company) == ("Renamed", "Acme Audio")
    assert emu.calls == [("PATCH", f"/v1/projects/{pid}"), ("GET", f"/v1/projects/{pid}")]
    await call(project, "update", company="Other Co")
    stored = emu.state.projects[pid]
    assert (stored.name, stored.company) == ("Renamed", "Other Co")
    assert (project.name, project.company) == ("Renamed", "Other Co")


async def test_update_with_nothing_to_change_sends_nothing(
    client: DeepgramClient, emu: Emulator, pid: str, call: Call
) -> None:
    with pytest.raises(DeepgramValueError, match="nothing to update"):
        await call(client.project(pid), "update")
    with pytest.raises(DeepgramValueError):
        await call(client.project(pid), "update", name="  ")
    assert emu.calls == []


async def test_refresh_sees_changes_made_elsewhere(
    client: DeepgramClient, emu: Emulator, pid: str, call: Call
) -> None:
    project = await call(client.projects, "get", pid)
    emu.state.projects[pid].name = "Changed on the server"
    assert project.name == "Clinical Dictation"
    await call(project, "refresh")
    assert project.name == "Changed on the server"


async def test_delete_then_404(client: DeepgramClient, emu: Emulator, call: Call) -> None:
    doomed = emu.project_ids[2]
    project = await call(client.projects, "get", doomed)
    message = await call(project, "delete")
    assert message.message
    assert doomed not in emu.state.projects
    with pytest.raises(NotFoundError) as caught:
        await call(project, "refresh")
    assert caught.value.status == 404 and caught.value.path == f"/v1/projects/{doomed}"
    with pytest.raises(NotFoundError):
        await call(project, "delete")


async def test_leave_removes_the_caller(
    emu: Emulator, pid: str, client_with_key: Callable[..., DeepgramClient], call: Call
) -> None:
    member_id = role_member(emu, "member")
    as_member = client_with_key(["member"], member_id=member_id)
    message = await call(as_member.project(pid), "leave")
    assert message.message
    assert member_id not in emu.state.projects[pid].members
    assert emu.calls[-1] == ("DELETE", f"/v1/projects/{pid}/leave")


async def test_without_the_scope_403(
    emu: Emulator, pid: str, client_with_key: Callable[..., DeepgramClient], call: Call
) -> None:
    reader = client_with_key(["usage:read"])
    project = reader.project(pid)
    with pytest.raises(PermissionDeniedError) as caught:
        await call(project, "update", name="Nope")
    assert caught.value.status == 403 and caught.value.method == "PATCH"
    with pytest.raises(PermissionDeniedError):
        await call(project, "delete")
    assert emu.state.projects[pid].name == "Clinical Dictation"
