"""The SDK's operation registry and the emulator's route table describe the same API.

Every operation has a route (method and path) and every route an operation; and every query
parameter an options class can send is one the emulator's handler reads, found by running each
handler on a query holding every option and recording which names it looked at.
"""

from __future__ import annotations

import typing
from collections.abc import Iterator, Mapping
from typing import Any

import pytest

from deepgram.core.operation import Operation
from deepgram.endpoints import ALL
from deepgram.testing import Emulator
from deepgram.testing.call import Call, Handler
from deepgram.testing.routes import ROUTES

HANDLERS: dict[tuple[str, str], Handler] = {(method, path): handler for method, path, handler in ROUTES}
QUERY_OPERATIONS = [op for op in ALL if op.options is not None and not op.body]


class ReadRecorder(Mapping[str, str]):
    """A query string that remembers which parameter names the handler asked for."""

    def __init__(self, values: dict[str, str]) -> None:
        self.values = values
        self.read: set[str] = set()

    def __getitem__(self, name: str) -> str:
        self.read.add(name)
        return self.values[name]

    def get(self, name: str, default: Any = None) -> Any:
        self.read.add(name)
        return self.values.get(name, default)

    def __contains__(self, name: object) -> bool:
        self.read.add(str(name))
        return name in self.values

    def __iter__(self) -> Iterator[str]:
        return iter(self.values)

    def __len__(self) -> int:
        return len(self.values)


def sample(options: type, name: str) -> str:
    """A value the API accepts for option `name` (the first allowed one for an enum)."""
    allowed = options._enums.get(name)
    if allowed:
        return sorted(allowed)[0]
    if name in ("start", "end"):
        return "2026-01-01"
    hint = str(typing.get_type_hints(options)[name])
    if "bool" in hint:
        return "true"
    if "int" in hint:
        return "1"
    return "x"


def test_every_operation_has_a_route_and_every_route_an_operation() -> None:
    sdk = {(op.method, op.path) for op in ALL}
    assert sdk == set(HANDLERS), {"sdk only": sdk - set(HANDLERS), "emulator only": set(HANDLERS) - sdk}


@pytest.mark.parametrize("operation", QUERY_OPERATIONS, ids=lambda op: op.name)
def test_the_emulator_reads_every_option_the_sdk_sends(operation: Operation[Any]) -> None:
    options = operation.options
    assert options is not None
    names = list(options.__struct_fields__)
    emulator = Emulator()
    project_id = emulator.project_id
    query = ReadRecorder({name: sample(options, name) for name in names})
    ids = {name: project_id for name in operation.ids}

    def query_all(name: str) -> list[str]:
        query.read.add(name)
        return [query.values[name]] if name in query.values else []

    principal = emulator.state.authenticate(emulator.api_key)
    HANDLERS[(operation.method, operation.path)](Call(emulator.state, principal, ids, query, query_all, {}))
    assert set(names) - query.read == set(), f"{operation.name}: the emulator ignores these"
