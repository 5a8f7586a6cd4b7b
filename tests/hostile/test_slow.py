"""A server that trickles its body: the total timeout ends the attempt with a clear error, never a hang."""

from __future__ import annotations

import asyncio

import pytest
from aiohttp import web

from deepgram import DeepgramTimeoutError
from tests.hostile.servers import serving


async def _trickle(request: web.Request) -> web.StreamResponse:
    response = web.StreamResponse(headers={"Content-Type": "application/json"})
    await response.prepare(request)
    try:
        await response.write(b'{"projects": [')
        for _ in range(100):  # one byte every 0.1 s: 10 s for the whole body
            await asyncio.sleep(0.1)
            await response.write(b" ")
        await response.write(b"]}")
    except (ConnectionError, RuntimeError):
        pass  # the client gave up, as it should
    return response


def test_a_trickling_body_times_out() -> None:
    with serving(_trickle, timeout=0.5, max_retries=0) as (server, client), pytest.raises(
        DeepgramTimeoutError, match="timed out"
    ):
        client.manage.get_projects()
    assert len(server.seen) == 1
