"""Credentials in request records: callback URLs may carry `user:password@` or token parameters.

Every archive and export format passes records through here unless the caller opts out
(`redact=False`). The user-info part of any URL becomes `REDACTED@`, and the values of well-known
secret query parameters become `REDACTED`, wherever the URL appears: the `callback` field, the
`callback=` parameter inside `path` (percent-encoded there), `details.config`, or any other string.
A record with nothing to hide keeps its original bytes.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qsl, quote, urlsplit, urlunsplit

import msgspec

MASK = "REDACTED"

#: Query parameters whose values are credentials (compared case-insensitively).
SECRET_PARAMS = frozenset({
    "access_token", "api_key", "apikey", "api-key", "auth", "auth_token", "authorization", "client_secret",
    "code", "credential", "id_token", "key", "pass", "passwd", "password", "pwd", "refresh_token", "secret",
    "session_token", "sig", "signature", "token", "x-amz-credential", "x-amz-security-token",
    "x-amz-signature", "x-goog-credential", "x-goog-signature",
})

_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s\"'<>]+")
_URL_OR_PATH = re.compile(_URL.pattern + r"|/[^\s\"'<>?]*\?[^\s\"'<>]+")  # a path with a query
_NAMES = "|".join(re.escape(name) for name in sorted(SECRET_PARAMS, key=len, reverse=True))
# A cheap test on raw bytes: only records that may hold a credential are decoded at all.
_SUSPECT = re.compile(
    rb"(?i)@|%40|(?:[?&]|%3f|%26|\\u0026)(?:" + _NAMES.encode() + rb")(?:=|%3d)"
)


def redact_url(url: str) -> str:
    """`url` without user info and with secret query values masked; nested URLs too."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    netloc = parts.netloc
    if "@" in netloc:
        netloc = MASK + "@" + netloc.rsplit("@", 1)[1]
    query = _redact_query(parts.query) if parts.query else parts.query
    if netloc == parts.netloc and query == parts.query:
        return url
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def _redact_query(query: str) -> str:
    pairs = parse_qsl(query, keep_blank_values=True)
    changed = False
    out: list[str] = []
    for name, value in pairs:
        new = MASK if name.lower() in SECRET_PARAMS and value else redact_text(value)
        changed = changed or new != value
        out.append(f"{quote(name, safe='')}={quote(new, safe='')}")
    return "&".join(out) if changed else query


def redact_text(text: str) -> str:
    """Any string: a URL or path with a query is redacted whole, URLs inside other text one by one."""
    if "://" not in text and "?" not in text:
        return text
    if text.startswith("/") or _URL.fullmatch(text):
        return redact_url(text)
    return _URL_OR_PATH.sub(lambda match: redact_url(match.group(0)), text)


def redact_value(value: Any) -> Any:
    """Every string inside decoded JSON (dicts, lists) redacted; other values unchanged."""
    if isinstance(value, str):
        return redact_text(value)
    if isinstance(value, dict):
        return {key: redact_value(item) for key, item in value.items()}
    if isinstance(value, list):
        return [redact_value(item) for item in value]
    return value


def suspect(raw: bytes) -> bool:
    """Whether a record's JSON may hold a credential (false positives only cost a decode)."""
    return _SUSPECT.search(raw) is not None


def redact_raw(raw: bytes) -> bytes:
    """One record's JSON bytes, redacted; the same bytes when there is nothing to redact."""
    if not suspect(raw):
        return raw
    record = msgspec.json.decode(raw)
    cleaned = redact_value(record)
    return raw if cleaned == record else msgspec.json.encode(cleaned)
