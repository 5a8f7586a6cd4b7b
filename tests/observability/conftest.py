"""An emulator and clients on it, for raw responses, hooks and tracing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from deepgram import DeepgramClient
from deepgram.testing import Emulator
from tests.support.emulator_clients import client, pid, sync_client  # noqa: F401  (fixtures)


@pytest.fixture
def emu(deepgram_emulator_factory: Callable[..., Emulator]) -> Emulator:
    """A fresh emulator per test, from the shipped fixture."""
    return deepgram_emulator_factory(requests=20)


def make_client(emu: Emulator, **kwargs: Any) -> DeepgramClient:
    return DeepgramClient(api_key=emu.api_key, url=emu.url, **kwargs)
