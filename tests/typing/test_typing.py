"""mypy --strict over the public surface: `accepted.py` must pass, each marked line of
`rejected.py` must fail with the expected message, and nothing else may fail."""

from __future__ import annotations

import re
from pathlib import Path

import mypy.api

HERE = Path(__file__).parent
MARK = re.compile(r"  # E: (.+)$")


def run_mypy(path: Path) -> list[tuple[int, str]]:
    """`(line, message)` for each error mypy --strict reports in `path`."""
    out, err, _ = mypy.api.run(
        ["--strict", "--no-error-summary", "--hide-error-context", "--show-error-codes", str(path)]
    )
    found = []
    for line in out.splitlines():
        match = re.match(rf"^(?:.*/)?{re.escape(path.name)}:(\d+): error: (.*)$", line)
        if match:
            found.append((int(match.group(1)), match.group(2)))
    assert not err, err
    return found


def test_the_accepted_file_type_checks() -> None:
    errors = run_mypy(HERE / "accepted.py")
    assert errors == [], "\n".join(f"{line}: {message}" for line, message in errors)


def test_each_marked_line_of_the_rejected_file_is_an_error() -> None:
    path = HERE / "rejected.py"
    expected = {
        number: match.group(1).strip()
        for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if (match := MARK.search(text))
    }
    errors = run_mypy(path)
    by_line: dict[int, list[str]] = {}
    for line, message in errors:
        by_line.setdefault(line, []).append(message)
    assert set(by_line) == set(expected), {"unexpected": by_line, "expected": expected}
    for line, fragment in expected.items():
        assert any(fragment in message for message in by_line[line]), (line, fragment, by_line[line])
