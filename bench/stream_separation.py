"""How far apart the stream generator's gold stories are, as the clusterer scores them.

For sampled source stories with two or more articles, scores with ``StoryIndex.similarity``
(all pairs dated the same day, so time proximity does not help) three kinds of generated
pairs: two articles of one variant (same gold story), the same source under two variants
(different gold stories: the generator's same-kind events) and two unrelated sources. Two
kinds of real pairs from ECB+ calibrate them: two articles of one event, and two articles of
the two different same-kind events of one ECB+ topic (e.g. two earthquakes), both perturbed
like the stream's articles but not renamed. Generated variants should score like the real
same-kind pairs; if they score higher, variants merge and the stream's precision measures the
generator, not the clusterer.

    .venv/bin/python bench/stream_separation.py --data /tmp/xr-data --samples 200
        [--swap 0.9 --kind-df 150]   # override the generator's VARIANT_SWAP / KIND_DF
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import bench.stream as stream_module
from bench.stream import SourceStory, _article, load_sources
from crossread.cluster import StoryIndex
from crossread.models import Article


def _make(rng: random.Random, story: SourceStory, variant: int, index: int, tag: str) -> Article:
    title, text = _article(rng, story, variant, index)
    return Article(
        id=tag,
        title=title,
        text=text,
        outlet="bench",
        published=dt.date(2024, 1, 1),
        source=tag,
    )


def separation(sources: list[SourceStory], samples: int, seed: int) -> dict[str, list[float]]:
    """Similarity scores of generated and real (ECB+) pairs, by kind of pair."""
    rng = random.Random(seed)
    multi = [s for s in sources if len(s.articles) >= 2]
    index = StoryIndex()
    scores: dict[str, list[float]] = {
        "same_story": [],
        "other_variant": [],
        "unrelated": [],
        "ecb_same_event": [],
        "ecb_same_kind": [],
    }
    for story in rng.sample(multi, min(samples, len(multi))):
        a = _make(rng, story, 1, 0, "a")
        scores["same_story"].append(index.similarity(a, _make(rng, story, 1, 1, "b")))
        scores["other_variant"].append(index.similarity(a, _make(rng, story, 2, 0, "c")))
        scores["other_variant"].append(index.similarity(a, _make(rng, story, 3, 1, "d")))
        other = rng.choice(multi)
        scores["unrelated"].append(index.similarity(a, _make(rng, other, 1, 0, "e")))
    # ECB+: each topic "N" holds two events of one kind, "N_ecb" and "N_ecbplus"
    by_name = {s.name: s for s in sources}
    topics = [n[: -len("_ecb")] for n in by_name if n.endswith("_ecb")]
    pairs = [(by_name[t + "_ecb"], by_name[t + "_ecbplus"]) for t in topics]
    for _ in range(samples):
        first, second = rng.choice(pairs)
        one = _make(rng, first, 0, rng.randrange(len(first.articles)), "f")
        if len(first.articles) > 1:
            i = rng.randrange(len(first.articles))
            same = _make(rng, first, 0, i, "g")
            scores["ecb_same_event"].append(index.similarity(one, same))
        other_event = _make(rng, second, 0, rng.randrange(len(second.articles)), "h")
        scores["ecb_same_kind"].append(index.similarity(one, other_event))
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=None, help="extracted corpora folder")
    parser.add_argument("--samples", type=int, default=60)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--swap", type=float, default=None, help="override VARIANT_SWAP")
    parser.add_argument("--kind-df", type=int, default=None, help="override KIND_DF")
    args = parser.parse_args()
    if args.swap is not None:
        stream_module.VARIANT_SWAP = args.swap
    if args.kind_df is not None:
        stream_module.KIND_DF = args.kind_df
    scores = separation(load_sources(args.data), args.samples, args.seed)
    print(
        f"threshold {StoryIndex().threshold}  swap {stream_module.VARIANT_SWAP}"
        f"  kind_df {stream_module.KIND_DF}"
    )
    for kind, values in scores.items():
        values.sort()
        p10, p90 = values[len(values) // 10], values[9 * len(values) // 10]
        above = sum(v >= StoryIndex().threshold for v in values) / len(values)
        print(
            f"{kind:15} n {len(values):4}  median {statistics.median(values):.3f}"
            f"  p10 {p10:.3f}  p90 {p90:.3f}  >= threshold {above:.0%}"
        )


if __name__ == "__main__":
    main()
