"""The one check every timeout passes (constructor, `with_options`, per call): a finite, positive number.

`nan` compares false with everything, `inf` overflows aiohttp's timer arithmetic and `0` or a
negative value would time out before sending; each is refused before any request is made.
"""

from __future__ import annotations

import math
from typing import Any

from deepgram.errors import DeepgramTypeError, DeepgramValueError

# Longest timeout accepted, in seconds (one day): anything longer is a mistake, not a wish.
MAX_TIMEOUT = 86_400.0


def check_timeout(name: str, value: Any) -> float:
    """`value` as float seconds; `DeepgramTypeError` for a non-number (or bool), else
    `DeepgramValueError` unless it is finite, greater than 0 and at most one day."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise DeepgramTypeError(f"{name} must be a number of seconds, not {type(value).__name__}")
    seconds = float(value)
    if math.isnan(seconds) or seconds <= 0 or seconds > MAX_TIMEOUT:
        raise DeepgramValueError(
            f"{name} must be a finite number of seconds above 0 and at most {MAX_TIMEOUT:g}, got {value!r}"
        )
    return seconds
