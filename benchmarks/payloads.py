"""Deterministic, realistic response bodies (request-log pages, projects, keys) for every benchmark.

Bodies use only shapes that every measured SDK can decode (4.8.1 needs `response`; 7.x types
`callback` as a string and 4.8.1 as an object, so records carry no callback). Request ids contain
a page marker that the fixed-bytes server swaps per page, so paged scrapes see distinct records.
"""

from __future__ import annotations

import json
import os
import random
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

#: Six characters inside every request id, replaced by the page number (hex) when served.
PAGE_MARKER = "PPPPPP"
PROJECT_ID = "3f1c2b7e-5d4a-4e1b-9c2d-7a8b9c0d1e2f"
RECORD_PAGES = (10, 100, 1000)
KEY_COUNT = 200
PROJECT_COUNT = 5
_EPOCH = datetime(2026, 1, 31, 23, 59, 0, tzinfo=timezone.utc)

_LISTEN_CONFIGS: list[dict[str, Any]] = [
    {"model": "nova-3", "language": "en", "punctuate": True, "smart_format": True, "diarize": False},
    {"model": "nova-2-phonecall", "language": "en", "utterances": True, "diarize": True, "numerals": True},
    {"model": "nova-3", "language": "multi", "detect_language": True, "summarize": "v2", "topics": True},
    {"model": "whisper-large", "language": "de", "punctuate": True, "profanity_filter": True},
]
_TAGS = ["prod", "staging", "batch-jobs", "call-center", "eu", "nightly"]
_FEATURES = ["punctuate", "smart_format", "diarize", "utterances", "summarize", "topics", "sentiment"]


def _uuid(rng: random.Random, marker: str | None = None) -> str:
    """A UUID-shaped id; with a marker, its last group starts with the 6-character page slot."""
    hexes = f"{rng.getrandbits(128):032x}"
    tail = (marker + hexes[26:]) if marker else hexes[20:]
    return f"{hexes[:8]}-{hexes[8:12]}-4{hexes[13:16]}-8{hexes[17:20]}-{tail}"


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def request_record(rng: random.Random, index: int, key_ids: list[str]) -> dict[str, Any]:
    """One request-log record: nested `response.details` with `config`, tokens or TTS segments."""
    created = _EPOCH - timedelta(seconds=37 * index + rng.randint(0, 30))
    completed = created + timedelta(milliseconds=rng.randint(200, 9000))
    key_id = key_ids[index % len(key_ids)]
    kind = rng.random()
    record: dict[str, Any] = {
        "request_id": _uuid(rng, PAGE_MARKER),
        "project_uuid": PROJECT_ID,
        "created": _iso(created),
        "api_key_id": key_id,
        "accessor": key_id,
        "deployment": "hosted",
    }
    if kind < 0.08:  # a failed request: no details, a message instead
        record["path"] = "/v1/listen?model=nova-3"
        record["code"] = 400
        record["response"] = {"code": 400, "completed": _iso(completed), "message": "Bad Request: no audio"}
        return record
    if kind < 0.25:  # text to speech
        characters = rng.randint(20, 2000)
        record["path"] = "/v1/speak?model=aura-2-thalia-en&encoding=linear16"
        record["code"] = 200
        record["response"] = {
            "code": 200,
            "completed": _iso(completed),
            "details": {
                "usd": round(characters * 0.00003, 6),
                "duration": 0.0,
                "total_audio": 0.0,
                "channels": 1,
                "streams": 1,
                "method": "sync",
                "tier": "aura-2",
                "models": [_uuid(rng)],
                "tags": rng.sample(_TAGS, 1),
                "features": [],
                "config": {"model": "aura-2-thalia-en", "encoding": "linear16"},
            },
            "tts_details": {
                "duration": round(characters / 15.0, 4),
                "speech_segments": [
                    {"characters": characters, "model": "aura-2-thalia-en", "tier": "aura-2"}
                ],
            },
        }
        return record
    config = dict(_LISTEN_CONFIGS[index % len(_LISTEN_CONFIGS)])
    duration = round(rng.uniform(2.0, 1800.0), 5)
    streaming = rng.random() < 0.3
    features = sorted(rng.sample(_FEATURES, rng.randint(1, 4)))
    query = "&".join(f"{k}={str(v).lower()}" for k, v in config.items())
    record["path"] = f"/v1/listen?{query}"
    record["code"] = 200
    response: dict[str, Any] = {
        "code": 200,
        "completed": _iso(completed),
        "details": {
            "usd": round(duration * 0.0043 / 60, 6),
            "duration": duration,
            "total_audio": duration,
            "channels": rng.choice([1, 1, 2]),
            "streams": 1,
            "method": "streaming" if streaming else rng.choice(["sync", "async"]),
            "tier": "nova",
            "models": [_uuid(rng) for _ in range(rng.randint(1, 2))],
            "tags": rng.sample(_TAGS, rng.randint(0, 2)),
            "features": features,
            "config": config,
        },
    }
    if "summarize" in features or "topics" in features:
        response["token_details"] = [
            {
                "feature": feature,
                "input": rng.randint(100, 9000),
                "model": "llama-3-8b",
                "output": rng.randint(20, 600),
            }
            for feature in features
            if feature in ("summarize", "topics", "sentiment")
        ]
    record["response"] = response
    return record


def requests_page(size: int, *, seed: int = 7) -> dict[str, Any]:
    """A `/requests` page of `size` records (newest first), the same for the same seed."""
    rng = random.Random(seed * 1_000_003 + size)
    key_ids = [_uuid(rng) for _ in range(12)]
    return {"page": 0, "limit": size, "requests": [request_record(rng, i, key_ids) for i in range(size)]}


def keys_list(count: int = KEY_COUNT, *, seed: int = 11) -> dict[str, Any]:
    """`GET /keys`: `count` entries, each an `api_key` with its owning `member`."""
    rng = random.Random(seed)
    first = ["Ada", "Grace", "Alan", "Hana", "Linus", "Margaret", "Ken", "Barbara", "Tim", "Radia"]
    last = ["Lovelace", "Hopper", "Turing", "Tanaka", "Torvalds", "Hamilton", "Thompson", "Liskov"]
    members = []
    for i in range(25):
        given, family = first[i % len(first)], last[i % len(last)]
        members.append(
            {
                "member_id": _uuid(rng),
                "email": f"{given.lower()}.{family.lower()}{i}@example.com",
                "first_name": given,
                "last_name": family,
            }
        )
    entries = []
    for i in range(count):
        created = _EPOCH - timedelta(days=rng.randint(1, 700), seconds=rng.randint(0, 86400))
        api_key: dict[str, Any] = {
            "api_key_id": _uuid(rng),
            "comment": f"service key {i} ({rng.choice(_TAGS)})",
            "scopes": rng.choice([["member"], ["usage:read"], ["keys:read", "keys:write"], ["admin"]]),
            "tags": rng.sample(_TAGS, rng.randint(0, 2)),
            "created": _iso(created),
        }
        if i % 4 == 0:
            api_key["expiration_date"] = _iso(created + timedelta(days=365))
        entries.append({"member": members[i % len(members)], "api_key": api_key})
    return {"api_keys": entries}


def projects_list(count: int = PROJECT_COUNT) -> dict[str, Any]:
    """`GET /projects`: a handful of projects, the benchmark project first."""
    names = ["Clinical Dictation", "Call Center EU", "Podcast Archive", "Voice Agent", "Sandbox"]
    rng = random.Random(3)
    ids = [PROJECT_ID] + [_uuid(rng) for _ in range(count - 1)]
    return {"projects": [{"project_id": ids[i], "name": names[i % len(names)]} for i in range(count)]}


def encode(document: dict[str, Any]) -> bytes:
    """Compact JSON, as the API sends it."""
    return json.dumps(document, separators=(",", ":")).encode()


def build_all() -> dict[str, bytes]:
    """Every body the benchmarks use, by name (`req10`, `req100`, `req1000`, `keys200`, `projects`)."""
    bodies = {f"req{size}": encode(requests_page(size)) for size in RECORD_PAGES}
    bodies[f"keys{KEY_COUNT}"] = encode(keys_list())
    bodies["projects"] = encode(projects_list())
    return bodies


def for_decoding(body: bytes) -> bytes:
    """The body as one page of it is served: the page marker replaced by page 0."""
    return body.replace(PAGE_MARKER.encode(), b"000000")


def write_all(directory: Path) -> dict[str, Path]:
    """Write every body to `directory/<name>.json` (with the page marker kept) and return the paths."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, body in build_all().items():
        path = directory / f"{name}.json"
        if not path.exists() or path.read_bytes() != body:
            tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")  # atomic: runs may share the folder
            tmp.write_bytes(body)
            tmp.replace(path)
        paths[name] = path
    return paths
