"""OpenTelemetry spans for SDK operations, when `opentelemetry-api` is installed (extra `otel`).

One span per operation (`deepgram.manage get_keys`), kind CLIENT, with the HTTP method, the path
template (never the filled path: it holds ids and emails), the status, the attempt count, the
request id and the error type; each retry is an event on it. Without the package nothing is
imported: `tracer()` answers None after one `find_spec` lookup.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from deepgram._version import __version__
from deepgram.core.error_mapping import request_id_from_headers

SPAN_PREFIX = "deepgram.manage"
_UNSET: Any = object()
_trace: Any = _UNSET  # the opentelemetry.trace module, or None when it is not installed
_provider: Any = None  # the provider `_tracer` came from
_tracer: Any = None


def tracer() -> Any:
    """The SDK's tracer from the application's tracer provider, or None: when OpenTelemetry is not
    installed (decided once per process, by one `find_spec`), or when no provider was set (its spans
    would be no-ops, so none are made). A provider set later is picked up by the next call."""
    global _trace, _provider, _tracer
    trace = _trace
    if trace is _UNSET:
        trace = _trace = _load()
    if trace is None:
        return None
    # The API's global, read directly: `get_tracer_provider()` also looks up an environment variable
    # on every call (about a microsecond). `_load` called it once, so a provider named there is set.
    provider = getattr(trace, "_TRACER_PROVIDER", _UNSET)
    if provider is None:
        return None
    if provider is _UNSET:  # an API version without that global: ask it
        provider = trace.get_tracer_provider()
    if provider is not _provider:
        no_op = isinstance(provider, (trace.ProxyTracerProvider, trace.NoOpTracerProvider))
        _provider, _tracer = provider, None if no_op else provider.get_tracer("deepgram-manage", __version__)
    return _tracer


def _load() -> Any:
    try:
        if importlib.util.find_spec("opentelemetry") is None:
            return None
        from opentelemetry import trace
    except (ImportError, ValueError):  # ValueError: a module without a spec (blocked in sys.modules)
        return None
    trace.get_tracer_provider()  # sets the provider OTEL_PYTHON_TRACER_PROVIDER names, if any
    return trace


@lru_cache(maxsize=16)
def server_of(base_url: str) -> tuple[str, int | None]:
    """`("api.deepgram.com", None)` for the `server.address` / `server.port` attributes."""
    parts = urlsplit(base_url)
    return parts.hostname or "", parts.port


@contextmanager
def operation_span(
    active: Any, name: str, method: str, template: str, server: tuple[str, int | None]
) -> Iterator[Any]:
    """A current span around one operation; records the exception type when the call fails."""
    attributes: dict[str, Any] = {
        "http.request.method": method,
        "url.template": template,
        "server.address": server[0],
        "deepgram.operation": name,
        "deepgram.attempts": 1,
    }
    if server[1] is not None:
        attributes["server.port"] = server[1]
    from opentelemetry.trace import SpanKind, Status, StatusCode

    with active.start_as_current_span(
        f"{SPAN_PREFIX} {name}",
        kind=SpanKind.CLIENT,
        attributes=attributes,
        record_exception=True,
        set_status_on_exception=False,
    ) as span:
        try:
            yield span
        except BaseException as exc:
            if span.is_recording():
                span.set_attribute("error.type", _error_type(exc))
                status = getattr(exc, "status", None)
                if isinstance(status, int):
                    span.set_attribute("http.response.status_code", status)
                request_id = getattr(exc, "request_id", None)
                if request_id:
                    span.set_attribute("deepgram.request_id", request_id)
                span.set_status(Status(StatusCode.ERROR, type(exc).__name__))
            raise


def _error_type(exc: BaseException) -> str:
    status = getattr(exc, "status", None)
    return str(status) if isinstance(status, int) else type(exc).__name__


def record_response(span: Any, status: int, headers: Mapping[str, str], attempts: int) -> None:
    """The final answer's status, request id and the number of attempts it took."""
    if span.is_recording():
        request_id = request_id_from_headers(headers)
        span.set_attribute("http.response.status_code", status)
        span.set_attribute("deepgram.attempts", attempts)
        if request_id:
            span.set_attribute("deepgram.request_id", request_id)


def record_retry(attempt: int, delay: float, reason: str, extra: Mapping[str, Any] | None = None) -> None:
    """A `retry` event on the current span: which attempt failed, why, and the wait before the next."""
    from opentelemetry import trace

    span = trace.get_current_span()
    if span.is_recording():
        span.set_attribute("deepgram.attempts", attempt + 2)
        attributes = {
            "deepgram.attempt": attempt + 1,
            "deepgram.retry.reason": reason,
            "deepgram.retry.delay_s": delay,
            **(extra or {}),
        }
        span.add_event("retry", attributes)
