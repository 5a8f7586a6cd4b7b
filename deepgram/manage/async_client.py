"""`AsyncManageClient`: every classic Manage method of the seed and the older SDK, implemented once."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from deepgram.core.overrides import accepting_overrides
from deepgram.errors import DeepgramTypeError, DeepgramValueError
from deepgram.resources import billing, invites, keys, members, models, projects
from deepgram.resources import usage_endpoints as usage
from deepgram.resources.billing import (
    Balance,
    BalancesResponse,
    BillingBreakdownResponse,
    BillingFieldsResponse,
    PurchasesResponse,
)
from deepgram.resources.common import Message
from deepgram.resources.invites import InvitesResponse
from deepgram.resources.keys import KeyResponse, KeysResponse
from deepgram.resources.members import MembersResponse, ScopesResponse
from deepgram.resources.models import ModelResponse, ModelsResponse
from deepgram.resources.projects import Project, ProjectsResponse
from deepgram.resources.usage import fetch_fields, fetch_summary
from deepgram.resources.usage_types import (
    UsageBreakdownResponse,
    UsageFieldsResponse,
    UsageRequest,
    UsageRequestsResponse,
    UsageResponse,
    UsageSummaryResponse,
)
from deepgram.types.options import (
    BillingBreakdownOptions,
    BillingFieldsOptions,
    InviteOptions,
    KeyListOptions,
    KeyOptions,
    ModelOptions,
    ProjectOptions,
    PurchasesOptions,
    ScopeOptions,
    UsageBreakdownOptions,
    UsageFieldsOptions,
    UsageRequestOptions,
    UsageSummaryOptions,
)
from deepgram.types.options_base import Options

if TYPE_CHECKING:
    from deepgram.core.api import Api

Opts = Options | dict[str, Any] | None


def _pid(project_id: str) -> dict[str, str]:
    return {"project_id": project_id}


class AsyncManageClient:
    """The classic Manage client, async. Every method names its HTTP call; results are the same
    objects the object model returns, so `(await m.get_project(pid)).keys` works."""

    def __init__(self, api: Api) -> None:
        self._api = api

    def __repr__(self) -> str:
        return "<AsyncManageClient>"

    def v(self, version: str = "1") -> AsyncManageClient:
        """The older SDK's version selector; only "1" exists."""
        if str(version) != "1":
            raise DeepgramValueError(f"Manage API version {version!r} does not exist; use '1'")
        return self

    # Projects

    async def get_projects(self) -> ProjectsResponse:
        """GET /v1/projects."""
        return await self._api.call(projects.LIST_PROJECTS)

    async def list_projects(self) -> ProjectsResponse:
        """Alias of `get_projects`."""
        return await self.get_projects()

    async def get_project(self, project_id: str) -> Project:
        """GET /v1/projects/{project_id}."""
        return await self._api.call(projects.GET_PROJECT, _pid(project_id))

    async def update_project(
        self, /, project_id: str, options: ProjectOptions | dict[str, Any] | str | None = None, **fields: Any
    ) -> Message:
        """PATCH /v1/projects/{project_id}. `options`: a `ProjectOptions`/dict, or (older SDK) the name."""
        if isinstance(options, str):
            options, fields = None, {"name": options, **fields}
        return await projects.Projects(self._api).aupdate(
            project_id, ProjectOptions.coerce(options, **fields)
        )

    async def update_project_option(
        self, project_id: str, options: ProjectOptions | dict[str, Any]
    ) -> Message:
        """PATCH /v1/projects/{project_id} with a `ProjectOptions` (the older SDK's name)."""
        return await self.update_project(project_id, options)

    async def delete_project(self, project_id: str) -> Message:
        """DELETE /v1/projects/{project_id}."""
        return await self._api.call(projects.DELETE_PROJECT, _pid(project_id))

    async def leave_project(self, project_id: str) -> Message:
        """DELETE /v1/projects/{project_id}/leave: remove the calling account from the project.

        A project must keep an owner: the emulator answers 400 (`BadRequestError`) to its last one.
        """
        return await self._api.call(projects.LEAVE_PROJECT, _pid(project_id))

    # API keys

    async def get_keys(self, /, project_id: str, options: Opts = None, **filters: Any) -> KeysResponse:
        """GET /v1/projects/{project_id}/keys (optionally `status="active"|"expired"`)."""
        query = KeyListOptions.coerce(options, **filters) if options is not None or filters else None
        return await self._api.call(keys.LIST_KEYS, _pid(project_id), query)

    async def list_keys(self, /, project_id: str, options: Opts = None, **filters: Any) -> KeysResponse:
        """Alias of `get_keys`."""
        return await self.get_keys(project_id, options, **filters)

    async def get_key(self, project_id: str, key_id: str) -> KeyResponse:
        """GET /v1/projects/{project_id}/keys/{key_id}: `.api_key` and its owner `.member`."""
        return await self._api.call(keys.GET_KEY, {"project_id": project_id, "key_id": key_id})

    async def create_key(self, /, project_id: str, options: Opts = None, **fields: Any) -> KeyResponse:
        """POST /v1/projects/{project_id}/keys; `.api_key.key` is the secret, shown only now.

        Raises `DeepgramValueError` before sending when no scope is given or both a TTL and an
        expiration date are; `BadRequestError` for a scope the API does not know. Never retried once
        it may have reached the server, so a failure cannot leave a duplicate key.
        """
        return await self._api.call(keys.CREATE_KEY, _pid(project_id), KeyOptions.coerce(options, **fields))

    async def delete_key(self, project_id: str, key_id: str) -> Message:
        """DELETE /v1/projects/{project_id}/keys/{key_id}."""
        return await self._api.call(keys.DELETE_KEY, {"project_id": project_id, "key_id": key_id})

    # Members and scopes

    async def get_members(self, project_id: str) -> MembersResponse:
        """GET /v1/projects/{project_id}/members."""
        return await self._api.call(members.LIST_MEMBERS, _pid(project_id))

    async def list_members(self, project_id: str) -> MembersResponse:
        """Alias of `get_members`."""
        return await self.get_members(project_id)

    async def remove_member(self, project_id: str, member_id: str) -> Message:
        """DELETE /v1/projects/{project_id}/members/{member_id}."""
        return await self._api.call(members.REMOVE_MEMBER, {"project_id": project_id, "member_id": member_id})

    async def get_member_scopes(self, project_id: str, member_id: str) -> ScopesResponse:
        """GET /v1/projects/{project_id}/members/{member_id}/scopes."""
        return await self._api.call(
            members.GET_MEMBER_SCOPES, {"project_id": project_id, "member_id": member_id}
        )

    async def update_member_scope(
        self,
        /,
        project_id: str,
        member_id: str,
        options: ScopeOptions | dict[str, Any] | str | None = None,
        **fields: Any,
    ) -> Message:
        """PUT /v1/projects/{project_id}/members/{member_id}/scopes; `options` may be the scope itself.

        Raises `BadRequestError` when the scope is not a role the API accepts (owner, admin, member).
        """
        if isinstance(options, str):
            options, fields = None, {"scope": options, **fields}
        return await self._api.call(
            members.UPDATE_MEMBER_SCOPE,
            {"project_id": project_id, "member_id": member_id},
            ScopeOptions.coerce(options, **fields),
        )

    # Invitations

    async def get_invites(self, project_id: str) -> InvitesResponse:
        """GET /v1/projects/{project_id}/invites."""
        return await self._api.call(invites.LIST_INVITES, _pid(project_id))

    async def list_invites(self, project_id: str) -> InvitesResponse:
        """Alias of `get_invites`."""
        return await self.get_invites(project_id)

    async def send_invite(
        self,
        /,
        project_id: str,
        options: InviteOptions | dict[str, Any] | str | None = None,
        scope: str | None = None,
        **fields: Any,
    ) -> Message:
        """POST /v1/projects/{project_id}/invites: `send_invite(pid, InviteOptions(...))` or, as the
        older SDK, `send_invite(pid, email, scope="member")`.

        Raises `DeepgramValueError` before sending for an address that is not an e-mail, and
        `BadRequestError` when the scope is not one of owner, admin, member. Not retried once it
        may have reached the server.
        """
        if isinstance(options, str):
            options, fields = None, {"email": options, **fields}
        if scope is not None:
            fields["scope"] = scope
        return await self._api.call(
            invites.SEND_INVITE, _pid(project_id), InviteOptions.coerce(options, **fields)
        )

    async def send_invite_options(self, project_id: str, options: InviteOptions | dict[str, Any]) -> Message:
        """POST /v1/projects/{project_id}/invites with an `InviteOptions` (the older SDK's name)."""
        return await self.send_invite(project_id, options)

    async def delete_invite(self, project_id: str, email: str) -> Message:
        """DELETE /v1/projects/{project_id}/invites/{email}."""
        return await self._api.call(invites.DELETE_INVITE, {"project_id": project_id, "email": email})

    # Usage

    async def get_usage(
        self, /, project_id: str, options: Opts = None, *, totals: bool = True, **filters: Any
    ) -> UsageResponse:
        """GET /v1/projects/{project_id}/usage. Takes `UsageSummaryOptions` or, as the seed shows,
        `UsageRequestOptions` (its window is used; `limit` and the like do not apply here)."""
        result = await self.get_usage_summary(project_id, options, totals=totals, **filters)
        assert isinstance(result, UsageResponse)
        return result

    async def get_usage_request(self, project_id: str, request_id: str) -> UsageRequest:
        """GET /v1/projects/{project_id}/requests/{request_id} (flat or wrapped shape)."""
        return await self._api.call(usage.GET_REQUEST, {"project_id": project_id, "request_id": request_id})

    async def get_usage_requests(
        self, /, project_id: str, options: Opts = None, **filters: Any
    ) -> UsageRequestsResponse:
        """GET /v1/projects/{project_id}/requests: one page. For every page use
        `client.project(pid).usage.requests(...)`."""
        return await self._api.call(
            usage.LIST_REQUESTS, _pid(project_id), UsageRequestOptions.coerce(options, **filters)
        )

    async def get_usage_summary(
        self, /, project_id: str, options: Opts = None, *, totals: bool = True, **filters: Any
    ) -> UsageSummaryResponse:
        """GET /v1/projects/{project_id}/usage. The API answers with the window only (no `results`);
        unless `totals=False`, `results` gets one entry of totals for the window from GET
        .../usage/breakdown?grouping=endpoint with the same filters, fetched concurrently."""
        return await fetch_summary(
            self._api, project_id, UsageSummaryOptions.coerce(options, **filters),
            totals=totals,
        )

    async def get_usage_fields(
        self, /, project_id: str, options: Opts = None, *, totals: bool = True, **window: Any
    ) -> UsageFieldsResponse:
        """GET /v1/projects/{project_id}/usage/fields, with the seed's `stt`/`tts` totals for the same
        window from GET .../usage/breakdown?grouping=endpoint (fetched concurrently; `totals=False`
        skips it)."""
        return await fetch_fields(
            self._api, project_id, UsageFieldsOptions.coerce(options, **window), totals=totals
        )

    async def get_usage_breakdown(
        self, /, project_id: str, options: Opts = None, **filters: Any
    ) -> UsageBreakdownResponse:
        """GET /v1/projects/{project_id}/usage/breakdown."""
        return await self._api.call(
            usage.GET_USAGE_BREAKDOWN, _pid(project_id), UsageBreakdownOptions.coerce(options, **filters)
        )

    # Billing

    async def get_balances(self, project_id: str) -> BalancesResponse:
        """GET /v1/projects/{project_id}/balances."""
        return await self._api.call(billing.LIST_BALANCES, _pid(project_id))

    async def list_balances(self, project_id: str) -> BalancesResponse:
        """Alias of `get_balances`."""
        return await self.get_balances(project_id)

    async def get_balance(self, project_id: str, balance_id: str) -> Balance:
        """GET /v1/projects/{project_id}/balances/{balance_id}."""
        return await self._api.call(billing.GET_BALANCE, {"project_id": project_id, "balance_id": balance_id})

    async def get_billing_breakdown(
        self, /, project_id: str, options: Opts = None, **filters: Any
    ) -> BillingBreakdownResponse:
        """GET /v1/projects/{project_id}/billing/breakdown."""
        return await self._api.call(
            billing.GET_BILLING_BREAKDOWN,
            _pid(project_id),
            BillingBreakdownOptions.coerce(options, **filters),
        )

    async def get_billing_fields(
        self, /, project_id: str, options: Opts = None, **window: Any
    ) -> BillingFieldsResponse:
        """GET /v1/projects/{project_id}/billing/fields."""
        return await self._api.call(
            billing.GET_BILLING_FIELDS, _pid(project_id), BillingFieldsOptions.coerce(options, **window)
        )

    async def get_purchases(
        self, /, project_id: str, options: Opts = None, **filters: Any
    ) -> PurchasesResponse:
        """GET /v1/projects/{project_id}/purchases."""
        query = PurchasesOptions.coerce(options, **filters) if options is not None or filters else None
        return await self._api.call(billing.LIST_PURCHASES, _pid(project_id), query)

    # Models

    async def get_models(
        self, /, project_id: str | Opts = None, options: Opts = None, **filters: Any
    ) -> ModelsResponse:
        """GET /v1/projects/{project_id}/models, or GET /v1/models (the public catalogue) when no
        project id is given: `get_models(pid)`, `get_models()`, `get_models(ModelOptions(...))`."""
        if project_id is None or isinstance(project_id, Options | dict):
            return await self.list_models(project_id if options is None else options, **filters)
        return await self.get_project_models(project_id, options, **filters)

    async def list_models(self, /, options: Opts = None, **filters: Any) -> ModelsResponse:
        """GET /v1/models: the public catalogue."""
        query = ModelOptions.coerce(options, **filters) if options is not None or filters else None
        return await self._api.call(models.LIST_MODELS, {}, query)

    async def get_model(self, project_id: str, model_id: str | None = None) -> ModelResponse:
        """GET /v1/projects/{project_id}/models/{model_id}, or GET /v1/models/{model_id} when called
        with the model id alone (`get_model(model_id)`)."""
        if model_id is None:
            return await self._api.call(models.GET_MODEL, {"model_id": project_id})
        return await self.get_project_model(project_id, model_id)

    async def get_project_models(
        self, /, project_id: str, options: Opts = None, **filters: Any
    ) -> ModelsResponse:
        """GET /v1/projects/{project_id}/models."""
        if not isinstance(project_id, str):
            raise DeepgramTypeError(f"project_id must be a string, not {type(project_id).__name__}")
        query = ModelOptions.coerce(options, **filters) if options is not None or filters else None
        return await self._api.call(models.LIST_PROJECT_MODELS, _pid(project_id), query)

    async def list_project_models(
        self, /, project_id: str, options: Opts = None, **filters: Any
    ) -> ModelsResponse:
        """Alias of `get_project_models`."""
        return await self.get_project_models(project_id, options, **filters)

    async def get_project_model(self, project_id: str, model_id: str) -> ModelResponse:
        """GET /v1/projects/{project_id}/models/{model_id}."""
        return await self._api.call(
            models.GET_PROJECT_MODEL, {"project_id": project_id, "model_id": model_id}
        )


# Every classic method also takes the older SDK's per-call `timeout=`, `addons=` (extra query
# parameters, e.g. `addons={"page": 2}`) and `headers=`; the sync client inherits this.
for _name, _method in list(vars(AsyncManageClient).items()):
    if not _name.startswith("_") and _name != "v":
        setattr(AsyncManageClient, _name, accepting_overrides(_method))
