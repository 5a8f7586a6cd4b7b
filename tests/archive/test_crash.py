"""A sync killed (SIGKILL) at any point, then run again, leaves every request in the archive once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from deepgram import DeepgramClient
from deepgram.testing import Emulator

from .conftest import assert_exact

ROOT = Path(__file__).resolve().parents[2]


def files_in(out: Path) -> int:
    return sum(1 for path in out.rglob("*") if path.is_file() and "date=" in str(path.parent))


def start_sync(emu: Emulator, out: Path, fmt: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "DEEPGRAM_API_KEY": emu.api_key, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "deepgram", "usage", "sync", "--url", emu.url, "--out", str(out),
         "--all-projects", "--page-size", "40", "--concurrency", "4", "--format", fmt, "--no-progress"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_sigkill_at_any_point_then_rerun_is_exact(emu: Emulator, tmp_path: Path, fmt: str) -> None:
    emu.latency = 0.003  # pages take a moment, so kills land in the middle of the work
    # Kill points: before the first file, after a few parts, halfway, near the end of a project.
    killed = 0
    for files_before_kill in (0, 3, 60):
        process = start_sync(emu, tmp_path, fmt)
        deadline = time.monotonic() + 30
        while process.poll() is None and time.monotonic() < deadline:
            if files_in(tmp_path) >= files_before_kill:
                break
            time.sleep(0.005)
        if files_before_kill == 0:
            time.sleep(0.6)  # mid-start: the interpreter is up, the first pages may be on the wire
        process.send_signal(signal.SIGKILL)
        killed += process.wait(timeout=30) == -signal.SIGKILL
        emu.advance(30)  # the live log moves on between runs, as it does between cron ticks
    assert killed >= 2  # the kills did land while syncs were running
    with DeepgramClient(api_key=emu.api_key, url=emu.url) as client:
        client.usage.sync(tmp_path, format=fmt, page_size=40, progress=False)
    assert_exact(tmp_path, emu)
    assert not list(tmp_path.rglob(".tmp-*"))
