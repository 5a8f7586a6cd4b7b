"""Keep a local archive of the request log, then query it: requests and dollars by day and endpoint.

    python examples/usage_archive.py --days 7 --out usage-archive

`client.usage.sync` adds only what is new since the last run (run it daily from cron), writing
`OUT/project_id=<id>/date=<day>/part-*.jsonl`. The query reads only the archive, never the API:
with DuckDB installed (`pip install duckdb`) it is SQL over the files, otherwise plain Python, with
the same result. Runs against Deepgram when DEEPGRAM_API_KEY is set, otherwise against the emulator.
"""

import argparse
import glob
import json
import os
from collections import defaultdict
from datetime import timedelta

from _report import now, table
from _target import target

from deepgram import DeepgramClient

SQL = """
SELECT strftime(timezone('UTC', created), '%Y-%m-%d') AS day,
       split_part(split_part(path, '?', 1), '/', 3) AS endpoint,
       count(*) AS requests,
       round(sum(coalesce(response.details.usd, 0)), 2) AS usd
FROM read_json_auto(?, hive_partitioning = true)
GROUP BY ALL
ORDER BY day, endpoint
"""


def archive(client, project_id, days, out):
    """Add the project's requests of the last `days` days that the archive in `out` lacks."""
    start = (now() - timedelta(days=days)).date()
    return client.usage.sync(out, projects=[project_id], start=start, progress=False)


def files(out):
    return sorted(glob.glob(os.path.join(out, "**", "*.jsonl"), recursive=True))


def query_python(out):
    """Requests and dollars by (day, endpoint), read from the archive's files."""
    totals = defaultdict(lambda: [0, 0.0])
    for path in files(out):
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                endpoint = (record.get("path") or "").split("?")[0].split("/")[2:3] or [""]
                details = (record.get("response") or {}).get("details") or {}
                row = totals[(record["created"][:10], endpoint[0])]
                row[0] += 1
                row[1] += details.get("usd") or 0.0
    return [{"day": day, "endpoint": endpoint, "requests": n, "usd": round(usd, 2)}
            for (day, endpoint), (n, usd) in sorted(totals.items())]


def query(out):
    """The same table through DuckDB when it is installed."""
    try:
        import duckdb
    except ImportError:
        return "python", query_python(out)
    if not files(out):
        return "duckdb", []
    columns = ("day", "endpoint", "requests", "usd")
    rows = duckdb.execute(SQL, [os.path.join(out, "**", "*.jsonl")]).fetchall()
    return "duckdb", [dict(zip(columns, row, strict=True)) for row in rows]


parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--days", type=int, default=7, help="how many days back to archive (default 7)")
parser.add_argument("--out", default="usage-archive", help="the archive directory (default usage-archive)")
args = parser.parse_args()

with target() as (api_key, project_id, url), DeepgramClient(api_key=api_key, url=url) as client:
    result = archive(client, project_id, args.days, args.out)
    print(f"Archived {result.new:,} new requests to {result.out} ({result.duplicates:,} already there)")
engine, rows = query(args.out)
print(f"Requests and dollars by day and endpoint (queried with {engine}):")
table(rows, ["day", "endpoint", "requests", "usd"])
