"""Usage and billing aggregates computed from the same lazy log that `/requests` pages through.

Sums over any window use per-slot prefix sums (see `traffic`): a window of n requests costs
O(1) per group, whatever n is, and agrees exactly with adding up the records one by one.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from itertools import accumulate
from typing import Any

from .request_log import RecordFilter, RequestLog
from .timeline import DAY_MS
from .traffic import PERIOD, QUANTITIES, Slot

GroupKey = tuple[Any, ...]

#: Grouping names `/usage/breakdown` accepts, mapped to the canonical dimension.
USAGE_GROUPINGS = {
    "accessor": "accessor",
    "endpoint": "endpoint",
    "feature_set": "feature_set",
    "models": "models",
    "model": "models",
    "method": "method",
    "tags": "tags",
    "tag": "tags",
    "deployment": "deployment",
}
BILLING_GROUPINGS = ("accessor", "deployment", "line_item", "tags")
_LINE_ITEM_TEXT = {"sync": "Pre-recorded", "async": "Pre-recorded (callback)", "streaming": "Streaming"}


def dimension(slot: Slot, name: str) -> Any:
    """The value of a grouping dimension for a slot (lists for `models` and `tags`)."""
    if name == "models":
        return (slot.model.uuid,)
    if name == "tags":
        return slot.tags
    if name == "feature_set":
        return slot.feature_set
    if name == "line_item":
        return slot.line_item
    return getattr(slot, name)


class GroupedSums:
    """Per-group prefix sums of every quantity over one period of slots."""

    def __init__(self, slots: list[Slot], record_filter: RecordFilter, dims: tuple[str, ...]) -> None:
        rows: dict[GroupKey, list[tuple[int, ...]]] = {}
        zero = (0,) * len(QUANTITIES)
        for index, slot in enumerate(slots):
            if record_filter.accepts(slot):
                key = tuple(dimension(slot, d) for d in dims)
                rows.setdefault(key, [zero] * len(slots))[index] = slot.quantities()
        self.prefix: dict[GroupKey, list[array[int]]] = {
            key: [
                array("q", accumulate((row[q] for row in table), initial=0)) for q in range(len(QUANTITIES))
            ]
            for key, table in rows.items()
        }

    def between(self, lo: int, hi: int) -> dict[GroupKey, tuple[int, ...]]:
        """Totals of each group over sequence numbers [lo, hi); groups with no request are left out."""
        result: dict[GroupKey, tuple[int, ...]] = {}
        if hi <= lo:
            return result
        (qlo, rlo), (qhi, rhi) = divmod(lo, PERIOD), divmod(hi, PERIOD)
        for key, columns in self.prefix.items():
            totals = tuple((qhi - qlo) * col[PERIOD] + col[rhi] - col[rlo] for col in columns)
            if totals[0]:
                result[key] = totals
        return result


@dataclass(frozen=True)
class Window:
    """A resolved time window: bounds in epoch ms and the matching sequence range."""

    start_ms: int
    end_ms: int
    seqs: tuple[int, int]

    @property
    def start_date(self) -> str:
        """First day of the window, `YYYY-MM-DD`."""
        return _date(self.start_ms)

    @property
    def end_date(self) -> str:
        """Last day of the window, `YYYY-MM-DD`."""
        return _date(self.end_ms)


class Stats:
    """Aggregates over one project's log, with the prefix tables cached per (filter, grouping)."""

    def __init__(self, log: RequestLog) -> None:
        self.log = log
        self.sums = lru_cache(maxsize=32)(self._sums)

    def _sums(self, record_filter: RecordFilter, dims: tuple[str, ...]) -> GroupedSums:
        return GroupedSums(self.log.slots, record_filter, dims)

    def window(self, start: datetime | None, end: datetime | None) -> Window:
        """Resolve optional bounds; defaults are the first request and now."""
        timeline = self.log.timeline
        start_ms = timeline.origin_ms if start is None else _ms(start)
        end_ms = timeline.clock.now_ms() if end is None else _ms(end)
        return Window(start_ms, end_ms, timeline.range_for(start_ms, end_ms))

    def totals(self, window: Window, record_filter: RecordFilter) -> dict[str, int]:
        """Every quantity summed over a window, by name."""
        found = self.sums(record_filter, ()).between(*window.seqs)
        values = found.get((), (0,) * len(QUANTITIES))
        return dict(zip(QUANTITIES, values, strict=True))

    def summary(self, window: Window, record_filter: RecordFilter, *, legacy: bool) -> dict[str, Any]:
        """`GET /usage`: window and resolution, plus per-day `results` in the legacy shape."""
        body: dict[str, Any] = {
            "start": window.start_date,
            "end": window.end_date,
            "resolution": {"units": "day", "amount": 1},
        }
        if legacy:
            body["results"] = [self._day(day, record_filter) for day in self._days(window)]
        return body

    def _days(self, window: Window) -> list[Window]:
        """The window cut at UTC midnights."""
        days: list[Window] = []
        cursor = window.start_ms
        while cursor <= window.end_ms:
            next_midnight = (cursor // DAY_MS + 1) * DAY_MS
            end = min(window.end_ms, next_midnight - 1)
            days.append(Window(cursor, end, self.log.timeline.range_for(cursor, end)))
            cursor = next_midnight
        return days

    def _day(self, day: Window, record_filter: RecordFilter) -> dict[str, Any]:
        """One legacy `results` item."""
        t = self.totals(day, record_filter)
        return {
            "start": day.start_date,
            "end": day.end_date,
            "hours": _hours(t["listen_ms"]),
            "total_hours": _hours(t["total_ms"]),
            "requests": t["requests"],
            "tokens": {"in": t["tokens_in"], "out": t["tokens_out"]},
            "tts": {"characters": t["tts_characters"], "requests": t["tts_requests"]},
        }

    def breakdown(self, window: Window, record_filter: RecordFilter, grouping: str | None) -> dict[str, Any]:
        """`GET /usage/breakdown`: totals per value of one grouping dimension (or one overall row)."""
        dim = USAGE_GROUPINGS[grouping] if grouping else None
        groups = self.sums(record_filter, (dim,) if dim else ()).between(*window.seqs)
        results = []
        for key, values in sorted(groups.items(), key=lambda kv: (-kv[1][0], str(kv[0]))):
            t = dict(zip(QUANTITIES, values, strict=True))
            grouping_obj: dict[str, Any] = {
                "start": window.start_date,
                "end": window.end_date,
                "accessor": None,
                "endpoint": None,
                "feature_set": None,
                "method": None,
                "tags": None,
                "deployment": None,
            }
            # `models` is the one dimension the definition does not make nullable: absent unless grouped by.
            if dim:
                grouping_obj[dim] = list(key[0]) if dim in ("models", "tags") else key[0]
            results.append(
                {
                    "hours": _hours(t["listen_ms"]),
                    "total_hours": _hours(t["total_ms"]),
                    "agent_hours": _hours(t["agent_ms"]),
                    "tokens_in": t["tokens_in"],
                    "tokens_out": t["tokens_out"],
                    "tts_characters": t["tts_characters"],
                    "requests": t["requests"],
                    "grouping": grouping_obj,
                }
            )
        return {
            "start": window.start_date,
            "end": window.end_date,
            "resolution": {"units": "day", "amount": _days_between(window)},
            "results": results,
        }

    def billing_breakdown(
        self, window: Window, record_filter: RecordFilter, grouping: tuple[str, ...]
    ) -> dict[str, Any]:
        """`GET /billing/breakdown`: dollars per combination of the grouping dimensions."""
        groups = self.sums(record_filter, grouping).between(*window.seqs)
        usd = QUANTITIES.index("usd_micro")
        results = []
        for key, values in sorted(groups.items(), key=lambda kv: (-kv[1][usd], str(kv[0]))):
            grouping_obj: dict[str, Any] = {
                "start": window.start_date,
                "end": window.end_date,
                "accessor": None,
                "deployment": None,
                "line_item": None,
                "tags": None,
            }
            for dim, value in zip(grouping, key, strict=True):
                grouping_obj[dim] = list(value) if dim == "tags" else value
            results.append({"dollars": values[usd] / 1_000_000, "grouping": grouping_obj})
        return {
            "start": window.start_date,
            "end": window.end_date,
            "resolution": {"units": "day", "amount": _days_between(window)},
            "results": results,
        }

    def _slots_in(self, window: Window) -> list[Slot]:
        """The distinct slots that occur in a window (all of them once it spans a period)."""
        lo, hi = window.seqs
        if hi - lo >= PERIOD:
            return self.log.slots
        return [self.log.slot(seq) for seq in range(lo, hi)]

    def usage_fields(self, window: Window) -> dict[str, Any]:
        """`GET /usage/fields`: tags, models, methods, features and languages seen in a window."""
        slots = self._slots_in(window)
        models = {s.model.uuid: s.model for s in slots}
        return {
            "tags": sorted({t for s in slots for t in s.tags}),
            "models": [
                {"name": m.canonical_name, "language": m.languages[0], "version": m.version, "model_id": uuid}
                for uuid, m in sorted(models.items(), key=lambda kv: kv[1].canonical_name)
            ],
            "processing_methods": sorted({s.method for s in slots}),
            "features": sorted({f for s in slots for f in s.features}),
            "languages": sorted({s.language for s in slots}),
        }

    def billing_fields(self, window: Window) -> dict[str, Any]:
        """`GET /billing/fields`: accessors, deployments, tags and line items seen in a window."""
        slots = [s for s in self._slots_in(window) if s.usd_micro]
        return {
            "accessors": sorted({s.accessor for s in slots}),
            "deployments": sorted({s.deployment for s in slots}),
            "tags": sorted({t for s in slots for t in s.tags}),
            "line_items": {
                s.line_item: f"{_LINE_ITEM_TEXT[s.method]} {s.model.canonical_name}"
                for s in sorted(slots, key=lambda s: s.line_item)
            },
        }


def _ms(value: datetime) -> int:
    return int(value.timestamp() * 1000)


def _date(epoch_ms: int) -> str:
    return datetime.fromtimestamp(epoch_ms / 1000, tz=timezone.utc).strftime("%Y-%m-%d")


def _hours(ms: int) -> float:
    return ms / 3_600_000


def _days_between(window: Window) -> int:
    start = datetime.strptime(window.start_date, "%Y-%m-%d")
    end = datetime.strptime(window.end_date, "%Y-%m-%d")
    return max(1, (end - start + timedelta(days=1)).days)
