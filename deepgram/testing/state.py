"""The emulator's mutable world: projects, members, keys, invites, balances, purchases and models.

Handlers call these methods after checking permissions; each method enforces the API's own
rules (unknown ids are 404, invalid values are 400) so tests can drive state directly too.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

from .agents import AgentConfiguration, AgentVariable, DistributionCredential
from .auth import ROLES, Principal, expand, role_of
from .errors import ApiError, bad_body, not_found
from .grants import Grants
from .request_log import RequestLog, Shapes, iso_ms
from .seed_data import MODELS, Model, det_secret, det_uuid
from .stats import Stats
from .timeline import Clock

T = TypeVar("T")
_EMAIL = re.compile(r"^[^@\s/]+@[^@\s/]+\.[^@\s/]+$")


@dataclass
class Member:
    """A person in a project, with role and permission scopes."""

    member_id: str
    email: str
    first_name: str
    last_name: str
    scopes: list[str]

    @property
    def role(self) -> str:
        """`owner`, `admin` or `member`."""
        return role_of(self.scopes)

    def to_wire(self, *, with_scopes: bool = True) -> dict[str, Any]:
        """The member as the API shows it."""
        wire: dict[str, Any] = {
            "member_id": self.member_id,
            "email": self.email,
            "first_name": self.first_name,
            "last_name": self.last_name,
        }
        if with_scopes:
            wire["scopes"] = list(self.scopes)
        return wire


@dataclass
class ApiKey:
    """An API key; the secret is shown only in the response that creates it."""

    api_key_id: str
    secret: str
    member_id: str
    comment: str
    scopes: list[str]
    tags: list[str]
    created_ms: int
    expiration_ms: int | None = None

    def expired(self, now_ms: int) -> bool:
        """Whether the key has passed its expiration date."""
        return self.expiration_ms is not None and self.expiration_ms <= now_ms

    def to_wire(self, *, with_secret: bool = False) -> dict[str, Any]:
        """The key as the API shows it (never with the secret unless just created)."""
        wire: dict[str, Any] = {"api_key_id": self.api_key_id}
        if with_secret:
            wire["key"] = self.secret
        wire.update(
            comment=self.comment,
            scopes=list(self.scopes),
            tags=list(self.tags),
            created=iso_ms(self.created_ms),
        )
        if self.expiration_ms is not None:
            wire["expiration_date"] = iso_ms(self.expiration_ms)
        return wire


@dataclass
class Project:
    """A project and everything in it; the request log is built on first use."""

    project_id: str
    name: str
    company: str
    log_factory: Callable[[], RequestLog] | None = None
    mip_opt_out: bool = False
    members: dict[str, Member] = field(default_factory=dict)
    keys: dict[str, ApiKey] = field(default_factory=dict)
    invites: dict[str, str] = field(default_factory=dict)  # email -> scope
    balances: dict[str, dict[str, Any]] = field(default_factory=dict)
    purchases: list[dict[str, Any]] = field(default_factory=list)
    custom_models: list[Model] = field(default_factory=list)
    credentials: dict[str, DistributionCredential] = field(default_factory=dict)
    agents: dict[str, AgentConfiguration] = field(default_factory=dict)
    variables: dict[str, AgentVariable] = field(default_factory=dict)

    @cached_property
    def log(self) -> RequestLog:
        """The project's lazy request log."""
        if self.log_factory is None:
            raise RuntimeError(f"project {self.project_id} has no request log")
        return self.log_factory()

    @cached_property
    def stats(self) -> Stats:
        """Usage and billing aggregates over the log."""
        return Stats(self.log)

    def to_wire(self) -> dict[str, Any]:
        """`GET /v1/projects/{id}` body."""
        return {
            "project_id": self.project_id,
            "name": self.name,
            "mip_opt_out": self.mip_opt_out,
            "company": self.company,
        }

    def member(self, member_id: str) -> Member:
        """A member by id, or 404."""
        if member_id not in self.members:
            raise not_found("Member")
        return self.members[member_id]

    def key(self, key_id: str) -> ApiKey:
        """A key by id, or 404."""
        if key_id not in self.keys:
            raise not_found("API key", "KEY_NOT_FOUND")
        return self.keys[key_id]

    def credential(self, credential_id: str) -> DistributionCredential:
        """A distribution credential by id, or 404."""
        return _found(self.credentials, credential_id, "Distribution credentials")

    def agent(self, agent_id: str) -> AgentConfiguration:
        """An agent configuration by id, or 404."""
        return _found(self.agents, agent_id, "Agent configuration")

    def variable(self, variable_id: str) -> AgentVariable:
        """An agent variable by id, or 404."""
        return _found(self.variables, variable_id, "Agent variable")


def _found(table: dict[str, T], item_id: str, what: str) -> T:
    """`table[item_id]`, or the API's 404 naming `what`."""
    if item_id not in table:
        raise not_found(what)
    return table[item_id]


class State:
    """All projects plus the credentials index; the single source of truth of an emulator."""

    def __init__(self, seed: int, shapes: Shapes, clock: Clock, admin_key: str, owner: Member) -> None:
        self.seed = seed
        self.shapes = shapes
        self.clock = clock
        self.admin_key = admin_key
        self.owner = owner  # the account the admin key belongs to; owner of every seeded project
        self.projects: dict[str, Project] = {}
        self._secrets: dict[str, tuple[str, str]] = {}
        self._counter = itertools.count(1)
        self.grants = Grants(seed, clock)

    def new_id(self, *parts: object) -> str:
        """A fresh deterministic UUID for a created object."""
        return det_uuid(self.seed, *parts, next(self._counter))

    # credentials -------------------------------------------------------------------------------

    def authenticate(self, token: str) -> Principal:
        """The caller a secret belongs to; 401 for unknown, deleted or expired keys."""
        if token == self.admin_key:
            return Principal(True, None, self.owner.member_id, None, frozenset())
        located = self._secrets.get(token)
        if located is not None:
            project = self.projects.get(located[0])
            key = project.keys.get(located[1]) if project else None
            if project and key and not key.expired(self.clock.now_ms()) and key.member_id in project.members:
                member = project.members[key.member_id]
                permissions = expand(key.scopes) & expand(member.scopes)
                return Principal(False, project.project_id, member.member_id, key.api_key_id, permissions)
        self.grants.refuse(token)
        raise ApiError(401, "INVALID_AUTH", "Invalid credentials.")

    def project_for(self, principal: Principal, project_id: str) -> Project:
        """A project the caller may address; 404 if unknown or not tied to the caller's key."""
        project = self.projects.get(project_id)
        if project is None or not (principal.is_admin or principal.project_id == project_id):
            raise ApiError(404, "PROJECT_NOT_FOUND", "Project not found.")
        return project

    def visible_projects(self, principal: Principal) -> list[Project]:
        """Projects listed for a caller."""
        return [
            p for p in self.projects.values() if principal.is_admin or p.project_id == principal.project_id
        ]

    # keys --------------------------------------------------------------------------------------

    def add_key(self, project: Project, key: ApiKey) -> ApiKey:
        """Register a key and its secret."""
        project.keys[key.api_key_id] = key
        self._secrets[key.secret] = (project.project_id, key.api_key_id)
        return key

    def create_key(
        self,
        project_id: str,
        scopes: list[str],
        *,
        member_id: str | None = None,
        comment: str = "",
        tags: list[str] | None = None,
        expiration_ms: int | None = None,
    ) -> ApiKey:
        """Mint a key for a member (the account owner by default) of a project."""
        project = self.projects.get(project_id)
        if project is None:
            raise ApiError(404, "PROJECT_NOT_FOUND", "Project not found.")
        owner_id = member_id or self.owner.member_id
        if member_id is None and owner_id not in project.members:  # the account owner left: use an owner
            owner_id = next((m.member_id for m in project.members.values() if m.role == "owner"), owner_id)
        if owner_id not in project.members:
            raise not_found("Member")
        n = next(self._counter)
        return self.add_key(
            project,
            ApiKey(
                api_key_id=det_uuid(self.seed, project_id, "created-key", n),
                secret=det_secret(self.seed, project_id, "created-key", n),
                member_id=owner_id,
                comment=comment,
                scopes=list(dict.fromkeys(scopes)),
                tags=list(tags or []),
                created_ms=self.clock.now_ms(),
                expiration_ms=expiration_ms,
            ),
        )

    def delete_key(self, project: Project, key_id: str) -> None:
        """Remove a key; its secret stops working at once."""
        key = project.key(key_id)
        del project.keys[key_id]
        self._secrets.pop(key.secret, None)

    # members, scopes, invites ------------------------------------------------------------------

    def remove_member(self, project: Project, member_id: str) -> None:
        """Remove a member and their keys; the last owner cannot be removed."""
        member = project.member(member_id)
        owners = [m for m in project.members.values() if m.role == "owner"]
        if member.role == "owner" and len(owners) == 1:
            raise bad_body("A project must keep at least one owner.")
        for key in [k for k in project.keys.values() if k.member_id == member_id]:
            self.delete_key(project, key.api_key_id)
        del project.members[member_id]

    def set_role(self, project: Project, member_id: str, scope: str) -> None:
        """Replace a member's role; demoting the last owner is refused."""
        member = project.member(member_id)
        if scope not in ROLES:
            raise bad_body(f"Scope must be one of {', '.join(ROLES)}.")
        owners = [m for m in project.members.values() if m.role == "owner"]
        if member.role == "owner" and scope != "owner" and len(owners) == 1:
            raise bad_body("A project must keep at least one owner.")
        member.scopes = [scope]

    def invite(self, project: Project, email: str, scope: str) -> None:
        """Invite someone by e-mail (re-inviting updates the scope)."""
        if not _EMAIL.match(email):
            raise bad_body(f"'{email}' is not a valid e-mail address.")
        if scope not in ROLES:
            raise bad_body(f"Scope must be one of {', '.join(ROLES)}.")
        if any(m.email.lower() == email.lower() for m in project.members.values()):
            raise bad_body(f"{email} is already a member of this project.")
        project.invites[email.lower()] = scope

    def delete_invite(self, project: Project, email: str) -> None:
        """Withdraw an invitation, or 404."""
        if project.invites.pop(email.lower(), None) is None:
            raise not_found("Invite")

    # projects ----------------------------------------------------------------------------------

    def delete_project(self, project: Project) -> None:
        """Delete a project; its keys stop working."""
        for key in list(project.keys.values()):
            self._secrets.pop(key.secret, None)
        del self.projects[project.project_id]

    def leave(self, project: Project, principal: Principal) -> None:
        """The caller leaves a project (their keys there are deleted); the last owner may not."""
        member_id = principal.member_id or ""
        if member_id not in project.members:
            raise bad_body("You are not a member of this project.")
        self.remove_member(project, member_id)

    # models ------------------------------------------------------------------------------------

    def models(self, project: Project | None, include_outdated: bool) -> list[Model]:
        """The catalogue (public models, plus the project's own ones when a project is given)."""
        extra = project.custom_models if project else []
        return [m for m in (*MODELS, *extra) if include_outdated or not m.outdated]

    def model(self, project: Project | None, model_id: str) -> Model:
        """One model by uuid (outdated ones included), or 404."""
        for model in self.models(project, include_outdated=True):
            if model.uuid == model_id:
                return model
        raise not_found("Model")
