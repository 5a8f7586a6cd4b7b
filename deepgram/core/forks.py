"""Fork safety: after `os.fork()` the child drops what it inherited and builds its own loops and sessions.

A forked child shares its parent's sockets and epoll instance. Reading or closing them from the
child steals the parent's responses, and unregistering a descriptor from the shared epoll (which
closing an inherited loop or transport does) silences the parent's loop. So the child never
touches them: inherited loops get a fresh selector before they are closed, inherited connections
are forgotten without a close (no TLS close_notify on the shared socket), and every client starts
over with new loops, sessions and connections on its next call. The parent is unaffected.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import selectors
import threading
import weakref
from typing import Any, Protocol

# Objects inherited from the parent that cannot be closed safely (a loop that was running on a
# thread that does not exist in the child): kept referenced so no finalizer touches them.
_INHERITED: list[Any] = []


class ForkAware(Protocol):
    """An object holding loops, sessions or locks: it resets itself in a forked child."""

    def _after_fork_in_child(self) -> None: ...


_TRACKED: weakref.WeakSet[Any] = weakref.WeakSet()
_TRACKED_LOCK = threading.Lock()


def track(obj: ForkAware) -> None:
    """Reset `obj` in every child forked while it is alive."""
    with _TRACKED_LOCK:
        _TRACKED.add(obj)


def _after_fork_in_child() -> None:
    global _TRACKED_LOCK
    _TRACKED_LOCK = threading.Lock()  # another thread may have held it at the fork
    for obj in list(_TRACKED):
        with contextlib.suppress(Exception):  # a child must start even if one reset fails
            obj._after_fork_in_child()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


def abandon_loop(loop: asyncio.AbstractEventLoop) -> None:
    """Close an event loop inherited from the parent without touching the parent's epoll registrations."""
    selector = getattr(loop, "_selector", None)
    if selector is not None:
        # Unregistering from the new selector is a no-op; closing the old one closes only this
        # process's descriptor of the shared epoll instance.
        loop._selector = selectors.DefaultSelector()  # type: ignore[attr-defined]
        with contextlib.suppress(Exception):
            selector.close()
    if loop.is_closed():
        return
    if loop.is_running():  # it was running on a thread the child does not have
        _INHERITED.append(loop)
        return
    with contextlib.suppress(Exception):
        loop.close()


def abandon_session(session: Any) -> None:
    """Forget an inherited aiohttp session's connections without closing them, then mark it closed."""
    connector = getattr(session, "connector", None)
    if connector is None:
        return
    for name in ("_conns", "_acquired"):
        pooled = getattr(connector, name, None)
        if pooled is not None:
            pooled.clear()  # the sockets close when collected: no shutdown, no TLS alert, no epoll call
    closer = getattr(connector, "_close", None)
    if closer is not None:
        with contextlib.suppress(Exception):
            closer()
    _INHERITED.append(session)
