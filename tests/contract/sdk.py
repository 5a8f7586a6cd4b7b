"""The SDK's side of the contract: its declaration of each operation, and decoding a body through it."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import msgspec

from deepgram.core.decoding import decode
from deepgram.endpoints import ALL

_PARAM = re.compile(r"\{[^}]+\}")


def _shape(method: str, path: str) -> tuple[str, str]:
    return method, _PARAM.sub("{}", path)


def declarations() -> dict[tuple[str, str], Any]:
    """Every SDK declaration by (method, path with its parameter names blanked)."""
    return {_shape(e.method, e.path): e for e in ALL}


def declaration_for(op: dict[str, Any]) -> Any:
    """The SDK declaration of a definition operation, or None."""
    return declarations().get(_shape(op["method"], op["path"]))


def sdk_decode(declaration: Any, body: bytes) -> Any:
    """What a call returns for `body`: decoded into the wire type, then adapted to the public type.
    (`Operation.parse` would also apply `requires`, which the definition does not state.)"""
    wire = decode(declaration.wire, body)
    return declaration.adapt(wire) if declaration.adapt is not None else wire


def sdk_required(declaration: Any) -> set[str]:
    """Members the SDK requires of a body though the definition marks none required: the list a list
    endpoint returns (its wire type's fields without a default)."""
    wire = declaration.wire
    if not (isinstance(wire, type) and issubclass(wire, msgspec.Struct)):
        return set()
    return {f.encode_name for f in msgspec.structs.fields(wire) if f.required}


def leaves(value: Any) -> Counter[tuple[str, Any]]:
    """Every scalar inside `value` (nulls aside), counted; numbers compare by value (1 == 1.0)."""
    found: Counter[tuple[str, Any]] = Counter()
    stack = [value]
    while stack:
        item = stack.pop()
        if item is None:
            continue
        if isinstance(item, bool):
            found["bool", item] += 1
        elif isinstance(item, (int, float)):
            found["number", item] += 1
        elif isinstance(item, str):
            found["string", item] += 1
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)):
            stack.extend(item)
        elif isinstance(item, msgspec.Struct):
            stack.extend(getattr(item, name) for name in item.__struct_fields__)
        else:
            raise TypeError(f"unexpected {type(item).__name__} in a decoded result")
    return found
