"""``crossread eval align``: cross-outlet alignment measured on ECB+ and BASIL.

- ``ecbplus DIR [--semantic]``: per ECB+ sub-topic (one event), the annotated sentences of its
  documents are compared; predicted alignments are cross-document sentence pairs whose claims
  land in one fact; gold alignments are pairs sharing a cross-document event chain.
- ``basil DIR``: per BASIL event (three outlets), the share of annotated informational-bias
  spans that the comparison marks as exclusive to, or framing of, their article.
"""

from __future__ import annotations

import json
import sys
import time
from bisect import bisect_right
from collections.abc import Iterable
from itertools import combinations
from pathlib import Path
from typing import Any

import click

from crossread.compare import align, get_similarity
from crossread.compare.base import Similarity
from crossread.eval.ecbplus_sentences import EventDocument, gold_pairs, read_corpus
from crossread.eval.metrics import prf

DEV_TOPICS = frozenset({"2", "5", "12", "18", "21", "23", "34", "35"})

Pair = frozenset[tuple[str, int]]


def _corpus_sentence(document: EventDocument, offset: int) -> int:
    """Index of the corpus sentence of ``document`` that holds character ``offset``."""
    starts = [s.start for s in document.article.sentences]
    return max(bisect_right(starts, offset) - 1, 0)


def predicted_pairs(
    documents: list[EventDocument], similarity: Similarity, *, extract_articles: bool = False
) -> set[Pair]:
    """Cross-document sentence pairs whose claims the comparison puts in one fact.

    With ``extract_articles`` the articles first go through the extract stage (names, times,
    numbers, its own sentence splits); claims map back to corpus sentences by offset.
    """
    articles = [d.article for d in documents]
    if extract_articles:
        from crossread.extract import extract

        articles = [extract(a) for a in articles]
    by_id = {d.article.id: d for d in documents}
    pairs: set[Pair] = set()
    for group in align(articles, similarity=similarity):
        members = {(c.article, _corpus_sentence(by_id[c.article], c.start)) for c in group.claims}
        for a, b in combinations(sorted(members), 2):
            if a[0] != b[0]:
                pairs.add(frozenset({a, b}))
    return pairs


def evaluate_ecbplus(
    directory: Path,
    *,
    semantic: bool = False,
    topics: Iterable[str] | None = None,
    extract_articles: bool = False,
) -> dict[str, Any]:
    """Precision, recall and F1 of predicted cross-document sentence alignments on ECB+.

    By default the corpus sentences go to compare as they are (names guessed from
    capitalisation); ``extract_articles`` runs the extract stage first, as the pipeline does.
    """
    similarity = get_similarity("semantic" if semantic else "lexical")
    started = time.perf_counter()
    docs = gold_total = predicted_total = matched = candidates = 0
    for documents in read_corpus(directory, set(topics) if topics is not None else None):
        sizes = [len(d.article.sentences) for d in documents]
        candidates += (sum(sizes) ** 2 - sum(n * n for n in sizes)) // 2
        gold = gold_pairs(documents)
        predicted = predicted_pairs(documents, similarity, extract_articles=extract_articles)
        docs += len(documents)
        gold_total += len(gold)
        predicted_total += len(predicted)
        matched += len(gold & predicted)
    score = prf(matched, predicted_total, gold_total)
    baseline = prf(gold_total, candidates, gold_total)
    return {
        "docs": docs,
        "gold_pairs": gold_total,
        "predicted_pairs": predicted_total,
        "matched_pairs": matched,
        "candidate_pairs": candidates,
        # baseline: align every cross-document pair of a sub-topic (recall 1)
        "all_pairs_precision": round(baseline.precision, 4),
        "all_pairs_f1": round(baseline.f1, 4),
        "precision": round(score.precision, 4),
        "recall": round(score.recall, 4),
        "f1": round(score.f1, 4),
        "similarity": similarity.name,
        "extracted": extract_articles,
        "seconds": round(time.perf_counter() - started, 2),
    }


def _print(title: str, result: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title)
    table.add_column("metric")
    table.add_column("value", justify="right")
    for key, value in result.items():
        table.add_row(key, f"{value:.4f}" if isinstance(value, float) else str(value))
    Console(file=sys.stdout).print(table)


@click.group(name="align")
def align_command() -> None:
    """Cross-outlet alignment: ECB+ sentence alignments, BASIL informational bias."""


@align_command.command(name="ecbplus")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--semantic", is_flag=True, help="Embedding similarity (crossread[semantic]).")
@click.option(
    "--topics",
    type=click.Choice(["all", "dev"]),
    default="all",
    show_default=True,
    help="Every topic found under DIR, or only the standard dev topics.",
)
@click.option(
    "--extract", "extract_articles", is_flag=True, help="Run the extract stage first (names)."
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def ecbplus_command(
    directory: Path, semantic: bool, topics: str, extract_articles: bool, as_json: bool
) -> None:
    """Cross-document sentence alignment against ECB+ event coreference (annotated sentences)."""
    result = evaluate_ecbplus(
        directory,
        semantic=semantic,
        topics=DEV_TOPICS if topics == "dev" else None,
        extract_articles=extract_articles,
    )
    if as_json:
        click.echo(json.dumps(result))
    else:
        _print(f"Sentence alignment on ECB+: {directory}", result)


def _overlaps(start: int, end: int, ranges: Iterable[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in ranges)


def evaluate_basil(directory: Path, *, semantic: bool = False) -> dict[str, Any]:
    """Share of BASIL informational-bias spans our comparison marks as exclusive or framing.

    A span counts as marked when it overlaps a sentence that supports an exclusive fact of its
    article, or contains a name, term or quote that the article's framing lists. Base rates
    (share of all sentences that support an exclusive fact, or hold a framing cue) are reported
    beside it: a span is long, so it often meets either by chance.
    """
    from crossread.brief import summarize
    from crossread.compare import compare
    from crossread.eval.basil_spans import read_events
    from crossread.extract import extract

    similarity = get_similarity("semantic" if semantic else "lexical")
    started = time.perf_counter()
    events = spans_total = marked = by_exclusive = by_framing = 0
    articles_total = exclusive_total = sentences_total = sentences_exclusive = 0
    sentences_framing = 0
    for group in read_events(directory):
        articles = [extract(item.article) for item in group]
        facts = compare(articles, similarity=similarity)
        brief = summarize("basil", articles, facts, ())
        framing = {f.article: f for f in brief.framing}
        events += 1
        for item, article in zip(group, articles, strict=True):
            exclusive = [
                (s.start, s.end)
                for f in facts
                if f.status == "exclusive"
                for s in f.support
                if s.article == article.id
            ]
            exclusive_total += sum(
                1 for f in facts if f.status == "exclusive" and f.support[0].article == article.id
            )
            articles_total += 1
            sentences_total += len(article.sentences)
            sentences_exclusive += sum(
                1 for s in article.sentences if _overlaps(s.start, s.end, exclusive)
            )
            frame = framing[article.id]
            cues = [c.lower() for c in (*frame.entities, *frame.terms) if c]
            sentences_framing += sum(
                1 for s in article.sentences if any(c in s.text.lower() for c in cues)
            )
            for span in item.spans:
                if span.bias != "inf":
                    continue
                spans_total += 1
                text = span.text.lower()
                is_exclusive = _overlaps(span.start, span.end, exclusive)
                is_framing = any(c in text for c in cues) or any(
                    span.text.strip(" “”\"'") and span.text.strip(" “”\"'") in q
                    for q in frame.quotes
                )
                by_exclusive += is_exclusive
                by_framing += is_framing
                marked += is_exclusive or is_framing
    return {
        "events": events,
        "informational_spans": spans_total,
        "spans_marked_exclusive_or_framing": marked,
        "share": round(marked / spans_total, 4) if spans_total else 0.0,
        "exclusive_facts_per_article": round(exclusive_total / articles_total, 2)
        if articles_total
        else 0.0,
        "spans_in_exclusive_facts": by_exclusive,
        "spans_in_framing": by_framing,
        "sentences_in_exclusive_facts_share": round(sentences_exclusive / sentences_total, 4)
        if sentences_total
        else 0.0,
        "sentences_with_framing_cue_share": round(sentences_framing / sentences_total, 4)
        if sentences_total
        else 0.0,
        "articles": articles_total,
        "similarity": similarity.name,
        "seconds": round(time.perf_counter() - started, 2),
    }


@align_command.command(name="basil")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--semantic", is_flag=True, help="Embedding similarity (crossread[semantic]).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def basil_command(directory: Path, semantic: bool, as_json: bool) -> None:
    """Informational-bias spans of BASIL marked as exclusive to or framing of their article."""
    result = evaluate_basil(directory, semantic=semantic)
    if as_json:
        click.echo(json.dumps(result))
    else:
        _print(f"Exclusives and framing on BASIL: {directory}", result)
