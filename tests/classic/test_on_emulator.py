"""The classic client end to end on the embedded emulator (the seed's own calls and values)."""

from __future__ import annotations

import pytest

from deepgram import BadRequestError, DeepgramClient, InviteOptions, NotFoundError
from deepgram.testing import Emulator


@pytest.fixture(scope="module")
def emu():
    with Emulator(requests=300) as emulator:
        yield emulator


def test_invite_round_trip_and_the_seeds_permission_scope_refused_as_deepgram_does(emu) -> None:
    with DeepgramClient(api_key=emu.api_key, url=emu.url) as client:
        pid = emu.project_id
        sent = client.manage.send_invite(pid, InviteOptions(email="new.member@company.com", scope="admin"))
        assert sent.message
        invites = {i.email: i.scope for i in client.manage.get_invites(pid).invites}
        assert invites["new.member@company.com"] == "admin"
        client.manage.delete_invite(pid, "new.member@company.com")
        assert "new.member@company.com" not in {i.email for i in client.manage.get_invites(pid).invites}
        with pytest.raises(BadRequestError, match="owner, admin, member"):
            client.manage.send_invite(pid, InviteOptions(email="x@company.com", scope="usage:read"))


def test_created_key_can_be_fetched_then_is_gone_after_delete(emu) -> None:
    with DeepgramClient(api_key=emu.api_key, url=emu.url) as client:
        pid = emu.project_id
        created = client.manage.create_key(pid, comment="ci", scopes=["usage:read"], tags=["a"])
        assert created.api_key.key
        fetched = client.manage.get_key(pid, created.api_key.api_key_id)
        assert fetched.api_key.key is None and fetched.api_key.tags == ["a"]
        client.manage.delete_key(pid, created.api_key.api_key_id)
        with pytest.raises(NotFoundError):
            client.manage.get_key(pid, created.api_key.api_key_id)


@pytest.mark.parametrize("shapes", ["current", "legacy"])
def test_both_wire_shapes_give_the_same_objects(shapes: str) -> None:
    with (
        Emulator(requests=50, shapes=shapes) as emulator,
        DeepgramClient(api_key=emulator.api_key, url=emulator.url) as client,
    ):
        pid = emulator.project_id
        key_id = client.manage.get_keys(pid).api_keys[0].api_key_id
        one = client.manage.get_key(pid, key_id)
        assert one.api_key.api_key_id == key_id and one.member is not None and one.member.email
        request_id = client.manage.get_usage_requests(pid, limit=1).requests[0].request_id
        assert client.manage.get_usage_request(pid, request_id).request_id == request_id
        as_sent = client.manage.get_usage(pid, totals=False)
        assert (len(as_sent.results) > 0) == (shapes == "legacy")
        assert client.manage.get_usage(pid).results  # totals filled where the API sends none


def test_listed_keys_read_as_4x_code_reads_them(emu) -> None:
    """4.x code walks `get_keys(...).api_keys` as entries of `api_key` and `member`."""
    with DeepgramClient(api_key=emu.api_key, url=emu.url) as client:
        for entry in client.manage.get_keys(emu.project_id).api_keys:
            assert entry.api_key is entry and entry.api_key.api_key_id == entry.api_key_id
            assert entry.member is not None and entry.member.email
            assert entry["api_key_id"] == entry.api_key.api_key_id
