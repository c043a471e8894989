"""Commands that read the store: stories, search, entities, article."""

from __future__ import annotations

import datetime as dt
import json

import click
from rich.table import Table

from crossread import codec
from crossread.commands.common import (
    db_option,
    err,
    open_store,
    out,
    parse_date,
    stories_table,
)
from crossread.store import StoryFilter


@click.command()
@click.option("--limit", default=50, show_default=True, help="How many stories to list.")
@click.option("--offset", default=0, help="Skip this many stories (paging).")
@click.option("--biggest", is_flag=True, help="Most articles first instead of newest first.")
@click.option("--outlet", help="Only stories with an article from this outlet.")
@click.option("--entity", help="Only stories mentioning this entity (name or id).")
@click.option("--query", "-q", help="Only stories whose articles match this full-text query.")
@click.option(
    "--since",
    callback=parse_date,
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
    with open_store(ctx) as store:
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
    out.print(stories_table(found, title=f"{len(found)} of {total} stories"))
    for merge in merges:
        out.print(f"merged {merge.alias} into {merge.story} at {merge.merged_at}")


# -- search ---------------------------------------------------------------------------------


@click.command()
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
    with open_store(ctx) as store:
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


@click.command()
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
    with open_store(ctx) as store:
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


@click.command()
@click.argument("article_id")
@click.option("--json", "as_json", is_flag=True, help="Print the stored article as JSON.")
@db_option
@click.pass_context
def article(ctx: click.Context, article_id: str, as_json: bool) -> None:
    """Show one stored article: metadata, cleaned text and the boilerplate removed."""
    with open_store(ctx) as store:
        stored = store.article(article_id)
    a = stored.article
    if as_json:
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


COMMANDS = (article, entities, search, stories)
