"""The paging strategy as pure state: window pinning, which page to request next, AIMD concurrency
and bounded de-duplication. No I/O here; `deepgram.usage.scrape` is the shell that sends requests.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field

from deepgram.core.dates import DateLike, parse_when


def _end_instant(when: dt.date | dt.datetime) -> dt.datetime:
    """The last instant a bound covers: a bare date covers its whole day; naive times are UTC."""
    if isinstance(when, dt.datetime):
        return when if when.tzinfo is not None else when.replace(tzinfo=dt.timezone.utc)
    midnight = dt.datetime(when.year, when.month, when.day, tzinfo=dt.timezone.utc)
    return midnight + dt.timedelta(days=1) - dt.timedelta(microseconds=1)


def _start_instant(when: dt.date | dt.datetime) -> dt.datetime:
    if isinstance(when, dt.datetime):
        return when if when.tzinfo is not None else when.replace(tzinfo=dt.timezone.utc)
    return dt.datetime(when.year, when.month, when.day, tzinfo=dt.timezone.utc)


def format_utc(moment: dt.datetime) -> str:
    """`YYYY-MM-DDTHH:MM:SSZ` (whole seconds, UTC)."""
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class Window:
    """The bounds sent with every page of one scrape; `end` is never open nor in the future."""

    start: str | None
    end: str
    pinned: bool  # True when `end` was replaced by the moment the scrape started

    @property
    def empty(self) -> bool:
        """A start after the pinned end (a start in the future): nothing can match."""
        if self.start is None:
            return False
        return _start_instant(parse_when(self.start)) > _end_instant(parse_when(self.end))

    def span_end(self) -> float:
        """The last instant of the window, as unix seconds."""
        return _end_instant(parse_when(self.end)).timestamp()

    def span(self) -> tuple[float, float] | None:
        """(start, end) as unix seconds, when both are known; used to estimate progress."""
        if self.start is None:
            return None
        return _start_instant(parse_when(self.start)).timestamp(), self.span_end()


def pin_window(start: DateLike | None, end: DateLike | None, *, now: dt.datetime) -> Window:
    """Fix the window's end so records arriving during the scrape cannot shift pages.

    A missing `end`, or one covering instants after `now`, becomes `now` cut to whole seconds:
    every record at or before it already exists, so offset paging over the window is stable.
    """
    if now.tzinfo is None:
        now = now.replace(tzinfo=dt.timezone.utc)
    now = now.replace(microsecond=0)
    start_text = None if start is None else _text(start)
    if end is None or _end_instant(parse_when(end, name="end")) > now:
        return Window(start_text, format_utc(now), pinned=True)
    return Window(start_text, _text(end), pinned=False)


def _text(value: DateLike) -> str:
    return value if isinstance(value, str) else value.isoformat()


@dataclass
class PagePlan:
    """Which page to request next. Pages count from `first`; the first short page is the last one.

    The API gives no total, so pages are requested speculatively: page `first` alone as a probe
    (a small window costs one request), then up to the concurrency limit at once, never more than
    `ahead` pages past the next one to hand out (bounded memory), never past the known last page.
    """

    page_size: int
    ahead: int
    first: int = 0
    next_fresh: int = field(init=False)
    next_out: int = field(init=False)  # the next page to hand to the consumer
    last: int | None = field(init=False, default=None)
    answered: int = field(init=False, default=0)

    def __post_init__(self) -> None:
        self.next_fresh = self.next_out = self.first

    def take(self, in_flight: int, allowed: int) -> int | None:
        """The next page to request now, or None (limit reached, probing, or past the end)."""
        if in_flight >= allowed or self.next_fresh >= self.next_out + self.ahead:
            return None
        if self.last is not None and self.next_fresh > self.last:
            return None
        if self.answered == 0 and self.next_fresh > self.first:
            return None  # wait for the probe: it may be the only page
        page = self.next_fresh
        self.next_fresh += 1
        return page

    def answer(self, page: int, count: int) -> bool:
        """Record a page's answer; False when it lies past the last page and must be discarded."""
        self.answered += 1
        if count < self.page_size and (self.last is None or page < self.last):
            self.last = page
        return self.last is None or page <= self.last

    def needed(self, page: int) -> bool:
        """Whether a page in flight may still hold records of the window."""
        return self.last is None or page <= self.last

    def handed_out(self) -> None:
        """The consumer took page `next_out`."""
        self.next_out += 1

    @property
    def done(self) -> bool:
        """Every page up to the last one has been handed out."""
        return self.last is not None and self.next_out > self.last


@dataclass
class Throttle:
    """Additive-increase, multiplicative-decrease limit on pages in flight.

    A 429 halves the limit (once per congestion event: requests sent before the last cut do not
    cut again) and pauses new requests for the server's Retry-After; each success adds
    `1 / limit`, so the limit grows back by about one per round of successful requests.
    """

    ceiling: int
    floor: int = 1
    limit: float = field(init=False)
    paused_until: float = field(init=False, default=0.0)
    last_cut: float = field(init=False, default=float("-inf"))
    cuts: int = field(init=False, default=0)

    def __post_init__(self) -> None:
        if self.ceiling < 1:
            raise ValueError("the concurrency ceiling must be at least 1")
        self.limit = float(self.ceiling)

    def allowed(self, now: float) -> int:
        """Pages that may be in flight at `now` (0 while paused)."""
        if now < self.paused_until:
            return 0
        return max(self.floor, int(self.limit))

    def pause_left(self, now: float) -> float:
        """Seconds until requests may be sent again."""
        return max(0.0, self.paused_until - now)

    def success(self) -> None:
        """A page arrived."""
        self.limit = min(float(self.ceiling), self.limit + 1.0 / self.limit)

    def throttled(self, *, sent_at: float, now: float, retry_after: float | None, pause: float) -> None:
        """A request sent at `sent_at` got a 429 at `now`."""
        self.paused_until = max(self.paused_until, now + (retry_after if retry_after is not None else pause))
        if sent_at >= self.last_cut:
            self.limit = max(float(self.floor), self.limit / 2.0)
            self.last_cut = now
            self.cuts += 1


class RecentIds:
    """Request ids of the last few pages, to drop a record that shows up twice across a page boundary.

    Bounded on purpose: with a pinned window pages are stable, so a repeat can only be a neighbour.
    """

    def __init__(self, pages: int, seed: Sequence[str] = ()) -> None:
        self._pages: deque[frozenset[str]] = deque(maxlen=max(1, pages) + 1)
        if seed:
            self._pages.append(frozenset(seed))

    def keep(self, ids: Sequence[str]) -> list[bool] | None:
        """Which records of a page are new (None = all of them, the usual case); remembers the page."""
        named = [request_id for request_id in ids if request_id]  # a record without an id is kept
        page = frozenset(named)
        clash = len(page) != len(named) or any(not seen.isdisjoint(page) for seen in self._pages)
        self._pages.append(page)
        if not clash:
            return None
        seen_before = frozenset().union(*list(self._pages)[:-1])
        mask: list[bool] = []
        on_page: set[str] = set()
        for request_id in ids:
            fresh = not request_id or (request_id not in seen_before and request_id not in on_page)
            if request_id:
                on_page.add(request_id)
            mask.append(fresh)
        return mask

    def last_page(self) -> list[str]:
        """The ids of the most recent page (saved in export checkpoints)."""
        return sorted(self._pages[-1]) if self._pages else []
