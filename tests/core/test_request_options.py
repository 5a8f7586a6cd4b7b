"""`RequestOptions`: validated per-call settings, passed explicitly down to the transport."""

from __future__ import annotations

import math
import re
from types import SimpleNamespace

import pytest
from aioresponses import aioresponses

from deepgram import DeepgramClient, DeepgramTypeError, DeepgramValueError, ServerError
from deepgram.core.request_options import RequestOptions
from deepgram.core.timeouts import check_timeout
from deepgram.resources.projects import LIST_PROJECTS
from tests.conftest import API_KEY, BASE

ANY = re.compile(r".*")


@pytest.mark.parametrize("bad", [0, -1, -0.5, math.nan, math.inf, -math.inf])
def test_timeouts_must_be_finite_and_positive(bad: float) -> None:
    with pytest.raises(DeepgramValueError, match="timeout"):
        check_timeout("timeout", bad)
    with pytest.raises(DeepgramValueError, match="timeout"):
        RequestOptions(timeout=bad)


@pytest.mark.parametrize("bad", ["5", True, None, [1]])
def test_timeouts_must_be_numbers(bad: object) -> None:
    with pytest.raises(DeepgramTypeError, match="connect_timeout"):
        check_timeout("connect_timeout", bad)


def test_valid_settings_are_normalised() -> None:
    options = RequestOptions(timeout=2, headers={"X-N": 1}, query={"page": 2, "flag": True}, max_retries=0)  # type: ignore[dict-item]
    assert options.timeout == 2.0 and isinstance(options.timeout, float)
    assert options.headers == {"X-N": "1"}
    assert options.query_pairs == (("page", "2"), ("flag", "true"))


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"headers": "x"}, DeepgramTypeError),
        ({"query": [("a", "b")]}, DeepgramTypeError),
        ({"max_retries": -1}, DeepgramValueError),
        ({"max_retries": 1.5}, DeepgramTypeError),
        ({"max_retries": True}, DeepgramTypeError),
    ],
)
def test_bad_settings_are_refused(kwargs: dict[str, object], error: type[Exception]) -> None:
    with pytest.raises(error):
        RequestOptions(**kwargs)  # type: ignore[arg-type]


def test_the_4x_keywords_become_request_options() -> None:
    assert RequestOptions.of() is None
    options = RequestOptions.of(SimpleNamespace(read=3, connect=1), {"page": 1}, {"X-A": "b"})
    assert options == RequestOptions(timeout=3, headers={"X-A": "b"}, query={"page": 1})
    with pytest.raises(DeepgramTypeError, match="addons"):
        RequestOptions.of(addons=["page"])  # type: ignore[arg-type]


async def test_max_retries_applies_to_one_call_only() -> None:
    slept: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        slept.append(seconds)

    async with DeepgramClient(api_key=API_KEY, url=BASE, max_retries=2) as dg:
        dg._api.transport._sleep = fake_sleep
        with aioresponses() as mocked:
            mocked.get(ANY, status=503, payload={"err_msg": "busy"})
            with pytest.raises(ServerError):
                await dg._api.call(LIST_PROJECTS, request_options=RequestOptions(max_retries=0))
            assert slept == []
            mocked.get(ANY, status=503, payload={"err_msg": "busy"})
            mocked.get(ANY, payload={"projects": []})
            assert (await dg._api.call(LIST_PROJECTS)).projects == []
        assert len(slept) == 1


async def test_ids_are_checked_against_the_template() -> None:
    async with DeepgramClient(api_key=API_KEY, url=BASE) as dg:
        with pytest.raises(DeepgramTypeError, match="takes 0 id"):
            await dg._api.call(LIST_PROJECTS, "extra")
        with pytest.raises(DeepgramTypeError, match="takes no options"):
            await dg._api.call(LIST_PROJECTS, limit=3)
