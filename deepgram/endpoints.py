"""The registry of every Manage operation, gathered from the resource modules that declare them.

Each operation is declared once, as a module-level `Operation` next to the types it returns; it is
registered here by being declared, in declaration order. Tests, the docs table and tooling iterate
over `ALL`.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

from deepgram.core.operation import Operation
from deepgram.resources import (
    agents,
    billing,
    invites,
    keys,
    members,
    models,
    projects,
    selfhosted,
    tokens,
    usage_endpoints,
)

MODULES: tuple[ModuleType, ...] = (
    projects, keys, members, invites, usage_endpoints, billing, models, selfhosted, agents, tokens,
)

ALL: tuple[Operation[Any], ...] = tuple(
    value for module in MODULES for value in vars(module).values() if isinstance(value, Operation)
)

BY_NAME: dict[str, Operation[Any]] = {operation.name: operation for operation in ALL}
