"""`DeepgramClient`: configuration, the shared connection pool and sync loop, and every surface."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from types import TracebackType
from typing import TYPE_CHECKING, Any

from deepgram.config import DeepgramClientOptions, resolve
from deepgram.core.api import Api
from deepgram.core.headers import check_headers
from deepgram.core.hooks import EventHooks
from deepgram.core.network import Network
from deepgram.core.retry import RetryPolicy
from deepgram.core.runner import LoopRunner
from deepgram.core.sessions import SessionPool
from deepgram.core.timeouts import check_timeout
from deepgram.core.transport import Transport
from deepgram.errors import DeepgramTypeError
from deepgram.logs import configure_from_env
from deepgram.manage.async_client import AsyncManageClient
from deepgram.manage.auth import AsyncAuthClient, AuthClient
from deepgram.manage.client import ManageClient
from deepgram.manage.selfhosted import AsyncSelfHostedClient, SelfHostedClient
from deepgram.redact import mask
from deepgram.resources.models import Models
from deepgram.resources.projects import Project, Projects
from deepgram.usage.archive.surface import AccountUsage

if TYPE_CHECKING:
    import ssl

    import aiohttp


class DeepgramClient:
    """Entry point: `client.manage` (classic, sync), `client.asyncmanage` (classic, async),
    `client.projects` / `client.project(id)` / `client.models` (objects, sync and async),
    `client.usage` (the usage archive of every project).

    Credentials: `api_key`/`access_token` arguments, else `DEEPGRAM_API_KEY`, else
    `DEEPGRAM_ACCESS_TOKEN`; a missing credential is reported at the first request. Use it as a
    context manager (`with` / `async with`) or call `close()` / `await aclose()`.

    Network: `proxy` (else `HTTPS_PROXY`/`HTTP_PROXY`/`ALL_PROXY` minus `NO_PROXY`, unless
    `trust_env=False`), `verify` (True, False, a CA bundle path or an `ssl.SSLContext`; True honours
    `SSL_CERT_FILE`/`SSL_CERT_DIR`), `http_session` (an `aiohttp.ClientSession` of yours, for async
    calls; never closed by the client), `max_connections` / `max_connections_per_host`.

    Observability: `event_hooks={"request": [...], "response": [...]}` (sync or async callables
    given a read-only view of every attempt); `x.with_raw_response.<method>()` for the HTTP response.
    """

    def __init__(
        self,
        api_key: str | None = None,
        config: DeepgramClientOptions | None = None,
        *,
        access_token: str | None = None,
        url: str | None = None,
        timeout: float | None = None,
        connect_timeout: float | None = None,
        max_retries: int | None = None,
        headers: dict[str, str] | None = None,
        options: DeepgramClientOptions | None = None,
        proxy: str | None = None,
        trust_env: bool = True,
        verify: bool | str | os.PathLike[str] | ssl.SSLContext = True,
        http_session: aiohttp.ClientSession | None = None,
        max_connections: int | None = None,
        max_connections_per_host: int | None = None,
        max_response_bytes: int | None = None,
        event_hooks: Mapping[str, Iterable[Callable[[Any], Any]]] | None = None,
    ) -> None:
        if config is not None and options is not None:
            raise DeepgramTypeError("pass either config or options, not both")
        base = config or options or DeepgramClientOptions()
        if not isinstance(base, DeepgramClientOptions):
            raise DeepgramTypeError(f"options must be DeepgramClientOptions, not {type(base).__name__}")
        merged = DeepgramClientOptions(
            api_key=api_key if api_key is not None else base.api_key,
            access_token=access_token if access_token is not None else base.access_token,
            url=url if url is not None else base.url,
            headers={**check_headers(base.headers), **check_headers(headers or {})},
            timeout=timeout if timeout is not None else base.timeout,
            connect_timeout=connect_timeout if connect_timeout is not None else base.connect_timeout,
            max_retries=max_retries if max_retries is not None else base.max_retries,
            max_response_bytes=(
                max_response_bytes if max_response_bytes is not None else base.max_response_bytes
            ),
            options=base.options,
        )
        settings = resolve(merged)
        configure_from_env()
        network = Network(
            settings.base_url,
            proxy=proxy,
            trust_env=trust_env,
            verify=verify,
            http_session=http_session,
            max_connections=max_connections,
            max_connections_per_host=max_connections_per_host,
        )
        pool = SessionPool(network)
        if event_hooks is not None:
            hooks = EventHooks(event_hooks)
            settings = replace(settings, hooks=hooks if hooks else None)
        transport = Transport(settings, pool)
        self._init_surfaces(Api(transport, LoopRunner(final=pool.close_current)))
        # The connections close with close(), or once nothing that can send a request (this
        # client, a sibling, `client.manage`, a returned object) is left, or at interpreter exit.
        self._closer = self._api.lifetime.close

    def _init_surfaces(self, api: Api) -> None:
        self._api = api
        self.manage = ManageClient(api)
        self.asyncmanage: AsyncManageClient = self.manage.asyncmanage
        self.selfhosted = SelfHostedClient(api)
        self.asyncselfhosted: AsyncSelfHostedClient = self.selfhosted.asyncselfhosted
        self.auth = AuthClient(api)
        self.asyncauth: AsyncAuthClient = self.auth.asyncauth
        self.projects = Projects(api)
        self.models = Models(api)
        self.usage = AccountUsage(api)

    @property
    def url(self) -> str:
        """The base URL requests go to."""
        return self._api.transport.config.base_url

    def __repr__(self) -> str:
        transport = self._api.transport
        auth = mask(transport.config.authorization)
        return f"DeepgramClient(url={self.url!r}, auth={auth}{transport.pool.network.describe()})"

    def project(self, project_id: str) -> Project:
        """A handle on one project, for navigation (`client.project(pid).keys.list()`). No request."""
        return self.projects.handle(project_id)

    def with_options(
        self,
        *,
        timeout: float | None = None,
        connect_timeout: float | None = None,
        max_retries: int | None = None,
    ) -> DeepgramClient:
        """A sibling client with other timeouts or retries, sharing this one's connections and loop."""
        config = self._api.transport.config
        changes: dict[str, Any] = {}
        if timeout is not None:
            changes["timeout"] = check_timeout("timeout", timeout)
        if connect_timeout is not None:
            changes["connect_timeout"] = check_timeout("connect_timeout", connect_timeout)
        if max_retries is not None:
            changes["retry"] = RetryPolicy(**{**config.retry.__dict__, "max_retries": max_retries})
        sibling = object.__new__(DeepgramClient)
        sibling._init_surfaces(self._api.with_transport(self._api.transport.with_config(**changes)))
        sibling._closer = self._closer
        return sibling

    def close(self) -> None:
        """Close every connection and stop the client's loops (siblings from `with_options` too).
        Safe to call twice; a client never closed is closed when the interpreter exits."""
        self._closer()

    async def aclose(self) -> None:
        """`close()` for async code. Safe to call twice."""
        await self._api.aclose()
        self._closer()

    def __enter__(self) -> DeepgramClient:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    async def __aenter__(self) -> DeepgramClient:
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()
