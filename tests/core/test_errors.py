"""The error hierarchy: what each class catches, how it prints, and that it never leaks a secret."""

from __future__ import annotations

import pickle

import pytest

from deepgram.errors import (
    AuthenticationError,
    BadRequestError,
    ClientClosedError,
    ConflictError,
    DeepgramApiError,
    DeepgramConnectionError,
    DeepgramError,
    DeepgramTimeoutError,
    DeepgramTypeError,
    DeepgramValueError,
    MissingCredentialsError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseValidationError,
    ServerError,
)
from deepgram.redact import SECRETS

FAKE_KEY = "dg_fake_secret_0123456789abcdef0123456789"


@pytest.mark.parametrize(
    ("cls", "parents"),
    [
        (DeepgramError, (Exception,)),
        (DeepgramTypeError, (DeepgramError, TypeError)),
        (DeepgramValueError, (DeepgramTypeError, DeepgramError, TypeError, ValueError)),
        (MissingCredentialsError, (DeepgramError,)),
        (ClientClosedError, (DeepgramError,)),
        (DeepgramConnectionError, (DeepgramError,)),
        (DeepgramTimeoutError, (DeepgramConnectionError, DeepgramError)),
        (ResponseValidationError, (DeepgramError,)),
        (DeepgramApiError, (DeepgramError,)),
        (BadRequestError, (DeepgramApiError,)),
        (AuthenticationError, (DeepgramApiError,)),
        (PermissionDeniedError, (DeepgramApiError,)),
        (NotFoundError, (DeepgramApiError,)),
        (ConflictError, (DeepgramApiError,)),
        (RateLimitError, (DeepgramApiError,)),
        (ServerError, (DeepgramApiError,)),
    ],
)
def test_hierarchy(cls: type[Exception], parents: tuple[type[Exception], ...]) -> None:
    for parent in parents:
        assert issubclass(cls, parent)


@pytest.mark.parametrize(
    ("cls", "not_parent"),
    [
        (DeepgramTypeError, ValueError),
        (DeepgramApiError, TypeError),
        (DeepgramApiError, ValueError),
        (MissingCredentialsError, DeepgramTypeError),
        (DeepgramConnectionError, DeepgramApiError),
        (ResponseValidationError, DeepgramApiError),
        (ServerError, RateLimitError),
    ],
)
def test_hierarchy_does_not_overlap(cls: type[Exception], not_parent: type[Exception]) -> None:
    assert not issubclass(cls, not_parent)


def test_except_clauses_catch_bad_input() -> None:
    with pytest.raises(DeepgramTypeError):
        raise DeepgramValueError("empty id")
    with pytest.raises(ValueError):
        raise DeepgramValueError("empty id")
    with pytest.raises(TypeError):
        raise DeepgramTypeError("unknown option")


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        (
            dict(
                status=404,
                message="Project not found.",
                code="PROJECT_NOT_FOUND",
                request_id="abc",
                method="GET",
                path="/v1/projects/x",
            ),
            "404 Not Found: Project not found. (code=PROJECT_NOT_FOUND, request_id=abc) [GET /v1/projects/x]",
        ),
        (dict(status=404, message="Not Found", method="GET", path="/v1/x"), "404 Not Found [GET /v1/x]"),
        (dict(status=404, message=""), "404 Not Found"),
        (
            dict(status=401, message="Invalid credentials.", code="INVALID_AUTH"),
            "401 Unauthorized: Invalid credentials. (code=INVALID_AUTH)",
        ),
        (
            dict(status=400, message="bad", request_id="r1", method="post", path="/v1/p/keys"),
            "400 Bad Request: bad (request_id=r1) [POST /v1/p/keys]",
        ),
        (dict(status=599, message="odd"), "599: odd"),
        (
            dict(status=503, message="line one\nline two\r\n  three"),
            "503 Service Unavailable: line one line two three",
        ),
        (
            dict(status=400, message="Invalid JSON", details="expected value at line 1", code="INVALID_JSON"),
            "400 Bad Request: Invalid JSON — expected value at line 1 (code=INVALID_JSON)",
        ),
        (dict(status=400, message="same", details="same"), "400 Bad Request: same"),
        (dict(status=418, message="teapot", path="/v1/x"), "418 I'm a Teapot: teapot [/v1/x]"),
    ],
)
def test_api_error_str(kwargs: dict[str, object], expected: str) -> None:
    status = kwargs.pop("status")
    message = kwargs.pop("message")
    error = DeepgramApiError(status, message, **kwargs)  # type: ignore[arg-type]
    assert str(error) == expected
    assert "\n" not in str(error)


def test_api_error_attributes() -> None:
    error = NotFoundError(
        404,
        "gone",
        code="NOT_FOUND",
        request_id="rid",
        method="DELETE",
        path="/v1/projects/p",
        body=b'{"category":"NOT_FOUND"}',
        headers={"Content-Type": "application/json"},
        details="d",
    )
    assert (error.status, error.status_code, error.message, error.code) == (404, 404, "gone", "NOT_FOUND")
    assert (error.request_id, error.method, error.path, error.details) == (
        "rid",
        "DELETE",
        "/v1/projects/p",
        "d",
    )
    assert error.body == b'{"category":"NOT_FOUND"}'
    assert error.headers == {"Content-Type": "application/json"}
    assert error.reason == "Not Found"


@pytest.mark.parametrize(
    ("body", "expected_bytes", "expected_text"),
    [
        (None, b"", ""),
        (b"", b"", ""),
        (b'{"err_msg":"x"}', b'{"err_msg":"x"}', '{"err_msg":"x"}'),
        ('{"err_msg":"é"}', '{"err_msg":"é"}'.encode(), '{"err_msg":"é"}'),
        (b"\xff\xfeoops", b"\xff\xfeoops", "\ufffd\ufffdoops"),
        (bytearray(b"abc"), b"abc", "abc"),
    ],
)
def test_body_and_original_error(body: bytes | str | None, expected_bytes: bytes, expected_text: str) -> None:
    error = DeepgramApiError(500, "x", body=body)
    assert error.body == expected_bytes
    assert isinstance(error.body, bytes)
    assert error.original_error == expected_text


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"Authorization": f"Token {FAKE_KEY}"}, {"Authorization": "Token ***"}),
        ({"authorization": f"Bearer {FAKE_KEY}"}, {"authorization": "Bearer ***"}),
        (
            {"Set-Cookie": f"session={FAKE_KEY}", "dg-request-id": "r"},
            {"Set-Cookie": "***", "dg-request-id": "r"},
        ),
    ],
)
def test_api_error_headers_are_redacted(headers: dict[str, str], expected: dict[str, str]) -> None:
    error = DeepgramApiError(401, "no", headers=headers)
    assert error.headers == expected
    assert FAKE_KEY not in repr(error.headers)


def test_api_error_headers_default_empty() -> None:
    assert DeepgramApiError(500, "x").headers == {}


def test_repr_is_short_and_secret_free() -> None:
    error = AuthenticationError(
        401,
        "Invalid credentials.",
        request_id="r",
        headers={"Authorization": f"Token {FAKE_KEY}"},
        body=b"big body",
    )
    text = repr(error)
    assert text == "AuthenticationError(status=401, message='Invalid credentials.', request_id='r')"
    assert FAKE_KEY not in text + str(error)


def test_rate_limit_error_retry_after() -> None:
    assert RateLimitError(429, "slow down", retry_after=2.5).retry_after == 2.5
    assert RateLimitError(429, "slow down").retry_after is None


@pytest.mark.parametrize(
    "error",
    [
        DeepgramApiError(418, "teapot", code="c", request_id="r", method="GET", path="/p", body=b"b"),
        NotFoundError(404, "missing", details="d", headers={"x": "y"}),
        RateLimitError(429, "slow", retry_after=3.0, request_id="r"),
        ServerError(502, "bad gateway"),
        DeepgramConnectionError("refused", method="GET", path="/v1/projects"),
        DeepgramTimeoutError("timed out", method="POST", path="/v1/p/keys"),
        ResponseValidationError("Expected `str`", status=200, method="GET", path="/v1/x", body=b"{}"),
        DeepgramValueError("empty id"),
    ],
)
def test_errors_pickle_round_trip(error: DeepgramError) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error)
    assert vars(copy) == vars(error)


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (
            DeepgramConnectionError("connection refused", method="get", path="/v1/projects"),
            "connection refused [GET /v1/projects]",
        ),
        (
            DeepgramTimeoutError("timed out after 30s", method="POST", path="/v1/p/keys"),
            "timed out after 30s [POST /v1/p/keys]",
        ),
        (DeepgramConnectionError("dns\nfailure"), "dns failure"),
    ],
)
def test_connection_error_str(error: DeepgramConnectionError, expected: str) -> None:
    assert str(error) == expected


def test_connection_error_keeps_cause() -> None:
    cause = OSError("refused")
    try:
        try:
            raise cause
        except OSError as exc:
            raise DeepgramConnectionError("cannot connect", method="GET", path="/v1/projects") from exc
    except DeepgramConnectionError as error:
        assert error.__cause__ is cause
        assert (error.method, error.path) == ("GET", "/v1/projects")


def test_response_validation_error_fields_and_str() -> None:
    body = b'{"projects": 5}'
    error = ResponseValidationError(
        "Expected `array`, got `int` - at `$.projects`",
        status=200,
        method="GET",
        path="/v1/projects",
        body=body,
    )
    assert (error.status, error.method, error.path, error.body) == (200, "GET", "/v1/projects", body)
    assert error.detail == "Expected `array`, got `int` - at `$.projects`"
    assert str(error) == (
        "unexpected response body (200): Expected `array`, got `int` - at `$.projects` [GET /v1/projects]; "
        "body: '{\"projects\": 5}'"
    )


def test_response_validation_error_body_preview_is_bounded() -> None:
    error = ResponseValidationError("bad", body=b"x" * 100_000)
    preview = str(error).split("body: ", 1)[1]
    assert len(preview) <= 200 + 2  # the quotes of repr()
    assert len(error.body) == 100_000


def test_response_validation_error_never_shows_a_created_key() -> None:
    body = ('{"api_key_id":"id1","key":"' + FAKE_KEY + '","comment":"ci","scopes":7}').encode()
    assert FAKE_KEY not in str(ResponseValidationError("Expected `array`", body=body))


def test_response_validation_error_redacts_a_secret_cut_by_the_preview() -> None:
    body = ('{"comment":"' + "c" * 180 + '","key":"' + FAKE_KEY + '"}').encode()
    text = str(ResponseValidationError("bad", body=body))
    assert FAKE_KEY[:12] not in text


def test_response_validation_error_scrubs_registered_secrets() -> None:
    secret = "registered_secret_for_errors_test_42"
    SECRETS.add(secret)
    try:
        text = str(ResponseValidationError("bad", body=f'["{secret}"]'.encode()))
        assert secret not in text
        assert "***" in text
    finally:
        SECRETS.discard(secret)
