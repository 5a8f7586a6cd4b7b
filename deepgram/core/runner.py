"""The sync bridge: one long-lived event loop on a background thread, owned by one client.

`asgiref.async_to_sync` would start a fresh loop per call, and an aiohttp session is bound to one
loop, so every sync call would reconnect. Running every sync call on this loop instead keeps one
session and its connection pool alive across calls, threads and notebooks.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import threading
from collections.abc import Coroutine
from typing import Any, TypeVar

from deepgram.errors import ClientClosedError, DeepgramError

T = TypeVar("T")
_WAIT_SLICE = 0.25  # seconds between checks for an interrupt while a sync call waits


class LoopRunner:
    """Runs coroutines to completion from sync code on a private loop thread, started lazily."""

    def __init__(self, name: str = "deepgram-sync") -> None:
        self._name = name
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._closed = False

    @property
    def loop(self) -> asyncio.AbstractEventLoop | None:
        """The private loop, or None before the first sync call."""
        return self._loop

    def _ensure_loop(self) -> asyncio.AbstractEventLoop:
        with self._lock:
            if self._closed:
                raise ClientClosedError("the client is closed; create a new DeepgramClient")
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

    def run(self, coro: Coroutine[Any, Any, T]) -> T:
        """Run `coro` on the private loop and wait; Ctrl-C cancels the request it is making."""
        try:
            loop = self._ensure_loop()
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

    def close(self, final: Coroutine[Any, Any, Any] | None = None) -> None:
        """Run `final` (closing the loop's sessions), then stop the loop and join its thread."""
        with self._lock:
            if self._closed:
                if final is not None:
                    final.close()
                return
            self._closed = True
            loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            if final is not None:
                final.close()
            return
        if final is not None and threading.current_thread() is not thread:
            asyncio.run_coroutine_threadsafe(final, loop).result(timeout=30)
        elif final is not None:
            final.close()
        loop.call_soon_threadsafe(loop.stop)
        if threading.current_thread() is not thread:
            thread.join(timeout=30)
            loop.close()
