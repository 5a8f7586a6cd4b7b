"""Quick scraping figures against an emulator subprocess: records/s of the query vs sequential paging
and vs a hand-written aiohttp + msgspec loop at the same concurrency, and export peak RSS.

    python -m benchmarks.scrape_check [--records 100000] [--latency 0.05] [--concurrency 8]
    python -m benchmarks.scrape_check --memory 10000,1000000   # peak RSS of exports, one process each
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import msgspec

from benchmarks.runner import start_emulator
from deepgram import DeepgramClient
from deepgram.resources.usage_types import UsageRequestsResponse


@contextmanager
def emulator(records: int, latency: float) -> Iterator[tuple[str, str, str]]:
    """An emulator in its own process (so it does not share our CPU time), as (url, key, project)."""
    server = start_emulator(records, "--latency", str(latency))
    try:
        yield server.url, server.api_key, server.project_id
    finally:
        server.stop()
        if server.process.stdout is not None:
            server.process.stdout.close()


def sequential(url: str, key: str, project: str) -> int:
    """Page after page with the classic call, as the official SDKs make users do."""
    with DeepgramClient(api_key=key, url=url) as client:
        count, page = 0, 0
        end = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        while True:
            response = client.manage.get_usage_requests(project, {"limit": 1000, "page": page, "end": end})
            count += len(response.requests)
            if len(response.requests) < 1000:
                return count
            page += 1


def query(url: str, key: str, project: str, concurrency: int) -> int:
    """This SDK's lazy query, sync iteration."""
    with DeepgramClient(api_key=key, url=url) as client:
        return sum(1 for _ in client.project(project).usage.requests(concurrency=concurrency))


async def raw_loop(url: str, key: str, project: str, concurrency: int, pages: int) -> int:
    """Hand-written aiohttp + msgspec with the same concurrency, knowing the page count up front."""
    import aiohttp

    decoder = msgspec.json.Decoder(UsageRequestsResponse)
    end = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    semaphore = asyncio.Semaphore(concurrency)
    async with aiohttp.ClientSession(headers={"Authorization": f"Token {key}"}) as session:

        async def one(page: int) -> int:
            async with (
                semaphore,
                session.get(
                    f"{url}/v1/projects/{project}/requests",
                    params={"limit": "1000", "page": str(page), "end": end},
                ) as response,
            ):
                return len(decoder.decode(await response.read()).requests)

        return sum(await asyncio.gather(*(one(page) for page in range(pages))))


def timed(label: str, records: int, fn: object, *args: object) -> float:
    started = time.perf_counter()
    got = fn(*args)  # type: ignore[operator]
    elapsed = time.perf_counter() - started
    print(f"{label:<34} {got:>9,} records {elapsed:7.2f} s {got / elapsed:>11,.0f} rec/s")
    return elapsed


def export_peak_rss(records: int) -> None:
    """Run in a child: export `records` to a temporary file and print the peak RSS in MB."""
    with emulator(records, 0.0) as (url, key, project), tempfile.TemporaryDirectory() as tmp:
        with DeepgramClient(api_key=key, url=url) as client:
            result = client.project(project).usage.requests().export(Path(tmp) / "r.jsonl", progress=False)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"export {result.records:>9,} records: {result.elapsed:6.1f} s, peak RSS {peak:6.1f} MB")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--memory", help="comma-separated record counts to export, one process each")
    parser.add_argument("--child-export", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_export:
        export_peak_rss(args.child_export)
        return
    if args.memory:
        for count in args.memory.split(","):
            child = [sys.executable, "-m", "benchmarks.scrape_check", "--child-export", count]
            subprocess.run(child, check=True)
        return
    pages = args.records // 1000 + 1
    with emulator(args.records, args.latency) as (url, key, project):
        print(
            f"{args.records:,} records, {args.latency * 1000:.0f} ms latency, concurrency {args.concurrency}"
        )
        t_seq = timed("sequential classic pages", args.records, sequential, url, key, project)
        t_query = timed(
            "usage.requests() (sync for)", args.records, query, url, key, project, args.concurrency
        )
        t_raw = timed(
            "raw aiohttp + msgspec",
            args.records,
            lambda: asyncio.run(raw_loop(url, key, project, args.concurrency, pages)),
        )
        print(
            f"speed-up vs sequential: {t_seq / t_query:.1f}x; query / raw loop time: {t_query / t_raw:.2f}x"
        )


if __name__ == "__main__":
    main()
