"""Invites: list, send (returns the `Invite`), delete, and failures."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from deepgram import DeepgramClient, DeepgramValueError, Invite, NotFoundError, PermissionDeniedError
from deepgram.testing import Emulator

from .conftest import Call


async def test_list(client: DeepgramClient, emu: Emulator, pid: str, call: Call) -> None:
    invites = await call(client.project(pid).invites, "list")
    assert [(i.email, i.scope) for i in invites] == list(emu.state.projects[pid].invites.items())
    assert all(isinstance(i, Invite) for i in invites)


async def test_send_then_delete_then_404(client: DeepgramClient, emu: Emulator, pid: str, call: Call) -> None:
    invites = client.project(pid).invites
    invite = await call(invites, "send", "New.Person@Example.com", scope="admin")
    assert isinstance(invite, Invite)
    assert (invite.email, invite.scope) == ("New.Person@Example.com", "admin")
    assert invite.sent is not None and invite.sent.endswith("Z")
    assert emu.state.projects[pid].invites["new.person@example.com"] == "admin"
    listed = await call(invites, "list")
    assert invite in listed  # the API lower-cases the address; e-mails compare case-insensitively
    await call(invite, "delete")
    assert "new.person@example.com" not in emu.state.projects[pid].invites
    with pytest.raises(NotFoundError):
        await call(invite, "delete")
    assert [method for method, _ in emu.calls] == ["POST", "GET", "DELETE", "DELETE"]
    assert emu.calls[2][1] == f"/v1/projects/{pid}/invites/New.Person%40Example.com"


async def test_send_with_the_default_scope(
    client: DeepgramClient, emu: Emulator, pid: str, call: Call
) -> None:
    invite = await call(client.project(pid).invites, "send", "someone@example.com")
    assert invite.scope == "member"
    assert emu.state.projects[pid].invites["someone@example.com"] == "member"


async def test_bad_email_is_refused_before_any_request(
    client: DeepgramClient, emu: Emulator, pid: str, call: Call
) -> None:
    with pytest.raises(DeepgramValueError):
        await call(client.project(pid).invites, "send", "not-an-email", scope="admin")
    assert emu.calls == []


async def test_without_the_scope_403(
    emu: Emulator, pid: str, client_with_key: Callable[..., DeepgramClient], call: Call
) -> None:
    reader = client_with_key(["usage:read"])
    invites = reader.project(pid).invites
    with pytest.raises(PermissionDeniedError):
        await call(invites, "list")
    with pytest.raises(PermissionDeniedError):
        await call(invites, "send", "x@example.com", scope="admin")
    with pytest.raises(PermissionDeniedError):
        await call(invites, "delete", next(iter(emu.state.projects[pid].invites)))
    assert list(emu.state.projects[pid].invites) == ["olga.yilmaz@contractors.example.org"]
