"""Projects, API keys, members and invitations: the first half of `AsyncManageClient` (see there)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from deepgram.core.request_options import Addons, Headers, PerCall, RequestOptions, Timeout
from deepgram.resources.common import Message
from deepgram.resources.invites import DELETE_INVITE, LIST_INVITES, SEND_INVITE, InvitesResponse
from deepgram.resources.keys import CREATE_KEY, DELETE_KEY, GET_KEY, LIST_KEYS, KeyResponse, KeysResponse
from deepgram.resources.members import (
    GET_MEMBER_SCOPES,
    LIST_MEMBERS,
    REMOVE_MEMBER,
    UPDATE_MEMBER_SCOPE,
    MembersResponse,
    ScopesResponse,
)
from deepgram.resources.projects import (
    DELETE_PROJECT,
    GET_PROJECT,
    LEAVE_PROJECT,
    LIST_PROJECTS,
    UPDATE_PROJECT,
    Project,
    ProjectsResponse,
)
from deepgram.types.options import (
    InviteOptions,
    KeyListOptions,
    KeyOptions,
    ProjectGetOptions,
    ProjectOptions,
    ScopeOptions,
)

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from deepgram.core.api import Api

per_call = RequestOptions.of


class TeamCalls:
    """Projects, keys, members and invitations of the classic client."""

    _api: Api

    # Projects

    @LIST_PROJECTS.documents
    async def get_projects(self, **call: Unpack[PerCall]) -> ProjectsResponse:
        return await self._api.call(LIST_PROJECTS, request_options=per_call(**call))

    @GET_PROJECT.documents
    async def get_project(
        self, /, project_id: str, options: ProjectGetOptions | Mapping[str, Any] | None = None, *,
        limit: float | None = None, page: float | None = None,
        timeout: Timeout = None, addons: Addons = None, headers: Headers = None,
    ) -> Project:
        """`limit`/`page` (numbers) are taken because the definition lists them for this call."""
        request = per_call(timeout, addons, headers)
        return await self._api.call(
            GET_PROJECT, project_id, options=options, request_options=request, limit=limit, page=page
        )

    @UPDATE_PROJECT.documents
    async def update_project(
        self, /, project_id: str, options: ProjectOptions | Mapping[str, Any] | str | None = None, *,
        timeout: Timeout = None, addons: Addons = None, headers: Headers = None, **fields: Any,
    ) -> Message:
        """`options`: a `ProjectOptions`, a dict, or (as the 4.x SDK) the new name."""
        if isinstance(options, str):
            options, fields = None, {"name": options, **fields}
        request = per_call(timeout, addons, headers)
        return await self._api.call(
            UPDATE_PROJECT, project_id, options=options, request_options=request, **fields
        )

    @UPDATE_PROJECT.documents
    async def update_project_option(
        self, project_id: str, options: ProjectOptions | Mapping[str, Any], **call: Unpack[PerCall],
    ) -> Message:
        """The 4.x SDK's name of `update_project` with options."""
        return await self._api.call(
            UPDATE_PROJECT, project_id, options=options, request_options=per_call(**call)
        )

    @DELETE_PROJECT.documents
    async def delete_project(self, project_id: str, **call: Unpack[PerCall]) -> Message:
        return await self._api.call(DELETE_PROJECT, project_id, request_options=per_call(**call))

    @LEAVE_PROJECT.documents
    async def leave_project(self, project_id: str, **call: Unpack[PerCall]) -> Message:
        """A project must keep an owner: the API answers 400 (`BadRequestError`) to its last one."""
        return await self._api.call(LEAVE_PROJECT, project_id, request_options=per_call(**call))

    # API keys

    @LIST_KEYS.documents
    async def get_keys(
        self, /, project_id: str, options: KeyListOptions | Mapping[str, Any] | None = None, *,
        timeout: Timeout = None, addons: Addons = None, headers: Headers = None, **filters: Any,
    ) -> KeysResponse:
        """Optionally only `status="active"` or `"expired"` keys."""
        request = per_call(timeout, addons, headers)
        return await self._api.call(
            LIST_KEYS, project_id, options=options, request_options=request, **filters
        )

    @GET_KEY.documents
    async def get_key(self, project_id: str, key_id: str, **call: Unpack[PerCall]) -> KeyResponse:
        """`.api_key` and its owner `.member`."""
        return await self._api.call(GET_KEY, project_id, key_id, request_options=per_call(**call))

    @CREATE_KEY.documents
    async def create_key(
        self, /, project_id: str, options: KeyOptions | Mapping[str, Any] | None = None, *,
        timeout: Timeout = None, addons: Addons = None, headers: Headers = None, **fields: Any,
    ) -> KeyResponse:
        """`.api_key.key` is the secret, shown only now.

        Raises `DeepgramValueError` before sending when no scope is given or both a TTL and an
        expiration date are; `BadRequestError` for a scope the API does not know. Never retried once
        it may have reached the server, so a failure cannot leave a duplicate key.
        """
        request = per_call(timeout, addons, headers)
        return await self._api.call(
            CREATE_KEY, project_id, options=options, request_options=request, **fields
        )

    @DELETE_KEY.documents
    async def delete_key(self, project_id: str, key_id: str, **call: Unpack[PerCall]) -> Message:
        return await self._api.call(DELETE_KEY, project_id, key_id, request_options=per_call(**call))

    # Members and scopes

    @LIST_MEMBERS.documents
    async def get_members(self, project_id: str, **call: Unpack[PerCall]) -> MembersResponse:
        return await self._api.call(LIST_MEMBERS, project_id, request_options=per_call(**call))

    @REMOVE_MEMBER.documents
    async def remove_member(self, project_id: str, member_id: str, **call: Unpack[PerCall]) -> Message:
        return await self._api.call(REMOVE_MEMBER, project_id, member_id, request_options=per_call(**call))

    @GET_MEMBER_SCOPES.documents
    async def get_member_scopes(
        self, project_id: str, member_id: str, **call: Unpack[PerCall],
    ) -> ScopesResponse:
        return await self._api.call(
            GET_MEMBER_SCOPES, project_id, member_id, request_options=per_call(**call)
        )

    @UPDATE_MEMBER_SCOPE.documents
    async def update_member_scope(
        self, /, project_id: str, member_id: str,
        options: ScopeOptions | Mapping[str, Any] | str | None = None, *, timeout: Timeout = None,
        addons: Addons = None, headers: Headers = None, **fields: Any,
    ) -> Message:
        """`options` may be the scope itself. Raises `BadRequestError` when the scope is not a role
        the API accepts (owner, admin, member)."""
        if isinstance(options, str):
            options, fields = None, {"scope": options, **fields}
        request = per_call(timeout, addons, headers)
        return await self._api.call(
            UPDATE_MEMBER_SCOPE, project_id, member_id, options=options, request_options=request, **fields
        )

    # Invitations

    @LIST_INVITES.documents
    async def get_invites(self, project_id: str, **call: Unpack[PerCall]) -> InvitesResponse:
        return await self._api.call(LIST_INVITES, project_id, request_options=per_call(**call))

    @SEND_INVITE.documents
    async def send_invite(
        self, /, project_id: str, options: InviteOptions | Mapping[str, Any] | str | None = None,
        scope: str | None = None, *, timeout: Timeout = None, addons: Addons = None, headers: Headers = None,
        **fields: Any,
    ) -> Message:
        """`send_invite(pid, InviteOptions(...))` or, as the 4.x SDK, `send_invite(pid, email, scope=...)`.

        Raises `DeepgramValueError` before sending for an address that is not an e-mail, and
        `BadRequestError` when the scope is not one of owner, admin, member. Not retried once it
        may have reached the server.
        """
        if isinstance(options, str):
            options, fields = None, {"email": options, **fields}
        if scope is not None:
            fields["scope"] = scope
        request = per_call(timeout, addons, headers)
        return await self._api.call(
            SEND_INVITE, project_id, options=options, request_options=request, **fields
        )

    @SEND_INVITE.documents
    async def send_invite_options(
        self, project_id: str, options: InviteOptions | Mapping[str, Any], **call: Unpack[PerCall],
    ) -> Message:
        """The 4.x SDK's name of `send_invite` with options."""
        return await self._api.call(
            SEND_INVITE, project_id, options=options, request_options=per_call(**call)
        )

    @DELETE_INVITE.documents
    async def delete_invite(self, project_id: str, email: str, **call: Unpack[PerCall]) -> Message:
        return await self._api.call(DELETE_INVITE, project_id, email, request_options=per_call(**call))
