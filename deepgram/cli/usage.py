"""`deepgram usage ...`: the request log (streamed), summary, breakdown and resumable export."""

from __future__ import annotations

import argparse
import os
from typing import Any

import msgspec

from deepgram.cli.output import Output, plain, stream_row
from deepgram.client import DeepgramClient
from deepgram.errors import ArchiveSyncError, DeepgramTypeError
from deepgram.resources.usage_types import UsageRequest
from deepgram.usage.archive.engine import SyncResult

REQUEST_FILTERS = ("start", "end", "status", "endpoint", "method", "deployment", "accessor", "request_id")
SUMMARY_FILTERS = ("start", "end", "accessor", "tag", "method", "model", "deployment", "endpoint")
_REQUEST_COLUMNS = (("created", 24), ("request_id", 36), ("code", 4), ("path", 10), ("deployment", 11),
                    ("usd", 10), ("hours", 10))


def _filters(args: argparse.Namespace, names: tuple[str, ...]) -> dict[str, Any]:
    return {name: getattr(args, name) for name in names if getattr(args, name, None) is not None}


def _request_row(record: UsageRequest) -> list[Any]:
    details = record.response.details if record.response is not None else None
    endpoint = (record.path or "").split("?")[0].removeprefix("/v1/")
    return [record.created, record.request_id, record.code, endpoint, record.deployment,
            details.usd if details else None, details.duration if details else None]


def requests(args: argparse.Namespace, client: DeepgramClient, out: Output) -> None:
    """GET /v1/projects/{project_id}/requests, every page of the window, printed as records arrive."""
    query = client.project(args.project).usage.requests(
        page_size=args.page_size, concurrency=args.concurrency, **_filters(args, REQUEST_FILTERS)
    )
    fmt = "json" if out.json else args.format
    shown = 0
    if fmt == "table":
        widths = [width for _, width in _REQUEST_COLUMNS]
        out.line(stream_row(widths, [name.upper() for name, _ in _REQUEST_COLUMNS]))
    elif fmt == "json":
        out.stream.write("[")
    encoder = msgspec.json.Encoder()
    for record in query:
        if args.max is not None and shown >= args.max:
            break
        if fmt == "table":
            out.line(stream_row(widths, _request_row(record)))
        elif fmt == "json":
            out.stream.write(("," if shown else "") + "\n  " + encoder.encode(record).decode())
        else:
            out.line(encoder.encode(record).decode())
        shown += 1
    if fmt == "json":
        out.stream.write("\n]\n" if shown else "]\n")
    elif fmt == "table" and not shown:
        out.line("(none)")


def summary(args: argparse.Namespace, client: DeepgramClient, out: Output) -> None:
    """GET /v1/projects/{project_id}/usage, with the window's totals from the usage breakdown."""
    result = client.project(args.project).usage.summary(
        totals=getattr(args, "totals", True), **_filters(args, SUMMARY_FILTERS)
    )
    if out.json:
        out.data(result)
        return
    rows = [
        [r.start, r.end, r.requests, r.hours, r.total_hours,
         r.tokens.in_ if r.tokens else None, r.tokens.out if r.tokens else None,
         r.tts.characters if r.tts else None]
        for r in result.results
    ]
    out.line(f"window: {result.start} .. {result.end}")
    out.table(["start", "end", "requests", "hours", "total_hours", "tokens_in", "tokens_out", "tts_chars"],
              rows)


def breakdown(args: argparse.Namespace, client: DeepgramClient, out: Output) -> None:
    """GET /v1/projects/{project_id}/usage/breakdown?grouping=..."""
    result = client.project(args.project).usage.breakdown(
        grouping=args.grouping, **_filters(args, SUMMARY_FILTERS)
    )
    if out.json:
        out.data(result)
        return
    rows = []
    for row in result.results:
        grouping = plain(row.grouping) if row.grouping is not None else {}
        label = grouping.get(args.grouping) if args.grouping else None
        rows.append([label if label is not None else "(all)", row.requests, row.hours, row.total_hours,
                     row.tokens_in, row.tokens_out, row.tts_characters])
    out.line(f"window: {result.start} .. {result.end}")
    out.table([args.grouping or "grouping", "requests", "hours", "total_hours", "tokens_in", "tokens_out",
               "tts_characters"], rows)


def export(args: argparse.Namespace, client: DeepgramClient, out: Output) -> None:
    """Every record of the window to a file, resumable (`--resume`), with a progress bar on a terminal."""
    query = client.project(args.project).usage.requests(
        page_size=args.page_size, concurrency=args.concurrency, **_filters(args, REQUEST_FILTERS)
    )
    progress: bool | None = None if args.progress is None else args.progress
    result = query.export(args.out, format=args.format, resume=args.resume, progress=progress,
                          redact=not args.keep_credentials, neutralize_formulas=not args.keep_formulas)
    if out.json:
        out.data({**{k: v for k, v in vars(result).items() if k != "path"}, "path": str(result.path)})
        return
    how = "resumed" if result.resumed else "exported"
    print(f"{how}: {result.records:,} records ({result.pages:,} pages, {result.bytes:,} bytes) "
          f"to {result.path} in {result.elapsed:.1f}s; window {result.start or '(first request)'} .. "
          f"{result.end}", file=out.stream)


def sync(args: argparse.Namespace, client: DeepgramClient, out: Output) -> None:
    """`deepgram usage sync`: `client.usage.sync(...)`, then its one-line summary."""
    projects = args.project
    if not projects and not args.all_projects:
        default = os.environ.get("DEEPGRAM_PROJECT_ID")
        if not default:
            raise DeepgramTypeError("name the projects to sync with --project, or pass --all-projects")
        projects = [default]
    try:
        result = client.usage.sync(
            args.out, projects=projects or None, format=args.format, start=args.start, overlap=args.overlap,
            state=args.state, concurrency=args.concurrency, page_size=args.page_size,
            redact=not args.keep_credentials, progress=args.progress,
        )
    except ArchiveSyncError as failed:  # the other projects were archived: say so, then fail
        if isinstance(failed.result, SyncResult):
            out.line(failed.result.summary())
        raise
    if out.json:
        out.data({"out": str(result.out), "format": result.format, "run": result.run, "new": result.new,
                  "duplicates": result.duplicates, "files": result.files, "elapsed": result.elapsed,
                  "projects": [vars(p) for p in result.projects]})
    else:
        out.line(result.summary())
