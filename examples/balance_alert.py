"""Alert when a prepaid balance falls below a threshold, in every project your key can see.

    python examples/balance_alert.py --below 250            # print an ALERT line per low balance
    python examples/balance_alert.py --below 250 --fail     # and exit with status 1 (cron, CI)
    python examples/balance_alert.py --below 250 --json     # for scripts

Runs against Deepgram when DEEPGRAM_API_KEY is set, otherwise against the embedded emulator.
Hook the exit status or the ALERT lines to whatever pages you: mail from cron, a CI job, a chat bot.
"""

import argparse
import sys

from _report import dump, table
from _target import target

from deepgram import DeepgramClient, PermissionDeniedError


def low_balances(client, threshold):
    """Every balance of every visible project, each marked `low` when under `threshold`."""
    rows = []
    for project in client.projects.list():
        try:
            balances = project.balances.list()
        except PermissionDeniedError:
            print(f"note: this key may not read the balances of {project.name}", file=sys.stderr)
            continue
        for balance in balances:
            rows.append({"project": project.name, "project_id": project.project_id,
                         "balance_id": balance.balance_id, "amount": balance.amount, "units": balance.units,
                         "low": (balance.amount or 0) < threshold})
    return rows


parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--below", type=float, default=250.0, help="alert under this amount (default 250)")
parser.add_argument("--fail", action="store_true", help="exit with status 1 when any balance is low")
parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
args = parser.parse_args()

with target(sys.stderr if args.json else None) as (api_key, _, url), \
        DeepgramClient(api_key=api_key, url=url) as client:
    rows = low_balances(client, args.below)
low = [row for row in rows if row["low"]]
if args.json:
    dump(rows)
else:
    table(rows, ["project", "balance_id", "amount", "units", "low"])
    print()
    for row in low:
        print(f"ALERT: {row['project']} balance {row['balance_id']} is {row['amount']:,.2f} {row['units']}, "
              f"below {args.below:,.2f}")
    if not low:
        print(f"OK: every balance is at least {args.below:,.2f}")
sys.exit(1 if args.fail and low else 0)
