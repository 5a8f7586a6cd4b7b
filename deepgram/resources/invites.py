"""Invitations: the `Invite` object and `project.invites`."""

from __future__ import annotations

import builtins
import datetime
from typing import Any, ClassVar

from deepgram.core.blocking import blocking
from deepgram.core.operation import Operation, document
from deepgram.resources.collection import ProjectCollection
from deepgram.resources.common import Message
from deepgram.types.base import Listing, Resource, bind_on_read, listed
from deepgram.types.options import InviteOptions


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
        """Withdraw this invitation (`project.invites.delete`)."""
        return await Invites(self._bound_api(), self._bound_project_id()).adelete(self.email)

    delete = blocking(adelete)


class InvitesResponse(Listing):
    """GET /v1/projects/{project_id}/invites."""

    invites: builtins.list[Invite]


LIST_INVITES = Operation[InvitesResponse](
    "get_invites",
    "GET",
    "/v1/projects/{project_id}/invites",
    InvitesResponse,
    "the project's pending invitations",
)
SEND_INVITE = Operation[Message](
    "send_invite",
    "POST",
    "/v1/projects/{project_id}/invites",
    Message,
    "invite someone to the project by e-mail",
    options=InviteOptions,
    body=True,
)
DELETE_INVITE = Operation[Message](
    "delete_invite",
    "DELETE",
    "/v1/projects/{project_id}/invites/{email}",
    Message,
    "withdraw an invitation",
)


class Invites(ProjectCollection):
    """`project.invites`: list, send and withdraw invitations."""

    @LIST_INVITES.documents
    async def alist(self) -> builtins.list[Invite]:
        response = await self._api.call(LIST_INVITES, self.project_id)
        return listed(response, response.invites)

    @SEND_INVITE.documents
    async def asend(self, email: str, scope: str = "member") -> Invite:
        """Returns the invitation (which `delete()` withdraws)."""
        options = InviteOptions(email=email, scope=scope)
        await self._api.call(SEND_INVITE, self.project_id, options=options)
        sent = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="milliseconds")
        invite = Invite(email=options.email, scope=options.scope, sent=sent.replace("+00:00", "Z"))
        invite._attach(self._api, self.project_id)
        return invite

    @DELETE_INVITE.documents
    async def adelete(self, email: str) -> Message:
        return await self._api.call(DELETE_INVITE, self.project_id, email)

    list = blocking(alist)
    send = blocking(asend)
    delete = blocking(adelete)


document(Invite, adelete=DELETE_INVITE)


bind_on_read(InvitesResponse, "invites")
