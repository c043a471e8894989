"""Plumbing shared by the CLI commands: consoles, the --db option, store and output helpers."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from crossread import brief as brief_stage
from crossread.config import Settings, load_settings
from crossread.store import SqliteStore

# Piped output is not cut to 80 columns: tables stay readable in files and pagers.
out = Console(highlight=False, soft_wrap=True, width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def settings_of(ctx: click.Context) -> Settings:
    settings: Settings = ctx.obj["settings"]
    return settings


@contextmanager
def open_store(ctx: click.Context) -> Iterator[SqliteStore]:
    store = SqliteStore(settings_of(ctx).db)
    try:
        yield store
    finally:
        store.close()


def _set_db(ctx: click.Context, param: click.Parameter, value: Path | None) -> None:
    if value is not None:
        root = ctx.find_root()
        root.obj["settings"] = load_settings({"db": value})


db_option = click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    expose_value=False,
    callback=_set_db,
    help="SQLite database file (same as the top-level --db).",
)


def parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date like 2022-08-16") from exc


# -- stories --------------------------------------------------------------------------------


def stories_table(stories: list[Any], title: str | None = None) -> Table:
    table = Table(title=title, show_lines=False)
    table.add_column("story", style="cyan", no_wrap=True)
    table.add_column("headline", min_width=24, ratio=3)
    table.add_column("outlets", ratio=1)
    table.add_column("first", no_wrap=True)
    table.add_column("last", no_wrap=True)
    table.add_column("articles", justify="right")
    for story in stories:
        table.add_row(
            story.id,
            story.headline,
            ", ".join(story.outlets) or "-",
            story.first.isoformat() if story.first else "-",
            story.last.isoformat() if story.last else "-",
            str(len(story.articles)),
        )
    return table


def render_brief(brief: Any, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(brief_stage.to_json(brief), ensure_ascii=False, indent=2)
    if fmt == "html":
        return brief_stage.render_html(brief)
    return brief_stage.render_markdown(brief)


def emit(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text)
    else:
        output.write_text(text, encoding="utf-8")
        err.print(f"wrote {output}")


FORMAT = click.Choice(["md", "json", "html"])
FORMAT = click.Choice(["md", "json", "html"])
