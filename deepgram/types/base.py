"""Base classes of every response and options type: fast msgspec Structs with friendly access."""

from __future__ import annotations

from collections.abc import Coroutine
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

import msgspec

from deepgram.core.redact import SECRETS
from deepgram.errors import DeepgramError

if TYPE_CHECKING:
    from deepgram.core.api import Api

T = TypeVar("T")

#: What the definition calls a `number`: any JSON number. Integral values decode as `int`,
#: others as `float` (kept, never rounded).
Number = int | float


class Model(msgspec.Struct, kw_only=True, omit_defaults=True, repr_omit_defaults=True):
    """A response object: attributes, `obj["field"]`, `to_dict()`, `to_json()`; str() is JSON.

    Unknown wire fields are ignored and every field has a default, so a response that omits a field
    still decodes.
    """

    def to_dict(self) -> dict[str, Any]:
        """Plain data (dicts, lists, strings, numbers), fields left at their defaults omitted."""
        data: dict[str, Any] = msgspec.to_builtins(self)
        return data

    def to_json(self, *, indent: int = 2) -> str:
        """The object as JSON text."""
        return msgspec.json.format(msgspec.json.encode(self).decode(), indent=indent)

    def __getitem__(self, name: str) -> Any:
        if name in self.__struct_fields__:
            return getattr(self, name)
        raise KeyError(name)

    def __str__(self) -> str:
        # Registered secrets (a created key's `key`) are masked wherever they sit in the tree.
        return SECRETS.scrub(self.to_json())

    def _attach(self, api: Api, project_id: str | None) -> None:
        """Bind the objects inside this response to the client that fetched them (no-op here)."""


class Resource(Model, dict=True, eq=False):
    """A response object with bound methods (`key.delete()`): remembers its client and project.

    The client is kept outside the struct fields, so it is never decoded, encoded, compared or
    shown in a repr. Equality and hashing use the identity fields within a project.
    """

    __identity__: ClassVar[str] = ""

    def _attach(self, api: Api, project_id: str | None) -> None:
        binding = self.__dict__
        binding["_api"] = api
        binding["_project_id"] = project_id

    def _bound_api(self) -> Api:
        api: Api | None = self.__dict__.get("_api")
        if api is None:
            raise DeepgramError(
                f"this {type(self).__name__} is not attached to a client; fetch it through a client first"
            )
        return api

    def _bound_project_id(self) -> str:
        project_id: str | None = self.__dict__.get("_project_id")
        if not project_id:
            raise DeepgramError(f"this {type(self).__name__} does not know its project")
        return project_id

    def _run(self, coro: Coroutine[Any, Any, T]) -> T:
        try:
            api = self._bound_api()
        except BaseException:
            coro.close()
            raise
        return api.run(coro)

    def _shown(self, **overrides: str) -> str:
        """A repr listing the fields that carry data (not None, not empty), `overrides` verbatim."""
        shown = []
        for name in self.__struct_fields__:
            if name in overrides:
                shown.append(f"{name}={overrides[name]}")
                continue
            value = getattr(self, name)
            if value is not None and value != [] and (value != "" or name == self.__identity__):
                shown.append(f"{name}={value!r}")
        return f"{type(self).__name__}({', '.join(shown)})"

    def _identity(self) -> tuple[Any, ...]:
        return (type(self).__name__, self.__dict__.get("_project_id"), getattr(self, self.__identity__))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Resource) or type(other) is not type(self):
            return NotImplemented
        mine, theirs = self._identity(), other._identity()
        if mine[1] is None or theirs[1] is None:
            return bool(mine[0] == theirs[0] and mine[2] == theirs[2])
        return mine == theirs

    def __ne__(self, other: object) -> bool:
        # msgspec's own __ne__ would compare field by field; keep it the negation of __eq__.
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __hash__(self) -> int:
        kind, _, identity = self._identity()
        return hash((kind, identity))


def attach_all(items: list[Any], api: Api, project_id: str | None) -> None:
    """Attach every object of a decoded list."""
    for item in items:
        item._attach(api, project_id)
