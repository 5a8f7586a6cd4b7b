"""Keys: list, get, create (the secret shown once, masked everywhere), delete, refresh, failures."""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable

import pytest

from deepgram import (
    DeepgramClient,
    DeepgramValueError,
    Key,
    Member,
    NotFoundError,
    PermissionDeniedError,
)
from deepgram.testing import Emulator

from .conftest import Call


async def test_list_gives_keys_with_their_owner(
    client: DeepgramClient, emu: Emulator, pid: str, call: Call
) -> None:
    keys = await call(client.project(pid).keys, "list")
    stored = emu.state.projects[pid].keys
    assert [k.api_key_id for k in keys] == list(stored)
    for key in keys:
        assert isinstance(key, Key) and key.key is None
        assert isinstance(key.member, Member)
        assert key.member.member_id == stored[key.api_key_id].member_id
        assert key.scopes == stored[key.api_key_id].scopes


async def test_list_filters_by_status(client: DeepgramClient, emu: Emulator, pid: str, call: Call) -> None:
    active = await call(client.project(pid).keys, "list", status="active")
    assert emu.calls == [("GET", f"/v1/projects/{pid}/keys?status=active")]
    now = emu.state.clock.now_ms()
    assert {k.api_key_id for k in active} == {
        k.api_key_id for k in emu.state.projects[pid].keys.values() if not k.expired(now)
    }
    with pytest.raises(DeepgramValueError):
        await call(client.project(pid).keys, "list", status="gone")


async def test_create_get_delete_then_404(client: DeepgramClient, emu: Emulator, pid: str, call: Call) -> None:
    keys = client.project(pid).keys
    key = await call(
        keys, "create", comment="ci", scopes=["usage:read"], tags=["build"], time_to_live_in_seconds=3600
    )
    stored = emu.state.projects[pid].keys[key.api_key_id]
    assert key.key == stored.secret
    assert (key.comment, key.scopes, key.tags) == ("ci", ["usage:read"], ["build"])
    assert key.expiration_date is not None

    fetched = await call(keys, "get", key.api_key_id)
    assert fetched == key and fetched.key is None
    assert fetched.member is not None and fetched.member.member_id == emu.state.owner.member_id

    await call(key, "delete")
    assert key.api_key_id not in emu.state.projects[pid].keys
    with pytest.raises(NotFoundError) as caught:
        await call(key, "delete")
    assert caught.value.path == f"/v1/projects/{pid}/keys/{key.api_key_id}"
    with pytest.raises(NotFoundError):
        await call(keys, "get", key.api_key_id)
    assert [method for method, _ in emu.calls] == ["POST", "GET", "DELETE", "DELETE", "GET"]


async def test_refresh_keeps_the_secret(client: DeepgramClient, emu: Emulator, pid: str, call: Call) -> None:
    key = await call(client.project(pid).keys, "create", comment="ci", scopes=["usage:read"])
    secret = key.key
    emu.state.projects[pid].keys[key.api_key_id].comment = "renamed"
    assert await call(key, "refresh") is key
    assert (key.comment, key.key) == ("renamed", secret)
    assert key.member is not None


@pytest.mark.parametrize(
    "when",
    ["2099-01-01T00:00:00Z", datetime.date(2099, 1, 1), datetime.datetime(2099, 1, 1, tzinfo=datetime.timezone.utc)],
    ids=["iso", "date", "datetime"],
)
async def test_create_with_an_expiration_date(
    client: DeepgramClient, pid: str, call: Call, when: object
) -> None:
    key = await call(
        client.project(pid).keys, "create", comment="dated", scopes=["usage:read"], expiration_date=when
    )
    assert key.expiration_date is not None and key.expiration_date.startswith("2099-01-01")


@pytest.mark.parametrize(
    "arguments",
    [
        {"comment": "no scopes"},
        {"comment": "empty scopes", "scopes": []},
        {"comment": "both", "scopes": ["usage:read"], "time_to_live_in_seconds": 60,
         "expiration_date": "2099-01-01"},
        {"comment": "negative", "scopes": ["usage:read"], "time_to_live_in_seconds": -1},
    ],
)
async def test_bad_arguments_are_refused_before_any_request(
    client: DeepgramClient, emu: Emulator, pid: str, call: Call, arguments: dict[str, object]
) -> None:
    with pytest.raises(DeepgramValueError):
        await call(client.project(pid).keys, "create", **arguments)
    assert emu.calls == []


async def test_the_secret_is_masked_in_repr_str_and_logs(
    client: DeepgramClient, pid: str, call: Call, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG, logger="deepgram"):
        key = await call(client.project(pid).keys, "create", comment="ci", scopes=["usage:read"])
        await call(key, "delete")
    assert key.key and len(key.key) > 8
    for text in (repr(key), str(key), repr([key]), caplog.text):
        assert key.key not in text
    assert "key=<secret" in repr(key)
    assert key.to_dict()["key"] == key.key  # plain data keeps it: the one chance to store it


async def test_without_the_scope_403(
    emu: Emulator, pid: str, client_with_key: Callable[..., DeepgramClient], call: Call
) -> None:
    reader = client_with_key(["usage:read"])
    keys = reader.project(pid).keys
    with pytest.raises(PermissionDeniedError) as caught:
        await call(keys, "list")
    assert caught.value.status == 403 and caught.value.path == f"/v1/projects/{pid}/keys"
    with pytest.raises(PermissionDeniedError):
        await call(keys, "create", comment="x", scopes=["usage:read"])
    before = len(emu.state.projects[pid].keys)
    admin_key = next(iter(emu.state.projects[pid].keys))
    with pytest.raises(PermissionDeniedError):
        await call(keys, "delete", admin_key)
    assert len(emu.state.projects[pid].keys) == before
