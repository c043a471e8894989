"""The FastAPI application: ``create_app(db, settings)``.

Security, since all article text is untrusted:

- Jinja2 autoescape on every template; no template marks article text safe.
- A strict Content-Security-Policy (no inline script or style; everything from 'self'),
  ``X-Content-Type-Options: nosniff``, ``Referrer-Policy: no-referrer``, no framing.
- Request bodies are capped (``max_request``) and each uploaded file too (``max_upload``): 413.
- Cross-site form posts are refused: a POST whose ``Origin`` is not this server gets 403.
- Optionally (``crossread serve`` on a loopback address does it) only known Host names are
  answered, against DNS rebinding.
- No endpoint fetches URLs: ingest takes uploaded bytes or pasted text only.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, MutableMapping
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from crossread.config import Settings
from crossread.errors import CrossreadError, NotFoundError, StoreError
from crossread.store.base import Store
from crossread.web import api, pages
from crossread.web.forms import RequestTooLarge
from crossread.web.service import WebService

log = logging.getLogger(__name__)

MAX_UPLOAD = 10 * 1024 * 1024
"""Largest file (or pasted text) one ingest accepts, in bytes."""
MAX_REQUEST = 50 * 1024 * 1024
"""Largest request body, in bytes."""

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'; object-src 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
}

STATUS_CODES = {
    400: "bad_request",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid",
}

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class GuardMiddleware:
    """Security headers on every response; body size cap; no cross-site POSTs."""

    def __init__(
        self,
        app: ASGIApp,
        max_request: int = MAX_REQUEST,
        allowed_hosts: frozenset[str] | None = None,
    ) -> None:
        self.app = app
        self.max_request = max_request
        self.allowed_hosts = allowed_hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                raw = list(message.get("headers", []))
                present = {k.decode("latin-1").lower() for k, _ in raw}
                for name, value in SECURITY_HEADERS.items():
                    if name not in present:
                        raw.append((name.encode(), value.encode()))
                message["headers"] = raw
            await send(message)

        async def refuse(status: int, code: str, text: str) -> None:
            response = JSONResponse({"error": {"code": code, "message": text}}, status_code=status)
            await response(scope, receive, send_secured)

        if self.allowed_hosts is not None and _hostname(headers.get("host", "")) not in (
            self.allowed_hosts
        ):
            # A page on another site whose name was re-pointed at 127.0.0.1 (DNS rebinding)
            # arrives with its own name in Host: it must not read or write the store.
            await refuse(400, "bad_host", "unknown Host header")
            return
        if scope["method"] not in {"GET", "HEAD", "OPTIONS"}:
            origin = headers.get("origin")
            if origin and origin != "null" and urlsplit(origin).netloc != headers.get("host"):
                await refuse(403, "forbidden", "cross-site request refused")
                return
        length = headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > self.max_request:
            await refuse(413, "too_large", f"request body over {self.max_request} bytes")
            return

        seen = 0

        async def receive_capped() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_request:
                    raise RequestTooLarge(f"request body over {self.max_request} bytes")
            return message

        await self.app(scope, receive_capped, send_secured)


LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
"""Host names a server bound to a loopback address answers to."""


def _hostname(host: str) -> str:
    """``example.org:8000`` -> ``example.org``; ``[::1]:8000`` -> ``::1``."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _templates() -> Jinja2Templates:
    folder = Path(str(resources.files("crossread.web").joinpath("templates")))
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return Jinja2Templates(env=env)


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api/") and request.url.path != "/openapi.json"


def _error(request: Request, status: int, code: str, message: str) -> Response:
    if _wants_html(request):
        templates: Jinja2Templates = request.app.state.templates
        return templates.TemplateResponse(
            request,
            "error.html",
            {"status": status, "code": code, "message": message},
            status_code=status,
        )
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for error in exc.errors()[:5]:
        where = ".".join(str(p) for p in error.get("loc", ()) if p not in {"body"}) or "request"
        parts.append(f"{where}: {error.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def _install_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        code = STATUS_CODES.get(exc.status_code, "http_error")
        return _error(request, exc.status_code, code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        return _error(request, 422, "invalid", _validation_message(exc))

    @app.exception_handler(RequestTooLarge)
    async def too_large(request: Request, exc: RequestTooLarge) -> Response:
        return _error(request, 413, "too_large", str(exc))

    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, exc: NotFoundError) -> Response:
        return _error(request, 404, "not_found", str(exc))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        log.error("store error on %s: %s", request.url.path, exc)
        return _error(request, 500, "store_error", str(exc))

    @app.exception_handler(CrossreadError)
    async def crossread_error(request: Request, exc: CrossreadError) -> Response:
        return _error(request, 400, "bad_request", str(exc))

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        return _error(request, 500, "internal", "internal error; see the server log")


def create_app(
    db: str | Path | Store,
    settings: Settings | None = None,
    *,
    max_upload: int = MAX_UPLOAD,
    max_request: int = MAX_REQUEST,
    allowed_hosts: Iterable[str] | None = None,
) -> FastAPI:
    """Build the web app over one crossread store.

    Args:
        db: a SQLite database file (each worker thread reads through its own connection) or
            a store object shared by every request (e.g. ``SqliteStore.memory()``).
        settings: crossread settings (similarity, ...).
        max_upload: largest file or pasted text one ingest accepts (bytes).
        max_request: largest request body (bytes).
        allowed_hosts: host names the app answers to (others get 400), e.g.
            ``LOOPBACK_HOSTS`` when served on 127.0.0.1; None answers any Host.
    """
    service = WebService(db, settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        warming = service.warm()
        yield
        warming.join(timeout=60)
        service.close()

    app = FastAPI(
        title="crossread",
        summary="What happened, who says so, and where the accounts differ.",
        version="1",
        docs_url=None,  # the Swagger UI loads from a CDN: not offline, not CSP-clean
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.service = service
    app.state.templates = _templates()
    app.state.max_upload = max_upload
    app.add_middleware(
        GuardMiddleware,
        max_request=max_request,
        allowed_hosts=None
        if allowed_hosts is None
        else frozenset(h.lower() for h in allowed_hosts),
    )
    _install_handlers(app)
    static = Path(str(resources.files("crossread.web").joinpath("static")))
    app.mount("/static", StaticFiles(directory=static), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> HTMLResponse:
        return HTMLResponse("ok")

    return app
