"""Fixtures for the emulator's own tests: a running emulator and a small JSON client for it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import aiohttp
import pytest

from deepgram.testing import Emulator
from deepgram.testing.pytest_plugin import deepgram_emulator, deepgram_emulator_factory

__all__ = ["deepgram_emulator", "deepgram_emulator_factory"]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "interop: runs the official Deepgram SDKs against the emulator")
    config.addinivalue_line("markers", "deepgram_emulator(**options): options for the fixture")


@dataclass
class Reply:
    """Status, headers and decoded JSON body of one emulator response."""

    status: int
    headers: dict[str, str]
    body: Any


class Api:
    """A thin JSON client for the emulator, authenticating with a chosen key."""

    def __init__(self, session: aiohttp.ClientSession, base: str, key: str) -> None:
        self.session = session
        self.base = base
        self.key = key

    def as_key(self, key: str) -> Api:
        """The same client, authenticating with another key."""
        return Api(self.session, self.base, key)

    async def call(
        self,
        method: str,
        path: str,
        *,
        params: Any = None,
        json: Any = None,
        headers: dict[str, str] | None = None,
    ) -> Reply:
        all_headers = {"Authorization": f"Token {self.key}", **(headers or {})}
        async with self.session.request(
            method, self.base + path, params=params, json=json, headers=all_headers
        ) as response:
            raw = await response.read()
            assert response.content_type == "application/json", raw[:200]
            import msgspec

            return Reply(response.status, dict(response.headers), msgspec.json.decode(raw))

    async def get(self, path: str, **kwargs: Any) -> Reply:
        return await self.call("GET", path, **kwargs)

    async def ok(self, method: str, path: str, **kwargs: Any) -> Any:
        """Call and assert a 200; return the body."""
        reply = await self.call(method, path, **kwargs)
        assert reply.status == 200, (method, path, reply.status, reply.body)
        return reply.body


@pytest.fixture
async def emu() -> AsyncIterator[Emulator]:
    async with Emulator(seed=7, requests=5000) as emulator:
        yield emulator


@pytest.fixture
async def api(emu: Emulator) -> AsyncIterator[Api]:
    async with aiohttp.ClientSession() as session:
        yield Api(session, emu.url, emu.api_key)


@pytest.fixture
def pid(emu: Emulator) -> str:
    return emu.project_id
