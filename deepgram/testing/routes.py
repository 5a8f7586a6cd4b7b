"""The 45 operations of the API definition: method, path template and handler, in one table."""

from __future__ import annotations

from . import handlers_agents as agents
from . import handlers_team as team
from . import handlers_usage as usage
from .call import Handler

P = "/v1/projects/{project_id}"
CREDENTIALS = f"{P}/self-hosted/distribution/credentials"

ROUTES: tuple[tuple[str, str, Handler], ...] = (
    ("GET", "/v1/projects", team.list_projects),
    ("GET", P, team.get_project),
    ("PATCH", P, team.update_project),
    ("DELETE", P, team.delete_project),
    ("DELETE", f"{P}/leave", team.leave_project),
    ("GET", f"{P}/keys", team.list_keys),
    ("POST", f"{P}/keys", team.create_key),
    ("GET", f"{P}/keys/{{key_id}}", team.get_key),
    ("DELETE", f"{P}/keys/{{key_id}}", team.delete_key),
    ("GET", f"{P}/members", team.list_members),
    ("DELETE", f"{P}/members/{{member_id}}", team.remove_member),
    ("GET", f"{P}/members/{{member_id}}/scopes", team.get_scopes),
    ("PUT", f"{P}/members/{{member_id}}/scopes", team.update_scopes),
    ("GET", f"{P}/invites", team.list_invites),
    ("POST", f"{P}/invites", team.send_invite),
    ("DELETE", f"{P}/invites/{{email}}", team.delete_invite),
    ("GET", f"{P}/requests", usage.list_requests),
    ("GET", f"{P}/requests/{{request_id}}", usage.get_request),
    ("GET", f"{P}/usage", usage.usage_summary),
    ("GET", f"{P}/usage/fields", usage.usage_fields),
    ("GET", f"{P}/usage/breakdown", usage.usage_breakdown),
    ("GET", f"{P}/balances", usage.list_balances),
    ("GET", f"{P}/balances/{{balance_id}}", usage.get_balance),
    ("GET", f"{P}/billing/breakdown", usage.billing_breakdown),
    ("GET", f"{P}/billing/fields", usage.billing_fields),
    ("GET", f"{P}/purchases", usage.list_purchases),
    ("GET", "/v1/models", usage.list_models),
    ("GET", "/v1/models/{model_id}", usage.get_model),
    ("GET", f"{P}/models", usage.list_project_models),
    ("GET", f"{P}/models/{{model_id}}", usage.get_project_model),
    ("GET", CREDENTIALS, agents.list_credentials),
    ("POST", CREDENTIALS, agents.create_credentials),
    ("GET", f"{CREDENTIALS}/{{distribution_credentials_id}}", agents.get_credentials),
    ("DELETE", f"{CREDENTIALS}/{{distribution_credentials_id}}", agents.delete_credentials),
    ("GET", f"{P}/agents", agents.list_agents),
    ("POST", f"{P}/agents", agents.create_agent),
    ("GET", f"{P}/agents/{{agent_id}}", agents.get_agent),
    ("PUT", f"{P}/agents/{{agent_id}}", agents.update_agent),
    ("DELETE", f"{P}/agents/{{agent_id}}", agents.delete_agent),
    ("GET", f"{P}/agent-variables", agents.list_variables),
    ("POST", f"{P}/agent-variables", agents.create_variable),
    ("GET", f"{P}/agent-variables/{{variable_id}}", agents.get_variable),
    ("PATCH", f"{P}/agent-variables/{{variable_id}}", agents.update_variable),
    ("DELETE", f"{P}/agent-variables/{{variable_id}}", agents.delete_variable),
    ("POST", "/v1/auth/grant", agents.grant_token),
)
