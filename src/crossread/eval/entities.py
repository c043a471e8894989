"""``crossread eval entities``: entity mentions on GUM, cross-document entities on ECB+.

The dataset is chosen from DIR's content: CoNLL-U files (GUM; given GUM's ``xml/`` folder its
sibling ``dep/`` is used) or ECB+ XML topic folders.

GUM (named mentions of persons, organisations and places; see ``eval/gum.py``):

- ``mention_p/r/f1``: our named PERSON/ORG/PLACE mentions against gold named mentions of the
  three types, one-to-one, exact span (a leading "the" ignored); ``typed_*``: the kind must
  match too; ``partial_*``: one span inside the other counts. GUM's person spans include
  titles (``US President Barack Obama``): a name preceded by the title we recognised matches
  with or without it.

ECB+ (participants and locations; see ``eval/ecbplus_entities.py``):

- each topic's documents go through ``find_mentions`` and then ``link_entities`` together;
- a gold mention is *aligned* when one of our mentions overlaps it (largest overlap wins);
  ``mention_r`` is the share of gold mentions aligned (pronouns and common nouns, which ECB+
  marks and we do not, stay unaligned), ``mention_p`` the share of our mentions in annotated
  sentences that overlap a gold mention;
- ``bcubed_*`` and ``muc_*`` compare our entity clusters with the gold chains over the aligned
  gold mentions; ``baseline_*``: the same mentions clustered by identical lower-cased text, so
  the gain from linking is visible.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Hashable
from pathlib import Path

import click

from crossread.eval.ecbplus_entities import EcbDocument, read_ecb_topics
from crossread.eval.gum import GUM_KINDS, GumDocument, read_gum_documents
from crossread.eval.metrics import bcubed, muc, prf
from crossread.extract.entities import find_mentions, link_entities
from crossread.extract.gazetteer import fold
from crossread.extract.sentences import split_sentences
from crossread.models import Article, Mention


def _strip_the(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading "the" and a trailing possessive: we mark ``Warhol`` in ``Warhol's``."""
    if text[start : start + 4].lower() == "the ":
        start += 4
    for suffix in ("'s", "’s", "'", "’"):
        if text[start:end].endswith(suffix) and end - len(suffix) > start:
            end -= len(suffix)
            break
    return start, end


def evaluate_gum(docs: list[GumDocument]) -> dict[str, object]:
    """Named-mention scores on GUM documents."""
    gold_total = pred_total = exact = typed = partial = 0
    for doc in docs:
        gold = [
            (_strip_the(doc.text, m.start, m.end), GUM_KINDS[m.kind])
            for m in doc.mentions
            if m.named and m.kind in GUM_KINDS
        ]
        gold = sorted(set(gold))
        mentions = find_mentions(doc.text, split_sentences(doc.text))
        # GUM's person spans include the title ("US President Barack Obama"): a name with the
        # title we found right before it may match either way
        titled = {m.end: m.start for m in mentions if m.nominal and m.refers_to}
        preds = [
            ((m.start, m.end), m.kind, titled.get(len(doc.text[: m.start].rstrip()), m.start))
            for m in mentions
            if not m.nominal and m.kind in ("PERSON", "ORG", "PLACE")
        ]
        gold_total += len(gold)
        pred_total += len(preds)
        gold_spans = {span: kind for span, kind in gold}
        for (start, end), kind, title_start in preds:
            span = (start, end) if (start, end) in gold_spans else (title_start, end)
            if span in gold_spans:
                exact += 1
                typed += gold_spans[span] == kind
        used: set[int] = set()
        for (ps, pe), _, _ in preds:
            for i, ((gs, ge), _) in enumerate(gold):
                inside = (gs <= ps and pe <= ge) or (ps <= gs and ge <= pe)
                if i not in used and inside:
                    used.add(i)
                    partial += 1
                    break
    result: dict[str, object] = {
        "dataset": "gum",
        "docs": len(docs),
        "mentions_gold": gold_total,
        "mentions_predicted": pred_total,
    }
    for name, hits in (("mention", exact), ("typed_mention", typed), ("partial_mention", partial)):
        score = prf(hits, pred_total, gold_total)
        result[f"{name}_p"] = score.precision
        result[f"{name}_r"] = score.recall
        result[f"{name}_f1"] = score.f1
    return result


def _align(doc: EcbDocument, mentions: tuple[Mention, ...]) -> dict[int, Mention]:
    """Gold mention index -> our mention with the largest overlap."""
    out: dict[int, Mention] = {}
    for i, gold in enumerate(doc.mentions):
        best, best_overlap = None, 0
        for m in mentions:
            overlap = min(m.end, gold.end) - max(m.start, gold.start)
            if overlap > best_overlap:
                best, best_overlap = m, overlap
        if best is not None:
            out[i] = best
    return out


def evaluate_ecb(root: Path, topics: Collection[str] | None = None) -> dict[str, object]:
    """Cross-document entity clustering scores on ECB+ topics under ``root`` (or ``topics``)."""
    gold_labels: dict[Hashable, Hashable] = {}
    ours: dict[Hashable, Hashable] = {}
    baseline: dict[Hashable, Hashable] = {}
    docs = gold_total = aligned = pred_total = pred_hit = 0
    for topic in read_ecb_topics(root, topics):
        articles = []
        for doc in topic.documents:
            sentences = split_sentences(doc.text)
            articles.append(
                Article(
                    id=doc.name,
                    title="",
                    text=doc.text,
                    sentences=sentences,
                    mentions=find_mentions(doc.text, sentences),
                )
            )
        entity_of: dict[tuple[str, int, int], str] = {}
        for entity in link_entities(articles):
            for ref in entity.mentions:
                entity_of[(ref.article, ref.start, ref.end)] = entity.id
        for doc, article in zip(topic.documents, articles, strict=True):
            docs += 1
            gold_total += len(doc.mentions)
            in_scope = [
                m for m in article.mentions if any(a <= m.start < b for a, b in doc.annotated)
            ]
            pred_total += len(in_scope)
            pred_hit += sum(
                1
                for m in in_scope
                if any(min(m.end, g.end) > max(m.start, g.start) for g in doc.mentions)
            )
            for i, m in _align(doc, tuple(in_scope)).items():
                label = entity_of.get((doc.name, m.start, m.end))
                if label is None:
                    continue
                aligned += 1
                item = (doc.name, doc.mentions[i].start, doc.mentions[i].end)
                gold_labels[item] = doc.mentions[i].chain
                ours[item] = f"{topic.name}:{label}"
                baseline[item] = f"{topic.name}:{fold(m.text)}"
    detection = prf(pred_hit, pred_total, gold_total)
    result: dict[str, object] = {
        "dataset": "ecbplus",
        "docs": docs,
        "mentions_gold": gold_total,
        "mentions_predicted": pred_total,
        "mentions_aligned": aligned,
        "mention_p": detection.precision,
        "mention_r": aligned / gold_total if gold_total else 0.0,
    }
    r = result["mention_r"]
    assert isinstance(r, float)
    p = detection.precision
    result["mention_f1"] = 2 * p * r / (p + r) if p + r else 0.0
    for prefix, predicted in (("", ours), ("baseline_", baseline)):
        b3 = bcubed(gold_labels, predicted)
        mu = muc(gold_labels, predicted)
        result[f"{prefix}bcubed_p"] = b3.precision
        result[f"{prefix}bcubed_r"] = b3.recall
        result[f"{prefix}bcubed_f1"] = b3.f1
        result[f"{prefix}muc_p"] = mu.precision
        result[f"{prefix}muc_r"] = mu.recall
        result[f"{prefix}muc_f1"] = mu.f1
    return result


def evaluate(directory: Path, topics: Collection[str] | None = None) -> dict[str, object]:
    """Pick the dataset from ``directory``'s content and score it."""
    gum = list(read_gum_documents(directory))
    if gum:
        return evaluate_gum(gum)
    if any(directory.rglob("*ecb*.xml")):
        return evaluate_ecb(directory, topics)
    raise click.ClickException(f"{directory}: neither GUM .conllu files nor ECB+ XML topics found")


@click.command(name="entities")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--topics", default=None, help="ECB+ only: comma-separated topic numbers to score.")
def entities_command(directory: Path, as_json: bool, topics: str | None) -> None:
    """Score entity mentions (GUM) or cross-document entity clusters (ECB+) under DIR."""
    result = evaluate(directory, topics.split(",") if topics else None)
    if as_json:
        click.echo(json.dumps(result, sort_keys=True))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"Entities on {directory} ({result['dataset']}, {result['docs']} docs)")
    table.add_column("metric")
    table.add_column("value", justify="right")
    for key, value in result.items():
        if key in ("dataset",):
            continue
        table.add_row(key, f"{value:.3f}" if isinstance(value, float) else str(value))
    Console().print(table)
