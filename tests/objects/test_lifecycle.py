"""Clients shared across threads and between sync and async callers; closed clients fail clearly."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import pytest

from deepgram import ClientClosedError, DeepgramClient, Key
from deepgram.testing import Emulator


def test_a_key_created_in_one_thread_is_deleted_from_another(
    sync_client: DeepgramClient, emu: Emulator, pid: str
) -> None:
    made: list[Key] = []
    errors: list[BaseException] = []

    def run(action: Any) -> None:
        try:
            action()
        except BaseException as exc:  # surfaced to the test thread below
            errors.append(exc)

    def create() -> None:
        made.append(sync_client.project(pid).keys.create(comment="threads", scopes=["usage:read"]))

    creator = threading.Thread(target=run, args=(create,))
    creator.start()
    creator.join()
    assert not errors and made[0].api_key_id in emu.state.projects[pid].keys
    deleter = threading.Thread(target=run, args=(made[0].delete,))
    deleter.start()
    deleter.join()
    assert not errors and made[0].api_key_id not in emu.state.projects[pid].keys


def test_many_threads_share_one_client(sync_client: DeepgramClient, emu: Emulator, pid: str) -> None:
    keys = sync_client.project(pid).keys
    created: list[Key] = []
    lock = threading.Lock()

    def create(n: int) -> None:
        key = keys.create(comment=f"t{n}", scopes=["usage:read"])
        with lock:
            created.append(key)

    threads = [threading.Thread(target=create, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(k.comment or "" for k in created) == [f"t{n}" for n in range(8)]
    assert {k.api_key_id for k in created} <= set(emu.state.projects[pid].keys)


async def test_a_sync_and_an_async_caller_share_one_client(
    client: DeepgramClient, emu: Emulator, pid: str
) -> None:
    project = client.project(pid)
    key = await project.keys.acreate(comment="async-made", scopes=["usage:read"])
    await asyncio.to_thread(key.delete)  # a worker thread, sync, on the same client
    assert key.api_key_id not in emu.state.projects[pid].keys

    sync_made = await asyncio.to_thread(project.keys.create, comment="sync-made", scopes=["usage:read"])
    listed, _ = await asyncio.gather(project.keys.alist(), asyncio.to_thread(project.members.list))
    assert sync_made in listed
    await sync_made.adelete()
    assert sync_made.api_key_id not in emu.state.projects[pid].keys


def test_methods_after_close_raise_client_closed(emu: Emulator, pid: str) -> None:
    client = DeepgramClient(api_key=emu.api_key, url=emu.url)
    project = client.projects.get(pid)
    key = project.keys.create(comment="orphan", scopes=["usage:read"])
    member = project.members.list()[-1]
    client.close()
    calls_before = len(emu.calls)
    for action in (key.delete, project.refresh, project.keys.list, lambda: member.scopes.update("admin"),
                   lambda: list(project.usage.requests())):
        with pytest.raises(ClientClosedError, match="closed"):
            action()
    with pytest.raises(ClientClosedError):
        asyncio.run(key.adelete())
    assert project.keys.project_id == pid  # navigation still works: it makes no request
    assert len(emu.calls) == calls_before
    client.close()  # twice is fine


async def test_async_methods_after_aclose_raise_client_closed(emu: Emulator, pid: str) -> None:
    client = DeepgramClient(api_key=emu.api_key, url=emu.url)
    key = await client.project(pid).keys.acreate(comment="orphan", scopes=["usage:read"])
    await client.aclose()
    with pytest.raises(ClientClosedError):
        await key.adelete()
    with pytest.raises(ClientClosedError):
        key.delete()
    with pytest.raises(ClientClosedError):
        [r async for r in client.project(pid).usage.requests()]
    assert key.api_key_id in emu.state.projects[pid].keys
