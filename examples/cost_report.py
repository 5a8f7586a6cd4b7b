"""A monthly cost report: dollars by API key and by tag, from the billing breakdown.

    python examples/cost_report.py                      # last month
    python examples/cost_report.py --month 2026-09      # a given month
    python examples/cost_report.py --json               # for scripts

Keys are shown by their comment (the breakdown names them by id). Tags are grouped by the set of
tags a request carried (`staging,batch` is its own row).
Runs against Deepgram when DEEPGRAM_API_KEY is set, otherwise against the embedded emulator.
"""

import argparse
import sys
from datetime import date, timedelta

from _report import dump, now, table
from _target import target

from deepgram import DeepgramClient


def month_window(month):
    """('2026-09-01', '2026-09-30') for '2026-09' (both days included); last month for None."""
    first = date.fromisoformat(f"{month}-01") if month else (now().date().replace(day=1) - timedelta(days=1))
    first = first.replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return first.isoformat(), last.isoformat()


def report(project, start, end):
    """{"total": dollars, "by_key": [...], "by_tag": [...]}, largest first."""
    names = {key.api_key_id: key.comment for key in project.keys.list()}
    by_key = project.billing.breakdown(start=start, end=end, grouping=["accessor"]).results
    by_tag = project.billing.breakdown(start=start, end=end, grouping=["tags"]).results
    keys = [{"key": names.get(r.grouping.accessor, "(deleted key)"), "api_key_id": r.grouping.accessor,
             "dollars": round(r.dollars, 2)} for r in by_key if r.grouping is not None]
    tags = [{"tags": _tag(r.grouping.tags), "dollars": round(r.dollars, 2)} for r in by_tag if r.grouping]
    return {
        "start": start,
        "end": end,
        "total": round(sum(k["dollars"] for k in keys), 2),
        "by_key": sorted(keys, key=lambda row: -row["dollars"]),
        "by_tag": sorted(tags, key=lambda row: -row["dollars"]),
    }


def _tag(tags):
    if isinstance(tags, list):
        return ",".join(tags) or "(untagged)"
    return tags or "(untagged)"


parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--month", help="YYYY-MM (default: last month)")
parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
args = parser.parse_args()

with target(sys.stderr if args.json else None) as (api_key, project_id, url), \
        DeepgramClient(api_key=api_key, url=url) as client:
    start, end = month_window(args.month)
    result = report(client.project(project_id), start, end)
    if args.json:
        dump(result)
    else:
        print(f"Costs from {start} through {end}: ${result['total']:,.2f}\n")
        table(result["by_key"], ["key", "api_key_id", "dollars"])
        print()
        table(result["by_tag"], ["tags", "dollars"])
