"""docs/usage-archive.md documents exactly the columns and types the archive writes."""

from __future__ import annotations

import re
from pathlib import Path

from deepgram.usage import arrow

PAGE = Path(__file__).resolve().parents[2] / "docs" / "usage-archive.md"
SPELLING = {"string": "string", "int64": "int64", "float64": "float64",
            "timestamp": "timestamp[us, UTC]", "list<string>": "list&lt;string&gt;"}


def test_the_schema_table_lists_every_column_with_its_type() -> None:
    section = PAGE.read_text(encoding="utf-8").split("## The Parquet schema", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `(\w+)` \| ([^|]+?) \|", section, re.MULTILINE)
    documented = [(name, kind.replace(" (never null)", "")) for name, kind in rows]
    assert documented == [(name, SPELLING[kind]) for name, kind in arrow.COLUMNS]
