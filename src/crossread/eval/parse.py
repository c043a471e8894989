"""``crossread eval parse fundus|trafilatura DIR``: how well crossread reads real news pages.

DIR is the folder ``realworld_dev.tar.gz`` extracts to (``realworld/``, or its parent). Each
page is read twice: by crossread's ``read_html`` and by plain trafilatura (with htmldate inside,
as trafilatura calls it); both are scored on the same pages and reported side by side.

- fundus: title accuracy (exact after whitespace normalisation), date accuracy at day precision,
  author F1 (micro, over name sets), body F1 (mean per-page bag-of-words F1 against the gold
  summary and paragraphs).
- trafilatura: title and date accuracy, author F1 on the pages with an annotated author,
  ``with_recall`` (share of must-appear snippets found in the text) and ``without_precision``
  (share of boilerplate snippets kept out of it).
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from crossread.errors import EvalError, IngestError
from crossread.eval.metrics import prf
from crossread.ingest.html import read_html

_WORD = re.compile(r"\w+", re.UNICODE)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|\band\b|\bund\b|&)\s*")


@dataclass(frozen=True, slots=True, kw_only=True)
class Reading:
    """What one reader made of one page."""

    title: str | None
    published: str | None
    authors: tuple[str, ...]
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Page:
    path: Path
    url: str | None
    title: str | None
    date: str | None
    authors: tuple[str, ...] | None
    """``None`` when the gold does not annotate authors for this page."""
    body: str | None = None
    with_snippets: tuple[str, ...] = ()
    without_snippets: tuple[str, ...] = ()


def _root(folder: Path, name: str) -> Path:
    for candidate in (folder, folder / "realworld"):
        if (candidate / name).is_dir():
            return candidate / name
    raise EvalError(f"{folder}: no {name}/ folder (expected the extracted realworld/ data)")


def fundus_pages(folder: Path) -> Iterator[Page]:
    """Gold pages of the fundus test set: ``fundus/gold.jsonl`` plus gzip'd HTML."""
    root = _root(folder, "fundus")
    gold_file = root / "gold.jsonl"
    if not gold_file.is_file():
        raise EvalError(f"{gold_file}: missing")
    for line in gold_file.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        entry = json.loads(line)
        gold = entry.get("gold", {})
        body = gold.get("body") or {}
        paragraphs = list(body.get("summary") or [])
        for section in body.get("sections") or []:
            paragraphs += section.get("headline") or []
            paragraphs += section.get("paragraphs") or []
        date = gold.get("publishing_date")
        yield Page(
            path=root / "test_data" / entry["file"],
            url=entry.get("url"),
            title=gold.get("title"),
            date=str(date)[:10] if date else None,
            authors=tuple(gold.get("authors") or ()),
            body="\n".join(paragraphs) or None,  # pages without a gold body are not scored
        )


def trafilatura_pages(folder: Path) -> Iterator[Page]:
    """Gold pages of trafilatura's evaluation subset (``evaldata.subset.json``)."""
    root = _root(folder, "trafilatura_eval")
    gold_file = root / "evaldata.subset.json"
    if not gold_file.is_file():
        raise EvalError(f"{gold_file}: missing")
    data: dict[str, dict[str, Any]] = json.loads(gold_file.read_text("utf-8"))
    for url, entry in data.items():
        author = entry.get("author") or ""
        author = "; ".join(author) if isinstance(author, list) else author.strip()
        yield Page(
            path=root / "html" / entry["file"],
            url=url,
            title=entry.get("title"),
            date=(entry.get("date") or "")[:10] or None,
            authors=tuple(_names(author)) if author else None,
            with_snippets=tuple(entry.get("with") or ()),
            without_snippets=tuple(entry.get("without") or ()),
        )


def _load(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


def read_ours(data: bytes, page: Page) -> Reading:
    """crossread's reading of a page."""
    try:
        doc = read_html(data, source=str(page.path), url=page.url)
    except IngestError:
        return Reading(title=None, published=None, authors=(), text="")
    return Reading(
        title=doc.title,
        published=doc.published,
        authors=tuple(_names(doc.byline or "")),
        text=doc.text,
    )


def read_baseline(data: bytes, page: Page) -> Reading:
    """Plain trafilatura (metadata and htmldate's date as trafilatura computes them)."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        data, url=page.url, with_metadata=True, include_comments=False
    )
    return Reading(
        title=getattr(doc, "title", None),
        published=getattr(doc, "date", None),
        authors=tuple(_names(getattr(doc, "author", None) or "")),
        text=getattr(doc, "text", None) or "",
    )


def read_htmldate(data: bytes, page: Page) -> str | None:
    """htmldate alone, in its recommended original-date mode."""
    from htmldate import find_date

    try:
        return find_date(data, url=page.url, original_date=True, extensive_search=True)
    except (ValueError, TypeError):
        return None


def _norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    text = text.replace("\u00ad", "")
    return re.sub(r"\s+", " ", text).strip().casefold()


def _names(value: str) -> list[str]:
    return [n.strip() for n in _NAME_SPLIT.split(value) if n.strip()]


def _bag(text: str) -> Counter[str]:
    return Counter(w.casefold() for w in _WORD.findall(text))


def body_f1(predicted: str, gold: str) -> float:
    """Bag-of-words F1 between an extracted text and the gold text."""
    p, g = _bag(predicted), _bag(gold)
    overlap = sum((p & g).values())
    return prf(overlap, sum(p.values()), sum(g.values())).f1


@dataclass
class Scores:
    """Running counts for one reader over one data set."""

    pages: int = 0
    titles: int = 0
    titles_right: int = 0
    dates: int = 0
    dates_right: int = 0
    author_tp: int = 0
    author_pred: int = 0
    author_gold: int = 0
    body_sum: float = 0.0
    bodies: int = 0
    with_total: int = 0
    with_found: int = 0
    without_total: int = 0
    without_kept_out: int = 0

    def add(self, page: Page, reading: Reading) -> None:
        self.pages += 1
        if page.title:
            self.titles += 1
            self.titles_right += _norm(page.title) == _norm(reading.title)
        if page.date:
            self.dates += 1
            self.dates_right += (reading.published or "")[:10] == page.date
        if page.authors is not None:
            gold = {_norm(a) for a in page.authors}
            pred = {_norm(a) for a in reading.authors}
            self.author_tp += len(gold & pred)
            self.author_pred += len(pred)
            self.author_gold += len(gold)
        if page.body is not None:
            self.bodies += 1
            self.body_sum += body_f1(reading.text, page.body)
        text = _norm(reading.text)
        self.with_total += len(page.with_snippets)
        self.with_found += sum(_norm(s) in text for s in page.with_snippets)
        self.without_total += len(page.without_snippets)
        self.without_kept_out += sum(_norm(s) not in text for s in page.without_snippets)

    def as_dict(self, kind: str) -> dict[str, float | int]:
        result: dict[str, float | int] = {
            "pages": self.pages,
            "title_accuracy": _ratio(self.titles_right, self.titles),
            "date_accuracy": _ratio(self.dates_right, self.dates),
            "author_f1": round(prf(self.author_tp, self.author_pred, self.author_gold).f1, 4),
        }
        if kind == "fundus":
            result["body_f1"] = _ratio(self.body_sum, self.bodies)
        else:
            result["with_recall"] = _ratio(self.with_found, self.with_total)
            result["without_precision"] = _ratio(self.without_kept_out, self.without_total)
        return result


def _ratio(num: float, den: int) -> float:
    return round(num / den, 4) if den else 0.0


def evaluate(
    kind: str, folder: Path, *, baseline: bool = True, limit: int | None = None
) -> dict[str, Any]:
    """Score crossread (and plain trafilatura/htmldate) on one real-world page set.

    Args:
        kind: ``fundus`` or ``trafilatura``.
        folder: the extracted ``realworld/`` folder, or its parent.
        baseline: also run plain trafilatura and htmldate on the same pages.
        limit: score only every n-th page so that about this many are read (a quick check).
    """
    pages_of: dict[str, Callable[[Path], Iterator[Page]]] = {
        "fundus": fundus_pages,
        "trafilatura": trafilatura_pages,
    }
    ours, base = Scores(), Scores()
    htmldate_right = htmldate_total = 0
    pages = list(pages_of[kind](folder))
    if limit and len(pages) > limit:
        pages = pages[:: -(-len(pages) // limit)]
    for page in pages:
        if not page.path.is_file():
            raise EvalError(f"{page.path}: page listed in the gold data is missing")
        data = _load(page.path)
        ours.add(page, read_ours(data, page))
        if baseline:
            base.add(page, read_baseline(data, page))
            if page.date:
                htmldate_total += 1
                htmldate_right += (read_htmldate(data, page) or "")[:10] == page.date
    result: dict[str, Any] = ours.as_dict(kind)
    if baseline:
        result["baseline"] = {
            **base.as_dict(kind),
            "htmldate_date_accuracy": _ratio(htmldate_right, htmldate_total),
        }
    return result


@click.command(name="parse")
@click.argument("kind", type=click.Choice(["fundus", "trafilatura"]))
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--no-baseline", is_flag=True, help="Skip the plain trafilatura/htmldate run.")
@click.option(
    "--limit", type=click.IntRange(min=1), help="Score about this many pages, spread out."
)
def parse_command(
    kind: str, folder: Path, as_json: bool, no_baseline: bool, limit: int | None
) -> None:
    """Score HTML reading on real news pages (fundus or trafilatura gold) against a baseline.

    KIND is fundus (fundus/gold.jsonl) or trafilatura (trafilatura_eval/evaldata.subset.json);
    FOLDER is where realworld_dev.tar.gz was extracted.
    """
    try:
        result = evaluate(kind, folder, baseline=not no_baseline, limit=limit)
    except EvalError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(result, sort_keys=True))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"HTML reading on {kind} ({result['pages']} pages)")
    table.add_column("metric")
    table.add_column("crossread", justify="right")
    if "baseline" in result:
        table.add_column("trafilatura/htmldate", justify="right")
    for key, value in result.items():
        if key in {"pages", "baseline"}:
            continue
        row = [key, f"{value:.3f}"]
        if "baseline" in result:
            row.append(f"{result['baseline'].get(key, 0.0):.3f}")
        table.add_row(*row)
    if "baseline" in result:
        alone = result["baseline"]["htmldate_date_accuracy"]
        table.add_row("date_accuracy (htmldate alone)", "", f"{alone:.3f}")
    Console().print(table)
