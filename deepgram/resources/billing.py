"""Balances, purchases and billing reports, and their collections on a project."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import Any, ClassVar

import msgspec

from deepgram.core.blocking import blocking
from deepgram.core.operation import Operation
from deepgram.resources.collection import ProjectCollection
from deepgram.resources.usage_types import Resolution
from deepgram.types.base import Listing, Model, Resource, bind_on_read, listed
from deepgram.types.options import BillingBreakdownOptions, BillingFieldsOptions, PurchasesOptions


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


class BalancesResponse(Listing):
    """GET /v1/projects/{project_id}/balances."""

    balances: builtins.list[Balance]


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


LIST_BALANCES = Operation[BalancesResponse](
    "get_balances",
    "GET",
    "/v1/projects/{project_id}/balances",
    BalancesResponse,
    "the project's balances",
)
GET_BALANCE = Operation[Balance](
    "get_balance", "GET", "/v1/projects/{project_id}/balances/{balance_id}", Balance, "one balance"
)
LIST_PURCHASES = Operation[PurchasesResponse](
    "get_purchases",
    "GET",
    "/v1/projects/{project_id}/purchases",
    PurchasesResponse,
    "the project's orders",
    options=PurchasesOptions,
)
GET_BILLING_BREAKDOWN = Operation[BillingBreakdownResponse](
    "get_billing_breakdown",
    "GET",
    "/v1/projects/{project_id}/billing/breakdown",
    BillingBreakdownResponse,
    "dollars spent, grouped by accessor, deployment, line item or tags",
    options=BillingBreakdownOptions,
)
GET_BILLING_FIELDS = Operation[BillingFieldsResponse](
    "get_billing_fields",
    "GET",
    "/v1/projects/{project_id}/billing/fields",
    BillingFieldsResponse,
    "the accessors, deployments, tags and line items billing can be filtered by",
    options=BillingFieldsOptions,
)


class Balances(ProjectCollection):
    """`project.balances`."""

    @LIST_BALANCES.documents
    async def alist(self) -> builtins.list[Balance]:
        response = await self._api.call(LIST_BALANCES, self.project_id)
        return listed(response, response.balances)

    @GET_BALANCE.documents
    async def aget(self, balance_id: str) -> Balance:
        return await self._api.call(GET_BALANCE, self.project_id, balance_id)

    list = blocking(alist)
    get = blocking(aget)


class Purchases(ProjectCollection):
    """`project.purchases`."""

    @LIST_PURCHASES.documents
    async def alist(self, limit: int | None = None) -> builtins.list[Purchase]:
        response = await self._api.call(LIST_PURCHASES, self.project_id, limit=limit)
        return listed(response, response.orders)

    list = blocking(alist)


class Billing(ProjectCollection):
    """`project.billing`: the billing breakdown and the fields it can be grouped or filtered by."""

    @GET_BILLING_BREAKDOWN.documents
    async def abreakdown(
        self, /, options: BillingBreakdownOptions | Mapping[str, Any] | None = None, **filters: Any
    ) -> BillingBreakdownResponse:
        return await self._api.call(GET_BILLING_BREAKDOWN, self.project_id, options=options, **filters)

    @GET_BILLING_FIELDS.documents
    async def afields(
        self, /, options: BillingFieldsOptions | Mapping[str, Any] | None = None, **window: Any
    ) -> BillingFieldsResponse:
        return await self._api.call(GET_BILLING_FIELDS, self.project_id, options=options, **window)

    breakdown = blocking(abreakdown)
    fields = blocking(afields)


bind_on_read(BalancesResponse, "balances")
