"""The benchmarks page generator: a rewrite keeps the usage-archive section and measures batches sanely."""

from __future__ import annotations

import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))  # `benchmarks` is a folder of the repository, not an installed package

from benchmarks import docs_page  # noqa: E402

DATA = {"mode": "full"}
MISSED = [{"id": "decode_projects_ours objects_vs_raw", "met": False}]


def test_a_rewrite_keeps_the_archive_section(tmp_path: Path) -> None:
    page = tmp_path / "benchmarks.md"
    page.write_text("# old\n\nstale table\n\n## Usage archive\n\nmeasured by hand\n")
    docs_page.write(DATA, MISSED, "| new table |", page)
    text = page.read_text()
    assert "stale table" not in text and "| new table |" in text
    assert text.endswith("## Usage archive\n\nmeasured by hand\n") and text.count("## Usage archive") == 1
    assert "**5-project list.**" in text  # the missed goal's explanation
    docs_page.write(DATA, [], "| newer |", page)
    assert page.read_text().count("## Usage archive") == 1


def test_a_page_without_an_archive_section_gets_none(tmp_path: Path) -> None:
    page = tmp_path / "benchmarks.md"
    docs_page.write(DATA, [], "| t |", page)
    assert "## Usage archive" not in page.read_text() and "## Method" in page.read_text()


def test_batches_are_sized_by_warmed_up_runs_not_the_first_call() -> None:
    sys.path.insert(0, str(REPO / "benchmarks" / "workloads"))
    import _common  # the workloads' shared helpers (run as scripts, not a package)

    calls = []

    def slow_first() -> None:
        if not calls:
            time.sleep(0.05)  # a first call that builds caches
        calls.append(1)

    batch = _common._batch_size(slow_first, 0.005)  # warm-up is the caller's: this call is slow
    assert batch == 1  # sized by that slow call...
    assert _common._batch_size(slow_first, 0.005) > 100  # ...but warmed up, a no-op batches widely
