"""`project.usage`: one request, the request log as a lazy query, summaries, fields, breakdowns."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from deepgram.core.blocking import blocking
from deepgram.resources.collection import ProjectCollection
from deepgram.resources.usage_endpoints import (
    GET_REQUEST,
    GET_USAGE_BREAKDOWN,
    GET_USAGE_FIELDS,
    GET_USAGE_SUMMARY,
    LIST_REQUESTS,
    fill_summary,
    fill_totals,
)
from deepgram.resources.usage_types import (
    UsageBreakdownResponse,
    UsageFieldsResponse,
    UsageRequest,
    UsageRequestsResponse,
    UsageSummaryResponse,
)
from deepgram.types.options import (
    UsageBreakdownOptions,
    UsageFieldsOptions,
    UsageRequestOptions,
    UsageSummaryOptions,
    UsageWindowOptions,
)

if TYPE_CHECKING:
    from deepgram.core.api import Api
    from deepgram.core.operation import Operation
    from deepgram.core.request_options import RequestOptions
    from deepgram.usage.query import RequestQuery


R = TypeVar("R")


async def fetch_fields(
    api: Api,
    project_id: str,
    options: UsageWindowOptions | Mapping[str, Any] | None = None,
    *,
    totals: bool = True,
    request_options: RequestOptions | None = None,
    **window: Any,
) -> UsageFieldsResponse:
    """GET /usage/fields, with the `stt`/`tts` totals of the same window (see `with_totals`).
    `options` may be any usage endpoint's options: their window is used."""
    fields = UsageFieldsOptions.coerce(options, **window)
    return await with_totals(api, GET_USAGE_FIELDS, project_id, fields, fill_totals, totals, request_options)


async def fetch_summary(
    api: Api,
    project_id: str,
    options: UsageSummaryOptions | UsageRequestOptions | Mapping[str, Any] | None = None,
    *,
    totals: bool = True,
    request_options: RequestOptions | None = None,
    **filters: Any,
) -> UsageSummaryResponse:
    """GET /usage: the current API's summary has no `results`, so they are filled with one entry of
    totals for the whole window (see `with_totals`, `fill_summary`)."""
    summary = UsageSummaryOptions.coerce(options, **filters)
    return await with_totals(
        api, GET_USAGE_SUMMARY, project_id, summary, fill_summary, totals, request_options
    )


async def with_totals(
    api: Api,
    operation: Operation[R],
    project_id: str,
    options: UsageFieldsOptions | UsageSummaryOptions,
    fill: Callable[[R, UsageBreakdownResponse], R],
    totals: bool,
    request_options: RequestOptions | None,
) -> R:
    """`operation` and, unless `totals` is false, GET /usage/breakdown?grouping=endpoint with the same
    window and filters, concurrently; `fill` adds the breakdown's totals to the first answer."""
    if not totals:
        return await api.call(operation, project_id, options=options, request_options=request_options)
    by_endpoint = UsageBreakdownOptions.coerce(options.to_dict(), grouping="endpoint")
    result, breakdown = await asyncio.gather(
        api.call(operation, project_id, options=options, request_options=request_options),
        api.call(GET_USAGE_BREAKDOWN, project_id, options=by_endpoint, request_options=request_options),
    )
    return fill(result, breakdown)


class Usage(ProjectCollection):
    """`project.usage`: the request log and the usage reports of one project."""

    def requests(self, **filters: Any) -> RequestQuery:
        """The request log as a lazy query: `for r in ...`, `async for r in ...`, `.pages()`, `.export()`.

        No request is made until it is iterated. Filters: start, end, status, endpoint, method,
        deployment, accessor, request_id; paging: page_size, concurrency.
        """
        # The scraping stack (paging, export, progress) loads on first use, not with `import deepgram`.
        from deepgram.usage.query import RequestQuery

        return RequestQuery(self._api, self.project_id, **filters)

    @LIST_REQUESTS.documents
    async def apage(
        self, /, options: UsageRequestOptions | Mapping[str, Any] | None = None, **filters: Any
    ) -> UsageRequestsResponse:
        """One page, as the API returns it; `requests(...)` reads every page."""
        return await self._api.call(LIST_REQUESTS, self.project_id, options=options, **filters)

    @GET_REQUEST.documents
    async def aget(self, request_id: str) -> UsageRequest:
        return await self._api.call(GET_REQUEST, self.project_id, request_id)

    @GET_USAGE_SUMMARY.documents
    async def asummary(
        self, /, options: UsageSummaryOptions | Mapping[str, Any] | None = None, *, totals: bool = True,
        **filters: Any,
    ) -> UsageSummaryResponse:
        """`results` holds the window's totals from the usage breakdown unless `totals=False` (the API
        itself sends no `results`)."""
        return await fetch_summary(self._api, self.project_id, options, totals=totals, **filters)

    @GET_USAGE_FIELDS.documents
    async def afields(
        self, /, options: UsageFieldsOptions | Mapping[str, Any] | None = None, *,
        totals: bool = True, **window: Any,
    ) -> UsageFieldsResponse:
        """With `stt`/`tts` totals for the same window from GET .../usage/breakdown?grouping=endpoint
        (fetched concurrently) unless `totals=False`."""
        return await fetch_fields(self._api, self.project_id, options, totals=totals, **window)

    @GET_USAGE_BREAKDOWN.documents
    async def abreakdown(
        self, /, options: UsageBreakdownOptions | Mapping[str, Any] | None = None, **filters: Any
    ) -> UsageBreakdownResponse:
        """E.g. `grouping="endpoint"`."""
        return await self._api.call(GET_USAGE_BREAKDOWN, self.project_id, options=options, **filters)

    async def await_for(
        self, request_id: str, *, timeout: float = 60.0, interval: float = 0.5
    ) -> UsageRequest:
        """GET /v1/projects/{project_id}/requests/{request_id} until the record exists and its `usd`
        has settled (polling with backoff from `interval` seconds); `DeepgramTimeoutError` after `timeout`."""
        from deepgram.usage.settle import wait_for_usage

        return await wait_for_usage(
            self._api, self.project_id, request_id, timeout=timeout, interval=interval
        )

    page = blocking(apage)
    get = blocking(aget)
    wait_for = blocking(await_for)
    summary = blocking(asummary)
    fields = blocking(afields)
    breakdown = blocking(abreakdown)
