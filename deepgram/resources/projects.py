"""Projects: the `Project` object (also a no-request handle), its collections, and `client.projects`."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from deepgram.core.blocking import blocking
from deepgram.core.operation import Operation, document
from deepgram.errors import DeepgramValueError
from deepgram.resources.agents import AgentConfigurations, AgentVariables
from deepgram.resources.billing import Balances, Billing, Purchases
from deepgram.resources.collection import Collection
from deepgram.resources.common import Message
from deepgram.resources.invites import Invites
from deepgram.resources.keys import Keys
from deepgram.resources.members import Members
from deepgram.resources.models import Models
from deepgram.resources.selfhosted import DistributionCredentialsCollection
from deepgram.resources.usage import Usage
from deepgram.types.base import Listing, Resource, bind_on_read, listed
from deepgram.types.options import ProjectGetOptions, ProjectOptions

if TYPE_CHECKING:
    from deepgram.core.api import Api


class Project(Resource, gc=False):
    """A project. Its collections (`keys`, `members`, `invites`, `usage`, `balances`, `purchases`,
    `billing`, `models`) make no request until one of their methods is called."""

    # gc=False (msgspec allocates it untracked, faster): its fields are scalars and its binding
    # points at the client, which never points back, so a project cannot be part of a cycle.

    project_id: str = ""
    name: str | None = None
    company: str | None = None
    created: str | None = None
    updated: str | None = None
    mip_opt_out: bool | None = None
    __identity__: ClassVar[str] = "project_id"

    def _project_of(self) -> str | None:
        return self.project_id or super()._project_of()

    def _scope(self) -> tuple[Api, str]:
        return self._bound_api(), self._bound_project_id()

    @property
    def distribution_credentials(self) -> DistributionCredentialsCollection:
        """The project's self-hosted distribution credentials."""
        return DistributionCredentialsCollection(*self._scope())

    @property
    def agent_configurations(self) -> AgentConfigurations:
        """The project's stored voice-agent configurations."""
        return AgentConfigurations(*self._scope())

    @property
    def agent_variables(self) -> AgentVariables:
        """The project's voice-agent template variables."""
        return AgentVariables(*self._scope())

    @property
    def keys(self) -> Keys:
        """The project's API keys."""
        return Keys(*self._scope())

    @property
    def members(self) -> Members:
        """The project's members."""
        return Members(*self._scope())

    @property
    def invites(self) -> Invites:
        """The project's pending invitations."""
        return Invites(*self._scope())

    @property
    def usage(self) -> Usage:
        """The project's request log and usage reports."""
        return Usage(*self._scope())

    @property
    def balances(self) -> Balances:
        """The project's balances."""
        return Balances(*self._scope())

    @property
    def purchases(self) -> Purchases:
        """The project's orders."""
        return Purchases(*self._scope())

    @property
    def billing(self) -> Billing:
        """The project's billing breakdown and fields."""
        return Billing(*self._scope())

    @property
    def models(self) -> Models:
        """The models this project may use."""
        return Models(*self._scope())

    async def arefresh(self) -> Project:
        """Reload this project's fields (`client.projects.get`) into this object and return it."""
        fresh = await Projects(self._bound_api()).aget(self.project_id)
        for name in self.__struct_fields__:
            setattr(self, name, getattr(fresh, name))
        return self

    async def aupdate(self, *, name: str | None = None, company: str | None = None) -> Project:
        """Change the fields given (`client.projects.update`), then reload this object."""
        await Projects(self._bound_api()).aupdate(self.project_id, name=name, company=company)
        return await self.arefresh()

    async def adelete(self) -> Message:
        """Delete this project (`client.projects.delete`); irreversible."""
        return await Projects(self._bound_api()).adelete(self.project_id)

    async def aleave(self) -> Message:
        """Remove the calling account from this project (`client.projects.leave`)."""
        return await Projects(self._bound_api()).aleave(self.project_id)

    refresh = blocking(arefresh)
    update = blocking(aupdate)
    delete = blocking(adelete)
    leave = blocking(aleave)


class ProjectsResponse(Listing, gc=False):
    """GET /v1/projects."""

    # gc=False: it holds a list of projects, none of which can lead back to it (see `Project`).

    projects: builtins.list[Project]


LIST_PROJECTS = Operation[ProjectsResponse](
    "get_projects",
    "GET",
    "/v1/projects",
    ProjectsResponse,
    "the projects the credentials can see",
)
GET_PROJECT = Operation[Project](
    "get_project", "GET", "/v1/projects/{project_id}", Project, "one project", options=ProjectGetOptions
)
UPDATE_PROJECT = Operation[Message](
    "update_project",
    "PATCH",
    "/v1/projects/{project_id}",
    Message,
    "change a project's name or company (only the fields given are sent)",
    options=ProjectOptions,
    body=True,
)
DELETE_PROJECT = Operation[Message](
    "delete_project", "DELETE", "/v1/projects/{project_id}", Message, "delete a project (irreversible)"
)
LEAVE_PROJECT = Operation[Message](
    "leave_project",
    "DELETE",
    "/v1/projects/{project_id}/leave",
    Message,
    "remove the calling account from a project",
)


class Projects(Collection):
    """`client.projects`: list and fetch projects; `client.project(id)` gives a handle without a request."""

    def __repr__(self) -> str:
        return "<Projects>"

    def handle(self, project_id: str) -> Project:
        """A `Project` holding only its id, for navigation; `refresh()` loads it. No request."""
        if not isinstance(project_id, str) or not project_id.strip():
            raise DeepgramValueError(f"project_id must be a non-empty string, got {project_id!r}")
        project = Project(project_id=project_id)
        project._attach(self._api, project_id)
        return project

    @LIST_PROJECTS.documents
    async def alist(self) -> builtins.list[Project]:
        response = await self._api.call(LIST_PROJECTS)
        return listed(response, response.projects)

    @GET_PROJECT.documents
    async def aget(
        self, project_id: str, *, limit: float | None = None, page: float | None = None
    ) -> Project:
        """`limit`/`page`: taken because the definition lists them; a project is one object."""
        return await self._api.call(GET_PROJECT, project_id, limit=limit, page=page)

    @UPDATE_PROJECT.documents
    async def aupdate(
        self, /, project_id: str, options: ProjectOptions | Mapping[str, Any] | None = None, **fields: Any
    ) -> Message:
        """At least one of `name`, `company`."""
        return await self._api.call(UPDATE_PROJECT, project_id, options=options, **fields)

    @DELETE_PROJECT.documents
    async def adelete(self, project_id: str) -> Message:
        return await self._api.call(DELETE_PROJECT, project_id)

    @LEAVE_PROJECT.documents
    async def aleave(self, project_id: str) -> Message:
        return await self._api.call(LEAVE_PROJECT, project_id)

    list = blocking(alist)
    get = blocking(aget)
    update = blocking(aupdate)
    delete = blocking(adelete)
    leave = blocking(aleave)


document(Project, arefresh=GET_PROJECT, aupdate=UPDATE_PROJECT, adelete=DELETE_PROJECT, aleave=LEAVE_PROJECT)


bind_on_read(ProjectsResponse, "projects")
