"""Scores shared by the evaluations: precision/recall/F1, B-cubed, pairwise and MUC."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations


@dataclass(frozen=True, slots=True, kw_only=True)
class PRF:
    precision: float
    recall: float
    f1: float


def prf(true_positives: float, predicted: float, gold: float) -> PRF:
    """Precision, recall and F1 from counts (0 where a denominator is 0)."""
    p = true_positives / predicted if predicted else 0.0
    r = true_positives / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return PRF(precision=p, recall=r, f1=f)


def _groups(labels: Mapping[Hashable, Hashable]) -> dict[Hashable, set[Hashable]]:
    groups: dict[Hashable, set[Hashable]] = defaultdict(set)
    for item, label in labels.items():
        groups[label].add(item)
    return groups


def bcubed(gold: Mapping[Hashable, Hashable], predicted: Mapping[Hashable, Hashable]) -> PRF:
    """B-cubed precision/recall/F1 over the items present in both labelings.

    Args:
        gold: item -> gold cluster label.
        predicted: item -> predicted cluster label.
    """
    items = [i for i in gold if i in predicted]
    if not items:
        return PRF(precision=0.0, recall=0.0, f1=0.0)
    gold_groups = _groups({i: gold[i] for i in items})
    pred_groups = _groups({i: predicted[i] for i in items})
    p_sum = r_sum = 0.0
    for item in items:
        g = gold_groups[gold[item]]
        p = pred_groups[predicted[item]]
        overlap = len(g & p)
        p_sum += overlap / len(p)
        r_sum += overlap / len(g)
    return prf_from_rates(p_sum / len(items), r_sum / len(items))


def prf_from_rates(precision: float, recall: float) -> PRF:
    f = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PRF(precision=precision, recall=recall, f1=f)


def _pairs(groups: Iterable[set[Hashable]]) -> set[frozenset[Hashable]]:
    return {frozenset(pair) for group in groups for pair in combinations(sorted(group, key=str), 2)}


def pairwise(gold: Mapping[Hashable, Hashable], predicted: Mapping[Hashable, Hashable]) -> PRF:
    """Pairwise precision/recall/F1: item pairs placed together by gold and by prediction."""
    items = [i for i in gold if i in predicted]
    gold_pairs = _pairs(_groups({i: gold[i] for i in items}).values())
    pred_pairs = _pairs(_groups({i: predicted[i] for i in items}).values())
    return prf(len(gold_pairs & pred_pairs), len(pred_pairs), len(gold_pairs))


def muc(gold: Mapping[Hashable, Hashable], predicted: Mapping[Hashable, Hashable]) -> PRF:
    """MUC link-based precision/recall/F1 (Vilain et al. 1995)."""
    items = [i for i in gold if i in predicted]
    gold_groups = list(_groups({i: gold[i] for i in items}).values())
    pred_groups = list(_groups({i: predicted[i] for i in items}).values())

    def score(keys: list[set[Hashable]], responses: Mapping[Hashable, Hashable]) -> float:
        num = den = 0
        for key in keys:
            parts = {responses[i] for i in key}
            num += len(key) - len(parts)
            den += len(key) - 1
        return num / den if den else 0.0

    pred_map = {i: predicted[i] for i in items}
    gold_map = {i: gold[i] for i in items}
    return prf_from_rates(score(pred_groups, gold_map), score(gold_groups, pred_map))
