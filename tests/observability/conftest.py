"""An emulator and clients on it, for raw responses, hooks and tracing."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest

from deepgram import DeepgramClient
from deepgram.testing import Emulator


@pytest.fixture
def emu() -> Iterator[Emulator]:
    with Emulator(requests=20) as emulator:
        yield emulator


@pytest.fixture
def pid(emu: Emulator) -> str:
    return emu.project_id


@pytest.fixture
def sync_client(emu: Emulator) -> Iterator[DeepgramClient]:
    with DeepgramClient(api_key=emu.api_key, url=emu.url, max_retries=0) as client:
        yield client


@pytest.fixture
async def client(emu: Emulator) -> AsyncIterator[DeepgramClient]:
    async with DeepgramClient(api_key=emu.api_key, url=emu.url, max_retries=0) as client:
        yield client


def make_client(emu: Emulator, **kwargs: Any) -> DeepgramClient:
    return DeepgramClient(api_key=emu.api_key, url=emu.url, **kwargs)
