"""Objects are msgspec Structs: identity-based equality and hashing, plain data, no client inside."""

from __future__ import annotations

import msgspec
import pytest

from deepgram import Balance, DeepgramClient, Invite, Key, Member, Project
from deepgram.resources.members import Scopes
from deepgram.testing import Emulator
from deepgram.types.base import bound_to


async def test_equality_and_hashing_by_identity_within_a_project(client: DeepgramClient, pid: str) -> None:
    first = await client.project(pid).keys.alist()
    second = await client.project(pid).keys.alist()
    assert first == second and first[0] is not second[0]
    assert not first[0] != second[0]  # noqa: SIM202 - `!=` is what is tested
    assert len({*first, *second}) == len(first)
    second[0].comment = "changed locally"
    assert first[0] == second[0] and hash(first[0]) == hash(second[0])
    assert first[0] != first[1] and not first[0] == first[1]  # noqa: SIM201
    others = [p.project_id for p in await client.projects.alist() if p != client.project(pid)]
    assert pid not in others and len(others) == 2

    handle = client.project(pid)
    fetched = await client.projects.aget(pid)
    assert handle == fetched and {handle, fetched} == {handle}


async def test_the_same_id_in_another_project_is_another_object(client: DeepgramClient, emu: Emulator) -> None:
    main, other = emu.project_ids[0], emu.project_ids[1]
    owner = emu.state.owner.member_id
    in_main = next(m for m in await client.project(main).members.alist() if m.member_id == owner)
    in_other = next(m for m in await client.project(other).members.alist() if m.member_id == owner)
    assert in_main != in_other
    assert in_main == Member(member_id=owner)  # an unbound object compares by its id alone


def test_different_types_never_compare_equal() -> None:
    assert Key(api_key_id="x") != Member(member_id="x")
    assert Key(api_key_id="x") != "x"
    assert Invite(email="A@b.co") == Invite(email="a@B.co")
    assert hash(Invite(email="A@b.co")) == hash(Invite(email="a@B.co"))


async def test_the_client_is_not_a_field(client: DeepgramClient, emu: Emulator, pid: str) -> None:
    project = await client.projects.aget(pid)
    key = (await project.keys.alist())[0]
    for obj in (project, key, key.member):
        assert obj is not None
        assert obj._bound_api() is client._api  # bound...
        assert not {"_api", "_bound"} & set(obj.__struct_fields__)  # ...but not through a field
        assert "DeepgramClient" not in repr(obj) and "Api" not in repr(obj)
        assert "_api" not in obj.to_dict() and b"_api" not in msgspec.json.encode(obj)
    decoded = msgspec.json.decode(msgspec.json.encode(key), type=Key)
    assert decoded == key and bound_to(decoded) is None


async def test_to_dict_is_plain_data(client: DeepgramClient, pid: str) -> None:
    key = (await client.project(pid).keys.alist())[0]
    data = key.to_dict()
    assert type(data["member"]) is dict and type(data["scopes"]) is list
    assert data["api_key_id"] == key.api_key_id
    member = (await client.project(pid).members.alist())[0]
    assert type(member.to_dict()["scopes"]) is list
    assert msgspec.json.decode(msgspec.json.encode(member.to_dict())) == member.to_dict()
    assert member["email"] == member.email


def test_decoding_stays_typed_and_reading_wraps_scopes() -> None:
    member = msgspec.json.decode(b'{"member_id": "m", "scopes": ["admin"], "unknown": 1}', type=Member)
    assert member.__struct_fields__ and type(member.to_dict()["scopes"]) is list  # msgspec's own data
    assert isinstance(member.scopes, Scopes) and member.scopes == ["admin"] and member.scopes._owner() is member
    balance = msgspec.json.decode(b'{"balance_id": "b", "purchase_order_id": "po"}', type=Balance)
    assert balance.purchase == "po"
    assert Project(project_id="p") == msgspec.json.decode(b'{"project_id": "p"}', type=Project)


@pytest.mark.parametrize(
    ("obj", "expected"),
    [
        (Member(member_id="m", email="a@b.co"), "Member(member_id='m', email='a@b.co')"),
        (Member(member_id="m", scopes=Scopes(["admin"])), "Member(member_id='m', scopes=['admin'])"),
        (Key(api_key_id="k", key="s3cr3t-value-that-is-long", comment="c"), "Key(api_key_id='k', key=<secret"),
        (Invite(email="a@b.co", scope="admin"), "Invite(email='a@b.co', scope='admin')"),
    ],
)
def test_repr_shows_data_not_secrets(obj: object, expected: str) -> None:
    assert repr(obj).startswith(expected)
    assert "s3cr3t" not in repr(obj) and "s3cr3t" not in str(obj)
