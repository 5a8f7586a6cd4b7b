"""Files under attack or in trouble: a planted symlink, two exports at once, an edited checkpoint,
a full disk, a missing or forbidden directory, and server values that look like formulas."""

from __future__ import annotations

import csv
import fcntl
import json
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import msgspec
import pytest
from aiohttp import web

from deepgram import DeepgramClient
from deepgram.cli import EXIT_FILE, main
from deepgram.errors import DeepgramValueError, ExportLockedError
from deepgram.testing import Emulator
from deepgram.usage.checkpoint import checkpoint_path, load
from deepgram.usage.progress import ProgressInfo
from tests.hostile.servers import serving


class Interrupt(Exception):
    """Raised from a progress callback to stop an export part-way."""


@pytest.fixture(scope="module")
def emu() -> Iterator[Emulator]:
    with Emulator(requests=600, seed=13) as emulator:
        yield emulator


@pytest.fixture
def client(emu: Emulator) -> Iterator[DeepgramClient]:
    with DeepgramClient(api_key=emu.api_key, url=emu.url) as dg:
        yield dg


@pytest.fixture(autouse=True)
def _eager(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("deepgram.usage.defaults.CHECKPOINT_FSYNC_INTERVAL", 0.0)
    monkeypatch.setattr("deepgram.usage.defaults.PROGRESS_REFRESH", 0.0)


def _stop_after(pages: int) -> Callable[[ProgressInfo], None]:
    def stop(info: ProgressInfo) -> None:
        if info.pages >= pages:
            raise Interrupt

    return stop


def _interrupted(client: DeepgramClient, emu: Emulator, out: Path, pages: int = 3) -> None:
    query = client.project(emu.project_id).usage.requests(page_size=100, concurrency=1)
    with pytest.raises(Interrupt):
        query.export(out, progress=_stop_after(pages))


def test_a_symlink_planted_at_the_old_temporary_name_is_not_followed(
    client: DeepgramClient, emu: Emulator, tmp_path: Path
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    out = tmp_path / "requests.jsonl"
    (tmp_path / "requests.jsonl.checkpoint.tmp").symlink_to(victim)
    _interrupted(client, emu, out)
    assert victim.read_text() == "precious"
    assert load(checkpoint_path(out)) is not None
    assert not checkpoint_path(out).is_symlink()
    assert not list(tmp_path.glob("requests.jsonl.checkpoint.*.tmp"))  # no temporary left behind


def test_a_second_export_to_the_same_file_fails_at_once(
    client: DeepgramClient, emu: Emulator, tmp_path: Path
) -> None:
    out = tmp_path / "requests.jsonl"
    first_page, release = threading.Event(), threading.Event()
    outcome: list[object] = []

    def hold(info: ProgressInfo) -> None:
        if info.pages == 1:
            first_page.set()
            release.wait(20)

    def first() -> None:
        query = client.project(emu.project_id).usage.requests(page_size=100, concurrency=1)
        outcome.append(query.export(out, progress=hold))

    thread = threading.Thread(target=first)
    thread.start()
    assert first_page.wait(20)
    second = DeepgramClient(api_key=emu.api_key, url=emu.url)
    try:
        with pytest.raises(ExportLockedError, match="another export"):
            second.project(emu.project_id).usage.requests(page_size=100).export(out)
        checkpoint = load(checkpoint_path(out))
        assert checkpoint is not None  # the first export's, not replaced by the second's
    finally:
        release.set()
        thread.join(30)
        second.close()
    assert outcome and outcome[0].records == 600  # type: ignore[attr-defined]
    assert len(out.read_bytes().splitlines()) == 600


def _edit_checkpoint(out: Path, **changes: object) -> None:
    path = checkpoint_path(out)
    data = json.loads(path.read_bytes())
    data.update(changes)
    path.write_bytes(msgspec.json.encode(data))


def test_a_checkpoint_pointing_mid_line_is_refused(client: DeepgramClient, emu: Emulator, tmp_path: Path) -> None:
    out = tmp_path / "requests.jsonl"
    _interrupted(client, emu, out)
    committed = load(checkpoint_path(out))
    assert committed is not None
    _edit_checkpoint(out, bytes=committed.bytes - 7)
    query = client.project(emu.project_id).usage.requests(page_size=100, concurrency=1)
    with pytest.raises(DeepgramValueError, match="inside a record"):
        query.export(out, resume=True)
    assert out.stat().st_size >= committed.bytes  # refused before truncating anything


def test_a_checkpoint_pointing_at_another_record_is_refused(
    client: DeepgramClient, emu: Emulator, tmp_path: Path
) -> None:
    out = tmp_path / "requests.jsonl"
    _interrupted(client, emu, out)
    lines = out.read_bytes().splitlines(keepends=True)
    earlier = sum(len(line) for line in lines[:150])  # a record boundary, but not the committed one
    _edit_checkpoint(out, bytes=earlier)
    query = client.project(emu.project_id).usage.requests(page_size=100, concurrency=1)
    with pytest.raises(DeepgramValueError, match="file was changed"):
        query.export(out, resume=True)


def test_an_intact_checkpoint_still_resumes(client: DeepgramClient, emu: Emulator, tmp_path: Path) -> None:
    out = tmp_path / "requests.jsonl"
    _interrupted(client, emu, out)
    query = client.project(emu.project_id).usage.requests(page_size=100, concurrency=1)
    result = query.export(out, resume=True)
    assert result.resumed and result.records == 600 and len(out.read_bytes().splitlines()) == 600


def _cli(emu: Emulator, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *argv: str):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DEEPGRAM_API_KEY", emu.api_key)
    code = main([*argv, "--url", emu.url])
    captured = capsys.readouterr()
    return code, captured.err


@pytest.mark.parametrize(
    ("where", "needle"),
    [
        ("/dev/full", "No space left on device"),
        ("{tmp}/missing/dir/out.jsonl", "No such file or directory"),
        ("/sys/deepgram-export.jsonl", "/sys/deepgram-export.jsonl"),
    ],
    ids=["full-disk", "missing-directory", "forbidden-directory"],
)
def test_the_cli_reports_file_errors_in_one_line(
    emu: Emulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    where: str, needle: str,
) -> None:
    target = where.format(tmp=tmp_path)
    code, err = _cli(emu, monkeypatch, capsys, "usage", "export", "-p", emu.project_id, "--out", target,
                     "--format", "csv", "--no-progress")
    assert code == EXIT_FILE
    assert err.count("\n") == 1 and "Traceback" not in err and needle in err, err


def test_the_cli_reports_a_file_in_use_in_one_line(
    emu: Emulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "busy.jsonl"
    with out.open("wb") as holder:
        fcntl.flock(holder.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)  # as a running export holds it
        code, err = _cli(emu, monkeypatch, capsys, "usage", "export", "-p", emu.project_id, "--out", str(out),
                         "--no-progress")
    assert code == EXIT_FILE and err.count("\n") == 1 and "another export" in err, err


HOSTILE_RECORD = {
    "request_id": "=HYPERLINK(\"http://evil.example\",\"x\")",
    "created": "2025-01-01T00:00:00Z",
    "path": "+cmd|' /C calc'!A0",
    "deployment": "@SUM(1+1)",
    "accessor": "-2+3",
    "api_key_id": "\tTAB",
    "project_uuid": "\rCR",
    "code": 200,
}


async def _hostile_page(request: web.Request) -> web.StreamResponse:
    return web.json_response({"page": 0, "limit": 10, "requests": [HOSTILE_RECORD]})


def _csv_cells(path: Path) -> dict[str, str]:
    with path.open(newline="") as handle:
        header, first = list(csv.reader(handle))[:2]
    return dict(zip(header, first, strict=True))


def test_csv_cells_that_look_like_formulas_are_neutralised_by_default(tmp_path: Path) -> None:
    with serving(_hostile_page) as (_, client):
        query = client.project("p1").usage.requests(start="2025-01-01", end="2025-01-02", page_size=10)
        query.export(tmp_path / "safe.csv", format="csv")
        query.export(tmp_path / "raw.csv", format="csv", neutralize_formulas=False)
    safe, raw = _csv_cells(tmp_path / "safe.csv"), _csv_cells(tmp_path / "raw.csv")
    for column in ("request_id", "path", "deployment", "accessor", "api_key_id", "project_uuid"):
        assert safe[column] == "'" + HOSTILE_RECORD[column], column  # type: ignore[operator]
        assert raw[column] == HOSTILE_RECORD[column], column
    assert safe["code"] == "200"
