"""Waiting for a fresh request's usage: poll GET .../requests/{id} with backoff until `usd` is set.

Deepgram logs a request, and prices it, a little after it completes; until then the record is
missing (404) or has no `response.details.usd`. A failed request is never priced, so its record
counts as settled as soon as it exists.
"""

from __future__ import annotations

import asyncio
import math
from typing import TYPE_CHECKING

from deepgram.errors import DeepgramTimeoutError, DeepgramTypeError, DeepgramValueError, NotFoundError
from deepgram.resources.usage_endpoints import GET_REQUEST
from deepgram.resources.usage_types import UsageRequest

if TYPE_CHECKING:
    from deepgram.core.api import Api

# First pause between two polls, in seconds; it doubles up to `MAX_INTERVAL`.
FIRST_INTERVAL = 0.5
MAX_INTERVAL = 5.0


def settled(record: UsageRequest) -> bool:
    """Whether a record's usage is final: priced, or a failed request (never priced)."""
    response = record.response
    if (record.code or 0) >= 400 or (response is not None and (response.code or 0) >= 400):
        return True
    return response is not None and response.details is not None and response.details.usd is not None


def _positive(name: str, value: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise DeepgramTypeError(f"{name} must be a number of seconds, got {value!r}")
    if not value > 0 or math.isinf(value):
        raise DeepgramValueError(f"{name} must be a positive number of seconds, got {value!r}")
    return float(value)


async def wait_for_usage(
    api: Api, project_id: str, request_id: str, *, timeout: float, interval: float = FIRST_INTERVAL
) -> UsageRequest:
    """The record once settled; `DeepgramTimeoutError` when `timeout` seconds pass first."""
    if not isinstance(request_id, str) or not request_id:
        raise DeepgramValueError("request_id must be a non-empty string")
    timeout, delay = _positive("timeout", timeout), _positive("interval", interval)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        try:
            record: UsageRequest | None = await api.call(GET_REQUEST, project_id, request_id)
        except NotFoundError:
            record = None
        if record is not None and settled(record):
            return record
        left = deadline - loop.time()
        if left <= 0:
            state = "was not found" if record is None else "has no usd yet"
            raise DeepgramTimeoutError(f"request {request_id} {state} after {timeout:g}s")
        await asyncio.sleep(min(delay, left))
        delay = min(delay * 2, MAX_INTERVAL)
