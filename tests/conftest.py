"""Fixtures shared by every test folder."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator

import pytest
from aioresponses import aioresponses

BASE = "http://dg.test"
API_KEY = "dgtest-0123456789abcdef-SECRET"


def pytest_configure(config: pytest.Config) -> None:
    """A suite started as a background job of a script inherits SIGINT ignored, and then could not
    test Ctrl-C: give it Python's own handler (its child processes then start with the default)."""
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


@pytest.fixture
def mocked() -> Iterator[aioresponses]:
    """aioresponses intercepting every request (an unregistered URL fails as a connection error)."""
    with aioresponses() as m:
        yield m


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test sees the developer's own Deepgram settings, proxies or CA bundles."""
    for name in ("DEEPGRAM_API_KEY", "DEEPGRAM_ACCESS_TOKEN", "DEEPGRAM_HOST", "DEEPGRAM_LOG"):
        monkeypatch.delenv(name, raising=False)
    for name in list(os.environ):
        if name.lower().endswith("_proxy") or name in ("SSL_CERT_FILE", "SSL_CERT_DIR"):
            monkeypatch.delenv(name)
