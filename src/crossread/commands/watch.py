"""``crossread watch FEED...``: poll feeds and ingest each new entry's page into the database."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import click

from crossread.ingest.watch import FeedWatcher, PollResult


def describe(result: PollResult) -> str:
    """One line about one poll, e.g. ``feed.xml: 20 entries, 3 new, 3 ingested``."""
    if result.not_modified:
        return f"{result.feed}: not modified"
    if not result.entries and result.errors:
        return f"error: {result.errors[0]}"
    parts = [f"{result.feed}: {result.entries} entries, {result.new} new"]
    report: Any = result.outcome
    if report is not None:
        parts.append(f"{len(report.ingested)} ingested")
        if report.duplicates:
            parts.append(f"{report.duplicates} duplicates")
        if report.skipped:
            parts.append(f"{len(report.skipped)} not articles")
        if report.failed:
            parts.append(f"{len(report.failed)} failed")
    if result.errors:
        parts.append(f"{len(result.errors)} pages not fetched")
    return ", ".join(parts)


@click.command(name="watch")
@click.argument("feeds", nargs=-1, required=True)
@click.option(
    "--interval",
    type=click.FloatRange(min=1.0),
    default=300.0,
    show_default=True,
    help="Seconds between polls of each feed.",
)
@click.option("--once", is_flag=True, help="Poll every feed once, then exit.")
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="SQLite database file (default: the top-level --db, $CROSSREAD_DB or ./crossread.db).",
)
@click.option(
    "--state",
    "state_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="JSON file keeping validators and seen entries across runs (default: <db>.watch.json).",
)
@click.option("--allow-private", is_flag=True, help="Fetch from private/loopback addresses too.")
@click.option("--respect-robots", is_flag=True, help="Skip pages that robots.txt disallows.")
@click.pass_context
def watch_command(
    ctx: click.Context,
    feeds: tuple[str, ...],
    interval: float,
    once: bool,
    db_path: Path | None,
    state_path: Path | None,
    allow_private: bool,
    respect_robots: bool,
) -> None:
    """Poll RSS/Atom/RDF FEEDS (URLs or files) and ingest each new entry's page.

    Feed URLs are fetched with conditional requests (ETag/Last-Modified), feed files re-read
    when they change; a failing feed is retried with exponential backoff. Stop with Ctrl-C.
    What was seen and the feeds' validators are kept in the --state file, so a restarted
    watcher neither re-reads unchanged feeds nor re-fetches pages it already read.
    With --once, the exit status is 1 when any feed or page failed.
    """
    from crossread.config import Settings, load_settings
    from crossread.ingest.urls import fetch
    from crossread.pipeline import Pipeline
    from crossread.store import SqliteStore

    root = ctx.find_root().obj if ctx.find_root() is not ctx else None
    settings: Settings = (root or {}).get("settings") or load_settings({})
    if db_path is not None:
        settings = load_settings({"db": db_path})
    getter = functools.partial(
        fetch,
        allow_private=allow_private or settings.allow_private,
        timeout=settings.fetch_timeout,
        max_bytes=settings.fetch_max_bytes,
        respect_robots=respect_robots,
    )
    store = SqliteStore(settings.db)
    failed = False

    def show(result: PollResult) -> None:
        nonlocal failed
        failed = failed or bool(result.errors)
        click.echo(describe(result), err=bool(result.errors and not result.entries))

    try:
        watcher = FeedWatcher(
            feeds,
            ingest=Pipeline(store, settings).ingest_documents,
            fetch=getter,
            interval=interval,
            state_path=state_path or Path(f"{settings.db}.watch.json"),
        )
        watcher.run(once=once, on_result=show)
    except KeyboardInterrupt:
        click.echo("stopped")
    finally:
        store.close()
    if failed:
        raise SystemExit(1)
