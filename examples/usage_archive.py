"""Archive the request log to a JSONL file, then query the archive: requests and dollars by day and endpoint.

    python examples/usage_archive.py --days 7 --out requests.jsonl

The export is resumable (rerun after an interruption and it continues where it stopped). The
query reads only the file, never the API: with DuckDB installed (`pip install duckdb`) it runs as
SQL over the file, otherwise in plain Python, with the same result.
Runs against Deepgram when DEEPGRAM_API_KEY is set, otherwise against the embedded emulator.
"""

import argparse
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
FROM read_json_auto(?)
GROUP BY ALL
ORDER BY day, endpoint
"""


def archive(project, days, out):
    """Export the last `days` days of the request log to `out` (JSONL), resuming a partial file."""
    start = (now() - timedelta(days=days)).isoformat(timespec="seconds")
    resume = os.path.exists(out + ".checkpoint")
    return project.usage.requests(start=start).export(out, resume=resume, progress=False)


def query_python(path):
    """Requests and dollars by (day, endpoint), read from the archive file."""
    totals = defaultdict(lambda: [0, 0.0])
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


def query(path):
    """The same table through DuckDB when it is installed."""
    try:
        import duckdb
    except ImportError:
        return "python", query_python(path)
    columns = ("day", "endpoint", "requests", "usd")
    rows = duckdb.execute(SQL, [path]).fetchall()
    return "duckdb", [dict(zip(columns, row, strict=True)) for row in rows]


parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--days", type=int, default=7, help="how many days back to archive (default 7)")
parser.add_argument("--out", default="requests.jsonl", help="the archive file (default requests.jsonl)")
args = parser.parse_args()

with target() as (api_key, project_id, url), DeepgramClient(api_key=api_key, url=url) as client:
    result = archive(client.project(project_id), args.days, args.out)
    print(f"Archived {result.records:,} requests ({result.pages} pages) to {result.path}")
engine, rows = query(args.out)
print(f"Requests and dollars by day and endpoint (queried with {engine}):")
table(rows, ["day", "endpoint", "requests", "usd"])
