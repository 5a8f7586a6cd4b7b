"""Retries, timeouts and error mapping as a client sees them (aioresponses; sleeping is recorded, not done)."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator

import aiohttp
import pytest
from aioresponses import aioresponses

from deepgram import (
    AuthenticationError,
    BadRequestError,
    DeepgramApiError,
    DeepgramClient,
    DeepgramConnectionError,
    DeepgramTimeoutError,
    KeyOptions,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseValidationError,
    ServerError,
)
from tests.conftest import API_KEY, BASE

ANY = re.compile(r".*")
PROJECTS = {"projects": [{"project_id": "p", "name": "n"}]}


@pytest.fixture
async def client() -> AsyncIterator[tuple[DeepgramClient, list[float]]]:
    slept: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        slept.append(seconds)

    async with DeepgramClient(api_key=API_KEY, url=BASE, max_retries=3) as dg:
        dg._api.transport._sleep = fake_sleep
        yield dg, slept


def _count(mocked: aioresponses) -> int:
    return sum(len(calls) for calls in mocked.requests.values())


@pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504])
async def test_retried_statuses_then_success(client, status: int) -> None:
    dg, slept = client
    with aioresponses() as mocked:
        mocked.get(ANY, status=status, payload={"err_msg": "busy"})
        mocked.get(ANY, status=status, payload={"err_msg": "busy"})
        mocked.get(ANY, payload=PROJECTS)
        result = await dg.asyncmanage.get_projects()
        assert _count(mocked) == 3
    assert result.projects[0].project_id == "p"
    assert len(slept) == 2 and 0 < slept[0] <= slept[1] * 2


@pytest.mark.parametrize("status", [400, 401, 403, 404, 409, 422])
async def test_client_errors_are_not_retried(client, status: int) -> None:
    dg, slept = client
    with aioresponses() as mocked:
        mocked.get(ANY, status=status, payload={"err_code": "X", "err_msg": "no"}, repeat=True)
        with pytest.raises(DeepgramApiError) as info:
            await dg.asyncmanage.get_projects()
        assert _count(mocked) == 1
    assert info.value.status == status and slept == []


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"Retry-After": "7"}, 7.0),
        ({"Retry-After": "0.25"}, 0.25),
        ({"Retry-After": "600"}, 60.0),
        ({"retry-after-ms": "1500"}, 1.5),
        ({"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"}, 0.0),
    ],
    ids=["seconds", "fraction", "capped", "milliseconds", "past-http-date"],
)
async def test_retry_after_is_honoured_up_to_the_cap(
    client, headers: dict[str, str], expected: float
) -> None:
    dg, slept = client
    with aioresponses() as mocked:
        mocked.get(ANY, status=429, headers=headers, payload={})
        mocked.get(ANY, payload=PROJECTS)
        await dg.asyncmanage.get_projects()
    assert slept == [expected]


async def test_exhausted_retries_raise_the_last_error_with_retry_after(client) -> None:
    dg, slept = client
    with aioresponses() as mocked:
        mocked.get(
            ANY,
            status=429,
            headers={"Retry-After": "2", "dg-request-id": "rq-9"},
            payload={"err_code": "TOO_MANY", "err_msg": "slow down"},
            repeat=True,
        )
        with pytest.raises(RateLimitError) as info:
            await dg.asyncmanage.get_projects()
        assert _count(mocked) == 4
    assert info.value.retry_after == 2.0 and info.value.request_id == "rq-9" and slept == [2.0, 2.0, 2.0]


async def test_max_retries_zero_disables_retries() -> None:
    async with DeepgramClient(api_key=API_KEY, url=BASE, max_retries=0) as dg:
        with aioresponses() as mocked:
            mocked.get(ANY, status=503, payload={}, repeat=True)
            with pytest.raises(ServerError):
                await dg.asyncmanage.get_projects()
            assert _count(mocked) == 1


async def test_with_options_changes_retries_but_shares_the_pool(client) -> None:
    dg, _ = client
    quiet = dg.with_options(max_retries=0, timeout=5)
    assert quiet._api.transport.pool is dg._api.transport.pool
    assert quiet._api.runner is dg._api.runner
    assert quiet._api.transport.config.timeout == 5 and quiet._api.transport.config.retry.max_retries == 0
    with aioresponses() as mocked:
        mocked.get(ANY, status=500, payload={}, repeat=True)
        with pytest.raises(ServerError):
            await quiet.asyncmanage.get_projects()
        assert _count(mocked) == 1


KEY_OPTIONS = KeyOptions(comment="ci", scopes=["usage:read"])


@pytest.mark.parametrize("status", [500, 502, 503])
async def test_post_is_not_repeated_after_a_server_error(client, status: int) -> None:
    dg, _ = client
    with aioresponses() as mocked:
        mocked.post(ANY, status=status, payload={}, repeat=True)
        with pytest.raises(ServerError):
            await dg.asyncmanage.create_key("p", KEY_OPTIONS)
        assert _count(mocked) == 1


async def test_post_is_not_repeated_after_the_connection_dropped(client) -> None:
    dg, _ = client
    with aioresponses() as mocked:
        mocked.post(ANY, exception=aiohttp.ServerDisconnectedError(), repeat=True)
        with pytest.raises(DeepgramConnectionError):
            await dg.asyncmanage.create_key("p", KEY_OPTIONS)
        assert _count(mocked) == 1


async def test_post_is_retried_after_429_and_connect_failure(client) -> None:
    dg, slept = client
    with aioresponses() as mocked:
        mocked.post(ANY, status=429, headers={"Retry-After": "1"}, payload={})
        mocked.post(ANY, exception=aiohttp.ClientConnectorError(None, OSError(111, "refused")))  # type: ignore[arg-type]
        mocked.post(ANY, payload={"api_key_id": "k", "key": "the-new-secret-123"})
        created = await dg.asyncmanage.create_key("p", KEY_OPTIONS)
        assert _count(mocked) == 3
    assert created.api_key.api_key_id == "k" and slept[0] == 1.0


@pytest.mark.parametrize(
    "exception",
    [
        aiohttp.ServerDisconnectedError(),
        aiohttp.ClientOSError(104, "reset"),
        aiohttp.ClientPayloadError("cut"),
    ],
    ids=["disconnected", "reset", "truncated"],
)
async def test_get_is_retried_after_connection_failures(client, exception: Exception) -> None:
    dg, slept = client
    with aioresponses() as mocked:
        mocked.get(ANY, exception=exception)
        mocked.get(ANY, payload=PROJECTS)
        assert (await dg.asyncmanage.get_projects()).projects[0].name == "n"
    assert len(slept) == 1


async def test_timeout_becomes_deepgram_timeout_error(client) -> None:
    dg, slept = client
    with aioresponses() as mocked:
        mocked.get(ANY, exception=asyncio.TimeoutError(), repeat=True)
        with pytest.raises(DeepgramTimeoutError) as info:
            await dg.asyncmanage.get_projects()
        assert _count(mocked) == 4
    assert info.value.path == "/v1/projects" and len(slept) == 3


async def test_garbled_2xx_body_is_retried_then_reported(client) -> None:
    dg, _ = client
    with aioresponses() as mocked:
        mocked.get(ANY, body=b"<html>proxy</html>", repeat=True)
        with pytest.raises(ResponseValidationError) as info:
            await dg.asyncmanage.get_projects()
        assert _count(mocked) == 4
    assert info.value.status == 200 and "proxy" in str(info.value)


@pytest.mark.parametrize(
    ("status", "body", "headers", "cls", "code", "message", "request_id"),
    [
        (
            401,
            b'{"err_code":"INVALID_AUTH","err_msg":"Invalid credentials.","request_id":"r1"}',
            {},
            AuthenticationError,
            "INVALID_AUTH",
            "Invalid credentials.",
            "r1",
        ),
        (
            404,
            b'{"category":"NOT_FOUND","message":"Project not found","details":"no such id","request_id":"r2"}',
            {},
            NotFoundError,
            "NOT_FOUND",
            "Project not found",
            "r2",
        ),
        (
            400,
            b"scope must be one of member, admin, owner",
            {"dg-request-id": "r3"},
            BadRequestError,
            None,
            "scope must be one of member, admin, owner",
            "r3",
        ),
        (403, b"", {"x-request-id": "r4"}, PermissionDeniedError, None, "Forbidden", "r4"),
    ],
    ids=["legacy", "modern", "text", "empty"],
)
async def test_error_bodies_map_to_typed_errors(
    client, status, body, headers, cls, code, message, request_id
) -> None:
    dg, _ = client
    with aioresponses() as mocked:
        mocked.get(ANY, status=status, body=body, headers=headers)
        with pytest.raises(cls) as info:
            await dg.asyncmanage.get_project("p1")
    error = info.value
    assert (error.status, error.code, error.message, error.request_id) == (status, code, message, request_id)
    assert (error.method, error.path) == ("GET", "/v1/projects/p1")
    assert str(status) in str(error) and message in str(error)


def test_sync_calls_raise_the_same_typed_errors() -> None:
    with DeepgramClient(api_key=API_KEY, url=BASE, max_retries=0) as dg, aioresponses() as mocked:
        mocked.get(
            ANY, status=404, payload={"err_code": "PROJECT_NOT_FOUND", "err_msg": "Project not found."}
        )
        with pytest.raises(NotFoundError) as info:
            dg.manage.get_project("missing")
    assert info.value.code == "PROJECT_NOT_FOUND"
