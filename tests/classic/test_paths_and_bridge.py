"""Real sockets: encoded paths on the wire, connection reuse, threads, running loops, Ctrl-C, clean close."""

from __future__ import annotations

import asyncio
import gc
import os
import signal
import threading
import time
import warnings
from concurrent.futures import ThreadPoolExecutor

import pytest

from deepgram import ClientClosedError, DeepgramClient, DeepgramError
from tests.conftest import API_KEY
from tests.support.recording_server import RecordingServer, json_reply


@pytest.fixture
def server():
    with RecordingServer(handler=lambda seen: json_reply({"message": "ok", "projects": []})) as srv:
        yield srv


@pytest.mark.parametrize(
    ("raw_id", "encoded"),
    [
        ("a/b", "a%2Fb"),
        ("..", "%2E%2E"),
        (".", "%2E"),
        ("x?y=1", "x%3Fy%3D1"),
        ("x#frag", "x%23frag"),
        ("100%", "100%25"),
        ("with space", "with%20space"),
        ("naïve-ключ", "na%C3%AFve-%D0%BA%D0%BB%D1%8E%D1%87"),
        ("../../v1/projects", "..%2F..%2Fv1%2Fprojects"),
    ],
)
def test_ids_are_percent_encoded_into_one_segment(server: RecordingServer, raw_id: str, encoded: str) -> None:
    with DeepgramClient(api_key=API_KEY, url=server.url) as dg:
        dg.manage.delete_key("proj", raw_id)
    assert server.seen[-1].raw_path == f"/v1/projects/proj/keys/{encoded}"


def test_invite_email_is_encoded(server: RecordingServer) -> None:
    with DeepgramClient(api_key=API_KEY, url=server.url) as dg:
        dg.manage.delete_invite("proj", "first.last+tag@example.com")
    assert server.seen[-1].raw_path == "/v1/projects/proj/invites/first.last%2Btag%40example.com"


def test_one_hundred_sync_calls_use_one_connection(server: RecordingServer) -> None:
    with DeepgramClient(api_key=API_KEY, url=server.url) as dg:
        for _ in range(100):
            dg.manage.get_projects()
    assert len(server.seen) == 100 and server.connections == 1


def test_sync_calls_from_many_threads_share_the_client(server: RecordingServer) -> None:
    with DeepgramClient(api_key=API_KEY, url=server.url) as dg, ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda _: dg.manage.get_projects().projects, range(64)))
    assert results == [[]] * 64 and len(server.seen) == 64
    assert server.connections <= 8


def test_sync_call_from_a_thread_running_an_event_loop(server: RecordingServer) -> None:
    with DeepgramClient(api_key=API_KEY, url=server.url) as dg:

        async def notebook_cell() -> str:
            return dg.manage.leave_project("p").message  # a sync call inside a running loop

        assert asyncio.run(notebook_cell()) == "ok"


def test_sync_and_async_callers_share_one_client(server: RecordingServer) -> None:
    with DeepgramClient(api_key=API_KEY, url=server.url) as dg:

        async def both() -> tuple[str, str]:
            from_async = (await dg.asyncmanage.leave_project("p")).message
            from_sync = await asyncio.to_thread(lambda: dg.manage.leave_project("p").message)
            return from_async, from_sync

        assert asyncio.run(both()) == ("ok", "ok")


def test_ctrl_c_during_a_sync_call_cancels_the_request() -> None:
    with RecordingServer(handler=lambda seen: json_reply({}), delay=5) as slow:
        with DeepgramClient(api_key=API_KEY, url=slow.url) as dg:
            threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGINT)).start()
            started = time.monotonic()
            with pytest.raises(KeyboardInterrupt):
                dg.manage.get_projects()
            assert time.monotonic() - started < 4
        assert _cancelled_requests(slow) == 1


def test_sync_call_inside_the_clients_own_loop_is_refused(server: RecordingServer) -> None:
    with DeepgramClient(api_key=API_KEY, url=server.url) as dg:

        async def reenter() -> None:
            dg.manage.get_projects()

        async def cell() -> None:
            dg.manage.get_projects()  # a sync call from a thread running a loop uses the background loop

        asyncio.run(cell())
        background = dg._api.runner.loop
        assert background is not None
        future = asyncio.run_coroutine_threadsafe(_capture(reenter()), background)
        assert isinstance(future.result(timeout=10), DeepgramError)


def _cancelled_requests(server: RecordingServer) -> int:
    """How many requests the server saw cancelled by the client, waiting briefly for the news."""
    for _ in range(50):
        if server.cancelled:
            break
        time.sleep(0.05)
    return server.cancelled


async def _capture(coro):
    try:
        await coro
    except DeepgramError as error:
        return error
    return None


def test_ctrl_c_inside_a_notebook_style_call_cancels_too() -> None:
    with RecordingServer(handler=lambda seen: json_reply({}), delay=5) as slow:
        with DeepgramClient(api_key=API_KEY, url=slow.url) as dg:

            async def cell() -> None:
                threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGINT)).start()
                dg.manage.get_projects()

            started = time.monotonic()
            loop = asyncio.new_event_loop()  # like a notebook kernel: Ctrl-C raises in the running cell
            with pytest.raises(KeyboardInterrupt):
                loop.run_until_complete(cell())
            loop.close()
            assert time.monotonic() - started < 4
        assert _cancelled_requests(slow) == 1


def test_closed_client_raises_a_clear_error(server: RecordingServer) -> None:
    dg = DeepgramClient(api_key=API_KEY, url=server.url)
    handle = dg.project("p")
    dg.manage.get_projects()
    dg.close()
    dg.close()
    with pytest.raises(ClientClosedError):
        dg.manage.get_projects()
    with pytest.raises(ClientClosedError):
        handle.leave()


async def test_closed_client_raises_in_async_code_too(server: RecordingServer) -> None:
    dg = DeepgramClient(api_key=API_KEY, url=server.url)
    await dg.asyncmanage.get_projects()
    await dg.aclose()
    with pytest.raises(ClientClosedError):
        await dg.asyncmanage.get_projects()


def test_no_unclosed_session_warnings_after_close_or_asyncio_run(server: RecordingServer) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with DeepgramClient(api_key=API_KEY, url=server.url) as dg:
            dg.manage.get_projects()

        async def forgets_to_close() -> None:
            client = DeepgramClient(api_key=API_KEY, url=server.url)
            await client.asyncmanage.get_projects()  # as the seed's async example does: never closed

        asyncio.run(forgets_to_close())
        gc.collect()
    assert [str(w.message) for w in caught if "nclosed" in str(w.message)] == []


def test_a_slow_server_times_out_instead_of_hanging() -> None:
    from deepgram import DeepgramTimeoutError

    with (
        RecordingServer(handler=lambda seen: json_reply({}), delay=3) as slow,
        DeepgramClient(api_key=API_KEY, url=slow.url, timeout=0.3, max_retries=0) as dg,
    ):
        started = time.monotonic()
        with pytest.raises(DeepgramTimeoutError):
            dg.manage.get_projects()
        assert time.monotonic() - started < 2.5


def test_clients_never_closed_or_garbage_collected_leave_no_warning(server: RecordingServer) -> None:
    import subprocess
    import sys

    code = f"""
import gc
from deepgram import DeepgramClient
def use():
    client = DeepgramClient(api_key="k-123456789", url="{server.url}")
    return client.manage.get_projects()
use(); gc.collect()
parent = DeepgramClient(api_key="k-123456789", url="{server.url}")
sibling = parent.with_options(timeout=5)
del parent; gc.collect()
sibling.manage.get_projects()   # the parent is kept alive for its sibling
kept = DeepgramClient(api_key="k-123456789", url="{server.url}")
kept.manage.get_projects()      # closed at interpreter exit, as the seed's scripts expect
"""
    done = subprocess.run([sys.executable, "-W", "always", "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert len(server.seen) == 3
