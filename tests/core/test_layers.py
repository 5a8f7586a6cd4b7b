"""The layers of docs/architecture.md, checked on the source: each module imports only those below it.

Imports are read with `ast`, including those inside functions (lazy) and under `TYPE_CHECKING`.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "deepgram"
BOTTOM = {"deepgram.errors", "deepgram.defaults", "deepgram.redact", "deepgram._version"}


@cache
def modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _targets(module: str, node: ast.Import | ast.ImportFrom) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:
        package = module.split(".")
        if modules()[module].name != "__init__.py":
            package.pop()
        package = package[: len(package) - node.level + 1]
        base = ".".join([*package, *([node.module] if node.module else [])])
    submodules = [f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in modules()]
    return submodules or [base]


@cache
def imports(module: str, *, runtime_only: bool = False) -> frozenset[str]:
    """The deepgram modules `module` imports: all of them, or (`runtime_only`) those imported when
    the module itself is, i.e. not under `TYPE_CHECKING` and not inside a function."""
    tree = ast.parse(modules()[module].read_text(encoding="utf-8"))
    skipped: set[int] = set()
    if runtime_only:
        for node in ast.walk(tree):
            deferred = isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            if deferred or (isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)):
                body = node.body if isinstance(node, ast.If) else [node]
                skipped.update(id(child) for statement in body for child in ast.walk(statement))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom) and id(node) not in skipped:
            for target in _targets(module, node):
                while target and target not in modules():
                    target = target.rpartition(".")[0]
                if target and target not in (module, "deepgram"):
                    found.add(target)
    return frozenset(found)


def reaches(start: str, goal: str, *, runtime_only: bool = False) -> bool:
    seen, todo = set(), [start]
    while todo:
        current = todo.pop()
        for nxt in imports(current, runtime_only=runtime_only):
            if nxt == goal:
                return True
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return False


def test_the_bottom_layer_imports_nothing_above_it() -> None:
    for module in BOTTOM:
        assert imports(module) <= BOTTOM, f"{module} imports {sorted(imports(module) - BOTTOM)}"


def test_core_knows_no_resource() -> None:
    for module in modules():
        if module.startswith("deepgram.core."):
            above = {m for m in imports(module) if not m.startswith("deepgram.core.")} - BOTTOM
            assert not above, f"{module} imports {sorted(above)}"


def test_the_request_log_engine_sits_below_the_usage_collection() -> None:
    # usage/ builds on the usage types and operations; `project.usage` builds on usage/.
    for module in modules():
        if module.startswith("deepgram.usage.") and not module.startswith("deepgram.usage.archive"):
            assert "deepgram.resources.usage" not in imports(module), module
            assert not reaches(module, "deepgram.resources.usage"), module


def test_export_and_query_do_not_import_each_other_both_ways() -> None:
    assert not (reaches("deepgram.usage.export", "deepgram.usage.query")
                and reaches("deepgram.usage.query", "deepgram.usage.export"))


def test_no_module_imports_itself_back_when_imported() -> None:
    cycles = [m for m in modules() if reaches(m, m, runtime_only=True)]
    assert cycles == []
