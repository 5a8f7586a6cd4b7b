"""Page shapes for scraping: typed records, or each record's original bytes plus its id and time.

The raw shape lets exports write records exactly as the API sent them, without re-encoding; the
tiny `Stamp` is all de-duplication and progress need. Both derive from the one `LIST_REQUESTS`.
"""

from __future__ import annotations

from typing import Any

import msgspec

from deepgram.core.operation import Operation
from deepgram.errors import ResponseValidationError
from deepgram.resources.usage_endpoints import LIST_REQUESTS
from deepgram.resources.usage_types import UsageRequestsResponse
from deepgram.types.base import Number


class Stamp(msgspec.Struct):
    """The fields of a record the scraper reads: its id and creation time, and where a credential
    could hide (the `path` and `callback`, which `deepgram.usage.redaction` looks at)."""

    request_id: str = ""
    created: str | None = None
    path: str | None = None
    callback: Any = None


class RawPage(msgspec.Struct):
    """One page: each record's JSON bytes as received, and its stamp (same order)."""

    page: Number = 0
    limit: Number = 0
    requests: list[msgspec.Raw] = []
    stamps: list[Stamp] = []


class _RawWire(msgspec.Struct, kw_only=True):
    page: Number = 0
    limit: Number = 0
    requests: msgspec.Raw  # required: a page without its list is an error, not the end of the log


_records = msgspec.json.Decoder(list[msgspec.Raw] | None)
_stamps = msgspec.json.Decoder(list[Stamp] | None, strict=False)


def _split(wire: _RawWire) -> RawPage:
    """Cut the raw `requests` array into records (zero-copy) and read their stamps."""
    try:
        records = _records.decode(wire.requests) or []
        stamps = _stamps.decode(wire.requests) or []
    except (msgspec.DecodeError, msgspec.ValidationError) as exc:
        raise ResponseValidationError(f"request log page: {exc}", path=LIST_REQUESTS.path) from None
    return RawPage(page=wire.page, limit=wire.limit, requests=records, stamps=stamps)


RAW_PAGES: Operation[RawPage] = LIST_REQUESTS.reshaped(_RawWire, _split)
TYPED_PAGES: Operation[UsageRequestsResponse] = LIST_REQUESTS


def typed_ids(page: UsageRequestsResponse) -> list[str]:
    """The request ids of a typed page, in order."""
    return [record.request_id for record in page.requests]


def typed_keep(page: UsageRequestsResponse, mask: list[bool]) -> None:
    """Keep the records of a typed page whose `mask` entry is true."""
    page.requests = [record for record, fresh in zip(page.requests, mask, strict=True) if fresh]


def raw_ids(page: RawPage) -> list[str]:
    """The request ids of a raw page, in order."""
    return [stamp.request_id for stamp in page.stamps]


def raw_keep(page: RawPage, mask: list[bool]) -> None:
    """Keep the records (and stamps) of a raw page whose `mask` entry is true."""
    page.requests = [record for record, fresh in zip(page.requests, mask, strict=True) if fresh]
    page.stamps = [stamp for stamp, fresh in zip(page.stamps, mask, strict=True) if fresh]
