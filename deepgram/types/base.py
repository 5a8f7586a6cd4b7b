"""Base classes of every response and options type: fast msgspec Structs with friendly access."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar, overload

import msgspec

from deepgram.core.error_mapping import request_id_from_headers
from deepgram.errors import DeepgramError
from deepgram.redact import SECRETS

if TYPE_CHECKING:
    from deepgram.core.api import Api

T = TypeVar("T")
M = TypeVar("M", bound="Resource")

#: What the definition calls a `number`: any JSON number. Integral values decode as `int`,
#: others as `float` (kept, never rounded).
Number = int | float


class Origin:
    """Two slots every response object has beside its fields: `_bound`, the `(api, project_id)` its
    methods call through, and `_response_headers`, the headers of the response it is the result of.
    Slots, not fields: never decoded, encoded, compared or shown, and unset (read as None) until the
    client sets them, which costs one store each."""

    __slots__ = ("_bound", "_response_headers")
    _bound: tuple[Any, str | None] | None  # (Api, project_id); msgspec reads these annotations
    _response_headers: Any


class Model(msgspec.Struct, Origin, kw_only=True, omit_defaults=True, repr_omit_defaults=True):
    """A response object: attributes, `obj["field"]`, `to_dict()`, `to_json()`; str() is JSON.

    Unknown wire fields are ignored and every field has a default, so a response that omits a field
    still decodes; the one exception is the list a list endpoint returns, which is required (a body
    without it is refused rather than read as "none").
    """

    def to_dict(self) -> dict[str, Any]:
        """Plain data (dicts, lists, strings, numbers), fields left at their defaults omitted."""
        data: dict[str, Any] = msgspec.to_builtins(self, enc_hook=_as_builtins)
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

    @property
    def dg_request_id(self) -> str | None:
        """The `dg-request-id` Deepgram gave the request this object is the result of; None for an
        object nested inside a result or built locally. Quote it to Deepgram support."""
        return _request_id_of(self)


_ANY_JSON = msgspec.json.Decoder()


def _as_builtins(value: Any) -> Any:
    """`to_dict` hook: a member kept as the JSON the server sent (`msgspec.Raw`) becomes plain data."""
    if isinstance(value, msgspec.Raw):
        return _ANY_JSON.decode(value)
    raise NotImplementedError(f"cannot convert {type(value).__name__} to plain data")


def _request_id_of(result: object) -> str | None:
    """The request id of the response headers `Api.call` kept on a result (None when it has none)."""
    headers = getattr(result, "_response_headers", None)
    return request_id_from_headers(headers) if headers is not None else None


def bound_to(obj: object) -> tuple[Api, str | None] | None:
    """The `(api, project_id)` an object was attached to, or None."""
    binding: tuple[Api, str | None] | None = getattr(obj, "_bound", None)
    return binding


class Resource(Model, eq=False):
    """A response object with bound methods (`key.delete()`): remembers its client and project.

    The binding is one `(api, project_id)` pair kept in a slot outside the struct fields (see
    `Origin`), and one pair is shared by every object of a response. Equality and hashing use the
    identity fields within a project.
    """

    __identity__: ClassVar[str] = ""

    def _attach(self, api: Api, project_id: str | None) -> None:
        self._bound = (api, project_id)

    def _bound_api(self) -> Api:
        binding = bound_to(self)
        if binding is None:
            raise DeepgramError(
                f"this {type(self).__name__} is not attached to a client; fetch it through a client first"
            )
        return binding[0]

    def _bound_project_id(self) -> str:
        project_id = self._project_of()
        if not project_id:
            raise DeepgramError(f"this {type(self).__name__} does not know its project")
        return project_id

    def _project_of(self) -> str | None:
        binding = bound_to(self)
        return None if binding is None else binding[1]

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
        return (type(self).__name__, self._project_of(), getattr(self, self.__identity__))

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


class Listing(Model):
    """A response holding a list of bound objects (`KeysResponse.api_keys`...). Attaching it is one
    store; its objects are bound to the client when the list is first read (see `bind_on_read`)."""

    def _attach(self, api: Api, project_id: str | None) -> None:
        self._bound = (api, project_id)


def bind_on_read(cls: type[Listing], name: str) -> None:
    """Reading `cls.<name>` (the list) binds its objects to the listing's client, once."""

    def bind(listing: Listing, items: list[Any]) -> list[Any]:
        binding = bound_to(listing)
        if binding is not None:
            listing._bound = None  # bound once
            attach_all(items, *binding)
        return items

    on_read(cls, name, bind)


def unwrapped(response: Model, inner: M) -> M:
    """`inner`, an object a collection method returns from inside `response`, with the response's
    request id (`dg_request_id`) carried over."""
    headers = getattr(response, "_response_headers", None)
    if headers is not None:
        inner._response_headers = headers
    return inner


class Listed(list[T]):
    """The items a collection's `list()` returns: a plain list that also knows the request it came
    from (`dg_request_id`)."""

    __slots__ = ("_response_headers",)
    _response_headers: Any

    @property
    def dg_request_id(self) -> str | None:
        """The `dg-request-id` of the list request; quote it to Deepgram support."""
        return _request_id_of(self)


def listed(response: Model, items: list[T]) -> Listed[T]:
    """`items`, read from inside a listing `response`, as a `Listed` carrying its request id."""
    result = Listed(items)
    headers = getattr(response, "_response_headers", None)
    if headers is not None:
        result._response_headers = headers
    return result


def attach_all(items: list[Any], api: Api, project_id: str | None) -> None:
    """Bind every object of a decoded list to one shared `(api, project_id)`: one store each, no call."""
    binding = (api, project_id)
    for item in items:
        item._bound = binding


def on_read(cls: type, name: str, adjust: Callable[[Any, Any], Any]) -> None:
    """Make reading field `name` of `cls` return `adjust(obj, value)`, stored back when it differs.

    For work that only some objects of a response ever need (wrapping a member's scopes, binding a
    key's owner): decoding and encoding still go straight to the field, so they stay msgspec's.
    """
    field = cls.__dict__[name]  # the slot descriptor msgspec made for the field

    def read(obj: Any) -> Any:
        value = field.__get__(obj, cls)
        adjusted = adjust(obj, value)
        if adjusted is not value:
            field.__set__(obj, adjusted)
        return adjusted

    view = FieldView(read, field.__set__, doc=getattr(field, "__doc__", None))
    view.raw = field
    setattr(cls, name, view)


class FieldView(property):
    """The attribute `on_read` puts in place of a field; `raw` is msgspec's own slot descriptor, for
    readers that must not trigger the adjustment (checking a decoded body, for one)."""

    raw: Any


class OpenModel(dict[str, Any]):
    """A response object the API definition leaves free-form: a dict keeping every key the server
    sent (`obj["any"]`, `to_dict()`, `to_json()`), with typed, cached `View`s of the keys the SDK
    knows. The decoder builds it through `from_builtins`, or a field decoded as a plain `dict`
    becomes one on first read (`on_read`; a request record's `response`)."""

    __slots__ = ("_response_headers", "_views")
    _views: dict[str, Any]
    _response_headers: Any

    @classmethod
    def from_builtins(cls: type[OpenT], value: Any) -> OpenT:
        """Built by the decoder from the decoded JSON value (anything but an object is refused)."""
        if not isinstance(value, dict):
            raise TypeError(f"expected an object, got {type(value).__name__}")
        return cls(value)

    def _view(self, name: str, kind: Any) -> Any:
        views: dict[str, Any] | None = getattr(self, "_views", None)
        if views is None:
            views = {}
            self._views = views
        if name not in views:
            raw = self.get(name)
            try:
                views[name] = None if raw is None else msgspec.convert(raw, kind, strict=False)
            except msgspec.ValidationError:
                views[name] = None  # another shape: still readable as `self[name]`
        return views[name]

    def __setitem__(self, key: str, value: Any) -> None:
        super().__setitem__(key, value)
        getattr(self, "_views", {}).pop(key, None)

    def to_dict(self) -> dict[str, Any]:
        """Every key the API sent, as plain data."""
        data: dict[str, Any] = msgspec.to_builtins(dict(self))
        return data

    def to_json(self, *, indent: int = 2) -> str:
        """The object as JSON text."""
        return msgspec.json.format(msgspec.json.encode(dict(self)).decode(), indent=indent)

    @property
    def dg_request_id(self) -> str | None:
        """The `dg-request-id` of the request this object answered; None for one nested in a result."""
        return _request_id_of(self)


OpenT = TypeVar("OpenT", bound=OpenModel)


class View(Generic[T]):
    """A typed read of one well-known key of an `OpenModel` (None when absent or of another shape)."""

    def __init__(self, kind: Any, doc: str) -> None:
        self.kind = kind
        self.__doc__ = doc

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type) -> View[T]: ...
    @overload
    def __get__(self, obj: OpenModel, owner: type) -> T | None: ...
    def __get__(self, obj: OpenModel | None, owner: type) -> View[T] | T | None:
        if obj is None:
            return self
        value: T | None = obj._view(self.name, self.kind)
        return value
