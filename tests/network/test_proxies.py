"""Proxies: the environment, NO_PROXY, `proxy=` and `trust_env=False`, asserted on a real proxy's side."""

from __future__ import annotations

import logging

import pytest

from deepgram import DeepgramClient, DeepgramConnectionError, DeepgramError, DeepgramValueError
from deepgram.core.network import bypasses_proxy, env_proxies, resolve_proxy
from tests.conftest import API_KEY
from tests.support.forward_proxy import ForwardProxy
from tests.support.recording_server import RecordingServer

SECRET_PASSWORD = "pr0xy-pa55word-XYZ"


def _call(url: str, **kwargs: object) -> int:
    with DeepgramClient(api_key=API_KEY, url=url, max_retries=0, **kwargs) as client:  # type: ignore[arg-type]
        return len(client.manage.get_projects().projects)


def test_http_proxy_from_the_environment_carries_plain_http(monkeypatch, proxy, http_server) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    assert _call(http_server.url) == 0
    assert [(r.method, r.target) for r in proxy.seen] == [("GET", f"{http_server.url}/v1/projects")]
    assert len(http_server.seen) == 1


def test_https_proxy_from_the_environment_tunnels_with_connect(monkeypatch, proxy, https_server, ca_pem) -> None:
    monkeypatch.setenv("https_proxy", proxy.url)
    assert _call(https_server.url, verify=str(ca_pem)) == 0
    assert [(r.method, r.target) for r in proxy.seen] == [("CONNECT", f"127.0.0.1:{https_server.port}")]
    assert https_server.seen[0].raw_path == "/v1/projects"  # the request itself went inside the tunnel


def test_all_proxy_is_the_fallback(monkeypatch, proxy, http_server) -> None:
    monkeypatch.setenv("ALL_PROXY", proxy.url)
    _call(http_server.url)
    assert len(proxy.seen) == 1


@pytest.mark.parametrize("no_proxy", ["127.0.0.1", "localhost,127.0.0.1", "*", "127.0.0.1:{port}"])
def test_no_proxy_sends_directly(monkeypatch, proxy, http_server, no_proxy) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    monkeypatch.setenv("NO_PROXY", no_proxy.format(port=http_server.port))
    assert _call(http_server.url) == 0
    assert proxy.seen == []
    assert len(http_server.seen) == 1


def test_trust_env_false_ignores_the_environment(monkeypatch, proxy, http_server) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    monkeypatch.setenv("ALL_PROXY", proxy.url)
    assert _call(http_server.url, trust_env=False) == 0
    assert proxy.seen == []


def test_explicit_proxy_wins_over_the_environment_and_no_proxy(monkeypatch, http_server) -> None:
    with ForwardProxy() as env_proxy, ForwardProxy() as chosen:
        monkeypatch.setenv("HTTP_PROXY", env_proxy.url)
        monkeypatch.setenv("NO_PROXY", "*")
        _call(http_server.url, proxy=chosen.url)
        assert len(chosen.seen) == 1 and env_proxy.seen == []


def test_proxy_credentials_are_sent_and_never_shown(http_server, caplog) -> None:
    with ForwardProxy(credentials=f"alice:{SECRET_PASSWORD}") as guarded:
        proxy_url = guarded.url_with(f"alice:{SECRET_PASSWORD}")
        caplog.set_level(logging.DEBUG, logger="deepgram")
        with DeepgramClient(api_key=API_KEY, url=http_server.url, proxy=proxy_url) as client:
            assert client.manage.get_projects().projects == []
            shown = repr(client)
        assert guarded.seen[0].proxy_authorization is not None
        assert guarded.seen[0].proxy_authorization.startswith("Basic ")
        assert "alice" not in shown and SECRET_PASSWORD not in shown
        assert f"proxy='http://***@127.0.0.1:{guarded.port}'" in shown
        assert SECRET_PASSWORD not in caplog.text


@pytest.mark.parametrize("scheme", ["http", "https"])
def test_a_refusing_proxy_is_a_clear_error_without_its_password(scheme, http_server, https_server, ca_pem) -> None:
    server = https_server if scheme == "https" else http_server
    with ForwardProxy(credentials="alice:other-password-123") as guarded:
        proxy_url = guarded.url_with(f"alice:{SECRET_PASSWORD}")
        with (
            DeepgramClient(
                api_key=API_KEY, url=server.url, proxy=proxy_url, max_retries=2, verify=str(ca_pem)
            ) as client,
            pytest.raises(DeepgramError, match="407") as caught,
        ):
            client.manage.get_projects()
    assert len(guarded.seen) == 1, "the proxy was asked once: a refusal is not retried"
    text = f"{caught.value!s} {caught.value!r}"
    assert SECRET_PASSWORD not in text
    assert server.seen == []


def test_an_unreachable_proxy_is_a_connection_error(http_server) -> None:
    with ForwardProxy() as gone:
        dead = gone.url
    with pytest.raises(DeepgramConnectionError):
        _call(http_server.url, proxy=dead)
    assert http_server.seen == []


@pytest.mark.parametrize("bad", ["socks5://127.0.0.1:1080", "ftp://proxy:21", "http://:8080", "http://h:notaport"])
def test_unsupported_proxies_fail_before_any_request(bad) -> None:
    with pytest.raises(DeepgramValueError):
        DeepgramClient(api_key=API_KEY, proxy=bad)


def test_a_socks_proxy_in_the_environment_is_reported_at_construction(monkeypatch) -> None:
    monkeypatch.setenv("ALL_PROXY", "socks5://127.0.0.1:1080")
    with pytest.raises(DeepgramValueError, match="ALL_PROXY"):
        DeepgramClient(api_key=API_KEY)
    DeepgramClient(api_key=API_KEY, trust_env=False).close()


def test_resolution_rules() -> None:
    env = {"HTTPS_PROXY": "http://upper:1", "https_proxy": "http://lower:2", "HTTP_PROXY": "http://plain:3"}
    assert env_proxies(env) == {"https": "http://lower:2", "http": "http://plain:3"}
    assert resolve_proxy("https://api.deepgram.com", None, True, env).shown == "http://lower:2"  # type: ignore[union-attr]
    assert resolve_proxy("http://127.0.0.1:8080", None, True, env).shown == "http://plain:3"  # type: ignore[union-attr]
    assert resolve_proxy("https://api.deepgram.com", None, False, env) is None
    assert resolve_proxy("https://api.deepgram.com", "", True, env) is None  # proxy="" turns it off
    assert bypasses_proxy("api.deepgram.com", 443, "example.com, .deepgram.com")
    assert bypasses_proxy("api.deepgram.com", 443, "deepgram.com")
    assert not bypasses_proxy("notdeepgram.com", 443, "deepgram.com")
    assert not bypasses_proxy("api.deepgram.com", 443, "api.deepgram.com:8443")
    assert bypasses_proxy("::1", 80, "[::1]")


def test_proxy_password_is_scrubbed_from_log_lines(caplog) -> None:
    with DeepgramClient(api_key=API_KEY, proxy=f"http://bob:{SECRET_PASSWORD}@proxy.internal:3128"):
        pass
    caplog.set_level(logging.INFO, logger="deepgram")
    logging.getLogger("deepgram").info("via %s", f"http://bob:{SECRET_PASSWORD}@proxy.internal:3128")
    assert SECRET_PASSWORD not in caplog.text and "bob:" not in caplog.text


def test_session_made_by_the_client_does_not_read_the_environment_per_request(monkeypatch, proxy) -> None:
    """The proxy is resolved when the client is made: a variable set later changes nothing."""
    with RecordingServer() as server, DeepgramClient(api_key=API_KEY, url=server.url) as client:
        monkeypatch.setenv("HTTP_PROXY", proxy.url)
        client.manage.get_projects()
    assert proxy.seen == []
