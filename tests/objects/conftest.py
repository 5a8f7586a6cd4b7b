"""Fixtures for the object-model tests: an emulator, clients on it, and a sync/async method caller."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest

from deepgram import DeepgramClient
from deepgram.testing import Emulator
from tests.support.emulator_clients import client, pid, sync_client  # noqa: F401  (fixtures)

#: Records in the main project's request log: enough for several pages, small enough to be fast.
LOG_SIZE = 60


@pytest.fixture
def emu(deepgram_emulator_factory: Callable[..., Emulator]) -> Emulator:
    """A fresh emulator per test (the shipped fixture: served from its own thread, so sync and async
    tests can share it)."""
    return deepgram_emulator_factory(requests=LOG_SIZE)


@pytest.fixture
async def client_with_key(emu: Emulator) -> AsyncIterator[Callable[..., DeepgramClient]]:
    """Clients authenticating with a restricted key: `client_with_key(["usage:read"], member_id=...)`."""
    made: list[DeepgramClient] = []

    def make(scopes: list[str], member_id: str | None = None) -> DeepgramClient:
        secret = emu.create_key(emu.project_id, scopes, member_id=member_id)
        made.append(DeepgramClient(api_key=secret, url=emu.url, max_retries=0))
        return made[-1]

    yield make
    for made_client in made:
        await made_client.aclose()


Call = Callable[..., Awaitable[Any]]


@pytest.fixture(params=["sync", "async"])
def call(request: pytest.FixtureRequest) -> Call:
    """`await call(obj, "delete", ...)`: runs `obj.delete(...)` or `await obj.adelete(...)`.

    Each test taking it runs twice, once through the sync name and once through the async twin,
    against the same kind of client, so both surfaces are held to the same assertions.
    """
    mode = request.param

    async def invoke(obj: Any, name: str, /, *args: Any, **kwargs: Any) -> Any:
        if mode == "async":
            return await getattr(obj, "a" + name)(*args, **kwargs)
        return getattr(obj, name)(*args, **kwargs)

    return invoke


def role_member(emu: Emulator, role: str, project_id: str | None = None) -> str:
    """The id of the first member of a project holding `role`."""
    project = emu.state.projects[project_id or emu.project_id]
    return next(m.member_id for m in project.members.values() if m.role == role)
