"""Documented defaults of the SDK, in one place so every layer agrees on them."""

from __future__ import annotations

# Deepgram's production host; every Manage path starts with /v1/ below it.
DEFAULT_BASE_URL = "https://api.deepgram.com"

# Total seconds per attempt: Manage calls are small, so 30 s means "something is wrong", not "slow".
DEFAULT_TIMEOUT = 30.0

# Seconds to open a connection: a dead host should fail fast and be retried, not eat the total budget.
DEFAULT_CONNECT_TIMEOUT = 10.0

# Largest response body read, in bytes: far above the biggest real page (about 2 MB for 1 000
# request records), low enough that a broken or hostile server cannot exhaust memory.
DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024

# Retries after the first attempt: rides out a blip or a 429 without hiding a real outage.
DEFAULT_MAX_RETRIES = 2

# First backoff delay in seconds; doubles on every further retry.
DEFAULT_BACKOFF_INITIAL = 0.5

# Upper bound of one backoff delay in seconds, so a long retry budget never sleeps for minutes.
DEFAULT_BACKOFF_MAX = 8.0

# Upper bound in seconds on a server's Retry-After we honour: a larger value is clipped, not obeyed.
DEFAULT_RETRY_AFTER_MAX = 60.0

# Jitter as a fraction (+/-25 %) of the backoff, so many clients do not retry in lock-step.
DEFAULT_JITTER = 0.25

# Statuses retried besides every 5xx: 408 (request timeout) and 429 (rate limited) are transient.
DEFAULT_RETRY_STATUSES: frozenset[int] = frozenset({408, 429})

# Request-log page size: the API's maximum, because fewer round trips is what scrapers need.
DEFAULT_PAGE_SIZE = 1000

# Largest `limit` the /requests endpoint accepts (SPEC range [1, 1000]).
MAX_PAGE_SIZE = 1000

# Concurrent page fetches of the usage scraper: fast without tripping Deepgram's rate limits.
DEFAULT_SCRAPE_CONCURRENCY = 8

# Connections one client keeps open at most (all hosts); per host it is unlimited unless set.
DEFAULT_MAX_CONNECTIONS = 100
