"""What is measured: the workloads (rows), who runs each (columns), per mode, and the issue's goals."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Mode = Literal["smoke", "quick", "full"]
Subject = Literal["v4", "v7", "ours", "raw"]

#: Column labels, in table order, and the subject script that fills each.
COLUMNS: dict[str, Subject] = {
    "4.8.1": "v4",
    "7.x": "v7",
    "ours": "ours",
    "ours objects": "ours",
    "ours sync": "ours",
    "raw": "raw",
}
PEERS: tuple[Literal["v4", "v7"], ...] = ("v4", "v7")


@dataclass
class Cell:
    """One column of one workload: which subject runs which task with which arguments."""

    column: str
    task: str
    args: dict[str, Any] = field(default_factory=dict)
    fresh: bool = False  # one new process per sample (imports, peak RSS)

    @property
    def subject(self) -> Subject:
        return COLUMNS[self.column]


@dataclass
class Workload:
    """One row of the results table."""

    id: str
    group: str
    title: str
    unit: str  # ms | s/100k | MB | connections
    cells: list[Cell]
    note: str = ""


@dataclass(frozen=True)
class Goal:
    """`num / den <= limit` (kind=ratio), `num <= limit` (kind=max), or `num - den <= limit` (kind=diff)."""

    id: str
    text: str
    num: tuple[str, str]
    den: tuple[str, str] | None
    limit: float
    kind: Literal["ratio", "max", "diff"] = "ratio"


@dataclass(frozen=True)
class Settings:
    """Sizes and repetitions of one mode."""

    rounds: int
    decode: dict[str, Any]
    calls: dict[str, Any]
    scrape_pages: int
    scrape_pages_v4: int
    fresh_samples: int
    rss_samples: int
    export_pages: tuple[int, int]
    emulator_requests: int
    sequential_calls: int = 100


SETTINGS: dict[Mode, Settings] = {
    "smoke": Settings(
        rounds=1,
        decode={"n": 2, "min_n": 1, "budget": 0.2, "warmup": 1, "batch_ms": 1},
        calls={"n": 2, "min_n": 1, "budget": 0.1, "warmup": 0},
        scrape_pages=3,
        scrape_pages_v4=1,
        fresh_samples=1,
        rss_samples=1,
        export_pages=(1, 3),
        emulator_requests=1000,
        sequential_calls=20,
    ),
    "quick": Settings(
        rounds=2,
        decode={"n": 40, "min_n": 1, "budget": 0.5, "warmup": 1, "batch_ms": 5},
        calls={"n": 60, "min_n": 1, "budget": 0.6, "warmup": 1},
        scrape_pages=50,
        scrape_pages_v4=2,
        fresh_samples=4,
        rss_samples=1,
        export_pages=(10, 100),
        emulator_requests=2000,
    ),
    "full": Settings(
        rounds=6,
        decode={"n": 100, "min_n": 2, "budget": 1.0, "warmup": 1, "batch_ms": 10},
        calls={"n": 150, "min_n": 2, "budget": 1.2, "warmup": 2},
        scrape_pages=100,
        scrape_pages_v4=10,
        fresh_samples=10,
        rss_samples=3,
        export_pages=(10, 1000),
        emulator_requests=5000,
    ),
}

DECODE_PAYLOADS = {
    "req10": "a 10-record /requests page",
    "req100": "a 100-record /requests page",
    "req1000": "a 1000-record /requests page",
    "keys200": "a 200-key list (with members)",
    "projects": "a 5-project list",
}
CONCURRENCY = 8


def workloads(mode: Mode) -> list[Workload]:
    """Every row measured in `mode` (the same rows in every mode; only sizes and repetitions change)."""
    s = SETTINGS[mode]
    rows: list[Workload] = []
    for payload, what in DECODE_PAYLOADS.items():
        base = {"payload": payload, **s.decode}
        rows.append(
            Workload(
                f"decode_{payload}",
                "decode",
                f"decode {what}",
                "ms",
                [
                    Cell("4.8.1", "decode", base),
                    Cell("7.x", "decode", base),
                    Cell("ours", "decode", {**base, "variant": "classic"}),
                    Cell("ours objects", "decode", {**base, "variant": "objects"}),
                    Cell("raw", "decode", base),
                ],
            )
        )
    for server in ("fixed", "emulator"):
        where = "fixed-bytes server" if server == "fixed" else "emulator"
        for size, what in (("small", "GET /v1/projects"), ("large", "GET /requests?limit=1000")):
            for call_mode in ("async", "sync"):
                args = {"server": server, "size": size, "mode": call_mode, **s.calls}
                note = "raw sync = hand-written loop thread + shared session" if call_mode == "sync" else ""
                rows.append(
                    Workload(
                        f"call_{size}_{call_mode}_{server}",
                        "per call",
                        f"one {what} call, {call_mode}, {where}",
                        "ms",
                        [Cell(c, "call", args) for c in ("4.8.1", "7.x", "ours", "raw")],
                        note,
                    )
                )
    calls = s.sequential_calls
    rows.append(
        Workload(
            "connections_sync",
            "per call",
            f"TCP connections for {calls} sequential sync calls",
            "connections",
            [
                Cell(c, "connections", {"server": "fixed", "calls": calls})
                for c in ("4.8.1", "7.x", "ours", "raw")
            ],
        )
    )
    for latency in (0, 50):
        base = {"server": f"fixed{latency}", "page_size": 1000, "concurrency": CONCURRENCY}
        pages, pages_v4 = s.scrape_pages, s.scrape_pages_v4
        rows.append(
            Workload(
                f"scrape_{latency}ms",
                "scrape",
                f"scrape 1000-record pages, {latency} ms latency (time per 100 000 records)",
                "s/100k",
                [
                    Cell("4.8.1", "scrape", {**base, "pages": pages_v4}),
                    Cell("7.x", "scrape", {**base, "pages": pages}),
                    Cell("ours", "scrape", {**base, "pages": pages, "mode": "async"}),
                    Cell("ours sync", "scrape", {**base, "pages": pages, "mode": "sync"}),
                    Cell("raw", "scrape", {**base, "pages": pages}),
                ],
                f"peers page sequentially ({pages_v4} pages for 4.8.1, {pages} for the others, scaled to "
                f"100 000 records); ours and raw keep {CONCURRENCY} pages in flight",
            )
        )
    fresh = s.fresh_samples
    rows.append(
        Workload(
            "import",
            "import",
            "`import deepgram` (raw: `import aiohttp, msgspec`)",
            "ms",
            [Cell(c, "import", {"samples": fresh}, fresh=True) for c in ("4.8.1", "7.x", "ours", "raw")],
        )
    )
    rows.append(
        Workload(
            "import_call",
            "import",
            "import + client + first sync GET /v1/projects",
            "ms",
            [
                Cell(c, "import_call", {"server": "fixed", "samples": fresh}, fresh=True)
                for c in ("4.8.1", "7.x", "ours", "raw")
            ],
        )
    )
    rss = {"payload": "req1000", "samples": s.rss_samples}
    rows.append(
        Workload(
            "rss_decode_req1000",
            "memory",
            "peak RSS, fresh process decoding a 1000-record page",
            "MB",
            [
                Cell("4.8.1", "rss_decode", rss),
                Cell("7.x", "rss_decode", rss),
                Cell("ours", "rss_decode", {**rss, "variant": "classic"}),
                Cell("raw", "rss_decode", rss),
            ],
        )
    )
    for pages in s.export_pages:
        rows.append(
            Workload(
                f"export_{pages * 1000}",
                "memory",
                f"peak RSS, `.export()` of {pages * 1000:,} records to JSONL",
                "MB",
                [
                    Cell(
                        "ours",
                        "export",
                        {
                            "server": "fixed",
                            "pages": pages,
                            "page_size": 1000,
                            "concurrency": CONCURRENCY,
                            "samples": 1,
                        },
                        fresh=True,
                    )
                ],
            )
        )
    return rows


def goals(mode: Mode) -> list[Goal]:
    """The issue's goals (and design.md's), as checks on the medians of one run."""
    small, large = SETTINGS[mode].export_pages
    found: list[Goal] = []
    for payload in DECODE_PAYLOADS:
        for column in ("ours", "ours objects"):
            found.append(
                Goal(
                    f"decode_{payload}_{column}_vs_raw",
                    f"decode {payload}: {column} within 1.5x of hand-written msgspec",
                    (f"decode_{payload}", column),
                    (f"decode_{payload}", "raw"),
                    1.5,
                )
            )
    found += [
        Goal(
            "decode_req1000_vs_v4",
            "decode 1000 records: ours objects >= 100x faster than 4.8.1",
            ("decode_req1000", "ours objects"),
            ("decode_req1000", "4.8.1"),
            1 / 100,
        ),
        Goal(
            "decode_req1000_vs_v7",
            "decode 1000 records: ours objects >= 8x faster than 7.x",
            ("decode_req1000", "ours objects"),
            ("decode_req1000", "7.x"),
            1 / 8,
        ),
    ]
    for size in ("small", "large"):
        a, y = f"call_{size}_async_fixed", f"call_{size}_sync_fixed"
        found += [
            Goal(
                f"{a}_vs_raw",
                f"{size} call, async: within 1.3x of the raw aiohttp loop",
                (a, "ours"),
                (a, "raw"),
                1.3,
            ),
            Goal(
                f"{y}_vs_async",
                f"{size} call, sync: within 1.25x of our async call",
                (y, "ours"),
                (a, "ours"),
                1.25,
            ),
            Goal(f"{a}_vs_v7", f"{size} call, async: >= 4x faster than 7.x", (a, "ours"), (a, "7.x"), 0.25),
            Goal(f"{y}_vs_v7", f"{size} call, sync: >= 4x faster than 7.x", (y, "ours"), (y, "7.x"), 0.25),
        ]
    found += [
        Goal(
            "connections_sync",
            f"{SETTINGS[mode].sequential_calls} sequential sync calls open one TCP connection",
            ("connections_sync", "ours"),
            None,
            1,
            "max",
        ),
        Goal(
            "scrape_50ms_vs_v7",
            "scrape, 50 ms latency: >= 8x faster than 7.x paging sequentially",
            ("scrape_50ms", "ours"),
            ("scrape_50ms", "7.x"),
            1 / 8,
        ),
        Goal(
            "scrape_50ms_vs_raw",
            "scrape, 50 ms latency: within 1.3x of raw aiohttp, same concurrency",
            ("scrape_50ms", "ours"),
            ("scrape_50ms", "raw"),
            1.3,
        ),
        Goal(
            "scrape_0ms_vs_raw",
            "scrape, no latency: records/s within 1.3x of raw aiohttp+msgspec",
            ("scrape_0ms", "ours"),
            ("scrape_0ms", "raw"),
            1.3,
        ),
        Goal(
            "import_vs_v7", "`import deepgram` no slower than 7.x", ("import", "ours"), ("import", "7.x"), 1.0
        ),
        Goal(
            "import_call_vs_v7",
            "import + first call no slower than 7.x",
            ("import_call", "ours"),
            ("import_call", "7.x"),
            1.0,
        ),
        Goal(
            "rss_decode_vs_raw",
            "peak RSS decoding 1000 records within 1.2x of hand-written msgspec",
            ("rss_decode_req1000", "ours"),
            ("rss_decode_req1000", "raw"),
            1.2,
        ),
        Goal(
            "export_rss_growth",
            f"export {large * 1000:,} records: peak RSS <= {small * 1000:,}-record export + 20 MB",
            (f"export_{large * 1000}", "ours"),
            (f"export_{small * 1000}", "ours"),
            20.0,
            "diff",
        ),
    ]
    return found
