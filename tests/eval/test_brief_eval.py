"""Summary evaluation on GUM news: ROUGE of our brief summary beside lead-3."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from crossread.eval.brief import brief_command
from crossread.eval.rouge import rouge_l, rouge_n, score, tokens

pytestmark = pytest.mark.data


def test_rouge_on_known_values() -> None:
    cand = tokens("the cat sat on the mat")
    ref = tokens("the cat lay on the mat")
    assert rouge_n(cand, ref, 1) == pytest.approx(5 / 6)
    assert rouge_n(cand, ref, 2) == pytest.approx(3 / 5)
    assert rouge_l(cand, ref) == pytest.approx(5 / 6)
    assert score("x y", ["x y", "z w"]).rouge1 == pytest.approx(0.5)


def test_gum_summaries(shared_data: Callable[[str], Path]) -> None:
    out = CliRunner().invoke(brief_command, ["gum", str(shared_data("gum_news")), "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert data["docs"] == 24
    # measured: ROUGE-1/2/L 0.378/0.177/0.280; lead-3 0.378/0.177/0.278
    assert data["rouge1"] >= 0.35 and data["rouge2"] >= 0.15 and data["rougeL"] >= 0.25
    assert data["rouge1"] >= data["lead3_rouge1"] - 0.02
