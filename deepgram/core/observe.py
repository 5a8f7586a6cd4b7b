"""What the transport tells the world about each attempt: DEBUG log lines with structured fields,
event hooks, and retry events on the current trace span. Nothing here runs unless asked for."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from deepgram.core import tracing
from deepgram.core.error_mapping import request_id_from_headers
from deepgram.core.hooks import EventHooks, RequestView, request_view, response_view

if TYPE_CHECKING:
    from collections.abc import Mapping

    from deepgram.core.transport import Call, Response

log = logging.getLogger("deepgram")


def log_response(response: Response, method: str, target: str, template: str) -> None:
    """One DEBUG line per answered attempt; `extra=` carries the fields for structured log handlers."""
    request_id = request_id_from_headers(response.headers)
    elapsed_ms = response.elapsed * 1000
    log.debug(
        "%s %s -> %d (%.1f ms, attempt %d, request id %s)",
        method,
        target,
        response.status,
        elapsed_ms,
        response.attempt,
        request_id,
        extra={
            "http_method": method,
            "path_template": template,
            "status": response.status,
            "elapsed_ms": round(elapsed_ms, 3),
            "attempt": response.attempt,
            "request_id": request_id,
        },
    )


async def before_attempt(
    hooks: EventHooks,
    call: Call | None,
    method: str,
    url: Any,
    path: str,
    headers: Mapping[str, str],
    attempt: int,
) -> RequestView:
    """Run the request hooks on a view of the attempt; the view is kept for the response hooks."""
    name, template = (call.name, call.path) if call is not None else (method, path)
    view = request_view(name, method, str(url), template, headers, attempt)
    await EventHooks.emit(hooks.request, view)
    return view


async def after_attempt(hooks: EventHooks, view: RequestView, response: Response) -> None:
    """Run the response hooks on a view of the answer."""
    if hooks.response:
        answer = response_view(
            view,
            response.status,
            response.headers,
            request_id_from_headers(response.headers),
            response.elapsed,
            response.http_version,
        )
        await EventHooks.emit(hooks.response, answer)


def note_retry(attempt: int, delay: float, reason: str) -> None:
    """A `retry` event on the operation's span, when tracing is on."""
    if tracing.tracer() is not None:
        tracing.record_retry(attempt, delay, reason)
