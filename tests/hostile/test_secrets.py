"""A server echoing the key back: it never reaches e.message, e.body or e.headers; the registry stays O(1)."""

from __future__ import annotations

import pytest
from aiohttp import web

from deepgram import AuthenticationError, DeepgramClient, redact
from deepgram.redact import SECRETS, SecretRegistry
from deepgram.testing import Emulator
from tests.hostile.conftest import API_KEY
from tests.hostile.servers import Loopback


def _echo(request: web.Request) -> web.Response:
    key = request.headers.get("Authorization", "").split(" ", 1)[-1]
    return web.json_response(
        {"err_code": "INVALID_AUTH", "err_msg": f"Invalid credentials: {key} was rejected", "key_seen": key},
        status=401,
        headers={"X-Echo": key, "WWW-Authenticate": f"Token realm=x, given={key}", "X-Note": f"k={key};"},
    )


async def _echoing(request: web.Request) -> web.StreamResponse:
    return _echo(request)


@pytest.mark.parametrize("key", [API_KEY, "abc12", "sh0rtKey"])
def test_an_echoed_key_is_scrubbed_from_message_body_and_headers(key: str) -> None:
    with Loopback(_echoing) as server, DeepgramClient(api_key=key, url=server.url) as client, pytest.raises(
        AuthenticationError
    ) as caught:
        client.manage.get_projects()
    error = caught.value
    assert "rejected" in error.message
    for text in (error.message, error.body.decode(), repr(error.headers), str(error), repr(error)):
        assert key not in text, text


def test_the_registry_does_constant_work_per_scrub_and_forgets_deleted_keys() -> None:
    lookups = 0

    class Counting(set[str]):
        def __contains__(self, item: object) -> bool:
            nonlocal lookups
            lookups += 1
            return super().__contains__(item)

    registry = SecretRegistry()
    registry._long = Counting()  # count the work of scrubbing
    text = "error: key 0123456789abcdef0123456789abcdef0123 was rejected by the server at 12:00"

    def cost() -> int:
        nonlocal lookups
        lookups = 0
        registry.scrub(text)
        return lookups

    for n in range(10):
        registry.add(f"{n:040x}", name=f"key-{n}")
    few = cost()
    for n in range(10, 6_010):  # 6,000 create+delete cycles, and 6,000 keys alive at once
        registry.add(f"{n:040x}", name=f"key-{n}")
    assert cost() == few  # scrubbing does not depend on how many secrets are registered
    for n in range(10, 6_010):
        registry.forget(f"key-{n}")
    assert len(registry) == 10 and cost() == few


def test_create_and_delete_cycles_leave_the_registry_as_it_was() -> None:
    with Emulator(requests=10, seed=5) as emu, DeepgramClient(api_key=emu.api_key, url=emu.url) as client:
        keys = client.project(emu.project_id).keys
        before = len(SECRETS)
        for _ in range(100):
            key = keys.create(comment="churn", scopes=["member"])
            assert key.key in SECRETS
            key.delete()
            assert key.key not in SECRETS
        assert len(SECRETS) == before


def test_short_secrets_are_whole_words_and_tiny_ones_are_not_registered() -> None:
    registry = SecretRegistry(["abc12", "ab"])
    assert registry.scrub("bad key abc12, try again") == "bad key ***, try again"
    assert registry.scrub("xabc12y and ab") == "xabc12y and ab"
    assert redact.MIN_SHORT_SECRET == 4
