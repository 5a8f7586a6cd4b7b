"""Audit who has which scopes in every project your key can see: members and API keys.

    python examples/audit_scopes.py            # a table
    python examples/audit_scopes.py --json     # one object per member or key, for scripts

Runs against Deepgram when DEEPGRAM_API_KEY is set, otherwise against the embedded emulator.
A project whose keys your key may not list is still audited for its members.
"""

import argparse
import sys

from _report import dump, table
from _target import target

from deepgram import DeepgramClient, PermissionDeniedError


def audit(client):
    """One row per member and per API key of every visible project, with its scopes."""
    rows = []
    for project in client.projects.list():
        where = {"project": project.name, "project_id": project.project_id}
        for member in project.members.list():
            rows.append({**where, "kind": "member", "who": member.email, "id": member.member_id,
                         "scopes": sorted(member.scopes)})
        try:
            keys = project.keys.list()
        except PermissionDeniedError:
            print(f"note: this key may not list the keys of {project.name}", file=sys.stderr)
            continue
        for key in keys:
            owner = f" ({key.member.email})" if key.member is not None and key.member.email else ""
            rows.append({**where, "kind": "key", "who": f"{key.comment or ''}{owner}", "id": key.api_key_id,
                         "scopes": sorted(key.scopes)})
    return rows


parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
args = parser.parse_args()

with target(sys.stderr if args.json else None) as (api_key, _, url), \
        DeepgramClient(api_key=api_key, url=url) as client:
    rows = audit(client)
    if args.json:
        dump(rows)
    else:
        table(rows, ["project", "kind", "who", "scopes", "id"])
        admins = sorted({r["who"] for r in rows
                         if r["kind"] == "member" and {"owner", "admin"} & set(r["scopes"])})
        print(f"\n{len(rows)} grants; owners and admins: {', '.join(admins) or '(none)'}")
