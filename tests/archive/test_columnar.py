"""Parquet archives and in-memory tables: the flat typed schema, the JSON column, DuckDB reading them."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from deepgram import DeepgramClient
from deepgram.errors import MissingExtraError
from deepgram.testing import Emulator
from deepgram.usage import arrow

from .conftest import assert_exact

TYPES = {
    "request_id": pa.string(),
    "created": pa.timestamp("us", tz="UTC"),
    "completed": pa.timestamp("us", tz="UTC"),
    "code": pa.int64(),
    "usd": pa.float64(),
    "duration": pa.float64(),
    "features": pa.list_(pa.string()),
    "models": pa.list_(pa.string()),
    "tags": pa.list_(pa.string()),
    "record": pa.string(),
}


def test_parquet_archive_has_the_flat_typed_schema_and_the_whole_record(
    emu: Emulator, client: DeepgramClient, tmp_path: Path
) -> None:
    client.usage.sync(tmp_path, format="parquet", page_size=300, progress=False)
    emu.advance(600)
    client.usage.sync(tmp_path, format="parquet", page_size=300, progress=False)
    assert_exact(tmp_path, emu)
    part = next(tmp_path.glob(f"project_id={emu.project_id}/date=*/part-*.parquet"))
    table = pq.read_table(part)
    assert table.schema.equals(arrow.schema())
    for name, kind in TYPES.items():
        assert table.schema.field(name).type == kind, name
    log = emu.log()
    for row in table.slice(0, 50).to_pylist():
        original = json.loads(row["record"])  # the JSON column round-trips to the API's record
        seq = log.seq_of(row["request_id"])
        assert seq is not None and original == log.record(seq)
        created = dt.datetime.fromtimestamp(log.timeline.created_ms(seq) / 1000, dt.timezone.utc)
        assert row["created"] == created
        details = (original["response"].get("details") or {})
        assert row["usd"] == details.get("usd") and row["features"] == details.get("features")
        assert row["code"] == original["code"] and row["path"] == original["path"]


def test_duckdb_reads_both_archive_formats_and_counts_the_truth(
    emu: Emulator, client: DeepgramClient, tmp_path: Path
) -> None:
    truth = sum(len(emu.request_ids(p)) for p in emu.project_ids)
    client.usage.sync(tmp_path / "pq", format="parquet", progress=False)
    client.usage.sync(tmp_path / "js", format="jsonl", progress=False)
    parquet = duckdb.connect().execute(
        f"SELECT count(*), count(DISTINCT request_id), count(DISTINCT project_id) "
        f"FROM read_parquet('{tmp_path}/pq/**/*.parquet', hive_partitioning=1)"
    ).fetchall()[0]
    jsonl = duckdb.connect().execute(
        f"SELECT count(*), count(DISTINCT request_id) "
        f"FROM read_json('{tmp_path}/js/**/*.jsonl', format='newline_delimited', hive_partitioning=1)"
    ).fetchall()[0]
    assert parquet == (truth, truth, 3)
    assert jsonl == (truth, truth)
    per_day = duckdb.connect().execute(
        f"SELECT count(*) FROM read_parquet('{tmp_path}/pq/**/*.parquet', hive_partitioning=1) "
        f"WHERE strftime(created, '%Y-%m-%d') <> CAST(date AS VARCHAR)"
    ).fetchall()[0]
    assert per_day == (0,)  # every row sits in the partition of its UTC day


def test_query_tables_share_the_schema(emu: Emulator, client: DeepgramClient) -> None:
    query = client.project(emu.project_ids[1]).usage.requests(page_size=100)
    table = query.to_arrow()
    expected = len(emu.request_ids(emu.project_ids[1]))
    assert table.schema.equals(arrow.schema()) and table.num_rows == expected
    frame = query.to_pandas()
    assert len(frame) == expected and str(frame["created"].dtype).startswith("datetime64")
    assert frame["usd"].dtype == "float64"
    polars_frame = query.to_polars()
    assert polars_frame.height == expected and str(polars_frame.schema["features"]).startswith("List")
    empty = client.project(emu.project_id).usage.requests(start=emu.now() + dt.timedelta(days=1)).to_arrow()
    assert empty.num_rows == 0 and empty.schema.equals(arrow.schema())


@pytest.mark.parametrize("missing", ["pyarrow", "pandas", "polars"])
def test_a_missing_library_names_its_extra_before_any_request(
    emu: Emulator, client: DeepgramClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, missing: str
) -> None:
    for name in list(sys.modules):
        if name == missing or name.startswith(missing + "."):
            monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.setitem(sys.modules, missing, None)
    emu.calls.clear()
    query = client.project(emu.project_id).usage.requests()
    extra = {"pyarrow": "parquet", "pandas": "pandas", "polars": "polars"}[missing]
    convert = {"pyarrow": query.to_arrow, "pandas": query.to_pandas, "polars": query.to_polars}[missing]
    with pytest.raises(MissingExtraError, match=rf"deepgram-manage\[{extra}\]"):
        convert()
    if missing == "pyarrow":
        with pytest.raises(MissingExtraError, match=r"deepgram-manage\[parquet\]"):
            client.usage.sync(tmp_path, format="parquet", progress=False)
    assert emu.calls == []
