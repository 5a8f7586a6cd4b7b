"""Self-hosted distribution credentials (image-registry logins for self-hosted deployments), and
`project.distribution_credentials`."""

from __future__ import annotations

import builtins
from typing import ClassVar

import msgspec

from deepgram.core.blocking import blocking
from deepgram.core.operation import Operation, document
from deepgram.resources.collection import ProjectCollection
from deepgram.types.base import Listing, Model, Resource, bind_on_read, listed
from deepgram.types.options_agents import CredentialsOptions


class CredentialsOwner(Model):
    """The member a credential set belongs to."""

    member_id: str = ""
    email: str | None = None


class CredentialSet(Model):
    """The credentials themselves: id, provider (`quay`), scopes, comment and creation time."""

    distribution_credentials_id: str = ""
    provider: str | None = None
    comment: str | None = None
    scopes: builtins.list[str] = []
    created: str | None = None


class DistributionCredentials(Resource):
    """One set of distribution credentials with its owner: `.distribution_credentials` and `.member`.

    `credential.distribution_credentials_id` reads the set's id; `delete()` removes the set.
    """

    member: CredentialsOwner = msgspec.field(default_factory=CredentialsOwner)
    distribution_credentials: CredentialSet = msgspec.field(default_factory=CredentialSet)
    __identity__: ClassVar[str] = "distribution_credentials_id"

    @property
    def distribution_credentials_id(self) -> str:
        """The id of the credential set."""
        return self.distribution_credentials.distribution_credentials_id

    async def adelete(self) -> DistributionCredentials:
        """Delete this set (`project.distribution_credentials.delete`)."""
        collection = DistributionCredentialsCollection(self._bound_api(), self._bound_project_id())
        return await collection.adelete(self.distribution_credentials_id)

    delete = blocking(adelete)


class DistributionCredentialsResponse(Listing):
    """GET /v1/projects/{project_id}/self-hosted/distribution/credentials."""

    distribution_credentials: builtins.list[DistributionCredentials] = []


_PATH = "/v1/projects/{project_id}/self-hosted/distribution/credentials"

LIST_CREDENTIALS = Operation[DistributionCredentialsResponse](
    "list_selfhosted_credentials",
    "GET",
    _PATH,
    DistributionCredentialsResponse,
    "the project's self-hosted distribution credentials, each with its owner",
)
CREATE_CREDENTIALS = Operation[DistributionCredentials](
    "create_selfhosted_credentials",
    "POST",
    _PATH,
    DistributionCredentials,
    "create distribution credentials (`scopes`, `provider` and `comment`)",
    options=CredentialsOptions,
    body=True,
)
GET_CREDENTIALS = Operation[DistributionCredentials](
    "get_selfhosted_credentials",
    "GET",
    _PATH + "/{distribution_credentials_id}",
    DistributionCredentials,
    "one set of distribution credentials",
)
DELETE_CREDENTIALS = Operation[DistributionCredentials](
    "delete_selfhosted_credentials",
    "DELETE",
    _PATH + "/{distribution_credentials_id}",
    DistributionCredentials,
    "delete a set of distribution credentials; the answer is the deleted set",
)


class DistributionCredentialsCollection(ProjectCollection):
    """`project.distribution_credentials`: list, create, get and delete credential sets."""

    @LIST_CREDENTIALS.documents
    async def alist(self) -> builtins.list[DistributionCredentials]:
        response = await self._api.call(LIST_CREDENTIALS, self.project_id)
        return listed(response, response.distribution_credentials)

    @CREATE_CREDENTIALS.documents
    async def acreate(
        self, /, comment: str | None = None, *, scopes: builtins.list[str] | str | None = None,
        provider: str | None = None,
    ) -> DistributionCredentials:
        """`scopes`: one or more `self-hosted:...` scopes (`self-hosted:products` when not given)."""
        return await self._api.call(
            CREATE_CREDENTIALS, self.project_id, comment=comment, scopes=scopes, provider=provider
        )

    @GET_CREDENTIALS.documents
    async def aget(self, distribution_credentials_id: str) -> DistributionCredentials:
        return await self._api.call(GET_CREDENTIALS, self.project_id, distribution_credentials_id)

    @DELETE_CREDENTIALS.documents
    async def adelete(self, distribution_credentials_id: str) -> DistributionCredentials:
        return await self._api.call(DELETE_CREDENTIALS, self.project_id, distribution_credentials_id)

    list = blocking(alist)
    create = blocking(acreate)
    get = blocking(aget)
    delete = blocking(adelete)


document(DistributionCredentials, adelete=DELETE_CREDENTIALS)
bind_on_read(DistributionCredentialsResponse, "distribution_credentials")
