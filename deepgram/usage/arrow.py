"""The flat, typed table of request records shared by Parquet archives, `query.to_arrow()` and dlt.

One row per record. Nested fields are flattened to named columns with real types (`created` a UTC
timestamp, amounts float64, `features`/`models`/`tags` lists of strings), and `record` keeps the
whole record as JSON, so nothing the API sent is lost. New columns are only ever appended.
pyarrow is imported on first use (extra `deepgram-manage[parquet]`).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

import msgspec

from deepgram.types.base import Number
from deepgram.usage.extras import require

__all__ = ["COLUMNS", "NAMES", "pyarrow", "require", "schema", "table"]


class _Segment(msgspec.Struct):
    characters: Number | None = None


class _Token(msgspec.Struct):
    input: Number | None = None
    output: Number | None = None


class _Details(msgspec.Struct):
    usd: Number | None = None
    duration: Number | None = None
    total_audio: Number | None = None
    channels: Number | None = None
    streams: Number | None = None
    method: str | None = None
    tier: str | None = None
    models: list[str] | None = None
    tags: list[str] | None = None
    features: list[str] | None = None


class _Tts(msgspec.Struct):
    duration: Number | None = None
    speech_segments: list[_Segment] | None = None


class _Response(msgspec.Struct):
    code: Number | None = None
    completed: str | None = None
    message: str | None = None
    details: _Details | None = None
    tts_details: _Tts | None = None
    token_details: list[_Token] | None = None


class _Callback(msgspec.Struct):
    url: str | None = None
    code: Number | None = None
    attempts: Number | None = None
    completed: str | None = None


class _Record(msgspec.Struct):
    """Only the fields the table reads, decoded straight from a record's JSON (fast, flat)."""

    request_id: str = ""
    project_uuid: str | None = None
    created: str | None = None
    path: str | None = None
    api_key_id: str | None = None
    accessor: str | None = None
    code: Number | None = None
    deployment: str | None = None
    callback: str | _Callback | None = None
    response: _Response | None = None


_NO_RESPONSE, _NO_DETAILS, _NO_TTS, _NO_CALLBACK = _Response(), _Details(), _Tts(), _Callback()


def _row(r: _Record) -> tuple[Any, ...]:
    """One record's values, in the order of `COLUMNS` (without `record`)."""
    response = r.response or _NO_RESPONSE
    details = response.details or _NO_DETAILS
    tts = response.tts_details or _NO_TTS
    callback = _Callback(url=r.callback) if isinstance(r.callback, str) else r.callback or _NO_CALLBACK
    tokens = response.token_details
    segments = tts.speech_segments
    endpoint = r.path.split("?", 1)[0].rsplit("/", 1)[-1] or None if r.path else None
    return (
        r.request_id, r.project_uuid, r.created, r.path, endpoint, r.api_key_id, r.accessor, r.code,
        r.deployment, callback.url, callback.code, callback.attempts, callback.completed,
        response.code, response.completed, response.message, details.usd, details.duration,
        details.total_audio, details.channels, details.streams, details.method, details.tier,
        details.models, details.tags, details.features, tts.duration,
        None if segments is None else sum(s.characters or 0 for s in segments),
        None if tokens is None else sum(t.input or 0 for t in tokens),
        None if tokens is None else sum(t.output or 0 for t in tokens),
    )


# (column, type); the types are named here and made pyarrow types in `schema()`. Source fields are
# listed in docs/usage-archive.md; `_row` gives the values in this order, `record` is the JSON text.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("request_id", "string"),
    ("project_uuid", "string"),
    ("created", "timestamp"),
    ("path", "string"),
    ("endpoint", "string"),
    ("api_key_id", "string"),
    ("accessor", "string"),
    ("code", "int64"),
    ("deployment", "string"),
    ("callback_url", "string"),
    ("callback_code", "int64"),
    ("callback_attempts", "int64"),
    ("callback_completed", "timestamp"),
    ("response_code", "int64"),
    ("completed", "timestamp"),
    ("message", "string"),
    ("usd", "float64"),
    ("duration", "float64"),
    ("total_audio", "float64"),
    ("channels", "int64"),
    ("streams", "int64"),
    ("method", "string"),
    ("tier", "string"),
    ("models", "list<string>"),
    ("tags", "list<string>"),
    ("features", "list<string>"),
    ("tts_duration", "float64"),
    ("tts_characters", "int64"),
    ("tokens_in", "int64"),
    ("tokens_out", "int64"),
    ("record", "string"),
)
NAMES: tuple[str, ...] = tuple(name for name, _ in COLUMNS)
# Lax: a number sent as a string, or an integer sent as 200.0, still lands in its column.
_decode = msgspec.json.Decoder(list[_Record], strict=False).decode


def pyarrow() -> Any:
    """The pyarrow module, or a `MissingExtraError` naming the `parquet` extra."""
    return require("pyarrow", "parquet", "Parquet and Arrow output")


def _type(pa: Any, name: str) -> Any:
    if name == "timestamp":
        return pa.timestamp("us", tz="UTC")
    if name == "list<string>":
        return pa.list_(pa.string())
    return getattr(pa, name)()


@functools.lru_cache(maxsize=1)
def schema() -> Any:
    """The Arrow schema of the table."""
    pa = pyarrow()
    # request_id is never null (a record without one has ""), so it can serve as a primary key.
    fields = [pa.field(name, _type(pa, kind), nullable=name != "request_id") for name, kind in COLUMNS]
    return pa.schema(fields)


def _timestamps(pa: Any, values: list[str | None]) -> Any:
    """ISO-8601 strings as UTC timestamps (vectorised; one by one when a value is unusual)."""
    kind = pa.timestamp("us", tz="UTC")
    try:
        return pa.array(values, pa.string()).cast(kind)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        from deepgram.usage.archive.layout import parse_created

        return pa.array([None if v is None else parse_created(v) for v in values], kind)


def table(records: Sequence[bytes]) -> Any:
    """Records (each one's JSON bytes) as a table of `schema()`."""
    pa = pyarrow()
    typed = _decode(b"[" + b",".join(records) + b"]")
    columns = list(zip(*(_row(r) for r in typed), strict=True)) if typed else [()] * (len(COLUMNS) - 1)
    arrays = []
    for field, (_, kind), values in zip(schema(), COLUMNS, columns, strict=False):
        if kind == "timestamp":
            arrays.append(_timestamps(pa, list(values)))
        else:
            arrays.append(pa.array(values, field.type))
    arrays.append(pa.array([bytes(raw).decode() for raw in records], pa.string()))
    return pa.Table.from_arrays(arrays, schema=schema())
