"""Defaults of the usage scraper and its exports (the SDK-wide ones live in `deepgram.defaults`)."""

from __future__ import annotations

# Attempts per page before the scrape gives up: 10 % of requests failing leaves a 1e-10 chance
# that one page fails ten times in a row, while a real outage still ends the scrape.
PAGE_RETRIES = 10

# Seconds one page may spend waiting before its retries (Retry-After or backoff), in total: a server
# answering 429 with Retry-After forever fails the page with its last error after this long.
PAGE_RETRY_BUDGET = 300.0

# Seconds a whole scrape (one export, one iteration) may spend waiting before page retries.
SCRAPE_RETRY_BUDGET = 1800.0

# Pages requested beyond the concurrency limit but not yet handed out: keeps every connection busy
# while the consumer writes, and bounds memory to about (concurrency + this) pages.
PREFETCH_EXTRA = 2

# Request ids remembered for de-duplication, in pages: a record repeated across a page boundary is
# dropped without holding every id of a months-long scrape in memory.
DEDUPE_PAGES = 2

# Wait in seconds after a 429 that carries no Retry-After.
THROTTLE_PAUSE = 1.0

# Seconds between fsyncs of an export file and its checkpoint (every page is flushed to the OS).
CHECKPOINT_FSYNC_INTERVAL = 1.0

# Seconds between two redraws of the progress bar.
PROGRESS_REFRESH = 0.2
