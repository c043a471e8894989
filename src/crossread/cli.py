"""The ``crossread`` command line: thin wrappers over :mod:`crossread.pipeline` and the store."""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
import sys
import tempfile
from pathlib import Path
from typing import Any

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from crossread import brief as brief_stage
from crossread.commands.browse import COMMANDS as BROWSE_COMMANDS
from crossread.commands.common import (
    FORMAT,
    db_option,
    emit,
    err,
    open_store,
    out,
    parse_date,
    render_brief,
    settings_of,
    stories_table,
)
from crossread.config import load_settings
from crossread.errors import CrossreadError
from crossread.eval.commands import eval_group
from crossread.pipeline import IngestReport, Overrides, Pipeline, compare_paths, expand_sources
from crossread.store import SqliteStore, StoryFilter

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
for _command in BROWSE_COMMANDS:
    main.add_command(_command)


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
    callback=parse_date,
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
    settings = load_settings({"db": settings_of(ctx).db, "allow_private": allow_private or None})
    sources = expand_sources(paths)
    if not sources:
        raise click.UsageError("no readable inputs found in " + ", ".join(paths))
    overrides = Overrides(outlet=outlet, published=published)
    with open_store(ctx) as store:
        pipeline = Pipeline(store, settings)
        with Progress(
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.fields[articles]} articles"),
            console=err,
            transient=True,
            disable=not err.is_terminal,
        ) as progress:
            task = progress.add_task("ingesting", total=len(sources), articles=0)
            stored = 0

            def batch_done(source: str, part: IngestReport) -> None:
                # big inputs (archives, feed dumps) report progress batch by batch
                nonlocal stored
                stored += len(part.ingested)
                progress.update(task, description=Path(source).name[:40], articles=stored)

            def source_done(source: str, report: IngestReport) -> None:
                progress.update(task, advance=1)

            report = pipeline.ingest_sources(
                sources, overrides, on_source=source_done, on_batch=batch_done
            )
    _print_report(report)
    if not report.ok:
        ctx.exit(1)


# -- show / compare -------------------------------------------------------------------------


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
    with open_store(ctx) as store:
        brief = Pipeline(store, settings_of(ctx)).brief(story_id)
    emit(render_brief(brief, fmt), output)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the JSON contract (same as -f json).")
@click.option("--format", "-f", "fmt", type=FORMAT, default="md", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write here.")
@click.option("--source", "outlet", help="Outlet name for every article read.")
@click.option("--date", "published", callback=parse_date, help="Publication date YYYY-MM-DD.")
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
    settings = settings_of(ctx)
    if semantic:
        settings = load_settings({"db": settings.db, "similarity": "semantic"})
    result = compare_paths(paths, Overrides(outlet=outlet, published=published), settings=settings)
    for failure in result.failed:
        err.print(f"[red]error:[/red] {failure.message}", markup=True)
    if not result.brief.articles:
        raise click.UsageError("no article could be read from " + ", ".join(paths))
    emit(render_brief(result.brief, "json" if as_json else fmt), output)
    if result.failed:
        ctx.exit(1)


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
            pipeline = Pipeline(store, settings_of(ctx))
            sources = expand_sources([examples_dir()])
            report = pipeline.ingest_sources(sources)
            _print_report(report)
            found = store.stories(StoryFilter(order="biggest"), limit=100)
            out.print(stories_table(found, title="Stories in the example articles"))
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
        flag = " (other outlets differ)" if citation.disputed else ""
        out.print(f"- {citation.text} [{', '.join(citation.outlets)}]{flag}", markup=False)
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
