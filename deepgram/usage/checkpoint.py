"""The checkpoint beside an export file: what was asked, the pinned window, and what is safely on disk.

It is replaced atomically (write a temporary file, then rename), and only after the export file's
bytes up to `bytes` have been fsynced, so a checkpoint never claims more than the disk holds. The
temporary file has an unpredictable name and is created exclusively (`tempfile.mkstemp`) in the
checkpoint's directory, so a symlink planted there cannot redirect the write. The checkpoint also
records a hash of the bytes just before its offset, so a resume can verify the file it continues.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from pathlib import Path
from typing import Any

import msgspec

from deepgram.errors import DeepgramValueError

SUFFIX = ".checkpoint"
VERSION = 1


class Checkpoint(msgspec.Struct, kw_only=True):
    """Resume state of one export."""

    version: int = VERSION
    project_id: str
    query: dict[str, Any]  # the options as given (before pinning): a resume must ask the same
    format: str
    start: str | None  # the pinned window every page is fetched with
    end: str
    pinned: bool
    pages_done: int = 0  # the next page to fetch
    records: int = 0
    bytes: int = 0  # length of the committed prefix of the export file
    recent_ids: list[str] = []  # ids of the last committed page, to keep de-duplication across runs
    tail_sha256: str | None = None  # hash of the `tail_length` bytes that end the committed prefix
    tail_length: int = 0


# Bytes before the committed offset whose hash the checkpoint keeps (several records' worth).
TAIL_BYTES = 4096


def tail_digest(tail: bytes) -> str:
    """The hash recorded for the bytes ending the committed prefix."""
    return hashlib.sha256(tail).hexdigest()


def checkpoint_path(path: Path) -> Path:
    """`requests.jsonl` -> `requests.jsonl.checkpoint`."""
    return path.with_name(path.name + SUFFIX)


def load(path: Path) -> Checkpoint | None:
    """The checkpoint at `path`, None if there is none; an unreadable one is a clear error."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    try:
        checkpoint = msgspec.json.decode(raw, type=Checkpoint)
    except (msgspec.DecodeError, msgspec.ValidationError) as exc:
        raise DeepgramValueError(
            f"{path} is not a usable export checkpoint ({exc}); delete it to start over"
        ) from None
    if checkpoint.version != VERSION:
        raise DeepgramValueError(
            f"{path} was written by another version of the exporter; delete it to start over"
        )
    return checkpoint


def save(checkpoint: Checkpoint, path: Path, *, durable: bool) -> None:
    """Replace the checkpoint atomically; with `durable`, fsync it before the rename."""
    fd, temporary = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with open(fd, "wb") as handle:
            handle.write(msgspec.json.encode(checkpoint))
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def discard(path: Path) -> None:
    """Remove the checkpoint once the export is complete."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


def verify(checkpoint: Checkpoint, fd: int, target: Path) -> bytes:
    """Check the export file (open as `fd`) against its checkpoint before resuming; returns the
    verified bytes that end the committed prefix. Refuses, with `DeepgramValueError`, a file shorter
    than the checkpoint, an offset that is not at the end of a record, or a last record that is not
    the one recorded: continuing would write torn lines, gaps or duplicates."""
    again = "; export without resume to start over"
    if os.fstat(fd).st_size < checkpoint.bytes:
        raise DeepgramValueError(f"{target} is shorter than its checkpoint says{again}")
    if checkpoint.bytes == 0:
        return b""
    length = checkpoint.tail_length if checkpoint.tail_sha256 is not None else 1
    length = max(1, min(length, checkpoint.bytes))
    os.lseek(fd, checkpoint.bytes - length, os.SEEK_SET)
    tail = b""
    while len(tail) < length:
        chunk = os.read(fd, length - len(tail))
        if not chunk:
            break
        tail += chunk
    if not tail.endswith(b"\n"):
        raise DeepgramValueError(
            f"the checkpoint of {target} points inside a record (byte {checkpoint.bytes:,}){again}"
        )
    if checkpoint.tail_sha256 is not None and tail_digest(tail) != checkpoint.tail_sha256:
        raise DeepgramValueError(
            f"{target} does not end its committed part with the record its checkpoint recorded "
            f"(byte {checkpoint.bytes:,}); the file was changed{again}"
        )
    return tail
