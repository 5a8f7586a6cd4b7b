"""The argument parser of the `deepgram` command: every subcommand, its options and its handler."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from typing import Any

from deepgram.cli import agents, commands, completion, usage
from deepgram.cli.tree import DEFAULT_ACTION
from deepgram.defaults import DEFAULT_PAGE_SIZE
from deepgram.types.options import DEPLOYMENTS, ENDPOINTS, METHODS, USAGE_GROUPINGS

Handler = Callable[..., None]

EPILOG = """\
environment: DEEPGRAM_API_KEY (the key every command uses), DEEPGRAM_PROJECT_ID (default --project).
exit codes: 0 ok, 1 API error, 2 usage error, 3 connection or timeout error, 130 interrupted."""


def _common() -> argparse.ArgumentParser:
    """Options every command takes, also accepted after the subcommand."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--url", default=argparse.SUPPRESS, help="API base URL (default: api.deepgram.com)")
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                        help="print JSON instead of tables, for scripts")
    return common


def _project(parser: argparse.ArgumentParser, *, required: bool = True) -> None:
    default = os.environ.get("DEEPGRAM_PROJECT_ID")
    parser.add_argument("--project", "-p", default=default, required=required and default is None,
                        help="project id (default: $DEEPGRAM_PROJECT_ID)")


def _window(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--start", help="window start: YYYY-MM-DD or ISO-8601 timestamp")
    parser.add_argument("--end", help="window end (default: now)")


def _request_filters(parser: argparse.ArgumentParser) -> None:
    _window(parser)
    parser.add_argument("--status", choices=("succeeded", "failed"))
    parser.add_argument("--endpoint", choices=sorted(ENDPOINTS))
    parser.add_argument("--method", choices=sorted(METHODS))
    parser.add_argument("--deployment", choices=sorted(DEPLOYMENTS))
    parser.add_argument("--accessor", help="API key id")
    parser.add_argument("--request-id", dest="request_id")
    parser.add_argument("--page-size", type=int, default=DEFAULT_PAGE_SIZE,
                        help="records per request (1-1000)")
    parser.add_argument("--concurrency", type=int, default=None, help="pages in flight (default: 8)")


def _summary_filters(parser: argparse.ArgumentParser) -> None:
    _window(parser)
    for name in ("accessor", "tag", "model"):
        parser.add_argument(f"--{name}")
    parser.add_argument("--method", choices=sorted(METHODS))
    parser.add_argument("--deployment", choices=sorted(DEPLOYMENTS))
    parser.add_argument("--endpoint", choices=sorted(ENDPOINTS))


class _Tree:
    """Adds `group action` subcommands, each bound to its handler."""

    def __init__(self, root: argparse._SubParsersAction[Any], common: argparse.ArgumentParser) -> None:
        self.root = root
        self.common = common

    def group(self, name: str, help: str, default: str = "list") -> argparse._SubParsersAction[Any]:
        """A command group; `default` is the action run when none is named (`deepgram keys -p P`)."""
        parser = self.root.add_parser(name, help=help, description=f"{help} (default action: {default})")
        parser.set_defaults(**{DEFAULT_ACTION: default})
        actions: argparse._SubParsersAction[Any] = parser.add_subparsers(
            dest="action", required=True, metavar="ACTION"
        )
        return actions

    def command(self, group: argparse._SubParsersAction[Any], name: str, handler: Handler,
                help: str, *, project: bool = True) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = group.add_parser(name, help=help, description=help,
                                                           parents=[self.common])
        if project:
            _project(parser)
        parser.set_defaults(handler=handler)
        return parser


def build_parser() -> argparse.ArgumentParser:
    """The whole command tree."""
    common = _common()
    parser = argparse.ArgumentParser(prog="deepgram", description="Manage Deepgram projects from the shell.",
                                     epilog=EPILOG, parents=[common],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    tree = _Tree(parser.add_subparsers(dest="group", required=True, metavar="COMMAND"), common)

    group = tree.group("projects", "projects your key can see")
    tree.command(group, "list", commands.projects_list, "list projects", project=False)

    group = tree.group("keys", "API keys of a project")
    tree.command(group, "list", commands.keys_list, "list keys").add_argument(
        "--status", choices=("active", "expired"))
    create = tree.command(group, "create", commands.keys_create, "create a key (prints its secret once)")
    create.add_argument("--comment", required=True)
    create.add_argument("--scope", action="append", required=True, help="repeat for several scopes")
    create.add_argument("--tag", action="append")
    expiry = create.add_mutually_exclusive_group()
    expiry.add_argument("--ttl", type=int, help="seconds until the key expires")
    expiry.add_argument("--expires", help="expiration date (ISO-8601)")
    tree.command(group, "delete", commands.keys_delete, "delete a key").add_argument("key_id")

    group = tree.group("members", "members of a project")
    tree.command(group, "list", commands.members_list, "list members")
    tree.command(group, "remove", commands.members_remove, "remove a member").add_argument("member_id")

    group = tree.group("scopes", "a member's scopes", default="get")
    tree.command(group, "get", commands.scopes_get, "show a member's scopes").add_argument("member_id")
    update = tree.command(group, "update", commands.scopes_update, "set a member's scope")
    update.add_argument("member_id")
    update.add_argument("scope", help="e.g. member, admin, owner")

    group = tree.group("invites", "pending invitations")
    tree.command(group, "list", commands.invites_list, "list invitations")
    send = tree.command(group, "send", commands.invites_send, "invite someone")
    send.add_argument("email")
    send.add_argument("--scope", default="member")
    tree.command(group, "delete", commands.invites_delete, "withdraw an invitation").add_argument("email")

    group = tree.group("balances", "prepaid balances")
    tree.command(group, "list", commands.balances_list, "list balances")

    group = tree.group("models", "speech models")
    models = tree.command(group, "list", commands.models_list, "list models (a project's with --project)",
                          project=False)
    _project(models, required=False)
    models.add_argument("--include-outdated", action="store_true")

    group = tree.group("usage", "request log and usage reports", default="summary")
    listing = tree.command(group, "requests", usage.requests, "print the request log of a window")
    _request_filters(listing)
    listing.add_argument("--format", choices=("table", "json", "jsonl"), default="table")
    listing.add_argument("--max", type=int, help="stop after this many records")
    summary = tree.command(group, "summary", usage.summary, "usage totals of a window")
    _summary_filters(summary)
    summary.add_argument("--no-totals", dest="totals", action="store_false",
                         help="print only what GET /usage itself returns (no breakdown call)")
    breakdown = tree.command(group, "breakdown", usage.breakdown, "usage broken down by one dimension")
    _summary_filters(breakdown)
    breakdown.add_argument("--grouping", choices=sorted(USAGE_GROUPINGS))
    export = tree.command(group, "export", usage.export, "export the request log to a file, resumably")
    _request_filters(export)
    export.add_argument("--out", "-o", required=True, help="file to write")
    export.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    export.add_argument("--resume", action="store_true", help="continue an interrupted export")
    export.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                        help="progress bar on stderr (default: when stderr is a terminal)")
    export.add_argument("--keep-credentials", action="store_true",
                        help="keep user:password and tokens found in callback URLs (masked by default)")
    export.add_argument("--keep-formulas", action="store_true",
                        help="CSV: keep cells starting with = + - @ as they are (prefixed with ' by default)")
    _sync(tree.command(group, "sync", usage.sync, "keep an incremental archive of request logs",
                       project=False))
    agents.add_commands(tree)

    completion.add_command(tree.root)
    return parser


def _sync(sync: argparse.ArgumentParser) -> None:
    """The options of `deepgram usage sync`."""
    sync.add_argument("--out", "-o", required=True, help="archive directory")
    which = sync.add_mutually_exclusive_group()
    which.add_argument("--project", "-p", action="append", help="a project to sync (repeatable)")
    which.add_argument("--all-projects", action="store_true", help="every project the key can see")
    sync.add_argument("--start", help="where a project's first sync begins (default: its first request)")
    sync.add_argument("--format", choices=("jsonl", "parquet"), default="jsonl")
    sync.add_argument("--overlap", default="1h", help="read again this far before the watermark (default 1h)")
    sync.add_argument("--state", help="state file (default: OUT/_state.json)")
    sync.add_argument("--concurrency", type=int, default=32, help="pages in flight across all projects")
    sync.add_argument("--page-size", type=int, default=DEFAULT_PAGE_SIZE, help="records per request (1-1000)")
    sync.add_argument("--keep-credentials", action="store_true",
                      help="keep user:password and tokens found in callback URLs (masked by default)")
    sync.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                      help="progress on stderr (default: when stderr is a terminal)")
