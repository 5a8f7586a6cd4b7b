"""Fixtures for the self-hosted, voice-agent and token operations: an emulator, a client, and a
caller that runs each classic method through its sync and its async surface."""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any

import pytest

from deepgram import DeepgramClient
from deepgram.testing import Emulator

Classic = Callable[..., Awaitable[Any]]


@pytest.fixture
def emu() -> Iterator[Emulator]:
    with Emulator(requests=50) as emulator:
        yield emulator


@pytest.fixture
async def client(emu: Emulator) -> AsyncIterator[DeepgramClient]:
    async with DeepgramClient(api_key=emu.api_key, url=emu.url) as dg:
        yield dg


@pytest.fixture(params=["sync", "async"])
def classic(request: pytest.FixtureRequest, client: DeepgramClient) -> Classic:
    """`await classic("manage", "get_agent_variables", pid)`: the sync client (`client.manage`,
    `client.selfhosted`, `client.auth`) or its async twin (`client.asyncmanage`, ...)."""
    mode = request.param

    async def invoke(surface: str, name: str, /, *args: Any, **kwargs: Any) -> Any:
        target = getattr(client, surface if mode == "sync" else "async" + surface)
        result = getattr(target.v("1"), name)(*args, **kwargs)
        return await result if inspect.isawaitable(result) else result

    return invoke


@pytest.fixture(params=["sync", "async"])
def call(request: pytest.FixtureRequest) -> Callable[..., Awaitable[Any]]:
    """`await call(obj, "delete", ...)`: `obj.delete(...)` or `await obj.adelete(...)`."""
    mode = request.param

    async def invoke(obj: Any, name: str, /, *args: Any, **kwargs: Any) -> Any:
        if mode == "async":
            return await getattr(obj, "a" + name)(*args, **kwargs)
        return getattr(obj, name)(*args, **kwargs)

    return invoke
