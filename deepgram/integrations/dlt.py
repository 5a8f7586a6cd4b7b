"""A dlt source for Deepgram: load request logs and account data into any dlt destination.

`deepgram_source(api_key=..., projects=None)` yields these resources:

* `requests`: every request-log record, flat and typed (the schema of `docs/usage-archive.md`),
  incremental on `created` with `request_id` as primary key (merge), re-reading `overlap` seconds
  before the last load so late records are caught;
* snapshots (replaced on every load): `projects`, `keys` (never a secret), `members`, `invites`,
  `balances` and `usage_breakdown` (one row per project, grouping and group).

Needs the extra `deepgram-manage[dlt]`; dlt and pyarrow are imported when the source is built.
"""

# mypy: allow-untyped-decorators
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Any

from deepgram.usage import arrow
from deepgram.usage.extras import require
from deepgram.usage.redaction import redact_records

#: Breakdown dimensions loaded into `usage_breakdown`.
GROUPINGS = ("endpoint", "deployment", "method", "accessor", "models", "tags")
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)


def _rows(items: Sequence[Any], project_id: str, drop: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    rows = []
    for item in items:
        row = {key: value for key, value in item.to_dict().items() if key not in drop}
        rows.append({"project_id": project_id, **row})
    return rows


def deepgram_source(
    api_key: str | None = None,
    projects: Sequence[str] | None = None,
    *,
    url: str | None = None,
    start: dt.datetime | None = None,
    overlap: float = 3600.0,
    page_size: int = 1000,
    redact: bool = True,
) -> Any:
    """The dlt source (see the module docstring). `projects`: ids (default: every project the key
    sees); `start`: where the first load of `requests` begins (default: the oldest record kept);
    `redact=False` keeps credentials found in callback URLs."""
    dlt = require("dlt", "dlt", "the dlt source")
    arrow.pyarrow()
    from deepgram.client import DeepgramClient
    from deepgram.usage.query import iterate_sync
    from deepgram.usage.wire import RAW_PAGES, raw_ids, raw_keep

    initial = start if start is not None else _EPOCH
    if initial.tzinfo is None:
        initial = initial.replace(tzinfo=dt.timezone.utc)

    @dlt.source(name="deepgram", max_table_nesting=1)
    def source() -> Any:
        client = DeepgramClient(api_key=api_key, url=url)
        ids = list(projects) if projects is not None else [p.project_id for p in client.projects.list()]

        def each(kind: str, drop: tuple[str, ...] = ()) -> Iterator[list[dict[str, Any]]]:
            for pid in ids:
                collection = getattr(client.project(pid), kind)
                yield _rows(collection.list(), pid, drop)

        @dlt.resource(name="projects", write_disposition="replace", primary_key="project_id")
        def projects_resource() -> Iterator[list[dict[str, Any]]]:
            yield [p.to_dict() for p in client.projects.list() if p.project_id in ids]

        @dlt.resource(name="keys", write_disposition="replace")
        def keys() -> Iterator[list[dict[str, Any]]]:
            yield from each("keys", drop=("key",))  # a listed key never has its secret; be sure

        @dlt.resource(name="members", write_disposition="replace")
        def members() -> Iterator[list[dict[str, Any]]]:
            yield from each("members")

        @dlt.resource(name="invites", write_disposition="replace")
        def invites() -> Iterator[list[dict[str, Any]]]:
            yield from each("invites")

        @dlt.resource(name="balances", write_disposition="replace")
        def balances() -> Iterator[list[dict[str, Any]]]:
            yield from each("balances")

        @dlt.resource(name="usage_breakdown", write_disposition="replace")
        def usage_breakdown() -> Iterator[list[dict[str, Any]]]:
            for pid in ids:
                for grouping in GROUPINGS:
                    report = client.project(pid).usage.breakdown(grouping=grouping)
                    rows = []
                    for result in report.results:
                        row = result.to_dict()
                        group = row.pop("grouping", None) or {}
                        rows.append({"project_id": pid, "grouping": grouping, "group": group.get(grouping),
                                     "start": report.start, "end": report.end, **row})
                    yield rows

        cursor = dlt.sources.incremental("created", initial_value=initial, lag=overlap)

        @dlt.resource(name="requests", write_disposition="merge", primary_key="request_id")
        def requests(created: Any = cursor) -> Iterator[Any]:
            since = created.start_value or initial
            for pid in ids:
                query = client.project(pid).usage.requests(
                    start=since.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
                    page_size=page_size,
                )
                pages: Any = query.scrape(RAW_PAGES, raw_ids, raw_keep, window=query.window())
                for _, page in iterate_sync(client._api, pages):
                    if page.requests:
                        records = [bytes(r) for r in page.requests]
                        yield arrow.table(redact_records(records, page.stamps) if redact else records)

        return [projects_resource, keys, members, invites, balances, usage_breakdown, requests]

    return source()
