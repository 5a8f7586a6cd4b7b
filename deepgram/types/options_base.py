"""Options classes: keyword-only, validated at construction, so bad input fails before any request."""

from __future__ import annotations

import datetime as dt
import difflib
import logging
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

import msgspec

from deepgram.core.dates import check_window, format_date, format_timestamp, parse_when
from deepgram.core.operation import DateFormat
from deepgram.core.urls import encode_query
from deepgram.errors import DeepgramTypeError, DeepgramValueError

OptionsT = TypeVar("OptionsT", bound="Options")
log = logging.getLogger("deepgram")
_DATE_FIELDS = ("start", "end")


def _unknown_option(cls: type[msgspec.Struct], name: str) -> DeepgramTypeError:
    known = list(cls.__struct_fields__)
    close = difflib.get_close_matches(name, known, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else f"; known options: {', '.join(known)}"
    return DeepgramTypeError(f"{cls.__name__} has no option {name!r}{hint}")


class _OptionsMeta(msgspec.StructMeta):
    """Routes `Options(**kwargs)` through validation (decoding from JSON does not pass here)."""

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        if args:
            raise DeepgramTypeError(
                f"{cls.__name__} takes keyword arguments only, e.g. {cls.__name__}(name=...)"
            )
        return cast("type[Options]", cls)._validate(kwargs)


class Options(
    msgspec.Struct, kw_only=True, omit_defaults=True, forbid_unknown_fields=True, metaclass=_OptionsMeta
):
    """Base of every options class: `KeyOptions(comment=..., scopes=[...])`, a dict works as well."""

    # Option name -> the values it may take; `_check` refuses any other.
    _enums: ClassVar[Mapping[str, frozenset[str]]] = {}
    # Options sent even when None (as JSON null): a value the API lets be null.
    _keep_none: ClassVar[frozenset[str]] = frozenset()
    # Options of a body-carrying call that travel in the query string instead of the body.
    _in_query: ClassVar[frozenset[str]] = frozenset()

    @classmethod
    def _validate(cls: type[OptionsT], values: Mapping[str, Any]) -> OptionsT:
        data: dict[str, Any] = {}
        for name, value in values.items():
            if name not in cls.__struct_fields__:
                raise _unknown_option(cls, name)
            if value is None and name not in cls._keep_none:
                continue
            if isinstance(value, dt.date | dt.datetime):  # normalised before the type checks
                value = value.isoformat()
            data[name] = value
        try:
            options = msgspec.convert(data, cls, strict=True)
        except msgspec.ValidationError as exc:
            raise DeepgramTypeError(f"{cls.__name__}: {exc}") from None
        options._check()
        return options

    @classmethod
    def coerce(cls: type[OptionsT], value: Any = None, /, **kwargs: Any) -> OptionsT:
        """Accept an instance, a dict or keyword arguments (not a mix of an instance and keywords)."""
        if value is None:
            return cls._validate(kwargs)
        if isinstance(value, cls):
            if kwargs:
                return cls._validate({**value.to_dict(), **kwargs})
            return value
        if isinstance(value, Mapping):
            return cls._validate({**value, **kwargs})
        if (
            isinstance(value, Options)
            and "start" in value.__struct_fields__
            and "start" in cls.__struct_fields__
        ):
            # Options of one usage window passed to another usage endpoint (as 4.x code does with
            # get_usage_fields): keep what this endpoint takes; say what was dropped.
            data = value.to_dict()
            dropped = sorted(set(data) - set(cls.__struct_fields__))
            if dropped:
                log.debug("%s: ignoring %s (not taken by this endpoint)", cls.__name__, ", ".join(dropped))
            kept = {name: item for name, item in data.items() if name in cls.__struct_fields__}
            return cls._validate({**kept, **kwargs})
        raise DeepgramTypeError(
            f"expected {cls.__name__}, a dict or keyword arguments, not {type(value).__name__}"
        )

    def _check(self) -> None:
        """Cross-field rules; subclasses extend it. Runs before any request is sent."""
        for name, allowed in self._enums.items():
            value = getattr(self, name, None)
            values = value if isinstance(value, list) else [value]
            for item in values:
                if item is not None and item not in allowed:
                    raise DeepgramValueError(
                        f"{type(self).__name__}.{name}={item!r} is not one of {', '.join(sorted(allowed))}"
                    )
        for name in _DATE_FIELDS:
            value = getattr(self, name, None)
            if value is not None:
                parse_when(value, name=name)
        check_window(getattr(self, "start", None), getattr(self, "end", None))

    def to_dict(self) -> dict[str, Any]:
        """The options that are set, as plain data."""
        data: dict[str, Any] = msgspec.to_builtins(self)
        return data

    def to_query(self, dates: DateFormat) -> list[tuple[str, str]]:
        """The query string pairs, with `start`/`end` in the format the endpoint accepts."""
        data = self.to_dict()
        for name in _DATE_FIELDS:
            if name in data:
                if dates == "date":
                    data[name] = format_date(data[name], name=name)
                else:
                    data[name] = format_timestamp(data[name], name=name, round_up=name == "end")
        return encode_query(data)

    def to_body(self) -> bytes:
        """The JSON body (without the options that travel in the query, see `query_part`)."""
        if not self._in_query:
            return msgspec.json.encode(self)
        return msgspec.json.encode({k: v for k, v in self.to_dict().items() if k not in self._in_query})

    def query_part(self) -> list[tuple[str, str]]:
        """The query pairs of a body-carrying call: the options named in `_in_query`."""
        return encode_query({k: v for k, v in self.to_dict().items() if k in self._in_query})

    def __str__(self) -> str:
        return msgspec.json.encode(self).decode()
