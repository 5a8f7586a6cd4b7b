"""Sends one request with timeouts and retries, and turns every failure into the SDK's own error."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Protocol, TypeVar

from deepgram import defaults
from deepgram.core import observe
from deepgram.core.error_mapping import error_from_response
from deepgram.core.hooks import EventHooks, RequestView
from deepgram.core.redirects import REDIRECT_STATUSES, redirect_target
from deepgram.core.request_options import RequestOptions
from deepgram.core.retry import FailureKind, RetryPolicy, retry_delay
from deepgram.core.sessions import SessionPool
from deepgram.core.urls import query_string
from deepgram.errors import (
    DeepgramConnectionError,
    DeepgramTimeoutError,
    DeepgramValueError,
    MissingCredentialsError,
    ResponseTooLargeError,
    ResponseValidationError,
)

T = TypeVar("T")
log = logging.getLogger("deepgram")


class Response:
    """What came back: status, headers (a case-insensitive mapping) and the raw body; which attempt
    it answered (0 first), how long that attempt took (seconds) and the HTTP version. A plain slotted
    class, made once per attempt: cheaper to build than a frozen dataclass."""

    __slots__ = ("attempt", "body", "elapsed", "headers", "status", "version")

    def __init__(
        self,
        status: int,
        headers: Mapping[str, str],
        body: bytes,
        attempt: int = 0,
        elapsed: float = 0.0,
        version: tuple[int, int] = (1, 1),
    ) -> None:
        self.status = status
        self.headers = headers
        self.body = body
        self.attempt = attempt
        self.elapsed = elapsed
        self.version = version

    @property
    def http_version(self) -> str:
        """`HTTP/1.1`."""
        return f"HTTP/{self.version[0]}.{self.version[1]}"

    def __repr__(self) -> str:
        return f"<Response {self.status}, {len(self.body)} bytes, attempt {self.attempt}>"


class Call(Protocol):
    """Which operation a request performs (an `Operation` is one): its name (`get_keys`) and path
    template, for hooks, logs and traces, which must not see the filled path's ids."""

    @property
    def name(self) -> str: ...

    @property
    def path(self) -> str: ...


@dataclass(frozen=True)
class TransportConfig:
    """Per-client settings; `with_options` siblings get a copy with other timeouts or retries."""

    base_url: str
    authorization: str | None = field(repr=False)  # a secret: never in a repr
    headers: Mapping[str, str] = field(default_factory=dict, repr=False)
    timeout: float = defaults.DEFAULT_TIMEOUT
    connect_timeout: float = defaults.DEFAULT_CONNECT_TIMEOUT
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    user_agent: str = "deepgram-manage-python"
    max_response_bytes: int = defaults.DEFAULT_MAX_RESPONSE_BYTES
    hooks: EventHooks | None = field(default=None, repr=False)  # None when no hook is registered


async def read_capped(raw: Any, limit: int, *, method: str, path: str) -> bytes:
    """The whole body of an aiohttp response, refusing (without reading on) one over `limit` bytes."""
    length = raw.content_length
    if length is not None and length > limit:
        raise ResponseTooLargeError(limit, method=method, path=path)
    chunks: list[bytes] = []
    size = 0
    async for chunk in raw.content.iter_any():
        size += len(chunk)
        if size > limit:
            raise ResponseTooLargeError(limit, method=method, path=path)
        chunks.append(chunk)
    return b"".join(chunks)


class Transport:
    """Executes HTTP calls on the running loop's shared session; retries per the pure policy."""

    def __init__(
        self,
        config: TransportConfig,
        pool: SessionPool,
        *,
        sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
    ) -> None:
        self.config = config
        self.pool = pool
        self._sleep = sleep
        self._base_headers: dict[str, str] | None = None  # built on first request, reused after
        self._timeout: Any = None  # aiohttp.ClientTimeout, built on first request (aiohttp loads lazily)

    def with_config(self, **changes: Any) -> Transport:
        """A sibling transport sharing this one's sessions (connection pool)."""
        return Transport(replace(self.config, **changes), self.pool, sleep=self._sleep)

    def _headers(self, has_body: bool) -> dict[str, str]:
        headers = self._base_headers
        if headers is None:
            if self.config.authorization is None:
                raise MissingCredentialsError(
                    "no Deepgram credentials: pass api_key=... "
                    "or set DEEPGRAM_API_KEY (or DEEPGRAM_ACCESS_TOKEN)"
                )
            headers = self._base_headers = {
                "Accept": "application/json",
                "User-Agent": self.config.user_agent,
                **self.config.headers,
                "Authorization": self.config.authorization,
            }
        return {**headers, "Content-Type": "application/json"} if has_body else headers

    async def request(
        self,
        method: str,
        path: str,
        query: list[tuple[str, str]] | None = None,
        body: bytes | None = None,
        *,
        parse: Callable[[Response], T],
        options: RequestOptions | None = None,
        call: Call | None = None,
    ) -> T:
        """Send `method path?query` and return `parse(response)` for a 2xx, retrying as the policy says.

        `parse` runs inside the retry loop, so a GET whose 2xx body is cut off or garbled is retried.
        `options` (timeout, extra headers and query, max_retries) apply to this call only.
        `call` names the operation for hooks, logs and traces (else the method and filled path).
        """
        import aiohttp
        from yarl import URL

        headers = self._headers(body is not None)
        timeout = self._timeout
        if timeout is None:
            timeout = self._timeout = aiohttp.ClientTimeout(
                total=self.config.timeout, connect=self.config.connect_timeout
            )
        if options is not None:  # this call's own settings
            query = [*(query or []), *options.query_pairs]
            headers = {**headers, **options.headers, "Authorization": headers["Authorization"]}
            if options.timeout is not None:
                timeout = aiohttp.ClientTimeout(total=options.timeout, connect=self.config.connect_timeout)
        target = path + ("?" + query_string(query) if query else "")
        url = URL(self.config.base_url + target, encoded=True)
        extra = self.pool.network.request_kwargs()  # proxy (and TLS for a caller's session), built once
        policy = self.config.retry
        if options is not None and options.max_retries is not None:
            policy = replace(policy, max_retries=options.max_retries)
        attempt = hops = 0
        hooks = self.config.hooks
        view: RequestView | None = None
        while True:
            session = await self.pool.get()
            if hooks is not None:  # outside the try: a hook that raises aborts the call as it is
                view = await observe.before_attempt(hooks, call, method, url, path, headers, attempt)
            started = time.perf_counter()
            failure: FailureKind | None = None
            error: BaseException | None = None
            response: Response | None = None
            try:
                async with session.request(
                    method, url, data=body, headers=headers, timeout=timeout, allow_redirects=False, **extra
                ) as raw:
                    payload = await read_capped(raw, self.config.max_response_bytes, method=method, path=path)
                    took = time.perf_counter() - started
                    version = raw.version or (1, 1)
                    response = Response(raw.status, raw.headers, payload, attempt, took, version)
            except aiohttp.ClientConnectorCertificateError as exc:  # not transient: never retried
                raise DeepgramConnectionError(
                    f"TLS certificate not trusted: {exc}. Behind a proxy that re-signs TLS, pass "
                    "verify='/path/to/ca.pem' or set SSL_CERT_FILE",
                    method=method,
                    path=path,
                ) from exc
            except aiohttp.ClientHttpProxyError as exc:  # the proxy refused the tunnel: not retried
                raise DeepgramConnectionError(
                    f"the proxy refused the connection: {exc.status} {exc.message}",
                    method=method,
                    path=path,
                ) from exc
            except (aiohttp.ClientConnectorError, aiohttp.ConnectionTimeoutError) as exc:
                failure, error = FailureKind.CONNECT, exc
            except (asyncio.TimeoutError, aiohttp.ServerTimeoutError) as exc:
                failure, error = FailureKind.TIMEOUT, exc
            except aiohttp.ClientPayloadError as exc:
                failure, error = FailureKind.PAYLOAD, exc
            except (aiohttp.ClientError, OSError) as exc:
                failure, error = FailureKind.DISCONNECTED, exc
            except (ValueError, TypeError, OverflowError) as exc:  # aiohttp refusing what it was given
                raise DeepgramValueError(
                    f"the request could not be sent: {type(exc).__name__}: {exc}"
                ) from None
            if response is not None:
                if log.isEnabledFor(logging.DEBUG):
                    observe.log_response(response, method, target, call.path if call else path)
                if hooks is not None and view is not None:
                    await observe.after_attempt(hooks, view, response)
                if response.status in REDIRECT_STATUSES:
                    url = redirect_target(
                        response.status, response.headers, url, method=method, hops=hops, path=path
                    )
                    hops += 1
                    continue
                if 200 <= response.status < 300:
                    try:
                        return parse(response)
                    except ResponseValidationError as exc:
                        failure, error = FailureKind.PAYLOAD, exc
                        delay = retry_delay(policy, attempt=attempt, method=method, failure=failure)
                        if delay is None or method != "GET":
                            raise
                else:
                    delay = retry_delay(
                        policy,
                        attempt=attempt,
                        method=method,
                        status=response.status,
                        headers=response.headers,
                    )
                    if delay is None:
                        raise error_from_response(
                            response.status, response.headers, response.body, method=method, path=path
                        )
                    log.info(
                        "%s %s -> %d; retry %d in %.2fs", method, path, response.status, attempt + 1, delay
                    )
                    observe.note_retry(attempt, delay, str(response.status))
            else:
                assert failure is not None and error is not None
                log.debug("%s %s failed: %s (%s)", method, target, failure.name, type(error).__name__)
                delay = retry_delay(policy, attempt=attempt, method=method, failure=failure)
                if delay is None:
                    raise self._connection_error(failure, error, method, path) from error
                log.info(
                    "%s %s failed (%s); retry %d in %.2fs", method, path, failure.name, attempt + 1, delay
                )
                observe.note_retry(attempt, delay, failure.name)
            await self._sleep(delay)
            attempt += 1

    @staticmethod
    def _connection_error(
        failure: FailureKind, error: BaseException, method: str, path: str
    ) -> DeepgramConnectionError:
        if isinstance(error, ResponseValidationError):
            return DeepgramConnectionError(str(error), method=method, path=path)
        detail = str(error) or type(error).__name__
        if failure is FailureKind.TIMEOUT:
            return DeepgramTimeoutError(f"request timed out: {detail}", method=method, path=path)
        messages = {
            FailureKind.CONNECT: "could not connect",
            FailureKind.DISCONNECTED: "connection lost",
            FailureKind.PAYLOAD: "response body incomplete",
        }
        return DeepgramConnectionError(f"{messages[failure]}: {detail}", method=method, path=path)
