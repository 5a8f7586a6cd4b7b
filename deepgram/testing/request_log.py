"""A project's usage-request log, generated on demand and never stored.

Request `seq` (0 = oldest) is a pure function of the seed, the project and `seq`: its slot is
`seq % PERIOD` (see `traffic`), its time comes from the `Timeline`, its id encodes `seq` reversibly.
Filtered paging ranks matches with per-slot prefix counts, so any page of a 10-million-request log
costs O(limit): only the records on the page are ever built.
"""

from __future__ import annotations

import time
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import Any, Literal

import msgspec

from .added_requests import AddedRequests
from .seed_data import det_hex
from .timeline import Timeline
from .traffic import PERIOD, Slot, failure_message

Shapes = Literal["current", "legacy"]
_MASK48 = (1 << 48) - 1
_MASK80 = (1 << 80) - 1
_MIX = 0x9E3779B97F4A7C15F39D  # odd 80-bit multiplier: scrambles the visible digits
_VARIANTS = "89ab"
_HOLE_ID, _HOLE_CREATED, _HOLE_COMPLETED = 0, 1, 2
_IN_ORDER = (0, 1, 2)
_SENTINELS = {b"ID": _HOLE_ID, b"CREATED": _HOLE_CREATED, b"COMPLETED": _HOLE_COMPLETED}
_Template = tuple[bytes, tuple[int, ...]]


@dataclass(frozen=True)
class RecordFilter:
    """Slot-level predicates shared by `/requests`, `/usage*` and `/billing/*`; None means any."""

    endpoint: str | None = None
    method: str | None = None
    deployment: str | None = None
    accessor: str | None = None
    status: str | None = None  # "succeeded" | "failed"
    model: str | None = None  # model uuid or canonical name
    tag: str | None = None
    line_item: str | None = None
    features_on: frozenset[str] = frozenset()  # OR-ed: keep requests using any of these
    features_off: frozenset[str] = frozenset()  # AND-ed: drop requests using any of these

    def accepts(self, slot: Slot) -> bool:
        """Whether requests of this slot pass the filter."""
        return (
            (self.endpoint is None or slot.endpoint == self.endpoint)
            and (self.method is None or slot.method == self.method)
            and (self.deployment is None or slot.deployment == self.deployment)
            and (self.accessor is None or slot.accessor == self.accessor)
            and (self.status is None or (self.status == "succeeded") == slot.succeeded)
            and (self.status != "failed" or slot.code >= 400)
            and (self.model is None or self.model in (slot.model.uuid, slot.model.canonical_name))
            and (self.tag is None or self.tag in slot.tags)
            and (self.line_item is None or slot.line_item == self.line_item)
            and (not self.features_on or bool(self.features_on.intersection(slot.features)))
            and not self.features_off.intersection(slot.features)
        )


class Matches:
    """Which slots pass a filter, with prefix counts to rank matches anywhere in the log in O(1)."""

    def __init__(self, slots: list[Slot], accept: Callable[[Slot], bool]) -> None:
        flags = [1 if accept(slot) else 0 for slot in slots]
        self.offsets = array("i", (i for i, flag in enumerate(flags) if flag))
        self.prefix = array("q", accumulate(flags, initial=0))
        self.per_period = len(self.offsets)

    def before(self, seq: int) -> int:
        """How many matching requests have a sequence number below `seq`."""
        q, r = divmod(seq, PERIOD)
        return q * self.per_period + self.prefix[r]

    def nth(self, rank: int) -> int:
        """The sequence number of the `rank`-th matching request (0 = oldest match)."""
        q, r = divmod(rank, self.per_period)
        return q * PERIOD + self.offsets[r]


class RequestLog:
    """The lazily generated request log of one project."""

    def __init__(
        self, seed: int, project_id: str, slots: list[Slot], timeline: Timeline, shapes: Shapes
    ) -> None:
        self.seed = seed
        self.project_id = project_id
        self.slots = slots
        self.timeline = timeline
        self.shapes = shapes
        self.records_built = 0  # how many records were ever rendered: proves laziness in tests
        self._mask = int(det_hex(seed, project_id, "request-mask", length=12), 16)
        self._salt = int(det_hex(seed, project_id, "request-salt", length=8), 16)
        self._templates: list[_Template] = [self._template(slot) for slot in slots]
        self.matches = lru_cache(maxsize=64)(self._matches)
        self.added = AddedRequests(self, timeline.clock.now_ms)  # late arrivals tests add

    def __len__(self) -> int:
        return self.timeline.count()

    def _matches(self, record_filter: RecordFilter) -> Matches:
        return Matches(self.slots, record_filter.accepts)

    def slot(self, seq: int) -> Slot:
        """The slot (shared attributes) of request `seq`."""
        return self.slots[seq % PERIOD]

    # ids ---------------------------------------------------------------------------------------

    def request_id(self, seq: int) -> str:
        """The UUID-shaped id of request `seq`; its last group encodes `seq` under a per-log mask."""
        x = f"{((seq + self._salt) * _MIX) & _MASK80:020x}"
        tail = (seq ^ self._mask) & _MASK48
        return f"{x[:8]}-{x[8:12]}-4{x[12:15]}-{_VARIANTS[seq & 3]}{x[15:18]}-{tail:012x}"

    def seq_of(self, request_id: str) -> int | None:
        """The sequence number a request id names, or None if no request of this log has it."""
        tail = request_id.rsplit("-", 1)[-1]
        if len(tail) != 12 or len(request_id) != 36:
            return None
        try:
            seq = (int(tail, 16) ^ self._mask) & _MASK48
        except ValueError:
            return None
        if seq >= len(self) or self.request_id(seq) != request_id.lower():
            return None
        return seq

    # paging ------------------------------------------------------------------------------------

    def page(
        self, seq_range: tuple[int, int], record_filter: RecordFilter, page: int, limit: int
    ) -> list[int]:
        """Sequence numbers on `page` of the matches within `seq_range`, newest first."""
        lo, hi = seq_range
        matches = self.matches(record_filter)
        if not matches.per_period:
            return []
        base = matches.before(lo)
        total = matches.before(hi) - base
        first = page * limit
        last = min(total, first + limit)
        return [matches.nth(base + total - 1 - k) for k in range(first, last)]

    def iter_newest_first(self, seq_range: tuple[int, int], record_filter: RecordFilter) -> Iterator[int]:
        """Every matching sequence number in `seq_range`, newest first, lazily."""
        lo, hi = seq_range
        matches = self.matches(record_filter)
        if not matches.per_period:
            return
        base = matches.before(lo)
        for rank in range(matches.before(hi) - 1, base - 1, -1):
            yield matches.nth(rank)

    # rendering ---------------------------------------------------------------------------------

    def render(self, seqs: list[int]) -> bytes:
        """The JSON array of the records `seqs`, in that order."""
        return b"[" + b",".join(self.record_json(seq) for seq in seqs) + b"]"

    def record_json(self, seq: int) -> bytes:
        """One record as JSON, by filling the holes of its slot's precomputed template."""
        return self.render_as(seq % PERIOD, self.request_id(seq), self.timeline.created_ms(seq))

    def render_as(self, slot: int, request_id: str, created: int) -> bytes:
        """The record of slot `slot` with the given id and creation time (epoch ms)."""
        self.records_built += 1
        fmt, holes = self._templates[slot]
        values = (
            request_id.encode(),
            iso_ms_bytes(created),
            iso_ms_bytes(created + self.slots[slot].latency_ms),
        )
        return fmt % (values if holes == _IN_ORDER else tuple(values[hole] for hole in holes))

    def record(self, seq: int) -> dict[str, Any]:
        """One record as a Python dict (for tests and assertions)."""
        decoded: dict[str, Any] = msgspec.json.decode(self.record_json(seq))
        return decoded

    def _template(self, slot: Slot) -> _Template:
        """Encode a slot's record once, as a `%`-format with a hole where id and timestamps go."""
        encoded = msgspec.json.encode(self._record_shape(slot))
        literal: list[bytes] = []
        holes: list[int] = []
        for i, chunk in enumerate(encoded.split(b"@@")):
            if i % 2:
                holes.append(_SENTINELS[chunk])
                literal.append(b"%s")
            else:
                literal.append(chunk.replace(b"%", b"%%"))
        return b"".join(literal), tuple(holes)

    def _record_shape(self, slot: Slot) -> dict[str, Any]:
        """The record of a slot, with `@@NAME@@` where per-request values go."""
        query = "&".join(f"{k}={str(v).lower()}" for k, v in slot.config().items())
        response: dict[str, Any] = {"code": slot.code, "completed": "@@COMPLETED@@"}
        if slot.succeeded:
            response["details"] = self._details(slot)
            if slot.endpoint == "speak":
                response["tts_details"] = {
                    "duration": round(slot.tts_characters / 15 / 3600, 6),
                    "speech_segments": [
                        {
                            "characters": slot.tts_characters,
                            "model": slot.model.canonical_name,
                            "tier": "aura",
                        }
                    ],
                }
            if slot.tokens_in or slot.tokens_out:
                response["token_details"] = [
                    {
                        "feature": slot.endpoint,
                        "input": slot.tokens_in,
                        "model": slot.model.canonical_name,
                        "output": slot.tokens_out,
                    }
                ]
        else:
            response["message"] = failure_message(slot.code)
        record: dict[str, Any] = {
            "request_id": "@@ID@@",
            "project_uuid": self.project_id,
            "created": "@@CREATED@@",
            "path": f"/v1/{slot.endpoint}?{query}",
            "api_key_id": slot.accessor,
            "accessor": slot.accessor,
            "code": slot.code,
            "deployment": slot.deployment,
            "response": response,
        }
        if slot.method == "async":
            if self.shapes == "legacy":
                record["callback"] = {"attempts": 1, "code": 200, "completed": "@@COMPLETED@@"}
            else:
                record["callback"] = "https://hooks.example.com/deepgram/callback"
        return record

    @staticmethod
    def _details(slot: Slot) -> dict[str, Any]:
        """`response.details` of a successful request."""
        hours = slot.duration_ms / 3_600_000
        return {
            "usd": slot.usd_micro / 1_000_000,
            "duration": hours,
            "total_audio": hours * (slot.channels if slot.endpoint == "listen" else 1),
            "channels": slot.channels,
            "streams": 1,
            "method": slot.method,
            "tier": slot.model.architecture,
            "models": [slot.model.uuid],
            "tags": list(slot.tags),
            "features": list(slot.features),
            "config": slot.config(),
        }


def iso_ms(epoch_ms: int) -> str:
    """Epoch milliseconds as `YYYY-MM-DDTHH:MM:SS.mmmZ`."""
    return iso_ms_bytes(epoch_ms).decode()


_MINUTES = tuple(f"{m // 60:02d}:{m % 60:02d}:".encode() for m in range(1440))
_SECONDS = tuple(f"{s:02d}.".encode() for s in range(60))
_MILLIS = tuple(f"{ms:03d}Z".encode() for ms in range(1000))


@lru_cache(maxsize=1024)
def _day_prefix(day: int) -> bytes:
    return time.strftime("%Y-%m-%dT", time.gmtime(day * 86_400)).encode()


def iso_ms_bytes(epoch_ms: int) -> bytes:
    """`iso_ms` as bytes, from lookup tables: the hot path of page rendering."""
    day, rest = divmod(epoch_ms, 86_400_000)
    minute, rest = divmod(rest, 60_000)
    second, millis = divmod(rest, 1000)
    return _day_prefix(day) + _MINUTES[minute] + _SECONDS[second] + _MILLIS[millis]
