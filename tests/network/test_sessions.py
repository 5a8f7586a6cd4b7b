"""Bring your own aiohttp session, and the connection-pool limits of the client's own sessions."""

from __future__ import annotations

import asyncio

import aiohttp
import pytest

from deepgram import ClientClosedError, DeepgramClient, DeepgramTypeError, DeepgramValueError
from tests.conftest import API_KEY
from tests.support.recording_server import RecordingServer


async def test_a_given_session_carries_the_calls_and_is_never_closed(http_server) -> None:
    async with aiohttp.ClientSession(headers={"X-Mine": "yes"}) as mine:
        async with DeepgramClient(api_key=API_KEY, url=http_server.url, http_session=mine) as client:
            await client.asyncmanage.get_projects()
            await client.projects.alist()
        assert not mine.closed  # the client was closed, the caller's session was not
        async with DeepgramClient(api_key=API_KEY, url=http_server.url, http_session=mine) as again:
            await again.asyncmanage.get_projects()
    assert [seen.headers.get("X-Mine") for seen in http_server.seen] == ["yes", "yes", "yes"]
    assert all(seen.headers["Authorization"] == f"Token {API_KEY}" for seen in http_server.seen)


async def test_a_given_session_goes_through_the_proxy_too(monkeypatch, http_server, proxy) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    async with aiohttp.ClientSession() as mine, DeepgramClient(
        api_key=API_KEY, url=http_server.url, http_session=mine
    ) as client:
        await client.asyncmanage.get_projects()
    assert len(proxy.seen) == 1


async def test_a_closed_given_session_is_reported(http_server) -> None:
    mine = aiohttp.ClientSession()
    await mine.close()
    async with DeepgramClient(api_key=API_KEY, url=http_server.url, http_session=mine) as client:
        with pytest.raises(ClientClosedError, match="http_session"):
            await client.asyncmanage.get_projects()


def test_sync_calls_cannot_use_a_session_bound_to_another_loop(http_server) -> None:
    async def make() -> aiohttp.ClientSession:
        return aiohttp.ClientSession()

    loop = asyncio.new_event_loop()
    mine = loop.run_until_complete(make())
    try:
        with (
            DeepgramClient(api_key=API_KEY, url=http_server.url, http_session=mine) as client,
            pytest.raises(DeepgramValueError, match="another event loop"),
        ):
            client.manage.get_projects()
        assert not mine.closed
    finally:
        loop.run_until_complete(mine.close())
        loop.close()
    assert http_server.seen == []


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"http_session": "not a session"}, DeepgramTypeError),
        ({"max_connections": 0}, DeepgramValueError),
        ({"max_connections_per_host": -1}, DeepgramValueError),
        ({"max_connections": "10"}, DeepgramTypeError),
        ({"max_connections": True}, DeepgramTypeError),
        ({"trust_env": "no"}, DeepgramTypeError),
        ({"proxy": 3128}, DeepgramTypeError),
    ],
)
def test_bad_network_settings_fail_when_the_client_is_made(kwargs, error) -> None:
    with pytest.raises(error):
        DeepgramClient(api_key=API_KEY, **kwargs)


async def test_pool_limits_cannot_be_combined_with_a_given_session() -> None:
    async with aiohttp.ClientSession() as mine:
        with pytest.raises(DeepgramValueError, match="connector"):
            DeepgramClient(api_key=API_KEY, http_session=mine, max_connections=5)


@pytest.mark.parametrize(("kwargs", "most"), [({"max_connections_per_host": 1}, 1), ({"max_connections": 2}, 2)])
async def test_pool_limits_bound_the_connections(kwargs, most) -> None:
    with RecordingServer(delay=0.05) as slow:
        async with DeepgramClient(api_key=API_KEY, url=slow.url, **kwargs) as client:
            await asyncio.gather(*(client.asyncmanage.get_projects() for _ in range(6)))
        assert len(slow.seen) == 6
        assert slow.connections == most
