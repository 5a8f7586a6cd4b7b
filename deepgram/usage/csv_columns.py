"""The CSV export's columns: a fixed, documented set, nested fields flattened by dotted name.

Lists of strings are joined with `;`, lists of objects and free-form objects (`details.config`)
are compact JSON, absent values are empty cells. New columns are only ever appended.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import msgspec

from deepgram.resources.usage_types import (
    Callback,
    RequestResponse,
    STTUsageDetails,
    TTSUsageDetails,
    UsageRequest,
)

Cell = str | int | float | None


def _joined(items: list[str] | None) -> str | None:
    return None if items is None else ";".join(items)


def _json(value: Any) -> str | None:
    return None if value is None else msgspec.json.encode(value).decode()


def _response(record: UsageRequest) -> RequestResponse:
    return record.response or _NO_RESPONSE


def _details(record: UsageRequest) -> STTUsageDetails:
    return _response(record).details or _NO_DETAILS


def _tts(record: UsageRequest) -> TTSUsageDetails:
    return _response(record).tts_details or _NO_TTS


def _callback(record: UsageRequest) -> Callback:
    callback = record.callback
    if isinstance(callback, str):
        return Callback(url=callback)
    return callback or _NO_CALLBACK


_NO_RESPONSE, _NO_DETAILS = RequestResponse(), STTUsageDetails()
_NO_TTS, _NO_CALLBACK = TTSUsageDetails(), Callback()


COLUMNS: tuple[tuple[str, Callable[[UsageRequest], Cell]], ...] = (
    ("request_id", lambda r: r.request_id),
    ("created", lambda r: r.created),
    ("project_uuid", lambda r: r.project_uuid),
    ("path", lambda r: r.path),
    ("api_key_id", lambda r: r.api_key_id),
    ("accessor", lambda r: r.accessor),
    ("code", lambda r: r.code),
    ("deployment", lambda r: r.deployment),
    ("callback.url", lambda r: _callback(r).url),
    ("callback.code", lambda r: _callback(r).code),
    ("callback.attempts", lambda r: _callback(r).attempts),
    ("callback.completed", lambda r: _callback(r).completed),
    ("response.code", lambda r: _response(r).code),
    ("response.completed", lambda r: _response(r).completed),
    ("response.message", lambda r: _response(r).message),
    ("response.details.usd", lambda r: _details(r).usd),
    ("response.details.duration", lambda r: _details(r).duration),
    ("response.details.total_audio", lambda r: _details(r).total_audio),
    ("response.details.channels", lambda r: _details(r).channels),
    ("response.details.streams", lambda r: _details(r).streams),
    ("response.details.method", lambda r: _details(r).method),
    ("response.details.tier", lambda r: _details(r).tier),
    ("response.details.models", lambda r: _joined(_details(r).models)),
    ("response.details.tags", lambda r: _joined(_details(r).tags)),
    ("response.details.features", lambda r: _joined(_details(r).features)),
    ("response.details.config", lambda r: _json(_details(r).config)),
    ("response.tts_details.duration", lambda r: _tts(r).duration),
    ("response.tts_details.speech_segments", lambda r: _json(_tts(r).speech_segments)),
    ("response.token_details", lambda r: _json(_response(r).token_details)),
)

HEADER: tuple[str, ...] = tuple(name for name, _ in COLUMNS)


def row(record: UsageRequest) -> list[Cell]:
    """One record as the cells of `HEADER`, in order."""
    return [cell(record) for _, cell in COLUMNS]
