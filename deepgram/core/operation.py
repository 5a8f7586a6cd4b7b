"""An operation as data: everything about one Manage call, declared once and read by every surface."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, Protocol, TypeVar, get_type_hints

from deepgram.core.decoding import DECODE_ERRORS, decode_error, decoder_for, require
from deepgram.core.retry import IDEMPOTENT_METHODS

R = TypeVar("R")
T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])

DateFormat = Literal["date", "datetime"]
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
R_co = TypeVar("R_co", covariant=True)


class Parser(Protocol[R_co]):
    """What `Operation.parse` is once compiled: bytes of a 2xx body to the public result."""

    def __call__(self, body: bytes, status: int = 200, path: str = "") -> R_co: ...


@dataclass(frozen=True, eq=False)
class Operation(Generic[R]):
    """One Deepgram Manage call. `Api.call(op, *ids, options=...)` is the only way it is sent.

    - `name`: the classic client's method (`client.manage.<name>`); `summary` says what it does.
    - `method` and `path`: the HTTP call; the path's `{placeholders}` are its ids, in order.
    - `options`: the Options class sent as the query string, or as the JSON body when `body`.
    - `wire`: the type the response body is decoded into; `adapt` turns it into the public
      result (for endpoints whose wire shape has several variants). `dates`: the date format the
      endpoint accepts. `requires`: strings a success body must carry non-empty; `after`: runs with the ids
      after a success. `retryable`: whether a failure after sending may be retried.
    """

    name: str
    method: str
    path: str
    wire: type[Any]
    summary: str = ""
    options: type[Any] | None = None
    body: bool = False
    dates: DateFormat = "date"
    adapt: Callable[[Any], R] | None = None
    # String members a 2xx body must carry non-empty (the id of what was created): a body without
    # them is a `ResponseValidationError`, not an object full of defaults. The list of a list
    # endpoint is a required field of its wire type instead, so msgspec refuses its absence.
    requires: tuple[str, ...] = ()
    # Runs after a successful call with the path ids (deleting a key forgets its secret).
    after: Callable[[Mapping[str, str]], None] | None = None
    ids: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "ids", tuple(_PLACEHOLDER.findall(self.path)))

    def parse(self, body: bytes, status: int = 200, path: str = "") -> R:
        """The public result of a 2xx `body`: decoded into `wire`, then adapted. A body that does not
        fit raises `ResponseValidationError`.

        The first call compiles the parser (building the decoder) and puts it in this method's place
        on the instance, so every later call is one Python frame around msgspec."""
        parser = self._compile()
        object.__setattr__(self, "parse", parser)
        return parser(body, status, path)

    def _compile(self) -> Parser[R]:
        """The parser of this operation, with everything it reads bound as locals."""
        decode = decoder_for(self.wire).decode
        adapt, requires, method, template = self.adapt, self.requires, self.method, self.path

        def parse(body: bytes, status: int = 200, path: str = "") -> R:  # positional: the fastest call
            try:
                wire = decode(body)
            except DECODE_ERRORS as exc:
                raise decode_error(exc, body, status=status, method=method, path=path or template) from None
            if requires:
                require(wire, requires, body, status=status, method=method, path=path or template)
            result: R = wire if adapt is None else adapt(wire)
            return result

        return parse

    @property
    def http(self) -> str:
        """`METHOD /path`, as docstrings and the docs show it."""
        return f"{self.method} {self.path}"

    @property
    def result(self) -> type[Any]:
        """The public result type: what `adapt` returns, else the wire type itself."""
        if self.adapt is None:
            return self.wire
        result: type[Any] = get_type_hints(self.adapt)["return"]
        return result

    @property
    def retryable(self) -> bool:
        """True when sending it twice leaves the server as once would (see `core.retry`)."""
        return self.method in IDEMPOTENT_METHODS

    def reshaped(self, wire: type[Any], adapt: Callable[[Any], T]) -> Operation[T]:
        """The same call with its response decoded into another shape (raw records for export); that
        shape states what it requires itself, so `requires` is not carried over."""
        return Operation(
            self.name, self.method, self.path, wire, self.summary, options=self.options, body=self.body,
            dates=self.dates, adapt=adapt, after=self.after,
        )

    def documents(self, method: F) -> F:
        """Decorator: `method` performs this operation. Its docstring becomes the HTTP line and
        summary, followed by what the method itself says; `method.__operation__` records the link."""
        own = (method.__doc__ or "").strip()
        head = f"{self.http}: {self.summary}" if self.summary else f"{self.http}."
        method.__doc__ = f"{head}\n\n{own}" if own else head
        vars(method)["__operation__"] = self
        return method

    def __repr__(self) -> str:
        return f"<Operation {self.name}: {self.http}>"


def document(owner: type, **operations: Operation[Any]) -> None:
    """`documents` for methods written before their operation (an object's `Key.adelete` comes
    before `DELETE_KEY`): `document(Key, adelete=DELETE_KEY)` also updates the sync twin `delete`."""
    for name, operation in operations.items():
        method = operation.documents(vars(owner)[name])
        twin = vars(owner).get(name.removeprefix("a"))
        if twin is not None:
            twin.__doc__ = method.__doc__
