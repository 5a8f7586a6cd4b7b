"""Every options class of the Manage API, validated before any request is sent."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import ClassVar

from deepgram.core.dates import parse_when
from deepgram.defaults import MAX_PAGE_SIZE
from deepgram.errors import DeepgramTypeError, DeepgramValueError
from deepgram.types.options_base import Options

Enums = Mapping[str, frozenset[str]]  # option name -> the values it may take
_EMAIL = re.compile(r"^[^@\s/]+@[^@\s/]+\.[^@\s/]+$")
DEPLOYMENTS = frozenset({"hosted", "beta", "self-hosted"})
ENDPOINTS = frozenset({"listen", "read", "speak", "agent"})
METHODS = frozenset({"sync", "async", "streaming"})
USAGE_GROUPINGS = frozenset(
    {"accessor", "endpoint", "feature_set", "models", "model", "method", "tags", "tag", "deployment"}
)
BILLING_GROUPINGS = frozenset({"accessor", "deployment", "line_item", "tags"})


def check_email(email: str) -> None:
    """Reject an address that cannot be an e-mail (and so could never name an invite)."""
    if not _EMAIL.match(email):
        raise DeepgramValueError(f"{email!r} is not a valid e-mail address")


class ProjectOptions(Options):
    """PATCH /v1/projects/{project_id}: the fields to change (only those given are sent)."""

    name: str | None = None
    company: str | None = None

    def _check(self) -> None:
        super()._check()
        if self.name is None and self.company is None:
            raise DeepgramValueError("nothing to update: give name=... and/or company=...")
        if self.name is not None and not self.name.strip():
            raise DeepgramValueError("ProjectOptions.name must not be empty")


class ProjectGetOptions(Options):
    """GET /v1/projects/{project_id}: the definition gives it `limit` and `page` (numbers), although
    it returns one project."""

    limit: int | float | None = None
    page: int | float | None = None

    def _check(self) -> None:
        super()._check()
        _check_paging(self.limit, self.page)


def _check_paging(limit: float | None, page: float | None) -> None:
    """`limit` in 1..1000 and `page` 0 or more: numbers, as the definition types them."""
    for name, value in (("limit", limit), ("page", page)):
        if isinstance(value, bool):
            raise DeepgramTypeError(f"{name} must be a number, not a bool")
    if limit is not None and not 1 <= limit <= MAX_PAGE_SIZE:
        raise DeepgramValueError(f"limit must be between 1 and {MAX_PAGE_SIZE}, got {limit}")
    if page is not None and page < 0:
        raise DeepgramValueError(f"page must be 0 or more, got {page}")


class KeyOptions(Options):
    """POST /v1/projects/{project_id}/keys: a new key's comment, scopes, tags and expiry."""

    comment: str | None = None
    scopes: list[str] | None = None
    tags: list[str] | None = None
    time_to_live_in_seconds: int | None = None
    expiration_date: str | None = None

    def _check(self) -> None:
        super()._check()
        if not self.scopes or not all(s.strip() for s in self.scopes):
            raise DeepgramValueError("KeyOptions.scopes must name at least one scope, e.g. ['usage:read']")
        if self.time_to_live_in_seconds is not None and self.expiration_date is not None:
            raise DeepgramValueError("give time_to_live_in_seconds or expiration_date, not both")
        if self.time_to_live_in_seconds is not None and self.time_to_live_in_seconds <= 0:
            raise DeepgramValueError("time_to_live_in_seconds must be positive")
        if self.expiration_date is not None:
            parse_when(self.expiration_date, name="expiration_date")


class KeyListOptions(Options):
    """GET /v1/projects/{project_id}/keys: filter by key status."""

    status: str | None = None
    _enums: ClassVar[Enums] = {"status": frozenset({"active", "expired"})}


class ScopeOptions(Options):
    """PUT /v1/projects/{project_id}/members/{member_id}/scopes: the member's new scope."""

    scope: str

    def _check(self) -> None:
        super()._check()
        if not self.scope.strip():
            raise DeepgramValueError("ScopeOptions.scope must not be empty")


class InviteOptions(Options):
    """POST /v1/projects/{project_id}/invites: who to invite and with which scope."""

    email: str
    scope: str | None = None  # "member" when not given (set below, so it is always sent)

    def _check(self) -> None:
        super()._check()
        check_email(self.email)
        if self.scope is None:
            self.scope = "member"
        if not self.scope.strip():
            raise DeepgramValueError("InviteOptions.scope must not be empty")


class UsageRequestOptions(Options):
    """GET /v1/projects/{project_id}/requests: a window of the request log, one page at a time."""

    start: str | None = None
    end: str | None = None
    limit: int | float | None = None
    page: int | float | None = None
    status: str | None = None
    accessor: str | None = None
    request_id: str | None = None
    deployment: str | None = None
    endpoint: str | None = None
    method: str | None = None
    _enums: ClassVar[Enums] = {
        "status": frozenset({"succeeded", "failed"}),
        "deployment": DEPLOYMENTS,
        "endpoint": ENDPOINTS,
        "method": METHODS,
    }

    def _check(self) -> None:
        super()._check()
        _check_paging(self.limit, self.page)


class UsageFieldsOptions(Options):
    """GET /v1/projects/{project_id}/usage/fields: the window to list fields for."""

    start: str | None = None
    end: str | None = None


class _UsageFilters(Options):
    """The filters shared by the usage summary and the usage breakdown."""

    start: str | None = None
    end: str | None = None
    accessor: str | None = None
    tag: str | None = None
    method: str | None = None
    model: str | None = None
    deployment: str | None = None
    endpoint: str | None = None
    alternatives: bool | None = None
    callback: bool | None = None
    callback_method: bool | None = None
    channels: bool | None = None
    custom_intent: bool | None = None
    custom_intent_mode: bool | None = None
    custom_topic: bool | None = None
    custom_topic_mode: bool | None = None
    detect_entities: bool | None = None
    detect_language: bool | None = None
    detect_topics: bool | None = None
    diarize: bool | None = None
    dictation: bool | None = None
    encoding: bool | None = None
    extra: bool | None = None
    filler_words: bool | None = None
    intents: bool | None = None
    interim_results: bool | None = None
    keyterm: bool | None = None
    keywords: bool | None = None
    language: bool | None = None
    measurements: bool | None = None
    multichannel: bool | None = None
    ner: bool | None = None
    numerals: bool | None = None
    paragraphs: bool | None = None
    profanity_filter: bool | None = None
    punctuate: bool | None = None
    redact: bool | None = None
    replace: bool | None = None
    sample_rate: bool | None = None
    search: bool | None = None
    sentiment: bool | None = None
    smart_format: bool | None = None
    summarize: bool | None = None
    topics: bool | None = None
    utt_split: bool | None = None
    utterances: bool | None = None
    version: bool | None = None
    _enums: ClassVar[Enums] = {"deployment": DEPLOYMENTS, "endpoint": ENDPOINTS, "method": METHODS}


class UsageSummaryOptions(_UsageFilters):
    """GET /v1/projects/{project_id}/usage: a window and feature filters."""


class UsageBreakdownOptions(_UsageFilters):
    """GET /v1/projects/{project_id}/usage/breakdown: like the summary, grouped by one dimension."""

    grouping: str | None = None
    _enums: ClassVar[Enums] = {**_UsageFilters._enums, "grouping": USAGE_GROUPINGS}


class BillingBreakdownOptions(Options):
    """GET /v1/projects/{project_id}/billing/breakdown: dollars by accessor, deployment, line item, tags."""

    start: str | None = None
    end: str | None = None
    accessor: str | None = None
    deployment: str | None = None
    tag: str | None = None
    line_item: str | None = None
    grouping: list[str] | str | None = None  # one dimension or several
    _enums: ClassVar[Enums] = {"deployment": DEPLOYMENTS, "grouping": BILLING_GROUPINGS}

    def _check(self) -> None:
        if isinstance(self.grouping, str):
            self.grouping = [self.grouping]
        super()._check()


class BillingFieldsOptions(Options):
    """GET /v1/projects/{project_id}/billing/fields: the window to list billing fields for."""

    start: str | None = None
    end: str | None = None


class PurchasesOptions(Options):
    """GET /v1/projects/{project_id}/purchases: how many orders to list."""

    limit: int | float | None = None

    def _check(self) -> None:
        super()._check()
        _check_paging(self.limit, None)


class ModelOptions(Options):
    """GET /v1/models and /v1/projects/{project_id}/models: include older model versions."""

    include_outdated: bool | None = None


# Options of any usage endpoint: the usage fields (and summary) take another endpoint's for its window.
UsageWindowOptions = UsageRequestOptions | UsageFieldsOptions | UsageSummaryOptions | UsageBreakdownOptions
