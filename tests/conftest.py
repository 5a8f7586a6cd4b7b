"""Fixtures shared by every test folder."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from aioresponses import aioresponses

BASE = "http://dg.test"
API_KEY = "dgtest-0123456789abcdef-SECRET"


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
