"""`client.auth` / `client.asyncauth`: the 4.x SDK's auth client, which grants temporary tokens.

A granted token works with the speech APIs only; the Manage API refuses it (use an API key there).
"""

from __future__ import annotations

from collections.abc import Coroutine, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from deepgram.core.blocking import blocking
from deepgram.core.request_options import PerCall, RequestOptions
from deepgram.manage.selfhosted import check_version
from deepgram.resources.tokens import GRANT_TOKEN, GrantToken
from deepgram.types.options_agents import GrantOptions

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from deepgram.core.api import Api

T = TypeVar("T")


class AsyncAuthClient:
    """Temporary tokens, async."""

    def __init__(self, api: Api) -> None:
        self._api = api

    def __repr__(self) -> str:
        return "<AsyncAuthClient>"

    def v(self, version: str = "1") -> AsyncAuthClient:
        """The older SDK's version selector; only "1" exists."""
        check_version(version)
        return self

    @GRANT_TOKEN.documents
    async def grant_token(
        self, ttl_seconds: float | None = None, *, options: GrantOptions | Mapping[str, Any] | None = None,
        **call: Unpack[PerCall],
    ) -> GrantToken:
        """`ttl_seconds`: the token's lifetime (any positive number; 30 when not given), or
        `options=GrantOptions(...)`. Never retried once it may have reached the server. The token
        is masked in repr() and str()."""
        fields = {} if ttl_seconds is None else {"ttl_seconds": ttl_seconds}
        return await self._api.call(
            GRANT_TOKEN, options=options, request_options=RequestOptions.of(**call), **fields
        )


class AuthClient:
    """Temporary tokens, sync (`client.auth`); `client.auth.asyncauth` is the async twin."""

    def __init__(self, api: Api) -> None:
        self._api = api
        self._async = AsyncAuthClient(api)

    @property
    def asyncauth(self) -> AsyncAuthClient:
        """The async twin (also `client.asyncauth`)."""
        return self._async

    def _run(self, coro: Coroutine[Any, Any, T]) -> T:
        return self._api.run(coro)

    def __repr__(self) -> str:
        return "<AuthClient>"

    def v(self, version: str = "1") -> AuthClient:
        """The older SDK's version selector; only "1" exists."""
        check_version(version)
        return self

    grant_token = blocking(AsyncAuthClient.grant_token)
