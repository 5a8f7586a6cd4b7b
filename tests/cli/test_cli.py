"""The `deepgram` command: every group, tables and JSON, exit codes and one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from deepgram.cli import main
from deepgram.testing import Emulator

from .conftest import Result

Run = Callable[..., Result]


def test_projects_list_table_and_json(run: Run, emu: Emulator) -> None:
    table = run("projects", "list")
    assert table.code == 0 and table.out.splitlines()[0].split() == ["PROJECT_ID", "NAME", "COMPANY"]
    assert emu.project_id in table.out
    listed = run("projects", "list", "--json")
    assert [p["project_id"] for p in listed.json()] == emu.project_ids


def test_keys_create_list_delete(run: Run, emu: Emulator) -> None:
    created = run("keys", "create", "-p", emu.project_id, "--comment", "ci", "--scope", "usage:read",
                  "--ttl", "3600", "--json")
    assert created.code == 0, created.err
    key = created.json()
    assert key["key"] and key["comment"] == "ci"
    listed = run("keys", "list", "-p", emu.project_id, "--json").json()
    assert key["api_key_id"] in [k["api_key_id"] for k in listed]
    assert key["key"] not in run("keys", "list", "-p", emu.project_id).out  # secrets shown once only
    deleted = run("keys", "delete", "-p", emu.project_id, key["api_key_id"])
    assert deleted.code == 0 and "deleted key" in deleted.out
    gone = run("keys", "delete", "-p", emu.project_id, key["api_key_id"])
    assert gone.code == 1


def test_keys_create_table_prints_the_secret_once(run: Run, emu: Emulator) -> None:
    created = run("keys", "create", "-p", emu.project_id, "--comment", "x", "--scope", "member")
    assert created.code == 0 and "will not show it again" in created.out
    secret_line = next(line for line in created.out.splitlines() if line.startswith("SECRET"))
    secret = secret_line.split()[1]
    assert created.out.count(secret) == 1  # shown once, on its own marked line
    listed = run("keys", "list", "-p", emu.project_id, "--json").json()
    key_id = created.out.splitlines()[1].split()[0]
    assert key_id in [k["api_key_id"] for k in listed]


def test_members_and_scopes(run: Run, emu: Emulator) -> None:
    members = run("members", "list", "-p", emu.project_id, "--json").json()
    target = next(m for m in members if "member" in m["scopes"])
    assert run("scopes", "get", "-p", emu.project_id, target["member_id"], "--json").json() == {
        "scopes": ["member"]
    }
    assert run("scopes", "update", "-p", emu.project_id, target["member_id"], "admin").code == 0
    assert "admin" in run("scopes", "get", "-p", emu.project_id, target["member_id"]).out
    assert run("members", "remove", "-p", emu.project_id, target["member_id"]).code == 0
    remaining = run("members", "list", "-p", emu.project_id, "--json").json()
    assert target["member_id"] not in [m["member_id"] for m in remaining]


def test_invites_send_list_delete(run: Run, emu: Emulator) -> None:
    assert run("invites", "send", "-p", emu.project_id, "new.person@example.com", "--scope", "admin").code == 0
    listed = run("invites", "list", "-p", emu.project_id, "--json").json()
    assert {"email": "new.person@example.com", "scope": "admin"}.items() <= next(
        i for i in listed if i["email"] == "new.person@example.com"
    ).items()
    assert run("invites", "delete", "-p", emu.project_id, "new.person@example.com").code == 0
    assert "new.person@example.com" not in run("invites", "list", "-p", emu.project_id).out


def test_balances_and_models(run: Run, emu: Emulator) -> None:
    balances = run("balances", "list", "-p", emu.project_id)
    assert balances.code == 0 and "BALANCE_ID" in balances.out
    catalogue = run("models", "list", "--json").json()
    assert catalogue["stt"] and catalogue["tts"]
    assert run("models", "list", "-p", emu.project_id).out.startswith("KIND")


def test_usage_requests_formats(run: Run, emu: Emulator) -> None:
    log = emu.log()
    newest = [log.request_id(seq) for seq in range(len(log) - 1, len(log) - 6, -1)]
    lines = run("usage", "requests", "-p", emu.project_id, "--format", "jsonl", "--max", "5").out.splitlines()
    assert [json.loads(line)["request_id"] for line in lines] == newest
    as_json = run("usage", "requests", "-p", emu.project_id, "--json", "--max", "5").json()
    assert [r["request_id"] for r in as_json] == newest
    table = run("usage", "requests", "-p", emu.project_id, "--max", "2", "--endpoint", "listen").out
    assert table.splitlines()[0].split()[:3] == ["CREATED", "REQUEST_ID", "CODE"]
    assert len(table.splitlines()) == 3 and "listen" in table
    everything = run("usage", "requests", "-p", emu.project_id, "--format", "jsonl", "--start", "2000-01-01")
    assert len(everything.out.splitlines()) == 3000


def test_usage_requests_empty_window(run: Run, emu: Emulator) -> None:
    empty = run("usage", "requests", "-p", emu.project_id, "--start", "2001-01-01", "--end", "2001-01-02")
    assert empty.code == 0 and "(none)" in empty.out
    assert run("usage", "requests", "-p", emu.project_id, "--start", "2001-01-01", "--end", "2001-01-02",
               "--json").json() == []


def test_usage_summary_and_breakdown(run: Run, emu: Emulator) -> None:
    assert run("usage", "summary", "-p", emu.project_id).out.startswith("window:")
    rows = run("usage", "breakdown", "-p", emu.project_id, "--grouping", "endpoint", "--json").json()["results"]
    assert sum(row["requests"] for row in rows) == 3000
    table = run("usage", "breakdown", "-p", emu.project_id, "--grouping", "endpoint").out
    assert "ENDPOINT" in table and "listen" in table


def test_usage_export_and_resume_flags(run: Run, emu: Emulator, tmp_path: Path) -> None:
    out = tmp_path / "requests.csv"
    done = run("usage", "export", "-p", emu.project_id, "--start", "2000-01-01", "--out", str(out),
               "--format", "csv", "--concurrency", "3", "--json")
    assert done.code == 0 and done.json()["records"] == 3000
    assert len(out.read_text().splitlines()) == 3001
    again = run("usage", "export", "-p", emu.project_id, "--start", "2000-01-01", "--out", str(out),
                "--format", "csv", "--resume")
    assert again.code == 2 and "no checkpoint" in again.err


@pytest.mark.parametrize(
    ("argv", "code", "needle"),
    [
        (("keys", "delete", "-p", "{pid}", "missing-key"), 1, "404 Not Found"),
        (("usage", "requests", "-p", "{pid}", "--page-size", "5000"), 2, "between 1 and 1000"),
        (("usage", "requests", "-p", "{pid}", "--start", "2026-10-10", "--end", "2026-10-01"), 2, "after end"),
        (("keys", "list"), 2, "--project"),
        (("frobnicate",), 2, "invalid choice"),
    ],
)
def test_errors_are_one_line_with_a_stable_exit_code(
    run: Run, emu: Emulator, argv: tuple[str, ...], code: int, needle: str
) -> None:
    result = run(*(arg.format(pid=emu.project_id) for arg in argv))
    assert result.code == code and needle in result.err
    assert "Traceback" not in result.err
    if code == 1:
        assert len(result.err.strip().splitlines()) == 1 and "request_id=" in result.err


def test_missing_key_and_unreachable_host(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("DEEPGRAM_API_KEY", raising=False)
    assert main(["projects", "list", "--url", "http://127.0.0.1:9"]) == 2
    assert "DEEPGRAM_API_KEY" in capsys.readouterr().err
    monkeypatch.setenv("DEEPGRAM_API_KEY", "some-key")
    assert main(["projects", "list", "--url", "http://127.0.0.1:9"]) == 3
    err = capsys.readouterr().err
    assert err.startswith("deepgram: error:") and len(err.strip().splitlines()) == 1


def test_help_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert "exit codes" in capsys.readouterr().out


def test_console_script_in_a_subprocess(emu: Emulator) -> None:
    env = {**os.environ, "DEEPGRAM_API_KEY": emu.api_key}
    done = subprocess.run([sys.executable, "-m", "deepgram", "projects", "list", "--json", "--url", emu.url],
                          env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert [p["project_id"] for p in json.loads(done.stdout)] == emu.project_ids
    failed = subprocess.run([sys.executable, "-m", "deepgram", "keys", "delete", "-p", emu.project_id, "nope",
                             "--url", emu.url], env=env, capture_output=True, text=True, timeout=60)
    assert failed.returncode == 1 and "Traceback" not in failed.stderr
