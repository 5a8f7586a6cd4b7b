"""`AsyncManageClient`: every classic Manage method of the 4.x SDK, each one declared operation.

Each method performs the operation named in its decorator through `Api.call`; the decorator writes
the HTTP line of its docstring. Every method also takes the 4.x per-call keywords `timeout=`,
`addons=` (extra query parameters, e.g. `addons={"page": 2}`) and `headers=`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from deepgram.core.raw import RawResponses
from deepgram.core.request_options import Addons, Headers, PerCall, RequestOptions, Timeout
from deepgram.errors import DeepgramTypeError, DeepgramValueError
from deepgram.resources.billing import (
    GET_BALANCE,
    GET_BILLING_BREAKDOWN,
    GET_BILLING_FIELDS,
    LIST_BALANCES,
    LIST_PURCHASES,
    Balance,
    BalancesResponse,
    BillingBreakdownResponse,
    BillingFieldsResponse,
    PurchasesResponse,
)
from deepgram.resources.common import Message
from deepgram.resources.invites import DELETE_INVITE, LIST_INVITES, SEND_INVITE, InvitesResponse
from deepgram.resources.keys import CREATE_KEY, DELETE_KEY, GET_KEY, LIST_KEYS, KeyResponse, KeysResponse
from deepgram.resources.members import (
    GET_MEMBER_SCOPES,
    LIST_MEMBERS,
    REMOVE_MEMBER,
    UPDATE_MEMBER_SCOPE,
    MembersResponse,
    ScopesResponse,
)
from deepgram.resources.models import (
    GET_MODEL,
    GET_PROJECT_MODEL,
    LIST_MODELS,
    LIST_PROJECT_MODELS,
    ModelResponse,
    ModelsResponse,
)
from deepgram.resources.projects import (
    DELETE_PROJECT,
    GET_PROJECT,
    LEAVE_PROJECT,
    LIST_PROJECTS,
    UPDATE_PROJECT,
    Project,
    ProjectsResponse,
)
from deepgram.resources.usage import fetch_fields
from deepgram.resources.usage_endpoints import (
    GET_REQUEST,
    GET_USAGE_BREAKDOWN,
    GET_USAGE_FIELDS,
    GET_USAGE_SUMMARY,
    LIST_REQUESTS,
)
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
    UsageRequestOptions,
    UsageSummaryOptions,
    UsageWindowOptions,
)

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from deepgram.core.api import Api

per_call = RequestOptions.of


class AsyncManageClient:
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

    # Projects

    @LIST_PROJECTS.documents
    async def get_projects(self, **call: Unpack[PerCall]) -> ProjectsResponse:
        return await self._api.call(LIST_PROJECTS, request_options=per_call(**call))

    @GET_PROJECT.documents
    async def get_project(self, project_id: str, **call: Unpack[PerCall]) -> Project:
        return await self._api.call(GET_PROJECT, project_id, request_options=per_call(**call))

    @UPDATE_PROJECT.documents
    async def update_project(
        self, /, project_id: str, options: ProjectOptions | Mapping[str, Any] | str | None = None, *,
        timeout: Timeout = None, addons: Addons = None, headers: Headers = None, **fields: Any,
    ) -> Message:
        """`options`: a `ProjectOptions`, a dict, or (as the 4.x SDK) the new name."""
        if isinstance(options, str):
            options, fields = None, {"name": options, **fields}
        request = per_call(timeout, addons, headers)
        return await self._api.call(
            UPDATE_PROJECT, project_id, options=options, request_options=request, **fields
        )

    @UPDATE_PROJECT.documents
    async def update_project_option(
        self, project_id: str, options: ProjectOptions | Mapping[str, Any], **call: Unpack[PerCall],
    ) -> Message:
        """The 4.x SDK's name of `update_project` with options."""
        return await self._api.call(
            UPDATE_PROJECT, project_id, options=options, request_options=per_call(**call)
        )

    @DELETE_PROJECT.documents
    async def delete_project(self, project_id: str, **call: Unpack[PerCall]) -> Message:
        return await self._api.call(DELETE_PROJECT, project_id, request_options=per_call(**call))

    @LEAVE_PROJECT.documents
    async def leave_project(self, project_id: str, **call: Unpack[PerCall]) -> Message:
        """A project must keep an owner: the API answers 400 (`BadRequestError`) to its last one."""
        return await self._api.call(LEAVE_PROJECT, project_id, request_options=per_call(**call))

    # API keys

    @LIST_KEYS.documents
    async def get_keys(
        self, /, project_id: str, options: KeyListOptions | Mapping[str, Any] | None = None, *,
        timeout: Timeout = None, addons: Addons = None, headers: Headers = None, **filters: Any,
    ) -> KeysResponse:
        """Optionally only `status="active"` or `"expired"` keys."""
        request = per_call(timeout, addons, headers)
        return await self._api.call(
            LIST_KEYS, project_id, options=options, request_options=request, **filters
        )

    @GET_KEY.documents
    async def get_key(self, project_id: str, key_id: str, **call: Unpack[PerCall]) -> KeyResponse:
        """`.api_key` and its owner `.member`."""
        return await self._api.call(GET_KEY, project_id, key_id, request_options=per_call(**call))

    @CREATE_KEY.documents
    async def create_key(
        self, /, project_id: str, options: KeyOptions | Mapping[str, Any] | None = None, *,
        timeout: Timeout = None, addons: Addons = None, headers: Headers = None, **fields: Any,
    ) -> KeyResponse:
        """`.api_key.key` is the secret, shown only now.

        Raises `DeepgramValueError` before sending when no scope is given or both a TTL and an
        expiration date are; `BadRequestError` for a scope the API does not know. Never retried once
        it may have reached the server, so a failure cannot leave a duplicate key.
        """
        request = per_call(timeout, addons, headers)
        return await self._api.call(
            CREATE_KEY, project_id, options=options, request_options=request, **fields
        )

    @DELETE_KEY.documents
    async def delete_key(self, project_id: str, key_id: str, **call: Unpack[PerCall]) -> Message:
        return await self._api.call(DELETE_KEY, project_id, key_id, request_options=per_call(**call))

    # Members and scopes

    @LIST_MEMBERS.documents
    async def get_members(self, project_id: str, **call: Unpack[PerCall]) -> MembersResponse:
        return await self._api.call(LIST_MEMBERS, project_id, request_options=per_call(**call))

    @REMOVE_MEMBER.documents
    async def remove_member(self, project_id: str, member_id: str, **call: Unpack[PerCall]) -> Message:
        return await self._api.call(REMOVE_MEMBER, project_id, member_id, request_options=per_call(**call))

    @GET_MEMBER_SCOPES.documents
    async def get_member_scopes(
        self, project_id: str, member_id: str, **call: Unpack[PerCall],
    ) -> ScopesResponse:
        return await self._api.call(
            GET_MEMBER_SCOPES, project_id, member_id, request_options=per_call(**call)
        )

    @UPDATE_MEMBER_SCOPE.documents
    async def update_member_scope(
        self, /, project_id: str, member_id: str,
        options: ScopeOptions | Mapping[str, Any] | str | None = None, *, timeout: Timeout = None,
        addons: Addons = None, headers: Headers = None, **fields: Any,
    ) -> Message:
        """`options` may be the scope itself. Raises `BadRequestError` when the scope is not a role
        the API accepts (owner, admin, member)."""
        if isinstance(options, str):
            options, fields = None, {"scope": options, **fields}
        request = per_call(timeout, addons, headers)
        return await self._api.call(
            UPDATE_MEMBER_SCOPE, project_id, member_id, options=options, request_options=request, **fields
        )

    # Invitations

    @LIST_INVITES.documents
    async def get_invites(self, project_id: str, **call: Unpack[PerCall]) -> InvitesResponse:
        return await self._api.call(LIST_INVITES, project_id, request_options=per_call(**call))

    @SEND_INVITE.documents
    async def send_invite(
        self, /, project_id: str, options: InviteOptions | Mapping[str, Any] | str | None = None,
        scope: str | None = None, *, timeout: Timeout = None, addons: Addons = None, headers: Headers = None,
        **fields: Any,
    ) -> Message:
        """`send_invite(pid, InviteOptions(...))` or, as the 4.x SDK, `send_invite(pid, email, scope=...)`.

        Raises `DeepgramValueError` before sending for an address that is not an e-mail, and
        `BadRequestError` when the scope is not one of owner, admin, member. Not retried once it
        may have reached the server.
        """
        if isinstance(options, str):
            options, fields = None, {"email": options, **fields}
        if scope is not None:
            fields["scope"] = scope
        request = per_call(timeout, addons, headers)
        return await self._api.call(
            SEND_INVITE, project_id, options=options, request_options=request, **fields
        )

    @SEND_INVITE.documents
    async def send_invite_options(
        self, project_id: str, options: InviteOptions | Mapping[str, Any], **call: Unpack[PerCall],
    ) -> Message:
        """The 4.x SDK's name of `send_invite` with options."""
        return await self._api.call(
            SEND_INVITE, project_id, options=options, request_options=per_call(**call)
        )

    @DELETE_INVITE.documents
    async def delete_invite(self, project_id: str, email: str, **call: Unpack[PerCall]) -> Message:
        return await self._api.call(DELETE_INVITE, project_id, email, request_options=per_call(**call))

    # Usage

    @GET_USAGE_SUMMARY.documents
    async def get_usage(
        self, /, project_id: str,
        options: UsageSummaryOptions | UsageRequestOptions | Mapping[str, Any] | None = None, *,
        timeout: Timeout = None, addons: Addons = None, headers: Headers = None, **filters: Any,
    ) -> UsageResponse:
        """Takes `UsageSummaryOptions` or `UsageRequestOptions` (its window is used; `limit` and the
        like do not apply here)."""
        request = per_call(timeout, addons, headers)
        result = await self._api.call(
            GET_USAGE_SUMMARY, project_id, options=options, request_options=request, **filters
        )
        assert isinstance(result, UsageResponse)
        return result

    @GET_REQUEST.documents
    async def get_usage_request(
        self, project_id: str, request_id: str, **call: Unpack[PerCall],
    ) -> UsageRequest:
        """Either shape the API sends (flat or wrapped)."""
        return await self._api.call(GET_REQUEST, project_id, request_id, request_options=per_call(**call))

    @LIST_REQUESTS.documents
    async def get_usage_requests(
        self, /, project_id: str, options: UsageRequestOptions | Mapping[str, Any] | None = None, *,
        timeout: Timeout = None, addons: Addons = None, headers: Headers = None, **filters: Any,
    ) -> UsageRequestsResponse:
        """For every page use `client.project(pid).usage.requests(...)`."""
        request = per_call(timeout, addons, headers)
        return await self._api.call(
            LIST_REQUESTS, project_id, options=options, request_options=request, **filters
        )

    @GET_USAGE_SUMMARY.documents
    async def get_usage_summary(
        self, /, project_id: str,
        options: UsageSummaryOptions | UsageRequestOptions | Mapping[str, Any] | None = None, *,
        timeout: Timeout = None, addons: Addons = None, headers: Headers = None, **filters: Any,
    ) -> UsageSummaryResponse:
        request = per_call(timeout, addons, headers)
        return await self._api.call(
            GET_USAGE_SUMMARY, project_id, options=options, request_options=request, **filters
        )

    @GET_USAGE_FIELDS.documents
    async def get_usage_fields(
        self, /, project_id: str, options: UsageWindowOptions | Mapping[str, Any] | None = None, *,
        totals: bool = True, timeout: Timeout = None, addons: Addons = None, headers: Headers = None,
        **window: Any,
    ) -> UsageFieldsResponse:
        """With `stt`/`tts` totals for the same window from GET .../usage/breakdown?grouping=endpoint
        (fetched concurrently; `totals=False` skips it). Takes the options of any usage endpoint
        (their window is used)."""
        request = per_call(timeout, addons, headers)
        return await fetch_fields(
            self._api, project_id, options, totals=totals, request_options=request, **window
        )

    @GET_USAGE_BREAKDOWN.documents
    async def get_usage_breakdown(
        self, /, project_id: str, options: UsageBreakdownOptions | Mapping[str, Any] | None = None, *,
        timeout: Timeout = None, addons: Addons = None, headers: Headers = None, **filters: Any,
    ) -> UsageBreakdownResponse:
        request = per_call(timeout, addons, headers)
        return await self._api.call(
            GET_USAGE_BREAKDOWN, project_id, options=options, request_options=request, **filters
        )

    # Billing

    @LIST_BALANCES.documents
    async def get_balances(self, project_id: str, **call: Unpack[PerCall]) -> BalancesResponse:
        return await self._api.call(LIST_BALANCES, project_id, request_options=per_call(**call))

    @GET_BALANCE.documents
    async def get_balance(self, project_id: str, balance_id: str, **call: Unpack[PerCall]) -> Balance:
        return await self._api.call(GET_BALANCE, project_id, balance_id, request_options=per_call(**call))

    @GET_BILLING_BREAKDOWN.documents
    async def get_billing_breakdown(
        self, /, project_id: str, options: BillingBreakdownOptions | Mapping[str, Any] | None = None, *,
        timeout: Timeout = None, addons: Addons = None, headers: Headers = None, **filters: Any,
    ) -> BillingBreakdownResponse:
        request = per_call(timeout, addons, headers)
        return await self._api.call(
            GET_BILLING_BREAKDOWN, project_id, options=options, request_options=request, **filters
        )

    @GET_BILLING_FIELDS.documents
    async def get_billing_fields(
        self, /, project_id: str, options: BillingFieldsOptions | Mapping[str, Any] | None = None, *,
        timeout: Timeout = None, addons: Addons = None, headers: Headers = None, **window: Any,
    ) -> BillingFieldsResponse:
        request = per_call(timeout, addons, headers)
        return await self._api.call(
            GET_BILLING_FIELDS, project_id, options=options, request_options=request, **window
        )

    @LIST_PURCHASES.documents
    async def get_purchases(
        self, /, project_id: str, options: PurchasesOptions | Mapping[str, Any] | None = None, *,
        timeout: Timeout = None, addons: Addons = None, headers: Headers = None, **filters: Any,
    ) -> PurchasesResponse:
        request = per_call(timeout, addons, headers)
        return await self._api.call(
            LIST_PURCHASES, project_id, options=options, request_options=request, **filters
        )

    # Models

    @LIST_PROJECT_MODELS.documents
    async def get_models(
        self, /, project_id: str | ModelOptions | Mapping[str, Any] | None = None,
        options: ModelOptions | Mapping[str, Any] | None = None, *, timeout: Timeout = None,
        addons: Addons = None, headers: Headers = None, **filters: Any,
    ) -> ModelsResponse:
        """Without a project id, GET /v1/models (the public catalogue), as the 4.x SDK:
        `get_models(pid)`, `get_models()`, `get_models(ModelOptions(...))`."""
        request = per_call(timeout, addons, headers)
        if project_id is None or not isinstance(project_id, str):
            options = project_id if options is None else options
            return await self._api.call(LIST_MODELS, options=options, request_options=request, **filters)
        return await self._api.call(
            LIST_PROJECT_MODELS, project_id, options=options, request_options=request, **filters
        )

    @LIST_MODELS.documents
    async def list_models(
        self, /, options: ModelOptions | Mapping[str, Any] | None = None, *, timeout: Timeout = None,
        addons: Addons = None, headers: Headers = None, **filters: Any,
    ) -> ModelsResponse:
        request = per_call(timeout, addons, headers)
        return await self._api.call(LIST_MODELS, options=options, request_options=request, **filters)

    @GET_PROJECT_MODEL.documents
    async def get_model(
        self, project_id: str, model_id: str | None = None, **call: Unpack[PerCall],
    ) -> ModelResponse:
        """With the model id alone (`get_model(model_id)`), GET /v1/models/{model_id}, as the 4.x SDK."""
        if model_id is None:
            return await self._api.call(GET_MODEL, project_id, request_options=per_call(**call))
        return await self._api.call(GET_PROJECT_MODEL, project_id, model_id, request_options=per_call(**call))

    @LIST_PROJECT_MODELS.documents
    async def get_project_models(
        self, /, project_id: str, options: ModelOptions | Mapping[str, Any] | None = None, *,
        timeout: Timeout = None, addons: Addons = None, headers: Headers = None, **filters: Any,
    ) -> ModelsResponse:
        if not isinstance(project_id, str):
            raise DeepgramTypeError(f"project_id must be a string, not {type(project_id).__name__}")
        request = per_call(timeout, addons, headers)
        return await self._api.call(
            LIST_PROJECT_MODELS, project_id, options=options, request_options=request, **filters
        )

    @GET_PROJECT_MODEL.documents
    async def get_project_model(
        self, project_id: str, model_id: str, **call: Unpack[PerCall],
    ) -> ModelResponse:
        return await self._api.call(GET_PROJECT_MODEL, project_id, model_id, request_options=per_call(**call))

    # The older SDK's names for the same calls.
    list_projects = get_projects
    list_keys = get_keys
    list_members = get_members
    list_invites = get_invites
    list_balances = get_balances
    list_project_models = get_project_models
