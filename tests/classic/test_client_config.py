"""Client configuration: argument and environment precedence, headers, URL handling."""

from __future__ import annotations

import re

import pytest
from aioresponses import aioresponses

from deepgram import DeepgramClient, DeepgramClientOptions, DeepgramTypeError, DeepgramValueError
from tests.conftest import BASE


def _auth_sent(client: DeepgramClient) -> str:
    with aioresponses() as mocked:
        mocked.get(re.compile(".*"), payload={"projects": []})
        client.manage.get_projects()
        ((_, calls),) = mocked.requests.items()
        return calls[0].kwargs["headers"]["Authorization"]


@pytest.mark.parametrize(
    ("kwargs", "env", "expected"),
    [
        ({"api_key": "arg-key-123456"}, {"DEEPGRAM_API_KEY": "env-key-123456"}, "Token arg-key-123456"),
        (
            {},
            {"DEEPGRAM_API_KEY": "env-key-123456", "DEEPGRAM_ACCESS_TOKEN": "tok-123456"},
            "Token env-key-123456",
        ),
        ({}, {"DEEPGRAM_ACCESS_TOKEN": "tok-123456"}, "Bearer tok-123456"),
        (
            {"access_token": "arg-token-123456"},
            {"DEEPGRAM_API_KEY": "env-key-123456"},
            "Bearer arg-token-123456",
        ),
        ({"options": DeepgramClientOptions(api_key="opt-key-123456")}, {}, "Token opt-key-123456"),
    ],
    ids=["argument-wins", "env-key-before-token", "env-token", "token-argument", "options-object"],
)
def test_credentials_precedence(monkeypatch, kwargs, env, expected) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    with DeepgramClient(url=BASE, **kwargs) as dg:
        assert _auth_sent(dg) == expected


def test_deepgram_host_sets_the_base_url(monkeypatch) -> None:
    monkeypatch.setenv("DEEPGRAM_HOST", "api.example.test")
    with DeepgramClient(api_key="k-123456789") as dg:
        assert dg.url == "https://api.example.test"
    with DeepgramClient(api_key="k-123456789", url="http://127.0.0.1:9/v1/") as dg:
        assert dg.url == "http://127.0.0.1:9"


def test_default_url_is_deepgram() -> None:
    with DeepgramClient(api_key="k-123456789") as dg:
        assert dg.url == "https://api.deepgram.com"


def test_older_positional_config_and_custom_headers() -> None:
    config = DeepgramClientOptions(url=BASE, headers={"X-Team": "ops"})
    with DeepgramClient("positional-key-123", config) as dg, aioresponses() as mocked:
        mocked.get(re.compile(".*"), payload={"projects": []})
        dg.manage.get_projects()
        ((_, calls),) = mocked.requests.items()
        headers = calls[0].kwargs["headers"]
    assert headers["X-Team"] == "ops" and headers["Authorization"] == "Token positional-key-123"


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"timeout": -1}, DeepgramValueError),
        ({"timeout": "10"}, DeepgramTypeError),
        ({"max_retries": 1.5}, DeepgramTypeError),
        ({"url": "ftp://x"}, DeepgramValueError),
        ({"url": "http://host?x=1"}, DeepgramValueError),
        ({"api_key": 5}, DeepgramTypeError),
    ],
)
def test_bad_configuration_is_refused_at_construction(kwargs, error) -> None:
    with pytest.raises(error):
        DeepgramClient(**{"api_key": "k-123456789", **kwargs})


def test_import_is_lazy_and_cheap() -> None:
    import subprocess
    import sys

    code = "import sys, deepgram; print('aiohttp' in sys.modules, 'deepgram.client' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["False", "False"]


def test_the_4x_options_dict_is_never_dropped_silently(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level("WARNING", logger="deepgram"):
        DeepgramClient(options=DeepgramClientOptions(api_key="k-123456789", options={"keepalive": "true"}))
    assert "keepalive" in caplog.text and "Manage API does not use" in caplog.text
    with pytest.raises(DeepgramValueError, match=r"unknown client option.*tiemout"):
        DeepgramClient(options=DeepgramClientOptions(api_key="k-123456789", options={"tiemout": 5}))
    with pytest.raises(DeepgramTypeError, match="options must be a dict"):
        DeepgramClient(options=DeepgramClientOptions(api_key="k-123456789", options=["x"]))  # type: ignore[arg-type]
