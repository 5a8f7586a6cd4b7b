"""The older SDK's per-call keywords: `addons=` (extra query), `headers=`, `timeout=`."""

from __future__ import annotations

import asyncio
import time
from types import SimpleNamespace

import pytest

from deepgram import (
    DeepgramClient,
    DeepgramTimeoutError,
    DeepgramTypeError,
    DeepgramValueError,
    UsageRequestOptions,
)
from tests.conftest import API_KEY
from tests.support.recording_server import RecordingServer, json_reply


@pytest.fixture
def server():
    with RecordingServer(handler=lambda seen: json_reply({"requests": [], "projects": [], "api_keys": []})) as srv:
        yield srv


def test_addons_and_headers_reach_the_wire(server: RecordingServer) -> None:
    with DeepgramClient(api_key=API_KEY, url=server.url) as dg:
        dg.manage.get_usage_requests(
            "p",
            UsageRequestOptions(limit=5),
            addons={"page": 2},
            headers={"X-Trace": "abc", "Authorization": "x"},
        )
        dg.manage.get_projects()
    first, second = server.seen
    assert first.raw_path == "/v1/projects/p/requests?limit=5&page=2"
    assert first.headers["X-Trace"] == "abc" and first.headers["Authorization"] == f"Token {API_KEY}"
    assert second.raw_path == "/v1/projects" and "X-Trace" not in second.headers  # one call only


def test_per_call_timeout_accepts_seconds_or_an_httpx_style_timeout() -> None:
    with (
        RecordingServer(handler=lambda seen: json_reply({}), delay=3) as slow,
        DeepgramClient(api_key=API_KEY, url=slow.url, max_retries=0) as dg,
    ):
        for timeout in (0.3, SimpleNamespace(read=0.3, connect=5)):
            started = time.monotonic()
            with pytest.raises(DeepgramTimeoutError):
                dg.manage.get_projects(timeout=timeout)
            assert time.monotonic() - started < 2.5


async def test_concurrent_calls_do_not_share_overrides(server: RecordingServer) -> None:
    async with DeepgramClient(api_key=API_KEY, url=server.url) as dg:
        await asyncio.gather(
            dg.asyncmanage.get_keys("a", headers={"X-Call": "a"}),
            dg.asyncmanage.get_keys("b", headers={"X-Call": "b"}),
            dg.asyncmanage.get_keys("c"),
        )
    calls = {seen.raw_path.split("/")[3]: seen.headers.get("X-Call") for seen in server.seen}
    assert calls == {"a": "a", "b": "b", "c": None}


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"addons": ["page"]}, DeepgramTypeError),
        ({"headers": "x"}, DeepgramTypeError),
        ({"timeout": "5"}, DeepgramTypeError),
        ({"timeout": 0}, DeepgramValueError),
    ],
)
def test_bad_overrides_are_refused_before_sending(server: RecordingServer, kwargs, error) -> None:
    with DeepgramClient(api_key=API_KEY, url=server.url) as dg, pytest.raises(error):
        dg.manage.get_projects(**kwargs)
    assert server.seen == []
