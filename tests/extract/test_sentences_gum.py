"""Sentence boundaries against GUM's gold sentences (news genre), next to pysbd."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pysbd

from crossread.eval.metrics import prf
from crossread.extract.sentences import split_sentences


def _documents(root: Path) -> list[tuple[str, set[int]]]:
    """GUM text rebuilt from ``# text =`` lines (paragraphs as blank lines), gold ends."""
    docs = []
    for path in sorted((root / "dep").glob("*.conllu")):
        pieces: list[str] = []
        ends: set[int] = set()
        length = 0
        new_paragraph = False
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# newpar"):
                new_paragraph = True
            elif line.startswith("# text = "):
                if length:
                    sep = "\n\n" if new_paragraph else " "
                    pieces.append(sep)
                    length += len(sep)
                new_paragraph = False
                sentence = line[len("# text = ") :]
                pieces.append(sentence)
                length += len(sentence)
                ends.add(length)
        docs.append(("".join(pieces), ends))
    return docs


def test_boundaries_match_gum_at_least_as_well_as_pysbd(
    shared_data: Callable[[str], Path],
) -> None:
    docs = _documents(shared_data("gum_news"))
    assert len(docs) == 24
    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    gold = ours_n = ours_hit = theirs_n = theirs_hit = 0
    for text, ends in docs:
        ours = {s.end for s in split_sentences(text)}
        theirs = {len(text[: span.end].rstrip()) for span in segmenter.segment(text)}
        gold += len(ends)
        ours_n, ours_hit = ours_n + len(ours), ours_hit + len(ours & ends)
        theirs_n, theirs_hit = theirs_n + len(theirs), theirs_hit + len(theirs & ends)
    ours_f1 = prf(ours_hit, ours_n, gold).f1
    assert ours_f1 >= 0.93
    assert ours_f1 >= prf(theirs_hit, theirs_n, gold).f1
