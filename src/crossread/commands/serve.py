"""``crossread serve``: the web UI and REST API over a crossread database."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("serve")
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="SQLite database file (default: the global --db, $CROSSREAD_DB or ./crossread.db).",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.pass_context
def serve_command(ctx: click.Context, db: Path | None, host: str, port: int) -> None:
    """Browse stories, compare outlets and ingest articles in a web browser.

    Also serves the REST API under /api/ (schema at /openapi.json). Listens on 127.0.0.1
    only unless --host says otherwise; nothing in the app fetches URLs.
    """
    import uvicorn  # imported here: the rest of the CLI does not need a web server

    from crossread.config import Settings
    from crossread.web import create_app
    from crossread.web.app import LOOPBACK_HOSTS

    obj = ctx.find_root().obj or {}
    settings: Settings = obj.get("settings") or Settings()
    path = db or settings.db
    # Bound to loopback, answer only to loopback names (a DNS-rebinding page cannot read it).
    loopback = host in LOOPBACK_HOSTS or host.startswith("127.")
    app = create_app(path, settings, allowed_hosts=[*LOOPBACK_HOSTS, host] if loopback else None)
    click.echo(f"crossread: serving {path} on http://{host}:{port}/ (Ctrl-C to stop)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="info")
