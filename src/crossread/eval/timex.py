"""``crossread eval timex``: time expressions scored with the TempEval-3 Task A metrics.

For every gold document (TimeML ``.tml``, or GUM ``.xml`` with ``<date>`` markup) the
extractor runs on the raw text with the document's creation date as the anchor. Two matchings:

``--matching official`` (default) reproduces the TempEval-3 toolkit (``TE3-evaluation.py``:
the TimeML-Normalizer aligns ids, then ``evaluation-entities/evaluate_entities.py`` counts):

- texts are compared on tokens: a system expression takes the id of the first gold expression
  (in document order) with which it shares a token (our tokens: runs of word characters and
  single punctuation marks, the granularity of the toolkit's ``tokenize.pl``);
- expressions are kept in a dict keyed by id, so when several system expressions take the same
  gold id only the last one counts (one system entity; the others vanish from the precision
  denominator, as in the toolkit);
- relaxed recall = gold ids found among the system ids / gold; relaxed precision = system ids
  that are gold ids / system entities; strict = the same, but the two texts must be identical;
- type / value accuracy = exact string equality of the attribute over the relaxed matches
  (counted on the gold side), and attribute F1 = relaxed F1 x accuracy (``performance_value``
  in the toolkit; value F1 is the TempEval-3 ranking metric). Counts are summed over all
  documents (micro average); the DCT (``t0``) is not scored.

The one assumption we could not check against the toolkit's Java source is the id alignment
rule (first overlapping gold expression); it only matters for overlaps with several partners.

``--matching spans`` is the round-1 scorer: a greedy one-to-one matching on character spans
that prefers identical extents, then the largest overlap (strict = identical span).

GUM marks dates with intervals (``when``, ``from``/``to``, ``notBefore``/``notAfter``), so
there a value is correct when it covers the same days; GUM does not mark sets or the
``PRESENT_REF``-style references, so those predictions are left out of its counts.
"""

from __future__ import annotations

import bisect
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import click

from crossread.eval.metrics import prf_from_rates
from crossread.eval.timeml import GoldTimex, TimexDocument, iter_documents, value_interval
from crossread.extract.sentences import split_sentences
from crossread.extract.times import find_times
from crossread.models import TimeRef

_REFS = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}


@dataclass(slots=True)
class Tally:
    """Counts accumulated over documents."""

    docs: int = 0
    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    strict_system: int = -1
    """System entities strictly matched (official matching); -1: same as ``strict``."""
    relaxed_system: int = -1
    """System entities matched (official matching); -1: same as ``relaxed``."""
    type_correct: int = 0
    value_correct: int = 0
    per_type: dict[str, Counter[str]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def bump(self, kind: str, key: str) -> None:
        self.per_type.setdefault(kind, Counter())[key] += 1


def _overlap(a: GoldTimex, b: TimeRef) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def _value_ok(gold: GoldTimex, pred: TimeRef, interval: bool) -> bool:
    if pred.value is None:
        return False
    if not interval:
        return pred.value == gold.value
    span = value_interval(pred.value)
    return span is not None and f"{span[0]}/{span[1]}" == gold.value


def _tally_match(
    tally: Tally, g: GoldTimex, p: TimeRef, *, strict: bool, interval: bool, anchor: object
) -> None:
    """Count one gold expression our extractor matched: extent, type and value."""
    tally.relaxed += 1
    tally.bump(g.type, "matched")
    if strict:
        tally.strict += 1
    else:
        tally.errors.append(f"EXTENT   gold {g.text!r} ours {p.text!r}")
    if p.type == g.type or interval:
        tally.type_correct += 1
    if _value_ok(g, p, interval):
        tally.value_correct += 1
        tally.bump(g.type, "value_correct")
    else:
        tally.errors.append(
            f"VALUE    {g.text!r} gold {g.type} {g.value} ours {p.type} {p.value} (anchor {anchor})"
        )


def score_document(
    doc: TimexDocument, predicted: Iterable[TimeRef], tally: Tally, *, interval: bool = False
) -> None:
    """Match one document's predictions to its gold expressions and add to ``tally``."""
    preds = list(predicted)
    tally.docs += 1
    tally.gold += len(doc.gold)
    tally.predicted += len(preds)
    used: set[int] = set()
    for g in doc.gold:
        tally.bump(g.type, "gold")
        best: tuple[tuple[bool, int], int] | None = None
        for i, p in enumerate(preds):
            if i in used or _overlap(g, p) <= 0:
                continue
            key = (p.start == g.start and p.end == g.end, _overlap(g, p))
            if best is None or key > best[0]:
                best = (key, i)
        if best is None:
            tally.errors.append(f"MISSED   {g.text!r} {g.type} {g.value}")
            continue
        p = preds[best[1]]
        used.add(best[1])
        _tally_match(
            tally,
            g,
            p,
            strict=p.start == g.start and p.end == g.end,
            interval=interval,
            anchor=doc.anchor,
        )
    for i, p in enumerate(preds):
        tally.bump(p.type, "predicted")
        if i not in used:
            tally.errors.append(f"SPURIOUS {p.text!r} {p.type} {p.value}")


_TOKEN = re.compile(r"\w+|[^\w\s]")


def _token_sets(text: str, spans: Iterable[tuple[int, int]]) -> list[frozenset[int]]:
    """Indices of the tokens of ``text`` that each character span touches."""
    bounds = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    starts = [b[0] for b in bounds]
    out: list[frozenset[int]] = []
    for start, end in spans:
        i = max(bisect.bisect_right(starts, start) - 1, 0)
        picked: set[int] = set()
        while i < len(bounds) and bounds[i][0] < end:
            if bounds[i][1] > start:
                picked.add(i)
            i += 1
        out.append(frozenset(picked))
    return out


def score_document_official(
    doc: TimexDocument, predicted: Iterable[TimeRef], tally: Tally, *, interval: bool = False
) -> None:
    """Score one document the way the TempEval-3 toolkit does (see the module docstring)."""
    preds = list(predicted)
    if tally.strict_system < 0:
        tally.strict_system = tally.relaxed_system = 0
    gold_tokens = _token_sets(doc.text, [(g.start, g.end) for g in doc.gold])
    pred_tokens = _token_sets(doc.text, [(p.start, p.end) for p in preds])
    system: dict[int | str, TimeRef] = {}
    for i, (p, tokens) in enumerate(zip(preds, pred_tokens, strict=True)):
        key: int | str = next(
            (j for j, g_tokens in enumerate(gold_tokens) if tokens & g_tokens), f"s{i}"
        )
        if key in system:
            tally.errors.append(f"DROPPED  {system[key].text!r} (same gold id as {p.text!r})")
        system[key] = p
    tally.docs += 1
    tally.gold += len(doc.gold)
    tally.predicted += len(system)
    for key, p in system.items():
        tally.bump(p.type, "predicted")
        if isinstance(key, str):
            tally.errors.append(f"SPURIOUS {p.text!r} {p.type} {p.value}")
            continue
        tally.relaxed_system += 1
        if p.text == doc.gold[key].text:
            tally.strict_system += 1
    for j, g in enumerate(doc.gold):
        tally.bump(g.type, "gold")
        p_or_none = system.get(j)
        if p_or_none is None:
            tally.errors.append(f"MISSED   {g.text!r} {g.type} {g.value}")
            continue
        p = p_or_none
        _tally_match(tally, g, p, strict=p.text == g.text, interval=interval, anchor=doc.anchor)


def _rates(matched_system: int, system: int, matched_gold: int, gold: int) -> tuple[float, float]:
    """Precision counted on system entities, recall on gold ones (they differ officially)."""
    return (matched_system / system if system else 0.0, matched_gold / gold if gold else 0.0)


def extract_times(doc: TimexDocument) -> tuple[TimeRef, ...]:
    """Our extractor on one gold document's raw text, anchored at its creation date."""
    return find_times(doc.text, doc.anchor, split_sentences(doc.text))


def score_into(
    tally: Tally, doc: TimexDocument, times: Sequence[TimeRef], matching: str = "official"
) -> None:
    """Add one document's counts (and its error lines, named by document) to ``tally``."""
    gum = doc.name.endswith(".xml")
    if gum:
        times = tuple(t for t in times if t.type != "SET" and t.value not in _REFS)
    score = score_document_official if matching == "official" else score_document
    listed = len(tally.errors)
    score(doc, times, tally, interval=gum)
    # each error line names its document, so errors can be traced and grouped
    name = Path(doc.name).name
    tally.errors[listed:] = [f"{name}\t{line}" for line in tally.errors[listed:]]


def metrics(tally: Tally, matching: str = "official") -> dict[str, object]:
    """The TempEval-3 figures of the counts in ``tally``."""
    strict_system, relaxed_system = tally.strict_system, tally.relaxed_system
    if strict_system < 0:
        strict_system, relaxed_system = tally.strict, tally.relaxed
    strict = prf_from_rates(*_rates(strict_system, tally.predicted, tally.strict, tally.gold))
    relaxed = prf_from_rates(*_rates(relaxed_system, tally.predicted, tally.relaxed, tally.gold))
    type_acc = tally.type_correct / tally.relaxed if tally.relaxed else 0.0
    value_acc = tally.value_correct / tally.relaxed if tally.relaxed else 0.0
    return {
        "matching": matching,
        "docs": tally.docs,
        "gold": tally.gold,
        "predicted": tally.predicted,
        "strict_p": strict.precision,
        "strict_r": strict.recall,
        "strict_f1": strict.f1,
        "relaxed_p": relaxed.precision,
        "relaxed_r": relaxed.recall,
        "relaxed_f1": relaxed.f1,
        "type_accuracy": type_acc,
        "value_accuracy": value_acc,
        "type_f1": relaxed.f1 * type_acc,
        "value_f1": relaxed.f1 * value_acc,
        "per_type": {
            kind: {k: counts.get(k, 0) for k in ("gold", "predicted", "matched", "value_correct")}
            for kind, counts in sorted(tally.per_type.items())
        },
    }


def evaluate(
    root: Path,
    fmt: str = "auto",
    *,
    keep_errors: bool = False,
    matching: str = "official",
    predict: Callable[[TimexDocument], Sequence[TimeRef]] = extract_times,
) -> tuple[dict[str, object], list[str]]:
    """Run a tagger (ours unless ``predict`` names another) over every gold document under
    ``root``; the metrics as a dict."""
    tally = Tally()
    started = time.perf_counter()
    for doc in iter_documents(root, fmt):
        score_into(tally, doc, predict(doc), matching)
    result = metrics(tally, matching)
    result["seconds"] = round(time.perf_counter() - started, 3)
    return result, tally.errors if keep_errors else []


@click.command(name="timex")
@click.argument("directory", type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["auto", "timeml", "gum"]),
    default="auto",
    show_default=True,
    help="Gold format: TimeML .tml files, GUM .xml files, or both.",
)
@click.option(
    "--matching",
    type=click.Choice(["official", "spans"]),
    default="official",
    show_default=True,
    help="official: the TempEval-3 toolkit's token/id matching; spans: one-to-one on spans.",
)
@click.option(
    "--errors",
    is_flag=True,
    help="Also list misses, extent and value errors on stderr, one per line: document<TAB>error.",
)
def timex_command(directory: Path, as_json: bool, fmt: str, matching: str, errors: bool) -> None:
    """Time expressions against TimeML (TempEval-3) or GUM gold: extent, type and value F1."""
    result, error_lines = evaluate(directory, fmt, keep_errors=errors, matching=matching)
    for line in error_lines:
        click.echo(line, err=True)
    if as_json:
        click.echo(json.dumps(result))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"Time expressions: {directory} ({result['docs']} documents)")
    table.add_column("metric")
    table.add_column("value", justify="right")
    for key, value in result.items():
        if key == "per_type":
            continue
        table.add_row(key, f"{value:.4f}" if isinstance(value, float) else str(value))
    per_type = Table(title="Per type")
    for column in ("type", "gold", "predicted", "matched", "value_correct"):
        per_type.add_column(column, justify="right")
    for kind, counts in result["per_type"].items():  # type: ignore[attr-defined]
        per_type.add_row(
            kind, *(str(counts[k]) for k in ("gold", "predicted", "matched", "value_correct"))
        )
    console = Console(file=sys.stdout)
    console.print(table)
    console.print(per_type)
