"""The request-log query: a lazy, re-iterable view of every record in a window, sync and async."""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterator, Iterator
from typing import TYPE_CHECKING, Any

from deepgram.defaults import DEFAULT_PAGE_SIZE
from deepgram.resources.usage_endpoints import LIST_REQUESTS
from deepgram.resources.usage_types import UsageRequest, UsageRequestsResponse
from deepgram.types.options import UsageRequestOptions

if TYPE_CHECKING:
    from deepgram.core.api import Api


async def _next(agen: AsyncGenerator[UsageRequestsResponse, None]) -> UsageRequestsResponse:
    return await agen.__anext__()


class RequestQuery:
    """Every `UsageRequest` of a window, page after page; nothing is fetched until iterated."""

    def __init__(
        self, api: Api, project_id: str, *, page_size: int = DEFAULT_PAGE_SIZE, **filters: Any
    ) -> None:
        self._api = api
        self.project_id = project_id
        self.options = UsageRequestOptions.coerce(limit=page_size, **filters)
        self.page_size = page_size

    def __repr__(self) -> str:
        return f"<RequestQuery project={self.project_id} {self.options}>"

    async def apages(self) -> AsyncGenerator[UsageRequestsResponse, None]:
        """Each page in turn, from page 0 until a short page."""
        page = 0
        while True:
            options = UsageRequestOptions.coerce(self.options, page=page)
            response = await self._api.call(LIST_REQUESTS, {"project_id": self.project_id}, options)
            yield response
            if len(response.requests) < self.page_size:
                return
            page += 1

    async def __aiter__(self) -> AsyncIterator[UsageRequest]:
        async for page in self.apages():
            for record in page.requests:
                yield record

    def pages(self) -> Iterator[UsageRequestsResponse]:
        """Each page in turn (sync)."""
        agen = self.apages()
        try:
            while True:
                try:
                    yield self._api.run(_next(agen))
                except StopAsyncIteration:
                    return
        finally:
            self._api.run(agen.aclose())

    def __iter__(self) -> Iterator[UsageRequest]:
        for page in self.pages():
            yield from page.requests
