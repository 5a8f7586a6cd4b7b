"""Turns an HTTP error response into the right DeepgramApiError, whatever shape its body has."""

from __future__ import annotations

import http
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import msgspec

from deepgram.core.retry import get_header, parse_retry_after
from deepgram.errors import (
    AuthenticationError,
    BadRequestError,
    ConflictError,
    DeepgramApiError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
)

# Longest text taken from a body into a message; the whole body stays on the exception.
_TEXT_MAX_CHARS = 1000

# Body members tried in order; the first non-empty one wins.
_CODE_KEYS = ("err_code", "category", "code", "error_code")
_MESSAGE_KEYS = ("err_msg", "message", "msg", "error_description", "error", "detail", "description")
_DETAILS_KEYS = ("details",)
_REQUEST_ID_KEYS = ("request_id", "requestId")

_STATUS_CLASSES: dict[int, type[DeepgramApiError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    429: RateLimitError,
}

_HTML_TITLE = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class ErrorBody:
    """What an error body says; every field is None when the body does not say it."""

    code: str | None = None
    message: str | None = None
    details: str | None = None
    request_id: str | None = None


def _clean(text: str) -> str | None:
    flat = " ".join(text.split())
    if not flat:
        return None
    return flat if len(flat) <= _TEXT_MAX_CHARS else flat[: _TEXT_MAX_CHARS - 1] + "…"


def _text(value: Any) -> str | None:
    """A scalar member as text; objects, lists, booleans and null give None."""
    if isinstance(value, str):
        return _clean(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def _first(obj: Mapping[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = _text(obj.get(key))
        if value is not None:
            return value
    return None


def _from_object(obj: Mapping[str, Any]) -> ErrorBody:
    nested = obj.get("error")
    inner = _from_object(nested) if isinstance(nested, dict) else ErrorBody()
    details_value = obj.get("details")
    details = _first(obj, _DETAILS_KEYS)
    if details is None and isinstance(details_value, (list, dict)) and details_value:
        details = _clean(msgspec.json.encode(details_value).decode("utf-8", "replace"))
    return ErrorBody(
        code=_first(obj, _CODE_KEYS) or inner.code,
        message=_first(obj, _MESSAGE_KEYS) or inner.message,
        details=details or inner.details,
        request_id=_first(obj, _REQUEST_ID_KEYS) or inner.request_id,
    )


def _looks_like_html(text: str, content_type: str | None) -> bool:
    if content_type and "html" in content_type.lower():
        return True
    head = text.lstrip()[:15].lower()
    return head.startswith(("<!doctype", "<html", "<head", "<body"))


def parse_error_body(body: bytes, content_type: str | None) -> ErrorBody:
    """Read code, message, details and request id from any Deepgram error body; never raises.

    Understands the legacy `{"err_code", "err_msg", "request_id"}` and modern
    `{"category", "message", "details", "request_id"}` shapes, `{"error": ...}` / `{"msg": ...}`,
    plain text, HTML (its <title>), empty bodies, invalid JSON, non-UTF-8 bytes and JSON values
    that are not objects.
    """
    try:
        if not body or not body.strip():
            return ErrorBody()
        try:
            decoded: Any = msgspec.json.decode(body)
        except Exception:  # invalid JSON of any kind (also too deep): read it as text below
            decoded = msgspec.UNSET
        if isinstance(decoded, dict):
            return _from_object(decoded)
        if isinstance(decoded, str):
            return ErrorBody(message=_clean(decoded))
        text = body.decode("utf-8", "replace")
        if _looks_like_html(text, content_type):
            title = _HTML_TITLE.search(text)
            return ErrorBody(message=_clean(title.group(1)) if title else None)
        return ErrorBody(message=_clean(text))
    except Exception:  # the contract is "never raises": a bug here must not hide the HTTP error
        return ErrorBody()


def request_id_from_headers(headers: Mapping[str, str]) -> str | None:
    """The request id from `dg-request-id`, `x-dg-request-id` or `x-request-id` (case-insensitive)."""
    for name in ("dg-request-id", "x-dg-request-id", "x-request-id"):
        value = get_header(headers, name)
        if value is not None and value.strip():
            return value.strip()
    return None


def error_class_for_status(status: int) -> type[DeepgramApiError]:
    """The exception class for an HTTP status: 400/401/403/404/409/429 and any 5xx have their own."""
    if status >= 500:
        return ServerError
    return _STATUS_CLASSES.get(status, DeepgramApiError)


def _reason(status: int) -> str:
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return f"HTTP {status}"


def error_from_response(
    status: int, headers: Mapping[str, str], body: bytes, *, method: str, path: str
) -> DeepgramApiError:
    """Build the exception for an error response; never raises.

    The message is the body's, else the reason phrase; the request id the body's, else the
    `dg-request-id` / `x-request-id` header's. A `RateLimitError` gets `retry_after` from the
    response's Retry-After headers.
    """
    parsed = parse_error_body(body, get_header(headers, "content-type"))
    message = parsed.message or _reason(status)
    request_id = parsed.request_id or request_id_from_headers(headers)
    fields: dict[str, Any] = {
        "code": parsed.code,
        "request_id": request_id,
        "method": method,
        "path": path,
        "body": body,
        "headers": headers,
        "details": parsed.details,
    }
    cls = error_class_for_status(status)
    if issubclass(cls, RateLimitError):
        fields["retry_after"] = parse_retry_after(headers)
    return cls(status, message, **fields)
