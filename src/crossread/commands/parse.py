"""``crossread parse PATH...``: what crossread reads from each input, without a database.

Each input (a file of any supported format, ``.gz`` included, a WARC archive, or an http(s)
URL) is read, then cleaned; one JSON object per article is printed (JSON Lines) with ``--json``,
else a table. A page's URL (``--url``, or ``url`` in a ``--manifest`` line) helps the reader
with dates and outlets. A bad input gets a one-line error naming it on stderr; the others are
still read, and the exit status is 1.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from crossread.errors import CrossreadError, IngestError
from crossread.models import RawDocument


@dataclass(frozen=True, slots=True, kw_only=True)
class Input:
    """One thing to read: a path or URL, with the page's URL when known."""

    path: str
    url: str | None = None


def read_manifest(manifest: Path) -> Iterator[Input]:
    """Inputs listed in a JSON Lines manifest (``{"path": ..., "url": ...}`` per line).

    Relative paths are taken relative to the manifest's folder.

    Raises:
        IngestError: a line is not a JSON object with a ``path``.
    """
    base = manifest.parent
    for number, line in enumerate(manifest.read_text("utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except ValueError as exc:
            raise IngestError(f"{manifest}:{number}: not JSON ({exc})") from exc
        if not isinstance(entry, dict) or not isinstance(entry.get("path"), str):
            raise IngestError(f'{manifest}:{number}: expected {{"path": ..., "url": ...}}')
        path = entry["path"]
        if not _is_url(path) and not Path(path).is_absolute():
            path = str(base / path)
        url = entry.get("url")
        yield Input(path=path, url=url if isinstance(url, str) and url else None)


def _is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def read_input(item: Input, *, allow_private: bool = False) -> Iterator[RawDocument]:
    """Every RawDocument one input holds (several for WARC archives and feeds).

    Raises:
        IngestError: the input cannot be read (the message names it).
    """
    from crossread import ingest
    from crossread.ingest.detect import decompress, sniff
    from crossread.ingest.html import read_html

    if _is_url(item.path):
        from crossread.ingest.urls import fetch

        page = fetch(item.path, allow_private=allow_private)
        data, name, url = page.data, item.path, item.url or page.final_url
    elif item.url is None:
        yield from ingest.read(Path(item.path))
        return
    elif (fmt := _streamed_format(Path(item.path))) is not None:
        # archives and JSON Lines run to gigabytes: streamed as without --url, never loaded
        for raw in ingest.read(Path(item.path), fmt):
            yield raw if raw.url else dataclasses.replace(raw, url=item.url)
        return
    else:
        try:
            data = Path(item.path).read_bytes()
        except OSError as exc:
            raise IngestError(f"{item.path}: cannot read ({exc.strerror or exc})") from exc
        name, url = item.path, item.url
    data = decompress(data, name)
    if sniff(data, name) == "html":
        yield read_html(data, source=name, url=url)
        return
    for raw in ingest.read_bytes(data, name):
        yield raw if raw.url else dataclasses.replace(raw, url=url)


def _streamed_format(path: Path) -> str | None:
    """``warc`` or ``jsonl`` when the file is read as a stream, by its name or its first bytes."""
    from crossread.ingest.detect import extension_format, peek

    name = path.name.lower()
    if name.endswith((".warc", ".warc.gz")):
        return "warc"
    if extension_format(name) == "jsonl":
        return "jsonl"
    try:
        with path.open("rb") as probe:
            head = probe.read(1 << 16)
    except OSError as exc:
        raise IngestError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    return "warc" if peek(head).startswith(b"WARC/") else None


def describe(raw: RawDocument, path: str) -> dict[str, Any]:
    """The JSON object for one document: the reader's status, the cleaner's metadata and text.

    Documents that are not articles (``status`` other than ``ok``) are reported as read,
    without cleaning; an article that cleaning leaves empty becomes ``no_article``.
    """
    from crossread.clean import clean

    status = raw.status
    warnings = list(raw.warnings)
    result: dict[str, Any] = {
        "path": path,
        "source": raw.source,
        "url": raw.url,
        "title": raw.title,
        "outlet": raw.outlet,
        "byline": raw.byline,
        "published": raw.published,
        "language": raw.language,
        "text": raw.text,
        "removed": [{"text": r.text, "reason": r.reason} for r in raw.removed],
    }
    if status == "ok":
        try:
            article = clean(raw)
        except IngestError as exc:
            status = "no_article"
            warnings.append(str(exc))
        else:
            published = raw.published
            if article.published is not None and (
                not published or published[:10] != article.published.isoformat()
            ):
                published = article.published.isoformat()
            result.update(
                title=article.title,
                outlet=article.outlet,
                byline=article.byline,
                published=published,
                language=article.language or raw.language,
                text=article.text,
                removed=[{"text": r.text, "reason": r.reason} for r in article.removed],
            )
    result["status"] = status
    result["warnings"] = warnings
    return result


@click.command(name="parse")
@click.argument("paths", nargs=-1)
@click.option("--url", help="The page's URL (one input only): helps with dates and outlets.")
@click.option(
    "--manifest",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help='JSON Lines file of {"path": ..., "url": ...} inputs.',
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per article per line.")
@click.option("--allow-private", is_flag=True, help="Let URL inputs reach private addresses.")
def parse_command(
    paths: tuple[str, ...],
    url: str | None,
    manifest: Path | None,
    as_json: bool,
    allow_private: bool,
) -> None:
    """Show what crossread reads from each input (files, folders, .gz, WARC, URLs), no database.

    Without --json a table is printed; with it, one JSON object per article per line with
    path, url, title, outlet, byline, published, language, text, removed, status, warnings.
    """
    from crossread import ingest

    if url and len(paths) != 1:
        raise click.UsageError("--url needs exactly one PATH")
    if not paths and manifest is None:
        raise click.UsageError("give at least one PATH or --manifest")
    failed = 0
    items: list[Input] = []
    for path in paths:
        if _is_url(path) or not Path(path).is_dir():
            items.append(Input(path=path, url=url))
        else:
            items.extend(Input(path=str(p)) for p in ingest.iter_inputs([Path(path)]))
    if manifest is not None:
        try:
            items.extend(read_manifest(manifest))
        except (IngestError, OSError) as exc:
            click.echo(f"error: {exc}", err=True)
            failed += 1
    rows: list[dict[str, Any]] = []
    for item in items:
        try:
            for raw in read_input(item, allow_private=allow_private):
                row = describe(raw, item.path)
                if as_json:
                    click.echo(json.dumps(row, ensure_ascii=False))
                else:
                    rows.append(row)
        except CrossreadError as exc:
            click.echo(f"error: {_one_line(str(exc))}", err=True)
            failed += 1
    if not as_json:
        _print_table(rows)
    if failed:
        raise SystemExit(1)


def _one_line(message: str) -> str:
    return " ".join(message.split())


def _print_table(rows: list[dict[str, Any]]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(rows)} documents read")
    for column in ("source", "status", "title", "outlet", "byline", "published", "language"):
        table.add_column(column, overflow="fold")
    table.add_column("words", justify="right")
    for row in rows:
        table.add_row(
            *(str(row.get(key) or "") for key in ("source", "status", "title", "outlet")),
            *(str(row.get(key) or "") for key in ("byline", "published", "language")),
            str(len((row.get("text") or "").split())),
        )
    Console().print(table)
