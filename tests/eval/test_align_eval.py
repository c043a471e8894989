"""Alignment evaluations on research data (ECB+, BASIL), with floors a bit below our scores."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from crossread.eval.align import align_command, evaluate_basil, evaluate_ecbplus

pytestmark = pytest.mark.data


def test_ecbplus_sentence_alignment(shared_data: Callable[[str], Path]) -> None:
    result = evaluate_ecbplus(shared_data("ecbplus"))
    assert result["docs"] > 700 and result["gold_pairs"] > 10000
    # measured: precision 0.864, recall 0.399, F1 0.546 (lexical default)
    assert result["precision"] >= 0.86
    assert result["recall"] >= 0.42
    assert result["f1"] >= 0.57


def test_ecbplus_cli_json_contract(shared_data: Callable[[str], Path]) -> None:
    root = shared_data("ecbplus")
    out = CliRunner().invoke(align_command, ["ecbplus", str(root), "--topics", "dev", "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert {"docs", "gold_pairs", "predicted_pairs", "precision", "recall", "f1"} <= set(data)
    assert all(0.0 <= data[k] <= 1.0 for k in ("precision", "recall", "f1"))


def test_basil_exclusives_and_framing(shared_data: Callable[[str], Path]) -> None:
    result = evaluate_basil(shared_data("basil"))
    assert result["events"] == 50 and result["informational_spans"] > 500
    # measured: share 0.920 (base rate of sentences in exclusive facts 0.703)
    assert result["share"] >= 0.85
    assert 5 <= result["exclusive_facts_per_article"] <= 40
    keys = {
        "events",
        "informational_spans",
        "spans_marked_exclusive_or_framing",
        "share",
        "exclusive_facts_per_article",
    }
    assert keys <= set(result)
