"""aiohttp sessions, one per event loop, created lazily and closed with the client or the loop.

aiohttp is imported here lazily (it builds SSL contexts at import), so `import deepgram` stays cheap.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

from deepgram.core import forks
from deepgram.core.network import Network
from deepgram.errors import ClientClosedError, DeepgramValueError

if TYPE_CHECKING:
    import aiohttp


async def _close_with_loop(session: aiohttp.ClientSession) -> AsyncIterator[None]:
    """Parked async generator: `asyncio.run` closes parked generators at shutdown, closing the session."""
    try:
        yield
    finally:
        if not session.closed:
            await session.close()


class SessionPool:
    """The sessions of one client and its `with_options` siblings, keyed by event loop.

    A session the caller gave (`http_session=`) is used as is and never closed here.
    """

    def __init__(self, network: Network | None = None) -> None:
        self.network = network or Network("https://api.deepgram.com")
        self._sessions: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, aiohttp.ClientSession] = (
            weakref.WeakKeyDictionary()
        )
        self._guards: list[AsyncIterator[None]] = []
        self.closed = False
        forks.track(self)

    async def get(self) -> aiohttp.ClientSession:
        """The session of the running loop, made on first use."""
        if self.closed:
            raise ClientClosedError("the client is closed; create a new DeepgramClient")
        loop = asyncio.get_running_loop()
        session = self._sessions.get(loop)
        if session is None or session.closed:
            if self.network.http_session is not None:
                return self._callers_session(loop)
            session = self.network.new_session()
            self._sessions[loop] = session
            guard = _close_with_loop(session)
            await guard.__anext__()
            self._guards.append(guard)
        return session

    def _callers_session(self, loop: asyncio.AbstractEventLoop) -> aiohttp.ClientSession:
        session = self.network.http_session
        assert session is not None
        if session.closed:
            raise ClientClosedError("the http_session given to this client is closed")
        own_loop = getattr(session, "_loop", loop)
        if own_loop is not loop:
            raise DeepgramValueError(
                "http_session belongs to another event loop: use it from async code on that loop "
                "(client.asyncmanage, the a-methods), or let the client make its own session"
            )
        return session

    async def close_current(self) -> None:
        """Close the running loop's session (used by `aclose`)."""
        loop = asyncio.get_running_loop()
        session = self._sessions.pop(loop, None)
        if session is not None and not session.closed:
            await session.close()

    def close_idle(self) -> None:
        """Close sessions whose loops are idle (not running), from sync code."""
        for loop, session in list(self._sessions.items()):
            if session.closed or loop.is_closed() or loop.is_running():
                continue
            loop.run_until_complete(session.close())
            self._sessions.pop(loop, None)

    def _after_fork_in_child(self) -> None:
        """In a forked child: forget the parent's sessions and connections without touching them."""
        inherited, guards = list(self._sessions.values()), self._guards
        self._sessions = weakref.WeakKeyDictionary()
        self._guards = []
        forks._INHERITED.extend(guards)  # never finalized: that would wake the parent's loop
        for session in inherited:
            forks.abandon_session(session)
