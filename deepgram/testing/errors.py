"""Deepgram-style error bodies (`err_code`, `err_msg`, `request_id`) raised by emulator handlers."""

from __future__ import annotations

import msgspec

#: Default machine-readable code for each HTTP status the emulator can answer with.
DEFAULT_CODES: dict[int, tuple[str, str]] = {
    400: ("BAD_REQUEST", "The request could not be processed."),
    401: ("INVALID_AUTH", "Invalid credentials."),
    403: ("INSUFFICIENT_PERMISSIONS", "User does not have sufficient permissions."),
    404: ("NOT_FOUND", "The requested resource was not found."),
    405: ("METHOD_NOT_ALLOWED", "Method not allowed for this path."),
    408: ("REQUEST_TIMEOUT", "The request timed out."),
    409: ("CONFLICT", "The request conflicts with the current state."),
    429: ("TOO_MANY_REQUESTS", "Too many requests. Please try again later."),
    500: ("INTERNAL_SERVER_ERROR", "An internal server error occurred."),
    502: ("BAD_GATEWAY", "Bad gateway."),
    503: ("SERVICE_UNAVAILABLE", "The service is temporarily unavailable."),
    504: ("GATEWAY_TIMEOUT", "The upstream service timed out."),
}


class ApiError(Exception):
    """An HTTP error answer: raised anywhere in a handler, rendered by the app's middleware."""

    def __init__(
        self,
        status: int,
        code: str | None = None,
        message: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        default_code, default_message = DEFAULT_CODES.get(status, ("ERROR", "Request failed."))
        self.status = status
        self.code = code or default_code
        self.message = message or default_message
        self.headers = headers or {}
        super().__init__(f"{status} {self.code}: {self.message}")


def bad_query(name: str, detail: str) -> ApiError:
    """A 400 for a query parameter the API would refuse to deserialize."""
    return ApiError(400, "INVALID_QUERY_PARAMETER", f"Invalid value for query parameter '{name}': {detail}")


def bad_body(detail: str) -> ApiError:
    """A 400 for a request body with a missing or invalid field."""
    return ApiError(400, "BAD_REQUEST", detail)


def not_found(what: str, code: str | None = None) -> ApiError:
    """A 404 naming the kind of object that does not exist (`Project`, `API key`, ...)."""
    return ApiError(404, code or f"{what.upper().replace(' ', '_')}_NOT_FOUND", f"{what} not found.")


def error_body(code: str, message: str, request_id: str) -> bytes:
    """Encode the JSON body the real API sends for an error."""
    return msgspec.json.encode({"err_code": code, "err_msg": message, "request_id": request_id})
