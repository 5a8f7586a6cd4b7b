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
import stat
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec

from deepgram.errors import DeepgramFileError, DeepgramValueError, ExportLockedError
from deepgram.usage import defaults
from deepgram.usage.archive.lock import _try_lock as try_lock
from deepgram.usage.checkpoint import (
    TAIL_BYTES,
    Checkpoint,
    checkpoint_path,
    discard,
    load,
    save,
    tail_digest,
    verify,
)
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

    def __init__(self, fd: int, path: Path, *, enabled: bool = True) -> None:
        self._fd = fd
        self._path = path
        self._enabled = enabled  # False for a pipe or device: no checkpoint beside it
        self._pending: asyncio.Future[None] | None = None
        self.last = time.monotonic()

    def due(self) -> bool:
        return time.monotonic() - self.last >= defaults.CHECKPOINT_FSYNC_INTERVAL

    async def commit(self, state: Checkpoint) -> None:
        if not self._enabled:
            return
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


def _file_error(exc: OSError, target: Path) -> DeepgramFileError:
    """An OS error while exporting, as one clear line naming the file."""
    where = exc.filename if exc.filename is not None else target
    reason = exc.strerror or type(exc).__name__
    return DeepgramFileError(f"cannot export to {where}: {reason}", path=str(where), errno=exc.errno)


def _open_locked(target: Path) -> int:
    """Open the export file for writing and lock it; a second export of the same file fails at once."""
    fd = os.open(target, os.O_RDWR | os.O_CREAT, 0o644)
    if not try_lock(fd):
        os.close(fd)
        raise ExportLockedError(
            f"{target} is being written by another export right now; wait for it to finish",
            path=str(target),
        )
    return fd


class _Tail:
    """The last bytes written, whose hash each checkpoint records (see `checkpoint.verify`)."""

    def __init__(self, data: bytes) -> None:
        self.data = data[-TAIL_BYTES:]

    def wrote(self, chunk: bytes, state: Checkpoint) -> None:
        if chunk:
            self.data = chunk[-TAIL_BYTES:] if len(chunk) >= TAIL_BYTES else (self.data + chunk)[-TAIL_BYTES:]
        state.tail_sha256 = tail_digest(self.data) if self.data else None
        state.tail_length = len(self.data)


async def export_query(
    query: PagedQuery,
    path: str | os.PathLike[str],
    *,
    format: str = "jsonl",
    resume: bool = False,
    progress: ProgressArg = None,
    redact: bool = True,
    neutralize_formulas: bool = True,
) -> ExportResult:
    """Write every record of `query` to `path`; see the module docstring for the guarantees.
    `redact=False` keeps credentials found in callback URLs (see `deepgram.usage.redaction`);
    `neutralize_formulas=False` keeps CSV cells that start like a spreadsheet formula as they are.
    File-system failures raise `DeepgramFileError` (`ExportLockedError` when another export holds it)."""
    fmt = get_format(format, redact=redact, neutralize_formulas=neutralize_formulas)
    target = Path(path)
    try:
        return await _export(query, target, fmt, resume, progress)
    except OSError as exc:
        raise _file_error(exc, target) from None


async def _export(
    query: PagedQuery, target: Path, fmt: Format[Any], resume: bool, progress: ProgressArg
) -> ExportResult:
    state, resumed = _start_state(query, fmt, target, resume)
    window = Window(state.start, state.end, state.pinned)
    started = time.monotonic()
    fd = _open_locked(target)
    try:
        tail = _Tail(verify(state, fd, target))  # a resume continues only a file that matches
        # A pipe or device (/dev/stdout) is written as a stream: nothing to truncate or resume.
        regular = stat.S_ISREG(os.fstat(fd).st_mode)
        if regular:
            os.ftruncate(fd, state.bytes)  # drops whatever follows the last commit, a torn line included
            os.lseek(fd, state.bytes, os.SEEK_SET)
    except BaseException:
        os.close(fd)
        raise
    committer = _Committer(fd, checkpoint_path(target), enabled=regular)
    meter = make_meter(progress, span=window.span(), records=state.records, pages=state.pages_done)
    complete = False
    try:
        if state.bytes == 0:
            header = fmt.header()
            _write_all(fd, header)
            state.bytes = len(header)
            tail.wrote(header, state)
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
                tail.wrote(chunk, state)
                meter.update(count, 1, fmt.last_created(page))
                if committer.due():
                    await committer.commit(state)
        finally:
            await pages.aclose()
        if regular:
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
