"""Whatever the server or caller sends, only `DeepgramError`s come out, with no stray exception chained."""

from __future__ import annotations

import math

import pytest

from deepgram import DeepgramClient, DeepgramError, ResponseValidationError, ServerError
from deepgram.core.timeouts import check_timeout
from deepgram.errors import DeepgramTypeError, DeepgramValueError
from tests.hostile.conftest import API_KEY
from tests.hostile.servers import Loopback, reply, serving

DEEP = b"[" * 200_000 + b"]" * 200_000


def test_deeply_nested_json_in_a_2xx_is_a_validation_error() -> None:
    with Loopback(reply(b'{"pad": ' + DEEP + b', "projects": []}')) as server, DeepgramClient(
        api_key=API_KEY, url=server.url, max_retries=0
    ) as client, pytest.raises(ResponseValidationError) as caught:
        client.manage.get_projects()
    assert "recursion" in str(caught.value)


def test_deeply_nested_json_in_an_error_body_is_the_api_error() -> None:
    with Loopback(reply(DEEP, status=500)) as server, DeepgramClient(
        api_key=API_KEY, url=server.url, max_retries=0
    ) as client, pytest.raises(ServerError):
        client.manage.get_projects()


@pytest.mark.parametrize(
    "headers",
    [{"X-Bad": "line\r\nInjected: yes"}, {"X-Bad": "nul\x00"}, {"Bad Name": "v"}, {"X-Bad": object()}, {1: "v"}],
)
def test_bad_headers_are_refused_before_sending(headers: dict[object, object]) -> None:
    with pytest.raises(DeepgramTypeError):
        DeepgramClient(api_key=API_KEY, url="http://127.0.0.1:9", headers=headers)  # type: ignore[arg-type]


def test_bad_per_call_headers_are_refused_before_sending() -> None:
    with serving(reply(b'{"projects": []}')) as (server, dg), pytest.raises(DeepgramValueError):
        dg.manage.get_projects(headers={"X-Bad": "a\nb"})
    assert server.seen == []


def test_sync_errors_do_not_chain_no_running_event_loop() -> None:
    with Loopback(reply(b'{"err_msg": "boom"}', status=500)) as server, DeepgramClient(
        api_key=API_KEY, url=server.url, max_retries=0
    ) as client, pytest.raises(ServerError) as caught:
        client.manage.get_projects()
    chain = []
    error: BaseException | None = caught.value
    while error is not None:
        chain.append(error)
        error = error.__cause__ or error.__context__
    assert not any("no running event loop" in str(e) for e in chain)
    assert all(not isinstance(e, RuntimeError) for e in chain)


BAD_TIMEOUTS = [math.nan, math.inf, -math.inf, 0, 0.0, -1, 10**9]


@pytest.mark.parametrize("value", BAD_TIMEOUTS)
def test_non_finite_or_non_positive_timeouts_are_refused_everywhere(value: float) -> None:
    with pytest.raises(DeepgramValueError):
        DeepgramClient(api_key=API_KEY, url="http://127.0.0.1:9", timeout=value)
    with pytest.raises(DeepgramValueError):
        DeepgramClient(api_key=API_KEY, url="http://127.0.0.1:9", connect_timeout=value)
    with Loopback(reply(b'{"projects": []}')) as server, DeepgramClient(api_key=API_KEY, url=server.url) as dg:
        with pytest.raises(DeepgramValueError):
            dg.with_options(timeout=value)
        with pytest.raises(DeepgramValueError):
            dg.with_options(connect_timeout=value)
        with pytest.raises(DeepgramValueError):
            dg.manage.get_projects(timeout=value)
    assert server.seen == []


@pytest.mark.parametrize("value", [True, "5", None, [1]])
def test_timeouts_that_are_not_numbers_are_type_errors(value: object) -> None:
    with pytest.raises(DeepgramTypeError):
        check_timeout("timeout", value)


def test_a_valid_timeout_passes_as_float() -> None:
    assert check_timeout("timeout", 5) == 5.0


def test_every_error_here_is_a_deepgram_error() -> None:
    assert issubclass(ResponseValidationError, DeepgramError)
