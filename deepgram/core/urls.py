"""Builds base URLs, paths and query strings so that no argument can change where a request goes."""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Mapping
from urllib.parse import quote, urlsplit

from deepgram.errors import DeepgramTypeError, DeepgramValueError

_HAS_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
_ALLOWED_SCHEMES = ("http", "https")


def normalize_base_url(url: str) -> str:
    """Normalise a user's base URL to `scheme://host[:port][/prefix]` without a trailing `/` or `/v1`.

    Adds `https://` when no scheme is given and strips surrounding whitespace (a pasted env var);
    raises DeepgramValueError for an empty URL, inner whitespace, a query or fragment, user info,
    a bad port, a missing host or a scheme other than http(s).
    """
    if not isinstance(url, str):
        raise DeepgramTypeError(f"base url must be a str, got {type(url).__name__}")
    text = url.strip()
    if not text:
        raise DeepgramValueError("base url must not be empty")
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in text):
        raise DeepgramValueError(f"base url must not contain whitespace or control characters: {url!r}")
    if "?" in text or "#" in text:
        raise DeepgramValueError(f"base url must not have a query or fragment: {url!r}")
    if not _HAS_SCHEME.match(text):
        text = "https://" + text
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme not in _ALLOWED_SCHEMES:
        raise DeepgramValueError(f"base url must use http or https, got {parts.scheme!r}")
    if "@" in parts.netloc:
        raise DeepgramValueError("base url must not contain user info; pass the API key as api_key")
    try:
        parts.port  # noqa: B018 - evaluated for its validation
    except ValueError as exc:
        raise DeepgramValueError(f"base url has an invalid port: {url!r}") from exc
    if not parts.hostname:
        raise DeepgramValueError(f"base url has no host: {url!r}")
    path = parts.path.rstrip("/")
    if path.lower().endswith("/v1"):
        path = path[:-3].rstrip("/")
    return f"{scheme}://{parts.netloc.lower()}{path}"


def encode_segment(value: str) -> str:
    """Percent-encode one path segment: all but `A-Za-z0-9-._~`, UTF-8; `.`/`..` become `%2E`/`%2E%2E`."""
    if not isinstance(value, str):
        raise DeepgramTypeError(f"path segment must be a str, got {type(value).__name__}")
    if value in (".", ".."):
        return "%2E" * len(value)
    return _quote_strict(value, "path segment")


def _quote_strict(value: str, what: str) -> str:
    try:
        return quote(value, safe="", encoding="utf-8", errors="strict")
    except UnicodeEncodeError as exc:  # lone surrogates cannot be sent
        raise DeepgramValueError(f"{what} is not valid Unicode text: {value!r}") from exc


def build_path(template: str, params: Mapping[str, str]) -> str:
    """Fill `{name}` placeholders of `template` with encoded segments, e.g. `/v1/projects/{project_id}`.

    Raises DeepgramTypeError for a value that is not a str and DeepgramValueError for a missing,
    empty or whitespace-only one, naming the parameter. Params absent from the template are ignored.
    """

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in params:
            raise DeepgramValueError(f"missing path parameter {name!r}")
        value = params[name]
        if not isinstance(value, str):
            raise DeepgramTypeError(f"{name} must be a str, got {type(value).__name__}")
        if not value.strip():
            raise DeepgramValueError(f"{name} must be a non-empty string, got {value!r}")
        return encode_segment(value)

    return _PLACEHOLDER.sub(fill, template)


def _query_value(name: str, value: object) -> str:
    # bool before int: bool is an int subclass. The dunder calls read the plain value of str/int
    # enums, whose str() differs across Python versions.
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise DeepgramValueError(f"query parameter {name!r} must be finite, got {value!r}")
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, (datetime.date, datetime.time)):  # datetime is a date subclass
        return value.isoformat()
    raise DeepgramTypeError(
        f"query parameter {name!r} must be str, int, float, bool, date or datetime, "
        f"got {type(value).__name__}"
    )


def encode_query(params: Mapping[str, object]) -> list[tuple[str, str]]:
    """Turn options into query pairs: None dropped, bools `true`/`false`, lists as repeated keys.

    Whole floats are sent as ints (`10.0` -> `10`), dates and datetimes via `isoformat()` (callers
    format them per endpoint first when it matters). Other types raise DeepgramTypeError.
    """
    pairs: list[tuple[str, str]] = []
    for name, value in params.items():
        if not isinstance(name, str):
            raise DeepgramTypeError(f"query parameter names must be str, got {type(name).__name__}")
        if value is None:
            continue
        if isinstance(value, (list, tuple)):
            for item in value:
                if item is None:
                    continue
                if isinstance(item, (list, tuple, dict)):
                    raise DeepgramTypeError(f"query parameter {name!r} must not contain nested lists")
                pairs.append((name, _query_value(name, item)))
        else:
            pairs.append((name, _query_value(name, value)))
    return pairs


def query_string(pairs: list[tuple[str, str]]) -> str:
    """Join pairs as `a=1&b=2`, strictly percent-encoding names and values (`+`, `:`, space, `&`...)."""
    return "&".join(
        f"{_quote_strict(name, 'query name')}={_quote_strict(value, f'query parameter {name!r}')}"
        for name, value in pairs
    )
