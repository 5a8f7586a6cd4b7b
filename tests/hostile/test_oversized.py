"""A server sending more than the client will hold: the body cap stops it with a clear error."""

from __future__ import annotations

import pytest
from aiohttp import web

from deepgram import DeepgramClient, ResponseTooLargeError
from deepgram.defaults import DEFAULT_MAX_RESPONSE_BYTES
from deepgram.errors import DeepgramValueError
from tests.hostile.conftest import API_KEY
from tests.hostile.servers import Loopback, reply

CAP = 4096


async def _endless(request: web.Request) -> web.StreamResponse:
    """A chunked body with no Content-Length that would go on for 64 MB."""
    response = web.StreamResponse(headers={"Content-Type": "application/json"})
    await response.prepare(request)
    await response.write(b'{"projects": [')
    try:
        for _ in range(1024):
            await response.write(b'{"project_id": "p", "name": "' + b"x" * 65536 + b'"},')
    except (ConnectionError, RuntimeError):
        return response  # the client hung up, as it should
    await response.write(b"]}")
    return response


def test_declared_length_over_the_cap_is_refused() -> None:
    body = b'{"projects": [], "pad": "' + b"x" * (CAP * 2) + b'"}'
    with Loopback(reply(body)) as server, DeepgramClient(
        api_key=API_KEY, url=server.url, max_response_bytes=CAP
    ) as client, pytest.raises(ResponseTooLargeError) as caught:
        client.manage.get_projects()
    assert caught.value.limit == CAP
    assert "max_response_bytes=4,096" in str(caught.value)
    assert len(server.seen) == 1  # a too-large answer is not asked for again


def test_streamed_body_stops_at_the_cap_without_reading_on() -> None:
    with Loopback(_endless) as server, DeepgramClient(
        api_key=API_KEY, url=server.url, max_response_bytes=CAP
    ) as client, pytest.raises(ResponseTooLargeError):
        client.manage.get_projects()


def test_bodies_under_the_cap_are_read_and_the_default_is_generous() -> None:
    assert DEFAULT_MAX_RESPONSE_BYTES == 64 * 1024 * 1024
    with Loopback(reply(b'{"projects": [{"project_id": "p1"}]}')) as server, DeepgramClient(
        api_key=API_KEY, url=server.url, max_response_bytes=CAP
    ) as client:
        assert client.manage.get_projects().projects[0].project_id == "p1"


@pytest.mark.parametrize("cap", [0, -1, 1.5, True, "64"])
def test_a_bad_cap_is_refused_before_sending(cap: object) -> None:
    with pytest.raises(DeepgramValueError if isinstance(cap, int) and not isinstance(cap, bool) else TypeError):
        DeepgramClient(api_key=API_KEY, url="http://127.0.0.1:9", max_response_bytes=cap)  # type: ignore[arg-type]
