"""Tolerant parsing of query strings and JSON bodies, as real clients send them.

Empty values count as absent (PY4 sends `?start=&end=`), numbers may carry a `.0` (PY7 sends
floats), booleans are case-insensitive, and dates come as `YYYY-MM-DD` or ISO-8601 timestamps.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime, timedelta, timezone
from typing import Any

import msgspec

from .errors import ApiError, bad_body, bad_query

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|z|[+-]\d{2}:?\d{2})?$")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,3})?$")
_TRUE = {"true", "1", "yes"}
_FALSE = {"false", "0", "no"}

Query = Mapping[str, str]


def text(query: Query, name: str) -> str | None:
    """A string parameter; empty means absent."""
    value = query.get(name)
    return value if value else None


def number(query: Query, name: str, default: int, low: int, high: int) -> int | float:
    """A number in [low, high], as the definition types `limit` and `page` (`number`, may be
    fractional): `10`, `10.0` and `2.5` are accepted (integral values come back as int); `abc`,
    `nan` and out-of-range values are refused."""
    raw = text(query, name)
    if raw is None:
        return default
    if not _NUMBER.match(raw.strip()):
        raise bad_query(name, f"expected a number, got {raw!r}")
    value = float(raw)
    if not low <= value <= high:
        raise bad_query(name, f"must be between {low} and {high}, got {raw.strip()}")
    return int(value) if value.is_integer() else value


def boolean(query: Query, name: str) -> bool | None:
    """A boolean flag (`true`/`false`, any case, or 1/0); None when absent."""
    raw = text(query, name)
    if raw is None:
        return None
    lowered = raw.lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise bad_query(name, f"expected true or false, got {raw!r}")


def choice(query: Query, name: str, allowed: tuple[str, ...]) -> str | None:
    """An enum parameter: one of `allowed`, else 400."""
    raw = text(query, name)
    if raw is None:
        return None
    if raw not in allowed:
        raise bad_query(name, f"must be one of {', '.join(allowed)}, got {raw!r}")
    return raw


def instant(query: Query, name: str, *, end_of_day: bool) -> datetime | None:
    """A date or timestamp as an aware UTC datetime; a bare date of an `end` bound covers its whole day."""
    raw = text(query, name)
    if raw is None:
        return None
    try:
        return parse_instant(raw, end_of_day=end_of_day)
    except ValueError as exc:
        raise bad_query(name, f"expected YYYY-MM-DD or an ISO-8601 timestamp, got {raw!r}") from exc


def parse_instant(raw: str, *, end_of_day: bool = False) -> datetime:
    """Parse `YYYY-MM-DD` or ISO-8601 into aware UTC; no zone means UTC."""
    raw = raw.strip()
    if _DATE.match(raw):
        day = datetime.strptime(raw, "%Y-%m-%d").replace(tzinfo=timezone.utc)
        return day + timedelta(days=1) - timedelta(microseconds=1) if end_of_day else day
    if not _DATETIME.match(raw):
        raise ValueError(raw)
    normalised = raw.replace(" ", "T")
    if normalised[-1] in "Zz":
        normalised = normalised[:-1] + "+00:00"
    value = datetime.fromisoformat(_trim_fraction(normalised))
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc)


def _trim_fraction(value: str) -> str:
    """Cut fractional seconds to 6 digits, the most `fromisoformat` accepts on every Python."""
    return re.sub(r"\.(\d{6})\d+", r".\1", value)


def json_body(raw: bytes) -> dict[str, Any]:
    """Decode a JSON object body; an empty body is `{}`; anything else is a 400 INVALID_JSON."""
    if not raw.strip():
        return {}
    try:
        value = msgspec.json.decode(raw)
    except msgspec.DecodeError as exc:
        raise ApiError(400, "INVALID_JSON", f"Malformed JSON body: {exc}") from exc
    except RecursionError:
        raise ApiError(400, "INVALID_JSON", "The JSON body is nested too deeply.") from None
    if not isinstance(value, dict):
        raise ApiError(400, "INVALID_JSON", "The request body must be a JSON object.")
    return value


def body_string(body: Mapping[str, Any], name: str, *, required: bool) -> str | None:
    """A string field of a JSON body."""
    value = body.get(name)
    if value is None:
        if required:
            raise bad_body(f"Missing required field '{name}'.")
        return None
    if not isinstance(value, str):
        raise bad_body(f"Field '{name}' must be a string.")
    return value


def body_strings(body: Mapping[str, Any], name: str, *, required: bool) -> list[str] | None:
    """A list-of-strings field of a JSON body."""
    value = body.get(name)
    if value is None:
        if required:
            raise bad_body(f"Missing required field '{name}'.")
        return None
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise bad_body(f"Field '{name}' must be a list of strings.")
    return list(value)
