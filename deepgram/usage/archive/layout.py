"""Where archive files live: `DIR/project_id=<id>/date=<YYYY-MM-DD>/part-<run>-<n>.<ext>`.

`date` is the UTC day of the record's `created`. Part files are written under a hidden temporary
name and renamed when complete, so a file with a final name is always whole. Run ids sort in
time order, which is how a rerun tells the parts of a committed run from those of a killed one.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator
from pathlib import Path

STATE_NAME = "_state.json"
LOCK_NAME = "_sync.lock"
TEMP_PREFIX = ".tmp-"
_PART = re.compile(r"^part-(?P<run>[0-9TZ]+)-(?P<n>\d+)\.(?P<ext>[a-z]+)$")


def parse_created(created: str) -> dt.datetime:
    """An ISO-8601 `created` as an aware UTC datetime (`Z`, offsets and naive UTC accepted)."""
    text = created.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    when = dt.datetime.fromisoformat(_six_digits(text))
    return when.replace(tzinfo=dt.timezone.utc) if when.tzinfo is None else when.astimezone(dt.timezone.utc)


def _six_digits(text: str) -> str:
    """Pad or cut a fraction of seconds to six digits (Python 3.10 accepts only 3 or 6)."""
    match = re.search(r"\.(\d+)", text)
    if match is None or len(match.group(1)) in (3, 6):
        return text
    digits = (match.group(1) + "000000")[:6]
    return text[: match.start(1)] + digits + text[match.end(1) :]


def day_of(created: str | None) -> str:
    """The UTC date partition of a record; `unknown` when it has no usable `created`."""
    if not created:
        return "unknown"
    if created.endswith("Z") and len(created) >= 10 and created[4] == "-":
        return created[:10]
    try:
        return parse_created(created).strftime("%Y-%m-%d")
    except ValueError:
        return "unknown"


def days_of(created: list[str | None]) -> list[str]:
    """`day_of` for a page of records (the common `...Z` form sliced without a call per record)."""
    return [c[:10] if c and c[-1] == "Z" and c[4] == "-" else day_of(c) for c in created]


def project_dir(root: Path, project_id: str) -> Path:
    """`DIR/project_id=<id>`."""
    return root / f"project_id={project_id}"


def date_dir(root: Path, project_id: str, day: str) -> Path:
    """`DIR/project_id=<id>/date=<day>`."""
    return project_dir(root, project_id) / f"date={day}"


def part_name(run: str, n: int, ext: str) -> str:
    """`part-<run>-<n>.<ext>`."""
    return f"part-{run}-{n:05d}.{ext}"


def new_run_id(after: str | None, now: dt.datetime | None = None) -> str:
    """A run id later than `after` (the newest committed run), from the UTC clock."""
    moment = (now or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc)
    run = moment.strftime("%Y%m%dT%H%M%S%fZ")
    return run if after is None or run > after else after + "1"


def run_of(name: str) -> str | None:
    """The run id of a part file name, None for anything else."""
    match = _PART.match(name)
    return match.group("run") if match else None


def parts(root: Path, project_id: str, *, since_day: str | None = None) -> Iterator[Path]:
    """The part files of a project (days from `since_day` on, when given), oldest day first."""
    base = project_dir(root, project_id)
    if not base.is_dir():
        return
    for day in sorted(base.iterdir()):
        if not day.name.startswith("date=") or not day.is_dir():
            continue
        if since_day is not None and day.name[5:] < since_day:
            continue
        for path in sorted(day.iterdir()):
            if run_of(path.name) is not None:
                yield path


def remove_uncommitted(root: Path, project_id: str, committed: str | None) -> int:
    """Delete temporary files and the parts of runs after `committed` (a killed run); how many."""
    base = project_dir(root, project_id)
    if not base.is_dir():
        return 0
    removed = 0
    for day in base.iterdir():
        if not day.is_dir():
            continue
        for path in day.iterdir():
            run = run_of(path.name)
            leftover = run is not None and (committed is None or run > committed)
            if path.name.startswith(TEMP_PREFIX) or leftover:
                path.unlink()
                removed += 1
        if removed:
            fsync_dir(day)
    return removed


def fsync_dir(path: Path) -> None:
    """Make a rename or unlink in `path` durable (a no-op where directories cannot be opened)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
