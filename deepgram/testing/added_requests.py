"""Requests added to a log while the emulator runs: late arrivals, custom callbacks, pending usage.

The generated log is a pure function of the seed, so tests that need a record arriving late
(created in the past, visible only from now on), a callback URL of their choosing, or usage that
settles after a delay add it here. Paging merges these into the generated log in `created` order
at O(limit + added) per page; the usage aggregates (`/usage`, breakdowns, billing) ignore them.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import msgspec

from .seed_data import det_uuid

if TYPE_CHECKING:
    from .request_log import RecordFilter, RequestLog
    from .stats import Window


@dataclass(frozen=True)
class AddedRequest:
    """One added request: its id and times (epoch ms), the slot it copies, and its callback."""

    request_id: str
    created_ms: int
    visible_ms: int  # it is in the log from this emulator time on
    settled_ms: int  # `response.details.usd` is present from this emulator time on
    slot: int
    callback: str | None


class AddedRequests:
    """The added requests of one log, oldest first, and how they merge into its pages."""

    def __init__(self, log: RequestLog, now_ms: Callable[[], int]) -> None:
        self._log = log
        self._now_ms = now_ms
        self._items: list[AddedRequest] = []
        self._by_id: dict[str, AddedRequest] = {}

    def __len__(self) -> int:
        return len(self._items)

    def add(
        self, *, created_ms: int, visible_ms: int, settled_ms: int, slot: int | None, callback: str | None
    ) -> AddedRequest:
        """Add one request; the slot defaults to a successful one (with usage to settle)."""
        n = len(self._items)
        if slot is None:
            slot = next(i for i, s in enumerate(self._log.slots) if s.succeeded and s.endpoint == "listen")
        request_id = det_uuid(self._log.seed, self._log.project_id, "added", n)
        item = AddedRequest(request_id, created_ms, visible_ms, settled_ms, slot % len(self._log.slots),
                            callback)
        bisect.insort(self._items, item, key=lambda added: (added.created_ms, added.request_id))
        self._by_id[request_id] = item
        return item

    def visible(self, window: Window, record_filter: RecordFilter) -> list[AddedRequest]:
        """Those in the log now, within the window and passing the filter, newest first."""
        now = self._now_ms()
        return [
            item
            for item in reversed(self._items)
            if item.visible_ms <= now
            and window.start_ms <= item.created_ms <= window.end_ms
            and record_filter.accepts(self._log.slots[item.slot])
        ]

    def find(self, request_id: str) -> AddedRequest | None:
        """A visible added request by id."""
        item = self._by_id.get(request_id.lower())
        return item if item is not None and item.visible_ms <= self._now_ms() else None

    def render(self, item: AddedRequest) -> bytes:
        """The record of an added request, as JSON."""
        raw = self._log.render_as(item.slot, item.request_id, item.created_ms)
        if item.callback is None and item.settled_ms <= self._now_ms():
            return raw
        record: dict[str, Any] = msgspec.json.decode(raw)
        if item.callback is not None:
            record["callback"] = item.callback
            path = str(record.get("path", ""))
            joiner = "&" if "?" in path else "?"
            record["path"] = f"{path}{joiner}callback={quote(item.callback, safe='')}"
        details = (record.get("response") or {}).get("details")
        if details is not None and item.settled_ms > self._now_ms():
            details.pop("usd", None)
        return msgspec.json.encode(record)

    def page(
        self, window: Window, record_filter: RecordFilter, page: int, limit: int
    ) -> list[bytes]:
        """Page `page` of the window: generated and added records merged, newest first."""
        log = self._log
        added = self.visible(window, record_filter)
        lo, hi = window.seqs
        matches = log.matches(record_filter)
        base = matches.before(lo) if matches.per_period else 0
        generated = matches.before(hi) - base if matches.per_period else 0
        # Where each added record lands in the merged order: after every newer generated one.
        positions: dict[int, AddedRequest] = {}
        for j, item in enumerate(added):
            first_older = min(hi, max(lo, log.timeline.first_at_or_after(item.created_ms + 1)))
            newer = matches.before(hi) - matches.before(first_older) if matches.per_period else 0
            positions[j + newer] = item
        first = page * limit
        last = min(generated + len(added), first + limit)
        before = sum(1 for position in positions if position < first)
        out: list[bytes] = []
        for position in range(first, last):
            placed = positions.get(position)
            if placed is not None:
                out.append(self.render(placed))
                before += 1
                continue
            rank = position - before
            out.append(log.record_json(matches.nth(base + generated - 1 - rank)))
        return out
