"""Every exception the SDK raises, so callers can catch by meaning rather than by transport library."""

from __future__ import annotations

import http
from collections.abc import Mapping
from typing import Any

from deepgram.redact import SECRETS, redact_headers, redact_json_secrets

__all__ = [
    "ArchiveLockedError",
    "ArchiveSyncError",
    "AuthenticationError",
    "BadRequestError",
    "ClientClosedError",
    "ConflictError",
    "DeepgramApiError",
    "DeepgramConnectionError",
    "DeepgramError",
    "DeepgramFileError",
    "DeepgramTimeoutError",
    "DeepgramTypeError",
    "DeepgramValueError",
    "ExportLockedError",
    "MissingCredentialsError",
    "MissingExtraError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "RedirectError",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "ServerError",
]

# How much of a response body a message may quote; the full body stays on the exception.
BODY_PREVIEW_CHARS = 200
# Longest message / details rendered by str(); a server could send megabytes of text.
MESSAGE_MAX_CHARS = 500


def _one_line(text: str, limit: int = MESSAGE_MAX_CHARS) -> str:
    # A server may echo a credential back in its message; registered secrets never get printed.
    flat = SECRETS.scrub(" ".join(text.split()))
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _where(method: str, path: str) -> str:
    where = " ".join(part for part in (method.upper(), path) if part)
    return f" [{where}]" if where else ""


def _as_bytes(body: bytes | str | None) -> bytes:
    if body is None:
        return b""
    if isinstance(body, str):
        return body.encode("utf-8", "replace")
    return bytes(body)


def _preview(body: bytes) -> str:
    # Redact before cutting, so a secret split by the cut is still recognised.
    text = body[: BODY_PREVIEW_CHARS * 8].decode("utf-8", "replace")
    text = SECRETS.scrub(redact_json_secrets(text))
    return _one_line(text, BODY_PREVIEW_CHARS)


class DeepgramError(Exception):
    """Base class of everything the SDK raises."""


class DeepgramTypeError(DeepgramError, TypeError):
    """A bad argument caught before any request: wrong type or unknown option name."""


class DeepgramValueError(DeepgramTypeError, ValueError):
    """A bad argument value caught before any request: empty id, TTL with expiration, bad email..."""


class MissingCredentialsError(DeepgramError):
    """No API key or access token is configured (raised at the first request)."""


class ClientClosedError(DeepgramError):
    """The client was closed and cannot send requests any more."""


class MissingExtraError(DeepgramError, ImportError):
    """An optional feature needs a package that is not installed; the message names the extra."""


class DeepgramFileError(DeepgramError):
    """A local file could not be written or read: a missing directory, no permission, a full disk;
    `path` names it and `errno` is the operating system's error number (or None)."""

    def __init__(self, message: str, *, path: str = "", errno: int | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.errno = errno


class ExportLockedError(DeepgramFileError):
    """Another export is writing the same file right now; the second one stops before writing."""


class ArchiveLockedError(DeepgramError):
    """Another usage sync is writing to the same archive directory."""


class ArchiveSyncError(DeepgramError):
    """Some projects of a usage sync failed (the others were archived); `.result` says which."""

    def __init__(self, message: str, result: object = None) -> None:
        super().__init__(message)
        self.result = result


class DeepgramConnectionError(DeepgramError):
    """The request failed below HTTP: DNS, refused or dropped connection, truncated body."""

    def __init__(self, message: str, *, method: str = "", path: str = "") -> None:
        message = SECRETS.scrub(message)
        super().__init__(message)
        self.message = message
        self.method = method
        self.path = path

    def __str__(self) -> str:
        return f"{_one_line(self.message)}{_where(self.method, self.path)}"


class DeepgramTimeoutError(DeepgramConnectionError):
    """The request did not complete within its timeout."""


class ResponseTooLargeError(DeepgramError):
    """The response body is larger than the client's `max_response_bytes`; it was not read further
    (and the request is not retried: the same answer would come back)."""

    def __init__(self, limit: int, *, method: str = "", path: str = "") -> None:
        self.message = f"response body larger than max_response_bytes={limit:,}; not read further"
        super().__init__(self.message)
        self.limit = limit
        self.method = method
        self.path = path

    def __str__(self) -> str:
        return f"{self.message}{_where(self.method, self.path)}"


class ResponseValidationError(DeepgramError):
    """A 2xx response whose body does not fit the expected type."""

    def __init__(
        self, detail: str, *, status: int = 200, method: str = "", path: str = "", body: bytes = b""
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        self.status = status
        self.method = method
        self.path = path
        self.body = SECRETS.scrub_bytes(_as_bytes(body))

    def __str__(self) -> str:
        text = f"unexpected response body ({self.status}): {_one_line(self.detail)}"
        return f"{text}{_where(self.method, self.path)}; body: {_preview(self.body)!r}"


class DeepgramApiError(DeepgramError):
    """The API answered with an error status; carries status, code, message, request id and call."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        code: str | None = None,
        request_id: str | None = None,
        method: str = "",
        path: str = "",
        body: bytes | str | None = None,
        headers: Mapping[str, str] | None = None,
        details: str | None = None,
    ) -> None:
        # A server may echo a credential (in its message, body or a header): none is kept here.
        message = SECRETS.scrub(message)
        # args = (status, message) so the default pickling protocol can rebuild the exception.
        super().__init__(status, message)
        self.status = status
        self.message = message
        self.code = code
        self.request_id = request_id
        self.method = method
        self.path = path
        self.body = SECRETS.scrub_bytes(_as_bytes(body))
        self.headers: dict[str, str] = (
            {name: SECRETS.scrub(value) for name, value in redact_headers(headers).items()}
            if headers is not None
            else {}
        )
        self.details = SECRETS.scrub(details) if details else details

    @property
    def status_code(self) -> int:
        """The HTTP status (alias of `status`, the name most HTTP libraries use)."""
        return self.status

    @property
    def original_error(self) -> str:
        """The response body as text, as the older SDK exposed it."""
        return self.body.decode("utf-8", "replace")

    @property
    def reason(self) -> str:
        """The standard reason phrase of the status ('Not Found'), or '' for a non-standard status."""
        try:
            return http.HTTPStatus(self.status).phrase
        except ValueError:
            return ""

    def __str__(self) -> str:
        head = f"{self.status} {self.reason}".rstrip()
        message = _one_line(self.message) if self.message else ""
        text = head if not message or message == self.reason else f"{head}: {message}"
        if self.details and self.details != self.message:
            text += f" — {_one_line(self.details)}"
        extras = [
            f"{name}={value}"
            for name, value in (("code", self.code), ("request_id", self.request_id))
            if value
        ]
        if extras:
            text += f" ({', '.join(extras)})"
        return text + _where(self.method, self.path)

    def __repr__(self) -> str:
        fields: dict[str, Any] = {
            "status": self.status,
            "message": self.message,
            "code": self.code,
            "request_id": self.request_id,
            "method": self.method,
            "path": self.path,
        }
        shown = ", ".join(f"{k}={v!r}" for k, v in fields.items() if v not in (None, ""))
        return SECRETS.scrub(f"{type(self).__name__}({shown})")


class BadRequestError(DeepgramApiError):
    """400: the API rejected the request's parameters or body."""


class AuthenticationError(DeepgramApiError):
    """401: the API key or token is missing, invalid or lacks access to the project."""


class PermissionDeniedError(DeepgramApiError):
    """403: the credentials are valid but lack the scope for this call."""


class NotFoundError(DeepgramApiError):
    """404: the project, key, member, invite or request does not exist (or is not yours)."""


class ConflictError(DeepgramApiError):
    """409: the request conflicts with the current state (for example a duplicate)."""


class RateLimitError(DeepgramApiError):
    """429: too many requests; `retry_after` is the server's requested wait in seconds, if any."""

    def __init__(self, status: int, message: str, *, retry_after: float | None = None, **fields: Any) -> None:
        super().__init__(status, message, **fields)
        self.retry_after = retry_after


class ServerError(DeepgramApiError):
    """5xx: the API failed; usually transient."""


class RedirectError(DeepgramApiError):
    """3xx the SDK does not follow (another origin, https to http, a POST, too many hops);
    `location` names where the server pointed."""

    def __init__(self, status: int, message: str, *, location: str = "", **fields: Any) -> None:
        super().__init__(status, message, **fields)
        self.location = SECRETS.scrub(location)
