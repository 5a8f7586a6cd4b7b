"""Keeps API keys and created key secrets out of reprs, headers, log lines and error messages."""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable, Mapping

REDACTED = "***"

# Secrets shorter than this are not registered: replacing "abc" everywhere would mangle any text.
MIN_SECRET_LENGTH = 8

# A header whose lower-cased name contains one of these carries a credential.
_SENSITIVE_HEADER_PARTS = ("key", "token", "secret", "cookie", "password")
_AUTH_HEADERS = frozenset({"authorization", "proxy-authorization"})

# A JSON string member whose name looks like a credential, e.g. "key": "..." in a created key.
# The closing quote is optional so a body cut off in the middle of a secret is still redacted.
_JSON_SECRET_MEMBER = re.compile(
    r'("[^"\\]*(?:key|secret|token|password)[^"\\]*"\s*:\s*)"(?:[^"\\]|\\.)*"?',
    re.IGNORECASE,
)

# Credentials inside a URL (`http://user:pass@proxy:3128`): scrubbed from any text, registered or not.
_URL_USERINFO = re.compile(r"(\b[a-z][a-z0-9+.-]*://)[^/\s@]+@", re.IGNORECASE)


def redact_url_credentials(text: str) -> str:
    """Replace the `user:password@` part of every URL in `text` with `***@`."""
    return _URL_USERINFO.sub(rf"\g<1>{REDACTED}@", text) if "@" in text else text


def redact_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """Return a copy of `headers` with credentials replaced by `***` (Authorization keeps its scheme)."""
    redacted: dict[str, str] = {}
    for name, value in headers.items():
        lowered = name.lower()
        if lowered in _AUTH_HEADERS:
            parts = str(value).split(None, 1)
            redacted[name] = f"{parts[0]} {REDACTED}" if len(parts) == 2 else REDACTED
        elif any(part in lowered for part in _SENSITIVE_HEADER_PARTS):
            redacted[name] = REDACTED
        else:
            redacted[name] = value
    return redacted


def redact_json_secrets(text: str) -> str:
    """Replace the value of every JSON string member named like a credential (`key`, `token`...)."""
    return _JSON_SECRET_MEMBER.sub(lambda m: f'{m.group(1)}"{REDACTED}"', text)


def mask(secret: str | None) -> str:
    """Render a secret for a repr without revealing any of it: `None`, `''` or `<secret: N chars>`."""
    if secret is None:
        return "None"
    if not secret:
        return "''"
    return f"<secret: {len(secret)} chars>"


class SecretRegistry:
    """A thread-safe set of secrets (API key, created key secrets) to scrub from any text."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        self._lock = threading.Lock()
        self._secrets: frozenset[str] = frozenset()
        self._pattern: re.Pattern[str] | None = None
        for secret in secrets:
            self.add(secret)

    def add(self, secret: str | None) -> None:
        """Register a secret; `None`, non-strings and secrets under 8 characters are ignored."""
        if not isinstance(secret, str) or len(secret) < MIN_SECRET_LENGTH:
            return
        with self._lock:
            if secret not in self._secrets:
                self._rebuild(self._secrets | {secret})

    def discard(self, secret: str) -> None:
        """Forget a secret (for example after its key was deleted); unknown secrets are ignored."""
        with self._lock:
            if secret in self._secrets:
                self._rebuild(self._secrets - {secret})

    def _rebuild(self, secrets: frozenset[str]) -> None:
        # Longest first, so a secret that contains another is replaced whole.
        ordered = sorted(secrets, key=len, reverse=True)
        pattern = re.compile("|".join(re.escape(s) for s in ordered)) if ordered else None
        # One reference swap: readers in other threads see the old or the new pair, both consistent.
        self._secrets, self._pattern = secrets, pattern

    def __len__(self) -> int:
        return len(self._secrets)

    def __contains__(self, secret: object) -> bool:
        return secret in self._secrets

    def __repr__(self) -> str:
        return f"SecretRegistry(<{len(self._secrets)} secrets>)"

    def scrub(self, text: str) -> str:
        """Return `text` with every registered secret, and any credentials in a URL, replaced by `***`."""
        pattern = self._pattern
        if not text:
            return text
        if pattern is not None:
            text = pattern.sub(REDACTED, text)
        return redact_url_credentials(text)

    def logging_filter(self) -> logging.Filter:
        """A `logging.Filter` that formats each record's message and scrubs it, its traceback and stack."""
        return _ScrubbingFilter(self)


class _ScrubbingFilter(logging.Filter):
    """Formats `msg % args` first so a secret passed as an argument is scrubbed too."""

    def __init__(self, registry: SecretRegistry) -> None:
        super().__init__()
        self._registry = registry

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: let logging report it as usual
            return True
        record.msg = self._registry.scrub(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self._registry.scrub(record.exc_text)
        if record.stack_info:
            record.stack_info = self._registry.scrub(record.stack_info)
        return True


# The process-wide registry: the client adds its API key, the keys endpoint each created secret.
SECRETS = SecretRegistry()
