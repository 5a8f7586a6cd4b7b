"""The SDK decodes every body the definition allows, for every operation, without losing a value."""

from __future__ import annotations

from typing import Any
from unittest.mock import patch

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deepgram import ResponseValidationError
from deepgram.redact import SECRETS
from tests.contract.schema import operations, values
from tests.contract.sdk import declaration_for, leaves, sdk_decode, sdk_required

DECLARED = [op for op in operations() if declaration_for(op) is not None]


@pytest.mark.parametrize("op", DECLARED, ids=[op["name"] for op in DECLARED])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_valid_body_decodes_without_loss(op: dict[str, Any], data: st.DataObject) -> None:
    body = data.draw(values(op["response"]))
    declaration = declaration_for(op)
    absent = sorted(sdk_required(declaration) - set(body))
    if absent:  # a list endpoint's body without its list: refused, never read as an empty list
        with pytest.raises(ResponseValidationError, match=absent[0]):
            sdk_decode(declaration, msgspec.json.encode(body))
        return
    with patch.object(SECRETS, "add"):  # a created key's secret is registered on decode: not these
        result = sdk_decode(declaration, msgspec.json.encode(body))
    missing = leaves(body) - leaves(result)
    assert not missing, f"{op['name']} lost {dict(missing)} decoding {body!r} into {result!r}"


def test_non_integral_numbers_and_nulls_are_kept() -> None:
    """The values the previous types refused: a fractional page, limit, code and count; null groupings."""
    by_name = {op["name"]: op for op in DECLARED}
    page = sdk_decode(
        declaration_for(by_name["manage.v1.projects.requests.list"]),
        b'{"page":1.5,"limit":2.5,"requests":[{"request_id":"r","code":200.5,"response":{"x":{"y":1}}}]}',
    )
    assert (page.page, page.limit, page.requests[0].code) == (1.5, 2.5, 200.5)
    assert page.requests[0].response["x"] == {"y": 1} and page.requests[0].response.to_dict() == {"x": {"y": 1}}
    breakdown = sdk_decode(
        declaration_for(by_name["manage.v1.projects.usage.breakdown.get"]),
        b'{"start":"2025-01-01","end":"2025-01-31","resolution":{"units":"day","amount":1.5},"results":'
        b'[{"hours":1,"total_hours":2,"agent_hours":0.5,"tokens_in":1.5,"tokens_out":2,"tts_characters":3.25,'
        b'"requests":4.5,"grouping":{"accessor":null,"tags":null,"endpoint":null}}]}',
    )
    row = breakdown.results[0]
    assert (row.requests, row.tokens_in, row.tts_characters, breakdown.resolution.amount) == (4.5, 1.5, 3.25, 1.5)
    assert isinstance(row.tokens_out, int) and row.tokens_out == 2
    assert row.grouping.tags is None and row.grouping.accessor is None
