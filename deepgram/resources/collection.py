"""The plumbing every collection shares (`client.projects`, `project.keys`, `project.members`...)."""

from __future__ import annotations

from collections.abc import Coroutine
from typing import TYPE_CHECKING, Any, TypeVar

from deepgram.core.raw import RawResponses

if TYPE_CHECKING:
    from deepgram.core.api import Api

T = TypeVar("T")


class Collection:
    """Holds the client; makes no request until a method is called. Its sync methods run here."""

    def __init__(self, api: Api) -> None:
        self._api = api

    def _run(self, coro: Coroutine[Any, Any, T]) -> T:
        return self._api.run(coro)

    @property
    def with_raw_response(self) -> RawResponses:
        """The same methods, each returning a `RawResponse` (status, headers, request id, `.parse()`)."""
        return RawResponses(self)


class ProjectCollection(Collection):
    """A collection of one project's resources."""

    def __init__(self, api: Api, project_id: str) -> None:
        super().__init__(api)
        self.project_id = project_id

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of project {self.project_id}>"
