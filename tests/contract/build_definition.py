"""Regenerate `definition.json` from the API-definition notes (the tables of `api-definition.md`).

Run by hand when the definition changes: `python tests/contract/build_definition.py PATH/api-definition.md`.
The tables there were produced mechanically from Deepgram's OpenAPI document; this turns them
into a tree of schema nodes the contract tests read (see `schema.py` for the node format).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
_OP = re.compile(r"^#### 3\.(\d+) `(\w+) (\S+)` — (.+)$")
_NAME = re.compile(r"^\| Name / anchor \| `([^`]+)`")
_BODY = re.compile(r"^\*\*(Request body|200 body) `(\w+)`\*\* — (.*)$")
_ALT = re.compile(r"^Alternative (\d+)")
_TICKS = re.compile(r"`([^`]*)`")


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _enum_default(cell: str) -> tuple[list[str] | None, list[str] | None, Any]:
    """(enum, items enum, default) from an `Enum / default` cell."""
    enum = items = None
    default: Any = None
    if cell == "—":
        return None, None, None
    head, _, tail = cell.partition("default")
    values = _TICKS.findall(head)
    if head.strip().startswith("items:"):
        items = values
    elif values:
        enum = values
    if tail:
        found = _TICKS.findall(tail)
        if tail.strip().startswith("["):
            default = found
        elif found:
            raw = found[0]
            default = float(raw) if re.fullmatch(r"\d+(\.\d+)?", raw) else raw
    return enum, items, default


def _leaf(type_cell: str, fmt: str, null: str, enum_cell: str) -> dict[str, Any]:
    """One schema node from a field row (objects get their properties later)."""
    kind = type_cell.strip("`")
    enum, items_enum, default = _enum_default(enum_cell)
    node: dict[str, Any]
    if kind.startswith("array<"):
        inner = kind[len("array<") : -1]
        item: dict[str, Any] = {"type": "object", "properties": {}, "required": []}
        if inner.startswith("string"):
            item = {"type": "string"}
            if items_enum:
                item["enum"] = items_enum
            if fmt.startswith("items "):
                item["format"] = fmt[len("items ") :]
        node = {"type": "array", "items": item}
    elif kind == "object (free-form)":
        node = {"type": "object", "free": True}
    elif kind.startswith("object: map"):
        node = {"type": "object", "map": "string"}
    elif kind == "object":
        node = {"type": "object", "properties": {}, "required": []}
    elif kind == "any":
        node = {"type": "any"}
    else:
        node = {"type": kind}
        if fmt not in ("—", "double"):
            node["format"] = fmt
        if enum:
            node["enum"] = enum
    if null == "yes":
        node["nullable"] = True
    if default is not None:
        node["default"] = default
    return node


def _insert(root: dict[str, Any], path: str, node: dict[str, Any], required: bool) -> None:
    """Place `node` at dotted `path` (`a[].b`) under `root`."""
    parts = path.split(".")
    parent = root
    for part in parts[:-1]:
        name = part.removesuffix("[]")
        child = parent["properties"][name]
        parent = child["items"] if part.endswith("[]") else child
    name = parts[-1].removesuffix("[]")
    parent["properties"][name] = node
    if required:
        parent["required"].append(name)


def _table(lines: list[str], start: int) -> tuple[list[list[str]], int]:
    """The data rows of the markdown table beginning at or after `start`."""
    i = start
    while not lines[i].startswith("|"):
        i += 1
    rows = []
    i += 2  # header and separator
    while i < len(lines) and lines[i].startswith("|"):
        rows.append(_cells(lines[i]))
        i += 1
    return rows, i


def _object_from(rows: list[list[str]]) -> dict[str, Any]:
    root: dict[str, Any] = {"type": "object", "properties": {}, "required": []}
    for path, type_cell, fmt, null, req, enum_cell, *_ in rows:
        _insert(root, path.strip("`"), _leaf(type_cell, fmt, null, enum_cell), req == "yes")
    return root


def _body(lines: list[str], i: int, summary: str) -> tuple[dict[str, Any], int]:
    """The schema introduced by a `**... body**` line at `i`."""
    if "no declared properties" in summary:
        return {"type": "object", "free": True}, i + 1
    if summary.startswith("`oneOf`"):
        count = int(re.search(r"with (\d+) alternatives", summary).group(1))  # type: ignore[union-attr]
        alternatives: list[dict[str, Any]] = []
        j = i + 1
        while len(alternatives) < count:
            if _ALT.match(lines[j]):
                if "no `type` and no properties" in lines[j]:
                    alternatives.append({"type": "any"})
                    j += 1
                elif "bare `string`" in lines[j]:
                    alternatives.append({"type": "string"})
                    j += 1
                else:
                    rows, j = _table(lines, j)
                    alternatives.append(_object_from(rows))
            else:
                j += 1
        return {"oneOf": alternatives}, j
    rows, j = _table(lines, i)
    return _object_from(rows), j


def _params(rows: list[list[str]]) -> list[dict[str, Any]]:
    params = []
    for name, where, type_cell, fmt, req, enum_cell, *_ in rows:
        if where == "header":
            continue
        leaf = _leaf(type_cell, fmt, "no", enum_cell)
        params.append({"name": name.strip("`"), "in": where, "required": req == "yes", "schema": leaf})
    return params


def build(text: str) -> dict[str, Any]:
    """The definition as data: the 45 operations and the error body."""
    lines = text.splitlines()
    operations: list[dict[str, Any]] = []
    error: dict[str, Any] | None = None
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("**400 body `ErrorResponse`**") and error is None:
            error, i = _body(lines, i, line.split("— ", 1)[1])
            continue
        match = _OP.match(line)
        if match:
            number, method, path, title = match.groups()
            operations.append(
                {"number": int(number), "method": method, "path": path, "title": title, "params": []}
            )
        elif operations:
            op = operations[-1]
            name = _NAME.match(line)
            body = _BODY.match(line)
            if name:
                op["name"] = name.group(1)
            elif line.startswith("Parameters:"):
                rows, i = _table(lines, i)
                op["params"] = _params(rows)
                continue
            elif body:
                kind, schema_name, summary = body.groups()
                schema, i = _body(lines, i, summary)
                key = "request" if kind == "Request body" else "response"
                op[key] = schema
                op[f"{key}_schema"] = schema_name
                continue
        i += 1
    return {"operations": operations, "error": error}


def main() -> None:
    source = Path(sys.argv[1])
    data = build(source.read_text())
    assert len(data["operations"]) == 45, len(data["operations"])
    (HERE / "definition.json").write_text(json.dumps(data, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
