"""The sync bridge: runs the async implementation from sync code, keeping connections alive.

`asgiref.async_to_sync` would start a fresh loop per call, and an aiohttp session is bound to one
loop, so every sync call would reconnect. Instead each calling thread gets a private, long-lived
loop that runs only while a sync call is in progress: the session and its connections persist
between calls and no thread hop is paid. A thread that already runs a loop (a notebook, or sync
code called from async code) cannot block its own loop, so its calls go to one background loop
thread that the client owns.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import threading
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from deepgram.errors import ClientClosedError, DeepgramError

T = TypeVar("T")
_WAIT_SLICE = 0.25  # seconds between checks for an interrupt while a call waits on the background loop
_CLOSED = "the client is closed; create a new DeepgramClient"


class LoopRunner:
    """Runs coroutines to completion from sync code, on per-thread loops or a background loop."""

    def __init__(self, name: str = "deepgram-sync") -> None:
        self._name = name
        self._lock = threading.Lock()
        self._local = threading.local()
        self._thread_loops: list[asyncio.AbstractEventLoop] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._closed = False

    @property
    def loop(self) -> asyncio.AbstractEventLoop | None:
        """The background loop, or None until a call from inside a running loop needed it."""
        return self._loop

    def run(self, coro: Coroutine[Any, Any, T]) -> T:
        """Run `coro` to completion and return its result; Ctrl-C cancels the request in flight."""
        try:
            asyncio.get_running_loop()
            inside_loop = True
        except RuntimeError:
            inside_loop = False
        # Decided outside the `except`, so errors of the call do not chain "no running event loop".
        return self._run_in_background(coro) if inside_loop else self._run_here(coro)

    def _thread_loop(self) -> asyncio.AbstractEventLoop:
        loop: asyncio.AbstractEventLoop | None = getattr(self._local, "loop", None)
        if loop is None or loop.is_closed():
            with self._lock:
                if self._closed:
                    raise ClientClosedError(_CLOSED)
                loop = asyncio.new_event_loop()
                self._thread_loops.append(loop)
            self._local.loop = loop
        return loop

    def _run_here(self, coro: Coroutine[Any, Any, T]) -> T:
        try:
            loop = self._thread_loop()
        except BaseException:
            coro.close()
            raise
        if self._closed:
            coro.close()
            raise ClientClosedError(_CLOSED)
        task = loop.create_task(coro)
        try:
            return loop.run_until_complete(task)
        except BaseException:
            if not task.done():  # interrupted (Ctrl-C): cancel the request, then re-raise
                task.cancel()
                with contextlib.suppress(BaseException):
                    loop.run_until_complete(task)
            raise

    def _background_loop(self) -> asyncio.AbstractEventLoop:
        with self._lock:
            if self._closed:
                raise ClientClosedError(_CLOSED)
            if self._loop is None:
                loop = asyncio.new_event_loop()
                started = threading.Event()

                def serve() -> None:
                    asyncio.set_event_loop(loop)
                    loop.call_soon(started.set)
                    loop.run_forever()

                thread = threading.Thread(target=serve, name=self._name, daemon=True)
                thread.start()
                started.wait()
                self._loop, self._thread = loop, thread
            return self._loop

    def _run_in_background(self, coro: Coroutine[Any, Any, T]) -> T:
        try:
            loop = self._background_loop()
        except BaseException:
            coro.close()
            raise
        if threading.current_thread() is self._thread:
            coro.close()
            raise DeepgramError("a sync Deepgram call was made from inside an async one; await the a-method")
        future = asyncio.run_coroutine_threadsafe(coro, loop)
        try:
            # Waiting in slices lets a Ctrl-C raised between them (as notebooks and IDEs
            # deliver it) interrupt the wait, not only a signal that breaks the lock.
            while not future.done():
                concurrent.futures.wait([future], timeout=_WAIT_SLICE)
            return future.result()
        except BaseException:
            if not future.done():
                future.cancel()
                with contextlib.suppress(concurrent.futures.CancelledError, Exception):
                    future.result(timeout=5)
            raise

    def close(self, final: Callable[[], Coroutine[Any, Any, Any]]) -> None:
        """Run `final()` (closing that loop's sessions) on every loop this runner made, then stop them.

        A per-thread loop that is running right now (a call in flight on another thread) is left
        to finish; the runner refuses new calls either way.
        """
        with self._lock:
            if self._closed:
                return
            self._closed = True
            thread_loops, self._thread_loops = self._thread_loops, []
            loop, thread = self._loop, self._thread
        for idle in thread_loops:
            if idle.is_closed() or idle.is_running():
                continue
            idle.run_until_complete(final())
            idle.run_until_complete(idle.shutdown_asyncgens())
            idle.close()
        if loop is None or thread is None:
            return
        if threading.current_thread() is not thread:
            asyncio.run_coroutine_threadsafe(final(), loop).result(timeout=30)
        loop.call_soon_threadsafe(loop.stop)
        if threading.current_thread() is not thread:
            thread.join(timeout=30)
            loop.close()
