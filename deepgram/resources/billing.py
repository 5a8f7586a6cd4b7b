"""Balances, purchases and billing reports, and their collections on a project."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any, ClassVar

import msgspec

from deepgram.core.blocking import blocking
from deepgram.core.endpoint import Endpoint
from deepgram.resources.collection import ProjectCollection
from deepgram.resources.usage_types import Resolution
from deepgram.types.base import Model, Resource, attach_all
from deepgram.types.options import BillingBreakdownOptions, BillingFieldsOptions, PurchasesOptions

if TYPE_CHECKING:
    from deepgram.core.api import Api


class Balance(Resource):
    """A prepaid balance. `purchase` and `purchase_order_id` are the same value under both names."""

    balance_id: str = ""
    amount: float | None = None
    units: str | None = None
    purchase_order_id: str | None = None
    purchase: str | None = None
    __identity__: ClassVar[str] = "balance_id"

    def __post_init__(self) -> None:
        if self.purchase is None:
            self.purchase = self.purchase_order_id
        elif self.purchase_order_id is None:
            self.purchase_order_id = self.purchase


class BalancesResponse(Model):
    """GET /v1/projects/{project_id}/balances."""

    balances: builtins.list[Balance] = []

    def _attach(self, api: Api, project_id: str | None) -> None:
        attach_all(self.balances, api, project_id)


class Purchase(Model):
    """One order (GET /v1/projects/{project_id}/purchases)."""

    order_id: str | None = None
    expiration: str | None = None
    created: str | None = None
    amount: float | None = None
    units: str | None = None
    order_type: str | None = None


class PurchasesResponse(Model):
    """GET /v1/projects/{project_id}/purchases."""

    orders: builtins.list[Purchase] = []


class BillingGrouping(Model):
    """What a billing breakdown row is grouped by; unused dimensions are None."""

    start: str | None = None
    end: str | None = None
    accessor: str | None = None
    deployment: str | None = None
    line_item: str | None = None
    tags: builtins.list[str] | str | None = None


class BillingBreakdownResult(Model):
    """One row of a billing breakdown: dollars for a grouping."""

    dollars: float = 0.0
    grouping: BillingGrouping | None = None


class BillingBreakdownResponse(Model):
    """GET /v1/projects/{project_id}/billing/breakdown."""

    start: str | None = None
    end: str | None = None
    resolution: Resolution | None = None
    results: builtins.list[BillingBreakdownResult] = []


class BillingFieldsResponse(Model):
    """GET /v1/projects/{project_id}/billing/fields."""

    accessors: builtins.list[str] = []
    deployments: builtins.list[str] = []
    tags: builtins.list[str] = []
    line_items: dict[str, str] = msgspec.field(default_factory=dict)


LIST_BALANCES = Endpoint[BalancesResponse](
    "get_balances", "GET", "/v1/projects/{project_id}/balances", BalancesResponse, requires=("balances",)
)
GET_BALANCE = Endpoint[Balance](
    "get_balance", "GET", "/v1/projects/{project_id}/balances/{balance_id}", Balance
)
LIST_PURCHASES = Endpoint[PurchasesResponse](
    "get_purchases", "GET", "/v1/projects/{project_id}/purchases", PurchasesResponse, options=PurchasesOptions
)
GET_BILLING_BREAKDOWN = Endpoint[BillingBreakdownResponse](
    "get_billing_breakdown",
    "GET",
    "/v1/projects/{project_id}/billing/breakdown",
    BillingBreakdownResponse,
    options=BillingBreakdownOptions,
)
GET_BILLING_FIELDS = Endpoint[BillingFieldsResponse](
    "get_billing_fields",
    "GET",
    "/v1/projects/{project_id}/billing/fields",
    BillingFieldsResponse,
    options=BillingFieldsOptions,
)


class Balances(ProjectCollection):
    """`project.balances`."""

    async def alist(self) -> builtins.list[Balance]:
        """GET /v1/projects/{project_id}/balances."""
        response = await self._api.call(LIST_BALANCES, {"project_id": self.project_id})
        return response.balances

    async def aget(self, balance_id: str) -> Balance:
        """GET /v1/projects/{project_id}/balances/{balance_id}."""
        return await self._api.call(GET_BALANCE, {"project_id": self.project_id, "balance_id": balance_id})

    list = blocking(alist)
    get = blocking(aget)


class Purchases(ProjectCollection):
    """`project.purchases`."""

    async def alist(self, limit: int | None = None) -> builtins.list[Purchase]:
        """GET /v1/projects/{project_id}/purchases."""
        options = PurchasesOptions.coerce(limit=limit) if limit is not None else None
        response = await self._api.call(LIST_PURCHASES, {"project_id": self.project_id}, options)
        return response.orders

    list = blocking(alist)


class Billing(ProjectCollection):
    """`project.billing`: the billing breakdown and the fields it can be grouped or filtered by."""

    async def abreakdown(
        self, /, options: BillingBreakdownOptions | None = None, **filters: Any
    ) -> BillingBreakdownResponse:
        """GET /v1/projects/{project_id}/billing/breakdown."""
        return await self._api.call(
            GET_BILLING_BREAKDOWN,
            {"project_id": self.project_id},
            BillingBreakdownOptions.coerce(options, **filters),
        )

    async def afields(
        self, /, options: BillingFieldsOptions | None = None, **window: Any
    ) -> BillingFieldsResponse:
        """GET /v1/projects/{project_id}/billing/fields."""
        return await self._api.call(
            GET_BILLING_FIELDS,
            {"project_id": self.project_id},
            BillingFieldsOptions.coerce(options, **window),
        )

    breakdown = blocking(abreakdown)
    fields = blocking(afields)
