"""Handlers for projects, API keys, members, scopes and invites (endpoints 1-16 of the reference)."""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

from . import params
from .auth import KNOWN_SCOPES, ROLES, expand
from .call import Call, Reply, message
from .errors import ApiError, bad_body, not_found
from .state import ApiKey, Member, Project


def list_projects(call: Call) -> Reply:
    """GET /v1/projects"""
    call.principal.require("project:read")
    projects = call.state.visible_projects(call.principal)
    return {"projects": [{"project_id": p.project_id, "name": p.name} for p in projects]}


def get_project(call: Call) -> Reply:
    """GET /v1/projects/{project_id}"""
    project = call.project("project:read")
    params.number(call.query, "limit", 10, 1, 1000)
    params.number(call.query, "page", 0, 0, 2**31)
    return project.to_wire()


def update_project(call: Call) -> Reply:
    """PATCH /v1/projects/{project_id}"""
    project = call.project("project:write")
    name = params.body_string(call.body, "name", required=False)
    company = params.body_string(call.body, "company", required=False)
    if name is not None and not name.strip():
        raise bad_body("Field 'name' must not be empty.")
    mip = call.body.get("mip_opt_out")
    if mip is not None and not isinstance(mip, bool):
        raise bad_body("Field 'mip_opt_out' must be a boolean.")
    project.name = name if name is not None else project.name
    project.company = company if company is not None else project.company
    project.mip_opt_out = mip if mip is not None else project.mip_opt_out
    return message("Successfully updated project info.")


def delete_project(call: Call) -> Reply:
    """DELETE /v1/projects/{project_id}"""
    project = call.project("project:write:destroy")
    call.state.delete_project(project)
    return message("Project deleted.")


def leave_project(call: Call) -> Reply:
    """DELETE /v1/projects/{project_id}/leave"""
    project = call.project()
    call.state.leave(project, call.principal)
    return message("Successfully left project.")


# keys --------------------------------------------------------------------------------------------


def _sees_all_keys(call: Call) -> bool:
    """Holders of members/admins/owners read scopes see every key; others only their own."""
    return all(call.principal.can(p) for p in ("members:read", "admins:read", "owners:read"))


def _visible_key(call: Call, project: Project, key_id: str) -> ApiKey:
    key = project.key(key_id)
    if not _sees_all_keys(call) and key.member_id != call.principal.member_id:
        raise not_found("API key", "KEY_NOT_FOUND")
    return key


def list_keys(call: Call) -> Reply:
    """GET /v1/projects/{project_id}/keys"""
    project = call.project("keys:read")
    status = params.choice(call.query, "status", ("active", "expired"))
    now = call.state.clock.now_ms()
    entries = []
    for key in project.keys.values():
        if status is not None and key.expired(now) != (status == "expired"):
            continue
        if _sees_all_keys(call) or key.member_id == call.principal.member_id:
            member = project.members[key.member_id]
            entries.append({"member": member.to_wire(with_scopes=False), "api_key": key.to_wire()})
    return {"api_keys": entries}


def get_key(call: Call) -> Reply:
    """GET /v1/projects/{project_id}/keys/{key_id} (current: `item.member.api_key`; legacy: flat pair)"""
    project = call.project("keys:read")
    key = _visible_key(call, project, call.params["key_id"])
    member = project.members[key.member_id].to_wire(with_scopes=False)
    if call.state.shapes == "legacy":
        return {"api_key": key.to_wire(), "member": member}
    return {"item": {"member": {**member, "api_key": key.to_wire()}}}


def create_key(call: Call) -> Reply:
    """POST /v1/projects/{project_id}/keys"""
    project = call.project("keys:write")
    comment = params.body_string(call.body, "comment", required=True)
    scopes = params.body_strings(call.body, "scopes", required=True) or []
    tags = params.body_strings(call.body, "tags", required=False)
    if not scopes:
        raise bad_body("Field 'scopes' must list at least one scope.")
    unknown = [s for s in scopes if s not in KNOWN_SCOPES]
    if unknown:
        raise bad_body(f"Unknown scopes: {', '.join(unknown)}.")
    expiration_ms = _expiration(call.body, call.state.clock.now_ms())
    missing = sorted(expand(scopes) - call.principal.permissions) if not call.principal.is_admin else []
    if missing:
        raise ApiError(
            403,
            "INSUFFICIENT_PERMISSIONS",
            f"Cannot grant scopes the caller does not hold: {', '.join(missing[:5])}.",
        )
    key = call.state.create_key(
        project.project_id,
        scopes,
        member_id=None if call.principal.is_admin else call.principal.member_id,
        comment=comment or "",
        tags=tags,
        expiration_ms=expiration_ms,
    )
    return key.to_wire(with_secret=True)


def _expiration(body: dict[str, Any], now_ms: int) -> int | None:
    """Expiry from `expiration_date` or `time_to_live_in_seconds` (never both)."""
    date = body.get("expiration_date")
    ttl = body.get("time_to_live_in_seconds")
    if date is not None and ttl is not None:
        raise bad_body("Provide either 'expiration_date' or 'time_to_live_in_seconds', not both.")
    if ttl is not None:
        if isinstance(ttl, bool) or not isinstance(ttl, (int, float)) or ttl <= 0 or ttl != int(ttl):
            raise bad_body("Field 'time_to_live_in_seconds' must be a positive whole number.")
        return now_ms + int(ttl) * 1000
    if date is not None:
        try:
            when = params.parse_instant(str(date))
        except ValueError as exc:
            raise bad_body("Field 'expiration_date' must be an RFC 3339 date-time.") from exc
        expiry = int(when.timestamp() * 1000)
        if expiry <= now_ms:
            raise bad_body("Field 'expiration_date' must be in the future.")
        return expiry
    return None


def delete_key(call: Call) -> Reply:
    """DELETE /v1/projects/{project_id}/keys/{key_id}"""
    project = call.project("keys:write")
    key = _visible_key(call, project, call.params["key_id"])
    if key.member_id != call.principal.member_id:
        call.principal.require(f"{project.members[key.member_id].role}s:write")
    call.state.delete_key(project, key.api_key_id)
    return message("API key deleted.")


# members, scopes, invites ------------------------------------------------------------------------


def _member(call: Call, project: Project) -> Member:
    return project.member(call.params["member_id"])


def list_members(call: Call) -> Reply:
    """GET /v1/projects/{project_id}/members"""
    project = call.project("members:read")
    return {"members": [m.to_wire() for m in project.members.values()]}


def remove_member(call: Call) -> Reply:
    """DELETE /v1/projects/{project_id}/members/{member_id}"""
    project = call.project()
    member = _member(call, project)
    call.principal.require(f"{member.role}s:write:kick")
    call.state.remove_member(project, member.member_id)
    return message("Member removed from project.")


def get_scopes(call: Call) -> Reply:
    """GET /v1/projects/{project_id}/members/{member_id}/scopes"""
    project = call.project()
    member = _member(call, project)
    if member.member_id != call.principal.member_id:
        call.principal.require(f"{member.role}s:read:scopes")
    return {"scopes": list(member.scopes)}


def update_scopes(call: Call) -> Reply:
    """PUT /v1/projects/{project_id}/members/{member_id}/scopes"""
    project = call.project()
    member = _member(call, project)
    scope = params.body_string(call.body, "scope", required=True) or ""
    if scope not in ROLES:
        raise bad_body(f"Scope must be one of {', '.join(ROLES)}.")
    call.principal.require(f"{member.role}s:write:scopes")
    call.principal.require(f"{scope}s:write:scopes")
    call.state.set_role(project, member.member_id, scope)
    return message("Successfully updated scope.")


def list_invites(call: Call) -> Reply:
    """GET /v1/projects/{project_id}/invites"""
    project = call.project("members:read:invites")
    return {"invites": [{"email": email, "scope": scope} for email, scope in project.invites.items()]}


def send_invite(call: Call) -> Reply:
    """POST /v1/projects/{project_id}/invites"""
    project = call.project()
    email = params.body_string(call.body, "email", required=True) or ""
    scope = params.body_string(call.body, "scope", required=True) or ""
    if scope not in ROLES:
        raise bad_body(f"Scope must be one of {', '.join(ROLES)}.")
    call.principal.require(f"{scope}s:write:invites")
    call.state.invite(project, email.strip(), scope)
    return message("Invite sent.")


def delete_invite(call: Call) -> Reply:
    """DELETE /v1/projects/{project_id}/invites/{email} (the e-mail may arrive raw or as `%40`)"""
    project = call.project()
    email = unquote(call.params["email"]).lower()
    scope = project.invites.get(email)
    if scope is None:
        raise not_found("Invite")
    call.principal.require(f"{scope}s:write:invites")
    call.state.delete_invite(project, email)
    return message("Invite deleted.")
