"""The arguments of a usage sync, checked before any request or file is touched."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path

from deepgram.core.dates import parse_when
from deepgram.defaults import MAX_PAGE_SIZE
from deepgram.errors import DeepgramTypeError, DeepgramValueError
from deepgram.usage.archive.layout import STATE_NAME

# How far before the watermark each run reads again, for records that arrive late (DEFAULT_OVERLAP),
# and pages in flight across all projects of a sync (DEFAULT_SYNC_CONCURRENCY; 429s lower it).
from deepgram.usage.archive.surface import DEFAULT_OVERLAP, DEFAULT_SYNC_CONCURRENCY
from deepgram.usage.archive.writers import check_format

# Pages in flight for one project at most, so one large project cannot take every slot.
PER_PROJECT_CONCURRENCY = 8

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*$", re.IGNORECASE)


def parse_duration(value: str | float | dt.timedelta) -> dt.timedelta:
    """`90`, `90s`, `15m`, `1h`, `2d`, `1w` or a `timedelta`; never negative."""
    if isinstance(value, dt.timedelta):
        duration = value
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        duration = dt.timedelta(seconds=value)
    elif isinstance(value, str) and (match := _DURATION.match(value)):
        duration = dt.timedelta(seconds=float(match.group(1)) * _UNITS[(match.group(2) or "s").lower()])
    else:
        raise DeepgramValueError(f"a duration is a number of seconds or like 30m, 1h, 2d; got {value!r}")
    if duration < dt.timedelta(0):
        raise DeepgramValueError(f"a duration must not be negative, got {value!r}")
    return duration


@dataclass(frozen=True)
class SyncOptions:
    """Everything a sync needs besides the client, validated."""

    out: Path
    projects: tuple[str, ...] | None  # None: every project the key can see
    format: str
    start: str | None
    overlap: dt.timedelta
    state_path: Path
    concurrency: int
    page_size: int
    redact: bool
    now: dt.datetime | None

    @classmethod
    def build(
        cls,
        out: str | os.PathLike[str],
        *,
        projects: str | list[str] | tuple[str, ...] | None = None,
        format: str = "jsonl",
        start: str | dt.date | None = None,
        overlap: str | float | dt.timedelta = DEFAULT_OVERLAP,
        state: str | os.PathLike[str] | None = None,
        concurrency: int = DEFAULT_SYNC_CONCURRENCY,
        page_size: int = MAX_PAGE_SIZE,
        redact: bool = True,
        now: dt.datetime | None = None,
    ) -> SyncOptions:
        """Check every argument; raise `DeepgramTypeError`/`DeepgramValueError` on the first bad one."""
        if isinstance(projects, str):
            projects = [projects]
        if projects is not None and (not projects or not all(isinstance(p, str) and p for p in projects)):
            raise DeepgramValueError("projects must be None (every project) or a non-empty list of ids")
        for name, value, low, high in (("concurrency", concurrency, 1, 1000),
                                       ("page_size", page_size, 1, MAX_PAGE_SIZE)):
            if isinstance(value, bool) or not isinstance(value, int):
                raise DeepgramTypeError(f"{name} must be an int, got {value!r}")
            if not low <= value <= high:
                raise DeepgramValueError(f"{name} must be within {low}..{high}, got {value}")
        if start is not None:
            parse_when(start, name="start")
            start = start if isinstance(start, str) else start.isoformat()
        if now is not None and now.tzinfo is None:
            now = now.replace(tzinfo=dt.timezone.utc)
        root = Path(out)
        return cls(
            out=root,
            projects=tuple(dict.fromkeys(projects)) if projects is not None else None,
            format=check_format(str(format).lower()),
            start=start,
            overlap=parse_duration(overlap),
            state_path=Path(state) if state is not None else root / STATE_NAME,
            concurrency=concurrency,
            page_size=page_size,
            redact=bool(redact),
            now=now,
        )
