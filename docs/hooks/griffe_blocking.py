"""Griffe extension: document `name = blocking(aname)` as the sync method it is.

The SDK derives each sync method from its async twin (`deepgram.core.blocking.blocking`), which a
static reader sees as a plain attribute. This extension replaces each such attribute with a copy of
the async function, minus `async`, so the API reference lists `list()` beside `alist()`, with the
same signature and docstring. It reads the code; nothing is imported.
"""

from __future__ import annotations

from typing import Any

import griffe


def _target(cls: griffe.Class, attribute: griffe.Attribute) -> griffe.Function | None:
    """The async function an attribute `x = blocking(...)` of `cls` wraps, or None."""
    value = attribute.value
    if not isinstance(value, griffe.ExprCall) or str(value.function) != "blocking" or not value.arguments:
        return None
    argument = str(value.arguments[0])
    owner: Any = cls
    *path, name = argument.split(".")
    try:
        for part in path:  # `AsyncManageClient.get_keys`: a class of the same module
            owner = owner.module[part] if owner is cls else owner[part]
        target = owner[name]
    except (KeyError, griffe.AliasResolutionError, griffe.CyclicAliasError):
        return None
    if isinstance(target, griffe.Alias):
        target = target.final_target
    return target if isinstance(target, griffe.Function) else None


class BlockingMethods(griffe.Extension):
    """Turn `name = blocking(aname)` class attributes into documented sync methods."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        self._visit(pkg)

    def _visit(self, obj: griffe.Object) -> None:
        for member in list(obj.members.values()):
            if member.is_alias:
                continue
            if isinstance(member, griffe.Attribute) and isinstance(obj, griffe.Class):
                target = _target(obj, member)
                if target is not None:
                    obj.set_member(member.name, _sync_copy(target, member))
            elif isinstance(member, (griffe.Module, griffe.Class)):
                self._visit(member)


def _sync_copy(target: griffe.Function, attribute: griffe.Attribute) -> griffe.Function:
    function = griffe.Function(
        attribute.name,
        parameters=target.parameters,
        returns=target.returns,
        docstring=target.docstring,
        lineno=attribute.lineno,
        endlineno=attribute.endlineno,
    )
    function.labels = {label for label in target.labels if label != "async"}
    return function
