"""The sync: every project's new records since its watermark, into the archive, exactly once.

Per run: take the directory lock, pin one `now` for all projects, then per project (concurrently,
all drawing pages from one shared gate): delete what a killed run left, read the window
`[watermark - overlap, now]`, skip records whose `request_id` the archive already holds (the ids
of the partitions the window touches), write the rest to new part files, make them durable, and
only then advance the project's watermark in the state file.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from deepgram.errors import ArchiveSyncError, DeepgramValueError
from deepgram.usage.archive import layout
from deepgram.usage.archive import state as state_file
from deepgram.usage.archive.display import SyncMeter, SyncProgressArg
from deepgram.usage.archive.lock import ArchiveLock
from deepgram.usage.archive.options import PER_PROJECT_CONCURRENCY, SyncOptions
from deepgram.usage.archive.state import ArchiveState, ProjectState
from deepgram.usage.archive.writers import EXTENSIONS, PartWriter, open_part, read_ids
from deepgram.usage.gate import PageGate
from deepgram.usage.paging import RecentIds, Window, format_utc, pin_window
from deepgram.usage.redaction import redact_records
from deepgram.usage.wire import RAW_PAGES, RawPage, raw_ids, raw_keep

if TYPE_CHECKING:
    from deepgram.core.api import Api


@dataclass
class ProjectResult:
    """What a run did for one project."""

    project_id: str
    start: str | None = None  # the window read: from (None = the first request) ...
    end: str = ""  # ... to the pinned now
    new: int = 0
    duplicates: int = 0
    files: int = 0
    pages: int = 0
    watermark: str | None = None
    error: str | None = None


@dataclass
class SyncResult:
    """What a run did: per project, and in total."""

    out: Path
    format: str
    run: str
    projects: list[ProjectResult] = field(default_factory=list)
    elapsed: float = 0.0

    @property
    def new(self) -> int:
        """Records added to the archive."""
        return sum(p.new for p in self.projects)

    @property
    def duplicates(self) -> int:
        """Records read again (the overlap) and skipped because the archive had them."""
        return sum(p.duplicates for p in self.projects)

    @property
    def files(self) -> int:
        """Part files written."""
        return sum(p.files for p in self.projects)

    @property
    def failed(self) -> list[ProjectResult]:
        """Projects that failed (and were left as they were before the run)."""
        return [p for p in self.projects if p.error is not None]

    def summary(self) -> str:
        """One line: projects, new records, duplicates skipped, files written, elapsed."""
        rate = self.new / self.elapsed if self.elapsed > 0 else 0.0
        failed = f", {len(self.failed)} failed" if self.failed else ""
        return (f"synced {len(self.projects)} projects{failed}: {self.new:,} new records, "
                f"{self.duplicates:,} duplicates skipped, {self.files:,} files written "
                f"in {self.elapsed:.1f}s ({rate:,.0f} records/s) -> {self.out}")


def _stamp(created: str) -> str:
    """A `created` normalised for comparison and storage (microseconds, UTC, `Z`)."""
    return layout.parse_created(created).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class _StateWriter:
    """Saves the state file one commit at a time, off the event loop."""

    def __init__(self, state: ArchiveState, path: Path) -> None:
        self.state = state
        self.path = path
        self._lock = asyncio.Lock()

    async def commit(self, project_id: str, project: ProjectState) -> None:
        async with self._lock:
            self.state.projects[project_id] = project
            if project.run is not None and (self.state.last_run is None or project.run > self.state.last_run):
                self.state.last_run = project.run
            await asyncio.to_thread(state_file.save, self.state, self.path)


class _ProjectSync:
    """One project's part of a run."""

    def __init__(self, run: _Run, project_id: str) -> None:
        self.run = run
        self.project_id = project_id
        self.result = ProjectResult(project_id)
        self.before = run.state.projects.get(project_id) or ProjectState()
        self.writer: PartWriter | None = None
        self.day: str | None = None
        self.finishing: list[asyncio.Future[None]] = []  # parts being fsynced and renamed

    def window(self) -> Window:
        options = self.run.options
        start = options.start
        if self.before.watermark is not None:
            start = format_utc(layout.parse_created(self.before.watermark) - options.overlap)
        return pin_window(start, None, now=self.run.now)

    def known_ids(self, start: str | None) -> set[str]:
        """Ids already archived in the partitions the window touches."""
        since = layout.day_of(start) if start is not None else None
        known: set[str] = set()
        for path in layout.parts(self.run.options.out, self.project_id, since_day=since):
            known |= read_ids(self.run.options.format, path)
        return known

    async def sync(self) -> ProjectResult:
        root, pid = self.run.options.out, self.project_id
        try:
            await asyncio.to_thread(layout.remove_uncommitted, root, pid, self.before.run)
            window = self.window()
            self.result.start, self.result.end = window.start, window.end
            known = await asyncio.to_thread(self.known_ids, window.start)
            newest = await self._copy(window, known)
            await self._roll(None)
            await self._settle()
            watermark = self.before.watermark
            if newest is not None and (watermark is None or newest > watermark):
                watermark = newest
            self.result.watermark = watermark
            after = ProjectState(watermark=watermark, run=self.run.id,
                                 records=self.before.records + self.result.new)
            await self.run.states.commit(pid, after)
        except Exception as exc:  # the others go on; this project stays as it was
            await asyncio.gather(*self.finishing, return_exceptions=True)
            self._abandon()
            self.result.error = f"{type(exc).__name__}: {exc}"
            self.run.errors.append(exc)
        except BaseException:
            self._abandon()
            raise
        finally:
            self.run.meter.update(pid, done=True)
        return self.result

    async def _settle(self) -> None:
        """Wait until every part of this project is durable under its final name."""
        finishing, self.finishing = self.finishing, []
        await asyncio.gather(*finishing)

    def _abandon(self) -> None:
        """Drop this run's files for the project (the next run would otherwise do it)."""
        for pending in self.finishing:
            pending.cancel()
        if self.writer is not None:
            self.writer.abort()
            self.writer = None
        layout.remove_uncommitted(self.run.options.out, self.project_id, self.before.run)

    async def _copy(self, window: Window, known: set[str]) -> str | None:
        from deepgram.usage.query import RequestQuery

        options = self.run.options
        query = RequestQuery(self.run.api, self.project_id, page_size=options.page_size,
                             concurrency=min(options.concurrency, PER_PROJECT_CONCURRENCY))
        newest: str | None = None
        pages = query.scrape(RAW_PAGES, raw_ids, raw_keep, window=window,
                             dedupe=RecentIds(2), gate=self.run.gate)
        try:
            async for _, page in pages:
                if page.stamps and page.stamps[0].created:
                    first = _stamp(page.stamps[0].created)  # pages are newest first
                    newest = first if newest is None or first > newest else newest
                await self._write(page, known)
        finally:
            await pages.aclose()
        return newest

    async def _write(self, page: RawPage, known: set[str]) -> None:
        records = [bytes(raw) for raw in page.requests]
        stamps = page.stamps
        if self.run.options.redact:
            records = redact_records(records, stamps)
        duplicates = 0
        if known:
            ids = [stamp.request_id for stamp in stamps]
            fresh = [i for i, request_id in enumerate(ids) if not request_id or request_id not in known]
            duplicates = len(records) - len(fresh)
            records, stamps = [records[i] for i in fresh], [stamps[i] for i in fresh]
        groups: dict[str, list[bytes]] = {}
        for day, record in zip(layout.days_of([stamp.created for stamp in stamps]), records, strict=True):
            groups.setdefault(day, []).append(record)
        for day, records in groups.items():
            await self._roll(day)
            assert self.writer is not None
            self.writer.write(records)  # a buffered write; the disk is waited for in finish()
        new = sum(len(records) for records in groups.values())
        self.result.new += new
        self.result.duplicates += duplicates
        self.result.pages += 1
        self.run.meter.update(self.project_id, new=new, duplicates=duplicates, pages=1)

    async def _roll(self, day: str | None) -> None:
        """Make `day`'s part the open one (None: just finish the open part)."""
        if day is not None and day == self.day:
            return
        if self.writer is not None:
            # fsync and rename in the background: the next pages need not wait for the disk.
            writer, self.writer, self.day = self.writer, None, None
            self.finishing.append(asyncio.ensure_future(asyncio.to_thread(writer.finish)))
            self.result.files += 1
        if day is not None:
            options = self.run.options
            name = layout.part_name(self.run.id, self.result.files, EXTENSIONS[options.format])
            final = layout.date_dir(options.out, self.project_id, day) / name
            self.writer = await asyncio.to_thread(open_part, options.format, final)
            self.day = day


@dataclass
class _Run:
    """What every project's sync of one run shares."""

    api: Api
    options: SyncOptions
    state: ArchiveState
    states: _StateWriter
    gate: PageGate
    meter: SyncMeter
    now: dt.datetime
    id: str
    errors: list[BaseException] = field(default_factory=list)


async def _project_ids(api: Api, options: SyncOptions) -> list[str]:
    if options.projects is not None:
        return list(options.projects)
    from deepgram.resources.projects import Projects

    return [project.project_id for project in await Projects(api).alist()]


async def sync_archive(api: Api, options: SyncOptions, progress: SyncProgressArg = None) -> SyncResult:
    """Run one sync (see the module docstring); raises `ArchiveSyncError` if any project failed."""
    started = time.monotonic()
    options.out.mkdir(parents=True, exist_ok=True)
    with ArchiveLock(options.out / layout.LOCK_NAME):
        state = state_file.load(options.state_path)
        if state.format is not None and state.format != options.format:
            raise DeepgramValueError(
                f"{options.out} holds a {state.format} archive; sync it with format={state.format!r}"
            )
        state.format = options.format
        project_ids = await _project_ids(api, options)
        now = options.now or dt.datetime.now(dt.timezone.utc)
        run = _Run(
            api=api, options=options, state=state, states=_StateWriter(state, options.state_path),
            gate=PageGate(options.concurrency), meter=SyncMeter(project_ids, progress), now=now,
            id=layout.new_run_id(state.last_run, dt.datetime.now(dt.timezone.utc)),
        )
        results = await asyncio.gather(*(_ProjectSync(run, pid).sync() for pid in project_ids))
        run.meter.close()
    result = SyncResult(options.out, options.format, run.id, list(results), time.monotonic() - started)
    if result.failed:
        names = ", ".join(f"{p.project_id} ({p.error})" for p in result.failed)
        raise ArchiveSyncError(f"{len(result.failed)} of {len(results)} projects failed: {names}",
                               result) from run.errors[0]
    return result
