"""What a sync shows while it runs (a line per active project and a total, on a terminal, or a
callback for applications) and the one-line summary it ends with."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TextIO

from deepgram.usage import defaults

# Projects shown at once; the rest are counted in the total line.
SHOWN_PROJECTS = 8


@dataclass
class ProjectProgress:
    """One project's counts so far."""

    project_id: str
    new: int = 0
    duplicates: int = 0
    pages: int = 0
    done: bool = False


@dataclass
class SyncProgress:
    """The whole sync so far: per project, and totals."""

    projects: dict[str, ProjectProgress] = field(default_factory=dict)
    elapsed: float = 0.0

    @property
    def new(self) -> int:
        """New records written so far."""
        return sum(p.new for p in self.projects.values())

    @property
    def duplicates(self) -> int:
        """Records skipped because the archive already had them."""
        return sum(p.duplicates for p in self.projects.values())

    @property
    def done(self) -> int:
        """Projects finished."""
        return sum(1 for p in self.projects.values() if p.done)


SyncCallback = Callable[[SyncProgress], None]
# None: lines on stderr when it is a terminal; True: always; False: silent; a callable: called.
SyncProgressArg = bool | SyncCallback | None


def render(progress: SyncProgress) -> list[str]:
    """The lines shown: active projects first, then the total."""
    active = [p for p in progress.projects.values() if not p.done][:SHOWN_PROJECTS]
    lines = [f"  {p.project_id[:8]}  {p.new:>12,} new  {p.duplicates:>9,} dup  {p.pages:>7,} pages"
             for p in active]
    rate = progress.new / progress.elapsed if progress.elapsed > 0 else 0.0
    lines.append(f"sync: {progress.done}/{len(progress.projects)} projects  {progress.new:,} new  "
                 f"{progress.duplicates:,} dup  {rate:,.0f} rec/s  {progress.elapsed:.1f}s")
    return lines


class SyncMeter:
    """Counts a sync's progress and shows it, at most every `PROGRESS_REFRESH` seconds."""

    def __init__(self, projects: list[str], progress: SyncProgressArg,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.state = SyncProgress({pid: ProjectProgress(pid) for pid in projects})
        self._callback = progress if callable(progress) else None
        tty = progress is None and sys.stderr is not None and sys.stderr.isatty()
        self._stream: TextIO | None = sys.stderr if progress is True or tty else None
        self._clock = clock
        self._started = clock()
        self._shown = float("-inf")
        self._lines = 0

    def update(self, project_id: str, *, new: int = 0, duplicates: int = 0, pages: int = 0,
               done: bool = False) -> None:
        """Add to a project's counts and show them if it is time."""
        project = self.state.projects[project_id]
        project.new += new
        project.duplicates += duplicates
        project.pages += pages
        project.done = project.done or done
        if done or self._clock() - self._shown >= defaults.PROGRESS_REFRESH:
            self._show()

    def _show(self) -> None:
        self._shown = self._clock()
        self.state.elapsed = self._shown - self._started
        if self._callback is not None:
            self._callback(self.state)
        if self._stream is not None:
            lines = render(self.state)
            up = f"\x1b[{self._lines}F" if self._lines else "\r"
            self._stream.write(up + "\x1b[J" + "".join("\x1b[2K" + line + "\n" for line in lines))
            self._stream.flush()
            self._lines = len(lines)

    def close(self) -> None:
        """The final display."""
        self._show()
