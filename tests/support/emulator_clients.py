"""Fixtures shared by suites that test clients on an emulator: the project id, and a sync and an
async client with retries off. Each suite's conftest supplies its own `emu` and imports these."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

from deepgram import DeepgramClient
from deepgram.testing import Emulator


@pytest.fixture
def pid(emu: Emulator) -> str:
    return emu.project_id


@pytest.fixture
def sync_client(emu: Emulator) -> Iterator[DeepgramClient]:
    """A client used from plain sync code (no running event loop)."""
    with DeepgramClient(api_key=emu.api_key, url=emu.url, max_retries=0) as client:
        yield client


@pytest.fixture
async def client(emu: Emulator) -> AsyncIterator[DeepgramClient]:
    """A client used from async tests; its sync methods run on its background loop."""
    async with DeepgramClient(api_key=emu.api_key, url=emu.url, max_retries=0) as client:
        yield client
