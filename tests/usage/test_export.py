"""`query.export(...)`: JSONL as the API sent it, documented CSV, atomic and resumable, flat memory."""

from __future__ import annotations

import csv
import gc
import json
import tracemalloc
from pathlib import Path

import pytest

from deepgram import DeepgramClient
from deepgram.errors import DeepgramValueError
from deepgram.testing import Emulator
from deepgram.usage.checkpoint import checkpoint_path, load
from deepgram.usage.csv_columns import HEADER
from deepgram.usage.progress import ProgressInfo

from .conftest import newest_first


class Interrupt(Exception):
    """Raised from a progress callback to stop an export mid-way."""


def read_ids(path: Path) -> list[str]:
    return [json.loads(line)["request_id"] for line in path.read_text().splitlines()]


def test_jsonl_holds_each_record_as_the_api_sent_it(emu: Emulator, client: DeepgramClient, tmp_path: Path) -> None:
    out = tmp_path / "requests.jsonl"
    result = client.project(emu.project_id).usage.requests(page_size=1000).export(out)
    lines = out.read_bytes().splitlines()
    log = emu.log()
    assert lines == [log.record_json(seq) for seq in range(len(log) - 1, -1, -1)]  # byte for byte
    assert (result.records, result.pages, result.bytes) == (5000, 6, out.stat().st_size)
    assert not checkpoint_path(out).exists()  # removed once complete


async def test_async_export_to_csv(emu: Emulator, client: DeepgramClient, tmp_path: Path) -> None:
    out = tmp_path / "requests.csv"
    result = await client.project(emu.project_id).usage.requests(page_size=400).aexport(out, format="csv")
    with out.open(newline="") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == HEADER
    assert [row[0] for row in rows[1:]] == newest_first(emu)
    by_name = dict(zip(HEADER, rows[1], strict=True))
    newest = emu.log().record(len(emu.log()) - 1)
    assert by_name["created"] == newest["created"]
    assert by_name["response.code"] == str(newest["response"]["code"])
    assert result.records == 5000


def test_unknown_format_fails_before_any_request(emu: Emulator, client: DeepgramClient, tmp_path: Path) -> None:
    with pytest.raises(DeepgramValueError, match="jsonl, csv"):
        client.project(emu.project_id).usage.requests().export(tmp_path / "x", format="xml")
    assert emu.calls == []


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_interrupted_export_resumes_exactly_once(
    emu: Emulator, client: DeepgramClient, tmp_path: Path, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("deepgram.usage.defaults.CHECKPOINT_FSYNC_INTERVAL", 0.0)
    out = tmp_path / f"requests.{fmt}"
    query = client.project(emu.project_id).usage.requests(page_size=250, concurrency=3)

    def stop_after_six_pages(info: ProgressInfo) -> None:
        if info.pages >= 6:
            raise Interrupt

    monkeypatch.setattr("deepgram.usage.defaults.PROGRESS_REFRESH", 0.0)
    with pytest.raises(Interrupt):
        query.export(out, format=fmt, progress=stop_after_six_pages)
    checkpoint = load(checkpoint_path(out))
    assert checkpoint is not None and checkpoint.pages_done == 6 and checkpoint.records == 1500
    with out.open("ab") as handle:
        handle.write(b'{"request_id": "torn')  # what a crash in the middle of a write would leave
    calls_before = len(emu.calls)
    result = query.export(out, format=fmt, resume=True, progress=False)
    assert result.resumed and result.records == 5000
    assert len(emu.calls) - calls_before < 20  # continued from page 6, did not start over
    if fmt == "jsonl":
        assert read_ids(out) == newest_first(emu)
    else:
        with out.open(newline="") as handle:
            assert [row[0] for row in list(csv.reader(handle))[1:]] == newest_first(emu)


def test_resume_refuses_another_query(emu: Emulator, client: DeepgramClient, tmp_path: Path) -> None:
    out = tmp_path / "requests.jsonl"
    usage = client.project(emu.project_id).usage
    with pytest.raises(Interrupt):
        usage.requests(page_size=500).export(out, progress=_raise_at_once)
    with pytest.raises(DeepgramValueError, match="another export"):
        usage.requests(page_size=500, endpoint="listen").export(out, resume=True)


def test_resume_of_a_complete_file_is_refused(emu: Emulator, client: DeepgramClient, tmp_path: Path) -> None:
    out = tmp_path / "requests.jsonl"
    query = client.project(emu.project_id).usage.requests()
    query.export(out)
    with pytest.raises(DeepgramValueError, match="no checkpoint"):
        query.export(out, resume=True)
    assert read_ids(out) == newest_first(emu)


def test_resume_without_any_file_starts_fresh(emu: Emulator, client: DeepgramClient, tmp_path: Path) -> None:
    out = tmp_path / "new.jsonl"
    result = client.project(emu.project_id).usage.requests().export(out, resume=True)
    assert not result.resumed and result.records == 5000


def test_progress_callback_reports_counts_and_completion(
    emu: Emulator, client: DeepgramClient, tmp_path: Path
) -> None:
    seen: list[ProgressInfo] = []
    query = client.project(emu.project_id).usage.requests(start="2020-01-01", page_size=1000)
    query.export(tmp_path / "r.jsonl", progress=seen.append)
    final = seen[-1]
    assert final.done and final.records == 5000 and final.fraction == 1.0 and final.eta == 0.0


def test_progress_bar_on_stderr_only_when_asked(
    emu: Emulator, client: DeepgramClient, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    query = client.project(emu.project_id).usage.requests()
    query.export(tmp_path / "a.jsonl")  # stderr is not a terminal here: silent
    assert capsys.readouterr().err == ""
    query.export(tmp_path / "b.jsonl", progress=True)
    err = capsys.readouterr().err
    assert "5,000 records" in err and "rec/s" in err and "elapsed" in err


def _raise_at_once(info: ProgressInfo) -> None:
    raise Interrupt


def _peak_export_memory(records: int, path: Path) -> int:
    with Emulator(requests=records, seed=9) as emu, DeepgramClient(api_key=emu.api_key, url=emu.url) as dg:
        query = dg.project(emu.project_id).usage.requests(page_size=100, concurrency=4)
        gc.collect()
        tracemalloc.start()
        try:
            query.export(path, progress=False)
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()


def test_export_memory_does_not_grow_with_the_number_of_records(tmp_path: Path) -> None:
    small = _peak_export_memory(2_000, tmp_path / "small.jsonl")
    large = _peak_export_memory(20_000, tmp_path / "large.jsonl")
    assert large < small * 1.5 + 1_000_000, (small, large)
