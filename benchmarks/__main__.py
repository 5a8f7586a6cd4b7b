"""`python -m benchmarks [--smoke | --quick | --full] [--only ROWS]`: the whole benchmark, one command."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks import chart, docs_page, report
from benchmarks.runner import Run
from benchmarks.suite import Mode, goals, workloads

DOCS = Path(__file__).resolve().parent.parent / "docs"


def parse(argv: list[str] | None) -> argparse.Namespace:
    """The command line."""
    cli = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    size = cli.add_mutually_exclusive_group()
    size.add_argument(
        "--smoke",
        dest="mode",
        action="store_const",
        const="smoke",
        help="seconds: every row once, tiny sizes (CI); peers skipped only if their venvs are absent",
    )
    size.add_argument("--quick", dest="mode", action="store_const", const="quick", help="under 2 minutes")
    size.add_argument(
        "--full", dest="mode", action="store_const", const="full", help="the published figures (default)"
    )
    cli.add_argument("--only", default="", help="comma-separated row-id prefixes, e.g. decode,call_small")
    cli.add_argument(
        "--chart", type=Path, default=None, help="where to draw the chart (default: docs/ in full mode)"
    )
    cli.add_argument("--no-chart", action="store_true", help="do not draw the chart")
    cli.add_argument(
        "--render",
        action="store_true",
        help="measure nothing: redraw docs/benchmarks.png and docs/benchmarks.md from results/latest.json",
    )
    cli.add_argument("--out", type=Path, default=report.RESULTS, help="folder for latest.json and latest.md")
    args = cli.parse_args(argv)
    args.mode = args.mode or "full"
    return args


def publish(data: dict[str, Any], verdicts: list[dict[str, Any]], chart_path: Path) -> str:
    """Draw the chart and write docs/benchmarks.md around it (the table and goals of `data`)."""
    drawn = chart.draw(data, chart_path)
    page = docs_page.write(data, verdicts, report.markdown(data, verdicts), chart_path.with_suffix(".md"))
    return f"{drawn}\n{page}"


def main(argv: list[str] | None = None) -> int:
    """Run, report, chart. Exit status 0 even when goals are missed (they are reported, not enforced)."""
    args = parse(argv)
    if args.render:
        saved = json.loads((args.out / "latest.json").read_text())
        print(publish(saved, saved.pop("goals"), args.chart or DOCS / "benchmarks.png"))
        return 0
    mode: Mode = args.mode
    rows = workloads(mode)
    if args.only:
        prefixes = tuple(p.strip() for p in args.only.split(",") if p.strip())
        rows = [row for row in rows if row.id.startswith(prefixes)]
    started = time.perf_counter()
    print(f"benchmarks: {mode} mode, {len(rows)} rows", flush=True)
    run = Run(mode, rows, log=lambda text: print(text, flush=True))
    run.prepare_peers()
    for name, reason in run.skipped.items():
        print(f"  peer {name}: {reason}", flush=True)
    with run.servers_running():
        run.run()
    data = report.summarize(run)
    verdicts = report.judge(data, [g for g in goals(mode) if any(r.id == g.num[0] for r in rows)])
    text = report.markdown(data, verdicts)
    path = report.write(data, verdicts, text, args.out)
    print()
    print(text)
    print(f"results: {path} and {path.with_suffix('.md')} ({time.perf_counter() - started:.0f} s)")
    if not args.no_chart:
        if mode == "full" and not args.only and args.out == report.RESULTS:
            print(publish(data, verdicts, args.chart or DOCS / "benchmarks.png"))
        else:
            print(chart.draw(data, args.chart or args.out / "latest.png"))
    missing = report.missing_rows(data, rows)
    if missing:
        print("cells without data:\n  " + "\n  ".join(missing))
    return 0


if __name__ == "__main__":
    sys.exit(main())
