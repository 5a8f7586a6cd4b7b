"""`with_raw_response`: status, headers, request id, timing and `parse()`, on every kind of operation."""

from __future__ import annotations

from datetime import timedelta

import pytest

from deepgram import DeepgramClient, KeyOptions, NotFoundError
from deepgram.core.raw import RawResponse
from deepgram.resources.keys import Key, KeysResponse

from .conftest import make_client


def _check(raw: RawResponse[object], status: int = 200) -> None:
    assert raw.status == raw.status_code == status
    assert raw.request_id and raw.request_id == raw.headers["dg-request-id"]
    assert raw.headers["Content-Type"].startswith("application/json")
    assert isinstance(raw.elapsed, timedelta) and raw.elapsed > timedelta(0)
    assert raw.http_version == "HTTP/1.1"
    assert raw.attempts == 1
    assert raw.content.startswith(b"{")


def test_classic_list_get_create_delete(sync_client: DeepgramClient, pid: str) -> None:
    raw = sync_client.manage.with_raw_response
    listed = raw.get_keys(pid)
    _check(listed)
    keys = listed.parse()
    assert isinstance(keys, KeysResponse) and keys.api_keys
    assert keys.dg_request_id == listed.request_id

    created = raw.create_key(pid, KeyOptions(comment="raw", scopes=["usage:read"]))
    _check(created)
    key_id = created.parse().api_key.api_key_id

    fetched = raw.get_key(pid, key_id)
    _check(fetched)
    assert fetched.parse().api_key.comment == "raw"
    assert fetched.request_id != created.request_id

    deleted = raw.delete_key(pid, key_id)
    _check(deleted)
    assert deleted.parse().message


async def test_async_twin(client: DeepgramClient, pid: str) -> None:
    raw = await client.asyncmanage.with_raw_response.get_keys(pid)
    _check(raw)
    plain = await client.asyncmanage.get_keys(pid)
    assert [k.api_key_id for k in raw.parse().api_keys] == [k.api_key_id for k in plain.api_keys]


def test_objects_sync_and_async(sync_client: DeepgramClient, pid: str) -> None:
    project = sync_client.project(pid)
    raw = project.keys.with_raw_response.list()
    _check(raw)
    keys = raw.parse()
    assert isinstance(keys, list) and all(isinstance(k, Key) for k in keys)
    assert keys[0].refresh().api_key_id == keys[0].api_key_id  # parsed objects are attached

    async def from_async() -> RawResponse[list[Key]]:
        return await project.keys.with_raw_response.alist()

    import asyncio

    _check(asyncio.run(from_async()))
    members = project.members.with_raw_response.list()
    _check(members)
    assert sync_client.projects.with_raw_response.list().parse()


def test_errors_raise_as_usual_with_the_request_id(sync_client: DeepgramClient, pid: str) -> None:
    with pytest.raises(NotFoundError) as caught:
        sync_client.manage.with_raw_response.get_key(pid, "no-such-key")
    assert caught.value.request_id


def test_retries_are_counted(emu) -> None:
    emu.faults.add(path="/v1/projects", status=503, times=1)
    with make_client(emu, max_retries=2) as client:
        raw = client.manage.with_raw_response.get_projects()
    assert raw.status == 200 and raw.attempts == 2


def test_a_method_that_makes_no_request_is_refused(sync_client: DeepgramClient) -> None:
    with pytest.raises(AttributeError):
        sync_client.manage.with_raw_response.no_such_method  # noqa: B018
    with pytest.raises(AttributeError):
        sync_client.manage.with_raw_response.v  # noqa: B018


def test_every_result_carries_its_request_id(sync_client: DeepgramClient, pid: str) -> None:
    assert sync_client.manage.get_projects().dg_request_id
    assert sync_client.manage.get_project(pid).dg_request_id
    project = sync_client.project(pid)
    created = project.keys.create("carried", ["usage:read"])
    fetched = project.keys.get(created.api_key_id)
    assert created.dg_request_id and fetched.dg_request_id and created.dg_request_id != fetched.dg_request_id
    assert sync_client.projects.get(pid).dg_request_id
    assert KeysResponse(api_keys=[]).dg_request_id is None  # made locally: no request behind it


def test_every_operation_result_can_carry_its_request_id() -> None:
    """`dg_request_id` reads the headers `Api.call` keeps in the result's `_response_headers` slot."""
    from deepgram.endpoints import ALL

    lacking = [op.name for op in ALL if not hasattr(op.result, "_response_headers")]
    assert not lacking, f"results without room for their request id: {lacking}"


def test_collection_lists_carry_their_request_id(sync_client: DeepgramClient, pid: str) -> None:
    """What a collection's `list()` returns is a list that knows the request it came from."""
    project = sync_client.project(pid)
    listings = {
        "projects": sync_client.projects.list(),
        "keys": project.keys.list(),
        "members": project.members.list(),
        "invites": project.invites.list(),
        "balances": project.balances.list(),
        "purchases": project.purchases.list(),
        "credentials": project.distribution_credentials.list(),
        "agents": project.agent_configurations.list(),
        "variables": project.agent_variables.list(),
    }
    ids = {name: items.dg_request_id for name, items in listings.items()}
    assert all(ids.values()), ids
    assert len(set(ids.values())) == len(ids)  # one request each, each with its own id
    assert all(isinstance(items, list) for items in listings.values())


async def test_async_lists_carry_their_request_id(sync_client: DeepgramClient, pid: str) -> None:
    keys = await sync_client.project(pid).keys.alist()
    assert keys and keys.dg_request_id
