"""Fetch news pages and feeds over HTTP(S), safely.

``fetch`` follows redirects itself so that every hop passes the same checks: http/https only,
the host's addresses resolved and refused when private, loopback, link-local, multicast,
reserved or unspecified (IPv4 and IPv6, including IPv4-mapped, 6to4 and Teredo forms) unless
``allow_private``; connect/read timeouts plus an overall deadline; a streamed size cap; a
content-type check; a descriptive user agent; optionally robots.txt. Every refusal or failure
is a ``FetchError`` naming the URL and the reason.

DNS rebinding: checking a name and then letting httpx resolve it again would let a DNS server
answer a public address to the check and a private one to the connection. So the client
``fetch`` builds (see :func:`guarded_client`) connects through :class:`GuardedBackend`, an
httpcore network backend that resolves each host once at connect time, vets every address it
got and connects to a vetted address itself; TLS still verifies the certificate against the
host name (httpcore takes SNI and the Host header from the URL, not from the socket). This holds
for every redirect hop, as each hop opens its connection through the same backend. Environment
proxies are not used by that client: a proxy resolves names itself, out of the guard's sight.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpcore
import httpx

from crossread.errors import FetchError

USER_AGENT = "crossread/0.1 (news reader; +https://github.com/crossread/crossread)"
MAX_BYTES = 10 * 1024 * 1024
PAGE_TYPES = (
    "text/html",
    "application/xhtml+xml",
    "application/xml",
    "text/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/feed+json",
    "application/json",
    "text/plain",
)
REDIRECTS = frozenset({301, 302, 303, 307, 308})

Resolver = Callable[[str, int], list[str]]


class AddressRefused(FetchError):
    """The connection would have gone to a non-public address."""


@dataclass(frozen=True, slots=True, kw_only=True)
class FetchedPage:
    """One fetched URL. ``status`` 304 means "not modified" and comes with empty ``data``."""

    url: str
    final_url: str
    status: int
    content_type: str | None
    data: bytes
    headers: dict[str, str] = field(default_factory=dict)


def resolve_host(host: str, port: int) -> list[str]:
    """All addresses a host name resolves to (the system resolver)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({str(info[4][0]) for info in infos})


def is_public_address(address: str) -> bool:
    """True for globally routable unicast addresses; False for anything private or special."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    embedded: list[ipaddress.IPv4Address] = []
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = [a for a in (ip.ipv4_mapped, ip.sixtofour) if a is not None]
        if ip.teredo:
            embedded.extend(ip.teredo)
    for candidate in (ip, *embedded):
        if (
            not candidate.is_global
            or candidate.is_multicast
            or candidate.is_private
            or candidate.is_loopback
            or candidate.is_link_local
            or candidate.is_reserved
            or candidate.is_unspecified
        ):
            return False
    return True


def check_url(url: str, *, allow_private: bool = False, resolver: Resolver | None = None) -> None:
    """Refuse URLs crossread must not fetch: other schemes, and private hosts.

    Raises:
        FetchError: the scheme is not http(s), the host does not resolve, or (unless
            ``allow_private``) any of its addresses is not public.
    """
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"}:
        raise FetchError(f"{url}: only http and https URLs can be fetched")
    host = parts.hostname
    if not host:
        raise FetchError(f"{url}: no host in URL")
    if allow_private:
        return
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise FetchError(f"{url}: bad port ({exc})") from exc
    try:
        addresses = [str(ipaddress.ip_address(host))]
    except ValueError:
        try:
            addresses = (resolver or resolve_host)(host, port)
        except (OSError, UnicodeError) as exc:
            raise FetchError(f"{url}: host {host} does not resolve ({exc})") from exc
    if not addresses:
        raise FetchError(f"{url}: host {host} does not resolve")
    for address in addresses:
        if not is_public_address(address):
            raise FetchError(
                f"{url}: refused, {host} resolves to non-public address {address} "
                "(use --allow-private to fetch from private networks)"
            )


class GuardedBackend(httpcore.NetworkBackend):
    """An httpcore network backend that connects only to vetted addresses.

    The host name is resolved once, here; unless ``allow_private``, every address must be
    public (:func:`is_public_address`) or the connection is refused with ``AddressRefused``;
    the socket then connects to those very addresses, never to the name.
    """

    def __init__(self, *, allow_private: bool = False, resolver: Resolver | None = None) -> None:
        self.allow_private = allow_private
        self.resolver = resolver
        self._backend = httpcore.SyncBackend()

    def vetted_addresses(self, host: str, port: int) -> list[str]:
        """The addresses a connection to ``host`` may use, resolved once and checked."""
        try:
            addresses = [str(ipaddress.ip_address(host.strip("[]")))]
        except ValueError:
            try:
                addresses = (self.resolver or resolve_host)(host, port)
            except (OSError, UnicodeError) as exc:
                raise httpcore.ConnectError(f"host {host} does not resolve ({exc})") from exc
        if not addresses:
            raise httpcore.ConnectError(f"host {host} does not resolve")
        if not self.allow_private:
            for address in addresses:
                if not is_public_address(address):
                    raise AddressRefused(
                        f"refused, {host} resolves to non-public address {address} at connect "
                        "time (use --allow-private to fetch from private networks)"
                    )
        return addresses

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        """Connect to the first vetted address of ``host`` that answers."""
        error: Exception | None = None
        for address in self.vetted_addresses(host, port):
            try:
                return self._backend.connect_tcp(
                    address,
                    port,
                    timeout=timeout,
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
        assert error is not None
        raise error

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        """Refused: crossread fetches over TCP only."""
        raise AddressRefused(f"refused, unix socket {path}")

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


class GuardedTransport(httpx.HTTPTransport):
    """``httpx.HTTPTransport`` whose connections go through a :class:`GuardedBackend`."""

    def __init__(self, backend: GuardedBackend) -> None:
        super().__init__(trust_env=True)
        self.backend = backend
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=True),
            network_backend=self.backend,
        )


def guarded_client(
    *, allow_private: bool = False, resolver: Resolver | None = None
) -> httpx.Client:
    """An httpx client that connects only to vetted addresses (see :class:`GuardedBackend`)."""
    backend = GuardedBackend(allow_private=allow_private, resolver=resolver)
    return httpx.Client(transport=GuardedTransport(backend))


def fetch(
    url: str,
    *,
    client: httpx.Client | None = None,
    allow_private: bool = False,
    max_bytes: int = MAX_BYTES,
    timeout: float = 15.0,
    max_time: float = 60.0,
    max_redirects: int = 5,
    respect_robots: bool = False,
    user_agent: str = USER_AGENT,
    accept: tuple[str, ...] = PAGE_TYPES,
    headers: Mapping[str, str] | None = None,
    resolver: Resolver | None = None,
) -> FetchedPage:
    """Fetch one URL with the safety checks described in the module docstring.

    Args:
        url: an http(s) URL.
        client: an httpx client to reuse; without one, a :func:`guarded_client` is built.
            A client of one's own gets the per-hop name check but not the connect-time one
            unless it is a :func:`guarded_client` too.
        allow_private: fetch from private/loopback/link-local addresses too.
        max_bytes: refuse bodies larger than this (checked while streaming).
        timeout: connect and read timeout, seconds.
        max_time: overall deadline for the whole fetch including redirects, seconds.
        max_redirects: hops to follow before giving up.
        respect_robots: consult the site's robots.txt first.
        user_agent: the User-Agent header sent.
        accept: content types accepted (a missing Content-Type is accepted).
        headers: extra request headers (``If-None-Match``, ``If-Modified-Since``...).
        resolver: ``(host, port) -> [address]``; defaults to the system resolver.

    Raises:
        FetchError: refused, failed, too large, too slow, wrong content type, or an HTTP
            status other than 2xx/304.
    """
    own = client is None
    http = client or guarded_client(allow_private=allow_private, resolver=resolver)
    deadline = time.monotonic() + max_time
    request_headers = {"User-Agent": user_agent, **(headers or {})}
    try:
        if respect_robots:
            _check_robots(url, http, allow_private, resolver, timeout, user_agent)
        current = url
        for _hop in range(max_redirects + 1):
            check_url(current, allow_private=allow_private, resolver=resolver)
            page = _get(http, url, current, request_headers, timeout, deadline, max_bytes, accept)
            if page.status in REDIRECTS:
                location = page.headers.get("location")
                if not location:
                    raise FetchError(f"{url}: redirect {page.status} without a Location")
                current = urljoin(current, location)
                continue
            return page
        raise FetchError(f"{url}: more than {max_redirects} redirects")
    finally:
        if own:
            http.close()


def _get(
    http: httpx.Client,
    url: str,
    current: str,
    headers: dict[str, str],
    timeout: float,
    deadline: float,
    max_bytes: int,
    accept: tuple[str, ...],
) -> FetchedPage:
    limits = httpx.Timeout(timeout, connect=min(timeout, 10.0))
    try:
        with http.stream(
            "GET", current, headers=headers, timeout=limits, follow_redirects=False
        ) as response:
            status = response.status_code
            found = {k.lower(): v for k, v in response.headers.items()}
            content_type = found.get("content-type")
            if status in REDIRECTS or status == 304:
                return _page(url, current, status, content_type, b"", found)
            if not 200 <= status < 300:
                raise FetchError(f"{url}: HTTP {status} from {current}")
            media = (content_type or "").split(";", 1)[0].strip().lower()
            if media and media not in accept:
                raise FetchError(f"{url}: unsupported content type {media}")
            declared = found.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(f"{url}: body of {declared} bytes exceeds the {max_bytes} cap")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"{url}: body exceeds the {max_bytes}-byte cap")
                if time.monotonic() > deadline:
                    raise FetchError(f"{url}: took longer than the overall time limit")
                chunks.append(chunk)
            return _page(url, current, status, content_type, b"".join(chunks), found)
    except AddressRefused as exc:
        raise AddressRefused(f"{url}: {exc}") from exc
    except httpx.TimeoutException as exc:
        raise FetchError(f"{url}: timed out ({type(exc).__name__})") from exc
    except httpx.HTTPError as exc:
        raise FetchError(f"{url}: {type(exc).__name__}: {exc}") from exc


def _page(
    url: str,
    final: str,
    status: int,
    content_type: str | None,
    data: bytes,
    headers: dict[str, str],
) -> FetchedPage:
    return FetchedPage(
        url=url,
        final_url=final,
        status=status,
        content_type=content_type,
        data=data,
        headers=headers,
    )


ROBOTS_TTL = 3600.0
_robots: dict[str, tuple[float, RobotFileParser | None]] = {}
"""robots.txt URL -> (when read, parser or None for "no robots.txt"); a watcher asks often."""


def _check_robots(
    url: str,
    http: httpx.Client,
    allow_private: bool,
    resolver: Resolver | None,
    timeout: float,
    user_agent: str,
) -> None:
    parts = urlsplit(url)
    robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
    cached = _robots.get(robots_url)
    if cached is not None and time.monotonic() - cached[0] < ROBOTS_TTL:
        parser = cached[1]
    else:
        parser = _read_robots(robots_url, url, http, allow_private, resolver, timeout, user_agent)
        if len(_robots) > 1000:
            _robots.clear()
        _robots[robots_url] = (time.monotonic(), parser)
    if parser is not None and not parser.can_fetch(user_agent, url):
        raise FetchError(f"{url}: disallowed by {robots_url}")


def _read_robots(
    robots_url: str,
    url: str,
    http: httpx.Client,
    allow_private: bool,
    resolver: Resolver | None,
    timeout: float,
    user_agent: str,
) -> RobotFileParser | None:
    try:
        page = fetch(
            robots_url,
            client=http,
            allow_private=allow_private,
            timeout=timeout,
            max_bytes=512 * 1024,
            user_agent=user_agent,
            resolver=resolver,
        )
    except FetchError as exc:
        if "HTTP 4" in str(exc):
            return None  # no robots.txt (or not ours to read): everything is allowed
        raise FetchError(f"{url}: robots.txt could not be read ({exc})") from exc
    parser = RobotFileParser()
    parser.parse(page.data.decode("utf-8", errors="replace").splitlines())
    return parser
