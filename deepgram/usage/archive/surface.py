"""`client.usage`: the request logs of every project the key can see, kept as a local archive."""

from __future__ import annotations

import datetime as dt
import os
from typing import TYPE_CHECKING, Any

from deepgram.core.blocking import blocking
from deepgram.defaults import MAX_PAGE_SIZE

if TYPE_CHECKING:
    from deepgram.core.api import Api
    from deepgram.usage.archive.display import SyncProgressArg
    from deepgram.usage.archive.engine import SyncResult

DEFAULT_OVERLAP = dt.timedelta(hours=1)  # also in `options`, which loads only when a sync runs
DEFAULT_SYNC_CONCURRENCY = 32


class AccountUsage:
    """`client.usage.sync(out)`: an incremental archive of request logs (`await client.usage.async_(out)`).

    The async twin is `async_` (the `a`-prefixed name would be the keyword `async`).
    """

    def __init__(self, api: Api) -> None:
        self._api = api

    def _run(self, coro: Any) -> Any:
        return self._api.run(coro)

    async def async_(
        self,
        out: str | os.PathLike[str],
        *,
        projects: str | list[str] | None = None,
        format: str = "jsonl",
        start: str | dt.date | None = None,
        overlap: str | float | dt.timedelta = DEFAULT_OVERLAP,
        state: str | os.PathLike[str] | None = None,
        concurrency: int = DEFAULT_SYNC_CONCURRENCY,
        page_size: int = MAX_PAGE_SIZE,
        redact: bool = True,
        progress: SyncProgressArg = None,
        now: dt.datetime | None = None,
    ) -> SyncResult:
        """Add every request logged since the last sync to the archive in `out`; see docs/usage-archive.md.

        `projects`: ids (default: every project the key can see). `format`: `jsonl` or `parquet`.
        `start`: where a project's first sync begins (default: its first request). `overlap`:
        how far before the watermark each run reads again (default 1 h). `state`: the state file
        (default `out/_state.json`). `concurrency`: pages in flight across all projects.
        `redact=False` keeps credentials found in callback URLs. `now`: the pinned end (default:
        the current time). Raises `ArchiveLockedError` at once if another sync holds `out`.
        """
        from deepgram.usage.archive.engine import sync_archive
        from deepgram.usage.archive.options import SyncOptions

        options = SyncOptions.build(
            out, projects=projects, format=format, start=start, overlap=overlap, state=state,
            concurrency=concurrency, page_size=page_size, redact=redact, now=now,
        )
        return await sync_archive(self._api, options, progress)

    sync = blocking(async_)
