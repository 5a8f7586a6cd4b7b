"""The flat, typed table of request records shared by Parquet archives, `query.to_arrow()` and dlt.

One row per record. Nested fields are flattened to named columns with real types (`created` a UTC
timestamp, amounts float64, `features`/`models`/`tags` lists of strings), and `record` keeps the
whole record as JSON, so nothing the API sent is lost. New columns are only ever appended.
pyarrow is imported on first use (extra `deepgram-manage[parquet]`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any

from deepgram.core.decoding import decoder_for
from deepgram.resources.usage_types import (
    Callback,
    RequestResponse,
    STTUsageDetails,
    TTSUsageDetails,
    UsageRequest,
)
from deepgram.types.base import Number
from deepgram.usage.extras import require

__all__ = ["COLUMNS", "NAMES", "pyarrow", "require", "schema", "table"]

_NO_RESPONSE, _NO_DETAILS = RequestResponse(), STTUsageDetails()
_NO_TTS, _NO_CALLBACK = TTSUsageDetails(), Callback()


def _response(r: UsageRequest) -> RequestResponse:
    return r.response or _NO_RESPONSE


def _details(r: UsageRequest) -> STTUsageDetails:
    return _response(r).details or _NO_DETAILS


def _tts(r: UsageRequest) -> TTSUsageDetails:
    return _response(r).tts_details or _NO_TTS


def _callback(r: UsageRequest) -> Callback:
    return Callback(url=r.callback) if isinstance(r.callback, str) else r.callback or _NO_CALLBACK


def _endpoint(r: UsageRequest) -> str | None:
    return r.path.split("?", 1)[0].rsplit("/", 1)[-1] or None if r.path else None


def _characters(r: UsageRequest) -> Number | None:
    segments = _tts(r).speech_segments
    return None if segments is None else sum(s.characters or 0 for s in segments)


def _tokens(r: UsageRequest, side: str) -> Number | None:
    details = _response(r).token_details
    return None if details is None else sum(getattr(d, side) or 0 for d in details)


def _float(value: float | None) -> float | None:
    return None if value is None else float(value)


# (column, type, value of a record); the types are named here and made pyarrow types in `schema()`.
COLUMNS: tuple[tuple[str, str, Callable[[UsageRequest], Any]], ...] = (
    ("request_id", "string", lambda r: r.request_id),
    ("project_uuid", "string", lambda r: r.project_uuid),
    ("created", "timestamp", lambda r: r.created),
    ("path", "string", lambda r: r.path),
    ("endpoint", "string", _endpoint),
    ("api_key_id", "string", lambda r: r.api_key_id),
    ("accessor", "string", lambda r: r.accessor),
    ("code", "int64", lambda r: r.code),
    ("deployment", "string", lambda r: r.deployment),
    ("callback_url", "string", lambda r: _callback(r).url),
    ("callback_code", "int64", lambda r: _callback(r).code),
    ("callback_attempts", "int64", lambda r: _callback(r).attempts),
    ("callback_completed", "timestamp", lambda r: _callback(r).completed),
    ("response_code", "int64", lambda r: _response(r).code),
    ("completed", "timestamp", lambda r: _response(r).completed),
    ("message", "string", lambda r: _response(r).message),
    ("usd", "float64", lambda r: _float(_details(r).usd)),
    ("duration", "float64", lambda r: _float(_details(r).duration)),
    ("total_audio", "float64", lambda r: _float(_details(r).total_audio)),
    ("channels", "int64", lambda r: _details(r).channels),
    ("streams", "int64", lambda r: _details(r).streams),
    ("method", "string", lambda r: _details(r).method),
    ("tier", "string", lambda r: _details(r).tier),
    ("models", "list<string>", lambda r: _details(r).models),
    ("tags", "list<string>", lambda r: _details(r).tags),
    ("features", "list<string>", lambda r: _details(r).features),
    ("tts_duration", "float64", lambda r: _float(_tts(r).duration)),
    ("tts_characters", "int64", _characters),
    ("tokens_in", "int64", lambda r: _tokens(r, "input")),
    ("tokens_out", "int64", lambda r: _tokens(r, "output")),
    ("record", "string", lambda r: None),  # filled with the record's JSON text
)
NAMES: tuple[str, ...] = tuple(name for name, _, _ in COLUMNS)
_decode = decoder_for(UsageRequest).decode  # the SDK's decoder: builds the open `response` object


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
    fields = [pa.field(name, _type(pa, kind), nullable=name != "request_id") for name, kind, _ in COLUMNS]
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
    typed = [_decode(raw) for raw in records]
    arrays = []
    for field, (name, kind, value) in zip(schema(), COLUMNS, strict=True):
        if name == "record":
            arrays.append(pa.array([bytes(raw).decode() for raw in records], pa.string()))
        elif kind == "timestamp":
            arrays.append(_timestamps(pa, [value(r) for r in typed]))
        else:
            arrays.append(pa.array([value(r) for r in typed], field.type))
    return pa.Table.from_arrays(arrays, schema=schema())
