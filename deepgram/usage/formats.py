"""Export formats: how a page becomes bytes of whole lines, and which page shape each one reads.

JSONL writes each record's bytes exactly as the API sent them (one per line, no re-encoding);
CSV decodes typed records and writes the columns of `deepgram.usage.csv_columns`. Both mask
credentials in callback URLs (`deepgram.usage.redaction`) unless made with `redact=False`.
"""

from __future__ import annotations

import csv
import io
from typing import Any, Protocol, TypeVar

import msgspec

from deepgram.core.endpoint import Endpoint
from deepgram.errors import DeepgramValueError
from deepgram.resources.usage_types import UsageRequestsResponse
from deepgram.usage.csv_columns import HEADER, row
from deepgram.usage.redaction import redact_records, redact_text
from deepgram.usage.wire import RAW_PAGES, TYPED_PAGES, RawPage, raw_ids, raw_keep, typed_ids, typed_keep

P = TypeVar("P")


class Format(Protocol[P]):
    """What the exporter needs from a format."""

    name: str
    endpoint: Endpoint[P]

    def header(self) -> bytes: ...

    def encode(self, page: P) -> bytes: ...

    def ids(self, page: P) -> list[str]: ...

    def keep(self, page: P, mask: list[bool]) -> None: ...

    def count(self, page: P) -> int: ...

    def last_created(self, page: P) -> str | None: ...


def _one_line(data: bytes) -> bytes:
    if b"\n" in data or b"\r" in data:  # a pretty-printed body: same JSON, on one line
        data = msgspec.json.encode(msgspec.json.decode(data))
    return data


class Jsonl:
    """One request record per line, byte for byte as the API returned it (credentials masked)."""

    name = "jsonl"
    endpoint: Endpoint[RawPage] = RAW_PAGES

    def __init__(self, *, redact: bool = True) -> None:
        self.redact = redact

    def header(self) -> bytes:
        return b""

    def encode(self, page: RawPage) -> bytes:
        if not page.requests:
            return b""
        records = [bytes(record) for record in page.requests]
        if self.redact:
            records = redact_records(records, page.stamps)
        return b"\n".join(_one_line(record) for record in records) + b"\n"

    def ids(self, page: RawPage) -> list[str]:
        return raw_ids(page)

    def keep(self, page: RawPage, mask: list[bool]) -> None:
        raw_keep(page, mask)

    def count(self, page: RawPage) -> int:
        return len(page.requests)

    def last_created(self, page: RawPage) -> str | None:
        return page.stamps[-1].created if page.stamps else None


class Csv:
    """A header line, then one row per record (RFC 4180 quoting, `\\n` line ends, UTF-8)."""

    name = "csv"
    endpoint: Endpoint[UsageRequestsResponse] = TYPED_PAGES

    def __init__(self, *, redact: bool = True) -> None:
        self.redact = redact

    @staticmethod
    def _rows(rows: list[Any]) -> bytes:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(rows)
        return buffer.getvalue().encode()

    def header(self) -> bytes:
        return self._rows([list(HEADER)])

    def encode(self, page: UsageRequestsResponse) -> bytes:
        rows = [row(record) for record in page.requests]
        if self.redact:
            rows = [[redact_text(c) if isinstance(c, str) else c for c in cells] for cells in rows]
        return self._rows(rows)

    def ids(self, page: UsageRequestsResponse) -> list[str]:
        return typed_ids(page)

    def keep(self, page: UsageRequestsResponse, mask: list[bool]) -> None:
        typed_keep(page, mask)

    def count(self, page: UsageRequestsResponse) -> int:
        return len(page.requests)

    def last_created(self, page: UsageRequestsResponse) -> str | None:
        return page.requests[-1].created if page.requests else None


FORMATS: dict[str, type[Jsonl] | type[Csv]] = {"jsonl": Jsonl, "csv": Csv}


def get_format(name: str, *, redact: bool = True) -> Format[Any]:
    """The format called `name`; anything else is a `DeepgramValueError` before any request."""
    try:
        return FORMATS[name.lower()](redact=redact)
    except (KeyError, AttributeError):
        raise DeepgramValueError(f"format must be one of {', '.join(FORMATS)}, got {name!r}") from None
