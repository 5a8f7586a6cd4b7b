"""Credentials in callback URLs never reach an archive, an export, a table or a pipeline by default."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from deepgram import DeepgramClient
from deepgram.testing import Emulator
from deepgram.usage.redaction import redact_raw, redact_text, redact_url

from .conftest import CALLBACK, SECRET, TOKEN


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://u:pw@h.example/cb?token=abc&x=1", "https://REDACTED@h.example/cb?token=REDACTED&x=1"),
        ("https://h.example/cb?X-Amz-Signature=abc&sig=d", "https://h.example/cb?X-Amz-Signature=REDACTED&sig=REDACTED"),
        ("https://user@h.example:8443/cb", "https://REDACTED@h.example:8443/cb"),
        ("https://hooks.example.com/deepgram/callback", "https://hooks.example.com/deepgram/callback"),
        ("/v1/listen?model=nova-3&callback=https%3A%2F%2Fu%3Apw%40h.example%2Fcb%3Fapi_key%3Dk",
         "/v1/listen?model=nova-3&callback=https%3A%2F%2FREDACTED%40h.example%2Fcb%3Fapi_key%3DREDACTED"),
    ],
)
def test_urls_lose_user_info_and_secret_parameters(url: str, expected: str) -> None:
    assert redact_url(url) == expected
    assert redact_text(f"posted to {url} twice").count("REDACTED") == expected.count("REDACTED")


def test_a_clean_record_keeps_its_bytes() -> None:
    raw = b'{"request_id":"a","callback":"https://hooks.example.com/cb","path":"/v1/listen?model=x"}'
    assert redact_raw(raw) is raw


@pytest.fixture
def leaky(emu: Emulator) -> str:
    """A request whose callback URL carries a password and a token (also inside `path`)."""
    return emu.add_request(age=30, callback=CALLBACK)


def leaks(text: str) -> bool:
    return SECRET in text or TOKEN in text


def test_every_format_masks_credentials_unless_asked_to_keep_them(
    emu: Emulator, client: DeepgramClient, tmp_path: Path, leaky: str
) -> None:
    start = (emu.now() - dt.timedelta(hours=1)).replace(microsecond=0).isoformat()
    query = client.project(emu.project_id).usage.requests(start=start)
    for fmt in ("jsonl", "csv"):
        query.export(tmp_path / f"out.{fmt}", format=fmt)
        text = (tmp_path / f"out.{fmt}").read_text()
        assert leaky in text and "REDACTED" in text and not leaks(text), fmt
        query.export(tmp_path / f"raw.{fmt}", format=fmt, redact=False)
        assert leaks((tmp_path / f"raw.{fmt}").read_text()), fmt
    for fmt in ("jsonl", "parquet"):
        client.usage.sync(tmp_path / fmt, projects=emu.project_id, format=fmt, progress=False)
        client.usage.sync(tmp_path / f"{fmt}-kept", projects=emu.project_id, format=fmt, redact=False,
                          progress=False)
    jsonl = "".join(p.read_text() for p in (tmp_path / "jsonl").rglob("*.jsonl"))
    assert leaky in jsonl and not leaks(jsonl)
    assert leaks("".join(p.read_text() for p in (tmp_path / "jsonl-kept").rglob("*.jsonl")))
    import pyarrow.parquet as pq

    rows = pq.read_table(tmp_path / "parquet").to_pylist()
    row = next(r for r in rows if r["request_id"] == leaky)
    assert row["callback_url"] == "https://REDACTED@hooks.example.com/cb?token=REDACTED&job=7"
    assert not leaks(json.dumps(rows, default=str))  # the JSON column and `path` too
    assert json.loads(row["record"])["callback"] == row["callback_url"]
    kept = pq.read_table(tmp_path / "parquet-kept").to_pylist()
    assert next(r for r in kept if r["request_id"] == leaky)["callback_url"] == CALLBACK
    table = query.to_arrow()
    assert not leaks(json.dumps(table.to_pylist(), default=str))
    assert leaks(json.dumps(query.to_arrow(redact=False).to_pylist(), default=str))
