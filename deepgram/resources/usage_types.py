"""Usage types: request-log records, summaries, fields and breakdowns (plain data, fast to decode)."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

import msgspec

from deepgram.errors import ResponseValidationError
from deepgram.types.base import Model, Number, OpenModel, View, on_read


class Callback(Model):
    """A request's callback: the URL it named, or (older shape) the delivery attempts and result."""

    url: str | None = None
    method: str | None = None
    attempts: int | None = None
    code: int | None = None
    completed: str | None = None


class TokenDetail(Model):
    """Tokens one feature used on a request."""

    feature: str | None = None
    input: Number | None = None
    output: Number | None = None
    model: str | None = None


class SpeechSegment(Model):
    """One segment of synthesised speech."""

    characters: Number | None = None
    model: str | None = None
    tier: str | None = None
    start: float | None = None
    end: float | None = None
    confidence: float | None = None
    text: str | None = None


class Config(Model):
    """A single configuration setting (the 4.x SDK's name); request options arrive in `details.config`."""

    key: str | None = None
    value: str | None = None


class STTUsageDetails(Model):
    """`response.details` of a speech-to-text request: cost, audio, models, features and options."""

    usd: float | None = None
    duration: float | None = None
    total_audio: float | None = None
    channels: Number | None = None
    streams: Number | None = None
    method: str | None = None
    tier: str | None = None
    models: list[str] | None = None
    tags: list[str] | None = None
    features: list[str] | None = None
    config: dict[str, Any] | None = None
    model: str | None = None
    language: str | None = None
    version: str | None = None
    uuid: str | None = None
    batch: bool | None = None
    streaming: bool | None = None
    multichannel: bool | None = None
    alternatives: Number | None = None
    numerals: bool | None = None
    punctuate: bool | None = None
    profanity_filter: bool | None = None
    redaction: bool | None = None
    diarization: bool | None = None
    ner: bool | None = None
    search: bool | None = None
    keywords: bool | None = None
    sentiment: bool | None = None
    topics: bool | None = None
    intents: bool | None = None
    custom_topics: bool | None = None
    custom_intents: bool | None = None


class TTSUsageDetails(Model):
    """`response.tts_details` of a text-to-speech request."""

    duration: float | None = None
    speech_segments: list[SpeechSegment] | None = None
    model: str | None = None
    method: str | None = None


_NO_RESPONSE = msgspec.Raw(b"null")
_RESPONSE = msgspec.json.Decoder(dict[str, Any] | None)


class RequestResponse(OpenModel):
    """`response` of a request-log record: every key the API sent, and typed views of the known ones.

    The definition leaves this object free-form, so it is a dict: `resp["any_key"]`, `to_dict()`
    and `to_json()` keep every key. `code`, `completed`, `message`, `details`, `tts_details` and
    `token_details` read the well-known keys as types (None when absent or of another shape).
    """

    __slots__ = ()

    code = View[Number](Number, "The HTTP status the logged request got.")
    completed = View[str](str, "When the logged request completed.")
    message = View[str](str, "Why the logged request failed (failed requests only).")
    details = View[STTUsageDetails](STTUsageDetails, "Cost, audio, models and options (speech-to-text).")
    tts_details = View[TTSUsageDetails](TTSUsageDetails, "Duration and speech segments (text-to-speech).")
    token_details = View[list[TokenDetail]](list[TokenDetail], "Tokens per feature.")


class UsageRequest(Model):
    """One request-log record (GET /v1/projects/{project_id}/requests[/{request_id}]).

    Its `response` is kept as the JSON the server sent until it is first read (as `==`, `repr()`
    and `to_dict()` also do), when it becomes the typed `RequestResponse`: a page of records decodes
    without building any of them.
    """

    request_id: str = ""
    project_uuid: str | None = None
    created: str | None = None
    path: str | None = None
    api_key_id: str | None = None
    accessor: str | None = None
    code: Number | None = None
    deployment: str | None = None
    callback: Callback | str | None = None
    if TYPE_CHECKING:
        response: RequestResponse | None = None
    else:
        # msgspec skips over the value and keeps its bytes (no Python, no allocation per key); read,
        # it becomes the `RequestResponse` view of the same keys, once (see `_typed_response`).
        response: msgspec.Raw = _NO_RESPONSE

    def __eq__(self, other: object) -> bool:
        if type(other) is type(self):
            _as_read(self)
            _as_read(other)
        equal: bool = super().__eq__(other)
        return equal

    def __repr__(self) -> str:
        _as_read(self)  # shown as data, not as bytes
        return super().__repr__()


def _as_read(record: Any) -> None:
    """Make a record's typed `response` now (`==` and repr compare and show data, not bytes); one
    that is not an object stays as sent, for `record.response` to refuse."""
    with contextlib.suppress(ResponseValidationError):
        _ = record.response


def _typed_response(record: UsageRequest, value: Any) -> Any:
    """The record's `response` as a `RequestResponse` (every key kept), made on first read."""
    if value is None or type(value) is RequestResponse:
        return value
    if type(value) is msgspec.Raw:
        try:
            value = _RESPONSE.decode(value)
        except (msgspec.DecodeError, msgspec.ValidationError) as exc:
            detail = f"a request record's `response` is not an object: {exc}"
            raise ResponseValidationError(detail=detail) from None
        if value is None:
            return None
    return RequestResponse(value)


on_read(UsageRequest, "response", _typed_response)
_RESPONSE_SLOT = UsageRequest.__dict__["response"].raw  # the field itself, read without the view


class _RequestWire(UsageRequest):
    """GET request by id, either flat or wrapped as `{"request": {...}}`."""

    request: UsageRequest | None = None


def request_from_wire(wire: _RequestWire) -> UsageRequest:
    """Unwrap whichever shape arrived into a plain `UsageRequest`."""
    if wire.request is not None:
        return wire.request
    fields = {name: getattr(wire, name) for name in UsageRequest.__struct_fields__}
    return UsageRequest(**fields)


class UsageRequestsResponse(Model, kw_only=True):
    """One page of the request log: `page`, `limit` and the `requests` on it (newest first)."""

    page: Number = 0
    limit: Number = 0
    requests: list[UsageRequest]

    def __post_init__(self) -> None:
        # The definition types both as numbers: whole ones (`3.0`) read as ints, fractions are kept.
        if isinstance(self.page, float) and self.page.is_integer():
            self.page = int(self.page)
        if isinstance(self.limit, float) and self.limit.is_integer():
            self.limit = int(self.limit)
        # Each record keeps a copy of its `response` bytes, not a view into this page's body, so a
        # record kept on its own does not keep the whole page alive.
        read, keep = _RESPONSE_SLOT.__get__, _RESPONSE_SLOT.__set__
        for record in self.requests:
            kept = read(record)
            if type(kept) is msgspec.Raw:
                keep(record, kept.copy())


class Resolution(Model):
    """The time bucket of a summary or breakdown (e.g. 1 day)."""

    units: str | None = None
    amount: Number | None = None


class SummaryTokens(Model):
    """Tokens in and out over a summary period."""

    in_: Number | None = msgspec.field(default=None, name="in")
    out: Number | None = None

    @property
    def total(self) -> Number:
        """Tokens in plus out."""
        return (self.in_ or 0) + (self.out or 0)


class SummaryTTS(Model):
    """Text-to-speech characters and requests over a summary period."""

    characters: Number | None = None
    requests: Number | None = None


class UsageSummaryResults(Model):
    """Usage over one period of a summary."""

    start: str | None = None
    end: str | None = None
    hours: float | None = None
    total_hours: float | None = None
    requests: Number | None = None
    tokens: SummaryTokens | None = None
    tts: SummaryTTS | None = None


class UsageSummaryResponse(Model):
    """GET /v1/projects/{project_id}/usage. The current API omits `results`; it is then empty."""

    start: str | None = None
    end: str | None = None
    resolution: Resolution | None = None
    results: list[UsageSummaryResults] = []


class UsageResponse(UsageSummaryResponse):
    """The 4.x SDK's name for the `/usage` answer of `get_usage` (same endpoint as the summary)."""


class UsageModel(Model):
    """A model seen in the usage of a window."""

    name: str | None = None
    language: str | None = None
    version: str | None = None
    model_id: str | None = None
    canonical_name: str | None = None
    architecture: str | None = None
    uuid: str | None = None
    batch: bool | None = None
    streaming: bool | None = None


class STTTokens(Model):
    """Speech-to-text tokens over a window."""

    tokens: Number = 0
    tokens_in: Number = 0
    tokens_out: Number = 0


class TTSTokens(Model):
    """Text-to-speech tokens over a window."""

    tokens: Number = 0


class STTDetails(Model):
    """Speech-to-text totals over a window (requests, hours, tokens)."""

    requests: Number = 0
    hours: float = 0.0
    tokens: STTTokens = msgspec.field(default_factory=STTTokens)


class TTSDetails(Model):
    """Text-to-speech totals over a window (requests, characters, tokens)."""

    requests: Number = 0
    characters: Number = 0
    tokens: TTSTokens = msgspec.field(default_factory=TTSTokens)


class UsageFieldsResponse(Model):
    """GET /v1/projects/{project_id}/usage/fields, plus the `stt`/`tts` totals for the window
    (filled from the usage breakdown by endpoint unless `totals=False`)."""

    tags: list[str] = []
    models: list[UsageModel] = []
    processing_methods: list[str] = []
    features: list[str] = []
    languages: list[str] = []
    stt: STTDetails | None = None
    tts: TTSDetails | None = None


class UsageGrouping(Model):
    """What a breakdown row is grouped by; unused dimensions are None."""

    start: str | None = None
    end: str | None = None
    accessor: str | None = None
    endpoint: str | None = None
    feature_set: str | None = None
    models: list[str | None] | str | None = None
    method: str | None = None
    tags: list[str] | str | None = None
    deployment: str | None = None


class UsageBreakdownResult(Model):
    """One row of a usage breakdown."""

    hours: float = 0.0
    total_hours: float = 0.0
    agent_hours: float = 0.0
    tokens_in: Number = 0
    tokens_out: Number = 0
    tts_characters: Number = 0
    requests: Number = 0
    grouping: UsageGrouping | None = None


class UsageBreakdownResponse(Model):
    """GET /v1/projects/{project_id}/usage/breakdown."""

    start: str | None = None
    end: str | None = None
    resolution: Resolution | None = None
    results: list[UsageBreakdownResult] = []
