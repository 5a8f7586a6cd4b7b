"""Project members, their scopes, and the `project.members` collection."""

from __future__ import annotations

import builtins
from collections.abc import Coroutine, Iterable
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from deepgram.core.blocking import blocking
from deepgram.core.operation import Operation, document
from deepgram.errors import DeepgramError
from deepgram.resources.collection import ProjectCollection
from deepgram.resources.common import Message
from deepgram.types.base import Listing, Model, Resource, bind_on_read, bound_to, listed, on_read
from deepgram.types.options import ScopeOptions

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
        """Reload from the API (`project.members.scopes`); returns this list."""
        member = self._owner()
        scopes = await Members(member._bound_api(), member._bound_project_id()).ascopes(member.member_id)
        self[:] = scopes
        return self

    async def arefresh(self) -> Scopes:
        """Same as `alist()`: reload the scopes from the server."""
        return await self.alist()

    async def aupdate(self, scope: str) -> Message:
        """Change the member's scope (`project.members.update_scope`), then set this list to `[scope]`."""
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

    def __repr__(self) -> str:
        return self._shown()

    async def aremove(self) -> Message:
        """Remove this member from the project (`project.members.remove`)."""
        return await Members(self._bound_api(), self._bound_project_id()).aremove(self.member_id)

    remove = blocking(aremove)


class MembersResponse(Listing):
    """GET /v1/projects/{project_id}/members."""

    members: builtins.list[Member]


class ScopesResponse(Model):
    """GET /v1/projects/{project_id}/members/{member_id}/scopes."""

    scopes: builtins.list[str]


LIST_MEMBERS = Operation[MembersResponse](
    "get_members",
    "GET",
    "/v1/projects/{project_id}/members",
    MembersResponse,
    "the project's members",
)
REMOVE_MEMBER = Operation[Message](
    "remove_member",
    "DELETE",
    "/v1/projects/{project_id}/members/{member_id}",
    Message,
    "remove a member from the project",
)
GET_MEMBER_SCOPES = Operation[ScopesResponse](
    "get_member_scopes",
    "GET",
    "/v1/projects/{project_id}/members/{member_id}/scopes",
    ScopesResponse,
    "a member's scopes",
)
UPDATE_MEMBER_SCOPE = Operation[Message](
    "update_member_scope",
    "PUT",
    "/v1/projects/{project_id}/members/{member_id}/scopes",
    Message,
    "change a member's scope (owner, admin or member)",
    options=ScopeOptions,
    body=True,
)


class Members(ProjectCollection):
    """`project.members`: list members, change their scopes, remove them."""

    @LIST_MEMBERS.documents
    async def alist(self) -> builtins.list[Member]:
        response = await self._api.call(LIST_MEMBERS, self.project_id)
        return listed(response, response.members)

    @REMOVE_MEMBER.documents
    async def aremove(self, member_id: str) -> Message:
        return await self._api.call(REMOVE_MEMBER, self.project_id, member_id)

    @GET_MEMBER_SCOPES.documents
    async def ascopes(self, member_id: str) -> Scopes:
        """The list carries `update()`."""
        response = await self._api.call(GET_MEMBER_SCOPES, self.project_id, member_id)
        member = Member(member_id=member_id)
        member._attach(self._api, self.project_id)
        member.scopes = Scopes.of(response.scopes, member)
        return member.scopes

    @UPDATE_MEMBER_SCOPE.documents
    async def aupdate_scope(self, member_id: str, scope: str | ScopeOptions) -> Message:
        """`scope`: the new scope, or a `ScopeOptions`."""
        options = {"scope": scope} if isinstance(scope, str) else scope
        return await self._api.call(UPDATE_MEMBER_SCOPE, self.project_id, member_id, options=options)

    list = blocking(alist)
    remove = blocking(aremove)
    scopes = blocking(ascopes)
    update_scope = blocking(aupdate_scope)


document(Scopes, alist=GET_MEMBER_SCOPES, arefresh=GET_MEMBER_SCOPES, aupdate=UPDATE_MEMBER_SCOPE)
document(Member, aremove=REMOVE_MEMBER)


def _scopes_of(member: Member, scopes: builtins.list[str]) -> Scopes:
    # Wrapped when first read rather than on decode or attach, so a list of members costs no more
    # than msgspec's decoding until a member's scopes are used.
    # A `Scopes` made without an owner gets one once its member is bound to a client.
    if isinstance(scopes, Scopes) and (
        getattr(scopes, "_member", None) is not None or bound_to(member) is None
    ):
        return scopes
    return Scopes.of(scopes, member)


on_read(Member, "scopes", _scopes_of)


bind_on_read(MembersResponse, "members")
