"""`project.usage`: one request, the request log as a lazy query, summaries, fields, breakdowns."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

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
)

if TYPE_CHECKING:
    from deepgram.core.api import Api
    from deepgram.usage.query import RequestQuery


async def fetch_fields(
    api: Api, project_id: str, options: UsageFieldsOptions | None, *, totals: bool = True
) -> UsageFieldsResponse:
    """GET /usage/fields and, unless `totals=False`, GET /usage/breakdown?grouping=endpoint for the
    same window, concurrently, to fill the seed's `stt`/`tts` totals."""
    params = {"project_id": project_id}
    if not totals:
        return await api.call(GET_USAGE_FIELDS, params, options)
    window = options.to_dict() if options is not None else {}
    breakdown_options = UsageBreakdownOptions.coerce(window, grouping="endpoint")
    fields, by_endpoint = await asyncio.gather(
        api.call(GET_USAGE_FIELDS, params, options),
        api.call(GET_USAGE_BREAKDOWN, params, breakdown_options),
    )
    return fill_totals(fields, by_endpoint)


async def fetch_summary(
    api: Api, project_id: str, options: UsageSummaryOptions, *, totals: bool = True
) -> UsageSummaryResponse:
    """GET /usage and, unless `totals=False`, GET /usage/breakdown?grouping=endpoint with the same
    window and filters, concurrently: the current API's summary has no `results`, so they are
    filled with one entry of totals for the whole window (see `fill_summary`)."""
    params = {"project_id": project_id}
    if not totals:
        return await api.call(GET_USAGE_SUMMARY, params, options)
    breakdown_options = UsageBreakdownOptions.coerce(options.to_dict(), grouping="endpoint")
    summary, by_endpoint = await asyncio.gather(
        api.call(GET_USAGE_SUMMARY, params, options),
        api.call(GET_USAGE_BREAKDOWN, params, breakdown_options),
    )
    return fill_summary(summary, by_endpoint)


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

    async def apage(
        self, /, options: UsageRequestOptions | None = None, **kwargs: Any
    ) -> UsageRequestsResponse:
        """GET /v1/projects/{project_id}/requests: one page, as the API returns it."""
        return await self._api.call(
            LIST_REQUESTS, {"project_id": self.project_id}, UsageRequestOptions.coerce(options, **kwargs)
        )

    async def aget(self, request_id: str) -> UsageRequest:
        """GET /v1/projects/{project_id}/requests/{request_id}."""
        return await self._api.call(GET_REQUEST, {"project_id": self.project_id, "request_id": request_id})

    async def asummary(
        self, /, options: UsageSummaryOptions | None = None, *, totals: bool = True, **filters: Any
    ) -> UsageSummaryResponse:
        """GET /v1/projects/{project_id}/usage with a window and filters; `results` holds the window's
        totals from the usage breakdown unless `totals=False` (the API itself sends no `results`)."""
        return await fetch_summary(
            self._api, self.project_id, UsageSummaryOptions.coerce(options, **filters), totals=totals
        )

    async def afields(
        self, /, options: UsageFieldsOptions | None = None, *, totals: bool = True, **window: Any
    ) -> UsageFieldsResponse:
        """GET /v1/projects/{project_id}/usage/fields, with `stt`/`tts` totals unless `totals=False`."""
        return await fetch_fields(
            self._api, self.project_id, UsageFieldsOptions.coerce(options, **window), totals=totals
        )

    async def abreakdown(
        self, /, options: UsageBreakdownOptions | None = None, **filters: Any
    ) -> UsageBreakdownResponse:
        """GET /v1/projects/{project_id}/usage/breakdown, e.g. `grouping="endpoint"`."""
        return await self._api.call(
            GET_USAGE_BREAKDOWN,
            {"project_id": self.project_id},
            UsageBreakdownOptions.coerce(options, **filters),
        )

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
