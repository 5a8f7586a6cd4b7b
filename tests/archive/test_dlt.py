"""The dlt source loads a DuckDB destination twice: requests incrementally, snapshots replaced."""

from __future__ import annotations

from pathlib import Path

import dlt
import duckdb

from deepgram.integrations.dlt import deepgram_source
from deepgram.testing import Emulator

from .conftest import CALLBACK, SECRET, TOKEN


def run_pipeline(emu: Emulator, where: Path) -> None:
    pipeline = dlt.pipeline(
        pipeline_name="deepgram_usage", destination=dlt.destinations.duckdb(str(where / "usage.duckdb")),
        dataset_name="deepgram", pipelines_dir=str(where / "pipelines"),
    )
    pipeline.run(deepgram_source(api_key=emu.api_key, url=emu.url))


def count(where: Path, sql: str) -> tuple[object, ...]:
    with duckdb.connect(str(where / "usage.duckdb"), read_only=True) as con:
        row = con.execute(sql).fetchall()[0]
    return tuple(row)


def test_two_loads_into_duckdb_hold_every_request_once(emu: Emulator, tmp_path: Path) -> None:
    run_pipeline(emu, tmp_path)
    truth = sum(len(emu.request_ids(p)) for p in emu.project_ids)
    assert count(tmp_path, "SELECT count(*), count(DISTINCT request_id) FROM deepgram.requests") == (truth, truth)

    emu.advance(1800)  # 900 new requests, and two late ones inside the overlap, one with credentials
    leaky = emu.add_request(age=1200, callback=CALLBACK)
    emu.add_request(emu.project_ids[2], age=100)
    emu.calls.clear()
    run_pipeline(emu, tmp_path)
    truth = sum(len(emu.request_ids(p)) for p in emu.project_ids)
    assert count(tmp_path, "SELECT count(*), count(DISTINCT request_id) FROM deepgram.requests") == (truth, truth)
    # Incremental: the second load asked only for the last hour or so, not the 60-day log again.
    pages = [path for _, path in emu.calls if path.split("?")[0].endswith("/requests")]
    assert len(pages) <= 3 * 3
    url, record = count(tmp_path, f"SELECT callback_url, record FROM deepgram.requests WHERE request_id = '{leaky}'")
    assert "REDACTED" in str(url) and SECRET not in str(record) and TOKEN not in str(record)

    assert count(tmp_path, "SELECT count(*) FROM deepgram.projects") == (3,)
    keys = sum(len(p.keys) for p in emu.state.projects.values())
    assert count(tmp_path, "SELECT count(*) FROM deepgram.keys") == (keys,)  # replaced, not appended
    with duckdb.connect(str(tmp_path / "usage.duckdb"), read_only=True) as con:
        key_columns = {row[0] for row in con.execute("DESCRIBE deepgram.keys").fetchall()}
        secrets = [k.secret for p in emu.state.projects.values() for k in p.keys.values()]
        dump = str(con.execute("SELECT * FROM deepgram.keys").fetchall())
    assert "key" not in key_columns and not any(secret in dump for secret in secrets)
    members = sum(len(p.members) for p in emu.state.projects.values())
    assert count(tmp_path, "SELECT count(*) FROM deepgram.members") == (members,)
    invites = sum(len(p.invites) for p in emu.state.projects.values())
    assert count(tmp_path, "SELECT count(*) FROM deepgram.invites") == (invites,)
    balances = sum(len(p.balances) for p in emu.state.projects.values())
    assert count(tmp_path, "SELECT count(*) FROM deepgram.balances") == (balances,)
    breakdown = count(tmp_path, "SELECT sum(requests) FROM deepgram.usage_breakdown WHERE grouping = 'endpoint'")
    assert breakdown[0] and int(breakdown[0]) > 0
