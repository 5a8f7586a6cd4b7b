"""`client.selfhosted` / `client.asyncselfhosted`: the 4.x SDK's self-hosted client (distribution
credentials), each method one declared operation; the sync client is derived from the async one."""

from __future__ import annotations

from collections.abc import Coroutine, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from deepgram.core.blocking import blocking
from deepgram.core.request_options import Addons, Headers, PerCall, RequestOptions, Timeout
from deepgram.errors import DeepgramValueError
from deepgram.resources.selfhosted import (
    CREATE_CREDENTIALS,
    DELETE_CREDENTIALS,
    GET_CREDENTIALS,
    LIST_CREDENTIALS,
    DistributionCredentials,
    DistributionCredentialsResponse,
)
from deepgram.types.options_agents import CredentialsOptions

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from deepgram.core.api import Api

T = TypeVar("T")
per_call = RequestOptions.of


def check_version(version: str) -> None:
    """The older SDK's version selector: only "1" exists."""
    if str(version) != "1":
        raise DeepgramValueError(f"API version {version!r} does not exist; use '1'")


class AsyncSelfHostedClient:
    """Self-hosted distribution credentials of a project, async."""

    def __init__(self, api: Api) -> None:
        self._api = api

    def __repr__(self) -> str:
        return "<AsyncSelfHostedClient>"

    def v(self, version: str = "1") -> AsyncSelfHostedClient:
        """The older SDK's version selector; only "1" exists."""
        check_version(version)
        return self

    @LIST_CREDENTIALS.documents
    async def list_selfhosted_credentials(
        self, project_id: str, **call: Unpack[PerCall]
    ) -> DistributionCredentialsResponse:
        return await self._api.call(LIST_CREDENTIALS, project_id, request_options=per_call(**call))

    @GET_CREDENTIALS.documents
    async def get_selfhosted_credentials(
        self, project_id: str, distribution_credentials_id: str, **call: Unpack[PerCall]
    ) -> DistributionCredentials:
        return await self._api.call(
            GET_CREDENTIALS, project_id, distribution_credentials_id, request_options=per_call(**call)
        )

    @CREATE_CREDENTIALS.documents
    async def create_selfhosted_credentials(
        self, /, project_id: str, options: CredentialsOptions | Mapping[str, Any] | None = None, *,
        timeout: Timeout = None, addons: Addons = None, headers: Headers = None, **fields: Any,
    ) -> DistributionCredentials:
        """`comment`, `scopes` (one or a list of `self-hosted:...`), `provider` (`quay`). Never
        retried once it may have reached the server."""
        request = per_call(timeout, addons, headers)
        return await self._api.call(
            CREATE_CREDENTIALS, project_id, options=options, request_options=request, **fields
        )

    @DELETE_CREDENTIALS.documents
    async def delete_selfhosted_credentials(
        self, project_id: str, distribution_credentials_id: str, **call: Unpack[PerCall]
    ) -> DistributionCredentials:
        return await self._api.call(
            DELETE_CREDENTIALS, project_id, distribution_credentials_id, request_options=per_call(**call)
        )


class SelfHostedClient:
    """Self-hosted distribution credentials of a project, sync (`client.selfhosted`)."""

    def __init__(self, api: Api) -> None:
        self._api = api
        self._async = AsyncSelfHostedClient(api)

    @property
    def asyncselfhosted(self) -> AsyncSelfHostedClient:
        """The async twin (also `client.asyncselfhosted`)."""
        return self._async

    def _run(self, coro: Coroutine[Any, Any, T]) -> T:
        return self._api.run(coro)

    def __repr__(self) -> str:
        return "<SelfHostedClient>"

    def v(self, version: str = "1") -> SelfHostedClient:
        """The older SDK's version selector; only "1" exists."""
        check_version(version)
        return self

    list_selfhosted_credentials = blocking(AsyncSelfHostedClient.list_selfhosted_credentials)
    get_selfhosted_credentials = blocking(AsyncSelfHostedClient.get_selfhosted_credentials)
    create_selfhosted_credentials = blocking(AsyncSelfHostedClient.create_selfhosted_credentials)
    delete_selfhosted_credentials = blocking(AsyncSelfHostedClient.delete_selfhosted_credentials)
