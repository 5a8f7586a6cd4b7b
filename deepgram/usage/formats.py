"""Export formats: how a page becomes bytes of whole lines, and which page shape each one reads.

JSONL writes each record's bytes exactly as the API sent them (one per line, no re-encoding);
CSV decodes typed records and writes the columns of `deepgram.usage.csv_columns`. Both mask
credentials in callback URLs (`deepgram.usage.redaction`) unless made with `redact=False`. CSV
text cells that start like a formula (`=`, `+`, `-`, `@`, tab, CR) get a leading `'`, so a value
from the server cannot run in a spreadsheet, unless made with `neutralize_formulas=False`.
"""

from __future__ import annotations

import csv
import io
from typing import Any, Protocol, TypeVar

import msgspec

from deepgram.core.operation import Operation
from deepgram.errors import DeepgramValueError
from deepgram.resources.usage_types import UsageRequestsResponse
from deepgram.usage.csv_columns import HEADER, row
from deepgram.usage.redaction import redact_records, redact_text
from deepgram.usage.wire import RAW_PAGES, TYPED_PAGES, RawPage, raw_ids, raw_keep, typed_ids, typed_keep

P = TypeVar("P")

# A cell starting with one of these is run as a formula by spreadsheet programs (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralize(cell: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula, prefixed with `'` so it is shown as text."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


class Format(Protocol[P]):
    """What the exporter needs from a format."""

    name: str
    endpoint: Operation[P]

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
    endpoint: Operation[RawPage] = RAW_PAGES

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
    endpoint: Operation[UsageRequestsResponse] = TYPED_PAGES

    def __init__(self, *, redact: bool = True, neutralize_formulas: bool = True) -> None:
        self.redact = redact
        self.neutralize_formulas = neutralize_formulas

    @staticmethod
    def _rows(rows: list[Any]) -> bytes:
        buffer = io.StringIO()
        plain = csv.writer(buffer, lineterminator="\n")
        # The writer quotes only cells holding its "\n" terminator; one holding a bare CR must be
        # quoted as well or readers would split the record there.
        quoted = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
        for cells in rows:
            carriage = any(isinstance(cell, str) and "\r" in cell for cell in cells)
            (quoted if carriage else plain).writerow(cells)
        return buffer.getvalue().encode()

    def header(self) -> bytes:
        return self._rows([list(HEADER)])

    def encode(self, page: UsageRequestsResponse) -> bytes:
        rows = [row(record) for record in page.requests]
        if self.redact:
            rows = [[redact_text(c) if isinstance(c, str) else c for c in cells] for cells in rows]
        if self.neutralize_formulas:
            rows = [[neutralize(c) for c in cells] for cells in rows]
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


def get_format(name: str, *, redact: bool = True, neutralize_formulas: bool = True) -> Format[Any]:
    """The format called `name`; anything else is a `DeepgramValueError` before any request."""
    try:
        kind = FORMATS[name.lower()]
    except (KeyError, AttributeError):
        raise DeepgramValueError(f"format must be one of {', '.join(FORMATS)}, got {name!r}") from None
    if kind is Csv:
        return Csv(redact=redact, neutralize_formulas=neutralize_formulas)
    return kind(redact=redact)
