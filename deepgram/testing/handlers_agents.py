"""Handlers for self-hosted distribution credentials, voice-agent configurations and variables, and
temporary tokens (operations 31-45 of the API definition)."""

from __future__ import annotations

import re
from typing import Any

import msgspec

from . import params
from .agents import CREDENTIAL_SCOPES, PROVIDERS, AgentConfiguration, AgentVariable, DistributionCredential
from .call import Call, Reply, message
from .errors import bad_body, bad_query
from .grants import DEFAULT_TTL
from .state import Project

_VARIABLE_KEY = re.compile(r"^DG_[A-Z0-9_]+$")


def _member_of(call: Call, project: Project) -> tuple[str, str]:
    """The caller's member id and e-mail (the emulator's admin key acts as the account owner)."""
    member_id = call.principal.member_id or call.state.owner.member_id
    member = project.members.get(member_id)
    return member_id, member.email if member is not None else call.state.owner.email


# self-hosted distribution credentials ------------------------------------------------------------


def list_credentials(call: Call) -> Reply:
    """GET /v1/projects/{project_id}/self-hosted/distribution/credentials"""
    project = call.project("project:read")
    return {"distribution_credentials": [c.to_wire() for c in project.credentials.values()]}


def create_credentials(call: Call) -> Reply:
    """POST .../self-hosted/distribution/credentials (scopes, provider: query; comment: body)"""
    project = call.project("project:write")
    scopes = [s for value in call.query_all("scopes") for s in value.split(",") if s]
    unknown = [s for s in scopes if s not in CREDENTIAL_SCOPES]
    if unknown:
        allowed = ", ".join(CREDENTIAL_SCOPES)
        raise bad_query("scopes", f"unknown scopes {', '.join(unknown)}; allowed: {allowed}")
    provider = params.choice(call.query, "provider", PROVIDERS) or PROVIDERS[0]
    comment = params.body_string(call.body, "comment", required=False)
    member_id, email = _member_of(call, project)
    credential = DistributionCredential(
        credential_id=call.state.new_id(project.project_id, "credentials"),
        member_id=member_id,
        email=email,
        provider=provider,
        scopes=list(dict.fromkeys(scopes)) or [CREDENTIAL_SCOPES[0]],
        created_ms=call.state.clock.now_ms(),
        comment=comment,
    )
    project.credentials[credential.credential_id] = credential
    return credential.to_wire()


def get_credentials(call: Call) -> Reply:
    """GET .../self-hosted/distribution/credentials/{distribution_credentials_id}"""
    project = call.project("project:read")
    return project.credential(call.params["distribution_credentials_id"]).to_wire()


def delete_credentials(call: Call) -> Reply:
    """DELETE .../self-hosted/distribution/credentials/{distribution_credentials_id}: answers with the set"""
    project = call.project("project:write")
    credential = project.credential(call.params["distribution_credentials_id"])
    del project.credentials[credential.credential_id]
    return credential.to_wire()


# voice-agent configurations ----------------------------------------------------------------------


def _api_version(body: dict[str, Any]) -> None:
    version = body.get("api_version")
    if version is not None and (isinstance(version, bool) or version != 1):
        raise bad_body("Field 'api_version' must be 1.")


def _metadata(body: dict[str, Any], *, required: bool) -> dict[str, str] | None:
    value = body.get("metadata")
    if value is None:
        if required:
            raise bad_body("Missing required field 'metadata'.")
        return None
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise bad_body("Field 'metadata' must be an object of string values.")
    return dict(value)


def list_agents(call: Call) -> Reply:
    """GET /v1/projects/{project_id}/agents"""
    project = call.project("project:read")
    return {"agents": [a.to_wire() for a in project.agents.values()]}


def create_agent(call: Call) -> Reply:
    """POST /v1/projects/{project_id}/agents (`config` is JSON text of a Settings message's `agent` block)"""
    project = call.project("project:write")
    text = params.body_string(call.body, "config", required=True) or ""
    try:
        config = msgspec.json.decode(text)
    except msgspec.DecodeError as exc:
        raise bad_body(f"Field 'config' must be a JSON string: {exc}") from exc
    if not isinstance(config, dict):
        raise bad_body("Field 'config' must hold a JSON object.")
    _api_version(call.body)
    now = call.state.clock.now_ms()
    agent = AgentConfiguration(
        agent_id=call.state.new_id(project.project_id, "agent"),
        config=config,
        created_ms=now,
        updated_ms=now,
        metadata=_metadata(call.body, required=False) or {},
    )
    project.agents[agent.agent_id] = agent
    return agent.to_wire(created=True)


def get_agent(call: Call) -> Reply:
    """GET /v1/projects/{project_id}/agents/{agent_id}"""
    return call.project("project:read").agent(call.params["agent_id"]).to_wire()


def update_agent(call: Call) -> Reply:
    """PUT /v1/projects/{project_id}/agents/{agent_id} (replaces the metadata; the config cannot change)"""
    agent = call.project("project:write").agent(call.params["agent_id"])
    agent.metadata = _metadata(call.body, required=True) or {}
    agent.updated_ms = call.state.clock.now_ms()
    return agent.to_wire()


def delete_agent(call: Call) -> Reply:
    """DELETE /v1/projects/{project_id}/agents/{agent_id}"""
    project = call.project("project:write")
    del project.agents[project.agent(call.params["agent_id"]).agent_id]
    return message("Agent configuration deleted.")


# agent variables ---------------------------------------------------------------------------------


def list_variables(call: Call) -> Reply:
    """GET /v1/projects/{project_id}/agent-variables"""
    project = call.project("project:read")
    return {"variables": [v.to_wire() for v in project.variables.values()]}


def create_variable(call: Call) -> Reply:
    """POST /v1/projects/{project_id}/agent-variables"""
    project = call.project("project:write")
    key = params.body_string(call.body, "key", required=True) or ""
    if not _VARIABLE_KEY.match(key):
        raise bad_body("Field 'key' must look like DG_<VARIABLE_NAME> (capitals, digits, underscores).")
    if "value" not in call.body:
        raise bad_body("Missing required field 'value'.")
    if any(v.key == key for v in project.variables.values()):
        raise bad_body(f"A variable named {key} already exists.")
    _api_version(call.body)
    now = call.state.clock.now_ms()
    variable_id = call.state.new_id(project.project_id, "variable")
    variable = AgentVariable(variable_id, key, call.body["value"], now, now)
    project.variables[variable.variable_id] = variable
    return variable.to_wire()


def get_variable(call: Call) -> Reply:
    """GET /v1/projects/{project_id}/agent-variables/{variable_id}"""
    return call.project("project:read").variable(call.params["variable_id"]).to_wire()


def update_variable(call: Call) -> Reply:
    """PATCH /v1/projects/{project_id}/agent-variables/{variable_id}"""
    variable = call.project("project:write").variable(call.params["variable_id"])
    if "value" not in call.body:
        raise bad_body("Missing required field 'value'.")
    variable.value = call.body["value"]
    variable.updated_ms = call.state.clock.now_ms()
    return variable.to_wire()


def delete_variable(call: Call) -> Reply:
    """DELETE /v1/projects/{project_id}/agent-variables/{variable_id}"""
    project = call.project("project:write")
    del project.variables[project.variable(call.params["variable_id"]).variable_id]
    return message("Agent variable deleted.")


# temporary tokens --------------------------------------------------------------------------------


def grant_token(call: Call) -> Reply:
    """POST /v1/auth/grant: a JWT living `ttl_seconds` (30 by default); needs Member or higher."""
    call.principal.require("usage:write")
    ttl = call.body.get("ttl_seconds", DEFAULT_TTL)
    if isinstance(ttl, bool) or not isinstance(ttl, (int, float)) or not ttl > 0:
        raise bad_body("Field 'ttl_seconds' must be a positive number of seconds.")
    token, expires_in = call.state.grants.issue(call.principal.member_id or call.state.owner.member_id, ttl)
    return {"access_token": token, "expires_in": expires_in}
