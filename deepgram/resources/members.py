"""Project members, their scopes, and the `project.members` collection."""

from __future__ import annotations

import builtins
from collections.abc import Coroutine, Iterable
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from deepgram.core.blocking import blocking
from deepgram.core.endpoint import Endpoint
from deepgram.errors import DeepgramError
from deepgram.resources.collection import ProjectCollection
from deepgram.resources.common import Message
from deepgram.types.base import Model, Resource, attach_all
from deepgram.types.options import ScopeOptions

if TYPE_CHECKING:
    from deepgram.core.api import Api

T = TypeVar("T")


class Scopes(builtins.list[str]):
    """A member's scopes: a plain list of strings that can also reload and change itself.

    `"admin" in member.scopes` and `member.scopes == ["admin"]` work as for any list;
    `member.scopes.update("admin")` changes the scope on the server, then this list.
    Empty when the API did not say (the owner of a key is listed without scopes).
    """

    # No Python-level __init__: a member's scopes are wrapped for every member of every list, so
    # construction stays list's own; the owner goes in a slot (see `Scopes.of`).
    __slots__ = ("_member",)
    _member: Member | None

    @classmethod
    def of(cls, items: Iterable[str], member: Member | None) -> Scopes:
        """`items` as the scopes of `member`."""
        scopes = cls(items)
        scopes._member = member
        return scopes

    def _owner(self) -> Member:
        member: Member | None = getattr(self, "_member", None)
        if member is None:
            raise DeepgramError("these scopes do not belong to a member; fetch them through project.members")
        return member

    def _run(self, coro: Coroutine[Any, Any, T]) -> T:
        try:
            member = self._owner()
        except BaseException:
            coro.close()
            raise
        return member._run(coro)

    async def alist(self) -> Scopes:
        """Reload from GET /v1/projects/{project_id}/members/{member_id}/scopes; returns this list."""
        member = self._owner()
        scopes = await Members(member._bound_api(), member._bound_project_id()).ascopes(member.member_id)
        self[:] = scopes
        return self

    async def arefresh(self) -> Scopes:
        """Same as `alist()`: reload the scopes from the server."""
        return await self.alist()

    async def aupdate(self, scope: str) -> Message:
        """PUT /v1/projects/{project_id}/members/{member_id}/scopes, then set this list to `[scope]`."""
        member = self._owner()
        message = await Members(member._bound_api(), member._bound_project_id()).aupdate_scope(
            member.member_id, scope
        )
        self[:] = [scope]
        return message

    list = blocking(alist)
    refresh = blocking(arefresh)
    update = blocking(aupdate)


class Member(Resource):
    """A project member: id, e-mail, names and scopes; `remove()` takes them off the project."""

    member_id: str = ""
    email: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    if TYPE_CHECKING:
        # Decoded as a list of strings and wrapped in `Scopes` on arrival; typed as what it is.
        scopes: Scopes = Scopes()
    else:
        scopes: builtins.list[str] = []
    __identity__: ClassVar[str] = "member_id"

    def _attach(self, api: Api, project_id: str | None) -> None:
        # Wrapped here rather than on decode: only a member bound to a client can act on its scopes,
        # and decoding stays at msgspec's speed.
        Resource._attach(self, api, project_id)
        self.scopes = Scopes.of(self.scopes, self)

    def __repr__(self) -> str:
        return self._shown()

    async def aremove(self) -> Message:
        """DELETE /v1/projects/{project_id}/members/{member_id}."""
        return await Members(self._bound_api(), self._bound_project_id()).aremove(self.member_id)

    remove = blocking(aremove)


class MembersResponse(Model):
    """GET /v1/projects/{project_id}/members."""

    members: builtins.list[Member] = []

    def _attach(self, api: Api, project_id: str | None) -> None:
        attach_all(self.members, api, project_id)


class ScopesResponse(Model):
    """GET /v1/projects/{project_id}/members/{member_id}/scopes."""

    scopes: builtins.list[str] = []


LIST_MEMBERS = Endpoint[MembersResponse](
    "get_members", "GET", "/v1/projects/{project_id}/members", MembersResponse, requires=("members",)
)
REMOVE_MEMBER = Endpoint[Message](
    "remove_member", "DELETE", "/v1/projects/{project_id}/members/{member_id}", Message
)
GET_MEMBER_SCOPES = Endpoint[ScopesResponse](
    "get_member_scopes", "GET", "/v1/projects/{project_id}/members/{member_id}/scopes", ScopesResponse,
    requires=("scopes",),
)
UPDATE_MEMBER_SCOPE = Endpoint[Message](
    "update_member_scope",
    "PUT",
    "/v1/projects/{project_id}/members/{member_id}/scopes",
    Message,
    options=ScopeOptions,
    body=True,
)


class Members(ProjectCollection):
    """`project.members`: list members, change their scopes, remove them."""

    async def alist(self) -> builtins.list[Member]:
        """GET /v1/projects/{project_id}/members."""
        response = await self._api.call(LIST_MEMBERS, {"project_id": self.project_id})
        return response.members

    async def aremove(self, member_id: str) -> Message:
        """DELETE /v1/projects/{project_id}/members/{member_id}."""
        return await self._api.call(REMOVE_MEMBER, {"project_id": self.project_id, "member_id": member_id})

    async def ascopes(self, member_id: str) -> Scopes:
        """GET /v1/projects/{project_id}/members/{member_id}/scopes; the list carries `update()`."""
        response = await self._api.call(
            GET_MEMBER_SCOPES, {"project_id": self.project_id, "member_id": member_id}
        )
        member = Member(member_id=member_id, scopes=Scopes(response.scopes))
        member._attach(self._api, self.project_id)
        return member.scopes

    async def aupdate_scope(self, member_id: str, scope: str | ScopeOptions) -> Message:
        """PUT /v1/projects/{project_id}/members/{member_id}/scopes with `{"scope": scope}`."""
        options = ScopeOptions.coerce(scope=scope) if isinstance(scope, str) else ScopeOptions.coerce(scope)
        return await self._api.call(
            UPDATE_MEMBER_SCOPE, {"project_id": self.project_id, "member_id": member_id}, options
        )

    list = blocking(alist)
    remove = blocking(aremove)
    scopes = blocking(ascopes)
    update_scope = blocking(aupdate_scope)
