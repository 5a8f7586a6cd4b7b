"""Deterministic, realistic-looking seed material: ids, people, project names and the model catalogue."""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field
from typing import Any

FIRST_NAMES = (
    "Ada",
    "Bilal",
    "Carmen",
    "Dmitri",
    "Eun-ji",
    "Farah",
    "Gustavo",
    "Hana",
    "Ifeoma",
    "Jonas",
    "Keiko",
    "Lucas",
    "Maya",
    "Nikhil",
    "Olga",
    "Pedro",
    "Quinn",
    "Rosa",
    "Samir",
    "Tamsin",
    "Umar",
    "Valeria",
    "Wen",
    "Ximena",
    "Yusuf",
    "Zofia",
)
LAST_NAMES = (
    "Abara",
    "Berg",
    "Castillo",
    "Dubois",
    "Eriksen",
    "Fujita",
    "Garcia",
    "Haddad",
    "Ivanova",
    "Jensen",
    "Kowalski",
    "Lindqvist",
    "Moreau",
    "Nakamura",
    "Okafor",
    "Petrov",
    "Quispe",
    "Rossi",
    "Schmidt",
    "Tanaka",
    "Usman",
    "Varga",
    "Wong",
    "Yilmaz",
    "Zhou",
)
DOMAINS = ("acme-audio.io", "northwind.dev", "harborlabs.com", "bluefin.ai")
PROJECT_NAMES = (
    "Call Center Analytics",
    "Podcast Transcription",
    "Voice Agent Sandbox",
    "Meeting Notes",
    "Clinical Dictation",
    "Media Captioning",
)
COMPANIES = ("Acme Audio", "Northwind Speech", "Harbor Labs", "Bluefin AI")
KEY_COMMENTS = (
    "production transcription",
    "ci pipeline",
    "analytics dashboard",
    "staging backend",
    "on-call laptop",
    "batch reprocessing",
    "voice agent",
    "data export",
)
PROJECT_TAGS = ("prod", "staging", "batch", "support", "research", "mobile")


def det_hex(*parts: object, length: int = 32) -> str:
    """A stable hex string derived from `parts` (same parts, same output, on every machine)."""
    digest = hashlib.blake2b("\x1f".join(map(str, parts)).encode(), digest_size=32).hexdigest()
    return digest[:length]


def det_uuid(*parts: object) -> str:
    """A stable UUID-4-shaped id derived from `parts`."""
    h = det_hex(*parts)
    variant = "89ab"[int(h[16], 16) % 4]
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{variant}{h[17:20]}-{h[20:32]}"


def det_secret(*parts: object) -> str:
    """A stable 40-hex-digit secret, shaped like a Deepgram API key."""
    return det_hex("secret", *parts, length=40)


@dataclass(frozen=True)
class Person:
    """A seeded human: name and e-mail."""

    first_name: str
    last_name: str
    email: str


def people(rng: random.Random, count: int, domain: str, taken: set[str]) -> list[Person]:
    """Draw `count` distinct people with e-mails at `domain`, skipping e-mails in `taken`."""
    result: list[Person] = []
    while len(result) < count:
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        email = f"{first.lower().replace('-', '')}.{last.lower()}@{domain}"
        if email in taken:
            continue
        taken.add(email)
        result.append(Person(first, last, email))
    return result


@dataclass(frozen=True)
class Model:
    """One entry of the model catalogue (speech-to-text or text-to-speech)."""

    kind: str  # "stt" or "tts"
    name: str
    canonical_name: str
    architecture: str
    languages: tuple[str, ...]
    version: str
    outdated: bool = False
    public: bool = True
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def uuid(self) -> str:
        """The model's id: stable across runs and seeds, like a real catalogue."""
        return det_uuid("model", self.canonical_name, self.version)

    def to_wire(self) -> dict[str, Any]:
        """The JSON object `/v1/models` returns for this model."""
        wire: dict[str, Any] = {
            "name": self.name,
            "canonical_name": self.canonical_name,
            "architecture": self.architecture,
            "languages": list(self.languages),
            "version": self.version,
            "uuid": self.uuid,
        }
        if self.kind == "stt":
            wire.update(batch=True, streaming=True, formatted_output=self.architecture != "whisper")
        else:
            wire["metadata"] = dict(self.metadata)
        return wire


def _voice(
    name: str, accent: str, age: str, color: str, tags: tuple[str, ...], version: str, outdated: bool = False
) -> Model:
    """A text-to-speech voice of the Aura family."""
    arch = "aura-2" if name.startswith("aura-2") else "aura"
    voice = name.split("-")[-2]
    return Model(
        "tts",
        voice,
        name,
        arch,
        ("en", "en-US"),
        version,
        outdated,
        metadata={
            "accent": accent,
            "age": age,
            "color": color,
            "image": f"https://static.deepgram.com/examples/avatars/{voice}.jpg",
            "sample": f"https://static.deepgram.com/examples/voices/{name}.wav",
            "tags": list(tags),
            "use_cases": ["ivr", "storytelling"],
        },
    )


MODELS: tuple[Model, ...] = (
    Model("stt", "nova-3", "nova-3", "polaris", ("en", "en-US", "es", "fr", "de"), "2025-04-17.21547"),
    Model("stt", "nova-3-medical", "nova-3-medical", "polaris", ("en", "en-US"), "2025-03-31.18040"),
    Model("stt", "nova-2", "nova-2", "arcturus", ("en", "en-US", "es", "hi", "ja"), "2024-01-11.36317"),
    Model("stt", "nova-2-phonecall", "nova-2-phonecall", "arcturus", ("en", "en-US"), "2024-02-05.30128"),
    Model("stt", "nova-2", "nova-2", "arcturus", ("en", "en-US"), "2023-11-14.3290", outdated=True),
    Model("stt", "enhanced", "enhanced-general", "polaris", ("en",), "2022-05-18.1", outdated=True),
    Model("stt", "whisper-large", "whisper-large", "whisper", ("en", "multi"), "2023-02-22.0"),
    _voice("aura-2-thalia-en", "American", "Adult", "#A3E4FF", ("feminine", "clear"), "2025-04-07.0"),
    _voice("aura-2-orion-en", "American", "Adult", "#5E7DFF", ("masculine", "calm"), "2025-04-07.0"),
    _voice("aura-2-pandora-en", "British", "Adult", "#C9A3FF", ("feminine", "smooth"), "2025-04-07.0"),
    _voice("aura-asteria-en", "American", "Young Adult", "#FFB74D", ("feminine",), "2023-10-20.1", True),
)

#: Custom (non-public) models only the main project may use.
CUSTOM_MODELS: tuple[Model, ...] = (
    Model(
        "stt", "nova-3-acme-claims", "nova-3-acme-claims", "polaris", ("en-US",), "2025-06-02.1", public=False
    ),
)
