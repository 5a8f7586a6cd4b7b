"""Invitations: the `Invite` object and `project.invites`."""

from __future__ import annotations

import builtins
import datetime
from typing import TYPE_CHECKING, Any, ClassVar

from deepgram.core.blocking import blocking
from deepgram.core.endpoint import Endpoint
from deepgram.resources.collection import ProjectCollection
from deepgram.resources.common import Message
from deepgram.types.base import Model, Resource, attach_all
from deepgram.types.options import InviteOptions

if TYPE_CHECKING:
    from deepgram.core.api import Api


class Invite(Resource):
    """A pending invitation; `delete()` withdraws it. E-mails compare case-insensitively.

    The API does not report when an invitation was sent, so `sent` is set (UTC, ISO 8601) only on
    the `Invite` that `project.invites.send()` returns: the moment the API accepted it.
    """

    email: str = ""
    scope: str | None = None
    sent: str | None = None
    __identity__: ClassVar[str] = "email"

    def _identity(self) -> tuple[Any, ...]:
        kind, project_id, email = super()._identity()
        return kind, project_id, email.casefold()

    async def adelete(self) -> Message:
        """DELETE /v1/projects/{project_id}/invites/{email}."""
        return await Invites(self._bound_api(), self._bound_project_id()).adelete(self.email)

    delete = blocking(adelete)


class InvitesResponse(Model):
    """GET /v1/projects/{project_id}/invites."""

    invites: builtins.list[Invite] = []

    def _attach(self, api: Api, project_id: str | None) -> None:
        attach_all(self.invites, api, project_id)


LIST_INVITES = Endpoint[InvitesResponse](
    "get_invites", "GET", "/v1/projects/{project_id}/invites", InvitesResponse, requires=("invites",)
)
SEND_INVITE = Endpoint[Message](
    "send_invite", "POST", "/v1/projects/{project_id}/invites", Message, options=InviteOptions, body=True
)
DELETE_INVITE = Endpoint[Message](
    "delete_invite", "DELETE", "/v1/projects/{project_id}/invites/{email}", Message
)


class Invites(ProjectCollection):
    """`project.invites`: list, send and withdraw invitations."""

    async def alist(self) -> builtins.list[Invite]:
        """GET /v1/projects/{project_id}/invites."""
        response = await self._api.call(LIST_INVITES, {"project_id": self.project_id})
        return response.invites

    async def asend(self, email: str, scope: str = "member") -> Invite:
        """POST /v1/projects/{project_id}/invites; returns the invitation (which `delete()` withdraws)."""
        options = InviteOptions.coerce(email=email, scope=scope)
        await self._api.call(SEND_INVITE, {"project_id": self.project_id}, options)
        sent = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="milliseconds")
        invite = Invite(email=options.email, scope=options.scope, sent=sent.replace("+00:00", "Z"))
        invite._attach(self._api, self.project_id)
        return invite

    async def adelete(self, email: str) -> Message:
        """DELETE /v1/projects/{project_id}/invites/{email}."""
        return await self._api.call(DELETE_INVITE, {"project_id": self.project_id, "email": email})

    list = blocking(alist)
    send = blocking(asend)
    delete = blocking(adelete)
