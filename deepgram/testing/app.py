"""The aiohttp application: routing, auth, error bodies, request ids, call log and fault injection."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Awaitable, Callable

from aiohttp import web

from . import params
from .auth import token_from
from .call import Call, Handler
from .errors import ApiError, error_body
from .faults import FaultRule, Faults
from .handlers_usage import encode
from .routes import ROUTES
from .seed_data import det_uuid
from .state import State

_JSON = "application/json"
_GARBAGE = b"<html><body><h1>502 Bad Gateway</h1><p>upstream sent an invalid response</p></body></html>"


class Server:
    """Everything the request pipeline needs, shared by all requests of one emulator."""

    def __init__(self, state: State, faults: Faults, calls: list[tuple[str, str]], latency: float) -> None:
        self.state = state
        self.faults = faults
        self.calls = calls
        self.latency = latency
        self._ids = itertools.count(1)

    def next_request_id(self) -> str:
        """A fresh, deterministic `dg-request-id`."""
        return det_uuid(self.state.seed, "dg-request", next(self._ids))

    def build(self) -> web.Application:
        """The aiohttp application serving every route of the table."""
        app = web.Application(middlewares=[self._middleware], client_max_size=8 * 1024 * 1024)
        for method, path, handler in ROUTES:
            app.router.add_route(method, path, self._endpoint(handler))
        return app

    def _endpoint(self, handler: Handler) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
        """Adapt a plain handler: authenticate, parse query and body, encode the reply."""

        async def endpoint(request: web.Request) -> web.StreamResponse:
            principal = self.state.authenticate(token_from(request.headers))
            raw = await request.read() if request.body_exists else b""
            try:
                body = params.json_body(raw)
            except ApiError:
                if request.method in ("GET", "DELETE", "HEAD"):
                    body = {}  # tolerate junk bodies on reads, as the real API ignores them
                else:
                    raise
            call = Call(
                self.state,
                principal,
                dict(request.match_info),
                request.query,
                lambda name: list(request.query.getall(name, [])),
                body,
            )
            return web.Response(body=encode(handler(call)), content_type=_JSON)

        return endpoint

    @web.middleware
    async def _middleware(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        request_id = self.next_request_id()
        self.calls.append((request.method, request.path_qs))
        fired = self.faults.draw(request.method, request.path)
        delay = self.latency + sum(r.seconds for r in fired if r.kind == "latency")
        if delay > 0:
            await asyncio.sleep(delay)
        fault = next((r for r in fired if r.kind != "latency"), None)
        if fault is not None and fault.kind == "status":
            return self._error(ApiError(fault.status, headers=_retry_headers(fault)), request_id)
        if fault is not None and fault.kind == "drop":
            return await _drop(request)
        if fault is not None and fault.kind == "garbage":
            return web.Response(
                body=_GARBAGE, content_type="text/html", headers={"dg-request-id": request_id}
            )
        try:
            response = await handler(request)
        except ApiError as exc:
            return self._error(exc, request_id)
        except web.HTTPException as exc:  # router-level 404 / 405
            return self._error(ApiError(exc.status, headers=_allow_header(exc)), request_id)
        response.headers["dg-request-id"] = request_id
        if fault is not None and fault.kind == "truncate" and isinstance(response, web.Response):
            return await _truncate(request, response)
        return response

    @staticmethod
    def _error(exc: ApiError, request_id: str) -> web.Response:
        headers = {"dg-request-id": request_id, **exc.headers}
        return web.Response(
            status=exc.status,
            body=error_body(exc.code, exc.message, request_id),
            content_type=_JSON,
            headers=headers,
        )


def _retry_headers(rule: FaultRule) -> dict[str, str]:
    if rule.retry_after is None:
        return {}
    value = rule.retry_after
    return {"Retry-After": str(int(value)) if value == int(value) else str(value)}


def _allow_header(exc: web.HTTPException) -> dict[str, str]:
    allow = exc.headers.get("Allow")
    return {"Allow": allow} if allow else {}


async def _drop(request: web.Request) -> web.StreamResponse:
    """Close the connection without sending a byte of response."""
    transport = request.transport
    if transport is not None:
        transport.abort()
    raise asyncio.CancelledError  # aiohttp treats this as the peer having gone away


async def _truncate(request: web.Request, full: web.Response) -> web.StreamResponse:
    """Announce the full body length, send only half of it, then close the connection."""
    body = bytes(full.body) if isinstance(full.body, (bytes, bytearray)) else b""
    partial = web.StreamResponse(status=full.status, headers=full.headers)
    partial.content_length = len(body)
    await partial.prepare(request)
    await partial.write(body[: len(body) // 2])
    transport = request.transport
    if transport is not None:
        transport.abort()
    raise asyncio.CancelledError
