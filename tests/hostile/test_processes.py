"""Real processes and threads: fork, short-lived threads, dropped client references, close mid-call."""

from __future__ import annotations

import asyncio
import gc
import os
import signal
import subprocess
import sys
import textwrap
import threading
import warnings
from collections.abc import Iterator

import pytest
from aiohttp import web

from deepgram import DeepgramClient
from deepgram.core.runner import IDLE_LOOPS, MAX_IDLE_LOOPS
from deepgram.manage.client import ManageClient
from deepgram.testing import Emulator
from tests.hostile.conftest import API_KEY
from tests.hostile.servers import Loopback


@pytest.fixture(scope="module")
def emu() -> Iterator[Emulator]:
    with Emulator(requests=50, seed=11) as emulator:
        yield emulator


def _open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


async def _projects(request: web.Request) -> web.StreamResponse:
    return web.json_response({"projects": [{"project_id": f"pid-{os.getpid()}"}]})


@pytest.mark.skipif(not hasattr(os, "fork"), reason="os.fork is POSIX-only")
def test_a_forked_child_gets_its_own_connections_and_the_parent_keeps_working() -> None:
    with Loopback(_projects) as server:
        client = DeepgramClient(api_key=API_KEY, url=server.url, timeout=5, max_retries=0)
        client.manage.get_projects()  # the parent now holds a pooled connection
        parent_peer = server.peers[-1]
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: never returns into pytest
            status = 1
            try:
                for _ in range(3):
                    client.manage.get_projects()
                client.close()
                status = 0
            finally:
                os.write(write, bytes([status]))
                os._exit(status)
        os.close(write)
        with os.fdopen(read, "rb") as pipe:
            reported = pipe.read()
        _, code = os.waitpid(pid, 0)
        assert reported == b"\x00" and code == 0
        child_peers = server.peers[1:4]
        assert len(child_peers) == 3 and parent_peer not in child_peers  # never the parent's socket
        # The child closed its client: the parent's own pooled connection is still live and used.
        assert client.manage.get_projects().projects[0].project_id.startswith("pid-")
        assert server.peers[-1] == parent_peer
        client.close()


def test_a_temporary_client_a_factory_and_a_dropped_client_keep_working(emu: Emulator) -> None:
    assert DeepgramClient(api_key=emu.api_key, url=emu.url).manage.get_projects().projects

    def factory() -> ManageClient:
        return DeepgramClient(api_key=emu.api_key, url=emu.url).manage

    manage = factory()
    gc.collect()
    assert manage.get_projects().projects

    client = DeepgramClient(api_key=emu.api_key, url=emu.url)
    key = client.project(emu.project_id).keys.create(comment="kept", scopes=["member"])
    del client
    gc.collect()
    assert key.refresh().comment == "kept"
    key.delete()


def test_300_short_lived_threads_leave_loops_and_descriptors_bounded(emu: Emulator) -> None:
    with DeepgramClient(api_key=emu.api_key, url=emu.url) as client:
        client.manage.get_projects()
        before = _open_fds()
        failures: list[BaseException] = []

        def one_call() -> None:
            try:
                client.manage.get_projects()
            except BaseException as exc:  # pragma: no cover - reported below
                failures.append(exc)

        for _ in range(30):  # 300 threads, ten alive at a time, each making one sync call
            batch = [threading.Thread(target=one_call) for _ in range(10)]
            for thread in batch:
                thread.start()
            for thread in batch:
                thread.join()
        assert not failures
        runner = client._api.runner
        # At most as many loops as calls ran at once (ten), never one per thread.
        kept = min(max(IDLE_LOOPS, 10), MAX_IDLE_LOOPS)
        assert runner.loops <= kept
        # Each idle loop holds an epoll descriptor, a self-pipe pair and one connection.
        assert _open_fds() - before <= kept * 4


def test_close_with_calls_in_flight_closes_everything(emu: Emulator) -> None:
    async def slow(request: web.Request) -> web.StreamResponse:
        await asyncio.sleep(0.3)
        return web.json_response({"projects": []})

    with Loopback(slow) as server, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        client = DeepgramClient(api_key=API_KEY, url=server.url)
        pool = client._api.transport.pool
        started = threading.Barrier(5)
        results: list[object] = []

        def call() -> None:
            started.wait()
            try:
                results.append(client.manage.get_projects())
            except Exception as exc:
                results.append(exc)

        threads = [threading.Thread(target=call) for _ in range(4)]
        for thread in threads:
            thread.start()
        started.wait()
        while len(server.seen) < 4:
            threading.Event().wait(0.01)
        client.close()
        for thread in threads:
            thread.join()
        assert len(results) == 4
        assert client._api.runner.loops == 0
        assert all(session.closed for session in pool._sessions.values())
        threads.clear()
        gc.collect()
    leaks = [w for w in caught if issubclass(w.category, ResourceWarning)]
    assert leaks == []


CTRL_C_SCRIPT = textwrap.dedent(
    """
    import asyncio, sys
    from deepgram import DeepgramClient

    async def main():
        client = DeepgramClient(api_key="k" * 20, url=sys.argv[1], timeout=60)
        print("calling", flush=True)
        client.manage.get_projects()  # sync call inside asyncio.run: goes to the background loop

    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        print("interrupted", flush=True)
        sys.exit(130)
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT delivery is POSIX")
def test_ctrl_c_during_a_sync_call_inside_asyncio_run_stops_promptly() -> None:
    async def hang(request: web.Request) -> web.StreamResponse:
        await asyncio.sleep(60)
        return web.json_response({"projects": []})

    with Loopback(hang) as server:
        process = subprocess.Popen(
            [sys.executable, "-c", CTRL_C_SCRIPT, server.url],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
        )
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "calling"
        while not server.seen:
            threading.Event().wait(0.02)
        process.send_signal(signal.SIGINT)
        try:
            out, err = process.communicate(timeout=20)  # far below the 60 s the server would take
        except subprocess.TimeoutExpired:
            process.kill()
            raise AssertionError("the sync call ignored Ctrl-C") from None
    assert "interrupted" in out, err
    assert process.returncode == 130
