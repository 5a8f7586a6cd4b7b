"""Temporary tokens (`POST /v1/auth/grant`): short-lived JWTs for the speech APIs, which the Manage
API refuses, so an app that mistakes one for an API key learns it in its tests."""

from __future__ import annotations

import base64
import itertools
from dataclasses import dataclass

import msgspec

from .errors import ApiError
from .seed_data import det_hex
from .timeline import Clock

DEFAULT_TTL = 30.0
PERMISSION = "usage::write"


def _segment(data: object) -> str:
    return base64.urlsafe_b64encode(msgspec.json.encode(data)).rstrip(b"=").decode()


@dataclass(frozen=True)
class Grant:
    """Who a token was granted to and until when."""

    member_id: str
    expires_ms: int


class Grants:
    """The tokens an emulator has issued."""

    def __init__(self, seed: int, clock: Clock) -> None:
        self.seed = seed
        self.clock = clock
        self._issued: dict[str, Grant] = {}
        self._counter = itertools.count(1)

    def issue(self, member_id: str, ttl_seconds: float) -> tuple[str, float]:
        """A new JWT for `member_id` living `ttl_seconds`; returns it and its lifetime in seconds."""
        n = next(self._counter)
        now_ms = self.clock.now_ms()
        expires_ms = now_ms + round(ttl_seconds * 1000)
        header = _segment({"alg": "HS256", "typ": "JWT"})
        claims = _segment(
            {"sub": member_id, "scope": PERMISSION, "iat": now_ms // 1000, "exp": expires_ms / 1000, "jti": n}
        )
        signature = base64.urlsafe_b64encode(bytes.fromhex(det_hex(self.seed, "grant", n, length=64)))
        token = f"{header}.{claims}.{signature.rstrip(b'=').decode()}"
        self._issued[token] = Grant(member_id, expires_ms)
        return token, ttl_seconds

    def refuse(self, token: str) -> None:
        """Raise if `token` is one of these: 401 once expired, else 403 (not a Manage credential)."""
        grant = self._issued.get(token)
        if grant is None:
            return
        if grant.expires_ms <= self.clock.now_ms():
            raise ApiError(401, "INVALID_AUTH", "Invalid credentials: the temporary token has expired.")
        raise ApiError(
            403,
            "INSUFFICIENT_PERMISSIONS",
            "Temporary tokens from POST /v1/auth/grant are for the speech APIs; "
            "the Manage API needs an API key.",
        )
