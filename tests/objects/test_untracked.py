"""Structs declared `gc=False` (untracked by the cycle collector) can never be part of a cycle."""

from __future__ import annotations

import gc
import types
import typing

import msgspec

import deepgram.endpoints  # noqa: F401  (imports every resource module)
from deepgram import DeepgramClient
from deepgram.testing import Emulator
from deepgram.types.base import Model

SCALARS = (str, int, float, bool, type(None))


def _all_models() -> list[type[Model]]:
    found, todo = [], [Model]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return found


def _acyclic(kind: object) -> bool:
    """Whether a value of `kind` can hold nothing that leads back: scalars, lists of those, and
    other untracked Structs."""
    if kind in SCALARS:
        return True
    origin = typing.get_origin(kind)
    if origin in (list, typing.Union, types.UnionType):
        return all(_acyclic(arg) for arg in typing.get_args(kind))
    return isinstance(kind, type) and issubclass(kind, msgspec.Struct) and not kind.__struct_config__.gc


def test_every_untracked_type_holds_only_scalars_or_untracked_structs() -> None:
    untracked = [cls for cls in _all_models() if not cls.__struct_config__.gc]
    assert untracked, "no type is declared gc=False"
    for cls in untracked:
        hints = typing.get_type_hints(cls)
        for field in msgspec.structs.fields(cls):
            assert _acyclic(hints[field.name]), f"{cls.__name__}.{field.name} could close a cycle"


def test_listed_projects_are_untracked_and_still_bound(deepgram_emulator: Emulator) -> None:
    emulator = deepgram_emulator
    with DeepgramClient(api_key=emulator.api_key, url=emulator.url) as client:
        response = client.manage.get_projects()
        project = response.projects[0]
        assert not gc.is_tracked(response) and not gc.is_tracked(project)
        assert project._bound_api() is client._api and project.keys.list() is not None


def test_the_check_refuses_a_field_that_could_close_a_cycle() -> None:
    assert _acyclic(str | None) and _acyclic(list[str]) and not _acyclic(dict[str, str])
    assert not _acyclic(list[Model])  # a tracked Struct may lead anywhere
