"""TLS against a loopback HTTPS server signed by a CA of the test's own (trustme)."""

from __future__ import annotations

import logging
import ssl

import pytest

from deepgram import DeepgramClient, DeepgramConnectionError, DeepgramTypeError, DeepgramValueError
from deepgram.core import network
from tests.conftest import API_KEY


def _projects(url: str, **kwargs: object) -> list[object]:
    with DeepgramClient(api_key=API_KEY, url=url, max_retries=0, **kwargs) as client:  # type: ignore[arg-type]
        return list(client.manage.get_projects().projects or [])


def test_the_default_refuses_an_unknown_ca_at_once(https_server) -> None:
    attempts: list[int] = []
    hooks = {"request": [lambda view: attempts.append(view.attempt)]}
    with (
        DeepgramClient(api_key=API_KEY, url=https_server.url, max_retries=3, event_hooks=hooks) as client,
        pytest.raises(DeepgramConnectionError, match=r"CERTIFICATE_VERIFY_FAILED.*verify=") as caught,
    ):
        client.manage.get_projects()
    assert attempts == [0]  # a certificate problem is not transient: not retried
    assert "TLS certificate not trusted" in str(caught.value)
    assert https_server.seen == []


def test_a_ca_bundle_path_is_trusted(https_server, ca_pem) -> None:
    assert _projects(https_server.url, verify=str(ca_pem)) == []
    assert _projects(https_server.url, verify=ca_pem) == []  # a pathlib.Path too
    assert len(https_server.seen) == 2


def test_a_directory_of_hashed_certificates_is_trusted(https_server, ca, tmp_path) -> None:
    import subprocess

    pem = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(pem))
    digest = subprocess.run(
        ["openssl", "x509", "-hash", "-noout", "-in", str(pem)], capture_output=True, text=True, check=True
    ).stdout.strip()
    pem.rename(tmp_path / f"{digest}.0")
    assert _projects(https_server.url, verify=str(tmp_path)) == []


def test_an_ssl_context_is_used_as_given(https_server, ca) -> None:
    context = ssl.create_default_context()
    ca.configure_trust(context)
    assert _projects(https_server.url, verify=context) == []


def test_ssl_cert_file_is_honoured_by_default(monkeypatch, https_server, ca_pem) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(ca_pem))
    assert _projects(https_server.url) == []
    with pytest.raises(DeepgramConnectionError):  # trust_env=False: the environment is not read
        _projects(https_server.url, trust_env=False)


def test_ssl_cert_dir_is_honoured_by_default(monkeypatch, https_server, ca, tmp_path) -> None:
    import subprocess

    pem = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(pem))
    subprocess.run(["openssl", "rehash", str(tmp_path)], check=True, capture_output=True)
    monkeypatch.setenv("SSL_CERT_DIR", str(tmp_path))
    assert _projects(https_server.url) == []


def test_verify_false_accepts_and_warns_once(monkeypatch, https_server, caplog) -> None:
    monkeypatch.setattr(network, "_warned_unverified", False)
    caplog.set_level(logging.WARNING, logger="deepgram")
    assert _projects(https_server.url, verify=False) == []
    assert _projects(https_server.url, verify=False) == []
    warnings = [r for r in caplog.records if "verify=False" in r.getMessage()]
    assert len(warnings) == 1 and warnings[0].levelno == logging.WARNING


def test_the_context_is_built_once_per_client(monkeypatch, https_server, ca_pem) -> None:
    made: list[object] = []
    real = ssl.create_default_context

    def counting(*args: object, **kwargs: object) -> ssl.SSLContext:
        made.append(args)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ssl, "create_default_context", counting)
    with DeepgramClient(api_key=API_KEY, url=https_server.url, verify=str(ca_pem)) as client:
        for _ in range(3):
            client.manage.get_projects()

        async def from_async() -> None:
            for _ in range(2):
                await client.asyncmanage.get_projects()

        import asyncio

        asyncio.run(from_async())  # another loop, so another session: same context
    assert len(made) == 1
    assert len(https_server.seen) == 5


@pytest.mark.parametrize(
    ("verify", "error"),
    [("/no/such/ca.pem", DeepgramValueError), (42, DeepgramTypeError), ("", DeepgramValueError)],
)
def test_bad_verify_values_fail_when_the_client_is_made(verify, error) -> None:
    with pytest.raises(error):
        DeepgramClient(api_key=API_KEY, verify=verify)


def test_a_file_that_is_not_a_certificate_fails_when_the_client_is_made(tmp_path) -> None:
    junk = tmp_path / "ca.pem"
    junk.write_text("not a certificate")
    with pytest.raises(DeepgramValueError, match="cannot load CA certificates"):
        DeepgramClient(api_key=API_KEY, verify=str(junk))


def test_verify_is_checked_for_a_plain_http_host_too() -> None:
    with pytest.raises(DeepgramValueError):
        DeepgramClient(api_key=API_KEY, url="http://127.0.0.1:9", verify="/no/such/ca.pem")
