"""Checked by mypy in `test_twins.py` (never run): each sync method and its async twin are typed alike."""

from __future__ import annotations

from typing_extensions import assert_type

from deepgram import DeepgramClient, Invite, Key, Member, Project
from deepgram.resources.common import Message
from deepgram.resources.members import Scopes
from deepgram.resources.models import ModelsResponse
from deepgram.resources.usage_types import UsageRequest, UsageSummaryResponse


def sync_surface(client: DeepgramClient) -> None:
    project = client.project("p")
    assert_type(project, Project)
    assert_type(client.projects.list(), list[Project])
    assert_type(project.refresh(), Project)
    assert_type(project.update(name="n"), Project)
    key = project.keys.create(comment="c", scopes=["usage:read"], time_to_live_in_seconds=60)
    assert_type(key, Key)
    assert_type(key.key, str | None)
    assert_type(key.delete(), Message)
    member = project.members.list()[0]
    assert_type(member, Member)
    assert_type(member.scopes, Scopes)
    assert_type(member.scopes.update("admin"), Message)
    assert_type("admin" in member.scopes, bool)
    assert_type(project.invites.send("a@b.co", scope="admin"), Invite)
    assert_type(project.usage.summary(start="2026-01-01"), UsageSummaryResponse)
    assert_type(client.models.list(), ModelsResponse)
    for record in project.usage.requests(start="2026-01-01"):
        assert_type(record, UsageRequest)


async def async_surface(client: DeepgramClient) -> None:
    project = client.project("p")
    assert_type(await client.projects.alist(), list[Project])
    assert_type(await project.arefresh(), Project)
    assert_type(await project.aupdate(name="n"), Project)
    key = await project.keys.acreate(comment="c", scopes=["usage:read"])
    assert_type(key, Key)
    assert_type(await key.adelete(), Message)
    member = (await project.members.alist())[0]
    assert_type(await member.scopes.aupdate("admin"), Message)
    assert_type(await project.invites.asend("a@b.co", scope="admin"), Invite)
    assert_type(await project.usage.asummary(start="2026-01-01"), UsageSummaryResponse)
    assert_type(await client.models.alist(), ModelsResponse)
    async for record in project.usage.requests(start="2026-01-01"):
        assert_type(record, UsageRequest)


def wrong_calls(client: DeepgramClient) -> None:
    project = client.project("p")
    project.keys.create(comment=1, scopes=["x"])  # type: ignore[arg-type]
    project.keys.create(comment="c", scopes=["x"], ttl=3)  # type: ignore[call-arg]
    project.update(nmae="typo")  # type: ignore[call-arg]
