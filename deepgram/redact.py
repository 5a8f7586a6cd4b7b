"""Keeps API keys and created key secrets out of reprs, headers, log lines and error messages."""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable, Mapping

REDACTED = "***"

# Secrets at least this long are found anywhere in a text; shorter ones only as a whole word
# (replacing "abc1" inside other words would mangle text), and under `MIN_SHORT_SECRET` not at all.
MIN_SECRET_LENGTH = 8
MIN_SHORT_SECRET = 4

# Characters of secrets found by scanning runs of them (API keys, base64url and JWT tokens);
# a secret with any other character is replaced by plain substring search instead.
_RUN_CHARS = r"A-Za-z0-9_\-.+/~"
_SECRET_CHARS = re.compile(f"[{_RUN_CHARS}]+")
_WORD = re.compile(r"[A-Za-z0-9_\-]+")

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
    """A thread-safe set of secrets (API key, created key secrets) to scrub from any text.

    Adding or forgetting a secret is O(1), and scrubbing costs the same with ten secrets or ten
    thousand: a C-speed scan finds runs of secret characters, and only windows of the registered
    lengths inside those runs are looked up in a hash set. A created key is registered under its
    id and forgotten when that key is deleted, so the registry does not grow with key churn.
    """

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        self._lock = threading.Lock()
        self._long: set[str] = set()  # found anywhere
        self._short: set[str] = set()  # found as whole words
        self._odd: set[str] = set()  # with characters outside _RUN_CHARS: substring search
        self._lengths: dict[int, int] = {}  # length -> how many long secrets have it
        self._by_name: dict[str, str] = {}  # created key id -> its secret
        self._scan: tuple[tuple[int, ...], int] = ((), 0)  # long lengths, longest first; shortest
        for secret in secrets:
            self.add(secret)

    def add(self, secret: str | None, *, name: str | None = None) -> None:
        """Register a secret (optionally under `name`, the id of the key it belongs to); `None`,
        non-strings and secrets under 4 characters are ignored."""
        if not isinstance(secret, str) or len(secret) < MIN_SHORT_SECRET:
            return
        with self._lock:
            if name is not None:
                self._by_name[name] = secret
            if secret in self:
                return
            if not _SECRET_CHARS.fullmatch(secret):
                self._odd = self._odd | {secret}
            elif len(secret) < MIN_SECRET_LENGTH:
                if _WORD.fullmatch(secret):
                    self._short.add(secret)
                else:
                    self._odd = self._odd | {secret}
            else:
                self._long.add(secret)
                self._lengths[len(secret)] = self._lengths.get(len(secret), 0) + 1
                self._rescan()

    def discard(self, secret: str) -> None:
        """Forget a secret; unknown secrets are ignored."""
        with self._lock:
            self._short.discard(secret)
            if secret in self._odd:
                self._odd = self._odd - {secret}
            if secret in self._long:
                self._long.discard(secret)
                count = self._lengths.pop(len(secret)) - 1
                if count:
                    self._lengths[len(secret)] = count
                self._rescan()

    def forget(self, name: str) -> None:
        """Forget the secret registered under `name` (a key that was deleted); unknown names are ignored."""
        secret = self._by_name.pop(name, None)
        if secret is not None:
            self.discard(secret)

    def _rescan(self) -> None:
        lengths = tuple(sorted(self._lengths, reverse=True))  # distinct lengths: a handful
        self._scan = (lengths, lengths[-1] if lengths else 0)

    def __len__(self) -> int:
        return len(self._long) + len(self._short) + len(self._odd)

    def __contains__(self, secret: object) -> bool:
        return secret in self._long or secret in self._short or secret in self._odd

    def __repr__(self) -> str:
        return f"SecretRegistry(<{len(self)} secrets>)"

    def scrub(self, text: str) -> str:
        """Return `text` with every registered secret, and any credentials in a URL, replaced by `***`."""
        if not text:
            return text
        if self._long or self._short or self._odd:
            spans = self._spans(text)
            if spans:
                text = _replace(text, spans)
        return redact_url_credentials(text)

    def _spans(self, text: str) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        lengths, shortest = self._scan
        long = self._long
        if long and len(text) >= shortest:
            for run in _SECRET_CHARS.finditer(text):
                start, end = run.span()
                i = start
                while i <= end - shortest:
                    for length in lengths:  # longest first, so a secret containing another wins
                        if i + length <= end and text[i : i + length] in long:
                            spans.append((i, i + length))
                            i += length
                            break
                    else:
                        i += 1
        short = self._short
        if short:
            spans.extend(word.span() for word in _WORD.finditer(text) if word.group() in short)
        for secret in self._odd:
            found = text.find(secret)
            while found >= 0:
                spans.append((found, found + len(secret)))
                found = text.find(secret, found + len(secret))
        return spans

    def scrub_bytes(self, data: bytes) -> bytes:
        """`scrub` for a body: bytes that are not UTF-8 are kept as they are."""
        if not data:
            return data
        text = data.decode("utf-8", "surrogateescape")
        scrubbed = self.scrub(text)
        return data if scrubbed == text else scrubbed.encode("utf-8", "surrogateescape")

    def logging_filter(self) -> logging.Filter:
        """A `logging.Filter` that formats each record's message and scrubs it, its traceback and stack."""
        return _ScrubbingFilter(self)


def _replace(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each span replaced by `***`; a span overlapping an earlier, longer one is skipped."""
    spans.sort(key=lambda span: (span[0], -span[1]))
    out: list[str] = []
    position = 0
    for start, end in spans:
        if start < position:
            continue
        out.append(text[position:start])
        out.append(REDACTED)
        position = end
    out.append(text[position:])
    return "".join(out)


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
