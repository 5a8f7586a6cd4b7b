"""The plumbing every project-scoped collection shares (`project.keys`, `project.members`...)."""

from __future__ import annotations

from collections.abc import Coroutine
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from deepgram.core.api import Api

T = TypeVar("T")


class ProjectCollection:
    """Holds the client and the project id; makes no request until a method is called."""

    def __init__(self, api: Api, project_id: str) -> None:
        self._api = api
        self.project_id = project_id

    def _run(self, coro: Coroutine[Any, Any, T]) -> T:
        return self._api.run(coro)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of project {self.project_id}>"
