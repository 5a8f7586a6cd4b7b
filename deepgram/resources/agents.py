"""Voice-agent configurations and agent variables, and `project.agent_configurations` /
`project.agent_variables`."""

from __future__ import annotations

import builtins
from typing import Any, ClassVar

import msgspec

from deepgram.core.blocking import blocking
from deepgram.core.operation import Operation, document
from deepgram.resources.collection import ProjectCollection
from deepgram.types.base import Listing, OpenModel, Resource, View, bind_on_read, listed
from deepgram.types.options_agents import (
    AgentConfigurationOptions,
    AgentMetadataOptions,
    AgentVariableOptions,
    AgentVariableValueOptions,
)


class Deleted(OpenModel):
    """What a voice-agent delete answers: an object the API leaves free-form (every key is kept;
    `message` reads the confirmation when there is one)."""

    message = View[str](str, "The confirmation text, when the API sends one.")


class AgentConfiguration(Resource):
    """A stored agent configuration: `config` (the `agent` block of a Settings message, as stored,
    placeholders not substituted) and string labels in `metadata`. `update(metadata)` replaces the
    labels; the configuration itself cannot change (delete it and create another)."""

    agent_id: str = ""
    config: dict[str, Any] = msgspec.field(default_factory=dict)
    metadata: dict[str, str] | None = None
    created_at: str | None = None
    updated_at: str | None = None
    __identity__: ClassVar[str] = "agent_id"

    def _collection(self) -> AgentConfigurations:
        return AgentConfigurations(self._bound_api(), self._bound_project_id())

    async def aupdate(self, metadata: dict[str, str]) -> AgentConfiguration:
        """Replace the labels; this object is updated too."""
        fresh = await self._collection().aupdate(self.agent_id, metadata)
        self.metadata, self.updated_at = fresh.metadata, fresh.updated_at
        return self

    async def adelete(self) -> Deleted:
        """Delete this configuration: sessions still naming its `agent_id` will fail."""
        return await self._collection().adelete(self.agent_id)

    update = blocking(aupdate)
    delete = blocking(adelete)


class AgentConfigurationsResponse(Listing):
    """GET /v1/projects/{project_id}/agents."""

    agents: builtins.list[AgentConfiguration] = []


class AgentVariable(Resource):
    """A template variable: `key` (`DG_<NAME>`) and `value` (any JSON value), which stands in for
    `{{key}}` in agent configurations. `update(value)` sets a new value."""

    variable_id: str = ""
    key: str = ""
    value: Any = None
    created_at: str | None = None
    updated_at: str | None = None
    __identity__: ClassVar[str] = "variable_id"

    def _collection(self) -> AgentVariables:
        return AgentVariables(self._bound_api(), self._bound_project_id())

    async def aupdate(self, value: Any) -> AgentVariable:
        """Set a new value; this object is updated too."""
        fresh = await self._collection().aupdate(self.variable_id, value)
        self.value, self.updated_at = fresh.value, fresh.updated_at
        return self

    async def adelete(self) -> Deleted:
        """Delete this variable."""
        return await self._collection().adelete(self.variable_id)

    update = blocking(aupdate)
    delete = blocking(adelete)


class AgentVariablesResponse(Listing):
    """GET /v1/projects/{project_id}/agent-variables."""

    variables: builtins.list[AgentVariable] = []


_AGENTS = "/v1/projects/{project_id}/agents"
_VARIABLES = "/v1/projects/{project_id}/agent-variables"

LIST_AGENTS = Operation[AgentConfigurationsResponse](
    "get_agent_configurations", "GET", _AGENTS, AgentConfigurationsResponse,
    "the project's voice-agent configurations",
)
CREATE_AGENT = Operation[AgentConfiguration](
    "create_agent_configuration", "POST", _AGENTS, AgentConfiguration,
    "store a voice-agent configuration (`config`: the Settings message's `agent` block)",
    options=AgentConfigurationOptions, body=True,
)
GET_AGENT = Operation[AgentConfiguration](
    "get_agent_configuration", "GET", _AGENTS + "/{agent_id}", AgentConfiguration,
    "one voice-agent configuration",
)
UPDATE_AGENT = Operation[AgentConfiguration](
    "update_agent_configuration", "PUT", _AGENTS + "/{agent_id}", AgentConfiguration,
    "replace a configuration's metadata",
    options=AgentMetadataOptions, body=True,
)
DELETE_AGENT = Operation[Deleted](
    "delete_agent_configuration", "DELETE", _AGENTS + "/{agent_id}", Deleted,
    "delete a voice-agent configuration",
)
LIST_VARIABLES = Operation[AgentVariablesResponse](
    "get_agent_variables", "GET", _VARIABLES, AgentVariablesResponse, "the project's agent variables",
)
CREATE_VARIABLE = Operation[AgentVariable](
    "create_agent_variable", "POST", _VARIABLES, AgentVariable,
    "create an agent variable (`key` DG_<NAME>, any JSON `value`)",
    options=AgentVariableOptions, body=True,
)
GET_VARIABLE = Operation[AgentVariable](
    "get_agent_variable", "GET", _VARIABLES + "/{variable_id}", AgentVariable, "one agent variable",
)
UPDATE_VARIABLE = Operation[AgentVariable](
    "update_agent_variable", "PATCH", _VARIABLES + "/{variable_id}", AgentVariable,
    "set an agent variable's value",
    options=AgentVariableValueOptions, body=True,
)
DELETE_VARIABLE = Operation[Deleted](
    "delete_agent_variable", "DELETE", _VARIABLES + "/{variable_id}", Deleted, "delete an agent variable",
)


class AgentConfigurations(ProjectCollection):
    """`project.agent_configurations`: list, create, get, update (metadata) and delete."""

    @LIST_AGENTS.documents
    async def alist(self) -> builtins.list[AgentConfiguration]:
        response = await self._api.call(LIST_AGENTS, self.project_id)
        return listed(response, response.agents)

    @CREATE_AGENT.documents
    async def acreate(
        self, /, config: str | dict[str, Any], metadata: dict[str, str] | None = None, *,
        api_version: int | None = None,
    ) -> AgentConfiguration:
        """`config`: JSON text, or a dict (encoded for you)."""
        return await self._api.call(
            CREATE_AGENT, self.project_id, config=config, metadata=metadata, api_version=api_version
        )

    @GET_AGENT.documents
    async def aget(self, agent_id: str) -> AgentConfiguration:
        return await self._api.call(GET_AGENT, self.project_id, agent_id)

    @UPDATE_AGENT.documents
    async def aupdate(self, agent_id: str, metadata: dict[str, str]) -> AgentConfiguration:
        return await self._api.call(UPDATE_AGENT, self.project_id, agent_id, metadata=metadata)

    @DELETE_AGENT.documents
    async def adelete(self, agent_id: str) -> Deleted:
        return await self._api.call(DELETE_AGENT, self.project_id, agent_id)

    list = blocking(alist)
    create = blocking(acreate)
    get = blocking(aget)
    update = blocking(aupdate)
    delete = blocking(adelete)


class AgentVariables(ProjectCollection):
    """`project.agent_variables`: list, create, get, update (value) and delete."""

    @LIST_VARIABLES.documents
    async def alist(self) -> builtins.list[AgentVariable]:
        response = await self._api.call(LIST_VARIABLES, self.project_id)
        return listed(response, response.variables)

    @CREATE_VARIABLE.documents
    async def acreate(self, /, key: str, value: Any, *, api_version: int | None = None) -> AgentVariable:
        """`key`: `DG_<NAME>`; `value`: any JSON value."""
        return await self._api.call(
            CREATE_VARIABLE, self.project_id, key=key, value=value, api_version=api_version
        )

    @GET_VARIABLE.documents
    async def aget(self, variable_id: str) -> AgentVariable:
        return await self._api.call(GET_VARIABLE, self.project_id, variable_id)

    @UPDATE_VARIABLE.documents
    async def aupdate(self, variable_id: str, value: Any) -> AgentVariable:
        return await self._api.call(UPDATE_VARIABLE, self.project_id, variable_id, value=value)

    @DELETE_VARIABLE.documents
    async def adelete(self, variable_id: str) -> Deleted:
        return await self._api.call(DELETE_VARIABLE, self.project_id, variable_id)

    list = blocking(alist)
    create = blocking(acreate)
    get = blocking(aget)
    update = blocking(aupdate)
    delete = blocking(adelete)


document(AgentConfiguration, aupdate=UPDATE_AGENT, adelete=DELETE_AGENT)
document(AgentVariable, aupdate=UPDATE_VARIABLE, adelete=DELETE_VARIABLE)
bind_on_read(AgentConfigurationsResponse, "agents")
bind_on_read(AgentVariablesResponse, "variables")
