"""Draws the ratios of one run (how many times slower each alternative is than ours), log scale."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from benchmarks.report import figure

#: (column, label, colour) of the bars; each bar is `that column's figure / ours` (see `report.figure`).
SERIES = (
    ("4.8.1", "official 4.8.1", "#c0392b"),
    ("7.x", "official 7.x", "#e67e22"),
    ("raw", "hand-written msgspec + aiohttp", "#7f8c8d"),
)
SKIP_UNITS = ("connections",)


def draw(data: dict[str, Any], path: Path) -> str:
    """Write the chart to `path`; returns a message (and draws nothing) when matplotlib is absent."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return "chart skipped: matplotlib is not installed (pip install -e '.[bench]')"
    rows = [
        r
        for r in data["rows"]
        if r["unit"] not in SKIP_UNITS
        and figure(r["cells"].get("ours"))
        and not r["id"].startswith("export")
    ]
    labels = [r["title"] for r in rows]
    height = 0.26
    fig, ax = plt.subplots(figsize=(11, 0.42 * len(rows) + 1.8))
    for offset, (column, label, colour) in enumerate(SERIES):
        ys, xs = [], []
        for i, row in enumerate(rows):
            other, ours = figure(row["cells"].get(column)), figure(row["cells"]["ours"])
            if other and ours:
                ys.append(i + (offset - 1) * height)
                xs.append(other / ours)
        ax.barh(ys, xs, height=height, color=colour, label=label)
        for y, x in zip(ys, xs, strict=True):
            ax.text(x * 1.05, y, f"{x:.3g}x", va="center", fontsize=7)
    ax.axvline(1.0, color="black", linewidth=0.8)
    ax.set_xscale("log")
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels(labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel(
        "the alternative / this SDK: medians; decodes, fastest batch (log scale; > 1: this SDK is faster)"
    )
    ax.set_title(f"deepgram-manage vs the official SDKs and a hand-written client ({data['mode']} run)")
    ax.legend(loc="lower right", fontsize=8)
    ax.grid(axis="x", which="both", alpha=0.3)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return f"chart written to {path}"
