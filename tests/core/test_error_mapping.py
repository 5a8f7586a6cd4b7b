"""Error responses of every shape Deepgram sends (and garbage) become the right, readable exception."""

from __future__ import annotations

import http

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from multidict import CIMultiDict, CIMultiDictProxy

from deepgram.core.error_mapping import (
    ErrorBody,
    error_class_for_status,
    error_from_response,
    parse_error_body,
    request_id_from_headers,
)
from deepgram.errors import (
    AuthenticationError,
    BadRequestError,
    ConflictError,
    DeepgramApiError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
)

JSON = "application/json"


@pytest.mark.parametrize(
    ("body", "content_type", "expected"),
    [
        # legacy
        (
            b'{"err_code":"PROJECT_NOT_FOUND","err_msg":"Project not found.","request_id":"r-1"}',
            JSON,
            ErrorBody("PROJECT_NOT_FOUND", "Project not found.", None, "r-1"),
        ),
        (
            b'{"err_code":"INVALID_AUTH","err_msg":"Invalid credentials."}',
            JSON,
            ErrorBody("INVALID_AUTH", "Invalid credentials.", None, None),
        ),
        (
            b'{"err_code":"Bad Request","err_msg":"JSON payload could not be processed"}',
            JSON,
            ErrorBody("Bad Request", "JSON payload could not be processed"),
        ),
        # modern
        (
            b'{"category":"NOT_FOUND","message":"Project not found",'
            b'"details":"no such project","request_id":"r2"}',
            JSON,
            ErrorBody("NOT_FOUND", "Project not found", "no such project", "r2"),
        ),
        (
            b'{"category":"INVALID_JSON","message":"Invalid JSON",'
            b'"details":"expected value at line 1 column 1"}',
            JSON,
            ErrorBody("INVALID_JSON", "Invalid JSON", "expected value at line 1 column 1"),
        ),
        (
            b'{"category":"UNAUTHORIZED","message":"","details":"authentication failed"}',
            JSON,
            ErrorBody("UNAUTHORIZED", None, "authentication failed"),
        ),
        # other common shapes
        (b'{"error":"invalid_grant","error_description":"bad token"}', JSON, ErrorBody(None, "bad token")),
        (b'{"error":"something broke"}', JSON, ErrorBody(None, "something broke")),
        (b'{"msg":"nope","code":42}', JSON, ErrorBody("42", "nope")),
        (
            b'{"error":{"message":"inner","code":"E1","request_id":"r3"}}',
            JSON,
            ErrorBody("E1", "inner", None, "r3"),
        ),
        (b'{"detail":"fastapi style"}', JSON, ErrorBody(None, "fastapi style")),
        (b'{"message":"m","details":["a","b"]}', JSON, ErrorBody(None, "m", '["a","b"]')),
        (b'{"message":"m","details":{"field":"name"}}', JSON, ErrorBody(None, "m", '{"field":"name"}')),
        (b'{"message":"m","details":[]}', JSON, ErrorBody(None, "m")),
        (b'{"requestId":"camel"}', JSON, ErrorBody(request_id="camel")),
        (b'{"err_msg":null,"message":"fallback"}', JSON, ErrorBody(None, "fallback")),
        (b'{"err_msg":true,"err_code":false}', JSON, ErrorBody()),
        (b'{"err_msg":["list"],"err_code":{"x":1}}', JSON, ErrorBody()),
        (b'{"err_msg":"  spaced\\n out  "}', JSON, ErrorBody(None, "spaced out")),
        (b'{"unrelated":1}', JSON, ErrorBody()),
        (b"{}", JSON, ErrorBody()),
        # text
        (
            b"User does not have sufficient permissions.",
            "text/plain",
            ErrorBody(None, "User does not have sufficient permissions."),
        ),
        (
            b"invalid request: scope must be one of member, admin, owner",
            None,
            ErrorBody(None, "invalid request: scope must be one of member, admin, owner"),
        ),
        (
            b"UUID parsing failed: invalid character\n",
            "text/plain; charset=utf-8",
            ErrorBody(None, "UUID parsing failed: invalid character"),
        ),
        # empty
        (b"", JSON, ErrorBody()),
        (b"", None, ErrorBody()),
        (b"   \r\n\t ", "text/plain", ErrorBody()),
        # invalid JSON
        (b'{"err_msg": "truncated', JSON, ErrorBody(None, '{"err_msg": "truncated')),
        (b"{", JSON, ErrorBody(None, "{")),
        (b"[" * 10_000, JSON, ErrorBody(None, "[" * 999 + "…")),
        # JSON that is not an object
        (b'"just a string"', JSON, ErrorBody(None, "just a string")),
        (b'""', JSON, ErrorBody()),
        (b"[1, 2]", JSON, ErrorBody(None, "[1, 2]")),
        (b"42", JSON, ErrorBody(None, "42")),
        (b"null", JSON, ErrorBody(None, "null")),
        # HTML
        (
            b"<html><head><title>502 Bad Gateway</title></head><body><h1>nginx</h1></body></html>",
            "text/html",
            ErrorBody(None, "502 Bad Gateway"),
        ),
        (b"<!DOCTYPE html><html><body>no title</body></html>", None, ErrorBody()),
        (b"<p>fragment</p>", "text/html; charset=utf-8", ErrorBody()),
        (
            b"<HTML><TITLE>\n  Service\n Unavailable </TITLE></HTML>",
            None,
            ErrorBody(None, "Service Unavailable"),
        ),
        # non-UTF-8
        (b"\xff\xfe\xfd", None, ErrorBody(None, "\ufffd\ufffd\ufffd")),
        (b'{"err_msg":"caf\xe9"}', JSON, ErrorBody(None, '{"err_msg":"caf\ufffd"}')),
        (b"\x00\x01", "application/octet-stream", ErrorBody(None, "\x00\x01")),
    ],
)
def test_parse_error_body(body: bytes, content_type: str | None, expected: ErrorBody) -> None:
    assert parse_error_body(body, content_type) == expected


def test_parse_error_body_bounds_long_text() -> None:
    parsed = parse_error_body(b"x" * 1_000_000, "text/plain")
    assert parsed.message is not None
    assert len(parsed.message) == 1000
    assert parsed.message.endswith("…")


def test_error_body_is_frozen() -> None:
    with pytest.raises(AttributeError):
        ErrorBody().message = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"dg-request-id": "a"}, "a"),
        ({"DG-Request-Id": "a"}, "a"),
        ({"x-request-id": "b"}, "b"),
        ({"X-Request-ID": "b"}, "b"),
        ({"x-request-id": "b", "dg-request-id": "a"}, "a"),
        ({"dg-request-id": "  ", "x-request-id": "b"}, "b"),
        ({"dg-request-id": " padded "}, "padded"),
        ({}, None),
        ({"request-id": "c"}, None),
        (CIMultiDictProxy(CIMultiDict([("Dg-Request-Id", "m1"), ("dg-request-id", "m2")])), "m1"),
        (CIMultiDict([("X-REQUEST-ID", "m3")]), "m3"),
    ],
)
def test_request_id_from_headers(headers: dict[str, str], expected: str | None) -> None:
    assert request_id_from_headers(headers) == expected


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (402, DeepgramApiError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (405, DeepgramApiError),
        (408, DeepgramApiError),
        (409, ConflictError),
        (410, DeepgramApiError),
        (422, DeepgramApiError),
        (429, RateLimitError),
        (499, DeepgramApiError),
        (500, ServerError),
        (501, ServerError),
        (502, ServerError),
        (503, ServerError),
        (504, ServerError),
        (599, ServerError),
        (999, ServerError),
        (300, DeepgramApiError),
        (200, DeepgramApiError),
    ],
)
def test_error_class_for_status(status: int, cls: type[DeepgramApiError]) -> None:
    assert error_class_for_status(status) is cls


@pytest.mark.parametrize("status", range(100, 600))
def test_every_status_maps_to_an_api_error(status: int) -> None:
    error = error_from_response(status, {}, b"", method="GET", path="/v1/projects")
    assert isinstance(error, DeepgramApiError)
    assert type(error) is error_class_for_status(status)
    assert error.status == status
    assert error.message  # never empty: body, reason phrase or "HTTP <status>"


@pytest.mark.parametrize(
    ("status", "headers", "body", "expected"),
    [
        (
            404,
            {"content-type": JSON},
            b'{"err_code":"PROJECT_NOT_FOUND","err_msg":"Project not found.","request_id":"abc"}',
            (NotFoundError, "Project not found.", "PROJECT_NOT_FOUND", "abc", None),
        ),
        (
            403,
            {"dg-request-id": "hdr"},
            b'{"category":"UNAUTHORIZED","message":"auth failed","details":"d"}',
            (PermissionDeniedError, "auth failed", "UNAUTHORIZED", "hdr", "d"),
        ),
        (
            400,
            {"dg-request-id": "hdr"},
            b'{"err_msg":"x","request_id":"body"}',
            (BadRequestError, "x", None, "body", None),
        ),
        (
            401,
            {"Content-Type": "text/plain"},
            b"User does not have sufficient permissions.",
            (AuthenticationError, "User does not have sufficient permissions.", None, None, None),
        ),
        (
            502,
            {"content-type": "text/html"},
            b"<html><body>upstream</body></html>",
            (ServerError, "Bad Gateway", None, None, None),
        ),
        (503, {}, b"", (ServerError, "Service Unavailable", None, None, None)),
        (418, {}, b"\xff", (DeepgramApiError, "\ufffd", None, None, None)),
        (599, {"x-request-id": "x"}, b"", (ServerError, "HTTP 599", None, "x", None)),
    ],
)
def test_error_from_response(
    status: int,
    headers: dict[str, str],
    body: bytes,
    expected: tuple[type, str, str | None, str | None, str | None],
) -> None:
    cls, message, code, request_id, details = expected
    error = error_from_response(status, headers, body, method="GET", path="/v1/projects/p")
    assert type(error) is cls
    assert (error.status, error.message, error.code, error.request_id, error.details) == (
        status,
        message,
        code,
        request_id,
        details,
    )
    assert (error.method, error.path, error.body) == ("GET", "/v1/projects/p", body)


def test_error_from_response_str_is_the_documented_line() -> None:
    error = error_from_response(
        404,
        {"content-type": JSON},
        b'{"err_code":"PROJECT_NOT_FOUND","err_msg":"Project not found.","request_id":"abc"}',
        method="GET",
        path="/v1/projects/x",
    )
    assert (
        str(error)
        == "404 Not Found: Project not found. (code=PROJECT_NOT_FOUND, request_id=abc) [GET /v1/projects/x]"
    )


@pytest.mark.parametrize(
    ("headers", "retry_after"),
    [
        ({"Retry-After": "7"}, 7.0),
        ({"retry-after-ms": "250"}, 0.25),
        ({"Retry-After": "soon"}, None),
        ({}, None),
    ],
)
def test_rate_limit_error_gets_retry_after(headers: dict[str, str], retry_after: float | None) -> None:
    error = error_from_response(429, headers, b"", method="POST", path="/v1/projects/p/keys")
    assert isinstance(error, RateLimitError)
    assert error.retry_after == retry_after
    assert error.message == "Too Many Requests"


def test_error_from_response_redacts_headers() -> None:
    headers = CIMultiDict([("Authorization", "Token dg_fake_abcdefghijklmnop"), ("Set-Cookie", "s=1")])
    error = error_from_response(401, headers, b"", method="GET", path="/v1/projects")
    assert error.headers == {"Authorization": "Token ***", "Set-Cookie": "***"}


def test_reason_phrases_match_http_status() -> None:
    for status in (400, 401, 403, 404, 409, 429, 500, 502, 503, 504):
        assert (
            error_from_response(status, {}, b"", method="GET", path="/").message
            == http.HTTPStatus(status).phrase
        )


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)
known_keys = st.sampled_from(
    ["err_code", "err_msg", "category", "message", "details", "request_id", "error", "msg", "code", "detail"]
)


@settings(max_examples=300)
@given(
    body=st.binary(max_size=2048), content_type=st.none() | st.sampled_from([JSON, "text/html", "text/plain"])
)
def test_parse_error_body_never_raises_on_random_bytes(body: bytes, content_type: str | None) -> None:
    parsed = parse_error_body(body, content_type)
    assert isinstance(parsed, ErrorBody)


@settings(max_examples=300)
@given(obj=st.dictionaries(known_keys, json_values, max_size=6) | json_values)
def test_parse_error_body_never_raises_on_random_json(obj: object) -> None:
    parsed = parse_error_body(msgspec.json.encode(obj), JSON)
    for value in (parsed.code, parsed.message, parsed.details, parsed.request_id):
        assert value is None or (isinstance(value, str) and value)


@settings(max_examples=300)
@given(
    status=st.integers(min_value=100, max_value=999),
    body=st.binary(max_size=1024),
    headers=st.dictionaries(
        st.sampled_from(["Retry-After", "retry-after-ms", "dg-request-id", "Content-Type", "x-request-id"]),
        st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=40),
    ),
)
def test_error_from_response_never_raises(status: int, body: bytes, headers: dict[str, str]) -> None:
    error = error_from_response(status, headers, body, method="GET", path="/v1/projects")
    assert isinstance(error, DeepgramApiError)
    assert error.message
    assert "\n" not in str(error)
    repr(error)
