"""Resumable export of a request-log query to a file, in constant memory.

Pages arrive in order; each is written with whole-record `os.write` calls, so an interruption
between pages leaves only whole lines. Every `CHECKPOINT_FSYNC_INTERVAL` seconds (and on Ctrl-C,
on error and at the end) the file is fsynced and the checkpoint beside it replaced atomically.
A resume truncates the file to the checkpoint's byte count, dropping any torn tail, and goes on
from the next page of the same pinned window, so the file ends with every record exactly once.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec

from deepgram.errors import DeepgramValueError
from deepgram.usage import defaults
from deepgram.usage.checkpoint import Checkpoint, checkpoint_path, discard, load, save
from deepgram.usage.formats import Format, get_format
from deepgram.usage.paging import RecentIds, Window
from deepgram.usage.progress import ProgressArg, make_meter

if TYPE_CHECKING:
    from deepgram.usage.scrape import PagedQuery

__all__ = ["ExportResult", "ProgressArg", "export_query"]


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote: the file, how many records and pages in total, and the window."""

    path: Path
    format: str
    records: int
    pages: int
    bytes: int
    elapsed: float
    resumed: bool
    start: str | None
    end: str


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _commit(fd: int, snapshot: Checkpoint, path: Path) -> None:
    """fsync the export file, then record how much of it is safe."""
    os.fsync(fd)
    save(snapshot, path, durable=True)


class _Committer:
    """Runs commits off the event loop, one at a time; a commit in progress survives cancellation."""

    def __init__(self, fd: int, path: Path) -> None:
        self._fd = fd
        self._path = path
        self._pending: asyncio.Future[None] | None = None
        self.last = time.monotonic()

    def due(self) -> bool:
        return time.monotonic() - self.last >= defaults.CHECKPOINT_FSYNC_INTERVAL

    async def commit(self, state: Checkpoint) -> None:
        await self.settle()
        snapshot = msgspec.structs.replace(state, recent_ids=list(state.recent_ids))
        self._pending = asyncio.ensure_future(asyncio.to_thread(_commit, self._fd, snapshot, self._path))
        self.last = time.monotonic()
        await asyncio.shield(self._pending)

    async def settle(self) -> None:
        """Wait for a commit still running (never close the file under it)."""
        if self._pending is not None and not self._pending.done():
            await asyncio.wait([self._pending])


def _start_state(
    query: PagedQuery, fmt: Format[Any], target: Path, resume: bool
) -> tuple[Checkpoint, bool]:
    """The checkpoint to continue from (resume) or a fresh one with a newly pinned window."""
    given = query.options.to_dict()
    state = load(checkpoint_path(target)) if resume else None
    if state is not None:
        if (state.project_id, state.query, state.format) != (query.project_id, given, fmt.name):
            raise DeepgramValueError(
                f"{checkpoint_path(target)} belongs to another export (project, filters or format differ); "
                "use the same arguments, or export without resume to start over"
            )
        return state, True
    if resume and target.exists() and target.stat().st_size > 0:
        raise DeepgramValueError(
            f"{target} has no checkpoint, so it is complete or not an unfinished export; "
            "export without resume to overwrite it"
        )
    window = query.window()
    fresh = Checkpoint(
        project_id=query.project_id, query=given, format=fmt.name,
        start=window.start, end=window.end, pinned=window.pinned,
    )
    return fresh, False


async def export_query(
    query: PagedQuery,
    path: str | os.PathLike[str],
    *,
    format: str = "jsonl",
    resume: bool = False,
    progress: ProgressArg = None,
    redact: bool = True,
) -> ExportResult:
    """Write every record of `query` to `path`; see the module docstring for the guarantees.
    `redact=False` keeps credentials found in callback URLs (see `deepgram.usage.redaction`)."""
    fmt = get_format(format, redact=redact)
    target = Path(path)
    state, resumed = _start_state(query, fmt, target, resume)
    window = Window(state.start, state.end, state.pinned)
    started = time.monotonic()
    fd = os.open(target, os.O_WRONLY | os.O_CREAT, 0o644)
    committer = _Committer(fd, checkpoint_path(target))
    meter = make_meter(progress, span=window.span(), records=state.records, pages=state.pages_done)
    complete = False
    try:
        if os.fstat(fd).st_size < state.bytes:
            raise DeepgramValueError(f"{target} is shorter than its checkpoint says; export without resume")
        os.ftruncate(fd, state.bytes)  # drops whatever follows the last commit, a torn line included
        os.lseek(fd, state.bytes, os.SEEK_SET)
        if state.bytes == 0:
            header = fmt.header()
            _write_all(fd, header)
            state.bytes = len(header)
        await committer.commit(state)
        dedupe = RecentIds(defaults.DEDUPE_PAGES, seed=state.recent_ids)
        pages = query.scrape(
            fmt.endpoint, fmt.ids, fmt.keep, window=window, first_page=state.pages_done, dedupe=dedupe
        )
        try:
            async for number, page in pages:
                chunk = fmt.encode(page)
                _write_all(fd, chunk)
                count = fmt.count(page)
                state.bytes += len(chunk)
                state.records += count
                state.pages_done = number + 1
                state.recent_ids = dedupe.last_page()
                meter.update(count, 1, fmt.last_created(page))
                if committer.due():
                    await committer.commit(state)
        finally:
            await pages.aclose()
        os.fsync(fd)
        complete = True
    finally:
        await committer.settle()
        if not complete:
            with contextlib.suppress(Exception):
                await committer.commit(state)  # keep every whole page written so far
            with contextlib.suppress(Exception):
                meter.close(done=False)
        os.close(fd)
    discard(checkpoint_path(target))
    meter.close(done=True)
    return ExportResult(
        path=target, format=fmt.name, records=state.records, pages=state.pages_done, bytes=state.bytes,
        elapsed=time.monotonic() - started, resumed=resumed, start=window.start, end=window.end,
    )
