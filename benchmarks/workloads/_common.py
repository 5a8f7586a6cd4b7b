"""Shared by every subject script (stdlib only: the peers' venvs hold nothing but their SDK).

A subject script is run as `python <script> JOBFILE`; the job is JSON `{"tasks": [{"key", "task",
"args"}]}`. Each task returns `{"samples": [...], ...meta}`; the script prints one JSON line
`{"results": {key: result-or-{"error"}}}` last on stdout.
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import sys
import time
import traceback
import urllib.request
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

Task = Callable[[dict[str, Any]], dict[str, Any]]


def rss_mb() -> float:
    """Current resident set size of this process, in MB (Linux /proc; 0 where unavailable)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1e6 if sys.platform == "darwin" else peak / 1e3


def page_sequentially(fetch: Callable[[int], Any], page_size: int) -> dict[str, Any]:
    """Time asking for page 0, 1, 2... with `fetch(page)` (a list of records) until a short page,
    consuming every record, as a peer SDK without a page iterator makes its users do."""
    started, records, page = time.perf_counter(), 0, 0
    while True:
        count = 0
        for _ in fetch(page):
            count += 1
        records += count
        if count < page_size:
            break
        page += 1
    return {"samples": [time.perf_counter() - started], "records": records, "concurrency": 1}


def import_deepgram(args: dict[str, Any]) -> dict[str, Any]:
    """`import deepgram` in a fresh process (whichever SDK this interpreter has), in ms."""
    started = time.perf_counter()
    import deepgram  # noqa: F401

    return {"samples": [(time.perf_counter() - started) * 1000]}


def rss_of_decode(args: dict[str, Any], parse: Callable[[bytes], Any]) -> dict[str, Any]:
    """Peak RSS of this (fresh) process after `parse` decodes the job's page, which is kept alive."""
    raw = body(args)
    before = rss_mb()
    page = parse(raw)
    peak = peak_rss_mb()
    return {"samples": [peak], "delta_mb": max(0.0, peak - before), "records": len(page.requests)}


def body(args: dict[str, Any], name: str | None = None) -> bytes:
    """A payload as page 0 of it is served (the page marker replaced)."""
    raw = Path(args["payload_dir"], f"{name or args['payload']}.json").read_bytes()
    return raw.replace(b"PPPPPP", b"000000")


def repeat(fn: Callable[[], Any], args: dict[str, Any]) -> list[float]:
    """Time `fn` (ms per call): `warmup` untimed calls, then up to `n` samples within `budget` s (at
    least `min_n`). With `batch_ms`, a sample times enough calls in a row to last about that long
    (short decodes), and is the mean of that batch; the collector runs as it normally would."""
    for _ in range(int(args.get("warmup", 1))):
        fn()  # untimed: the first call may build decoders and caches
    batch = _batch_size(fn, float(args["batch_ms"]) / 1000) if args.get("batch_ms") else 1
    samples: list[float] = []
    n, min_n, budget = int(args.get("n", 20)), int(args.get("min_n", 3)), float(args.get("budget", 5.0))
    deadline = time.perf_counter() + budget
    while len(samples) < n and (len(samples) < min_n or time.perf_counter() < deadline):
        begun = time.perf_counter()
        for _ in range(batch):
            fn()
        samples.append((time.perf_counter() - begun) * 1000 / batch)
    return samples


def _batch_size(fn: Callable[[], Any], seconds: float) -> int:
    """How many calls of a warmed-up `fn` last about `seconds`: timed in doubling runs until one lasts
    a tenth of that, so a microsecond call is not sized by one slow first call or one clock tick."""
    calls = 1
    while True:
        begun = time.perf_counter()
        for _ in range(calls):
            fn()
        elapsed = time.perf_counter() - begun
        if elapsed >= seconds / 10 or calls >= 10_000:
            return max(1, min(10_000, int(seconds * calls / elapsed))) if elapsed > 0 else 10_000
        calls *= 2


async def arepeat(fn: Callable[[], Awaitable[Any]], args: dict[str, Any]) -> list[float]:
    """`repeat` for coroutines, on the running loop."""
    for _ in range(int(args.get("warmup", 1))):
        await fn()
    samples: list[float] = []
    n, min_n, budget = int(args.get("n", 20)), int(args.get("min_n", 3)), float(args.get("budget", 5.0))
    deadline = time.perf_counter() + budget
    while len(samples) < n and (len(samples) < min_n or time.perf_counter() < deadline):
        started = time.perf_counter()
        await fn()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def run_async(coro: Awaitable[Any]) -> Any:
    """asyncio.run for an awaitable."""

    async def wrap() -> Any:
        return await coro

    return asyncio.run(wrap())


def server_stats(url: str) -> dict[str, int]:
    """The fixed-bytes server's counters (connections, requests)."""
    with urllib.request.urlopen(url + "/_stats", timeout=10) as response:
        stats: dict[str, int] = json.loads(response.read())
        return stats


def reset_stats(url: str) -> None:
    """Zero the fixed-bytes server's counters."""
    with urllib.request.urlopen(url + "/_reset", timeout=10) as response:
        response.read()


def main(tasks: dict[str, Task]) -> None:
    """Run the job named on the command line and print the results as the last stdout line."""
    job = json.loads(Path(sys.argv[1]).read_text())
    results: dict[str, Any] = {}
    for item in job["tasks"]:
        task = tasks.get(item["task"])
        if task is None:
            results[item["key"]] = {"error": f"task {item['task']!r} not implemented by this subject"}
            continue
        try:
            results[item["key"]] = task(item["args"])
        except Exception as exc:  # a failed workload is reported, not fatal to the run
            detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            results[item["key"]] = {"error": detail[:500]}
            traceback.print_exc(file=sys.stderr)
    sys.stdout.flush()
    print("\n" + json.dumps({"results": results}), flush=True)
