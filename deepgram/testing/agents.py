"""Project objects beyond the Manage core: self-hosted distribution credentials, voice-agent
configurations and agent variables, each with the JSON the API shows for it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .request_log import iso_ms

#: Scopes a distribution credential may be created with; the first is the default.
CREDENTIAL_SCOPES = (
    "self-hosted:products",
    "self-hosted:product:api",
    "self-hosted:product:engine",
    "self-hosted:product:license-proxy",
    "self-hosted:product:dgtools",
    "self-hosted:product:billing",
    "self-hosted:product:hotpepper",
    "self-hosted:product:metrics-server",
)
PROVIDERS = ("quay",)


@dataclass
class DistributionCredential:
    """A set of credentials for pulling self-hosted images, owned by a member."""

    credential_id: str
    member_id: str
    email: str
    provider: str
    scopes: list[str]
    created_ms: int
    comment: str | None = None

    def to_wire(self) -> dict[str, Any]:
        """`{member, distribution_credentials}` as list items, create, get and delete show it."""
        credentials: dict[str, Any] = {
            "distribution_credentials_id": self.credential_id,
            "provider": self.provider,
        }
        if self.comment is not None:
            credentials["comment"] = self.comment
        credentials.update(scopes=list(self.scopes), created=iso_ms(self.created_ms))
        return {
            "member": {"member_id": self.member_id, "email": self.email},
            "distribution_credentials": credentials,
        }


@dataclass
class AgentConfiguration:
    """A stored voice-agent configuration: the `agent` block of a Settings message, and labels."""

    agent_id: str
    config: dict[str, Any]
    created_ms: int
    updated_ms: int
    metadata: dict[str, str] = field(default_factory=dict)

    def to_wire(self, *, created: bool = False) -> dict[str, Any]:
        """The configuration; the create answer carries no timestamps."""
        wire: dict[str, Any] = {"agent_id": self.agent_id, "config": self.config}
        wire["metadata"] = dict(self.metadata)
        if not created:
            wire.update(created_at=iso_ms(self.created_ms), updated_at=iso_ms(self.updated_ms))
        return wire


@dataclass
class AgentVariable:
    """A template variable (`DG_...`) whose value stands in for a JSON value in configurations."""

    variable_id: str
    key: str
    value: Any
    created_ms: int
    updated_ms: int

    def to_wire(self) -> dict[str, Any]:
        """The variable as the API shows it."""
        return {
            "variable_id": self.variable_id,
            "key": self.key,
            "value": self.value,
            "created_at": iso_ms(self.created_ms),
            "updated_at": iso_ms(self.updated_ms),
        }
