"""The usage operations, and the `stt`/`tts` totals of the usage fields derived from a breakdown."""

from __future__ import annotations

from deepgram.core.operation import Operation
from deepgram.resources.usage_types import (
    STTDetails,
    SummaryTokens,
    SummaryTTS,
    TTSDetails,
    UsageBreakdownResponse,
    UsageFieldsResponse,
    UsageRequest,
    UsageRequestsResponse,
    UsageResponse,
    UsageSummaryResponse,
    UsageSummaryResults,
    _RequestWire,
    request_from_wire,
)
from deepgram.types.options import (
    UsageBreakdownOptions,
    UsageFieldsOptions,
    UsageRequestOptions,
    UsageSummaryOptions,
)

LIST_REQUESTS = Operation[UsageRequestsResponse](
    "get_usage_requests",
    "GET",
    "/v1/projects/{project_id}/requests",
    UsageRequestsResponse,
    "one page of the project's request log",
    options=UsageRequestOptions,
    dates="datetime",
)
GET_REQUEST = Operation[UsageRequest](
    "get_usage_request",
    "GET",
    "/v1/projects/{project_id}/requests/{request_id}",
    _RequestWire,
    "one request of the log",
    adapt=request_from_wire,
)
GET_USAGE_SUMMARY = Operation[UsageSummaryResponse](
    "get_usage_summary",
    "GET",
    "/v1/projects/{project_id}/usage",
    UsageResponse,
    "usage totals for a window, with feature filters",
    options=UsageSummaryOptions,
)
GET_USAGE_FIELDS = Operation[UsageFieldsResponse](
    "get_usage_fields",
    "GET",
    "/v1/projects/{project_id}/usage/fields",
    UsageFieldsResponse,
    "the tags, models, processing methods and features used in a window",
    options=UsageFieldsOptions,
)
GET_USAGE_BREAKDOWN = Operation[UsageBreakdownResponse](
    "get_usage_breakdown",
    "GET",
    "/v1/projects/{project_id}/usage/breakdown",
    UsageBreakdownResponse,
    "usage for a window, grouped by one dimension",
    options=UsageBreakdownOptions,
)


def fill_totals(fields: UsageFieldsResponse, by_endpoint: UsageBreakdownResponse) -> UsageFieldsResponse:
    """Set `fields.stt` (listen rows) and `fields.tts` (speak rows) from a breakdown by endpoint."""
    stt, tts = STTDetails(), TTSDetails()
    for row in by_endpoint.results:
        endpoint = row.grouping.endpoint if row.grouping is not None else None
        if endpoint == "listen":
            stt.requests += row.requests
            stt.hours += row.hours
            stt.tokens.tokens_in += row.tokens_in
            stt.tokens.tokens_out += row.tokens_out
            stt.tokens.tokens += row.tokens_in + row.tokens_out
        elif endpoint == "speak":
            tts.requests += row.requests
            tts.characters += row.tts_characters
            tts.tokens.tokens += row.tokens_in + row.tokens_out
    fields.stt, fields.tts = stt, tts
    return fields


def fill_summary(summary: UsageSummaryResponse, by_endpoint: UsageBreakdownResponse) -> UsageSummaryResponse:
    """Give a `/usage` answer without `results` (the current API's) one entry for its whole window:
    hours, total hours, requests, tokens and speech totals summed from a breakdown by endpoint.
    An answer that has `results` (older servers) is left as the API sent it."""
    if summary.results:
        return summary
    tokens, tts = SummaryTokens(in_=0, out=0), SummaryTTS(characters=0, requests=0)
    total = UsageSummaryResults(
        start=by_endpoint.start or summary.start,
        end=by_endpoint.end or summary.end,
        hours=0.0,
        total_hours=0.0,
        requests=0,
        tokens=tokens,
        tts=tts,
    )
    for row in by_endpoint.results:
        total.hours = (total.hours or 0.0) + row.hours
        total.total_hours = (total.total_hours or 0.0) + row.total_hours
        total.requests = (total.requests or 0) + row.requests
        tokens.in_ = (tokens.in_ or 0) + row.tokens_in
        tokens.out = (tokens.out or 0) + row.tokens_out
        tts.characters = (tts.characters or 0) + row.tts_characters
        if row.grouping is not None and row.grouping.endpoint == "speak":
            tts.requests = (tts.requests or 0) + row.requests
    summary.results = [total]
    return summary
