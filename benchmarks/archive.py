"""The usage archive's figures: sync speed (first run, incremental rerun), against a sequential
single-project pager (the benchmark's own peer, `benchmarks.archive_peer`), and Parquet memory.

    python -m benchmarks.archive [--projects 20] [--records 50000] [--latency 0.05]
    python -m benchmarks.archive --memory 10000,1000000    # peak RSS of Parquet syncs, one process each

Goals: the sync >= 8x the sequential pager at 50 ms with 20 projects; the rerun reads only the
overlap; the peak RSS of a 1,000,000-record Parquet sync within that of a 10,000-record one + 30 MB.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from benchmarks.archive_peer import sequential_load
from deepgram import DeepgramClient

RESULTS = Path(__file__).resolve().parent / "results" / "archive.json"
KEY = "bench-key"


@contextmanager
def server(
    projects: int, records: int, latency: float
) -> Iterator[tuple[subprocess.Popen[str], str, list[str]]]:
    """The emulator in its own process (it does not share our CPU), as (process, url, project ids)."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "benchmarks.archive_server",
            "--projects",
            str(projects),
            "--records",
            str(records),
            "--latency",
            str(latency),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stdin is not None
    try:
        url = process.stdout.readline().split()[-1]
        ids = process.stdout.readline().split()[1:]
        yield process, url, ids
    finally:
        process.stdin.close()
        process.terminate()
        process.wait(timeout=30)
        process.stdout.close()


def add(process: subprocess.Popen[str], per_project: int) -> None:
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(f"add {per_project}\n")
    process.stdin.flush()
    assert process.stdout.readline().strip() == "added"


def speed(projects: int, records: int, latency: float, baseline: bool) -> dict[str, object]:
    figures: dict[str, object] = {
        "projects": projects,
        "records_per_project": records,
        "latency_ms": latency * 1000,
    }
    with server(projects, records, latency) as (process, url, ids), tempfile.TemporaryDirectory() as tmp:
        with DeepgramClient(api_key=KEY, url=url) as client:
            first = client.usage.sync(Path(tmp) / "archive", progress=False)
            print(first.summary())
            figures["first_run"] = {
                "records": first.new,
                "seconds": round(first.elapsed, 2),
                "records_per_s": round(first.new / first.elapsed),
                "pages": sum(p.pages for p in first.projects),
            }
            fresh = max(1, records // 100)
            add(process, fresh)
            rerun = client.usage.sync(Path(tmp) / "archive", progress=False)
            print(rerun.summary())
            assert rerun.new == fresh * projects, (rerun.new, fresh * projects)
            read = rerun.new + rerun.duplicates
            figures["rerun"] = {
                "new_records": rerun.new,
                "records_read": read,
                "seconds": round(rerun.elapsed, 2),
                "new_records_per_s": round(rerun.new / rerun.elapsed),
                "read_records_per_s": round(read / rerun.elapsed),
                "pages": sum(p.pages for p in rerun.projects),
            }
        if baseline:
            started = time.perf_counter()
            count = sequential_load(url, KEY, ids, Path(tmp) / "baseline")
            elapsed = time.perf_counter() - started
            print(
                f"sequential single-project pager: {count:,} records in {elapsed:.1f}s "
                f"({count / elapsed:,.0f} records/s)"
            )
            figures["sequential_peer"] = {
                "records": count,
                "seconds": round(elapsed, 2),
                "records_per_s": round(count / elapsed),
            }
            figures["speedup_vs_peer"] = round((first.new / first.elapsed) / (count / elapsed), 1)
            print(
                f"speed-up of the first sync over the sequential pager: {figures['speedup_vs_peer']}x "
                "(goal >= 8x)"
            )
    return figures


def child_memory(records: int) -> None:
    """In a fresh process: a Parquet sync of one project of `records`; prints the peak RSS in MB."""
    with (
        server(1, records, 0.0) as (_, url, _ids),
        tempfile.TemporaryDirectory() as tmp,
        DeepgramClient(api_key=KEY, url=url) as client,
    ):
        result = client.usage.sync(Path(tmp), format="parquet", progress=False)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {"records": result.new, "seconds": round(result.elapsed, 1), "peak_rss_mb": round(peak, 1)}
        )
    )


def memory(counts: list[int]) -> dict[str, object]:
    rows = []
    for count in counts:
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.archive", "--child-memory", str(count)],
            check=True,
            capture_output=True,
            text=True,
        )
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
        print(
            f"parquet sync of {rows[-1]['records']:>9,} records: peak RSS {rows[-1]['peak_rss_mb']:.1f} MB "
            f"({rows[-1]['seconds']} s)"
        )
    figures: dict[str, object] = {"parquet_peak_rss": rows}
    if len(rows) >= 2:
        margin = rows[-1]["peak_rss_mb"] - rows[0]["peak_rss_mb"]
        figures["rss_growth_mb"] = round(margin, 1)
        print(
            f"growth from {rows[0]['records']:,} to {rows[-1]['records']:,} records: {margin:.1f} MB "
            "(goal <= 30 MB)"
        )
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--projects", type=int, default=20)
    parser.add_argument("--records", type=int, default=50_000)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--no-baseline", action="store_true", help="skip the sequential peer")
    parser.add_argument("--memory", help="comma-separated record counts of Parquet syncs, one process each")
    parser.add_argument("--child-memory", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--save", action="store_true", help=f"merge the figures into {RESULTS.name}")
    args = parser.parse_args()
    if args.child_memory:
        child_memory(args.child_memory)
        return
    figures = (
        memory([int(c) for c in args.memory.split(",")])
        if args.memory
        else speed(args.projects, args.records, args.latency, not args.no_baseline)
    )
    if args.save:
        saved = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
        saved.update(figures)
        RESULTS.write_text(json.dumps(saved, indent=2) + "\n")


if __name__ == "__main__":
    main()
