"""The emulator as a target: deep JSON is a 400, and it will not serve the default key beyond loopback."""

from __future__ import annotations

import asyncio

import aiohttp
import pytest

from deepgram.testing import DEFAULT_API_KEY, Emulator
from deepgram.testing.__main__ import is_loopback, main


def test_deeply_nested_json_bodies_are_a_400_not_a_500() -> None:
    deep = b'{"comment": ' + b"[" * 100_000 + b"]" * 100_000 + b', "scopes": ["member"]}'

    async def post(emu: Emulator) -> tuple[int, dict[str, object]]:
        async with aiohttp.ClientSession() as session, session.post(
            f"{emu.url}/v1/projects/{emu.project_id}/keys",
            data=deep,
            headers={"Authorization": f"Token {emu.api_key}", "Content-Type": "application/json"},
        ) as response:
            return response.status, await response.json()

    with Emulator(requests=10) as emu:
        status, body = asyncio.run(post(emu))
    assert status == 400 and body.get("err_code") == "INVALID_JSON", body


@pytest.mark.parametrize(
    "argv",
    [
        ["serve", "--host", "0.0.0.0"],
        ["serve", "--host", "0.0.0.0", "--api-key", DEFAULT_API_KEY],
        ["serve", "--host", "192.0.2.10", "--port", "0"],
        ["serve", "--host", "::"],
    ],
)
def test_serve_beyond_loopback_refuses_the_default_key(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    assert "default key" in capsys.readouterr().err


def test_loopback_hosts() -> None:
    assert all(is_loopback(host) for host in ("127.0.0.1", "127.8.9.1", "::1", "[::1]", "localhost"))
    assert not any(is_loopback(host) for host in ("0.0.0.0", "::", "10.0.0.1", "example.test"))
