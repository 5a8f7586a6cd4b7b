"""The traffic profile of a project: what a request of each slot of the log looks like.

A log cycles through `PERIOD` slots. Every field a filter or an aggregate looks at (endpoint,
method, status, accessor, model, tags, features, durations, cost) is fixed by the slot, so counts
and sums over millions of requests reduce to arithmetic on one period. Only the id and the
timestamps differ between two requests of the same slot.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import random
from dataclasses import dataclass
from typing import Any

from .seed_data import MODELS, Model

PERIOD = 4001  # prime, so a period never lines up with a page

ENDPOINTS = ("listen", "read", "speak", "agent")
METHODS = ("sync", "async", "streaming")
DEPLOYMENTS = ("hosted", "beta", "self-hosted")

#: Boolean feature filters accepted by `/usage` and `/usage/breakdown`. `detect_topics`,
#: `interim_results` and `ner` are older names the 4.x SDK still sends; no generated request uses them.
FEATURE_FLAGS = (
    "alternatives",
    "callback_method",
    "callback",
    "channels",
    "custom_intent_mode",
    "custom_intent",
    "custom_topic_mode",
    "custom_topic",
    "detect_entities",
    "detect_language",
    "detect_topics",
    "diarize",
    "dictation",
    "encoding",
    "extra",
    "filler_words",
    "intents",
    "interim_results",
    "keyterm",
    "keywords",
    "language",
    "measurements",
    "multichannel",
    "ner",
    "numerals",
    "paragraphs",
    "profanity_filter",
    "punctuate",
    "redact",
    "replace",
    "sample_rate",
    "search",
    "sentiment",
    "smart_format",
    "summarize",
    "topics",
    "utt_split",
    "utterances",
    "version",
)

_LISTEN_FEATURES = (
    ("punctuate", "smart_format"),
    ("diarize", "punctuate", "smart_format", "utterances"),
    ("punctuate",),
    ("detect_language", "smart_format"),
    ("diarize", "intents", "punctuate", "sentiment", "summarize", "topics"),
    ("keyterm", "numerals", "smart_format"),
    ("multichannel", "punctuate", "redact"),
    (),
)
_READ_FEATURES = (("summarize",), ("sentiment", "topics"), ("intents", "summarize", "topics"))
_SPEAK_FEATURES = (("encoding", "sample_rate"), ())
_FEATURE_PROFILES: dict[str, tuple[tuple[str, ...], ...]] = {
    "listen": _LISTEN_FEATURES,
    "read": _READ_FEATURES,
    "speak": _SPEAK_FEATURES,
    "agent": ((),),
}
_METHOD_WEIGHTS: dict[str, tuple[tuple[str, float], ...]] = {
    "listen": (("sync", 45), ("async", 20), ("streaming", 35)),
    "speak": (("sync", 80), ("streaming", 20)),
    "read": (("sync", 90), ("async", 10)),
    "agent": (("streaming", 1),),
}
_FAIL_MESSAGES = {
    400: "Bad Request: failed to process audio: corrupt or unsupported data",
    401: "Invalid credentials.",
    402: "Project does not have enough credits for this request.",
    500: "Internal server error while processing the request.",
    504: "Upstream processing timed out.",
}
_PRICE_PER_HOUR_MICRO = {"listen": 258_000, "agent": 4_500_000}
_PRICE_PER_CHAR_MICRO = 30  # speak
_PRICE_PER_TOKEN_MICRO = 1  # read


@dataclass(frozen=True, slots=True)
class Slot:
    """Everything about a request except its id and time."""

    endpoint: str
    method: str
    deployment: str
    accessor: str
    code: int
    model: Model
    language: str
    tags: tuple[str, ...]
    features: tuple[str, ...]
    channels: int
    duration_ms: int  # audio (listen) or session (agent) length
    tokens_in: int
    tokens_out: int
    tts_characters: int
    usd_micro: int
    latency_ms: int  # created -> completed

    @property
    def succeeded(self) -> bool:
        """Whether the original request succeeded (status < 300)."""
        return self.code < 300

    @property
    def feature_set(self) -> str:
        """The features used, as one comma-joined group label."""
        return ",".join(self.features)

    @property
    def line_item(self) -> str:
        """The billing line item this request is charged under, e.g. `streaming::nova-3`."""
        return f"{self.method}::{self.model.canonical_name}"

    def quantities(self) -> tuple[int, ...]:
        """The summable numbers of this request, in the order of `QUANTITIES`."""
        listen_ms = self.duration_ms if self.endpoint == "listen" else 0
        agent_ms = self.duration_ms if self.endpoint == "agent" else 0
        return (
            1,
            listen_ms,
            listen_ms * self.channels + agent_ms,
            agent_ms,
            self.tokens_in,
            self.tokens_out,
            self.tts_characters,
            1 if self.endpoint == "speak" else 0,
            self.usd_micro,
        )

    def config(self) -> dict[str, Any]:
        """The request options the original call used (`response.details.config`)."""
        config: dict[str, Any] = {"model": self.model.canonical_name, "language": self.language}
        for feature in self.features:
            config[feature] = True
        if self.method == "streaming":
            config["interim_results"] = True
        return config


#: Names of the entries of `Slot.quantities()`.
QUANTITIES = (
    "requests",
    "listen_ms",
    "total_ms",
    "agent_ms",
    "tokens_in",
    "tokens_out",
    "tts_characters",
    "tts_requests",
    "usd_micro",
)


def _pick(rng: random.Random, weighted: tuple[tuple[Any, float], ...]) -> Any:
    """One weighted random choice."""
    values, cumulative = _cumulative(weighted)
    return values[bisect.bisect_right(cumulative, rng.random() * cumulative[-1])]


@functools.lru_cache(maxsize=64)
def _cumulative(weighted: tuple[tuple[Any, float], ...]) -> tuple[tuple[Any, ...], tuple[float, ...]]:
    """Values and running weight totals of a weighted table."""
    values = tuple(value for value, _ in weighted)
    return values, tuple(itertools.accumulate(weight for _, weight in weighted))


def build_slots(seed: int, project_id: str, accessors: list[str], tags: tuple[str, ...]) -> list[Slot]:
    """Draw the `PERIOD` slots of a project's traffic from `(seed, project_id)`."""
    rng = random.Random(f"{seed}:{project_id}:traffic")
    stt = [m for m in MODELS if m.kind == "stt" and not m.outdated]
    tts = [m for m in MODELS if m.kind == "tts" and not m.outdated]
    key_weights = tuple((key, 1.0 / (rank + 1)) for rank, key in enumerate(accessors))
    tag_sets: tuple[tuple[tuple[str, ...], float], ...] = (
        ((), 3.0),
        ((tags[0],), 4.0),
        ((tags[1],), 2.0),
        ((tags[0], tags[2]), 1.0),
    )
    return [_slot(rng, stt, tts, key_weights, tag_sets) for _ in range(PERIOD)]


def _slot(
    rng: random.Random,
    stt: list[Model],
    tts: list[Model],
    key_weights: tuple[tuple[str, float], ...],
    tag_sets: tuple[tuple[tuple[str, ...], float], ...],
) -> Slot:
    """One slot: a plausible request with consistent endpoint, model, features and cost."""
    endpoint = _pick(rng, (("listen", 72), ("speak", 14), ("read", 6), ("agent", 8)))
    method: str = _pick(rng, _METHOD_WEIGHTS[endpoint])
    code = _pick(rng, ((200, 930), (400, 30), (401, 10), (402, 5), (500, 15), (504, 10)))
    model = rng.choice(tts) if endpoint == "speak" else rng.choice(stt[:4])
    features: tuple[str, ...] = rng.choice(_FEATURE_PROFILES[endpoint])
    channels = 2 if "multichannel" in features else 1
    duration_ms = tokens_in = tokens_out = characters = 0
    if endpoint == "listen":
        duration_ms = 36 * rng.randint(50, 60_000)  # 1.8 s .. 36 min, whole 1/100000 h
    elif endpoint == "agent":
        duration_ms = 36 * rng.randint(500, 20_000)
        tokens_in, tokens_out = rng.randint(800, 12_000), rng.randint(100, 2_000)
    elif endpoint == "read":
        tokens_in, tokens_out = rng.randint(400, 9_000), rng.randint(40, 700)
    else:
        characters = rng.randint(20, 2_500)
    usd_micro = 0
    if code < 300:
        usd_micro = (
            duration_ms * channels * _PRICE_PER_HOUR_MICRO.get(endpoint, 0) // 3_600_000
            + characters * _PRICE_PER_CHAR_MICRO
            + (tokens_in + tokens_out) * _PRICE_PER_TOKEN_MICRO
        )
    else:
        duration_ms = tokens_in = tokens_out = characters = 0
    return Slot(
        endpoint=endpoint,
        method=method,
        deployment=_pick(rng, (("hosted", 90), ("beta", 6), ("self-hosted", 4))),
        accessor=_pick(rng, key_weights),
        code=code,
        model=model,
        language=rng.choice(model.languages[:3]),
        tags=_pick(rng, tag_sets),
        features=features,
        channels=channels,
        duration_ms=duration_ms,
        tokens_in=tokens_in,
        tokens_out=tokens_out,
        tts_characters=characters,
        usd_micro=usd_micro,
        latency_ms=rng.randint(80, 4_000) if method != "streaming" else duration_ms + rng.randint(50, 500),
    )


def failure_message(code: int) -> str:
    """The `response.message` a failed request carries."""
    return _FAIL_MESSAGES.get(code, "Request failed.")
