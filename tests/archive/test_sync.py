"""`client.usage.sync`: incremental, exactly once, one pinned window per run, only the overlap re-read."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from pathlib import Path

import pytest

from deepgram import DeepgramClient
from deepgram.cli import main
from deepgram.errors import ArchiveLockedError, ArchiveSyncError, DeepgramTypeError, DeepgramValueError
from deepgram.testing import Emulator
from deepgram.usage.archive.layout import parse_created
from deepgram.usage.archive.lock import ArchiveLock

from .conftest import archived_ids, assert_exact


def request_pages(emu: Emulator) -> list[str]:
    return [path for method, path in emu.calls if "/requests" in path]


def test_incremental_sync_in_live_mode_archives_every_request_exactly_once(
    emu: Emulator, client: DeepgramClient, tmp_path: Path
) -> None:
    first = client.usage.sync(tmp_path, page_size=97, progress=False)
    assert first.new == sum(len(emu.request_ids(p)) for p in emu.project_ids) and first.duplicates == 0
    assert_exact(tmp_path, emu)
    state = json.loads((tmp_path / "_state.json").read_text())
    main_state = state["projects"][emu.project_id]
    log = emu.log()
    newest = dt.datetime.fromtimestamp(log.timeline.created_ms(len(log) - 1) / 1000, dt.timezone.utc)
    assert parse_created(main_state["watermark"]) == newest  # the newest `created` archived

    emu.advance(3600)  # 1 800 new requests at the head of the main log
    late = [emu.add_request(age=age) for age in (600, 2400, 5000)]  # back-dated into the overlap
    other = emu.add_request(emu.project_ids[1], age=60)
    emu.calls.clear()
    second = client.usage.sync(tmp_path, page_size=97, progress=False)
    assert_exact(tmp_path, emu)
    assert second.new == 1800 + len(late) + 1 and second.duplicates > 0
    assert other in archived_ids(tmp_path, emu.project_ids[1])
    # The rerun read [watermark - 1 h, now]: about two hours of the main log, not its 60 days.
    main_result = next(p for p in second.projects if p.project_id == emu.project_id)
    assert parse_created(main_result.start or "") == parse_created(main_state["watermark"]) - dt.timedelta(hours=1)
    assert main_result.pages <= (1800 + 1800 + 10) // 97 + 2

    third = client.usage.sync(tmp_path, page_size=97, progress=False)
    assert (third.new, third.files) == (0, 0) and third.duplicates > 0
    assert_exact(tmp_path, emu)
    assert "synced 3 projects: 0 new records" in third.summary()


def test_parts_are_hive_partitioned_by_utc_day_of_created(
    emu: Emulator, client: DeepgramClient, tmp_path: Path
) -> None:
    result = client.usage.sync(tmp_path, projects=[emu.project_id], progress=False)
    parts = sorted(tmp_path.glob("project_id=*/date=*/part-*.jsonl"))
    assert len(parts) == result.files > 50  # the seeded log spans 60 days
    for part in parts:
        assert part.name.startswith(f"part-{result.run}-")
        day = part.parent.name.removeprefix("date=")
        for line in part.read_text().splitlines():
            assert json.loads(line)["created"][:10] == day
    assert not list(tmp_path.rglob(".tmp-*"))


def test_async_twin_and_one_pinned_now_for_every_project(emu: Emulator, tmp_path: Path) -> None:
    async def run() -> None:
        async with DeepgramClient(api_key=emu.api_key, url=emu.url) as client:
            now = emu.now() - dt.timedelta(days=1)
            result = await client.usage.async_(tmp_path, now=now, progress=False)
            assert {p.end for p in result.projects} == {now.strftime("%Y-%m-%dT%H:%M:%SZ")}
            for project_id in emu.project_ids:
                ids = archived_ids(tmp_path, project_id)
                log = emu.log(project_id)
                cutoff = now.timestamp() * 1000
                expected = {log.request_id(s) for s in range(len(log)) if log.timeline.created_ms(s) <= cutoff}
                assert set(ids) == expected

    asyncio.run(run())


def test_a_second_sync_into_the_same_directory_fails_at_once(
    emu: Emulator, client: DeepgramClient, tmp_path: Path
) -> None:
    emu.calls.clear()
    with ArchiveLock(tmp_path / "_sync.lock"), pytest.raises(ArchiveLockedError, match="another usage sync"):
        client.usage.sync(tmp_path, progress=False)
    assert emu.calls == []
    assert client.usage.sync(tmp_path, progress=False).new > 0  # released: the next one runs


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"format": "xml"}, DeepgramValueError),
        ({"overlap": "-1h"}, DeepgramValueError),
        ({"overlap": "soon"}, DeepgramValueError),
        ({"concurrency": 0}, DeepgramValueError),
        ({"concurrency": "8"}, DeepgramTypeError),
        ({"page_size": 1001}, DeepgramValueError),
        ({"projects": []}, DeepgramValueError),
        ({"start": "yesterday"}, DeepgramValueError),
    ],
)
def test_bad_arguments_fail_before_any_request(
    emu: Emulator, client: DeepgramClient, tmp_path: Path, kwargs: dict[str, object], error: type[Exception]
) -> None:
    emu.calls.clear()
    with pytest.raises(error):
        client.usage.sync(tmp_path / "archive", progress=False, **kwargs)  # type: ignore[arg-type]
    assert emu.calls == [] and not (tmp_path / "archive").exists()


def test_an_archive_keeps_one_format(emu: Emulator, client: DeepgramClient, tmp_path: Path) -> None:
    client.usage.sync(tmp_path, projects=emu.project_ids[2], progress=False)
    with pytest.raises(DeepgramValueError, match="holds a jsonl archive"):
        client.usage.sync(tmp_path, projects=emu.project_ids[2], format="parquet", progress=False)


def test_a_failing_project_leaves_the_others_archived(
    emu: Emulator, client: DeepgramClient, tmp_path: Path
) -> None:
    missing = "00000000-0000-4000-8000-000000000000"
    with pytest.raises(ArchiveSyncError, match="1 of 2 projects failed") as failed:
        client.usage.sync(tmp_path, projects=[emu.project_ids[1], missing], progress=False)
    state = json.loads((tmp_path / "_state.json").read_text())
    assert list(state["projects"]) == [emu.project_ids[1]]
    assert set(archived_ids(tmp_path, emu.project_ids[1])) == emu.request_ids(emu.project_ids[1])
    assert failed.value.result.failed[0].project_id == missing  # type: ignore[attr-defined]


def test_rate_limits_are_ridden_out_and_the_archive_stays_exact(
    emu: Emulator, client: DeepgramClient, tmp_path: Path
) -> None:
    emu.faults.add(path="/v1/projects/{project_id}/requests", method="GET", status=429, rate=0.3, retry_after=0)
    client.usage.sync(tmp_path, page_size=200, progress=False)
    emu.faults.clear()
    assert_exact(tmp_path, emu)


def test_progress_callback_sees_every_project_and_the_total(
    emu: Emulator, client: DeepgramClient, tmp_path: Path
) -> None:
    seen = []
    result = client.usage.sync(tmp_path, page_size=250, progress=lambda p: seen.append((p.new, p.done)))
    assert seen[-1] == (result.new, 3)
    assert [new for new, _ in seen] == sorted(new for new, _ in seen)


def test_the_command_prints_one_summary_line(
    emu: Emulator, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DEEPGRAM_API_KEY", emu.api_key)
    out = tmp_path / "archive"
    assert main(["usage", "sync", "--url", emu.url, "--out", str(out), "--all-projects", "--overlap", "30m"]) == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith("synced 3 projects: ") and "duplicates skipped" in line and "files written" in line
    assert_exact(out, emu)
    assert main(["usage", "sync", "--url", emu.url, "--out", str(out)]) == 2  # no project named
    assert "--all-projects" in capsys.readouterr().err
