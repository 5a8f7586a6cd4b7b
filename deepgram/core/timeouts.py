"""One rule for every timeout the SDK is given: a finite number of seconds above zero."""

from __future__ import annotations

import math

from deepgram.errors import DeepgramTypeError, DeepgramValueError


def check_timeout(value: object, name: str = "timeout") -> float:
    """`value` as float seconds; a non-number raises `DeepgramTypeError`, and nan, inf, zero or a
    negative number `DeepgramValueError` (zero would fail every request, inf would hang forever)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise DeepgramTypeError(f"{name} must be a number of seconds, not {type(value).__name__}")
    seconds = float(value)
    if not math.isfinite(seconds) or seconds <= 0:
        raise DeepgramValueError(f"{name} must be a finite number of seconds above 0, got {value!r}")
    return seconds
