"""The sync bridge: runs the async implementation from sync code, keeping connections alive.

`asgiref.async_to_sync` would start a fresh loop per call, and an aiohttp session is bound to one
loop, so every sync call would reconnect. Instead sync calls borrow a private loop from a small
pool: the loop runs only during the call and goes back to the pool after it, so its session and
connections persist between calls, no thread hop is paid, and threads that come and go share a
handful of loops instead of leaving one (with its session and sockets) behind each. A thread that
already runs a loop (a notebook, or sync code called from async code) cannot block its own loop,
so its calls go to one background loop thread that the client owns.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import threading
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from deepgram.core import forks
from deepgram.errors import ClientClosedError, DeepgramError

T = TypeVar("T")
_WAIT_SLICE = 0.25  # seconds between checks for an interrupt while a call waits on the background loop
_CLOSED = "the client is closed; create a new DeepgramClient"
# Idle loops kept for the next sync calls: as many as ran at once (so a steady thread pool keeps its
# connections), at least IDLE_LOOPS and at most MAX_IDLE_LOOPS; beyond that a returned loop is closed.
IDLE_LOOPS = 4
MAX_IDLE_LOOPS = 32

Final = Callable[[], Coroutine[Any, Any, Any]]


async def _nothing() -> None:
    return None


def _cancel_requested() -> bool:
    """Whether the task running this sync code was asked to stop (Ctrl-C under `asyncio.run`)."""
    task = asyncio.current_task()
    cancelling = getattr(task, "cancelling", None)
    return bool(cancelling is not None and cancelling())


class LoopRunner:
    """Runs coroutines to completion from sync code, on pooled private loops or a background loop.

    `final` is awaited on a loop before it is closed (it closes that loop's aiohttp session).
    """

    def __init__(self, name: str = "deepgram-sync", *, final: Final = _nothing) -> None:
        self._name = name
        self._final = final
        self._lock = threading.Lock()
        self._idle: list[asyncio.AbstractEventLoop] = []
        self._busy = 0
        self._peak = 0  # the most calls that ran at once
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._closed = False
        forks.track(self)

    @property
    def loop(self) -> asyncio.AbstractEventLoop | None:
        """The background loop, or None until a call from inside a running loop needed it."""
        return self._loop

    @property
    def loops(self) -> int:
        """Private loops open right now: idle in the pool plus running a call (for diagnostics)."""
        return len(self._idle) + self._busy + (self._loop is not None)

    def run(self, coro: Coroutine[Any, Any, T]) -> T:
        """Run `coro` to completion and return its result; Ctrl-C cancels the request in flight."""
        try:
            asyncio.get_running_loop()
            inside_loop = True
        except RuntimeError:
            inside_loop = False
        # Decided outside the `except`, so errors of the call do not chain "no running event loop".
        return self._run_in_background(coro) if inside_loop else self._run_here(coro)

    def _acquire(self) -> asyncio.AbstractEventLoop:
        with self._lock:
            if self._closed:
                raise ClientClosedError(_CLOSED)
            loop = self._idle.pop() if self._idle else None
            self._busy += 1
            self._peak = max(self._peak, self._busy)
        return loop if loop is not None else asyncio.new_event_loop()

    def _release(self, loop: asyncio.AbstractEventLoop) -> None:
        with self._lock:
            self._busy -= 1
            keep = min(max(IDLE_LOOPS, self._peak), MAX_IDLE_LOOPS)
            if not self._closed and len(self._idle) < keep and not loop.is_closed():
                self._idle.append(loop)
                return
        self._dispose(loop)

    def _dispose(self, loop: asyncio.AbstractEventLoop) -> None:
        """Close the loop's session, its async generators and the loop itself."""
        if loop.is_closed() or loop.is_running():
            return
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            with contextlib.suppress(Exception):
                loop.run_until_complete(self._final())
                loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()
            return
        # This thread runs another loop (a finalizer called from async code): close it elsewhere.
        helper = threading.Thread(target=self._dispose, args=(loop,), name=f"{self._name}-close")
        helper.start()
        helper.join(timeout=30)

    def _run_here(self, coro: Coroutine[Any, Any, T]) -> T:
        try:
            loop = self._acquire()
        except BaseException:
            coro.close()
            raise
        try:
            task = loop.create_task(coro)
            try:
                return loop.run_until_complete(task)
            except BaseException:
                if not task.done():  # interrupted (Ctrl-C): cancel the request, then re-raise
                    task.cancel()
                    with contextlib.suppress(BaseException):
                        loop.run_until_complete(task)
                raise
        finally:
            self._release(loop)

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
            # Waiting in slices lets a Ctrl-C raised between them (as notebooks and IDEs deliver
            # it) interrupt the wait; under `asyncio.run` Ctrl-C cancels the calling task instead,
            # which is checked for as well.
            while not future.done():
                concurrent.futures.wait([future], timeout=_WAIT_SLICE)
                if not future.done() and _cancel_requested():
                    raise asyncio.CancelledError
            return future.result()
        except BaseException:
            if not future.done():
                future.cancel()
                with contextlib.suppress(concurrent.futures.CancelledError, Exception):
                    future.result(timeout=5)
            raise

    def close(self) -> None:
        """Close every idle loop (with its session) and the background loop; refuse new calls.

        A loop running a call right now (on another thread) is closed when that call returns.
        """
        with self._lock:
            if self._closed:
                return
            self._closed = True
            idle, self._idle = self._idle, []
            loop, thread = self._loop, self._thread
        for each in idle:
            self._dispose(each)
        if loop is None or thread is None:
            return
        if threading.current_thread() is not thread:
            with contextlib.suppress(Exception):
                asyncio.run_coroutine_threadsafe(self._final(), loop).result(timeout=30)
        loop.call_soon_threadsafe(loop.stop)
        if threading.current_thread() is not thread:
            thread.join(timeout=30)
            loop.close()

    def _after_fork_in_child(self) -> None:
        """In a forked child: forget the parent's loops (see `deepgram.core.forks`), start afresh."""
        self._lock = threading.Lock()
        inherited = [*self._idle, *([self._loop] if self._loop is not None else [])]
        self._idle, self._busy, self._loop, self._thread = [], 0, None, None
        for loop in inherited:
            forks.abandon_loop(loop)
