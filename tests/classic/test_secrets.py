"""The API key and created key secrets never appear in a repr, str, log record or error message."""

from __future__ import annotations

import logging
import re

import pytest
from aioresponses import aioresponses

from deepgram import DeepgramApiError, DeepgramClient, DeepgramClientOptions, DeepgramError
from tests.conftest import BASE

API_SECRET = "RECOGNISABLE-API-KEY-7f3a9c"
CREATED_SECRET = "RECOGNISABLE-NEW-KEY-51be02"


def test_secrets_stay_out_of_reprs_logs_and_errors(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="deepgram")
    texts: list[str] = []
    with DeepgramClient(api_key=API_SECRET, url=BASE, max_retries=1) as dg, aioresponses() as mocked:
        dg._api.transport._sleep = _no_sleep
        texts += [repr(dg), str(dg._api.transport.config), repr(DeepgramClientOptions(api_key=API_SECRET))]
        mocked.post(
            re.compile(".*"), payload={"api_key_id": "k9", "key": CREATED_SECRET, "scopes": ["admin"]}
        )
        created = dg.manage.create_key("p", comment="c", scopes=["admin"])
        texts += [repr(created), str(created), repr(created.api_key), str(created.api_key)]
        key = dg.project("p").keys  # collections print no secret either
        texts.append(repr(key))
        logging.getLogger("deepgram").debug("created %s with %s", created.api_key.api_key_id, CREATED_SECRET)
        logging.getLogger("deepgram").info(f"header Authorization: Token {API_SECRET}")
        mocked.get(
            re.compile(".*"), status=500, body=f"echo {API_SECRET} {CREATED_SECRET}".encode(), repeat=True
        )
        with pytest.raises(DeepgramApiError) as info:
            dg.manage.get_projects()
        texts += [str(info.value), repr(info.value), str(info.value.headers)]
        mocked.get(
            re.compile(".*"), status=200, body=b'{"key": "' + CREATED_SECRET.encode() + b'"', repeat=True
        )
    texts += [record.getMessage() for record in caplog.records]
    assert caplog.records, "debug logging produced records"
    for text in texts:
        assert API_SECRET not in text, text
        assert CREATED_SECRET not in text, text
    assert created.api_key.key == CREATED_SECRET  # the secret is still there for the caller


def test_validation_error_on_a_body_with_a_secret_does_not_print_it() -> None:
    with DeepgramClient(api_key=API_SECRET, url=BASE, max_retries=0) as dg, aioresponses() as mocked:
        mocked.post(re.compile(".*"), body=b'{"api_key_id": 5, "key": "' + CREATED_SECRET.encode() + b'"}')
        with pytest.raises(DeepgramError) as info:
            dg.manage.create_key("p", comment="c", scopes=["admin"])
    assert CREATED_SECRET not in str(info.value)


async def _no_sleep(_: float) -> None:
    return None
