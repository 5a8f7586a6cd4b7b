"""The usage endpoints, and the seed's `stt`/`tts` totals derived from a breakdown by endpoint."""

from __future__ import annotations

from deepgram.core.endpoint import Endpoint
from deepgram.resources.usage_types import (
    STTDetails,
    TTSDetails,
    UsageBreakdownResponse,
    UsageFieldsResponse,
    UsageRequest,
    UsageRequestsResponse,
    UsageResponse,
    UsageSummaryResponse,
    _RequestWire,
    request_from_wire,
)
from deepgram.types.options import (
    UsageBreakdownOptions,
    UsageFieldsOptions,
    UsageRequestOptions,
    UsageSummaryOptions,
)

LIST_REQUESTS = Endpoint[UsageRequestsResponse](
    "get_usage_requests",
    "GET",
    "/v1/projects/{project_id}/requests",
    UsageRequestsResponse,
    options=UsageRequestOptions,
    dates="datetime",
    requires=("requests",),
)
GET_REQUEST = Endpoint[UsageRequest](
    "get_usage_request",
    "GET",
    "/v1/projects/{project_id}/requests/{request_id}",
    _RequestWire,
    adapt=request_from_wire,
)
GET_USAGE_SUMMARY = Endpoint[UsageSummaryResponse](
    "get_usage_summary",
    "GET",
    "/v1/projects/{project_id}/usage",
    UsageResponse,
    options=UsageSummaryOptions,
)
GET_USAGE_FIELDS = Endpoint[UsageFieldsResponse](
    "get_usage_fields",
    "GET",
    "/v1/projects/{project_id}/usage/fields",
    UsageFieldsResponse,
    options=UsageFieldsOptions,
)
GET_USAGE_BREAKDOWN = Endpoint[UsageBreakdownResponse](
    "get_usage_breakdown",
    "GET",
    "/v1/projects/{project_id}/usage/breakdown",
    UsageBreakdownResponse,
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
