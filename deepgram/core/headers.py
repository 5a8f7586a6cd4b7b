"""Checks custom headers before sending: aiohttp would raise a bare ValueError/TypeError mid-request."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from deepgram.errors import DeepgramTypeError, DeepgramValueError

# RFC 9110 token characters: what a header name may contain.
_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
# Control characters other than tab end a header line early or are refused by servers.
_BAD_VALUE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


def check_headers(headers: Any, *, name: str = "headers") -> dict[str, str]:
    """A copy of `headers` as `{str: str}`; refuses non-mappings, non-string names or values, names
    that are not HTTP tokens and values with CR, LF or other control characters."""
    if not isinstance(headers, Mapping):
        raise DeepgramTypeError(f"{name} must be a mapping of header names to values")
    checked: dict[str, str] = {}
    for key, value in headers.items():
        if not isinstance(key, str) or not _TOKEN.fullmatch(key):
            raise DeepgramValueError(f"{name}: {key!r} is not a valid HTTP header name")
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            kind = type(value).__name__
            raise DeepgramTypeError(f"{name}: the value of {key} must be a string, not {kind}")
        text = str(value)
        if _BAD_VALUE.search(text):
            raise DeepgramValueError(f"{name}: the value of {key} contains a line break or control character")
        checked[key] = text
    return checked
