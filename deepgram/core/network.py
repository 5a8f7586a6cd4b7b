"""How a client reaches the API: its proxy, its TLS settings, its pool limits, or a caller's session.

Everything is resolved once, when the client is made (the proxy from the arguments or the
environment, the SSL context from `verify`), so a request only reuses what is here. aiohttp is
imported only when a session is made.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import SplitResult, unquote, urlsplit

from deepgram import defaults
from deepgram.errors import DeepgramTypeError, DeepgramValueError
from deepgram.redact import REDACTED, SECRETS

if TYPE_CHECKING:
    import ssl

    import aiohttp

log = logging.getLogger("deepgram")

# Proxy schemes aiohttp can speak to; SOCKS needs a connector of the caller's (`http_session=`).
_PROXY_SCHEMES = ("http", "https")
_warned_unverified = False


def _warn_unverified_once() -> None:
    global _warned_unverified
    if not _warned_unverified:
        _warned_unverified = True
        log.warning(
            "TLS certificate verification is off (verify=False): "
            "anyone on the network path can read and change this client's traffic"
        )


def env_proxies(environ: Mapping[str, str]) -> dict[str, str]:
    """`{"https": url, "all": url, "no": "host,..."}` from `*_proxy` variables; lower case wins (curl)."""
    found: dict[str, str] = {}
    for name, value in environ.items():
        lowered = name.lower()
        if lowered.endswith("_proxy") and value.strip() and (name == lowered or lowered[:-6] not in found):
            found[lowered[:-6]] = value.strip()
    return found


def bypasses_proxy(host: str, port: int | None, no_proxy: str) -> bool:
    """Whether `NO_PROXY` (comma-separated hosts, `.suffix` domains, `host:port`, or `*`) covers the host."""
    host = host.lower().strip("[]")
    for entry in (part.strip().lower() for part in no_proxy.split(",")):
        if not entry:
            continue
        if entry == "*":
            return True
        name, _, entry_port = entry.rpartition(":") if entry.count(":") == 1 else (entry, "", "")
        if entry_port and port is not None and entry_port != str(port):
            continue
        name = name.strip("[]").lstrip("*")
        if host == name.lstrip(".") or (name and host.endswith(name if name.startswith(".") else "." + name)):
            return True
    return False


class ProxyUrl:
    """A proxy URL split into the address (safe to show) and its credentials (secrets)."""

    def __init__(self, url: str, *, source: str) -> None:
        parts = urlsplit(url if "://" in url else "http://" + url)
        if parts.scheme.lower() not in _PROXY_SCHEMES or not parts.hostname:
            raise DeepgramValueError(
                f"{source}: unsupported proxy {self._shown(parts)!r}: give http://host:port "
                "(SOCKS proxies need an aiohttp connector of your own, passed as http_session=)"
            )
        try:
            port = parts.port
        except ValueError:
            raise DeepgramValueError(f"{source}: bad port in proxy {self._shown(parts)!r}") from None
        self.username = unquote(parts.username or "")
        self.password = unquote(parts.password or "")
        for secret in (self.password, f"{self.username}:{self.password}", parts.password):
            SECRETS.add(secret)
        netloc = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
        self.address = f"{parts.scheme.lower()}://{netloc}" + (f":{port}" if port is not None else "")

    @staticmethod
    def _shown(parts: SplitResult) -> str:
        netloc = f"{REDACTED}@{parts.hostname}" if parts.username else parts.netloc
        return parts._replace(netloc=netloc).geturl()

    @property
    def shown(self) -> str:
        """The URL as logs and reprs show it: `http://***@host:port` when it has credentials."""
        return self.address.replace("://", f"://{REDACTED}@", 1) if self.username else self.address

    def __repr__(self) -> str:
        return f"ProxyUrl({self.shown!r})"


def resolve_proxy(
    base_url: str, proxy: str | None, trust_env: bool, environ: Mapping[str, str]
) -> ProxyUrl | None:
    """The proxy for `base_url`: `proxy=` if given, else (with `trust_env`) `HTTPS_PROXY`/`HTTP_PROXY`,
    then `ALL_PROXY`, unless `NO_PROXY` covers the host."""
    if proxy is not None:
        if not isinstance(proxy, str):
            raise DeepgramTypeError(f"proxy must be a URL string, not {type(proxy).__name__}")
        return ProxyUrl(proxy, source="proxy=") if proxy.strip() else None
    if not trust_env:
        return None
    found = env_proxies(environ)
    target = urlsplit(base_url)
    scheme = target.scheme or "https"
    chosen = found.get(scheme) or found.get("all")
    if chosen is None or bypasses_proxy(target.hostname or "", target.port, found.get("no", "")):
        return None
    return ProxyUrl(chosen, source=f"{scheme.upper()}_PROXY" if found.get(scheme) else "ALL_PROXY")


def ssl_context(verify: Any, trust_env: bool, environ: Mapping[str, str]) -> ssl.SSLContext | None:
    """The SSL context `verify` asks for, or None for aiohttp's default (the system's trust store).

    `verify=True` honours `SSL_CERT_FILE` / `SSL_CERT_DIR` (with `trust_env`); a path is a CA bundle
    file or a directory of hashed certificates; an `ssl.SSLContext` is used as given.
    """
    if verify is True:
        cafile = (environ.get("SSL_CERT_FILE") or None) if trust_env else None
        capath = (environ.get("SSL_CERT_DIR") or None) if trust_env else None
        return _load(cafile, capath, source="SSL_CERT_FILE/SSL_CERT_DIR") if cafile or capath else None
    if verify is False:
        import ssl

        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        _warn_unverified_once()
        return context
    if isinstance(verify, (str, os.PathLike)):
        path = os.fspath(verify)
        if os.path.isdir(path):
            return _load(None, path, source="verify=")
        return _load(path, None, source="verify=")
    import ssl

    if isinstance(verify, ssl.SSLContext):
        return verify
    raise DeepgramTypeError(
        f"verify must be True, False, a CA bundle path or an ssl.SSLContext, not {type(verify).__name__}"
    )


def _load(cafile: str | None, capath: str | None, *, source: str) -> ssl.SSLContext:
    import ssl

    for path in (cafile, capath):
        if path is not None and not os.path.exists(path):
            raise DeepgramValueError(f"{source}: no such CA file or directory: {path!r}")
    try:
        return ssl.create_default_context(cafile=cafile, capath=capath)
    except (ssl.SSLError, OSError, ValueError) as exc:
        where = cafile or capath
        raise DeepgramValueError(f"{source}: cannot load CA certificates from {where!r}: {exc}") from exc


def _limit(name: str, value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise DeepgramTypeError(f"{name} must be a whole number, got {value!r}")
    if value < 1:
        raise DeepgramValueError(f"{name} must be at least 1, got {value}")
    return value


class Network:
    """A client's connection settings, resolved once; makes its sessions and the per-request extras."""

    def __init__(
        self,
        base_url: str,
        *,
        proxy: str | None = None,
        trust_env: bool = True,
        verify: Any = True,
        http_session: aiohttp.ClientSession | None = None,
        max_connections: int | None = None,
        max_connections_per_host: int | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> None:
        env = os.environ if environ is None else environ
        if not isinstance(trust_env, bool):
            raise DeepgramTypeError(f"trust_env must be True or False, not {type(trust_env).__name__}")
        self.max_connections = _limit("max_connections", max_connections)
        self.max_connections_per_host = _limit("max_connections_per_host", max_connections_per_host)
        if http_session is not None:
            if not hasattr(http_session, "request") or not hasattr(http_session, "closed"):
                raise DeepgramTypeError(
                    f"http_session must be an aiohttp.ClientSession, not {type(http_session).__name__}"
                )
            if self.max_connections is not None or self.max_connections_per_host is not None:
                raise DeepgramValueError(
                    "max_connections and max_connections_per_host apply to the SDK's own sessions; "
                    "set limits on your session's connector (aiohttp.TCPConnector(limit=...)) instead"
                )
        self.http_session = http_session
        self.proxy = resolve_proxy(base_url, proxy, trust_env, env)
        self.tls = ssl_context(verify, trust_env, env)
        self._request_kwargs: dict[str, Any] | None = None

    def describe(self) -> str:
        """`, proxy='http://***@host:3128'` for reprs (credentials masked), or nothing."""
        return f", proxy={self.proxy.shown!r}" if self.proxy is not None else ""

    def request_kwargs(self) -> dict[str, Any]:
        """Extra arguments for every `session.request` (the proxy; the TLS context for a caller's session)."""
        kwargs = self._request_kwargs
        if kwargs is None:
            kwargs = {}
            if self.proxy is not None:
                import aiohttp
                from yarl import URL

                kwargs["proxy"] = URL(self.proxy.address)
                if self.proxy.username or self.proxy.password:
                    kwargs["proxy_auth"] = aiohttp.BasicAuth(self.proxy.username, self.proxy.password)
            if self.http_session is not None and self.tls is not None:
                kwargs["ssl"] = self.tls
            self._request_kwargs = kwargs
        return kwargs

    def new_session(self) -> aiohttp.ClientSession:
        """A session of the SDK's own, on the running loop, with this client's TLS and pool limits."""
        import aiohttp

        connector = aiohttp.TCPConnector(
            limit=self.max_connections or defaults.DEFAULT_MAX_CONNECTIONS,
            limit_per_host=self.max_connections_per_host or 0,
            ssl=self.tls if self.tls is not None else True,
            enable_cleanup_closed=False,
        )
        # trust_env is resolved here, once; aiohttp's would look the proxy up again on every request.
        return aiohttp.ClientSession(connector=connector, auto_decompress=True, trust_env=False)
