"""Turns raw samples into figures (medians; the fastest batch for decodes), ratios and goal verdicts;
writes latest.json and the Markdown table."""

from __future__ import annotations

import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.runner import Run
from benchmarks.suite import COLUMNS, Goal, Workload

RESULTS = Path(__file__).resolve().parent / "results"
PEER_COLUMNS = ("4.8.1", "7.x")


def _values(unit: str, samples: list[float], meta: list[dict[str, Any]]) -> list[float]:
    """Samples in the row's unit; scrapes are normalised to seconds per 100 000 records."""
    if unit != "s/100k":
        return samples
    return [s * 100_000 / m["records"] for s, m in zip(samples, meta, strict=False) if m.get("records")]


def _figure(group: str, values: list[float]) -> float | None:
    """The figure a cell shows: the median, or for decode rows the fastest batch (as `timeit`
    advises). Each decode sample is already the mean of a batch of calls lasting milliseconds, and
    on a shared machine the batches fall into a fast and a slow band (other work on the host), so a
    median of microseconds tells which band a cell's few time windows fell in more than the code."""
    if not values:
        return None
    return min(values) if group == "decode" else statistics.median(values)


def figure(cell: dict[str, Any] | None) -> float | None:
    """A cell's figure (`value`; `median` in results saved before decode rows showed the fastest)."""
    if cell is None:
        return None
    found: float | None = cell.get("value", cell.get("median"))
    return found


def summarize(run: Run) -> dict[str, Any]:
    """The run as plain data: every row, every cell's figure, median, samples and notes, the goals."""
    rows = []
    for row in run.rows:
        cells: dict[str, Any] = {}
        for cell in row.cells:
            outcome = run.outcomes[(row.id, cell.column)]
            values = _values(row.unit, outcome.samples, outcome.meta)
            entry: dict[str, Any] = {
                "value": _figure(row.group, values),
                "median": statistics.median(values) if values else None,
                "n": len(values),
                "samples": [float(f"{v:.4g}") for v in values],
            }
            notes = sorted({str(m["note"]) for m in outcome.meta if m.get("note")})
            if notes:
                entry["note"] = "; ".join(notes)
            extra = {k: v for m in outcome.meta for k, v in m.items() if k not in ("note",)}
            if extra:
                entry["meta"] = extra
            if outcome.skipped:
                entry["skipped"] = outcome.skipped
            if outcome.errors:
                entry["error"] = outcome.errors[0]
            cells[cell.column] = entry
        rows.append(
            {
                "id": row.id,
                "group": row.group,
                "title": row.title,
                "unit": row.unit,
                "note": row.note,
                "cells": cells,
            }
        )
    return {
        "mode": run.mode,
        "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": {
            "cpus": os.cpu_count(),
            "python": sys.version.split()[0],
            "platform": platform.platform(),
            "processor": platform.processor() or platform.machine(),
            "loadavg_1_5_15min": run.load,
        },
        "versions": {"4.8.1": run.versions.get("v4", "absent"), "7.x": run.versions.get("v7", "absent")},
        "rows": rows,
    }


def _figure_at(data: dict[str, Any], ref: tuple[str, str]) -> float | None:
    for row in data["rows"]:
        if row["id"] == ref[0]:
            cell = row["cells"].get(ref[1])
            return figure(cell)
    return None


def judge(data: dict[str, Any], goals: list[Goal]) -> list[dict[str, Any]]:
    """Each goal with its measured figure and met / missed / not measured (and why)."""
    verdicts = []
    for goal in goals:
        num = _figure_at(data, goal.num)
        den = _figure_at(data, goal.den) if goal.den else None
        value: float | None = None
        if num is not None and goal.kind == "max":
            value = num
        elif num is not None and den:
            value = num / den if goal.kind == "ratio" else num - den
        shown = (
            "-"
            if value is None
            else (
                f"{value:.3g}x"
                if goal.kind == "ratio"
                else f"{value:+.1f} MB"
                if goal.kind == "diff"
                else f"{value:g}"
            )
        )
        limit = (
            f"<= {goal.limit:.3g}x"
            if goal.kind == "ratio"
            else (f"<= +{goal.limit:g} MB" if goal.kind == "diff" else f"<= {goal.limit:g}")
        )
        verdicts.append(
            {
                "id": goal.id,
                "text": goal.text,
                "value": value,
                "shown": shown,
                "limit": limit,
                "met": None if value is None else value <= goal.limit,
            }
        )
    return verdicts


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "connections":
        return f"{value:g}"
    if unit == "MB":
        return f"{value:.1f}"
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    if value >= 1:
        return f"{value:.2f}"
    return f"{value:.3g}"


def _ratio(a: float | None, b: float | None) -> str:
    if a is None or b is None or b == 0:
        return "-"
    ratio = a / b
    return f"{ratio:,.0f}x" if ratio >= 100 else f"{ratio:.2f}x" if ratio < 10 else f"{ratio:.1f}x"


def markdown(data: dict[str, Any], verdicts: list[dict[str, Any]]) -> str:
    """The results table (each cell's figure, ratios within this run) and the goals, as Markdown."""
    columns = list(COLUMNS)
    head = ["workload", "unit", *columns, "4.8.1 / ours", "7.x / ours", "ours / raw"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    footnotes: list[str] = []
    for row in data["rows"]:
        cells = row["cells"]
        shown = []
        for column in columns:
            cell = cells.get(column)
            if cell is None:
                shown.append("")
            elif figure(cell) is None:
                reason = cell.get("skipped") or cell.get("error") or "no data"
                footnotes.append(f"{row['id']} / {column}: {reason}")
                shown.append(f"n/a [{len(footnotes)}]")
            else:
                text = _fmt(figure(cell), row["unit"])
                if cell.get("note"):
                    footnotes.append(f"{row['id']} / {column}: {cell['note']}")
                    text += f" [{len(footnotes)}]"
                shown.append(text)
        ours = figure(cells.get("ours"))
        ratios = [_ratio(figure(cells.get(c)), ours) for c in PEER_COLUMNS]
        ratios.append(_ratio(ours, figure(cells.get("raw"))))
        if row["unit"] in ("connections",) or (row["group"] == "memory" and row["id"].startswith("export")):
            ratios = ["", "", ""]
        lines.append("| " + " | ".join([row["title"], row["unit"], *shown, *ratios]) + " |")
    machine = data["machine"]
    load = machine.get("loadavg_1_5_15min") or {}
    shown_load = ", ".join(f"{k} {'/'.join(str(x) for x in v)}" for k, v in load.items())
    busy = any(v and v[0] >= 1.0 for v in load.values()) and (machine["cpus"] or 1) <= 2
    out = [
        f"Mode `{data['mode']}`, {data['created']}; {machine['cpus']} CPUs, Python "
        f"{machine['python']}, {machine['platform']}; official SDKs: 4.8.1 = "
        f"{data['versions']['4.8.1']}, 7.x = {data['versions']['7.x']}; load average (1/5/15 min) "
        f"{shown_load or 'unknown'}. Medians (decode rows: the fastest batch); ratios are within this run "
        "(`4.8.1 / ours` > 1: ours is faster; `ours / raw` near 1: no SDK overhead)."
        + (
            " The machine was busy with other work during this run, so single-call medians "
            "(tenths of a millisecond) carry more noise than the decode and scrape rows."
            if busy
            else ""
        ),
        "",
        *lines,
        "",
    ]
    notes = [row for row in data["rows"] if row["note"]]
    if notes:
        out += [f"- `{row['id']}`: {row['note']}" for row in notes] + [""]
    if footnotes:
        out += [f"[{i}] {text}" for i, text in enumerate(footnotes, 1)] + [""]
    out += ["| goal | measured | limit | verdict |", "|---|---|---|---|"]
    for v in verdicts:
        verdict = "not measured" if v["met"] is None else "met" if v["met"] else "**MISSED**"
        out.append(f"| {v['text']} | {v['shown']} | {v['limit']} | {verdict} |")
    return "\n".join(out) + "\n"


def _atomic(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text)
    tmp.replace(path)


def write(data: dict[str, Any], verdicts: list[dict[str, Any]], text: str, folder: Path = RESULTS) -> Path:
    """Write `latest.json` and `latest.md` into `folder` atomically; returns the JSON path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "latest.json"
    _atomic(path, json.dumps({**data, "goals": verdicts}, indent=1) + "\n")
    _atomic(folder / "latest.md", text)
    return path


def missing_rows(data: dict[str, Any], rows: list[Workload]) -> list[str]:
    """Cells with neither a figure nor a stated reason (a skipped peer counts as stated)."""
    missing = []
    for row in data["rows"]:
        for column, cell in row["cells"].items():
            if figure(cell) is None and not cell.get("skipped"):
                missing.append(f"{row['id']}/{column}: {cell.get('error', 'no data')}")
    return missing
