"""Random and truncated JSON into every endpoint's decoder: only the SDK's own errors come out."""

from __future__ import annotations

import msgspec
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deepgram import DeepgramError
from deepgram.core.decoding import decode
from deepgram.endpoints import ALL

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=5),
    max_leaves=20,
)
FIELD_NAMES = [
    "api_keys",
    "api_key",
    "member",
    "item",
    "requests",
    "request",
    "results",
    "stt",
    "tts",
    "projects",
    "members",
    "scopes",
    "invites",
    "balances",
    "orders",
    "callback",
    "response",
    "page",
    "limit",
    "amount",
    "grouping",
    "resolution",
    "tokens",
    "details",
    "config",
]
shaped = st.dictionaries(st.sampled_from(FIELD_NAMES), json_values, max_size=6)


def _decode_everywhere(body: bytes) -> None:
    for endpoint in ALL:
        try:
            wire = decode(endpoint.wire, body)
            if endpoint.adapt is not None:
                endpoint.adapt(wire)
        except DeepgramError:
            pass


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=64))
def test_random_bytes(body: bytes) -> None:
    _decode_everywhere(body)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(shaped, st.integers(min_value=0, max_value=200))
def test_plausible_and_truncated_json(value: dict, cut: int) -> None:
    body = msgspec.json.encode(value)
    _decode_everywhere(body)
    _decode_everywhere(body[:cut])


def test_a_wrong_type_is_a_response_validation_error() -> None:
    from deepgram import ResponseValidationError
    from deepgram.resources.projects import ProjectsResponse

    try:
        decode(ProjectsResponse, b'{"projects": 5}')
    except ResponseValidationError as error:
        assert "projects" in str(error)
    else:
        raise AssertionError("expected ResponseValidationError")
