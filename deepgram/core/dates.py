"""Parsing and formatting of the `start`/`end` values each endpoint accepts (pure functions)."""

from __future__ import annotations

import datetime as dt
import math

from deepgram.errors import DeepgramTypeError, DeepgramValueError

DateLike = str | dt.date | dt.datetime


def parse_when(value: DateLike, *, name: str = "date") -> dt.date | dt.datetime:
    """Parse a `date`, `datetime` or ISO-8601 string (date or timestamp, `Z` allowed)."""
    if isinstance(value, dt.datetime | dt.date):
        return value
    if not isinstance(value, str):
        raise DeepgramTypeError(
            f"{name} must be a date, datetime or ISO-8601 string, not {type(value).__name__}"
        )
    text = value.strip()
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        if text.endswith(("Z", "z")):
            text = text[:-1] + "+00:00"
        return dt.datetime.fromisoformat(text)
    except ValueError:
        raise DeepgramValueError(
            f"{name}={value!r} is not a date (YYYY-MM-DD) or timestamp (YYYY-MM-DDTHH:MM:SS[+HH:MM])"
        ) from None


def _as_utc(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.timezone.utc) if moment.tzinfo is not None else moment


def format_date(value: DateLike, *, name: str = "date") -> str:
    """`YYYY-MM-DD`, the only format `/usage*` and `/billing*` accept (aware times are taken in UTC)."""
    when = parse_when(value, name=name)
    if isinstance(when, dt.datetime):
        when = _as_utc(when).date()
    return when.isoformat()


def format_timestamp(value: DateLike, *, name: str = "date", round_up: bool = False) -> str:
    """`YYYY-MM-DDTHH:MM:SS[+HH:MM]` for `/requests`; sub-second parts are rounded outwards."""
    when = parse_when(value, name=name)
    if not isinstance(when, dt.datetime):
        return when.isoformat()
    if when.microsecond:
        when = when.replace(microsecond=0)
        if round_up:
            when += dt.timedelta(seconds=1)
    text = when.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def _comparable(when: dt.date | dt.datetime) -> float:
    if isinstance(when, dt.datetime):
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.timezone.utc)
        return when.timestamp()
    return dt.datetime(when.year, when.month, when.day, tzinfo=dt.timezone.utc).timestamp()


def check_window(start: DateLike | None, end: DateLike | None) -> None:
    """Reject a window whose start lies after its end, before any request is sent."""
    if start is None or end is None:
        return
    first, last = parse_when(start, name="start"), parse_when(end, name="end")
    if _comparable(first) > _comparable(last) and not math.isclose(_comparable(first), _comparable(last)):
        raise DeepgramValueError(f"start ({start}) is after end ({end})")
