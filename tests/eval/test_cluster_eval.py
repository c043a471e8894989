"""``crossread eval cluster`` on the shared research data (skipped when it is absent).

Floors sit a little below what the default parameters reach (see bench/README.md), so a
regression in the cluster stage fails here. Extraction is off to keep the tests fast; the
features then fall back to capitalised word runs for names.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from crossread.eval.cluster import cluster_command

KEYS = {
    "docs",
    "gold_clusters",
    "clusters",
    "bcubed_p",
    "bcubed_r",
    "bcubed_f1",
    "pairwise_p",
    "pairwise_r",
    "pairwise_f1",
}

pytestmark = pytest.mark.data


def _run(*args: str) -> dict[str, float]:
    result = CliRunner().invoke(cluster_command, [*args, "--json", "--no-extract"])
    assert result.exit_code == 0, result.output
    scores: dict[str, float] = json.loads(result.output)
    assert scores.keys() >= KEYS
    assert all(0.0 <= scores[k] <= 1.0 for k in KEYS if k.endswith(("_p", "_r", "_f1")))
    return scores


def test_ecbplus_events(shared_data: Callable[[str], Path]) -> None:
    scores = _run("ecbplus", str(shared_data("ecbplus")))
    assert scores["docs"] > 700
    assert scores["gold_clusters"] > 60
    assert scores["bcubed_f1"] >= 0.83
    assert scores["pairwise_f1"] >= 0.77


def test_basil_with_polnear_distractors(shared_data: Callable[[str], Path]) -> None:
    basil, polnear = shared_data("basil"), shared_data("polnear")
    scores = _run("basil", str(basil), "--distractors", str(polnear))
    assert scores["docs"] > 1000
    assert scores["bcubed_f1"] >= 0.96
    assert scores["pairwise_f1"] >= 0.72


def test_basil_alone(shared_data: Callable[[str], Path]) -> None:
    scores = _run("basil", str(shared_data("basil")))
    assert scores["docs"] == 150
    assert scores["gold_clusters"] == 50
    assert scores["pairwise_p"] >= 0.95
    assert scores["pairwise_f1"] >= 0.8


def test_missing_corpus_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cluster_command, ["ecbplus", str(tmp_path), "--json"])
    assert result.exit_code != 0
    assert "no ECB+ documents" in str(result.exception or result.output)
