"""``crossread eval entities`` on GUM news and ECB+: floors a little below what we reach."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from crossread.eval.entities import entities_command, evaluate_ecb, evaluate_gum
from crossread.eval.gum import read_gum_documents

# the standard ECB+ dev topics (Cybulska & Vossen 2015): a quarter of the data, seconds to run
DEV_TOPICS = ("2", "5", "12", "18", "21", "23", "34", "35")


def test_gum_reader_rebuilds_text_and_named_mentions(shared_data: Callable[[str], Path]) -> None:
    docs = list(read_gum_documents(shared_data("gum_news") / "xml"))
    assert len(docs) == 24
    for doc in docs:
        for m in doc.mentions:
            assert doc.text[m.start : m.end] == m.text
    named = [m.text for d in docs for m in d.mentions if m.named and m.kind == "person"]
    assert "Barack Obama" in named or "US President Barack Obama" in named


def test_gum_named_mention_scores(shared_data: Callable[[str], Path]) -> None:
    result = evaluate_gum(list(read_gum_documents(shared_data("gum_news"))))
    assert result["docs"] == 24
    assert result["mention_f1"] >= 0.64  # type: ignore[operator]
    assert result["typed_mention_f1"] >= 0.53  # type: ignore[operator]
    assert result["partial_mention_f1"] >= 0.79  # type: ignore[operator]


def test_ecbplus_cross_document_clusters(shared_data: Callable[[str], Path]) -> None:
    result = evaluate_ecb(shared_data("ecbplus") / "ecbplus", DEV_TOPICS)
    assert result["docs"] > 150
    assert result["mention_r"] >= 0.45  # type: ignore[operator]
    assert result["bcubed_f1"] >= 0.81  # type: ignore[operator]
    assert result["muc_f1"] >= 0.86  # type: ignore[operator]
    # linking must beat clustering the same mentions by their exact text
    assert result["bcubed_f1"] > result["baseline_bcubed_f1"] + 0.06  # type: ignore[operator]


def test_command_picks_the_dataset_from_the_folder(shared_data: Callable[[str], Path]) -> None:
    out = CliRunner().invoke(entities_command, [str(shared_data("gum_news") / "xml"), "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert data["dataset"] == "gum"
    assert {"docs", "mentions_gold", "mentions_predicted", "mention_f1", "typed_mention_f1"} <= set(
        data
    )


def test_command_rejects_unknown_folders(tmp_path: Path) -> None:
    out = CliRunner().invoke(entities_command, [str(tmp_path)])
    assert out.exit_code != 0
