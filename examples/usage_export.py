"""Export a project's request log to JSONL with a progress bar, resumably.

Runs against the real API when DEEPGRAM_API_KEY and DEEPGRAM_PROJECT_ID are set; otherwise it
starts an in-process emulator with a 20 000-request log and says so.

    python examples/usage_export.py [OUT.jsonl] [--resume]
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
from collections.abc import Iterator

from deepgram import DeepgramClient


@contextlib.contextmanager
def target() -> Iterator[tuple[DeepgramClient, str]]:
    """A client and project: the real API if configured, else a local emulator."""
    key, project = os.environ.get("DEEPGRAM_API_KEY"), os.environ.get("DEEPGRAM_PROJECT_ID")
    if key and project:
        print("using the real Deepgram API (DEEPGRAM_API_KEY, DEEPGRAM_PROJECT_ID)")
        with DeepgramClient(api_key=key) as client:
            yield client, project
        return
    from deepgram.testing import Emulator

    with Emulator(requests=20_000) as emu, DeepgramClient(api_key=emu.api_key, url=emu.url) as client:
        print(f"no DEEPGRAM_API_KEY/DEEPGRAM_PROJECT_ID: using an in-process emulator at {emu.url}")
        yield client, emu.project_id


def main() -> None:
    out = next((arg for arg in sys.argv[1:] if not arg.startswith("--")), "requests.jsonl")
    resume = "--resume" in sys.argv
    start = (dt.date.today() - dt.timedelta(days=30)).isoformat()
    with target() as (client, project_id):
        query = client.project(project_id).usage.requests(start=start)  # end: pinned to now
        result = query.export(out, format="jsonl", resume=resume, progress=True)
        print(f"{result.records:,} records in {result.elapsed:.1f}s -> {result.path} "
              f"(window {result.start} .. {result.end}; {query.stats.requests} requests, "
              f"{query.stats.retries} retries)")


if __name__ == "__main__":
    main()
