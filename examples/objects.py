"""The active-record object model, end to end: navigate from a project to its keys, members, invites,
usage, billing and models, sync and async, against Deepgram or the embedded emulator.

With DEEPGRAM_API_KEY and DEEPGRAM_PROJECT_ID set it talks to the real API and changes only what it
creates itself (a key, an invitation), undoing both. Otherwise it starts an in-process emulator of the
Manage API and also shows the calls that change an account: scope updates, removing a member,
renaming, leaving and deleting projects.

    python examples/objects.py
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass

from deepgram import DeepgramClient, NotFoundError, PermissionDeniedError, Project


@dataclass
class Target:
    api_key: str
    project_id: str
    url: str | None
    live: bool  # the real API: leave other people's data alone
    restricted_key: str | None = None  # emulator only: a key holding just `usage:read`


@contextlib.contextmanager
def target() -> Iterator[Target]:
    """The real API when DEEPGRAM_API_KEY and DEEPGRAM_PROJECT_ID are set, else a fresh emulator."""
    api_key, project_id = os.environ.get("DEEPGRAM_API_KEY"), os.environ.get("DEEPGRAM_PROJECT_ID")
    if api_key and project_id:
        print("Using the real Deepgram API (DEEPGRAM_API_KEY and DEEPGRAM_PROJECT_ID are set)")
        yield Target(api_key, project_id, None, live=True)
        return
    from deepgram.testing import Emulator

    with Emulator(requests=500) as emu:
        print(f"Using the embedded Manage API emulator at {emu.url} (DEEPGRAM_API_KEY/PROJECT_ID not set)")
        # A second key, with only `usage:read`, to show what a missing scope looks like.
        restricted = emu.create_key(emu.project_id, ["usage:read"])
        yield Target(emu.api_key, emu.project_id, emu.url, live=False, restricted_key=restricted)


def entry_points(client: DeepgramClient, project_id: str) -> Project:
    print("\n== Entry points ==")
    for project in client.projects.list():  # GET /v1/projects
        print(f"- {project.project_id}: {project.name}")
    project = client.project(project_id)  # a handle: no request yet
    print(f"handle: {project!r}")
    project.refresh()  # GET /v1/projects/{id} loads it in place
    print(f"refreshed: {project.name} ({project.company})")
    same = client.projects.get(project_id)
    print(f"equal by id: {same == project}, one entry in a set: {len({same, project}) == 1}")
    catalogue = client.models.list()  # the public catalogue
    print(f"public models: {len(catalogue.stt)} speech-to-text, {len(catalogue.tts)} text-to-speech")
    return project


def keys(project: Project) -> None:
    print("\n== Keys ==")
    for key in project.keys.list(status="active"):
        owner = key.member.email if key.member else "?"
        print(f"- {key.api_key_id} {key.comment!r} scopes={key.scopes} owner={owner}")
    key = project.keys.create(comment="objects example", scopes=["usage:read"], time_to_live_in_seconds=600)
    print(f"created: {key!r}")  # the secret is masked in repr() and str()
    print(f"the secret, once: {len(key.key or '')} characters in key.key")
    fetched = project.keys.get(key.api_key_id)
    print(f"fetched again: same key {fetched == key}, secret shown again: {fetched.key is not None}")
    key.delete()
    try:
        key.refresh()
    except NotFoundError as error:
        print(f"after delete: {error.status} {error.reason}")


def members(project: Project, live: bool) -> None:
    print("\n== Members and scopes ==")
    people = project.members.list()
    for member in people:
        print(f"- {member.email}: {member.scopes}")
    if live:
        print("(scope changes and removals run on the emulator only)")
        return
    member = next(m for m in people if "owner" not in m.scopes and "admin" not in m.scopes)
    print(f"'admin' in {member.email}'s scopes: {'admin' in member.scopes}")
    member.scopes.update("admin")  # PUT on the server, then this very list
    print(f"after update: {member.scopes} (equal to ['admin']: {member.scopes == ['admin']})")
    member.scopes.refresh()  # reload from the server
    member.remove()
    print(f"removed {member.email}; members now: {len(project.members.list())}")


def invites(project: Project) -> None:
    print("\n== Invitations ==")
    invite = project.invites.send("objects.example@example.com", scope="member")
    print(f"sent: {invite!r}")
    print(f"pending: {[i.email for i in project.invites.list()]}")
    invite.delete()
    print(f"withdrawn; still pending: {invite in project.invites.list()}")


def usage_and_billing(project: Project) -> None:
    print("\n== Usage, billing, models ==")
    records = project.usage.requests(page_size=100)  # lazy: nothing fetched yet
    first = None
    count = 0
    for record in records:  # every record, page after page
        first = first or record
        count += 1
        if count == 250:
            break
    print(f"request log: read {count} records; newest {first.request_id if first else None}")
    if first is not None:
        print(f"one request: {project.usage.get(first.request_id).path}")
    summary = project.usage.summary(start="2025-01-01")
    print(f"summary: {summary.start} .. {summary.end}")
    fields = project.usage.fields(start="2025-01-01")
    if fields.stt and fields.tts:
        stt, tts = fields.stt.requests, fields.tts.requests
        print(f"fields: {len(fields.models)} models; requests: {stt} speech-to-text, {tts} text-to-speech")
    by_endpoint = project.usage.breakdown(start="2025-01-01", grouping="endpoint")
    print(f"breakdown rows: {len(by_endpoint.results)}")
    for balance in project.balances.list():
        print(f"balance {balance.balance_id}: {balance.amount} {balance.units}")
    print(f"purchases: {len(project.purchases.list())}")
    print(f"billing rows: {len(project.billing.breakdown(start='2025-01-01').results)}")
    print(f"billing line items: {list(project.billing.fields(start='2025-01-01').line_items)[:3]}")
    print(f"project models: {len(project.models.list().stt)} speech-to-text")


def classic_and_objects(client: DeepgramClient, project_id: str) -> None:
    print("\n== Classic calls return the same objects ==")
    project = client.manage.get_project(project_id)
    print(f"client.manage.get_project(pid).keys.list(): {len(project.keys.list())} keys")
    created = client.manage.create_key(project_id, {"comment": "classic", "scopes": ["usage:read"]})
    created.api_key.delete()  # a classic result, deleted as an object
    print(f"classic create_key result deleted through .api_key.delete(): {created.api_key.api_key_id}")


def project_changes(client: DeepgramClient, project: Project, live: bool) -> None:
    print("\n== Project changes ==")
    if live:
        print("(renaming, leaving and deleting run on the emulator only)")
        return
    renamed = project.update(name="Renamed by the example")  # PATCH only `name`, then reload
    print(f"update returns the refreshed project: {renamed is project}, name {project.name!r}")
    others = [p for p in client.projects.list() if p != project]
    others[0].leave()
    print(f"left {others[0].name}")
    others[1].delete()
    try:
        others[1].refresh()
    except NotFoundError:
        print(f"deleted {others[1].name}: now 404")


def missing_scope(t: Target) -> None:
    if t.restricted_key is None:
        return
    print("\n== A key without the scope ==")
    with DeepgramClient(api_key=t.restricted_key, url=t.url) as reader:
        try:
            reader.project(t.project_id).keys.list()
        except PermissionDeniedError as error:
            print(f"usage:read key listing keys: {error.status} {error.message}")


async def async_twins(t: Target) -> None:
    print("\n== The same model, async (Django's `a` prefix) ==")
    async with DeepgramClient(api_key=t.api_key, url=t.url) as client:
        project = await client.projects.aget(t.project_id)
        keys, people, pending = await asyncio.gather(
            project.keys.alist(), project.members.alist(), project.invites.alist()
        )
        print(f"{project.name}: {len(keys)} keys, {len(people)} members, {len(pending)} invitations")
        key = await project.keys.acreate(comment="async example", scopes=["usage:read"])
        await key.adelete()
        count = 0
        async for _ in project.usage.requests(page_size=100):
            count += 1
            if count == 150:
                break
        print(f"async for over the request log: {count} records")


def main() -> None:
    with target() as t:
        with DeepgramClient(api_key=t.api_key, url=t.url) as client:
            project = entry_points(client, t.project_id)
            keys(project)
            members(project, t.live)
            invites(project)
            usage_and_billing(project)
            classic_and_objects(client, t.project_id)
            missing_scope(t)
            asyncio.run(async_twins(t))
            project_changes(client, project, t.live)
        try:
            project.refresh()
        except Exception as error:  # the client is closed: a clear error, not a loop error
            print(f"\nafter close: {type(error).__name__}: {error}")


if __name__ == "__main__":
    main()
