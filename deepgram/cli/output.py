"""How the command line prints results: aligned tables for people, JSON for scripts."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

import msgspec

Row = Sequence[Any]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ",".join(_cell(item) for item in value)
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)


def plain(value: Any) -> Any:
    """Response objects (msgspec structs, lists of them) as JSON-ready data."""
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    return msgspec.to_builtins(value)


class Output:
    """Writes results to `stream` as a table (default) or as JSON (`json=True`)."""

    def __init__(self, *, json: bool = False, stream: TextIO | None = None) -> None:
        self.json = json
        self.stream = stream if stream is not None else sys.stdout

    def line(self, text: str = "") -> None:
        """One line of text."""
        self.stream.write(text + "\n")

    def data(self, value: Any) -> None:
        """Any result as indented JSON."""
        self.stream.write(msgspec.json.format(msgspec.json.encode(plain(value)), indent=2).decode() + "\n")

    def table(self, headers: Sequence[str], rows: Iterable[Row]) -> None:
        """An aligned table with a header line; `(none)` when there are no rows."""
        cells = [[_cell(value) for value in row] for row in rows]
        if not cells:
            self.line("(none)")
            return
        widths = [max(len(headers[i]), *(len(row[i]) for row in cells)) for i in range(len(headers))]
        self.line("  ".join(h.upper().ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip())
        for row in cells:
            self.line("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())

    def result(self, value: Any, headers: Sequence[str], rows: Iterable[Row]) -> None:
        """`value` as JSON with `--json`, else `rows` as a table."""
        if self.json:
            self.data(value)
        else:
            self.table(headers, rows)

    def message(self, value: Any, text: str) -> None:
        """A confirmation: the API's message object with `--json`, else one line."""
        if self.json:
            self.data(value)
        else:
            self.line(text)


def stream_row(widths: Sequence[int], row: Row) -> str:
    """A fixed-width row for tables printed while records stream in (widths known up front)."""
    return "  ".join(_cell(value).ljust(width) for value, width in zip(row, widths, strict=False)).rstrip()
