"""Export progress: a one-line bar on stderr for people, a callback for applications, or silence.

The API gives no total, so completion is estimated from time: records come newest first, so the
`created` of the latest record says how much of [start, end] is done (shown when `start` is known).
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from deepgram.usage import defaults


@dataclass(frozen=True)
class ProgressInfo:
    """A snapshot of an export: counts so far, speed, and (when knowable) fraction done and ETA."""

    records: int
    pages: int
    elapsed: float
    rate: float  # records per second during this run
    fraction: float | None
    eta: float | None  # seconds left
    done: bool


ProgressCallback = Callable[[ProgressInfo], None]
# None: a bar when stderr is a terminal; True: always a bar; False: silent; a callable: called.
ProgressArg = bool | ProgressCallback | None


def fraction_done(span: tuple[float, float] | None, created: str | None) -> float | None:
    """Share of the window covered once the record created at `created` is reached (newest first)."""
    if span is None or created is None:
        return None
    start, end = span
    try:
        when = dt.datetime.fromisoformat(created.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    if end <= start:
        return None
    return min(1.0, max(0.0, (end - when.timestamp()) / (end - start)))


def eta_seconds(fraction: float | None, run_fraction: float, elapsed: float) -> float | None:
    """Seconds left, extrapolating this run's pace over the part of the window it has covered."""
    if fraction is None or run_fraction <= 0 or elapsed <= 0:
        return None
    return max(0.0, elapsed * (1.0 - fraction) / run_fraction)


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}"


def render(info: ProgressInfo) -> str:
    """The bar's text, e.g. `[#####.....]  52% 52,000 records 52 pages 41,000 rec/s 0:00:01 ETA 0:00:01`."""
    parts = []
    if info.fraction is not None:
        filled = int(info.fraction * 20)
        parts.append(f"[{'#' * filled}{'.' * (20 - filled)}] {info.fraction * 100:3.0f}%")
    parts.append(f"{info.records:,} records")
    parts.append(f"{info.pages:,} pages")
    parts.append(f"{info.rate:,.0f} rec/s")
    parts.append(f"{_clock(info.elapsed)} elapsed")
    if info.eta is not None and not info.done:
        parts.append(f"ETA {_clock(info.eta)}")
    return "  ".join(parts)


class Meter:
    """Counts an export's progress and reports it (throttled) to a bar and/or a callback."""

    def __init__(
        self,
        *,
        callback: ProgressCallback | None = None,
        stream: TextIO | None = None,
        span: tuple[float, float] | None = None,
        records: int = 0,
        pages: int = 0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._callback = callback
        self._stream = stream
        self._span = span
        self._clock = clock
        self._started = clock()
        self._last_shown = float("-inf")
        self.records = self._initial_records = records
        self.pages = pages
        self._fraction: float | None = None
        self._initial_fraction: float | None = None

    def update(self, records: int, pages: int, created: str | None) -> None:
        """Add a page of `records` (the last one created at `created`) and report if it is time."""
        self.records += records
        self.pages += pages
        fraction = fraction_done(self._span, created)
        if fraction is not None:
            if self._initial_fraction is None:
                self._initial_fraction = self._fraction if self._fraction is not None else 0.0
            self._fraction = fraction
        if self._clock() - self._last_shown >= defaults.PROGRESS_REFRESH:
            self._report(done=False)

    def snapshot(self, *, done: bool) -> ProgressInfo:
        """The progress now."""
        elapsed = max(0.0, self._clock() - self._started)
        run_records = self.records - self._initial_records
        fraction = 1.0 if done and self._span is not None else self._fraction
        covered = (fraction or 0.0) - (self._initial_fraction or 0.0)
        return ProgressInfo(
            records=self.records,
            pages=self.pages,
            elapsed=elapsed,
            rate=run_records / elapsed if elapsed > 0 else 0.0,
            fraction=fraction,
            eta=0.0 if done else eta_seconds(fraction, covered, elapsed),
            done=done,
        )

    def _report(self, *, done: bool) -> None:
        self._last_shown = self._clock()
        info = self.snapshot(done=done)
        if self._callback is not None:
            self._callback(info)
        if self._stream is not None:
            self._stream.write("\r\x1b[2K" + render(info) + ("\n" if done else ""))
            self._stream.flush()

    def close(self, *, done: bool) -> None:
        """The final report (`done` when the export finished)."""
        self._report(done=done)


def make_meter(
    progress: ProgressArg, *, span: tuple[float, float] | None, records: int = 0, pages: int = 0
) -> Meter:
    """The meter `progress` asks for (see `ProgressArg`)."""
    stream: TextIO | None = None
    callback: ProgressCallback | None = None
    if callable(progress):
        callback = progress
    elif progress is True or (progress is None and sys.stderr is not None and sys.stderr.isatty()):
        stream = sys.stderr
    return Meter(callback=callback, stream=stream, span=span, records=records, pages=pages)
