"""``crossread eval brief``: the brief's summary measured against human summaries.

- ``gum DIR``: each GUM news document is a one-article story; our brief's summary and the
  lead-3 baseline (first three sentences) are scored with ROUGE-1/2/L F1 against the human
  summaries (mean over references, then over documents).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

import click

from crossread.eval.gum_summaries import read_corpus
from crossread.eval.rouge import Rouge, score


def _mean(scores: list[Rouge], attr: str) -> float:
    return round(sum(getattr(s, attr) for s in scores) / len(scores), 4) if scores else 0.0


def evaluate_gum(directory: Path, *, extract_articles: bool = True) -> dict[str, Any]:
    """ROUGE of our single-article brief summary and of lead-3 on GUM news."""
    from crossread.brief import summarize
    from crossread.compare import compare
    from crossread.extract import extract

    started = time.perf_counter()
    ours: list[Rouge] = []
    lead: list[Rouge] = []
    lengths: list[int] = []
    for item in read_corpus(directory):
        article = extract(item.article) if extract_articles else item.article
        brief = summarize("gum", [article], compare([article]), ())
        summary = " ".join(c.text for c in brief.summary)
        lengths.append(len(brief.summary))
        ours.append(score(summary, item.summaries))
        lead3 = " ".join(s.text for s in item.article.sentences[:3])
        lead.append(score(lead3, item.summaries))
    return {
        "docs": len(ours),
        "rouge1": _mean(ours, "rouge1"),
        "rouge2": _mean(ours, "rouge2"),
        "rougeL": _mean(ours, "rougeL"),
        "lead3_rouge1": _mean(lead, "rouge1"),
        "lead3_rouge2": _mean(lead, "rouge2"),
        "lead3_rougeL": _mean(lead, "rougeL"),
        "summary_sentences": round(sum(lengths) / len(lengths), 2) if lengths else 0.0,
        "seconds": round(time.perf_counter() - started, 2),
    }


@click.group(name="brief")
def brief_command() -> None:
    """The brief's summary against human summaries (GUM news)."""


@brief_command.command(name="gum")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def gum_command(directory: Path, as_json: bool) -> None:
    """ROUGE-1/2/L F1 of single-article brief summaries vs GUM's human summaries, and lead-3."""
    result = evaluate_gum(directory)
    if as_json:
        click.echo(json.dumps(result))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"Summaries on GUM news: {directory} ({result['docs']} documents)")
    for column in ("system", "ROUGE-1", "ROUGE-2", "ROUGE-L"):
        table.add_column(column, justify="right")
    table.add_row("crossread", *(f"{result[k]:.4f}" for k in ("rouge1", "rouge2", "rougeL")))
    table.add_row(
        "lead-3", *(f"{result[k]:.4f}" for k in ("lead3_rouge1", "lead3_rouge2", "lead3_rougeL"))
    )
    Console(file=sys.stdout).print(table)
