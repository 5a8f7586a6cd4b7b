"""Credentials in request records: callback URLs may carry `user:password@` or token parameters.

Every archive and export format passes records through here unless the caller opts out
(`redact=False`). The user-info part of any URL becomes `REDACTED@`, and the values of well-known
secret query parameters become `REDACTED`, wherever the URL appears: the `callback` field, the
`callback=` parameter inside `path` (percent-encoded there), `details.config`, or any other string.
A record with nothing to hide keeps its original bytes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Protocol
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
# Where a credential can sit in raw JSON: the query of an absolute URL (`://host/p?name=...`), or
# the percent-encoded query of a URL nested in another one (`%3Fname%3D`, `%26name%3D`, as the
# `callback=` parameter of `path` carries it). Both patterns start with a literal, so scanning a
# whole page costs little; the names found are then compared with `SECRET_PARAMS`.
_URL_QUERY = re.compile(rb'://[^"\s?]*\?([^"\s]*)')
_QUERY_NAME = re.compile(rb"(?:^|&)([A-Za-z0-9_.-]+)=")
_ENCODED_NAME = re.compile(rb"%(?:3[fF]|26)([A-Za-z0-9_.-]+)%3[dD]")


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
    """Whether JSON text (one record or a whole page) may hold a credential: user info in a URL
    or a secret query parameter. False positives only cost a decode."""
    if b"@" in raw or b"%40" in raw:
        return True
    names = set(_ENCODED_NAME.findall(raw))
    for query in _URL_QUERY.findall(raw):
        names.update(_QUERY_NAME.findall(query.replace(b"\\u0026", b"&")))
    return any(name.decode("ascii", "replace").lower() in SECRET_PARAMS for name in names)


class Probe(Protocol):
    """What a page already decoded of each record: where a credential could be."""

    path: str | None
    callback: Any


def _probe_suspect(probe: Probe) -> bool:
    """A quick look at `path` and `callback`: user info, or a URL query in a callback URL."""
    path, callback = probe.path, probe.callback
    if path and ("@" in path or "%40" in path or "%3F" in path or "%3f" in path):
        return True
    if isinstance(callback, dict):  # the older object shape: its URL, if it has one
        callback = callback.get("url")
    return isinstance(callback, str) and ("@" in callback or "?" in callback or "%" in callback)


def redact_records(records: list[bytes], probes: Sequence[Probe] | None = None) -> list[bytes]:
    """A page of records redacted. With `probes` (the page's decoded `path`/`callback`, same order)
    only records whose probe looks suspicious are examined; a clean record keeps its bytes."""
    if probes is None:
        return [redact_raw(record) for record in records]
    blob = b"".join(records)
    if b"@" not in blob and b"%" not in blob:  # the usual page: only a query in a callback URL counts
        callbacks = [probe.callback for probe in probes]
        suspects = [i for i, callback in enumerate(callbacks)
                    if (type(callback) is str and "?" in callback) or type(callback) is dict]
    else:
        suspects = [i for i, probe in enumerate(probes) if _probe_suspect(probe) or b"@" in records[i]]
    if not suspects:
        return records
    cleaned = list(records)
    for i in suspects:
        cleaned[i] = _redact(cleaned[i])
    return cleaned


def _redact(raw: bytes) -> bytes:
    record = msgspec.json.decode(raw)
    cleaned = redact_value(record)
    return raw if cleaned == record else msgspec.json.encode(cleaned)


def redact_raw(raw: bytes) -> bytes:
    """One record's JSON bytes, redacted; the same bytes when there is nothing to redact."""
    return _redact(raw) if suspect(raw) else raw
