"""The usage summary says something: its `results` carry the window's totals from the breakdown."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from deepgram import DeepgramClient
from deepgram.cli import main
from deepgram.testing import Emulator

WINDOW = {"start": "2000-01-01", "end": "2100-01-01"}


@pytest.fixture(scope="module")
def emu() -> Iterator[Emulator]:
    with Emulator(requests=2500, seed=5) as emulator:
        yield emulator


def _expected(client: DeepgramClient, pid: str, **filters: str) -> dict[str, float]:
    """Totals summed from the usage breakdown by endpoint over the same window and filters."""
    rows = client.manage.get_usage_breakdown(pid, grouping="endpoint", **WINDOW, **filters).results
    return {
        "requests": sum(r.requests for r in rows),
        "tokens_in": sum(r.tokens_in for r in rows),
        "tts_characters": sum(r.tts_characters for r in rows),
        "speak": sum(r.requests for r in rows if r.grouping and r.grouping.endpoint == "speak"),
    }


def test_classic_sync_summary_has_one_entry_of_window_totals(emu: Emulator) -> None:
    with DeepgramClient(api_key=emu.api_key, url=emu.url) as client:
        summary = client.manage.get_usage_summary(emu.project_id, **WINDOW)
        expected = _expected(client, emu.project_id)
        (entry,) = summary.results
        assert (entry.start, entry.end) == ("2000-01-01", "2100-01-01")
        assert entry.requests == expected["requests"] == 2500
        assert entry.tokens is not None and entry.tokens.in_ == expected["tokens_in"]
        assert entry.tts is not None and entry.tts.characters == expected["tts_characters"]
        assert entry.tts.requests == expected["speak"]
        assert entry.hours is not None and 0 < entry.hours <= (entry.total_hours or 0)
        # The seed's `get_usage` and the filters apply to the totals as to the summary.
        assert client.manage.get_usage(emu.project_id, **WINDOW).results[0].requests == 2500
        listen = client.manage.get_usage_summary(emu.project_id, endpoint="listen", **WINDOW).results[0]
        assert listen.requests == _expected(client, emu.project_id, endpoint="listen")["requests"] < 2500


async def test_classic_async_summary_and_opt_out(emu: Emulator) -> None:
    async with DeepgramClient(api_key=emu.api_key, url=emu.url) as client:
        summary = await client.asyncmanage.get_usage_summary(emu.project_id, **WINDOW)
        assert summary.results[0].requests == 2500
        before = len(emu.calls)
        bare = await client.asyncmanage.get_usage_summary(emu.project_id, totals=False, **WINDOW)
        assert bare.results == [] and bare.start == "2000-01-01"
        assert [path.split("?")[0].rsplit("/", 1)[-1] for _, path in emu.calls[before:]] == ["usage"]


def test_objects_summary_sync_and_opt_out(emu: Emulator) -> None:
    with DeepgramClient(api_key=emu.api_key, url=emu.url) as client:
        usage = client.project(emu.project_id).usage
        assert usage.summary(**WINDOW).results[0].requests == 2500
        assert usage.summary(totals=False, **WINDOW).results == []


async def test_objects_summary_async(emu: Emulator) -> None:
    async with DeepgramClient(api_key=emu.api_key, url=emu.url) as client:
        summary = await client.project(emu.project_id).usage.asummary(**WINDOW)
        assert summary.results[0].requests == 2500


def test_older_servers_results_are_kept_as_sent() -> None:
    with (
        Emulator(requests=200, shapes="legacy") as emu,
        DeepgramClient(api_key=emu.api_key, url=emu.url) as client,
    ):
        summary = client.manage.get_usage_summary(emu.project_id)
        assert len(summary.results) > 1  # per-day entries, as that server sent them
        assert sum(r.requests or 0 for r in summary.results) == 200


def test_cli_summary_prints_the_totals(
    emu: Emulator, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DEEPGRAM_API_KEY", emu.api_key)
    assert main(["usage", "summary", "-p", emu.project_id, "--start", "2000-01-01", "--url", emu.url]) == 0
    out = capsys.readouterr().out
    assert "2500" in out and "TOKENS_IN" in out
    assert main(["usage", "summary", "-p", emu.project_id, "--no-totals", "--url", emu.url]) == 0
    assert "2500" not in capsys.readouterr().out
