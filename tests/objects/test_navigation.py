"""Entry points and navigation: handles make no request, and each call costs exactly its requests."""

from __future__ import annotations

import pytest

from deepgram import DeepgramClient, DeepgramError, DeepgramValueError, Project
from deepgram.testing import Emulator

from .conftest import Call


async def test_handle_makes_no_request(client: DeepgramClient, emu: Emulator, pid: str) -> None:
    project = client.project(pid)
    ids = {
        project.keys.project_id, project.members.project_id, project.invites.project_id,
        project.usage.project_id, project.balances.project_id, project.purchases.project_id,
        project.billing.project_id, project.models.project_id,
    }
    assert emu.calls == []
    assert repr(project) == f"Project(project_id={pid!r})"
    assert project.name is None
    assert ids == {pid}
    assert repr(project.keys) == f"<Keys of project {pid}>"


async def test_handle_refresh_loads_it(client: DeepgramClient, emu: Emulator, pid: str, call: Call) -> None:
    project = client.project(pid)
    loaded = await call(project, "refresh")
    assert loaded is project
    assert (project.name, project.company) == ("Clinical Dictation", "Acme Audio")
    assert emu.calls == [("GET", f"/v1/projects/{pid}")]


async def test_navigation_from_handle_costs_one_request_per_call(
    client: DeepgramClient, emu: Emulator, pid: str, call: Call
) -> None:
    project = client.project(pid)
    keys = await call(project.keys, "list")
    members = await call(project.members, "list")
    member = next(m for m in members if m.scopes == ["member"])
    await call(member.scopes, "update", "admin")
    assert len(keys) == 4
    assert emu.calls == [
        ("GET", f"/v1/projects/{pid}/keys"),
        ("GET", f"/v1/projects/{pid}/members"),
        ("PUT", f"/v1/projects/{pid}/members/{member.member_id}/scopes"),
    ]


async def test_reading_every_attribute_makes_no_request(
    client: DeepgramClient, emu: Emulator, pid: str
) -> None:
    project = await client.projects.aget(pid)
    keys = await project.keys.alist()
    members = await project.members.alist()
    invites = await project.invites.alist()
    balances = await project.balances.alist()
    before = list(emu.calls)
    for obj in [project, *keys, *members, *invites, *balances]:
        for name in dir(obj):
            if not name.startswith("_"):
                getattr(obj, name)
        repr(obj), str(obj), obj.to_dict(), hash(obj)
    for key in keys:
        assert key.member is not None
        repr(key.member.scopes), list(key.member.scopes)
    assert emu.calls == before


async def test_projects_list_and_get(client: DeepgramClient, emu: Emulator, pid: str, call: Call) -> None:
    projects = await call(client.projects, "list")
    assert [p.project_id for p in projects] == emu.project_ids
    assert all(isinstance(p, Project) for p in projects)
    fetched = await call(client.projects, "get", pid)
    assert fetched == projects[0] and fetched.company == "Acme Audio"
    # A listed project navigates like any other: its own id, not the one of the call.
    other = projects[1]
    assert [m.member_id for m in await call(other.members, "list")] == list(
        emu.state.projects[other.project_id].members
    )
    assert emu.calls == [
        ("GET", "/v1/projects"),
        ("GET", f"/v1/projects/{pid}"),
        ("GET", f"/v1/projects/{other.project_id}/members"),
    ]


async def test_global_and_project_model_catalogues(
    client: DeepgramClient, emu: Emulator, pid: str, call: Call
) -> None:
    catalogue = await call(client.models, "list")
    assert catalogue.stt and catalogue.stt_models is catalogue.stt
    model_id = catalogue.stt[0].uuid
    model = await call(client.models, "get", model_id)
    assert model.uuid == model_id and model.name == catalogue.stt[0].name
    project_models = await call(client.project(pid).models, "list")
    project_model = await call(client.project(pid).models, "get", model_id)
    assert project_model.uuid == model_id and project_models.tts
    assert emu.calls == [
        ("GET", "/v1/models"),
        ("GET", f"/v1/models/{model_id}"),
        ("GET", f"/v1/projects/{pid}/models"),
        ("GET", f"/v1/projects/{pid}/models/{model_id}"),
    ]


@pytest.mark.parametrize("bad", ["", "  "])
def test_empty_project_id_is_refused_before_any_request(sync_client: DeepgramClient, bad: str) -> None:
    with pytest.raises(DeepgramValueError):
        sync_client.project(bad)


def test_a_project_not_from_a_client_says_so() -> None:
    with pytest.raises(DeepgramError, match="not attached to a client"):
        Project(project_id="p1").keys  # noqa: B018 - the access is what is tested
