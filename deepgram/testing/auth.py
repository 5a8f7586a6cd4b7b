"""Who is calling and what they may do: `Authorization` parsing, roles and permission strings.

A key's effective permissions are its scopes (roles expanded to permission strings) intersected
with what its member's role allows; the emulator's admin key may do everything everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .agents import CREDENTIAL_SCOPES
from .errors import ApiError

ROLES = ("owner", "admin", "member")


def _team(group: str, *, write: bool) -> tuple[str, ...]:
    """Read (and optionally write) permissions over one group of people (`members`, `admins`, ...)."""
    read = (f"{group}:read", f"{group}:read:invites", f"{group}:read:scopes")
    if not write:
        return read
    return (*read, f"{group}:write", f"{group}:write:invites", f"{group}:write:scopes", f"{group}:write:kick")


_PROJECT_ALL = ("project:read", "project:write", "project:write:settings", "project:write:destroy")

#: Permission strings each role implies.
ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    "owner": frozenset(
        (
            *_PROJECT_ALL,
            "keys:read",
            "keys:write",
            *_team("members", write=True),
            *_team("admins", write=True),
            *_team("owners", write=True),
            "usage:read",
            "usage:write",
            "billing:read",
            "billing:write",
        )
    ),
    "admin": frozenset(
        (
            "project:read",
            "project:write",
            "keys:read",
            "keys:write",
            *_team("members", write=True),
            *_team("admins", write=True),
            *_team("owners", write=False),
            "usage:read",
            "usage:write",
            "billing:read",
        )
    ),
    "member": frozenset(
        ("project:read", "project:write", "keys:read", "keys:write", "usage:read", "usage:write")
    ),
}


#: Every scope string a key may be created with.
KNOWN_SCOPES: frozenset[str] = frozenset(
    (
        *ROLES,
        *ROLE_PERMISSIONS["owner"],
        *CREDENTIAL_SCOPES,
        "account:write",
        "project:kick",
        "member:write",
    )
)

ALL_PERMISSIONS: frozenset[str] = KNOWN_SCOPES


def expand(scopes: Iterable[str]) -> frozenset[str]:
    """Permission strings granted by a list of scopes (roles become their permissions)."""
    granted: set[str] = set()
    for scope in scopes:
        granted |= ROLE_PERMISSIONS.get(scope, {scope})
        if scope == "account:write":
            granted |= ALL_PERMISSIONS
    return frozenset(granted)


def role_of(scopes: Iterable[str]) -> str:
    """The highest role among a member's scopes (`member` if none is listed)."""
    held = set(scopes)
    return next((role for role in ROLES if role in held), "member")


@dataclass(frozen=True)
class Principal:
    """The authenticated caller of one request."""

    is_admin: bool
    project_id: str | None
    member_id: str | None
    key_id: str | None
    permissions: frozenset[str]

    def can(self, permission: str) -> bool:
        """Whether the caller holds a permission."""
        return self.is_admin or permission in self.permissions

    def require(self, permission: str) -> None:
        """Raise 403 unless the caller holds a permission."""
        if not self.can(permission):
            raise ApiError(
                403,
                "INSUFFICIENT_PERMISSIONS",
                f"User does not have sufficient permissions (requires {permission}).",
            )


def token_from(headers: Mapping[str, str]) -> str:
    """The credential in `Authorization: Token|Bearer <value>` (scheme in any case); 401 otherwise."""
    raw = headers.get("Authorization", "").strip()
    scheme, _, value = raw.partition(" ")
    if scheme.lower() not in ("token", "bearer") or not value.strip():
        raise ApiError(401, "INVALID_AUTH", "Invalid credentials.")
    return value.strip()
