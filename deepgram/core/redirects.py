"""Redirect policy, pure: which 3xx the transport follows, and the error for the ones it does not.

aiohttp would follow any redirect, to any host, re-sending custom headers (and on 307/308 the
body). The SDK follows a redirect only when nothing can leak or repeat: a GET or HEAD, to the
same origin (scheme, host and port), at most `MAX_REDIRECTS` times in a row. Anything else is a
`RedirectError` naming the location, so a proxy or a misconfigured URL is visible, not silent.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from deepgram.core.retry import get_header
from deepgram.errors import RedirectError

if TYPE_CHECKING:
    from yarl import URL

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MAX_REDIRECTS = 5
_FOLLOWED_METHODS = frozenset({"GET", "HEAD"})


def _origin(url: URL) -> tuple[str, str, int | None]:
    return (url.scheme.lower(), (url.host or "").lower(), url.port)


def redirect_target(
    status: int, headers: Mapping[str, str], current: URL, *, method: str, hops: int, path: str
) -> URL:
    """The URL to follow a redirect to; raises `RedirectError` when the policy refuses it."""
    location = get_header(headers, "location")
    if location is None or not location.strip():
        raise RedirectError(status, "redirect without a Location", location="", method=method, path=path)
    try:
        target = current.join(type(current)(location.strip()))
    except (ValueError, TypeError):
        target = None
    reason = None
    if target is None or not target.is_absolute():
        reason = "the location is not a valid URL"
    elif _origin(target) != _origin(current):
        if current.scheme == "https" and target.scheme != "https":
            reason = "it would downgrade https to http"
        else:
            reason = "it points to another origin"
    elif method.upper() not in _FOLLOWED_METHODS:
        reason = f"a {method.upper()} is never re-sent to another address"
    elif hops >= MAX_REDIRECTS:
        reason = f"more than {MAX_REDIRECTS} redirects in a row"
    if reason is not None:
        raise RedirectError(
            status, f"redirect to {location.strip()} not followed: {reason}",
            location=location.strip(), method=method, path=path, headers=headers,
        )
    assert target is not None
    return target
