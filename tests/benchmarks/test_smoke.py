"""CI smoke test of `python -m benchmarks --smoke`: it runs and produces every row (no timing asserted)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))  # `benchmarks` is a folder of the repository, not an installed package


@pytest.fixture(scope="module")
def smoke(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, str]:  # type: ignore[type-arg]
    """One smoke run into a temporary folder (never over the committed results)."""
    out = tmp_path_factory.mktemp("bench")
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--smoke", "--out", str(out), "--chart", str(out / "chart.png")],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return json.loads((out / "latest.json").read_text()), done.stdout


def test_every_row_and_cell_is_reported(smoke: tuple[dict, str]) -> None:  # type: ignore[type-arg]
    from benchmarks.suite import workloads

    data, _ = smoke
    rows = {row["id"]: row for row in data["rows"]}
    for workload in workloads("smoke"):
        assert workload.id in rows, f"row {workload.id} missing"
        cells = rows[workload.id]["cells"]
        for cell in workload.cells:
            entry = cells[cell.column]
            # a number, or a stated reason: a peer whose venv is absent is skipped, and says so
            assert entry["value"] is not None or entry.get("skipped"), (workload.id, cell.column, entry)
            if cell.subject in ("ours", "raw"):
                assert entry["value"] is not None, (workload.id, cell.column, entry)
            if entry["value"] is not None and workload.group == "decode":  # the fastest batch
                assert float(f"{entry['value']:.4g}") == min(entry["samples"]), (workload.id, entry)
                assert entry["value"] <= entry["median"], (workload.id, entry)


def test_goals_and_table_are_written(smoke: tuple[dict, str]) -> None:  # type: ignore[type-arg]
    from benchmarks.suite import goals

    data, stdout = smoke
    assert {g["id"] for g in data["goals"]} == {g.id for g in goals("smoke")}
    assert "| goal | measured | limit | verdict |" in stdout
    for peer in ("4.8.1", "7.x"):
        reasons = [row["cells"][peer].get("skipped") for row in data["rows"] if peer in row["cells"]]
        for reason in reasons:
            if reason:  # a skipped peer is named in the printed table's footnotes
                assert "absent" in reason and reason in stdout
