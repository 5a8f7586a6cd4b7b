"""A request query as an in-memory table: Arrow, pandas or polars, with the archive's schema.

Each library is imported only when asked for; a missing one is a `MissingExtraError` naming the
extra to install, raised before any request is sent.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from deepgram.usage import arrow
from deepgram.usage.extras import require
from deepgram.usage.redaction import redact_records
from deepgram.usage.wire import RAW_PAGES, raw_ids, raw_keep

if TYPE_CHECKING:
    from deepgram.usage.scrape import PagedQuery


async def query_table(query: PagedQuery, *, redact: bool = True) -> Any:
    """Every record of the query's window as one `pyarrow.Table` of `arrow.schema()`."""
    pa = arrow.pyarrow()
    batches = []
    pages = query.scrape(RAW_PAGES, raw_ids, raw_keep, window=query.window())
    try:
        async for _, page in pages:
            if page.requests:
                records = [bytes(r) for r in page.requests]
                batches.append(arrow.table(redact_records(records, page.stamps) if redact else records))
    finally:
        await pages.aclose()
    return pa.concat_tables(batches) if batches else arrow.schema().empty_table()


async def query_pandas(query: PagedQuery, *, redact: bool = True) -> Any:
    """The table as a pandas DataFrame (extra `deepgram-manage[pandas]`)."""
    require("pandas", "pandas", "query.to_pandas()")
    return (await query_table(query, redact=redact)).to_pandas()


async def query_polars(query: PagedQuery, *, redact: bool = True) -> Any:
    """The table as a polars DataFrame (extra `deepgram-manage[polars]`)."""
    polars = require("polars", "polars", "query.to_polars()")
    return polars.from_arrow(await query_table(query, redact=redact))
