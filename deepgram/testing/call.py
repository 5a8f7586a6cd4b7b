"""What a handler receives: the state, the caller and the parsed request, free of any HTTP library."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .auth import Principal
from .state import Project, State

#: A handler answers with a JSON-able dict or with pre-encoded JSON bytes.
Reply = dict[str, Any] | bytes


@dataclass
class Call:
    """One API call as handlers see it."""

    state: State
    principal: Principal
    params: Mapping[str, str]
    query: Mapping[str, str]
    query_all: Callable[[str], list[str]]
    body: dict[str, Any]

    def project(self, permission: str | None = None) -> Project:
        """The project named in the path (404 if the caller cannot address it), checking a permission."""
        project = self.state.project_for(self.principal, self.params["project_id"])
        if permission:
            self.principal.require(permission)
        return project


Handler = Callable[[Call], Reply]


def message(text: str) -> dict[str, Any]:
    """The `{"message": ...}` body of every write call."""
    return {"message": text}
