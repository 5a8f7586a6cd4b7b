"""The request-log query: a lazy, re-iterable view of every record in a window, sync and async.

Each iteration pins the window's end to the moment it starts, fetches pages concurrently
(`deepgram.usage.scrape`) and drops records repeated across page boundaries. The sync surface runs
the async generators on the client's loop, one page per hop; there is no second implementation.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import AsyncGenerator, Callable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from deepgram.core.blocking import blocking
from deepgram.defaults import DEFAULT_PAGE_SIZE, DEFAULT_SCRAPE_CONCURRENCY
from deepgram.errors import DeepgramTypeError, DeepgramValueError
from deepgram.resources.usage_types import UsageRequest, UsageRequestsResponse
from deepgram.types.options import UsageRequestOptions
from deepgram.usage import defaults
from deepgram.usage.paging import RecentIds, Window, pin_window
from deepgram.usage.scrape import P, ScrapeStats, scrape_pages
from deepgram.usage.wire import TYPED_PAGES, typed_ids, typed_keep

if TYPE_CHECKING:
    from deepgram.core.api import Api
    from deepgram.core.operation import Operation
    from deepgram.usage.export import ExportResult, ProgressArg
    from deepgram.usage.gate import PageGate

T = TypeVar("T")


async def _step(agen: AsyncGenerator[T, None]) -> T:
    return await agen.__anext__()


def iterate_sync(api: Api, agen: AsyncGenerator[T, None]) -> Iterator[T]:
    """Drive an async generator from sync code on the client's loop; closing it closes the generator."""
    try:
        while True:
            try:
                item = api.run(_step(agen))
            except StopAsyncIteration:
                return
            yield item
    finally:
        api.run(agen.aclose())


def _concurrency(value: int | None) -> int:
    if value is None:
        return DEFAULT_SCRAPE_CONCURRENCY
    if isinstance(value, bool) or not isinstance(value, int):
        raise DeepgramTypeError(f"concurrency must be an int, got {value!r}")
    if value < 1:
        raise DeepgramValueError(f"concurrency must be at least 1, got {value}")
    return value


class RequestQuery:
    """Every `UsageRequest` of a window, newest first; nothing is fetched until iterated.

    `for r in q`, `async for r in q`, `q.pages()`, `q.apages()`, `q.first()`, `q.export(path)`.
    Bad filters, a `page_size` outside 1..1000 or a start after the end raise
    `DeepgramValueError` here, before any request.
    """

    def __init__(
        self,
        api: Api,
        project_id: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
        concurrency: int | None = None,
        **filters: Any,
    ) -> None:
        if "page" in filters:
            raise DeepgramTypeError("the query pages by itself; use .pages() instead of page=")
        if "limit" in filters:  # the classic name of the page size
            page_size = filters.pop("limit")
        if not project_id:
            raise DeepgramValueError("project_id must not be empty")
        self._api = api
        self.project_id = project_id
        self.options = UsageRequestOptions.coerce(limit=page_size, **filters)
        limit = self.options.limit or DEFAULT_PAGE_SIZE
        if limit != int(limit):
            raise DeepgramValueError(f"page_size must be a whole number of records, got {limit}")
        self.page_size: int = int(limit)
        self.concurrency = _concurrency(concurrency)
        self.stats = ScrapeStats()  # of the latest iteration
        self.last_window: Window | None = None  # the window the latest iteration pinned

    def __repr__(self) -> str:
        return f"<RequestQuery project={self.project_id} {self.options} concurrency={self.concurrency}>"

    def _run(self, coro: Any) -> Any:
        return self._api.run(coro)

    def window(self, now: dt.datetime | None = None) -> Window:
        """The window an iteration starting at `now` covers (`end` pinned when open or in the future)."""
        return pin_window(self.options.start, self.options.end, now=now or dt.datetime.now(dt.timezone.utc))

    def pinned_options(self, window: Window) -> UsageRequestOptions:
        """The options every page of a scrape over `window` is sent with (the page number aside)."""
        return UsageRequestOptions.coerce(self.options, start=window.start, end=window.end)

    async def scrape(
        self,
        endpoint: Operation[P],
        ids: Callable[[P], list[str]],
        keep: Callable[[P, list[bool]], None],
        *,
        window: Window,
        first_page: int = 0,
        dedupe: RecentIds | None = None,
        gate: PageGate | None = None,
    ) -> AsyncGenerator[tuple[int, P], None]:
        """`(number, page)` from `first_page` on, decoded by `endpoint`, repeats dropped via `keep`;
        a `gate` shares one limit on pages in flight (and one throttle) with other scrapes."""
        self.last_window = window
        if window.empty:
            return
        dedupe = dedupe if dedupe is not None else RecentIds(defaults.DEDUPE_PAGES)
        self.stats = ScrapeStats()
        pages = scrape_pages(
            self._api, self.project_id, self.pinned_options(window), endpoint,
            concurrency=self.concurrency, first_page=first_page, stats=self.stats, gate=gate,
        )
        try:
            async for number, page in pages:
                mask = dedupe.keep(ids(page))
                if mask is not None:
                    keep(page, mask)
                yield number, page
        finally:
            await pages.aclose()

    async def apages(self) -> AsyncGenerator[UsageRequestsResponse, None]:
        """Each page of the window in order (GET /v1/projects/{project_id}/requests?page=N)."""
        pages = self.scrape(TYPED_PAGES, typed_ids, typed_keep, window=self.window())
        try:
            async for _, page in pages:
                yield page
        finally:
            await pages.aclose()

    async def __aiter__(self) -> AsyncGenerator[UsageRequest, None]:
        pages = self.apages()
        try:
            async for page in pages:
                for record in page.requests:
                    yield record
        finally:
            await pages.aclose()

    def pages(self) -> Iterator[UsageRequestsResponse]:
        """Each page of the window in order (sync)."""
        return iterate_sync(self._api, self.apages())

    def __iter__(self) -> Iterator[UsageRequest]:
        for page in self.pages():
            yield from page.requests

    async def afirst(self) -> UsageRequest | None:
        """The newest record of the window, or None: one GET .../requests?page=0&limit=1."""
        window = self.window()
        if window.empty:
            return None
        options = UsageRequestOptions.coerce(self.pinned_options(window), limit=1, page=0)
        page = await self._api.call(TYPED_PAGES, self.project_id, options=options)
        return page.requests[0] if page.requests else None

    async def aexport(
        self,
        path: str | os.PathLike[str],
        format: str = "jsonl",
        *,
        resume: bool = False,
        progress: ProgressArg = None,
        redact: bool = True,
        neutralize_formulas: bool = True,
    ) -> ExportResult:
        """Stream every record of the window to `path` (`jsonl` or `csv`), resumably; see `export`.
        Credentials in callback URLs are masked unless `redact=False`; CSV cells starting with
        `=`, `+`, `-`, `@`, tab or CR get a leading `'` unless `neutralize_formulas=False`."""
        from deepgram.usage.export import export_query

        return await export_query(
            self, path, format=format, resume=resume, progress=progress, redact=redact,
            neutralize_formulas=neutralize_formulas,
        )

    async def ato_arrow(self, *, redact: bool = True) -> Any:
        """Every record of the window as a `pyarrow.Table` (the archive's flat schema; extra `parquet`)."""
        from deepgram.usage.frames import query_table

        return await query_table(self, redact=redact)

    async def ato_pandas(self, *, redact: bool = True) -> Any:
        """Every record of the window as a pandas DataFrame (extra `pandas`)."""
        from deepgram.usage.frames import query_pandas

        return await query_pandas(self, redact=redact)

    async def ato_polars(self, *, redact: bool = True) -> Any:
        """Every record of the window as a polars DataFrame (extra `polars`)."""
        from deepgram.usage.frames import query_polars

        return await query_polars(self, redact=redact)

    first = blocking(afirst)
    export = blocking(aexport)
    to_arrow = blocking(ato_arrow)
    to_pandas = blocking(ato_pandas)
    to_polars = blocking(ato_polars)

