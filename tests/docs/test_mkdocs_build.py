"""The documentation site builds with `mkdocs build --strict`: no broken link, nav entry or reference."""

from __future__ import annotations

from pathlib import Path


def test_mkdocs_build_strict(site: Path) -> None:
    assert (site / "index.html").is_file()
    assert (site / "reference" / "index.html").is_file()
    assert (site / "cli-reference" / "index.html").is_file()
