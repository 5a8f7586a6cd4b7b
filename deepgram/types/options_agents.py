"""Options of the self-hosted, voice-agent and token operations, validated before any request."""

from __future__ import annotations

import re
from typing import Any, ClassVar

import msgspec

from deepgram.errors import DeepgramTypeError, DeepgramValueError
from deepgram.types.options_base import Options

CREDENTIAL_SCOPES = frozenset(
    {
        "self-hosted:products",
        "self-hosted:product:api",
        "self-hosted:product:engine",
        "self-hosted:product:license-proxy",
        "self-hosted:product:dgtools",
        "self-hosted:product:billing",
        "self-hosted:product:hotpepper",
        "self-hosted:product:metrics-server",
    }
)
PROVIDERS = frozenset({"quay"})
_VARIABLE_KEY = re.compile(r"^DG_[A-Z0-9_]+$")


class CredentialsOptions(Options):
    """POST .../self-hosted/distribution/credentials: `scopes` (one or a list) and `provider` go in
    the query string, `comment` in the body, as the API defines them."""

    comment: str | None = None
    scopes: list[str] | str | None = None
    provider: str | None = None
    _enums: ClassVar[dict[str, frozenset[str]]] = {"scopes": CREDENTIAL_SCOPES, "provider": PROVIDERS}
    _in_query: ClassVar[frozenset[str]] = frozenset({"scopes", "provider"})

    def _check(self) -> None:
        if isinstance(self.scopes, str):
            self.scopes = [self.scopes]
        super()._check()


class AgentConfigurationOptions(Options):
    """POST /v1/projects/{project_id}/agents: the `agent` block of a Settings message as JSON text
    (a dict is encoded for you), string labels in `metadata`, and `api_version` (1)."""

    config: str | dict[str, Any]
    metadata: dict[str, str] | None = None
    api_version: int | None = None

    def _check(self) -> None:
        super()._check()
        if isinstance(self.config, dict):
            self.config = msgspec.json.encode(self.config).decode()
        try:
            parsed = msgspec.json.decode(self.config)
        except msgspec.DecodeError:
            raise DeepgramValueError("config must be JSON text of an object (or a dict)") from None
        if not isinstance(parsed, dict):
            raise DeepgramValueError("config must hold a JSON object, the agent block of a Settings message")
        _check_version(self.api_version)


class AgentMetadataOptions(Options):
    """PUT /v1/projects/{project_id}/agents/{agent_id}: the labels that replace the current ones."""

    metadata: dict[str, str]


class AgentVariableOptions(Options):
    """POST /v1/projects/{project_id}/agent-variables: a `DG_<NAME>` key and any JSON value."""

    key: str
    value: Any = msgspec.UNSET
    api_version: int | None = None
    _keep_none: ClassVar[frozenset[str]] = frozenset({"value"})

    def _check(self) -> None:
        super()._check()
        if not _VARIABLE_KEY.match(self.key):
            raise DeepgramValueError(f"key must look like DG_<NAME> (capitals, digits, _), got {self.key!r}")
        _check_value(self.value)
        _check_version(self.api_version)


class AgentVariableValueOptions(Options):
    """PATCH /v1/projects/{project_id}/agent-variables/{variable_id}: the new value (any JSON)."""

    value: Any = msgspec.UNSET
    _keep_none: ClassVar[frozenset[str]] = frozenset({"value"})

    def _check(self) -> None:
        super()._check()
        _check_value(self.value)


class GrantOptions(Options):
    """POST /v1/auth/grant: the token's lifetime in seconds (30 when not given)."""

    ttl_seconds: int | float | None = None

    def _check(self) -> None:
        super()._check()
        if isinstance(self.ttl_seconds, bool):
            raise DeepgramTypeError("ttl_seconds must be a number of seconds")
        if self.ttl_seconds is not None and not self.ttl_seconds > 0:
            raise DeepgramValueError(f"ttl_seconds must be positive, got {self.ttl_seconds}")


def _check_value(value: Any) -> None:
    if value is msgspec.UNSET:
        raise DeepgramValueError("value is required (any JSON value: text, number, boolean, list, object)")
    try:
        msgspec.json.encode(value)
    except TypeError as exc:
        raise DeepgramTypeError(f"value must be JSON data: {exc}") from None


def _check_version(version: int | None) -> None:
    if version is not None and (isinstance(version, bool) or version < 1):
        raise DeepgramValueError(f"api_version must be 1 or more, got {version}")
