"""Output helpers shared by the cookbook scripts: an aligned table for people, JSON for scripts."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Sequence
from datetime import datetime, timezone
from typing import Any


def table(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> None:
    """Print `rows` as an aligned table with upper-case headers; `(none)` when there are none."""
    if not rows:
        print("(none)")
        return
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    print("  ".join(c.upper().ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip())
    for row in cells:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())


def dump(value: Any) -> None:
    """Print `value` as indented JSON on stdout."""
    json.dump(value, sys.stdout, indent=2, default=str)
    print()


def parse_time(text: str | None) -> datetime | None:
    """An API timestamp (`2026-01-22T03:16:00.000Z`) as an aware datetime, to the second."""
    if not text:
        return None
    # Fractions of a second dropped: Python 3.10 reads only 3 or 6 digits of them.
    return datetime.fromisoformat(re.sub(r"\.\d+", "", text).replace("Z", "+00:00"))


def now() -> datetime:
    return datetime.now(timezone.utc)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ",".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:,.2f}"
    return str(value)
