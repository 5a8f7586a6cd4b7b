"""The classic voice-agent methods of `client.manage`: agent configurations and agent variables.

`AsyncManageClient`'s third part, next to `team.py` and `reports.py`; every method performs the
operation named in its decorator through `Api.call`, with the 4.x per-call keywords.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from deepgram.core.request_options import Addons, Headers, PerCall, RequestOptions, Timeout
from deepgram.resources.agents import (
    CREATE_AGENT,
    CREATE_VARIABLE,
    DELETE_AGENT,
    DELETE_VARIABLE,
    GET_AGENT,
    GET_VARIABLE,
    LIST_AGENTS,
    LIST_VARIABLES,
    UPDATE_AGENT,
    UPDATE_VARIABLE,
    AgentConfiguration,
    AgentConfigurationsResponse,
    AgentVariable,
    AgentVariablesResponse,
    Deleted,
)
from deepgram.types.options_agents import (
    AgentConfigurationOptions,
    AgentMetadataOptions,
    AgentVariableOptions,
    AgentVariableValueOptions,
)

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from deepgram.core.api import Api

per_call = RequestOptions.of


class AgentCalls:
    """Voice-agent configurations (`/agents`) and variables (`/agent-variables`) of a project."""

    _api: Api

    # Agent configurations

    @LIST_AGENTS.documents
    async def get_agent_configurations(
        self, project_id: str, **call: Unpack[PerCall]
    ) -> AgentConfigurationsResponse:
        return await self._api.call(LIST_AGENTS, project_id, request_options=per_call(**call))

    @GET_AGENT.documents
    async def get_agent_configuration(
        self, project_id: str, agent_id: str, **call: Unpack[PerCall]
    ) -> AgentConfiguration:
        return await self._api.call(GET_AGENT, project_id, agent_id, request_options=per_call(**call))

    @CREATE_AGENT.documents
    async def create_agent_configuration(
        self, /, project_id: str, options: AgentConfigurationOptions | Mapping[str, Any] | None = None, *,
        timeout: Timeout = None, addons: Addons = None, headers: Headers = None, **fields: Any,
    ) -> AgentConfiguration:
        """`config`: JSON text of the `agent` block of a Settings message (a dict is encoded);
        `metadata`: string labels. Never retried once it may have reached the server."""
        request = per_call(timeout, addons, headers)
        return await self._api.call(
            CREATE_AGENT, project_id, options=options, request_options=request, **fields
        )

    @UPDATE_AGENT.documents
    async def update_agent_configuration(
        self, /, project_id: str, agent_id: str,
        options: AgentMetadataOptions | Mapping[str, Any] | None = None, *,
        timeout: Timeout = None, addons: Addons = None, headers: Headers = None, **fields: Any,
    ) -> AgentConfiguration:
        """`metadata` replaces the labels; the configuration itself cannot change."""
        request = per_call(timeout, addons, headers)
        return await self._api.call(
            UPDATE_AGENT, project_id, agent_id, options=options, request_options=request, **fields
        )

    @DELETE_AGENT.documents
    async def delete_agent_configuration(
        self, project_id: str, agent_id: str, **call: Unpack[PerCall]
    ) -> Deleted:
        return await self._api.call(DELETE_AGENT, project_id, agent_id, request_options=per_call(**call))

    # Agent variables

    @LIST_VARIABLES.documents
    async def get_agent_variables(self, project_id: str, **call: Unpack[PerCall]) -> AgentVariablesResponse:
        return await self._api.call(LIST_VARIABLES, project_id, request_options=per_call(**call))

    @GET_VARIABLE.documents
    async def get_agent_variable(
        self, project_id: str, variable_id: str, **call: Unpack[PerCall]
    ) -> AgentVariable:
        return await self._api.call(GET_VARIABLE, project_id, variable_id, request_options=per_call(**call))

    @CREATE_VARIABLE.documents
    async def create_agent_variable(
        self, /, project_id: str, options: AgentVariableOptions | Mapping[str, Any] | None = None, *,
        timeout: Timeout = None, addons: Addons = None, headers: Headers = None, **fields: Any,
    ) -> AgentVariable:
        """`key`: `DG_<NAME>`; `value`: any JSON value. Never retried once it may have reached the server."""
        request = per_call(timeout, addons, headers)
        return await self._api.call(
            CREATE_VARIABLE, project_id, options=options, request_options=request, **fields
        )

    @UPDATE_VARIABLE.documents
    async def update_agent_variable(
        self, /, project_id: str, variable_id: str,
        options: AgentVariableValueOptions | Mapping[str, Any] | None = None, *,
        timeout: Timeout = None, addons: Addons = None, headers: Headers = None, **fields: Any,
    ) -> AgentVariable:
        """`value`: the new value (any JSON value)."""
        request = per_call(timeout, addons, headers)
        return await self._api.call(
            UPDATE_VARIABLE, project_id, variable_id, options=options, request_options=request, **fields
        )

    @DELETE_VARIABLE.documents
    async def delete_agent_variable(
        self, project_id: str, variable_id: str, **call: Unpack[PerCall]
    ) -> Deleted:
        request = per_call(**call)
        return await self._api.call(DELETE_VARIABLE, project_id, variable_id, request_options=request)
