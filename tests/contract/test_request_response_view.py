"""A request record's `response` keeps every key the server sent, whether or not it was ever read.

Decoding a page leaves each `response` as the JSON the server sent (`msgspec.Raw`, a copy per
record); the typed `RequestResponse` view is made the first time it is read, and is the same object
afterwards.
"""

from __future__ import annotations

import msgspec
import pytest

from deepgram import ResponseValidationError
from deepgram.core.decoding import decode
from deepgram.resources.usage_types import (
    RequestResponse,
    UsageRequest,
    UsageRequestsResponse,
    _RequestWire,
    request_from_wire,
)

BODY = (
    b'{"page":1,"limit":2,"requests":['
    b'{"request_id":"a","response":{"code":200,"details":{"usd":0.25,"novel":1},"surprise":{"deep":[1,2]}}},'
    b'{"request_id":"b"}]}'
)


def _stored(record: UsageRequest) -> object:
    """The value msgspec keeps in the field, read without making the typed view."""
    return UsageRequest.__dict__["response"].raw.__get__(record, UsageRequest)


def test_decoding_a_page_leaves_responses_as_sent_until_read() -> None:
    page = decode(UsageRequestsResponse, BODY)
    first, second = page.requests
    kept = _stored(first)
    assert type(kept) is msgspec.Raw
    assert msgspec.json.decode(kept) == msgspec.json.decode(BODY)["requests"][0]["response"]
    assert kept.copy() is kept  # the record's own bytes, not a view that keeps the page's body alive
    view = first.response
    assert isinstance(view, RequestResponse) and first.response is view and _stored(first) is view
    assert second.response is None


def test_every_key_is_kept_before_and_after_the_typed_read() -> None:
    page = decode(UsageRequestsResponse, BODY)
    record = page.requests[0]
    sent = msgspec.json.decode(BODY)["requests"][0]
    before = (record.to_dict(), msgspec.json.encode(page), record["response"]["surprise"])
    assert before[0] == sent and msgspec.json.decode(before[1]) == msgspec.json.decode(BODY)
    assert record.response.code == 200 and record.response.details is not None
    assert record.response.details.usd == 0.25 and record.response["details"]["novel"] == 1
    assert (record.to_dict(), msgspec.json.encode(page), record["response"]["surprise"]) == before
    assert record.response.to_dict() == sent["response"]


def test_equality_ignores_whether_the_view_was_made() -> None:
    read, unread = decode(UsageRequestsResponse, BODY), decode(UsageRequestsResponse, BODY)
    assert read.requests[0].response is not None
    assert read == unread and read.requests[0] == unread.requests[0]


def test_records_built_or_unwrapped_give_the_typed_view() -> None:
    built = UsageRequest(request_id="r", response={"code": 404, "message": "gone", "extra": True})
    assert isinstance(built.response, RequestResponse) and built.response.message == "gone"
    assert built.response["extra"] is True
    flat = request_from_wire(decode(_RequestWire, b'{"request_id":"f","response":{"code":201,"k":1}}'))
    wrapped = request_from_wire(decode(_RequestWire, b'{"request":{"request_id":"w","response":{"code":202}}}'))
    assert (flat.response.code, flat.response["k"], wrapped.response.code) == (201, 1, 202)
    assert isinstance(wrapped.response, RequestResponse)


def test_a_response_that_is_not_an_object_is_refused_when_read() -> None:
    page = decode(UsageRequestsResponse, b'{"requests":[{"request_id":"x","response":5}]}')
    record = page.requests[0]
    assert record.to_dict() == {"request_id": "x", "response": 5}  # still readable as data
    with pytest.raises(ResponseValidationError, match="not an object"):
        _ = record.response


def test_repr_and_equality_show_data_not_bytes() -> None:
    record = decode(UsageRequestsResponse, BODY).requests[0]
    assert "Raw" not in repr(record) and "'surprise'" in repr(record)
    built = UsageRequest(request_id="a", response=msgspec.json.decode(BODY)["requests"][0]["response"])
    assert decode(UsageRequestsResponse, BODY).requests[0] == built
