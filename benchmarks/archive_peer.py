"""The baseline loader: what the existing connectors do, written here as the benchmark's own peer.

One project after another, one page of 1,000 records after another, over one keep-alive HTTP
connection (stdlib `http.client`, as a `requests`-based connector would), each record written to
a JSONL file as it arrives. No concurrency, no incremental state.
"""

from __future__ import annotations

import http.client
import json
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit


def sequential_load(url: str, key: str, projects: list[str], out: Path, start: str | None = None) -> int:
    """Page every project's log sequentially into `out/<project>.jsonl`; returns the record count."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=60)
    end = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    total = 0
    out.mkdir(parents=True, exist_ok=True)
    try:
        for project in projects:
            with open(out / f"{project}.jsonl", "w", encoding="utf-8") as sink:
                page = 0
                while True:
                    query = {"limit": 1000, "page": page, "end": end, **({"start": start} if start else {})}
                    connection.request(
                        "GET",
                        f"/v1/projects/{project}/requests?{urlencode(query)}",
                        headers={"Authorization": f"Token {key}"},
                    )
                    response = connection.getresponse()
                    records = json.loads(response.read())["requests"]
                    for record in records:
                        sink.write(json.dumps(record) + "\n")
                    total += len(records)
                    if len(records) < 1000:
                        break
                    page += 1
    finally:
        connection.close()
    return total
