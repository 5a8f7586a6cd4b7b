"""Usage, billing and the model catalogue: the second half of `AsyncManageClient` (see there)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from deepgram.core.request_options import Addons, Headers, PerCall, RequestOptions, Timeout
from deepgram.errors import DeepgramTypeError
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
from deepgram.resources.models import (
    GET_MODEL,
    GET_PROJECT_MODEL,
    LIST_MODELS,
    LIST_PROJECT_MODELS,
    ModelResponse,
    ModelsResponse,
)
from deepgram.resources.usage import fetch_fields, fetch_summary
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
    ModelOptions,
    PurchasesOptions,
    UsageBreakdownOptions,
    UsageRequestOptions,
    UsageSummaryOptions,
    UsageWindowOptions,
)

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from deepgram.core.api import Api

per_call = RequestOptions.of


class ReportCalls:
    """Usage, billing and model catalogue of the classic client."""

    _api: Api

    # Usage

    @GET_USAGE_SUMMARY.documents
    async def get_usage(
        self, /, project_id: str,
        options: UsageSummaryOptions | UsageRequestOptions | Mapping[str, Any] | None = None, *,
        totals: bool = True, timeout: Timeout = None, addons: Addons = None, headers: Headers = None,
        **filters: Any,
    ) -> UsageResponse:
        """Takes `UsageSummaryOptions` or `UsageRequestOptions` (its window is used; `limit` and the
        like do not apply here). `results` as in `get_usage_summary`."""
        request = per_call(timeout, addons, headers)
        result = await fetch_summary(
            self._api, project_id, options, totals=totals, request_options=request, **filters
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
        totals: bool = True, timeout: Timeout = None, addons: Addons = None, headers: Headers = None,
        **filters: Any,
    ) -> UsageSummaryResponse:
        """The API answers with the window only (no `results`); unless `totals=False`, `results` gets
        one entry of totals for the window from GET .../usage/breakdown?grouping=endpoint with the
        same filters, fetched concurrently."""
        request = per_call(timeout, addons, headers)
        return await fetch_summary(
            self._api, project_id, options, totals=totals, request_options=request, **filters
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
