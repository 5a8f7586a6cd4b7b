"""Fixtures for the scraper's tests: a small emulator on a thread, a client for it, an oracle."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from deepgram import DeepgramClient
from deepgram.testing import Emulator


@pytest.fixture
def emu(deepgram_emulator_factory: Callable[..., Emulator]) -> Emulator:
    """The shipped fixture's emulator with a static 5 000-record log, served from a background thread."""
    return deepgram_emulator_factory(requests=5000, seed=3)


@pytest.fixture
def client(emu: Emulator) -> Iterator[DeepgramClient]:
    """A client of `emu` with the default retries and backoff, as users get them."""
    with DeepgramClient(api_key=emu.api_key, url=emu.url) as dg:
        yield dg


def newest_first(emu: Emulator, count: int | None = None) -> list[str]:
    """Every request id of the main log (or of its newest `count`), newest first: the oracle."""
    log = emu.log()
    total = len(log)
    last = 0 if count is None else max(0, total - count)
    return [log.request_id(seq) for seq in range(total - 1, last - 1, -1)]


def request_calls(emu: Emulator) -> list[str]:
    """The request-log calls the emulator served (path and query)."""
    return [path for method, path in emu.calls if method == "GET" and path.split("?")[0].endswith("/requests")]
