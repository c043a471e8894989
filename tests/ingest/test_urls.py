"""fetch against a local HTTP server on 127.0.0.1 and httpx MockTransport; never the network."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from crossread.errors import FetchError
from crossread.ingest.urls import (
    AddressRefused,
    GuardedBackend,
    GuardedTransport,
    check_url,
    fetch,
    is_public_address,
)

PAGE = b"<html><head><title>Local page</title></head><body><p>Hello.</p></body></html>"


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def _send(self, status: int, body: bytes = b"", ctype: str = "text/html", **extra: str):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for key, value in extra.items():
            self.send_header(key.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path
        if path == "/page":
            self._send(200, PAGE, "text/html; charset=utf-8", ETag='"v1"')
        elif path.startswith("/hop/"):
            left = int(path.rsplit("/", 1)[1])
            target = "/page" if left == 0 else f"/hop/{left - 1}"
            self._send(302, Location=target)
        elif path == "/slow":
            time.sleep(1.5)
            with contextlib.suppress(OSError):  # the client has long given up
                self._send(200, PAGE)
        elif path == "/big":
            self._send(200, b"<p>" + b"x" * 200_000 + b"</p>")
        elif path == "/big-chunked":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no Content-Length: the cap must apply while streaming
            with contextlib.suppress(OSError):  # the client stops reading at the cap
                for _ in range(50):
                    self.wfile.write(b"y" * 10_000)
        elif path == "/image":
            self._send(200, b"\x89PNG\r\n", "image/png")
        elif path == "/to-rebinding-host":
            port = self.server.server_address[1]
            self._send(302, Location=f"http://rebind.test:{port}/page")
        elif path == "/to-metadata":
            self._send(302, Location="http://169.254.169.254/latest/meta-data/")
        elif path == "/robots.txt":
            self._send(200, b"User-agent: *\nDisallow: /private\n", "text/plain")
        elif path == "/private":
            self._send(200, PAGE)
        else:
            self._send(404, b"not found")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_fetches_a_page(server: str) -> None:
    page = fetch(f"{server}/page", allow_private=True)
    assert page.status == 200 and page.data == PAGE
    assert page.content_type == "text/html; charset=utf-8"
    assert page.headers["etag"] == '"v1"'


def test_follows_a_redirect_chain_within_the_limit(server: str) -> None:
    page = fetch(f"{server}/hop/3", allow_private=True, max_redirects=5)
    assert page.final_url == f"{server}/page" and page.data == PAGE
    with pytest.raises(FetchError, match="more than 2 redirects"):
        fetch(f"{server}/hop/3", allow_private=True, max_redirects=2)


def test_slow_response_times_out(server: str) -> None:
    with pytest.raises(FetchError, match=r"/slow: timed out"):
        fetch(f"{server}/slow", allow_private=True, timeout=0.3)


@pytest.mark.parametrize("path", ["/big", "/big-chunked"])
def test_oversized_body_is_refused(server: str, path: str) -> None:
    with pytest.raises(FetchError, match="cap"):
        fetch(f"{server}{path}", allow_private=True, max_bytes=100_000)


def test_wrong_content_type_is_refused(server: str) -> None:
    with pytest.raises(FetchError, match="unsupported content type image/png"):
        fetch(f"{server}/image", allow_private=True)


def test_http_errors_name_the_url(server: str) -> None:
    with pytest.raises(FetchError, match=r"^http://127\.0\.0\.1:\d+/missing: HTTP 404"):
        fetch(f"{server}/missing", allow_private=True)


def test_loopback_is_refused_without_allow_private(server: str) -> None:
    with pytest.raises(FetchError, match=r"non-public address 127\.0\.0\.1"):
        fetch(f"{server}/page")


class ToLocal(httpx.BaseTransport):
    """Sends every request for news.example to the local server (as DNS would)."""

    def __init__(self, base: str) -> None:
        self.base = httpx.URL(base)
        self.inner = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.host == "news.example":
            request.url = request.url.copy_with(host=self.base.host, port=self.base.port)
        return self.inner.handle_request(request)


def test_redirect_to_private_address_is_refused(server: str) -> None:
    client = httpx.Client(transport=ToLocal(server))
    public = lambda host, port: ["93.184.216.34"]  # noqa: E731
    assert fetch("http://news.example/page", client=client, resolver=public).data == PAGE
    with pytest.raises(FetchError, match=r"169\.254\.169\.254"):
        fetch("http://news.example/to-metadata", client=client, resolver=public)


def test_redirect_to_a_name_resolving_privately_is_refused() -> None:
    resolver = {"news.example": ["93.184.216.34"], "intranet.example": ["10.1.2.3"]}
    client = _mock_client({"/story": (301, "http://intranet.example/admin")})
    with pytest.raises(FetchError, match=r"intranet\.example resolves to non-public address"):
        fetch("http://news.example/story", client=client, resolver=lambda h, p: resolver[h])


def test_robots_txt_is_respected(server: str) -> None:
    assert fetch(f"{server}/private", allow_private=True).status == 200
    with pytest.raises(FetchError, match="disallowed by"):
        fetch(f"{server}/private", allow_private=True, respect_robots=True)
    assert fetch(f"{server}/page", allow_private=True, respect_robots=True).status == 200


def test_conditional_request_gets_304() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.headers.get("if-none-match") == '"v1"':
            return httpx.Response(304)
        return httpx.Response(200, content=PAGE, headers={"ETag": '"v1"'})

    client = httpx.Client(transport=httpx.MockTransport(handler))
    public = lambda host, port: ["93.184.216.34"]  # noqa: E731
    first = fetch("https://news.example/feed", client=client, resolver=public)
    second = fetch(
        "https://news.example/feed",
        client=client,
        resolver=public,
        headers={"If-None-Match": first.headers["etag"]},
    )
    assert (first.status, second.status, second.data) == (200, 304, b"")
    assert seen[0].headers["user-agent"].startswith("crossread/")


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.216.34", True),
        ("2606:2800:220:1:248:1893:25c8:1946", True),
        ("127.0.0.1", False),
        ("10.0.0.1", False),
        ("172.16.5.4", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),
        ("100.64.0.1", False),
        ("0.0.0.0", False),
        ("224.0.0.1", False),
        ("240.0.0.1", False),
        ("::1", False),
        ("::", False),
        ("fe80::1", False),
        ("fc00::1", False),
        ("ff02::1", False),
        ("::ffff:127.0.0.1", False),
        ("::ffff:10.0.0.1", False),
        ("2002:7f00:1::1", False),
    ],
)
def test_address_classes(address: str, public: bool) -> None:
    assert is_public_address(address) is public


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://news.example/x", "gopher://x/", "http:///nohost"]
)
def test_other_schemes_are_refused(url: str) -> None:
    with pytest.raises(FetchError):
        check_url(url, allow_private=True)


def test_ip_literals_skip_the_resolver() -> None:
    def fail(host: str, port: int) -> list[str]:
        raise AssertionError("resolver called for an IP literal")

    with pytest.raises(FetchError, match="non-public"):
        check_url("http://[::ffff:192.168.0.1]/", resolver=fail)


def _mock_client(routes: dict[str, tuple[int, str]]) -> httpx.Client:
    def handler(request: httpx.Request) -> httpx.Response:
        status, location = routes.get(request.url.path, (200, ""))
        if status in {301, 302}:
            return httpx.Response(status, headers={"Location": location})
        return httpx.Response(200, content=PAGE, headers={"Content-Type": "text/html"})

    return httpx.Client(transport=httpx.MockTransport(handler))


def test_robots_txt_is_read_once_per_site() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.path)
        if request.url.path == "/robots.txt":
            return httpx.Response(200, text="User-agent: crossread\nDisallow: /members\n")
        return httpx.Response(200, content=PAGE, headers={"Content-Type": "text/html"})

    client = httpx.Client(transport=httpx.MockTransport(handler))
    public = lambda host, port: ["93.184.216.34"]  # noqa: E731
    for path in ("/a", "/b"):
        fetch(f"https://robots.example{path}", client=client, resolver=public, respect_robots=True)
    with pytest.raises(FetchError, match="disallowed"):
        fetch(
            "https://robots.example/members/x", client=client, resolver=public, respect_robots=True
        )
    assert seen == ["/robots.txt", "/a", "/b"]


class Rebinder:
    """A DNS server that answers a public address first, then the loopback address."""

    def __init__(self, *answers: str) -> None:
        self.answers = list(answers)
        self.calls: list[str] = []

    def __call__(self, host: str, port: int) -> list[str]:
        self.calls.append(host)
        return [self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]]


def _port(server: str) -> int:
    return int(server.rsplit(":", 1)[1])


def test_dns_rebinding_is_refused_at_connect_time(server: str) -> None:
    rebinder = Rebinder("93.184.216.34", "127.0.0.1")
    with pytest.raises(AddressRefused, match=r"non-public address 127\.0\.0\.1 at connect time"):
        fetch(f"http://rebind.test:{_port(server)}/page", resolver=rebinder)
    assert rebinder.calls == ["rebind.test", "rebind.test"]  # the check, then the connection


def test_dns_rebinding_on_a_redirect_hop_is_refused(server: str) -> None:
    # the first hop's name stands for the loopback test server; the redirect's name rebinds
    rebinder = Rebinder("93.184.216.34", "127.0.0.1")

    def resolver(host: str, port: int) -> list[str]:
        return ["93.184.216.34"] if host == "start.test" else rebinder(host, port)

    backend_calls: list[str] = []

    class StartIsLocal(GuardedBackend):
        def vetted_addresses(self, host: str, port: int) -> list[str]:
            backend_calls.append(host)
            if host == "start.test":
                return ["127.0.0.1"]
            return super().vetted_addresses(host, port)

    client = httpx.Client(transport=GuardedTransport(StartIsLocal(resolver=resolver)))
    with client, pytest.raises(AddressRefused, match=r"127\.0\.0\.1 at connect time"):
        url = f"http://start.test:{_port(server)}/to-rebinding-host"
        fetch(url, client=client, resolver=resolver)
    assert backend_calls == ["start.test", "rebind.test"]


def test_connection_goes_to_the_vetted_address(server: str) -> None:
    # the name does not exist in real DNS: only the backend's own answer can reach the server
    page = fetch(
        f"http://only-here.test:{_port(server)}/page",
        allow_private=True,
        resolver=lambda host, port: ["127.0.0.1"],
    )
    assert page.data == PAGE


def test_guarded_backend_vets_every_address() -> None:
    backend = GuardedBackend(resolver=lambda host, port: ["93.184.216.34", "10.0.0.7"])
    with pytest.raises(AddressRefused, match=r"10\.0\.0\.7"):
        backend.connect_tcp("mixed.test", 80)
    assert GuardedBackend(allow_private=True).vetted_addresses("127.0.0.1", 80) == ["127.0.0.1"]
    with pytest.raises(AddressRefused):
        GuardedBackend().vetted_addresses("[::1]", 80)


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """An HTTPS server on 127.0.0.1 whose self-signed certificate names only news.test."""
    import shutil
    import ssl
    import subprocess

    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    command = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2"]
    command += ["-keyout", str(key), "-out", str(cert), "-subj", "/CN=news.test"]
    subprocess.run(
        [*command, "-addext", "subjectAltName=DNS:news.test"],
        check=True,
        capture_output=True,
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield str(httpd.server_address[1]), cert
    httpd.shutdown()
    httpd.server_close()


def test_tls_is_verified_against_the_host_name_not_the_vetted_address(
    tls_server: tuple[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    port, cert = tls_server
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    local = {"news.test": ["127.0.0.1"], "other.test": ["127.0.0.1"]}
    resolver = lambda host, port: local[host]  # noqa: E731
    # the socket goes to 127.0.0.1, SNI and the certificate check use news.test
    page = fetch(f"https://news.test:{port}/page", allow_private=True, resolver=resolver)
    assert page.data == PAGE
    # the same address under a name the certificate does not cover is refused
    with pytest.raises(FetchError, match=r"CERTIFICATE_VERIFY_FAILED|certificate"):
        fetch(f"https://other.test:{port}/page", allow_private=True, resolver=resolver)
