"""Loopback infrastructure for the network tests: a CA of our own, an HTTPS server it signed, a proxy."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import trustme

from tests.support.forward_proxy import ForwardProxy
from tests.support.recording_server import RecordingServer, json_reply


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    """A certificate authority no trust store knows."""
    return trustme.CA()


@pytest.fixture(scope="module")
def ca_pem(ca: trustme.CA, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ca") / "ca.pem"
    ca.cert_pem.write_to_path(str(path))
    return path


@pytest.fixture
def https_server(ca: trustme.CA) -> Iterator[RecordingServer]:
    """An HTTPS server on 127.0.0.1 whose certificate `ca` signed; answers `{"projects": []}`."""
    import ssl

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
    with RecordingServer(tls=context, handler=lambda seen: json_reply({"projects": []})) as server:
        yield server


@pytest.fixture
def http_server() -> Iterator[RecordingServer]:
    with RecordingServer() as server:
        yield server


@pytest.fixture
def proxy() -> Iterator[ForwardProxy]:
    with ForwardProxy() as running:
        yield running
