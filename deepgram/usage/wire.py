"""Page shapes for scraping: typed records, or each record's original bytes plus its id and time.

The raw shape lets exports write records exactly as the API sent them, without re-encoding; the
tiny `Stamp` is all de-duplication and progress need. Both derive from the one `LIST_REQUESTS`.
"""

from __future__ import annotations

import dataclasses

import msgspec

from deepgram.core.endpoint import Endpoint
from deepgram.errors import ResponseValidationError
from deepgram.resources.usage_endpoints import LIST_REQUESTS
from deepgram.resources.usage_types import UsageRequestsResponse


class Stamp(msgspec.Struct):
    """The two fields of a record the scraper reads: its id and creation time."""

    request_id: str = ""
    created: str | None = None


class RawPage(msgspec.Struct):
    """One page: each record's JSON bytes as received, and its stamp (same order)."""

    page: int = 0
    limit: int = 0
    requests: list[msgspec.Raw] = []
    stamps: list[Stamp] = []


class _RawWire(msgspec.Struct):
    page: int = 0
    limit: int = 0
    requests: msgspec.Raw | None = None


_records = msgspec.json.Decoder(list[msgspec.Raw] | None)
_stamps = msgspec.json.Decoder(list[Stamp] | None, strict=False)


def _split(wire: _RawWire) -> RawPage:
    """Cut the raw `requests` array into records (zero-copy) and read their stamps."""
    if wire.requests is None:
        return RawPage(page=wire.page, limit=wire.limit)
    try:
        records = _records.decode(wire.requests) or []
        stamps = _stamps.decode(wire.requests) or []
    except (msgspec.DecodeError, msgspec.ValidationError) as exc:
        raise ResponseValidationError(f"request log page: {exc}", path=LIST_REQUESTS.path) from None
    return RawPage(page=wire.page, limit=wire.limit, requests=records, stamps=stamps)


RAW_PAGES: Endpoint[RawPage] = dataclasses.replace(LIST_REQUESTS, wire=_RawWire, adapt=_split)  # type: ignore[arg-type]
TYPED_PAGES: Endpoint[UsageRequestsResponse] = LIST_REQUESTS
