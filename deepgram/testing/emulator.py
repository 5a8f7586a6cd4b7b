"""`Emulator`: run the Manage API emulator in-process, from async code or (on a thread) from sync code."""

from __future__ import annotations

import asyncio
import threading
from datetime import datetime, timezone
from types import TracebackType
from typing import TYPE_CHECKING

from .faults import FaultRule, Faults
from .request_log import RequestLog, Shapes
from .seeding import build_state
from .state import State
from .timeline import Clock, wall_clock_ms

if TYPE_CHECKING:
    from aiohttp import web

#: The admin key used when none is given: full access to every project.
DEFAULT_API_KEY = "emulator-admin-key"


class Emulator:
    """A stateful, seeded emulator of Deepgram's Manage API served over HTTP on loopback."""

    def __init__(
        self,
        *,
        seed: int = 1,
        requests: int = 5000,
        shapes: Shapes = "current",
        api_key: str | None = None,
        live: bool = False,
        live_rate: float = 10.0,
        host: str = "127.0.0.1",
        port: int = 0,
        latency: float = 0.0,
        fault_seed: int = 0,
        faults: list[FaultRule] | None = None,
        now: datetime | None = None,
        projects: int = 3,
        requests_per_project: int | None = None,
        manual_clock: bool = False,
    ) -> None:
        if shapes not in ("current", "legacy"):
            raise ValueError("shapes must be 'current' or 'legacy'")
        if requests < 1:
            raise ValueError("requests must be at least 1")
        self.host = host
        self.port = port
        self.latency = latency
        if projects < 1:
            raise ValueError("projects must be at least 1")
        self.clock = Clock()
        if now is not None:
            self.clock.offset_ms = int(now.timestamp() * 1000) - wall_clock_ms()
        if manual_clock:  # time moves only with advance(): live logs grow only when a test says so
            self.clock.offset_ms += wall_clock_ms()
            self.clock.source = _stopped
        self.state: State = build_state(
            seed=seed,
            shapes=shapes,
            clock=self.clock,
            admin_key=api_key or DEFAULT_API_KEY,
            requests=requests,
            live_per_second=live_rate if live else 0.0,
            projects=projects,
            requests_per_project=requests_per_project,
        )
        self.faults = Faults(fault_seed, faults)
        self.calls: list[tuple[str, str]] = []
        self._runner: web.AppRunner | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None

    # what tests and clients need -----------------------------------------------------------------

    @property
    def url(self) -> str:
        """Base URL without `/v1`, e.g. `http://127.0.0.1:54321`."""
        if self._runner is None:
            raise RuntimeError("the emulator is not running; use `with`/`async with` or start()")
        return f"http://{self.host}:{self.port}"

    @property
    def api_key(self) -> str:
        """The admin key: every permission in every project."""
        return self.state.admin_key

    @property
    def project_id(self) -> str:
        """The main project (the one whose log holds `requests` requests)."""
        return next(iter(self.state.projects))

    @property
    def project_ids(self) -> list[str]:
        """Every project, main project first."""
        return list(self.state.projects)

    def log(self, project_id: str | None = None) -> RequestLog:
        """The request log of a project (the main one by default)."""
        return self.state.projects[project_id or self.project_id].log

    def create_key(
        self,
        project_id: str | None = None,
        scopes: list[str] | None = None,
        *,
        member_id: str | None = None,
        comment: str = "test key",
    ) -> str:
        """Mint a key (default scope `usage:read`) in a project and return its secret."""
        key = self.state.create_key(
            project_id or self.project_id, scopes or ["usage:read"], member_id=member_id, comment=comment
        )
        return key.secret

    def now(self) -> datetime:
        """The emulator's current time (UTC)."""
        return datetime.fromtimestamp(self.clock.now_ms() / 1000, tz=timezone.utc)

    def add_request(
        self,
        project_id: str | None = None,
        *,
        age: float = 0.0,
        appear_after: float = 0.0,
        settle_after: float = 0.0,
        callback: str | None = None,
        slot: int | None = None,
    ) -> str:
        """Add a request created `age` seconds ago (a late arrival when `age` > 0) and return its id.

        It shows up in the log `appear_after` seconds from now, and its `response.details.usd`
        `settle_after` seconds from now; `callback` sets its callback URL (also in its `path`).
        """
        now = self.clock.now_ms()
        item = self.log(project_id).added.add(
            created_ms=now - int(age * 1000), visible_ms=now + int(appear_after * 1000),
            settled_ms=now + int(settle_after * 1000), slot=slot, callback=callback,
        )
        return item.request_id

    def request_ids(self, project_id: str | None = None) -> set[str]:
        """Every request id in a project's log now (generated and added): the truth for tests."""
        from .request_log import RecordFilter
        from .stats import Window

        log = self.log(project_id)
        window = Window(-(2**62), 2**62, (0, len(log)))
        ids = {log.request_id(seq) for seq in range(len(log))}
        ids.update(item.request_id for item in log.added.visible(window, RecordFilter()))
        return ids

    def advance(self, seconds: float) -> None:
        """Move the emulator clock forward; a live log gains `seconds * live_rate` requests."""
        self.clock.advance(seconds)

    # async lifecycle -----------------------------------------------------------------------------

    async def start(self) -> Emulator:
        """Bind the port and start serving on the running event loop."""
        from aiohttp import web

        from .app import Server

        if self._runner is not None:
            return self
        app = Server(self.state, self.faults, self.calls, self.latency).build()
        runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.port)
        try:
            await site.start()
        except BaseException:
            await runner.cleanup()
            raise
        self._runner = runner
        address = runner.addresses[0]
        self.port = int(address[1])
        return self

    async def stop(self) -> None:
        """Stop serving and release the port."""
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()

    async def __aenter__(self) -> Emulator:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    # sync lifecycle (background thread) ----------------------------------------------------------

    def start_background(self) -> Emulator:
        """Serve from a daemon thread with its own event loop; for sync code and sync tests."""
        if self._thread is not None:
            return self
        loop = asyncio.new_event_loop()
        ready = threading.Event()

        def run() -> None:
            asyncio.set_event_loop(loop)
            loop.call_soon(ready.set)
            loop.run_forever()

        thread = threading.Thread(target=run, name="deepgram-emulator", daemon=True)
        thread.start()
        ready.wait()
        try:
            asyncio.run_coroutine_threadsafe(self.start(), loop).result()
        except BaseException:
            _shutdown(loop, thread)
            raise
        self._loop, self._thread = loop, thread
        return self

    def stop_background(self) -> None:
        """Stop the server and its thread."""
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return
        try:
            asyncio.run_coroutine_threadsafe(self.stop(), loop).result()
        finally:
            _shutdown(loop, thread)
            self._loop = self._thread = None

    def __enter__(self) -> Emulator:
        return self.start_background()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop_background()

    def __repr__(self) -> str:
        where = self.url if self._runner is not None else "stopped"
        return f"<Emulator {where} projects={len(self.state.projects)} shapes={self.state.shapes}>"


def _stopped() -> int:
    """The source of a manual clock: time stands still between `advance()` calls."""
    return 0


def _shutdown(loop: asyncio.AbstractEventLoop, thread: threading.Thread) -> None:
    """Stop a background loop, wait for its thread and close it."""
    loop.call_soon_threadsafe(loop.stop)
    thread.join()
    loop.close()
