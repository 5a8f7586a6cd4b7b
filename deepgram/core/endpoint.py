"""An endpoint as data: method, path template, options and response types, defined once per endpoint."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar

R = TypeVar("R")

DateFormat = Literal["date", "datetime"]


@dataclass(frozen=True, eq=False)
class Endpoint(Generic[R]):
    """One Deepgram Manage endpoint; every surface (classic, objects, CLI) calls it through this.

    `wire` is the type the body is decoded into; `adapt` turns it into the public result type
    (for endpoints whose wire shape has several variants); `requires` names the members a success
    body must carry. `options` is sent as the query string,
    or as the JSON body when `body` is true. `dates` says which date format the endpoint accepts.
    """

    name: str
    method: str
    path: str
    wire: type[Any]
    options: type[Any] | None = None
    body: bool = False
    dates: DateFormat = "date"
    adapt: Callable[[Any], R] | None = None
    # Members a 2xx body must carry (the id of what was created, the list of a list endpoint):
    # a body without them is a `ResponseValidationError`, not an object full of defaults.
    requires: tuple[str, ...] = ()
    # Runs after a successful call with the path ids (deleting a key forgets its secret).
    after: Callable[[Mapping[str, str]], None] | None = None

    def __repr__(self) -> str:
        return f"<Endpoint {self.name}: {self.method} {self.path}>"
