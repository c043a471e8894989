"""The ``crossread`` command line: thin wrappers over :mod:`crossread.pipeline` and the store."""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
import json
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from crossread import brief as brief_stage
from crossread.config import Settings, load_settings
from crossread.errors import CrossreadError
from crossread.eval.commands import eval_group
from crossread.pipeline import IngestReport, Overrides, Pipeline, compare_paths, expand_sources
from crossread.store import SqliteStore, StoryFilter

# Piped output is not cut to 80 columns: tables stay readable in files and pagers.
out = Console(highlight=False, soft_wrap=True, width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True, highlight=False, soft_wrap=True)

# Commands that own a module of their own, imported only when run.
LAZY_COMMANDS: dict[str, str] = {
    "parse": "crossread.commands.parse:parse_command",
    "watch": "crossread.commands.watch:watch_command",
    "serve": "crossread.commands.serve:serve_command",
}


class CrossreadGroup(click.Group):
    """The top-level group: lazy commands, and crossread errors shown as one clean line."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self._available_lazy()})

    def _available_lazy(self) -> list[str]:
        names = []
        for name, target in LAZY_COMMANDS.items():
            if importlib.util.find_spec(target.split(":")[0]) is not None:
                names.append(name)
        return names

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = super().get_command(ctx, cmd_name)
        if command is not None or cmd_name not in LAZY_COMMANDS:
            return command
        module_name, attr = LAZY_COMMANDS[cmd_name].split(":")
        if importlib.util.find_spec(module_name) is None:
            return None
        found: Any = getattr(importlib.import_module(module_name), attr)
        return found if isinstance(found, click.Command) else None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CrossreadError as exc:
            err.print(f"[red]error:[/red] {exc}", markup=True)
            ctx.exit(1)


def _settings(ctx: click.Context) -> Settings:
    settings: Settings = ctx.obj["settings"]
    return settings


@contextmanager
def _open_store(ctx: click.Context) -> Iterator[SqliteStore]:
    store = SqliteStore(_settings(ctx).db)
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


def _parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date like 2022-08-16") from exc


@click.group(cls=CrossreadGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="CROSSREAD_DB",
    help="SQLite database file (default ./crossread.db, or $CROSSREAD_DB).",
)
@click.version_option(package_name="crossread")
@click.pass_context
def main(ctx: click.Context, db: Path | None) -> None:
    """Read many outlets' reports of the same news: what happened, who says so, and where
    the accounts differ.

    \b
    Typical session:
      crossread ingest articles/           # files, folders or URLs
      crossread stories                    # the stories they form
      crossread show STORY_ID -f html -o brief.html
      crossread compare a.txt b.html       # two or more files, no database

    Run `crossread demo` to see it on bundled example articles.
    """
    ctx.ensure_object(dict)
    ctx.obj["settings"] = load_settings({"db": db})


main.add_command(eval_group)


# -- ingest ---------------------------------------------------------------------------------


def _print_report(report: IngestReport) -> None:
    for failure in report.failed:
        err.print(f"[red]error:[/red] {failure.message}", markup=True)
    for skip in report.skipped:
        err.print(f"[yellow]skipped:[/yellow] {skip.message}", markup=True)
    for warning in report.warnings:
        err.print(f"[yellow]warning:[/yellow] {warning}", markup=True)
    summary = (
        f"ingested {len(report.ingested)}, skipped {report.duplicates} duplicate"
        f"{'s' if report.duplicates != 1 else ''}"
        + (f", {len(report.skipped)} not articles" if report.skipped else "")
        + f", failed {len(report.failed)}; {len(report.stories)} "
        + f"stor{'ies' if len(report.stories) != 1 else 'y'} updated"
    )
    err.print(summary)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--source", "outlet", help="Outlet name for every article read (overrides detection)."
)
@click.option(
    "--date",
    "published",
    callback=_parse_date,
    help="Publication date YYYY-MM-DD for every article.",
)
@click.option("--allow-private", is_flag=True, help="Allow URLs on private or loopback addresses.")
@db_option
@click.pass_context
def ingest(
    ctx: click.Context,
    paths: tuple[str, ...],
    outlet: str | None,
    published: dt.date | None,
    allow_private: bool,
) -> None:
    """Read articles from PATHS (files, folders or http(s) URLs) into the database.

    Formats are detected by content: plain scraped text (.txt), HTML pages, JSON and JSON
    Lines exports, RSS/Atom feeds, gzip-compressed files. Articles already stored are skipped
    (ids are content hashes), each input is stored in one transaction, and a bad input is
    reported by name while the others still go through. Exit status 1 if anything failed.

    \b
    Examples:
      crossread ingest ~/news/*.html
      crossread ingest export.jsonl --source "Evening Standard"
      crossread ingest https://example.com/story.html
    """
    settings = load_settings({"db": _settings(ctx).db, "allow_private": allow_private or None})
    sources = expand_sources(paths)
    if not sources:
        raise click.UsageError("no readable inputs found in " + ", ".join(paths))
    overrides = Overrides(outlet=outlet, published=published)
    with _open_store(ctx) as store:
        pipeline = Pipeline(store, settings)
        with Progress(
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            transient=True,
            disable=len(sources) < 2,
        ) as progress:
            task = progress.add_task("ingesting", total=len(sources))

            def advance(source: str, report: IngestReport) -> None:
                progress.update(task, advance=1, description=Path(source).name[:40])

            report = pipeline.ingest_sources(sources, overrides, on_source=advance)
    _print_report(report)
    if not report.ok:
        ctx.exit(1)


# -- stories --------------------------------------------------------------------------------


def _stories_table(stories: list[Any], title: str | None = None) -> Table:
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


@main.command()
@click.option("--limit", default=50, show_default=True, help="How many stories to list.")
@click.option("--offset", default=0, help="Skip this many stories (paging).")
@click.option("--biggest", is_flag=True, help="Most articles first instead of newest first.")
@click.option("--outlet", help="Only stories with an article from this outlet.")
@click.option("--entity", help="Only stories mentioning this entity (name or id).")
@click.option("--query", "-q", help="Only stories whose articles match this full-text query.")
@click.option(
    "--since",
    callback=_parse_date,
    help="Only stories active since YYYY-MM-DD; also lists story merges since then.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@db_option
@click.pass_context
def stories(
    ctx: click.Context,
    limit: int,
    offset: int,
    biggest: bool,
    outlet: str | None,
    entity: str | None,
    query: str | None,
    since: dt.date | None,
    as_json: bool,
) -> None:
    """List stories: id, headline, outlets, first/last date, article count."""
    where = StoryFilter(
        query=query,
        outlet=outlet,
        entity=entity,
        since=since,
        order="biggest" if biggest else "newest",
    )
    with _open_store(ctx) as store:
        found = store.stories(where, limit=limit, offset=offset)
        total = store.count_stories(where)
        merges = store.merges(since) if since else []
    if as_json:
        click.echo(
            json.dumps(
                {
                    "total": total,
                    "stories": [
                        {
                            "id": s.id,
                            "headline": s.headline,
                            "outlets": list(s.outlets),
                            "first": s.first.isoformat() if s.first else None,
                            "last": s.last.isoformat() if s.last else None,
                            "articles": len(s.articles),
                            "aliases": list(s.aliases),
                        }
                        for s in found
                    ],
                    "merges": [
                        {"alias": m.alias, "story": m.story, "merged_at": m.merged_at}
                        for m in merges
                    ],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    if not found:
        err.print("no stories yet: run `crossread ingest PATH...` first")
        return
    out.print(_stories_table(found, title=f"{len(found)} of {total} stories"))
    for merge in merges:
        out.print(f"merged {merge.alias} into {merge.story} at {merge.merged_at}")


# -- show / compare -------------------------------------------------------------------------


def _render(brief: Any, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(brief_stage.to_json(brief), ensure_ascii=False, indent=2)
    if fmt == "html":
        return brief_stage.render_html(brief)
    return brief_stage.render_markdown(brief)


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text)
    else:
        output.write_text(text, encoding="utf-8")
        err.print(f"wrote {output}")


FORMAT = click.Choice(["md", "json", "html"])


@main.command()
@click.argument("story_id")
@click.option("--format", "-f", "fmt", type=FORMAT, default="md", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write here.")
@db_option
@click.pass_context
def show(ctx: click.Context, story_id: str, fmt: str, output: Path | None) -> None:
    """Show the brief of one story: cited summary, facts by verdict, timeline, quotes,
    entities and each outlet's exclusives.

    STORY_ID is an id from `crossread stories` (ids of merged stories work too).
    """
    with _open_store(ctx) as store:
        brief = Pipeline(store, _settings(ctx)).brief(story_id)
    _emit(_render(brief, fmt), output)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the JSON contract (same as -f json).")
@click.option("--format", "-f", "fmt", type=FORMAT, default="md", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write here.")
@click.option("--source", "outlet", help="Outlet name for every article read.")
@click.option("--date", "published", callback=_parse_date, help="Publication date YYYY-MM-DD.")
@click.option(
    "--semantic",
    is_flag=True,
    help="Also use sentence embeddings (needs `pip install 'crossread[semantic]'`).",
)
@click.pass_context
def compare(
    ctx: click.Context,
    paths: tuple[str, ...],
    as_json: bool,
    fmt: str,
    output: Path | None,
    outlet: str | None,
    published: dt.date | None,
    semantic: bool,
) -> None:
    """Compare two or more articles directly, with no database.

    Prints whether they report the same story, the facts they share, each one's exclusives,
    and where they conflict.

    \b
    Example:
      crossread compare standard.txt bloomberg.txt --json
    """
    settings = _settings(ctx)
    if semantic:
        settings = load_settings({"db": settings.db, "similarity": "semantic"})
    result = compare_paths(paths, Overrides(outlet=outlet, published=published), settings=settings)
    for failure in result.failed:
        err.print(f"[red]error:[/red] {failure.message}", markup=True)
    if not result.brief.articles:
        raise click.UsageError("no article could be read from " + ", ".join(paths))
    _emit(_render(result.brief, "json" if as_json else fmt), output)
    if result.failed:
        ctx.exit(1)


# -- search ---------------------------------------------------------------------------------


@main.command()
@click.argument("query", nargs=-1, required=True)
@click.option("--limit", default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@db_option
@click.pass_context
def search(ctx: click.Context, query: tuple[str, ...], limit: int, as_json: bool) -> None:
    """Full-text search over stored articles (titles, text, outlets).

    Every word must match; the last word also matches as a prefix (`sanction` finds
    `sanctions`).
    """
    text = " ".join(query)
    with _open_store(ctx) as store:
        hits = store.search(text, limit=limit)
    if as_json:
        click.echo(
            json.dumps(
                [
                    {
                        "article": h.article,
                        "story": h.story,
                        "title": h.title,
                        "outlet": h.outlet,
                        "published": h.published.isoformat() if h.published else None,
                        "snippet": h.snippet,
                    }
                    for h in hits
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    if not hits:
        err.print(f"no article matches {text!r}")
        return
    table = Table(title=f"{len(hits)} matches for {text!r}")
    for column in ("story", "outlet", "published", "title", "snippet"):
        table.add_column(column)
    for h in hits:
        table.add_row(
            h.story,
            h.outlet or "-",
            h.published.isoformat() if h.published else "-",
            h.title,
            h.snippet,
        )
    out.print(table)


# -- entities / article ---------------------------------------------------------------------


@main.command()
@click.argument("query", required=False)
@click.option("--limit", default=30, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@db_option
@click.pass_context
def entities(ctx: click.Context, query: str | None, limit: int, as_json: bool) -> None:
    """List the people, organisations and places in stored stories, most widespread first.

    QUERY filters by name (`crossread entities kim`). Use an entity id with
    `crossread stories --entity ID` to list its stories.
    """
    with _open_store(ctx) as store:
        found = store.entities(query, limit=limit)
    if as_json:
        click.echo(
            json.dumps(
                [
                    {
                        "id": e.id,
                        "name": e.name,
                        "kind": e.kind,
                        "stories": e.stories,
                        "mentions": e.mentions,
                    }
                    for e in found
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    if not found:
        err.print("no entities found" + (f" matching {query!r}" if query else ""))
        return
    table = Table(title=f"{len(found)} entities")
    for column in ("entity", "name", "kind", "stories", "mentions"):
        table.add_column(column)
    for e in found:
        table.add_row(e.id, e.name, e.kind, str(e.stories), str(e.mentions))
    out.print(table)


@main.command()
@click.argument("article_id")
@click.option("--json", "as_json", is_flag=True, help="Print the stored article as JSON.")
@db_option
@click.pass_context
def article(ctx: click.Context, article_id: str, as_json: bool) -> None:
    """Show one stored article: metadata, cleaned text and the boilerplate removed."""
    with _open_store(ctx) as store:
        stored = store.article(article_id)
    a = stored.article
    if as_json:
        from crossread import codec

        data = codec.to_plain(a)
        data["story"] = stored.story
        data["copy_of"] = stored.copy_of
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    out.print(a.title, style="bold", markup=False)
    out.print(
        f"{a.label} · {a.published.isoformat() if a.published else 'undated'}"
        + (f" · {a.byline}" if a.byline else "")
        + f" · story {stored.story}"
        + (f" · copy of {stored.copy_of}" if stored.copy_of else ""),
        markup=False,
    )
    out.print()
    out.print(a.text, markup=False)
    if a.removed:
        out.print()
        out.print("removed:", style="dim")
        for removal in a.removed:
            out.print(f"  [{removal.reason}] {removal.text}", style="dim", markup=False)


# -- demo -----------------------------------------------------------------------------------


def examples_dir() -> Path:
    """The bundled example articles (fictional outlets, written for crossread)."""
    return Path(__file__).resolve().parent / "examples"


@main.command()
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("brief.html"),
    show_default=True,
    help="Where to write the HTML brief.",
)
@click.pass_context
def demo(ctx: click.Context, output: Path) -> None:
    """Ingest the bundled example articles into a temporary database, print the stories,
    and write the HTML brief of the biggest one."""
    with tempfile.TemporaryDirectory(prefix="crossread-demo-") as tmp:
        store = SqliteStore(Path(tmp) / "demo.db")
        try:
            pipeline = Pipeline(store, _settings(ctx))
            sources = expand_sources([examples_dir()])
            report = pipeline.ingest_sources(sources)
            _print_report(report)
            found = store.stories(StoryFilter(order="biggest"), limit=100)
            out.print(_stories_table(found, title="Stories in the example articles"))
            if not found:
                ctx.exit(1)
            brief = pipeline.brief(found[0].id)
        finally:
            store.close()
    counts: dict[str, int] = {}
    for fact in brief.facts:
        counts[fact.status] = counts.get(fact.status, 0) + 1
    out.print(f"\n[bold]{brief.headline}[/bold]", markup=True)
    for citation in brief.summary[:5]:
        out.print(f"- {citation.text} [{', '.join(citation.outlets)}]", markup=False)
    out.print(
        "facts: "
        + ", ".join(f"{counts.get(s, 0)} {s}" for s in ("corroborated", "exclusive", "conflicting"))
    )
    for fact in brief.facts:
        if fact.status == "conflicting":
            out.print(f"conflict: {fact.note}", markup=False)
    output.write_text(brief_stage.render_html(brief), encoding="utf-8")
    out.print(f"wrote {output} (open it in a browser)")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
