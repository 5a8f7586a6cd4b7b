"""Fixtures for the usage archive: a live emulator whose clock a test moves, and archive readers."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from deepgram import DeepgramClient
from deepgram.testing import Emulator

SECRET = "p4ssw0rd-do-not-leak"
TOKEN = "tok-do-not-leak"
CALLBACK = f"https://hooks:{SECRET}@hooks.example.com/cb?token={TOKEN}&job=7"


@pytest.fixture
def emu(deepgram_emulator_factory: Callable[..., Emulator]) -> Emulator:
    """Three projects, a live main log (one request every 2 s of emulator time), a clock that moves
    only with `advance()`, and a present two days behind the wall clock, so a pinned `now` is after
    every record (the shipped fixture's emulator)."""
    past = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=2)
    return deepgram_emulator_factory(requests=2500, seed=5, live=True, live_rate=0.5, manual_clock=True, now=past)


@pytest.fixture
def client(emu: Emulator) -> Iterator[DeepgramClient]:
    with DeepgramClient(api_key=emu.api_key, url=emu.url) as dg:
        yield dg


def archived_ids(out: Path, project_id: str) -> list[str]:
    """Every request id in a project's JSONL or Parquet parts (repeats kept)."""
    ids: list[str] = []
    base = out / f"project_id={project_id}"
    for path in sorted(base.glob("date=*/part-*.jsonl")):
        ids += [json.loads(line)["request_id"] for line in path.read_text().splitlines()]
    parquet = sorted(base.glob("date=*/part-*.parquet"))
    if parquet:
        import pyarrow.parquet as pq

        for path in parquet:
            ids += pq.read_table(path, columns=["request_id"]).column("request_id").to_pylist()
    return ids


def assert_exact(out: Path, emu: Emulator) -> None:
    """Each request of every project is in the archive exactly once, and nothing else is."""
    for project_id in emu.project_ids:
        ids = archived_ids(out, project_id)
        assert len(ids) == len(set(ids)), f"{project_id}: {len(ids) - len(set(ids))} duplicates"
        assert set(ids) == emu.request_ids(project_id), project_id
