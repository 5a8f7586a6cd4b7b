"""Bytes straight into typed results: one cached msgspec decoder per type, errors made the SDK's own."""

from __future__ import annotations

from typing import Any, TypeVar

import msgspec

from deepgram.errors import ResponseValidationError

T = TypeVar("T")

_decoders: dict[Any, msgspec.json.Decoder[Any]] = {}
# What a body that does not fit raises while decoding (a deep nesting exhausts the recursion limit).
DECODE_ERRORS = (msgspec.DecodeError, msgspec.ValidationError, RecursionError)


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


def require(wire: Any, names: tuple[str, ...], body: bytes, *, status: int, method: str, path: str) -> None:
    """Refuse a decoded 2xx body whose string member `name` is absent or empty (the id of what was
    just created). A list the body must carry is a required field of its type, checked by msgspec."""
    for name in names:
        value = getattr(wire, name, None)
        if isinstance(value, str) and value:
            continue
        raise ResponseValidationError(
            status=status, method=method, path=path, body=body,
            detail=f"`{name}` is empty" if isinstance(value, str) else f"the response lacks `{name}`",
        )


def decode(wire: type[T], body: bytes, *, status: int = 200, method: str = "", path: str = "") -> T:
    """Decode a 2xx body; a body that does not fit raises `ResponseValidationError`."""
    return decode_with(decoder_for(wire), body, status=status, method=method, path=path)


def decode_with(
    decoder: msgspec.json.Decoder[T], body: bytes, *, status: int = 200, method: str = "", path: str = ""
) -> T:
    """`decode` with a decoder the caller keeps (an operation holds its own)."""
    try:
        return decoder.decode(body)
    except DECODE_ERRORS as exc:
        raise decode_error(exc, body, status=status, method=method, path=path) from None


def decode_error(
    exc: BaseException, body: bytes, *, status: int = 200, method: str = "", path: str = ""
) -> ResponseValidationError:
    """The SDK's error for a 2xx body that does not fit its type (`exc`: one of `DECODE_ERRORS`)."""
    return ResponseValidationError(status=status, method=method, path=path, body=body, detail=str(exc))
