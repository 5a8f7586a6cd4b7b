"""Temporary tokens: `POST /v1/auth/grant` mints a short-lived JWT for the speech APIs (the Manage
API does not accept it). The token is a secret: masked in repr() and str(), never logged."""

from __future__ import annotations

import msgspec

from deepgram.core.operation import Operation
from deepgram.redact import SECRETS, mask
from deepgram.types.base import Model, Number
from deepgram.types.options_agents import GrantOptions


class GrantToken(Model):
    """`access_token` (a JWT, sent as `Authorization: Bearer ...` to the speech APIs) and
    `expires_in` (its lifetime in seconds)."""

    access_token: str = ""
    expires_in: Number | None = None

    def __repr__(self) -> str:
        return f"GrantToken(access_token={mask(self.access_token)}, expires_in={self.expires_in!r})"

    def __str__(self) -> str:
        data = self.to_dict()
        data["access_token"] = mask(self.access_token)
        return msgspec.json.format(msgspec.json.encode(data).decode(), indent=2)


def _granted(token: GrantToken) -> GrantToken:
    # A secret: registered before anything can print or log it.
    SECRETS.add(token.access_token)
    return token


GRANT_TOKEN = Operation[GrantToken](
    "grant_token",
    "POST",
    "/v1/auth/grant",
    GrantToken,
    "a temporary token for the speech APIs (30 s unless `ttl_seconds` says otherwise)",
    options=GrantOptions,
    body=True,
    adapt=_granted,
)
