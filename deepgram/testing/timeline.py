"""When each request of a log was made: sequence numbers (0 = oldest) to epoch milliseconds and back.

Seeded requests are evenly spaced and end at the emulator's start time; in live mode further
requests keep arriving after it at a fixed rate, so the head of the log moves while a client pages.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

DAY_MS = 86_400_000
SEED_SPAN_MS = 60 * DAY_MS  # seeded history covers the last 60 days


def wall_clock_ms() -> int:
    """Current UTC time in epoch milliseconds."""
    return int(time.time() * 1000)


@dataclass
class Clock:
    """The emulator's notion of now: the wall clock plus an offset tests may advance."""

    offset_ms: int = 0
    source: Callable[[], int] = field(default=wall_clock_ms)

    def now_ms(self) -> int:
        """Current emulator time in epoch milliseconds."""
        return self.source() + self.offset_ms

    def advance(self, seconds: float) -> None:
        """Move the emulator's time forward (live logs grow accordingly)."""
        self.offset_ms += int(seconds * 1000)


@dataclass(frozen=True)
class Timeline:
    """Creation times of a log with `base` seeded requests ending at `anchor_ms`, plus live arrivals."""

    base: int
    anchor_ms: int
    clock: Clock
    live_per_second: float = 0.0

    @cached_property
    def spacing_ms(self) -> int:
        """Gap between two seeded requests."""
        return max(1, SEED_SPAN_MS // max(1, self.base))

    @cached_property
    def origin_ms(self) -> int:
        """Creation time of the oldest request."""
        return self.anchor_ms - (self.base - 1) * self.spacing_ms

    @cached_property
    def live_spacing_ms(self) -> int:
        """Gap between two live arrivals."""
        return max(1, int(1000 / self.live_per_second)) if self.live_per_second > 0 else 0

    def count(self) -> int:
        """How many requests exist now (grows in live mode)."""
        if not self.live_per_second:
            return self.base
        elapsed = self.clock.now_ms() - self.anchor_ms
        return self.base + max(0, elapsed // self.live_spacing_ms)

    def created_ms(self, seq: int) -> int:
        """Creation time of request `seq` (0 = oldest)."""
        if seq < self.base:
            return self.origin_ms + seq * self.spacing_ms  # the common case first: cheapest path
        return self.anchor_ms + (seq - self.base + 1) * self.live_spacing_ms

    def first_at_or_after(self, t_ms: int) -> int:
        """The smallest sequence number created at or after `t_ms` (may equal the count)."""
        if t_ms <= self.origin_ms:
            return 0
        if t_ms <= self.anchor_ms or not self.live_per_second:
            return min(self.base, -((self.origin_ms - t_ms) // self.spacing_ms))
        return self.base + max(0, -((self.anchor_ms - t_ms) // self.live_spacing_ms) - 1)

    def range_for(self, start_ms: int | None, end_ms: int | None) -> tuple[int, int]:
        """The half-open sequence range [lo, hi) created within [start_ms, end_ms], capped at now."""
        now = self.count()
        lo = 0 if start_ms is None else min(now, self.first_at_or_after(start_ms))
        hi = now if end_ms is None else min(now, self.first_at_or_after(end_ms + 1))
        return lo, max(lo, hi)
