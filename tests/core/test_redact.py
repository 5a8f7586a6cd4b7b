"""Secrets never reach headers we keep, reprs or log output."""

from __future__ import annotations

import io
import logging
import threading
from collections.abc import Iterator

import pytest
from multidict import CIMultiDict

from deepgram.redact import (
    REDACTED,
    SECRETS,
    SecretRegistry,
    mask,
    redact_headers,
    redact_json_secrets,
)

FAKE_KEY = "dgFAKEKEY-0123456789abcdef0123456789abcd"  # recognisable, 40 chars like a real key


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({}, {}),
        ({"Authorization": f"Token {FAKE_KEY}"}, {"Authorization": "Token ***"}),
        ({"authorization": f"token {FAKE_KEY}"}, {"authorization": "token ***"}),
        ({"AUTHORIZATION": f"Bearer {FAKE_KEY}"}, {"AUTHORIZATION": "Bearer ***"}),
        ({"Authorization": FAKE_KEY}, {"Authorization": "***"}),
        ({"Authorization": ""}, {"Authorization": "***"}),
        ({"Authorization": f"Token   {FAKE_KEY} extra"}, {"Authorization": "Token ***"}),
        ({"Proxy-Authorization": f"Basic {FAKE_KEY}"}, {"Proxy-Authorization": "Basic ***"}),
        ({"X-Api-Key": FAKE_KEY}, {"X-Api-Key": "***"}),
        ({"x-deepgram-token": FAKE_KEY}, {"x-deepgram-token": "***"}),
        ({"X-Client-Secret": FAKE_KEY}, {"X-Client-Secret": "***"}),
        ({"Cookie": f"s={FAKE_KEY}"}, {"Cookie": "***"}),
        ({"Set-Cookie": f"s={FAKE_KEY}"}, {"Set-Cookie": "***"}),
        ({"X-Password": "hunter22"}, {"X-Password": "***"}),
        (
            {"Content-Type": "application/json", "dg-request-id": "r1", "User-Agent": "deepgram-manage/1.0"},
            {"Content-Type": "application/json", "dg-request-id": "r1", "User-Agent": "deepgram-manage/1.0"},
        ),
        (
            {"Accept": "application/json", "Authorization": f"Token {FAKE_KEY}"},
            {"Accept": "application/json", "Authorization": "Token ***"},
        ),
    ],
)
def test_redact_headers(headers: dict[str, str], expected: dict[str, str]) -> None:
    original = dict(headers)
    assert redact_headers(headers) == expected
    assert headers == original  # a copy, the input is untouched


def test_redact_headers_multidict() -> None:
    headers = CIMultiDict([("Authorization", f"Token {FAKE_KEY}"), ("X-Trace", "t")])
    result = redact_headers(headers)
    assert result == {"Authorization": "Token ***", "X-Trace": "t"}
    assert type(result) is dict


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f'{{"key":"{FAKE_KEY}"}}', '{"key":"***"}'),
        (f'{{"api_key_id":"id","key": "{FAKE_KEY}"}}', '{"api_key_id":"***","key": "***"}'),
        (f'{{"access_token":"{FAKE_KEY}","expires_in":30}}', '{"access_token":"***","expires_in":30}'),
        (f'{{"Secret" : "{FAKE_KEY}"}}', '{"Secret" : "***"}'),
        (f'{{"key":"{FAKE_KEY[:10]}', '{"key":"***"'),  # cut off in the middle
        ('{"key":"a\\"b"}', '{"key":"***"}'),
        ('{"comment":"my key is great"}', '{"comment":"my key is great"}'),
        ('{"api_key":{"api_key_id":"x"}}', '{"api_key":{"api_key_id":"***"}}'),
        ("plain text", "plain text"),
        ("", ""),
    ],
)
def test_redact_json_secrets(text: str, expected: str) -> None:
    assert redact_json_secrets(text) == expected


@pytest.mark.parametrize(
    ("secret", "expected"),
    [(None, "None"), ("", "''"), ("abc", "<secret: 3 chars>"), (FAKE_KEY, "<secret: 40 chars>")],
)
def test_mask(secret: str | None, expected: str) -> None:
    assert mask(secret) == expected
    if secret:
        assert secret not in mask(secret)


def test_registry_scrubs_registered_secrets() -> None:
    registry = SecretRegistry()
    registry.add(FAKE_KEY)
    text = f"Authorization: Token {FAKE_KEY}; again {FAKE_KEY}"
    assert registry.scrub(text) == "Authorization: Token ***; again ***"
    assert FAKE_KEY in registry
    assert len(registry) == 1


@pytest.mark.parametrize("secret", [None, "", "abc", 12345678, b"bytes-secret-123"])
def test_registry_ignores_tiny_and_non_str(secret: object) -> None:
    registry = SecretRegistry()
    registry.add(secret)  # type: ignore[arg-type]
    assert len(registry) == 0
    assert registry.scrub("abc 1234567 text") == "abc 1234567 text"


def test_registry_scrubs_short_secrets_as_whole_words_only() -> None:
    registry = SecretRegistry(["short", "1234567"])
    assert registry.scrub("key 1234567 rejected; short.") == "key *** rejected; ***."
    assert registry.scrub("shortly x12345678") == "shortly x12345678"


def test_registry_registers_exactly_eight_chars() -> None:
    registry = SecretRegistry(["12345678"])
    assert registry.scrub("x12345678x") == "x***x"


def test_registry_prefers_longest_secret() -> None:
    registry = SecretRegistry(["abcdefgh", "abcdefghijklmnop"])
    assert registry.scrub("abcdefghijklmnop") == REDACTED
    assert registry.scrub("abcdefgh-ijkl") == "***-ijkl"


def test_registry_escapes_regex_characters() -> None:
    registry = SecretRegistry(["a.b*c+d?(e)[f]"])
    assert registry.scrub("a.b*c+d?(e)[f]") == REDACTED
    assert registry.scrub("aXbbbcd(e)f") == "aXbbbcd(e)f"


def test_registry_discard_and_duplicates() -> None:
    registry = SecretRegistry()
    registry.add(FAKE_KEY)
    registry.add(FAKE_KEY)
    assert len(registry) == 1
    registry.discard(FAKE_KEY)
    registry.discard("never-registered")
    assert registry.scrub(FAKE_KEY) == FAKE_KEY


def test_registry_repr_hides_secrets() -> None:
    registry = SecretRegistry([FAKE_KEY])
    assert FAKE_KEY not in repr(registry)
    assert repr(registry) == "SecretRegistry(<1 secrets>)"


def test_registry_empty_scrub_is_identity() -> None:
    assert SecretRegistry().scrub("anything") == "anything"
    assert SecretRegistry([FAKE_KEY]).scrub("") == ""


def test_registry_is_thread_safe() -> None:
    registry = SecretRegistry()
    secrets = [f"secret-{n:04d}-padding" for n in range(400)]

    def add(chunk: list[str]) -> None:
        for secret in chunk:
            registry.add(secret)

    threads = [threading.Thread(target=add, args=(secrets[i::8],)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(registry) == len(secrets)
    assert registry.scrub(" ".join(secrets)) == " ".join([REDACTED] * len(secrets))


def test_module_registry_exists() -> None:
    assert isinstance(SECRETS, SecretRegistry)


@pytest.fixture
def captured() -> Iterator[tuple[logging.Logger, io.StringIO]]:
    registry = SecretRegistry([FAKE_KEY])
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))
    handler.addFilter(registry.logging_filter())
    logger = logging.getLogger("tests.core.redact")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    try:
        yield logger, stream
    finally:
        logger.removeHandler(handler)
        logger.propagate = True


@pytest.mark.parametrize(
    ("msg", "args"),
    [
        (f"sending with Token {FAKE_KEY}", ()),
        ("sending with Token %s", (FAKE_KEY,)),
        ("headers=%r", ({"Authorization": f"Token {FAKE_KEY}"},)),
        ("%(key)s and %(other)d", ({"key": FAKE_KEY, "other": 3},)),
        ("object %s", (type("Leaky", (), {"__str__": lambda self: f"Leaky({FAKE_KEY})"})(),)),
    ],
)
def test_logging_filter_scrubs_messages(
    captured: tuple[logging.Logger, io.StringIO], msg: str, args: tuple[object, ...]
) -> None:
    logger, stream = captured
    logger.debug(msg, *args)
    output = stream.getvalue()
    assert output.startswith("DEBUG tests.core.redact ")
    assert REDACTED in output
    assert FAKE_KEY not in output
    assert FAKE_KEY[10:30] not in output


def test_logging_filter_scrubs_tracebacks(captured: tuple[logging.Logger, io.StringIO]) -> None:
    logger, stream = captured
    try:
        raise RuntimeError(f"bad key {FAKE_KEY}")
    except RuntimeError:
        logger.exception("request failed")
    output = stream.getvalue()
    assert "RuntimeError: bad key ***" in output
    assert FAKE_KEY not in output


def test_logging_filter_scrubs_stack_info() -> None:
    # The stack text holds function names and source lines, so register one as the "secret".
    secret = "leaky_frame_marker_fn"
    registry = SecretRegistry([secret])
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(registry.logging_filter())
    logger = logging.getLogger("tests.core.redact.stack")
    logger.addHandler(handler)
    logger.propagate = False
    logger.setLevel(logging.INFO)

    def leaky_frame_marker_fn() -> None:
        logger.info("here", stack_info=True)

    try:
        leaky_frame_marker_fn()
    finally:
        logger.removeHandler(handler)
        logger.propagate = True
    output = stream.getvalue()
    assert "Stack (most recent call last)" in output
    assert "in ***" in output
    assert secret not in output


def test_logging_filter_lets_broken_records_through(captured: tuple[logging.Logger, io.StringIO]) -> None:
    logger, _ = captured
    record = logger.makeRecord(logger.name, logging.INFO, __file__, 1, "%d", ("not a number",), None)
    assert SecretRegistry().logging_filter().filter(record) is True


def test_logging_filter_sees_secrets_added_later() -> None:
    registry = SecretRegistry()
    log_filter = registry.logging_filter()
    registry.add(FAKE_KEY)
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "key=%s", (FAKE_KEY,), None)
    assert log_filter.filter(record)
    assert record.getMessage() == "key=***"
