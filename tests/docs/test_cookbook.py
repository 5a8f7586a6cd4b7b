"""Every cookbook script, run as a user runs it, against an emulator whose state the test arranges."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from deepgram import DeepgramClient
from deepgram.testing import Emulator

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
COOKBOOK = ROOT / "docs" / "cookbook"
DAY_MS = 86_400_000


@dataclass
class Done:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


@dataclass
class Setup:
    emu: Emulator
    client: DeepgramClient
    cwd: Path

    def run(self, script: str, *args: str, code: int = 0, **settings: str) -> Done:
        env = {k: v for k, v in os.environ.items() if not k.startswith("DEEPGRAM_")}
        env.update(DEEPGRAM_API_KEY=self.emu.api_key, DEEPGRAM_HOST=self.emu.url,
                   DEEPGRAM_PROJECT_ID=self.emu.project_id, PYTHONUNBUFFERED="1", **settings)
        done = subprocess.run([sys.executable, str(EXAMPLES / script), *args], cwd=self.cwd, env=env,
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == code, done.stdout[-2000:] + done.stderr[-4000:]
        assert "Traceback" not in done.stderr
        return Done(done.returncode, done.stdout, done.stderr)

    @property
    def project(self) -> Any:
        return self.client.project(self.emu.project_id)


@pytest.fixture
def setup(tmp_path: Path) -> Iterator[Setup]:
    with Emulator() as emu, DeepgramClient(api_key=emu.api_key, url=emu.url) as client:
        yield Setup(emu, client, tmp_path)


def test_every_cookbook_page_names_a_script_that_exists() -> None:
    pages = sorted(p for p in COOKBOOK.glob("*.md") if p.name != "index.md")
    assert len(pages) >= 6
    for page in pages:
        text = page.read_text(encoding="utf-8")
        scripts = [s for s in (p.name for p in EXAMPLES.glob("*.py")) if f"examples/{s}" in text]
        assert scripts, f"{page.name} names no script of examples/"


def test_rotate_a_service_key(setup: Setup) -> None:
    old = setup.project.keys.create(comment="billing-service", scopes=["usage:read"], tags=["billing"])
    done = setup.run("key_rotation.py", DEEPGRAM_ROTATE_KEY_ID=old.api_key_id)
    assert f"Rotating {old.api_key_id} ('billing-service', scopes ['usage:read'])" in done.out
    assert "Verified: the new key can read the request log" in done.out
    assert f"Deleted the old key {old.api_key_id}" in done.out
    secret = next(line for line in done.out.splitlines() if "shown once" in line).split(": ")[-1]
    keys = {k.api_key_id: k for k in setup.project.keys.list()}
    assert old.api_key_id not in keys
    (new,) = [k for k in keys.values() if k.comment == "billing-service"]
    assert new.scopes == ["usage:read"] and new.tags == ["billing"]
    with DeepgramClient(api_key=secret, url=setup.emu.url) as rotated:  # the printed secret works
        assert rotated.project(setup.emu.project_id).usage.page(limit=1).requests


def test_audit_lists_every_member_and_key_with_its_scopes(setup: Setup) -> None:
    rows = setup.run("audit_scopes.py", "--json").json()
    expected = set()
    for project in setup.client.projects.list():
        expected |= {(project.project_id, "member", m.member_id, tuple(sorted(m.scopes)))
                     for m in project.members.list()}
        expected |= {(project.project_id, "key", k.api_key_id, tuple(sorted(k.scopes)))
                     for k in project.keys.list()}
    assert {(r["project_id"], r["kind"], r["id"], tuple(r["scopes"])) for r in rows} == expected
    table = setup.run("audit_scopes.py").out.splitlines()
    assert table[1].split() == ["PROJECT", "KIND", "WHO", "SCOPES", "ID"]
    for member in setup.project.members.list():
        line = next(line for line in table if member.member_id in line)
        assert member.email in line and ",".join(sorted(member.scopes)) in line


def _age(setup: Setup, key_id: str, days: int) -> None:
    """Make a key look `days` old: the API cannot backdate a key, the emulator's state can."""
    key = setup.emu.state.projects[setup.emu.project_id].keys[key_id]
    key.created_ms -= days * DAY_MS


def test_unused_keys_finds_the_idle_ones_and_deletes_on_request(setup: Setup) -> None:
    keys = setup.project.keys
    idle = [keys.create(comment=f"forgotten {n}", scopes=["usage:read"]).api_key_id for n in range(2)]
    young = keys.create(comment="made today", scopes=["usage:read"]).api_key_id
    for key_id in idle:
        _age(setup, key_id, 90)
    found = setup.run("unused_keys.py", "--days", "30", "--json").json()
    assert sorted(row["api_key_id"] for row in found) == sorted(idle)  # not the young one, no used one
    assert not any(row["deleted"] for row in found)

    done = setup.run("unused_keys.py", "--days", "30", "--delete", "--keep", idle[1])
    assert f"{idle[0]}" in done.out and "1 keys with no request in 30 days deleted" in done.out
    remaining = {k.api_key_id for k in keys.list()}
    assert idle[0] not in remaining and idle[1] in remaining and young in remaining
    # Every seeded key made requests in the last 30 days, and so is never reported.
    used = Counter(r.accessor for r in setup.project.usage.page(limit=1000).requests)
    assert used and not set(used) & {row["api_key_id"] for row in found}


def test_cost_report_by_key_and_tag(setup: Setup) -> None:
    report = setup.run("cost_report.py", "--json").json()
    today = datetime.now(timezone.utc).date()
    last_month_end = today.replace(day=1) - timedelta(days=1)
    assert report["start"] == last_month_end.replace(day=1).isoformat()
    assert report["end"] == last_month_end.isoformat()
    breakdown = setup.project.billing.breakdown(start=report["start"], end=report["end"],
                                                grouping=["accessor"])
    by_id = {r.grouping.accessor: round(r.dollars, 2) for r in breakdown.results}
    assert {row["api_key_id"]: row["dollars"] for row in report["by_key"]} == by_id
    comments = {k.api_key_id: k.comment for k in setup.project.keys.list()}
    assert all(row["key"] == comments[row["api_key_id"]] for row in report["by_key"])
    assert report["total"] == pytest.approx(sum(by_id.values()), abs=0.05) and report["total"] > 0
    assert report["by_tag"] and [r["dollars"] for r in report["by_tag"]] == sorted(
        (r["dollars"] for r in report["by_tag"]), reverse=True)
    month = setup.run("cost_report.py", "--month", report["start"][:7]).out
    assert f"Costs from {report['start']} through {report['end']}: ${report['total']:,.2f}" in month
    for row in report["by_key"]:
        assert any(row["api_key_id"] in line and f"{row['dollars']:,.2f}" in line for line in month.splitlines())


def test_balance_alert_fires_below_the_threshold(setup: Setup) -> None:
    amounts = sorted(b.amount for p in setup.client.projects.list() for b in p.balances.list())
    threshold = (amounts[1] + amounts[2]) / 2  # exactly two balances are under it
    rows = setup.run("balance_alert.py", "--below", str(threshold), "--json").json()
    assert sorted(r["amount"] for r in rows if r["low"]) == amounts[:2]
    alert = setup.run("balance_alert.py", "--below", str(threshold), "--fail", code=1)
    assert sum(line.startswith("ALERT: ") for line in alert.out.splitlines()) == 2
    calm = setup.run("balance_alert.py", "--below", "0", "--fail")
    assert "OK: every balance is at least 0.00" in calm.out and "ALERT" not in calm.out


def _printed_table(out: str) -> dict[tuple[str, str], int]:
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("DAY"))
    return {(c[0], c[1]): int(c[2]) for c in (line.split() for line in lines[start + 1:])}


def test_usage_archive_syncs_and_queries_the_files(setup: Setup) -> None:
    done = setup.run("usage_archive.py", "--days", "3", "--out", "archive")
    parts = sorted((setup.cwd / "archive").rglob("*.jsonl"))
    records = [json.loads(line) for part in parts for line in part.read_text().splitlines()]
    assert records and f"Archived {len(records):,} new requests to archive (0 already there)" in done.out
    assert {r["project_uuid"] for r in records} == {setup.emu.project_id}
    expected = Counter((r["created"][:10], r["path"].split("?")[0].split("/")[2]) for r in records)
    assert _printed_table(done.out) == dict(expected)
    assert all(date.fromisoformat(day) for day, _ in expected)

    again = setup.run("usage_archive.py", "--days", "3", "--out", "archive")
    assert "Archived 0 new requests" in again.out  # incremental: nothing twice
    assert _printed_table(again.out) == dict(expected)


def test_usage_archive_query_is_the_same_without_duckdb(setup: Setup) -> None:
    blocker = setup.cwd / "no-duckdb"
    (blocker / "duckdb").mkdir(parents=True)
    (blocker / "duckdb" / "__init__.py").write_text("raise ImportError('duckdb is not installed')\n")
    with_duckdb = setup.run("usage_archive.py", "--days", "2", "--out", "archive")
    path = os.pathsep.join(filter(None, [str(blocker), os.environ.get("PYTHONPATH")]))
    without = setup.run("usage_archive.py", "--days", "2", "--out", "archive", PYTHONPATH=path)
    assert "(queried with python)" in without.out
    assert _printed_table(without.out) == _printed_table(with_duckdb.out)
