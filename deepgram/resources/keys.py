"""API keys: the `Key` object, the key list and single-key shapes, and `project.keys`."""

from __future__ import annotations

import builtins
import datetime
from typing import TYPE_CHECKING, Any, ClassVar

import msgspec

from deepgram.core.blocking import blocking
from deepgram.core.operation import Operation, document
from deepgram.redact import SECRETS, mask
from deepgram.resources.collection import ProjectCollection
from deepgram.resources.common import Message
from deepgram.resources.members import Member, Scopes
from deepgram.types.base import Listing, Model, Resource, bind_on_read, bound_to, listed, on_read, unwrapped
from deepgram.types.options import KeyListOptions, KeyOptions

if TYPE_CHECKING:
    from deepgram.core.api import Api


class Key(Resource):
    """An API key. `key` holds the secret, present only in the response that created the key;
    it is masked in repr() and str() and never logged. `member` is its owner when the API says.
    """

    api_key_id: str = ""
    key: str | None = None
    comment: str | None = None
    scopes: builtins.list[str] = []
    tags: builtins.list[str] | None = None
    created: str | None = None
    expiration_date: str | None = None
    member: Member | None = None
    __identity__: ClassVar[str] = "api_key_id"

    @property
    def api_key(self) -> Key:
        """This key: 4.x code reads each listed entry as `entry.api_key.api_key_id` and `entry.member`."""
        return self

    def __repr__(self) -> str:
        return self._shown(key=mask(self.key)) if self.key is not None else self._shown()

    def __str__(self) -> str:
        data = self.to_dict()
        if "key" in data:
            data["key"] = mask(self.key)
        return msgspec.json.format(msgspec.json.encode(data).decode(), indent=2)

    async def adelete(self) -> Message:
        """Delete this key (`project.keys.delete`)."""
        return await Keys(self._bound_api(), self._bound_project_id()).adelete(self.api_key_id)

    async def arefresh(self) -> Key:
        """Reload this key's fields (`project.keys.get`); the secret is kept."""
        fresh = await Keys(self._bound_api(), self._bound_project_id()).aget(self.api_key_id)
        for name in self.__struct_fields__:
            if name != "key":
                setattr(self, name, getattr(fresh, name))
        return self

    delete = blocking(adelete)
    refresh = blocking(arefresh)


class KeysResponse(Listing):
    """GET /v1/projects/{project_id}/keys: every key, each with its owner in `key.member`."""

    api_keys: builtins.list[Key]


class KeyResponse(Model):
    """One key and its owner. Attribute reads fall through to `api_key` (`resp.api_key_id`), as the
    older SDK returned the key itself from `create_key`."""

    api_key: Key
    member: Member | None = None

    def _attach(self, api: Api, project_id: str | None) -> None:
        self.api_key._attach(api, project_id)
        if self.member is not None:
            self.member._attach(api, project_id)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or name not in Key.__struct_fields__:
            raise AttributeError(name)
        return getattr(self.api_key, name)


class _KeyEntry(Model):
    member: Member | None = None
    api_key: Key | None = None


class _KeysWire(Model):
    api_keys: builtins.list[_KeyEntry]


class _MemberWithKey(Member):
    api_key: Key | None = None


class _KeyItem(Model):
    member: _MemberWithKey | None = None


class _KeyWire(Model):
    """GET key by id, either shape: `{api_key, member}` or `{item: {member: {..., api_key}}}`."""

    api_key: Key | None = None
    member: Member | None = None
    item: _KeyItem | None = None


def _keys_from_wire(wire: _KeysWire) -> KeysResponse:
    keys = []
    for entry in wire.api_keys:
        key = entry.api_key if entry.api_key is not None else Key()
        if entry.member is not None:
            key.member = entry.member
        keys.append(key)
    return KeysResponse(api_keys=keys)


def _key_from_wire(wire: _KeyWire) -> KeyResponse:
    key, member = wire.api_key, wire.member
    if wire.item is not None and wire.item.member is not None:
        nested = wire.item.member
        key = key or nested.api_key
        member = Member(
            member_id=nested.member_id,
            email=nested.email,
            first_name=nested.first_name,
            last_name=nested.last_name,
            scopes=Scopes(nested.scopes),
        )
    key = key if key is not None else Key()
    key.member = member
    return KeyResponse(api_key=key, member=member)


def _created_key(key: Key) -> KeyResponse:
    # The only response that carries a secret: register it before anything can print or log it.
    if key.key:
        SECRETS.add(key.key, name=key.api_key_id)
    return KeyResponse(api_key=key, member=None)


LIST_KEYS = Operation[KeysResponse](
    "get_keys",
    "GET",
    "/v1/projects/{project_id}/keys",
    _KeysWire,
    "the project's API keys, each with its owner in `key.member`",
    options=KeyListOptions,
    adapt=_keys_from_wire,
)
GET_KEY = Operation[KeyResponse](
    "get_key",
    "GET",
    "/v1/projects/{project_id}/keys/{key_id}",
    _KeyWire,
    "one API key and its owner",
    adapt=_key_from_wire,
)
CREATE_KEY = Operation[KeyResponse](
    "create_key",
    "POST",
    "/v1/projects/{project_id}/keys",
    Key,
    "create an API key; its secret is in the response only",
    options=KeyOptions,
    body=True,
    adapt=_created_key,
    requires=("api_key_id",),
)
DELETE_KEY = Operation[Message](
    "delete_key",
    "DELETE",
    "/v1/projects/{project_id}/keys/{key_id}",
    Message,
    "delete an API key",
    after=lambda ids: SECRETS.forget(ids.get("key_id", "")),  # a deleted key's secret is no longer kept
)


class Keys(ProjectCollection):
    """`project.keys`: list, fetch, create and delete the project's API keys."""

    @LIST_KEYS.documents
    async def alist(self, status: str | None = None) -> builtins.list[Key]:
        """`status`: only `active` or `expired` keys."""
        response = await self._api.call(LIST_KEYS, self.project_id, status=status)
        return listed(response, response.api_keys)

    @GET_KEY.documents
    async def aget(self, key_id: str) -> Key:
        """The key, with its owner in `.member`."""
        response = await self._api.call(GET_KEY, self.project_id, key_id)
        return unwrapped(response, response.api_key)

    @CREATE_KEY.documents
    async def acreate(
        self,
        comment: str | None = None,
        scopes: builtins.list[str] | None = None,
        *,
        tags: builtins.list[str] | None = None,
        time_to_live_in_seconds: int | None = None,
        expiration_date: str | datetime.date | None = None,
    ) -> Key:
        """The new key's `.key` holds its secret (shown once).

        Raises `DeepgramValueError` before sending when no scope is given, or both a TTL and an
        expiration date are.
        """
        response = await self._api.call(
            CREATE_KEY,
            self.project_id,
            comment=comment,
            scopes=scopes,
            tags=tags,
            time_to_live_in_seconds=time_to_live_in_seconds,
            expiration_date=expiration_date,
        )
        return unwrapped(response, response.api_key)

    @DELETE_KEY.documents
    async def adelete(self, key_id: str) -> Message:
        return await self._api.call(DELETE_KEY, self.project_id, key_id)

    list = blocking(alist)
    get = blocking(aget)
    create = blocking(acreate)
    delete = blocking(adelete)


document(Key, adelete=DELETE_KEY, arefresh=GET_KEY)


def _owner_of(key: Key, member: Member | None) -> Member | None:
    # The owner is bound to the key's client when first read, not when the key list is decoded.
    if member is not None and bound_to(member) is None:
        member._bound = bound_to(key)
    return member


on_read(Key, "member", _owner_of)


bind_on_read(KeysResponse, "api_keys")
