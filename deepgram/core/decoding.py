"""Bytes straight into typed results: one cached msgspec decoder per type, errors made the SDK's own."""

from __future__ import annotations

from typing import Any, TypeVar

import msgspec

from deepgram.errors import ResponseValidationError

T = TypeVar("T")

_decoders: dict[Any, msgspec.json.Decoder[Any]] = {}


def build_custom(kind: type[Any], value: Any) -> Any:
    """Decode hook: a type with a `from_builtins` classmethod (an open, free-form object that keeps
    every key) is built from the JSON value decoded as plain data."""
    build = getattr(kind, "from_builtins", None)
    if build is None:
        raise NotImplementedError(f"cannot decode {kind!r}")
    return build(value)


def decoder_for(wire: type[T]) -> msgspec.json.Decoder[T]:
    """The decoder for `wire`, built once; lax so numbers sent as strings or `10.0` still fit."""
    decoder = _decoders.get(wire)
    if decoder is None:
        decoder = _decoders[wire] = msgspec.json.Decoder(wire, strict=False, dec_hook=build_custom)
    return decoder


def decode(wire: type[T], body: bytes, *, status: int = 200, method: str = "", path: str = "") -> T:
    """Decode a 2xx body; a body that does not fit raises `ResponseValidationError`."""
    try:
        return decoder_for(wire).decode(body)
    except (msgspec.DecodeError, msgspec.ValidationError, RecursionError) as exc:
        raise ResponseValidationError(
            status=status, method=method, path=path, body=body, detail=str(exc)
        ) from None
