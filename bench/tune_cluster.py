"""Choose the cluster stage's parameters on one corpus and report them on the other.

Parameters (join threshold, entity and headline weights, merge threshold) are chosen on
ECB+ (mean pairwise F1 over three arrival orders); BASIL with PolNeAR distractors is then
scored with the chosen values as held-out data. Articles are run through the extract stage
once and cached.

    .venv/bin/python bench/tune_cluster.py --ecbplus /tmp/xr-data/ecbplus \
        --basil /tmp/xr-data/basil --polnear /tmp/xr-data/polnear
"""

from __future__ import annotations

import argparse
import itertools
import json
import pickle
import random
from collections.abc import Sequence
from pathlib import Path
from statistics import mean

import numpy as np

from crossread.cluster import StoryIndex
from crossread.eval.basil import read_basil
from crossread.eval.cluster import cluster_stream, load_extractor
from crossread.eval.ecbplus_docs import LabelledArticle, read_ecbplus_docs
from crossread.eval.polnear_docs import read_polnear_docs

SEMANTIC_GRID = {
    "threshold": [0.2, 0.25, 0.3],
    "semantic_weight": [0.3, 0.5, 0.7],
    "semantic_floor": [0.3, 0.4, 0.5, 0.6],
}
GRID = {
    "threshold": [0.2, 0.25, 0.3],
    "entity_weight": [0.1, 0.2, 0.3],
    "title_weight": [0.0, 0.1, 0.2],
    "merge_threshold": [0.5, 1.01],
}
SEEDS = (0, 1, 2)


class CachedEncoder:
    """Embeddings computed once in batches, looked up by text during the grid."""

    def __init__(self, texts: list[str]) -> None:
        from crossread.cluster import SentenceTransformerEncoder

        vectors = SentenceTransformerEncoder(batch_size=64).encode(texts)
        self.vectors = dict(zip(texts, vectors, strict=True))

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return np.stack([self.vectors[t] for t in texts])


def extracted(items: list[LabelledArticle], cache: Path) -> list[LabelledArticle]:
    """Items with extracted articles, cached between runs (the cache never leaves /tmp)."""
    if cache.exists():
        loaded: list[LabelledArticle] = pickle.loads(cache.read_bytes())
        return loaded
    extractor = load_extractor()
    if extractor is not None:
        items = [LabelledArticle(article=extractor(i.article), gold=i.gold) for i in items]
    cache.write_bytes(pickle.dumps(items))
    return items


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ecbplus", type=Path, required=True)
    parser.add_argument("--basil", type=Path, required=True)
    parser.add_argument("--polnear", type=Path, required=True)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/crossread-tune"))
    parser.add_argument("--semantic", action="store_true", help="tune the embedding blend")
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    ecb = extracted(list(read_ecbplus_docs(args.ecbplus)), args.cache / "ecbplus.pickle")
    basil = extracted(
        list(read_basil(args.basil)) + list(read_polnear_docs(args.polnear)),
        args.cache / "basil.pickle",
    )
    basil.sort(key=lambda i: (i.article.published, i.article.source))

    grid: dict[str, list[float]] = GRID
    fixed: dict[str, object] = {}
    if args.semantic:
        texts = [f"{i.article.title}\n{i.article.text}" for i in ecb + basil]
        fixed = {"encoder": CachedEncoder(texts)}
        grid = SEMANTIC_GRID
    results = []
    for values in itertools.product(*grid.values()):
        params: dict[str, object] = {**dict(zip(grid, values, strict=True)), **fixed}
        runs = []
        for seed in SEEDS:
            order = ecb[:]
            random.Random(seed).shuffle(order)
            runs.append(cluster_stream(order, StoryIndex(**params)))  # type: ignore[arg-type]
        score = {
            "pairwise_f1": round(mean(r.pairwise_f1 for r in runs), 4),
            "bcubed_f1": round(mean(r.bcubed_f1 for r in runs), 4),
        }
        results.append((score["pairwise_f1"], params, score))
        shown = {k: v for k, v in params.items() if k != "encoder"}
        print(json.dumps({**shown, **score}), flush=True)
    _, best, best_scores = max(results, key=lambda r: r[0])
    held_out = cluster_stream(basil, StoryIndex(**best))  # type: ignore[arg-type]
    chosen = {k: v for k, v in best.items() if k != "encoder"}
    print(json.dumps({"chosen_on_ecbplus": chosen, "ecbplus": best_scores}))
    print(json.dumps({"held_out_basil": held_out.as_dict()}))


if __name__ == "__main__":
    main()
