"""A loopback server on an event loop of its own thread: `with` starts it and waits until it listens."""

from __future__ import annotations

import asyncio
import threading
from typing import TypeVar

S = TypeVar("S", bound="LoopThread")


class LoopThread:
    """Subclasses implement `_serve` (bind, set `self.port`, `self._ready.set()`, run the loop, clean up)."""

    port: int

    def _init_loop_thread(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self.port = 0

    def _serve(self) -> None:
        raise NotImplementedError

    def __enter__(self: S) -> S:
        self._thread.start()
        self._ready.wait(10)
        return self

    def __exit__(self, *exc: object) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
