"""The benchmark stream generator's variants: recurring names stay, event-specific ones change."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.stream import SourceArticle, _rename, recurring_words


def _articles() -> list[SourceArticle]:
    common = "Senator Marlow spoke in Carthage about the budget vote."
    return [
        SourceArticle(title="t", sentences=(common, "Officials counted ballots.")),
        SourceArticle(title="t", sentences=(common, "Officials met Dunmore.")),
        SourceArticle(title="t", sentences=("Officials praised Marlow.",)),
    ]


def test_recurring_words_take_names_and_lower_case_words_by_document_frequency() -> None:
    words = recurring_words(_articles(), min_df=3)
    assert {"Marlow", "Officials"} <= words
    assert "Dunmore" not in words and "Carthage" not in words
    assert "budget" not in recurring_words(_articles(), min_df=3)
    assert "budget" in recurring_words(_articles(), min_df=2)


def test_variant_keeps_recurring_names_and_renames_rare_ones_consistently() -> None:
    kind = recurring_words(_articles(), min_df=3)
    text = "Marlow met Dunmore. Dunmore left."
    first, again = _rename(text, 2, kind), _rename(text, 2, kind)
    assert first == again
    assert first.startswith("Marlow met ")
    assert "Dunmore" not in first
    renamed = first.split()[2].rstrip(".")
    assert first.count(renamed) == 2  # one name, one pseudo-name, throughout the variant
    assert _rename(text, 0, kind) == text  # variant 0 is the source itself
    assert _rename(text, 3, kind) != first  # another event, other names
