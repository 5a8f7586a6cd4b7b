"""Client configuration: arguments first, then the environment, then the defaults."""

from __future__ import annotations

import logging
import os
import platform
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from deepgram import defaults
from deepgram._version import __version__
from deepgram.core.headers import check_headers
from deepgram.core.retry import RetryPolicy
from deepgram.core.timeouts import check_timeout
from deepgram.core.transport import TransportConfig
from deepgram.core.urls import normalize_base_url
from deepgram.errors import DeepgramTypeError, DeepgramValueError
from deepgram.redact import SECRETS, mask

log = logging.getLogger("deepgram")
USER_AGENT = f"deepgram-manage-python/{__version__} python/{platform.python_version()}"


@dataclass
class DeepgramClientOptions:
    """Settings for `DeepgramClient` (the older SDK's name); every field may also be passed directly.

    `url` is the API host (`api.deepgram.com` or `http://127.0.0.1:8080`); `timeout` is the total
    seconds per attempt and `connect_timeout` the seconds to connect; `max_retries=0` disables retries;
    `max_response_bytes` caps the size of a response body (default 64 MiB). `options` is the 4.x
    SDK's dict of streaming settings: accepted with a warning, since the Manage API uses none.
    """

    api_key: str = ""
    access_token: str = ""
    url: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    timeout: float | None = None
    connect_timeout: float | None = None
    max_retries: int | None = None
    max_response_bytes: int | None = None
    options: dict[str, Any] = field(default_factory=dict)

    def __repr__(self) -> str:
        auth = (
            "api_key=" + mask(self.api_key)
            if self.api_key
            else "access_token=" + mask(self.access_token or None)
        )
        return f"DeepgramClientOptions(url={self.url!r}, {auth})"


# 4.x settings for its streaming clients; the Manage API has no use for them.
STREAMING_ONLY = frozenset(
    {"keepalive", "termination_exception", "termination_exception_connect", "termination_exception_send",
     "auto_flush_reply_delta", "auto_flush_speak_delta", "speaker_playback", "microphone_record"}
)


def _number(name: str, value: Any, *, minimum: float, integer: bool = False) -> Any:
    kinds = (int,) if integer else (int, float)
    if isinstance(value, bool) or not isinstance(value, kinds):
        raise DeepgramTypeError(f"{name} must be a {'whole ' if integer else ''}number, got {value!r}")
    if value < minimum:
        raise DeepgramValueError(f"{name} must be at least {minimum}, got {value}")
    return value


def resolve(options: DeepgramClientOptions, environ: Mapping[str, str] | None = None) -> TransportConfig:
    """The settings a client runs with: `options` merged with `DEEPGRAM_API_KEY`,
    `DEEPGRAM_ACCESS_TOKEN` and `DEEPGRAM_HOST`, then the defaults, each checked. The credential is
    registered with `redact.SECRETS`, so nothing the SDK prints or logs can show it."""
    env = os.environ if environ is None else environ
    api_key, token = options.api_key, options.access_token
    for name, value in (("api_key", api_key), ("access_token", token)):
        if not isinstance(value, str):
            raise DeepgramTypeError(f"{name} must be a string, not {type(value).__name__}")
    if not api_key and not token:
        api_key = env.get("DEEPGRAM_API_KEY", "")
        if not api_key:
            token = env.get("DEEPGRAM_ACCESS_TOKEN", "")
    scheme, secret = ("Token", api_key.strip()) if api_key else ("Bearer", token.strip())
    authorization = f"{scheme} {secret}" if secret else None
    SECRETS.add(secret)
    _check_extra(options.options)
    url = options.url or env.get("DEEPGRAM_HOST", "") or defaults.DEFAULT_BASE_URL
    timeout = defaults.DEFAULT_TIMEOUT if options.timeout is None else options.timeout
    connect = defaults.DEFAULT_CONNECT_TIMEOUT if options.connect_timeout is None else options.connect_timeout
    retries = defaults.DEFAULT_MAX_RETRIES if options.max_retries is None else options.max_retries
    cap = options.max_response_bytes
    cap = defaults.DEFAULT_MAX_RESPONSE_BYTES if cap is None else cap
    return TransportConfig(
        base_url=normalize_base_url(url),
        authorization=authorization,
        headers=check_headers(options.headers),
        timeout=check_timeout("timeout", timeout),
        connect_timeout=check_timeout("connect_timeout", connect),
        retry=RetryPolicy(max_retries=_number("max_retries", retries, minimum=0, integer=True)),
        user_agent=USER_AGENT,
        max_response_bytes=_number("max_response_bytes", cap, minimum=1, integer=True),
    )


def _check_extra(extra: Any) -> None:
    """The 4.x `options={...}` dict: its streaming settings are named in a warning, anything else
    is refused, so no setting is dropped without a word."""
    if not isinstance(extra, Mapping):
        raise DeepgramTypeError(f"options must be a dict, not {type(extra).__name__}")
    unknown = sorted(str(name) for name in extra if name not in STREAMING_ONLY)
    if unknown:
        raise DeepgramValueError(
            f"unknown client option(s) {', '.join(unknown)}: pass timeout=, connect_timeout=, "
            "max_retries=, headers= or url= to DeepgramClient instead"
        )
    if extra:
        log.warning("ignoring %s: streaming settings the Manage API does not use", ", ".join(sorted(extra)))
