"""Find API keys that have made no request in N days, from the request log's accessor; optionally delete them.

    python examples/unused_keys.py --days 30                 # list them
    python examples/unused_keys.py --days 30 --delete        # and delete them
    python examples/unused_keys.py --days 30 --json          # for scripts

A key counts as unused when the request log of its project holds no request made with it
(`accessor`) in the last N days. Keys younger than N days are never reported: they have not had
the time. Management API calls are not in the request log, so a key used only for them (like an
admin key running this script) looks unused: `--keep KEY_ID` protects it.
Runs against Deepgram when DEEPGRAM_API_KEY is set, otherwise against the embedded emulator.
"""

import argparse
import sys
from datetime import timedelta

from _report import dump, now, parse_time, table
from _target import target

from deepgram import DeepgramClient


def unused_keys(project, days, keep=()):
    """The keys of `project` older than `days` with no request in the last `days` days."""
    since = now() - timedelta(days=days)
    found = []
    for key in project.keys.list():
        created = parse_time(key.created)
        if key.api_key_id in keep or (created is not None and created > since):
            continue
        last = project.usage.page(accessor=key.api_key_id, start=since.isoformat(timespec="seconds"), limit=1)
        if not last.requests:
            found.append(key)
    return found


parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--days", type=int, default=30, help="idle for this many days (default 30)")
parser.add_argument("--delete", action="store_true", help="delete the keys found")
parser.add_argument("--keep", action="append", default=[], help="a key id never to report or delete")
parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
args = parser.parse_args()

with target(sys.stderr if args.json else None) as (api_key, project_id, url), \
        DeepgramClient(api_key=api_key, url=url) as client:
    project = client.project(project_id)
    keys = unused_keys(project, args.days, keep=set(args.keep))
    rows = [{"api_key_id": k.api_key_id, "comment": k.comment, "scopes": k.scopes, "created": k.created,
             "deleted": False} for k in keys]
    if args.delete:
        for key, row in zip(keys, rows, strict=True):
            key.delete()
            row["deleted"] = True
    if args.json:
        dump(rows)
    else:
        table(rows, ["api_key_id", "comment", "scopes", "created", "deleted"])
        verb = "deleted" if args.delete else "found (pass --delete to delete them)"
        print(f"\n{len(rows)} keys with no request in {args.days} days {verb}")
