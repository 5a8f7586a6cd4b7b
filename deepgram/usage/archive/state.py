"""The archive's state file: per project, the newest `created` archived and the last committed run.

It is replaced atomically (temporary file, fsync, rename, fsync of the directory) and only after
the part files it vouches for are durable, so the state never claims more than the disk holds.
"""

from __future__ import annotations

import os
from pathlib import Path

import msgspec

from deepgram.errors import DeepgramValueError
from deepgram.usage.archive.layout import fsync_dir

VERSION = 1


class ProjectState(msgspec.Struct, kw_only=True):
    """One project's progress."""

    watermark: str | None = None  # the newest `created` archived, ISO-8601 UTC
    run: str | None = None  # the last run whose parts are committed; later parts are leftovers
    records: int = 0  # records archived so far


class ArchiveState(msgspec.Struct, kw_only=True):
    """The whole state file."""

    version: int = VERSION
    format: str | None = None
    last_run: str | None = None
    projects: dict[str, ProjectState] = {}


def load(path: Path) -> ArchiveState:
    """The state at `path`; a fresh one if there is none; a clear error if it is unreadable."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return ArchiveState()
    try:
        state = msgspec.json.decode(raw, type=ArchiveState)
    except (msgspec.DecodeError, msgspec.ValidationError) as exc:
        raise DeepgramValueError(f"{path} is not a usage archive state file ({exc})") from None
    if state.version != VERSION:
        raise DeepgramValueError(f"{path} was written by another version of the archive (v{state.version})")
    return state


def save(state: ArchiveState, path: Path) -> None:
    """Replace the state file durably and atomically."""
    temporary = path.with_name(f".{path.name}.tmp")
    with open(temporary, "wb") as handle:
        handle.write(msgspec.json.format(msgspec.json.encode(state), indent=2))
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    fsync_dir(path.parent)
