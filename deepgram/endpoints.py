"""The registry of all 30 Manage endpoints; each is defined once, next to the types it returns."""

from __future__ import annotations

from typing import Any

from deepgram.core.endpoint import Endpoint
from deepgram.resources import billing, invites, keys, members, models, projects, usage_endpoints

ALL: tuple[Endpoint[Any], ...] = (
    projects.LIST_PROJECTS,
    projects.GET_PROJECT,
    projects.UPDATE_PROJECT,
    projects.DELETE_PROJECT,
    projects.LEAVE_PROJECT,
    keys.LIST_KEYS,
    keys.CREATE_KEY,
    keys.GET_KEY,
    keys.DELETE_KEY,
    members.LIST_MEMBERS,
    members.REMOVE_MEMBER,
    members.GET_MEMBER_SCOPES,
    members.UPDATE_MEMBER_SCOPE,
    invites.LIST_INVITES,
    invites.SEND_INVITE,
    invites.DELETE_INVITE,
    usage_endpoints.LIST_REQUESTS,
    usage_endpoints.GET_REQUEST,
    usage_endpoints.GET_USAGE_SUMMARY,
    usage_endpoints.GET_USAGE_FIELDS,
    usage_endpoints.GET_USAGE_BREAKDOWN,
    billing.LIST_BALANCES,
    billing.GET_BALANCE,
    billing.GET_BILLING_BREAKDOWN,
    billing.GET_BILLING_FIELDS,
    billing.LIST_PURCHASES,
    models.LIST_MODELS,
    models.GET_MODEL,
    models.LIST_PROJECT_MODELS,
    models.GET_PROJECT_MODEL,
)

BY_NAME: dict[str, Endpoint[Any]] = {endpoint.name: endpoint for endpoint in ALL}
