"""Derives each sync method from its async twin mechanically, so the two can never drift apart."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any, Concatenate, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")
S = TypeVar("S")


def blocking(afn: Callable[Concatenate[S, P], Coroutine[Any, Any, R]]) -> Callable[Concatenate[Any, P], R]:
    """The sync twin of the async method `afn`, run on the owning client's background loop.

    The instance supplies `_run(coro)`; facades that wrap an async object (the classic
    `ManageClient`) expose it as `_async`, and the async method is called on that object.
    """

    def call(self: Any, /, *args: P.args, **kwargs: P.kwargs) -> R:
        target = getattr(self, "_async", self)
        result: R = self._run(afn(target, *args, **kwargs))
        return result

    call.__name__ = afn.__name__.removeprefix("a") if afn.__name__.startswith("a") else afn.__name__
    call.__qualname__ = afn.__qualname__.rsplit(".", 1)[0] + "." + call.__name__
    call.__doc__ = afn.__doc__
    call.__module__ = afn.__module__
    return call
