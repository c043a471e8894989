"""``crossread eval quotes``: quote and attribution extraction scored on PolNeAR.

For every article (one annotator each) ``find_quotes`` runs on the raw text and its quotes are
matched one-to-one to gold attribution contents (largest character overlap first):

- overlap P/R/F1: a predicted content overlapping a gold content counts;
- exact P/R/F1: the same span once quote marks, whitespace and edge punctuation are trimmed
  from both;
- speaker accuracy: of overlap-matched contents whose gold attribution has a source, the share
  where our speaker span overlaps the gold source span (a pronoun counts as itself: PolNeAR
  marks ``he`` as the source of ``..., he said``).

The baseline is what quote marks alone give: every “...”, "..." or ''...'' span, no speaker.
PolNeAR annotates every attribution (including ones with no speech at all, such as ``Allegations
of Fraud``), so recall here is far below what a reader would call "finding the quotes".
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import click

from crossread.eval.metrics import prf
from crossread.eval.polnear import AttributionDocument, GoldAttribution, read_attribution_documents
from crossread.extract.entities import find_mentions
from crossread.extract.quotes import find_quotes
from crossread.extract.sentences import split_sentences

_EDGE = " \t\n\"'“”‘’.,;:—–-"
_MARKS = re.compile(r"“[^“”]+”|\"[^\"\n]+\"|''(?=\S)(?:(?!'')[^\n])+''")


@dataclass(frozen=True, slots=True, kw_only=True)
class Predicted:
    start: int
    end: int
    speaker: tuple[int, int] | None = None


@dataclass(slots=True)
class Tally:
    docs: int = 0
    gold: int = 0
    predicted: int = 0
    exact: int = 0
    overlap: int = 0
    with_source: int = 0
    speaker_ok: int = 0


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def score(doc: AttributionDocument, preds: Sequence[Predicted], tally: Tally) -> None:
    """Match predictions to gold contents of one document and add to ``tally``."""
    tally.docs += 1
    tally.gold += len(doc.attributions)
    tally.predicted += len(preds)
    pairs = []
    for gi, gold in enumerate(doc.attributions):
        for pi, pred in enumerate(preds):
            overlap = sum(max(0, min(e, pred.end) - max(s, pred.start)) for s, e in gold.content)
            if overlap > 0:
                pairs.append((overlap, gi, pi))
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, gi, pi in sorted(pairs, reverse=True):
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        gold, pred = doc.attributions[gi], preds[pi]
        tally.overlap += 1
        if _trim(doc.text, gold.start, gold.end) == _trim(doc.text, pred.start, pred.end):
            tally.exact += 1
        if gold.source:
            tally.with_source += 1
            if pred.speaker is not None and _speaker_ok(pred.speaker, gold):
                tally.speaker_ok += 1


def _speaker_ok(speaker: tuple[int, int], gold: GoldAttribution) -> bool:
    return any(min(e, speaker[1]) > max(s, speaker[0]) for s, e in gold.source)


def _ours(text: str) -> list[Predicted]:
    sentences = split_sentences(text)
    quotes = find_quotes(text, sentences, find_mentions(text, sentences))
    return [
        Predicted(
            start=q.start,
            end=q.end,
            speaker=(q.speaker_start, q.speaker_end)
            if q.speaker_start is not None and q.speaker_end is not None
            else None,
        )
        for q in quotes
    ]


def _baseline(text: str) -> list[Predicted]:
    return [Predicted(start=m.start(), end=m.end()) for m in _MARKS.finditer(text)]


def _metrics(tally: Tally) -> dict[str, float | int]:
    exact = prf(tally.exact, tally.predicted, tally.gold)
    overlap = prf(tally.overlap, tally.predicted, tally.gold)
    return {
        "docs": tally.docs,
        "gold": tally.gold,
        "predicted": tally.predicted,
        "exact_p": exact.precision,
        "exact_r": exact.recall,
        "exact_f1": exact.f1,
        "overlap_p": overlap.precision,
        "overlap_r": overlap.recall,
        "overlap_f1": overlap.f1,
        "speaker_accuracy": tally.speaker_ok / tally.with_source if tally.with_source else 0.0,
    }


def evaluate(docs: Iterable[AttributionDocument]) -> dict[str, object]:
    """Score our extractor and the quote-marks baseline; the metrics as one dict."""
    ours, base = Tally(), Tally()
    started = time.perf_counter()
    seconds = 0.0
    for doc in docs:
        t0 = time.perf_counter()
        preds = _ours(doc.text)
        seconds += time.perf_counter() - t0
        score(doc, preds, ours)
        score(doc, _baseline(doc.text), base)
    result: dict[str, object] = dict(_metrics(ours))
    baseline = _metrics(base)
    result["baseline"] = baseline
    # the names the eval contract uses
    result["articles"] = ours.docs
    result["content_f1_exact"] = result["exact_f1"]
    result["content_f1_overlap"] = result["overlap_f1"]
    result["baseline_content_f1_overlap"] = baseline["overlap_f1"]
    result["articles_per_second"] = ours.docs / seconds if seconds else 0.0
    result["seconds"] = time.perf_counter() - started
    return result


@click.command(name="quotes")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def quotes_command(directory: Path, as_json: bool) -> None:
    """Score quote/attribution extraction on PolNeAR (DIR holds */text and */attributions)."""
    docs = list(read_attribution_documents(directory))
    if not docs:
        raise click.ClickException(f"{directory}: no PolNeAR attributions/*.ann with text found")
    result = evaluate(docs)
    if as_json:
        click.echo(json.dumps(result, sort_keys=True))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"Quotes on {directory} ({result['docs']} articles)")
    table.add_column("metric")
    table.add_column("crossread", justify="right")
    table.add_column("quote marks only", justify="right")
    baseline = result["baseline"]
    assert isinstance(baseline, dict)
    for key in (
        "gold",
        "predicted",
        "exact_p",
        "exact_r",
        "exact_f1",
        "overlap_p",
        "overlap_r",
        "overlap_f1",
        "speaker_accuracy",
    ):
        ours, base = result[key], baseline[key]
        fmt = (lambda v: f"{v:.3f}") if isinstance(ours, float) else str
        table.add_row(key, fmt(ours), fmt(base))
    Console().print(table)
