"""The API definition as data (`definition.json`), a validator for bodies, and a generator of valid ones.

Schema nodes: `{"type": "string"|"number"|"integer"|"boolean"|"any"}` with optional `format`, `enum`,
`nullable`; `{"type": "array", "items": node}`; `{"type": "object", "properties": {...}, "required":
[...]}`, or `"free": true` (any keys and values), or `"map": "string"` (any keys, string values);
`{"oneOf": [node, ...]}`.
"""

from __future__ import annotations

import json
import re
import string
from collections.abc import Iterator
from datetime import timezone
from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

HERE = Path(__file__).parent

_FORMATS = {
    "date": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "date-time": re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"),
    "uuid": re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"),
    "email": re.compile(r"^[^@\s]+@[^@\s]+$"),
    "uri": re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$"),
}

#: Keys and shapes real responses are known to carry beyond the definition (manage-api.md records
#: each): operation number -> dotted paths (`a[].b`) where an extra key, or another type, may appear.
OBSERVED: dict[int, frozenset[str]] = {
    2: frozenset({"company"}),
    6: frozenset(
        {
            "api_keys[].member.first_name",
            "api_keys[].member.last_name",
            "api_keys[].api_key.tags",
            "api_keys[].api_key.expiration_date",
        }
    ),
    7: frozenset({"created"}),
    8: frozenset({"api_key", "member"}),  # the flat pair of older servers (variant A)
    17: frozenset({"requests[].accessor", "requests[].callback"}),  # callback: the object variant
    18: frozenset(
        {"request.accessor", "request.callback"}
        | {  # the flat record of older servers (variant A)
            "request_id", "project_uuid", "created", "path", "api_key_id", "accessor", "code",
            "deployment", "callback", "response",
        }
    ),
    19: frozenset({"results"}),  # older servers' per-period totals
    20: frozenset({"languages"}),
    22: frozenset({"balances[].purchase"}),
    23: frozenset({"purchase"}),
}


@cache
def definition() -> dict[str, Any]:
    """The parsed definition: `operations` (45) and the `error` body schema."""
    data: dict[str, Any] = json.loads((HERE / "definition.json").read_text())
    return data


def operations() -> list[dict[str, Any]]:
    """Every operation of the definition, in its order."""
    ops: list[dict[str, Any]] = definition()["operations"]
    return ops


def operation(number: int) -> dict[str, Any]:
    """One operation by its number in the definition (1..45)."""
    return operations()[number - 1]


def query_params(op: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The operation's query parameters by name."""
    return {p["name"]: p["schema"] for p in op["params"] if p["in"] == "query"}


# validation --------------------------------------------------------------------------------------


def validate(node: dict[str, Any], value: Any, allowed: frozenset[str] = frozenset()) -> list[str]:
    """Every way `value` breaks `node`, as `path: problem` lines (empty when it conforms).

    Keys not in the definition are reported unless their path is in `allowed` (see `OBSERVED`).
    """
    return list(_check(node, value, "", allowed))


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _check(node: dict[str, Any], value: Any, path: str, allowed: frozenset[str]) -> Iterator[str]:
    if path in allowed:
        return
    if "oneOf" in node:
        # The definition's unions overlap (any object matches both model shapes), so "at least one".
        results = [list(_check(alt, value, path, allowed)) for alt in node["oneOf"]]
        if all(results):
            yield f"{path or '$'}: matches no alternative ({min(results, key=len)[0]})"
        return
    if value is None:
        if not node.get("nullable") and node["type"] != "any":
            yield f"{path or '$'}: null where the definition does not allow it"
        return
    kind = node["type"]
    if kind == "any":
        return
    if kind == "string":
        if not isinstance(value, str):
            yield f"{path}: expected a string, got {value!r}"
            return
        if "enum" in node and value not in node["enum"]:
            yield f"{path}: {value!r} not among {node['enum']}"
        fmt = node.get("format")
        if fmt in _FORMATS and not _FORMATS[fmt].match(value):
            yield f"{path}: {value!r} is not a {fmt}"
    elif kind == "number":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            yield f"{path}: expected a number, got {value!r}"
    elif kind == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            yield f"{path}: expected an integer, got {value!r}"
    elif kind == "boolean":
        if not isinstance(value, bool):
            yield f"{path}: expected a boolean, got {value!r}"
    elif kind == "array":
        if not isinstance(value, list):
            yield f"{path}: expected an array, got {value!r}"
            return
        for item in value:
            yield from _check(node["items"], item, path + "[]", allowed)
    elif kind == "object":
        if not isinstance(value, dict):
            yield f"{path or '$'}: expected an object, got {value!r}"
            return
        if node.get("free"):
            return
        if node.get("map"):
            for key, item in value.items():
                if not isinstance(item, str):
                    yield f"{_join(path, key)}: expected a string value, got {item!r}"
            return
        properties = node["properties"]
        for key in node["required"]:
            if key not in value:
                yield f"{_join(path, key)}: required but missing"
        for key, item in value.items():
            where = _join(path, key)
            if key in properties:
                yield from _check(properties[key], item, where, allowed)
            elif where not in allowed:
                yield f"{where}: not in the definition"


# generation --------------------------------------------------------------------------------------

_KEYS = st.text(string.ascii_lowercase + "_", min_size=1, max_size=8)
_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=10)
_JSON_SCALARS = st.none() | st.booleans() | st.integers(-(2**53), 2**53) | _TEXT | st.floats(
    allow_nan=False, allow_infinity=False
)
_JSON = st.recursive(
    _JSON_SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_KEYS, inner, max_size=3),
    max_leaves=8,
)
_NUMBERS = st.integers(-(10**9), 10**9) | st.floats(allow_nan=False, allow_infinity=False, width=64).filter(
    lambda x: abs(x) < 1e15
)


def _string(node: dict[str, Any]) -> st.SearchStrategy[str]:
    if "enum" in node:
        return st.sampled_from(node["enum"])
    fmt = node.get("format")
    if fmt == "date":
        return st.dates().map(lambda d: d.isoformat())
    if fmt == "date-time":
        return st.datetimes(timezones=st.just(timezone.utc)).map(
            lambda d: d.strftime("%Y-%m-%dT%H:%M:%S") + (f".{d.microsecond:06d}" if d.microsecond else "") + "Z"
        )
    if fmt == "uuid":
        return st.uuids().map(str)
    if fmt == "email":
        return st.from_regex(r"\A[a-z]{1,8}@[a-z]{1,8}\.com\Z")
    if fmt == "uri":
        return st.from_regex(r"\Ahttps://[a-z]{1,8}\.example/[a-z]{0,8}\Z")
    return _TEXT


def values(node: dict[str, Any], *, top: bool = False) -> st.SearchStrategy[Any]:
    """Values valid under `node`: non-integral numbers, nulls where allowed, extra keys in free-form objects."""
    if "oneOf" in node:
        return st.one_of([values(alt, top=top) for alt in node["oneOf"]])
    strategy = _non_null(node)
    return (st.none() | strategy) if node.get("nullable") else strategy


def _non_null(node: dict[str, Any]) -> st.SearchStrategy[Any]:
    kind = node["type"]
    if kind == "string":
        return _string(node)
    if kind == "number":
        return _NUMBERS
    if kind == "integer":
        return st.integers(-(10**9), 10**9)
    if kind == "boolean":
        return st.booleans()
    if kind == "any":
        return _JSON
    if kind == "array":
        return st.lists(values(node["items"]), max_size=3)
    if node.get("free"):
        return st.dictionaries(_KEYS, _JSON, max_size=4)
    if node.get("map"):
        return st.dictionaries(_KEYS, _TEXT, max_size=3)
    properties = node["properties"]
    required = {k: values(properties[k]) for k in node["required"]}
    optional = {k: values(v) for k, v in properties.items() if k not in node["required"]}
    return st.fixed_dictionaries(required, optional=optional)
