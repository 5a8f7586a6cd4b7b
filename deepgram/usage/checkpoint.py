"""The checkpoint beside an export file: what was asked, the pinned window, and what is safely on disk.

It is replaced atomically (write a temporary file, then rename), and only after the export file's
bytes up to `bytes` have been fsynced, so a checkpoint never claims more than the disk holds.
"""

from __future__ import annotations

import contextlib
import os
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
    temporary = path.with_name(path.name + ".tmp")
    with open(temporary, "wb") as handle:
        handle.write(msgspec.json.encode(checkpoint))
        if durable:
            handle.flush()
            os.fsync(handle.fileno())
    os.replace(temporary, path)


def discard(path: Path) -> None:
    """Remove the checkpoint once the export is complete."""
    for leftover in (path, path.with_name(path.name + ".tmp")):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(leftover)
