"""Griffe extension: the docstrings `@OP.documents` and `document(...)` write when the SDK is imported.

A method that performs an operation gets the HTTP line and summary of its docstring from the
operation's declaration (`deepgram.core.operation`), at import time; a static reader would see only
what the method itself says. This extension imports each documented class and copies those
docstrings in. It must run before `griffe_blocking`, whose sync copies take the async docstring.
"""

from __future__ import annotations

import importlib
import inspect
from typing import Any

import griffe


class OperationDocs(griffe.Extension):
    """Replace the static docstring of every method linked to an operation with the generated one."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        self._visit(pkg)

    def _visit(self, obj: griffe.Object) -> None:
        for member in list(obj.members.values()):
            if member.is_alias:
                continue
            if isinstance(member, griffe.Class):
                self._document(member)
            if isinstance(member, (griffe.Module, griffe.Class)):
                self._visit(member)

    @staticmethod
    def _document(cls: griffe.Class) -> None:
        try:
            runtime: Any = importlib.import_module(cls.module.path)
            for part in cls.path.removeprefix(cls.module.path + ".").split("."):
                runtime = getattr(runtime, part)
        except (ImportError, AttributeError):
            return
        for name, member in cls.members.items():
            function = vars(runtime).get(name)
            if member.is_alias or not isinstance(member, griffe.Function) or function is None:
                continue
            if inspect.isfunction(function) and "__operation__" in vars(function) and function.__doc__:
                member.docstring = griffe.Docstring(inspect.cleandoc(function.__doc__), parent=member)
