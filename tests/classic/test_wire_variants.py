"""Every wire variant the reference records decodes, and the seed's attribute names work on each."""

from __future__ import annotations

import msgspec
import pytest

from deepgram import ResponseValidationError
from deepgram.core.decoding import decode
from deepgram.resources.billing import Balance, BalancesResponse
from deepgram.resources.keys import GET_KEY, LIST_KEYS, Key, KeyResponse
from deepgram.resources.models import ModelsResponse
from deepgram.resources.usage_endpoints import GET_REQUEST
from deepgram.resources.usage_types import Callback, UsageRequestsResponse, UsageResponse

API_KEY = {
    "api_key_id": "k1",
    "comment": "c",
    "scopes": ["admin"],
    "tags": ["t"],
    "created": "2026-01-01T00:00:00Z",
}
MEMBER = {"member_id": "m1", "email": "a@b.co", "first_name": "A", "last_name": "B"}


def _via(endpoint, payload):
    wire = decode(endpoint.wire, msgspec.json.encode(payload))
    return endpoint.adapt(wire) if endpoint.adapt else wire


@pytest.mark.parametrize(
    "payload",
    [
        {"api_key": API_KEY, "member": MEMBER},
        {"item": {"member": {**MEMBER, "api_key": API_KEY}}},
    ],
    ids=["flat-pair", "nested-item"],
)
def test_get_key_both_shapes(payload: dict) -> None:
    result = _via(GET_KEY, payload)
    assert isinstance(result, KeyResponse)
    assert result.api_key.api_key_id == "k1" and result.api_key.tags == ["t"]
    assert result.member is not None and result.member.email == "a@b.co"
    assert result.api_key.member == result.member
    assert result.api_key_id == "k1"  # the older SDK's flat access


def test_get_key_missing_everything_still_decodes() -> None:
    result = _via(GET_KEY, {})
    assert result.api_key.api_key_id == "" and result.member is None


def test_key_list_pairs_become_keys_with_members() -> None:
    result = _via(
        LIST_KEYS, {"api_keys": [{"member": MEMBER, "api_key": API_KEY}, {"api_key": {"api_key_id": "k2"}}]}
    )
    assert [k.api_key_id for k in result.api_keys] == ["k1", "k2"]
    assert result.api_keys[0].member.member_id == "m1" and result.api_keys[1].member is None
    assert _via(LIST_KEYS, {"api_keys": []}).api_keys == []
    with pytest.raises(ResponseValidationError, match="api_keys"):  # absent is not "no keys"
        _via(LIST_KEYS, {})


RECORD = {
    "request_id": "r1",
    "created": "2026-01-01T00:00:00Z",
    "path": "/v1/listen",
    "api_key_id": "k1",
    "response": {"code": 200, "details": {"usd": 0.1, "config": {"model": "nova-3"}, "models": ["x"]}},
}


@pytest.mark.parametrize("payload", [RECORD, {"request": RECORD}], ids=["flat", "wrapped"])
def test_request_by_id_both_shapes(payload: dict) -> None:
    record = _via(GET_REQUEST, payload)
    assert record.request_id == "r1" and record.response.details.config == {"model": "nova-3"}
    assert record["path"] == "/v1/listen"


@pytest.mark.parametrize(
    ("callback", "check"),
    [
        ("https://example.com/hook", lambda c: c == "https://example.com/hook"),
        (
            {"attempts": 2, "code": 200, "completed": "2026-01-01"},
            lambda c: isinstance(c, Callback) and c.attempts == 2,
        ),
        (None, lambda c: c is None),
    ],
    ids=["string", "object", "null"],
)
def test_callback_as_string_or_object(callback, check) -> None:
    page = decode(
        UsageRequestsResponse, msgspec.json.encode({"requests": [{**RECORD, "callback": callback}]})
    )
    assert check(page.requests[0].callback)


def test_page_numbers_sent_as_floats_become_ints() -> None:
    page = decode(UsageRequestsResponse, b'{"page": 3.0, "limit": 1000.0, "requests": []}')
    assert page.page == 3 and isinstance(page.limit, int)
    fractional = decode(UsageRequestsResponse, b'{"page": 1.5, "limit": 2.5, "requests": []}')
    assert (fractional.page, fractional.limit) == (1.5, 2.5)


@pytest.mark.parametrize(
    ("payload", "results"),
    [
        ({"start": "2026-01-01", "end": "2026-01-31", "resolution": {"units": "day", "amount": 1}}, 0),
        (
            {
                "start": "2026-01-01",
                "end": "2026-01-31",
                "resolution": {"units": "day", "amount": 1},
                "results": [
                    {
                        "start": "2026-01-01",
                        "end": "2026-01-02",
                        "hours": 1.0,
                        "total_hours": 1.2,
                        "requests": 4,
                        "tokens": {"in": 5, "out": 6},
                        "tts": {"characters": 7, "requests": 1},
                    }
                ],
            },
            1,
        ),
    ],
    ids=["current-no-results", "legacy-results"],
)
def test_usage_with_and_without_results(payload: dict, results: int) -> None:
    usage = decode(UsageResponse, msgspec.json.encode(payload))
    assert len(usage.results) == results and usage.resolution.amount == 1
    if results:
        assert usage.results[0].tokens.in_ == 5 and usage.results[0].tts.characters == 7


@pytest.mark.parametrize(
    ("payload", "purchase"),
    [
        ({"balance_id": "b", "purchase_order_id": "po-1"}, "po-1"),
        ({"balance_id": "b", "purchase": "po-2"}, "po-2"),
    ],
)
def test_balance_purchase_under_both_names(payload: dict, purchase: str) -> None:
    balance = decode(Balance, msgspec.json.encode(payload))
    assert balance.purchase == purchase and balance.purchase_order_id == purchase


def test_balance_amount_as_string_number() -> None:
    assert (
        decode(BalancesResponse, b'{"balances":[{"balance_id":"b","amount":"10.5"}]}').balances[0].amount
        == 10.5
    )


def test_models_seed_names_and_language() -> None:
    models = decode(
        ModelsResponse,
        b'{"stt":[{"name":"nova","languages":["fr"]}],"tts":[{"name":"aura",'
        b'"metadata":{"accent":"US","tags":["warm"],"use_cases":["ivr"]}}]}',
    )
    assert models.stt_models[0].language == "fr" and models["stt_models"][0].name == "nova"
    assert models.tts_models[0].metadata.accent == "US"


def test_unknown_fields_are_ignored_and_to_dict_round_trips() -> None:
    key = decode(Key, b'{"api_key_id":"k","brand_new_field":{"x":1},"scopes":["a"]}')
    assert key.to_dict() == {"api_key_id": "k", "scopes": ["a"]}
    assert msgspec.json.decode(key.to_json()) == {"api_key_id": "k", "scopes": ["a"]}
    with pytest.raises(KeyError):
        key["brand_new_field"]
