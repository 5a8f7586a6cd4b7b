"""Deterministic fault injection: per route and method, fail a share of requests in a chosen way.

Kinds: `status` (an error answer such as 429 with `Retry-After`, 500, 502, 503), `latency`
(delay, then answer normally), `drop` (close the connection without answering), `truncate`
(send part of the body, then close) and `garbage` (a 200 whose body is not JSON). Whether a rule
fires is drawn from its own generator seeded by `(fault_seed, rule number)`, so a test sees the
same sequence of faults on every run.
"""

from __future__ import annotations

import random
import re
import threading
from dataclasses import dataclass, field
from typing import Any, Literal, cast

FaultKind = Literal["status", "latency", "drop", "truncate", "garbage"]
KINDS: tuple[str, ...] = ("status", "latency", "drop", "truncate", "garbage")


@dataclass
class FaultRule:
    """One fault: where it applies, what it does and how often."""

    kind: FaultKind = "status"
    path: str = "*"  # "*" = every path; `{name}` matches one segment, `*` any run inside one, `**` anything
    method: str = "*"
    status: int = 500
    rate: float = 1.0
    retry_after: float | None = None
    seconds: float = 0.0  # latency
    times: int | None = None  # stop after firing this many times
    fired: int = field(default=0, compare=False)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown fault kind {self.kind!r}; expected one of {', '.join(KINDS)}")
        if not 0.0 <= self.rate <= 1.0:
            raise ValueError("rate must be between 0 and 1")
        self._regex = _compile(self.path)

    def applies_to(self, method: str, path: str) -> bool:
        """Whether the rule covers a request (before rolling the dice)."""
        if self.method != "*" and self.method.upper() != method.upper():
            return False
        if self.times is not None and self.fired >= self.times:
            return False
        return self._regex.fullmatch(path) is not None


def _compile(pattern: str) -> re.Pattern[str]:
    """Turn a path pattern into a regex over the decoded request path."""
    if pattern in ("", "*", "**"):
        return re.compile(".*")
    out = []
    for token in re.split(r"(\{[^}/]*\}|\*\*|\*)", pattern.split("?")[0]):
        if token == "**":
            out.append(".*")
        elif token == "*":
            out.append("[^/]*")
        elif token.startswith("{") and token.endswith("}"):
            out.append("[^/]+")
        else:
            out.append(re.escape(token))
    return re.compile("".join(out).rstrip("/") + "/?")


class Faults:
    """The live set of fault rules of one emulator; safe to change from tests while it serves."""

    def __init__(self, seed: int = 0, rules: list[FaultRule] | None = None) -> None:
        self.seed = seed
        self._lock = threading.Lock()
        self._rules: list[tuple[FaultRule, random.Random]] = []
        self._added = 0
        for rule in rules or []:
            self.add_rule(rule)

    @property
    def rules(self) -> list[FaultRule]:
        """The active rules, in the order they were added."""
        with self._lock:
            return [rule for rule, _ in self._rules]

    def add(
        self,
        *,
        path: str = "*",
        method: str = "*",
        kind: FaultKind | None = None,
        status: int | None = None,
        rate: float = 1.0,
        retry_after: float | None = None,
        seconds: float = 0.0,
        times: int | None = None,
    ) -> FaultRule:
        """Add a rule; `status=` alone means an error answer, `seconds=` alone means latency."""
        if kind is None:
            kind = "latency" if status is None and seconds else "status"
        rule = FaultRule(
            kind=kind,
            path=path,
            method=method,
            status=status or 500,
            rate=rate,
            retry_after=retry_after,
            seconds=seconds,
            times=times,
        )
        return self.add_rule(rule)

    def add_rule(self, rule: FaultRule) -> FaultRule:
        """Add a prepared rule."""
        with self._lock:
            rng = random.Random(f"{self.seed}:{self._added}")
            self._added += 1
            self._rules.append((rule, rng))
        return rule

    def remove(self, rule: FaultRule) -> None:
        """Remove one rule."""
        with self._lock:
            self._rules = [(r, g) for r, g in self._rules if r is not rule]

    def clear(self) -> None:
        """Remove every rule."""
        with self._lock:
            self._rules.clear()

    def draw(self, method: str, path: str) -> list[FaultRule]:
        """The rules that fire for this request (each rule rolls its own generator once)."""
        fired: list[FaultRule] = []
        with self._lock:
            for rule, rng in self._rules:
                if rule.applies_to(method, path) and rng.random() < rule.rate:
                    rule.fired += 1
                    fired.append(rule)
        return fired


def parse_spec(spec: str) -> FaultRule:
    """Parse a command-line fault such as `path=/v1/projects/*/requests,method=GET,status=429,rate=0.1`."""
    fields: dict[str, str] = {}
    for part in spec.split(","):
        name, sep, value = part.partition("=")
        if not sep:
            raise ValueError(f"fault setting {part!r} is not NAME=VALUE")
        fields[name.strip()] = value.strip()
    kind = fields.pop("kind", None)
    if kind and kind.isdigit():
        fields.setdefault("status", kind)
        kind = "status"
    numbers = {"status": int, "times": int, "rate": float, "retry_after": float, "seconds": float}
    converted: dict[str, Any] = {k: numbers[k](v) if k in numbers else v for k, v in fields.items()}
    if kind is None:
        kind = "latency" if "seconds" in converted and "status" not in converted else "status"
    unknown = set(converted) - {"path", "method", *numbers}
    if unknown:
        raise ValueError(f"unknown fault settings: {', '.join(sorted(unknown))}")
    return FaultRule(kind=cast("FaultKind", kind), **converted)  # checked in __post_init__
