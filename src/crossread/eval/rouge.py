"""ROUGE-1, ROUGE-2 and ROUGE-L F1 (Lin 2004), implemented here to avoid a dependency.

Tokens are lowercased alphanumeric runs, as in Google's ``rouge-score`` without stemming. With
several references, a candidate's score is the mean over references.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

_TOKEN = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True, slots=True, kw_only=True)
class Rouge:
    rouge1: float
    rouge2: float
    rougeL: float


def tokens(text: str) -> list[str]:
    """Lowercased alphanumeric tokens."""
    return _TOKEN.findall(text.lower())


def _f1(overlap: float, candidate: int, reference: int) -> float:
    if not overlap or not candidate or not reference:
        return 0.0
    p, r = overlap / candidate, overlap / reference
    return 2 * p * r / (p + r)


def rouge_n(candidate: Sequence[str], reference: Sequence[str], n: int) -> float:
    """ROUGE-N F1 of two token sequences."""
    c = Counter(tuple(candidate[i : i + n]) for i in range(len(candidate) - n + 1))
    r = Counter(tuple(reference[i : i + n]) for i in range(len(reference) - n + 1))
    return _f1(sum((c & r).values()), sum(c.values()), sum(r.values()))


def _lcs(a: Sequence[str], b: Sequence[str]) -> int:
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def rouge_l(candidate: Sequence[str], reference: Sequence[str]) -> float:
    """ROUGE-L F1 (longest common subsequence) of two token sequences."""
    return _f1(_lcs(candidate, reference), len(candidate), len(reference))


def score(candidate: str, references: Sequence[str]) -> Rouge:
    """Mean ROUGE-1/2/L F1 of a candidate against each reference."""
    cand = tokens(candidate)
    refs = [tokens(r) for r in references] or [[]]
    return Rouge(
        rouge1=sum(rouge_n(cand, r, 1) for r in refs) / len(refs),
        rouge2=sum(rouge_n(cand, r, 2) for r in refs) / len(refs),
        rougeL=sum(rouge_l(cand, r) for r in refs) / len(refs),
    )
