"""The definition as data is complete, and the SDK declares each operation as the definition does."""

from __future__ import annotations

from typing import Any

import pytest

from deepgram.endpoints import ALL
from tests.contract.schema import operation, operations, query_params, validate
from tests.contract.sdk import declaration_for, declarations

#: Options the SDK sends beyond the definition, each recorded by manage-api.md: the 4.x SDK's usage
#: summary filters (`interim_results`, `ner`, `detect_topics`), and `company` in a project update
#: (JS 4.x, Go). Operation number -> names.
EXTRA_OPTIONS: dict[int, frozenset[str]] = {
    3: frozenset({"company"}),
    19: frozenset({"interim_results", "ner", "detect_topics"}),
    21: frozenset({"interim_results", "ner", "detect_topics"}),
}


def test_the_definition_as_data_has_every_operation_and_parameter() -> None:
    ops = operations()
    assert [op["number"] for op in ops] == list(range(1, 46))
    assert len({(op["method"], op["path"]) for op in ops}) == 45
    assert len(query_params(operation(19))) == 44 and len(query_params(operation(21))) == 45
    assert query_params(operation(24))["grouping"]["type"] == "array"
    assert query_params(operation(21))["grouping"]["type"] == "string"
    assert query_params(operation(17))["limit"] == {"type": "number", "default": 10.0}
    assert operation(21)["response"]["required"] == ["start", "end", "resolution", "results"]
    grouping = operation(21)["response"]["properties"]["results"]["items"]["properties"]["grouping"]
    assert grouping["properties"]["tags"]["nullable"] and not grouping["properties"]["models"].get("nullable")
    assert operation(17)["response"]["properties"]["requests"]["items"]["properties"]["response"]["free"]
    assert operation(45)["request"]["properties"]["ttl_seconds"] == {"type": "number"}


def test_the_validator_refuses_what_the_definition_forbids() -> None:
    breakdown = operation(21)["response"]
    assert validate(breakdown, {"start": "2025-01-01"})  # required keys missing
    good = {
        "start": "2025-01-01", "end": "2025-01-02", "resolution": {"units": "day", "amount": 1.5},
        "results": [{"hours": 1, "total_hours": 1, "agent_hours": 0, "tokens_in": 0, "tokens_out": 0,
                     "tts_characters": 0, "requests": 1.5, "grouping": {"tags": None}}],
    }
    assert validate(breakdown, good) == []
    good["results"][0]["grouping"] = {"models": None}
    assert validate(breakdown, good) == ["results[].grouping.models: null where the definition does not allow it"]
    assert validate(operation(17)["response"], {"requests": [{"created": "2025-01-01"}]})  # not a date-time
    assert validate(operation(2)["response"], {"surprise": 1}) == ["surprise: not in the definition"]
    assert validate(operation(2)["response"], {"company": "x"}, frozenset({"company"})) == []


@pytest.mark.parametrize("endpoint", ALL, ids=[e.name for e in ALL])
def test_every_sdk_declaration_is_an_operation_of_the_definition(endpoint: Any) -> None:
    matches = [op for op in operations() if declaration_for(op) is endpoint]
    assert len(matches) == 1, f"{endpoint!r} is not an operation of the definition"
    op = matches[0]
    if endpoint.options is None:
        return
    sent = set(endpoint.options.__struct_fields__) - EXTRA_OPTIONS.get(op["number"], frozenset())
    in_query = set(getattr(endpoint.options, "_in_query", ())) if endpoint.body else sent
    assert in_query <= set(query_params(op)), f"{endpoint.name} puts {sorted(in_query)} in the query"
    if endpoint.body:
        body = op.get("request", {})
        in_body = sent - in_query
        allowed = set(body.get("properties", {})) if body.get("type") == "object" else in_body  # untyped
        assert in_body <= allowed, f"{endpoint.name} sends {sorted(in_body - allowed)} the definition lacks"


def test_every_operation_of_the_definition_is_declared() -> None:
    declared = {op["number"] for op in operations() if declaration_for(op) is not None}
    assert declared == set(range(1, 46))
    assert len(declarations()) == len(ALL)
