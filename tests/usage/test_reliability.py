"""The scraper under failures, rate limits, a moving log and a SIGKILL: every record exactly once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from deepgram import DeepgramClient
from deepgram.errors import PermissionDeniedError
from deepgram.testing import Emulator
from deepgram.usage.checkpoint import checkpoint_path

from .conftest import newest_first, request_calls

REQUESTS_PATH = "/v1/projects/*/requests"


def test_export_survives_ten_percent_failures(emu: Emulator, client: DeepgramClient, tmp_path: Path) -> None:
    for status in (500, 503):
        emu.faults.add(path=REQUESTS_PATH, status=status, rate=0.025)
    emu.faults.add(path=REQUESTS_PATH, status=429, retry_after=0.05, rate=0.025)
    emu.faults.add(path=REQUESTS_PATH, kind="drop", rate=0.015)
    emu.faults.add(path=REQUESTS_PATH, kind="truncate", rate=0.01)
    out = tmp_path / "requests.jsonl"
    query = client.project(emu.project_id).usage.requests(page_size=100, concurrency=6)
    result = query.export(out)
    ids = [json.loads(line)["request_id"] for line in out.read_text().splitlines()]
    assert ids == newest_first(emu) and result.records == 5000
    assert query.stats.retries > 0 and sum(rule.fired for rule in emu.faults.rules) > 0


def test_rate_limits_slow_the_scrape_down_and_it_still_completes(
    emu: Emulator, client: DeepgramClient
) -> None:
    emu.faults.add(path=REQUESTS_PATH, status=429, retry_after=0.05, rate=0.3)
    query = client.project(emu.project_id).usage.requests(page_size=100, concurrency=8)
    assert [r.request_id for r in query] == newest_first(emu)
    assert query.stats.throttled > 0


def test_a_permanent_error_is_raised_without_retrying(emu: Emulator, client: DeepgramClient) -> None:
    emu.faults.add(path=REQUESTS_PATH, status=403, rate=1.0)
    with pytest.raises(PermissionDeniedError):
        list(client.project(emu.project_id).usage.requests())
    assert len(request_calls(emu)) == 1


def test_live_log_no_duplicate_and_no_loss_inside_the_pinned_window() -> None:
    with Emulator(requests=3000, seed=4, live=True, live_rate=500.0, latency=0.005) as emu, DeepgramClient(
        api_key=emu.api_key, url=emu.url
    ) as dg:
        query = dg.project(emu.project_id).usage.requests(page_size=100, concurrency=3)
        ids = [r.request_id for r in query]
        assert len(emu.log()) > 3000 + 100  # the log grew while we paged
        window = query.last_window
        assert window is not None and window.pinned
        end_ms = int(window.span_end() * 1000)
        _, hi = emu.log().timeline.range_for(None, end_ms)
        log = emu.log()
        assert ids == [log.request_id(seq) for seq in range(hi - 1, -1, -1)]


def _start_emulator_process(*extra: str) -> tuple[subprocess.Popen[str], str, str, str]:
    command = [sys.executable, "-m", "deepgram.testing", "serve", "--port", "0", *extra]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    lines = [process.stdout.readline() for _ in range(3)]
    url = lines[0].rsplit(" ", 1)[1].strip()
    key = lines[1].split(":", 1)[1].strip()
    project = lines[2].split(":", 1)[1].strip()
    return process, url, key, project


def test_export_killed_with_sigkill_resumes_exactly_once(tmp_path: Path) -> None:
    server, url, key, project = _start_emulator_process("--requests", "20000", "--latency", "0.01")
    try:
        out = tmp_path / "requests.jsonl"
        env = {**os.environ, "DEEPGRAM_API_KEY": key}
        export = [sys.executable, "-m", "deepgram", "usage", "export", "--url", url, "--project", project,
                  "--out", str(out), "--page-size", "100", "--concurrency", "2"]
        worker = subprocess.Popen(export, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            marker = checkpoint_path(out)
            if marker.exists() and json.loads(marker.read_bytes() or b"{}").get("pages_done", 0) > 3:
                break
            time.sleep(0.02)
        worker.send_signal(signal.SIGKILL)
        worker.wait()
        assert worker.returncode == -signal.SIGKILL
        assert checkpoint_path(out).exists()
        with out.open("ab") as handle:
            handle.write(b'{"request_id":"half-writ')  # a torn line as a crash mid-write would leave
        resumed = subprocess.run([*export, "--resume", "--json"], env=env, capture_output=True, text=True,
                                 timeout=60)
        assert resumed.returncode == 0, resumed.stderr
        summary = json.loads(resumed.stdout)
        assert summary["resumed"] is True and summary["records"] == 20000
        records = [json.loads(line) for line in out.read_text().splitlines()]  # every line parses
        ids = [record["request_id"] for record in records]
        assert len(ids) == len(set(ids)) == 20000
        created = [record["created"] for record in records]
        assert created == sorted(created, reverse=True)
        assert not checkpoint_path(out).exists()
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=10)
        if server.stdout is not None:
            server.stdout.close()


def test_a_client_without_retries_gets_no_page_retries_either(emu: Emulator) -> None:
    from deepgram import ServerError

    emu.faults.add(path="/v1/projects/{project_id}/requests", method="GET", status=500, times=1)
    with DeepgramClient(api_key=emu.api_key, url=emu.url, max_retries=0) as client:
        query = client.project(emu.project_id).usage.requests(end="2100-01-01", concurrency=2)
        with pytest.raises(ServerError):
            list(query)
