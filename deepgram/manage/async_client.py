"""`AsyncManageClient`: every classic Manage method of the 4.x SDK, each one declared operation.

The methods live in `manage/team.py` (projects, keys, members, invitations), `manage/reports.py`
(usage, billing, models) and `manage/agents.py` (voice-agent configurations and variables); each
performs the operation named in its decorator through `Api.call`. Every method also takes the 4.x
per-call keywords `timeout=`, `addons=` (extra query parameters, e.g. `addons={"page": 2}`) and
`headers=`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from deepgram.core.raw import RawResponses
from deepgram.errors import DeepgramValueError
from deepgram.manage.agents import AgentCalls
from deepgram.manage.reports import ReportCalls
from deepgram.manage.team import TeamCalls

if TYPE_CHECKING:
    from deepgram.core.api import Api


class AsyncManageClient(TeamCalls, ReportCalls, AgentCalls):
    """The classic Manage client, async. Every method names its HTTP call; results are the same
    objects the object model returns, so `(await m.get_project(pid)).keys` works."""

    def __init__(self, api: Api) -> None:
        self._api = api

    def __repr__(self) -> str:
        return "<AsyncManageClient>"

    @property
    def with_raw_response(self) -> RawResponses:
        """The same methods, each returning a `RawResponse` (status, headers, request id, `.parse()`)."""
        return RawResponses(self)

    def v(self, version: str = "1") -> AsyncManageClient:
        """The older SDK's version selector; only "1" exists."""
        if str(version) != "1":
            raise DeepgramValueError(f"Manage API version {version!r} does not exist; use '1'")
        return self

    # The older SDK's names for the same calls.
    list_projects = TeamCalls.get_projects
    list_keys = TeamCalls.get_keys
    list_members = TeamCalls.get_members
    list_invites = TeamCalls.get_invites
    list_balances = ReportCalls.get_balances
    list_project_models = ReportCalls.get_project_models
