"""How far apart the stream generator's gold stories are, as the clusterer scores them.

For sampled source stories with two or more articles, scores with ``StoryIndex.similarity``
(all pairs dated the same day, so time proximity does not help) three kinds of pairs:
two articles of one variant (same gold story), the same source under two variants (different
gold stories, the generator's same-kind events) and two unrelated sources. If the second kind
overlaps the first, variants merge and the stream's precision measures the generator, not the
clusterer.

    .venv/bin/python bench/stream_separation.py --data /tmp/xr-data --samples 60
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

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
    """Similarity scores of same-story, cross-variant and unrelated pairs."""
    rng = random.Random(seed)
    multi = [s for s in sources if len(s.articles) >= 2]
    index = StoryIndex()
    scores: dict[str, list[float]] = {"same_story": [], "other_variant": [], "unrelated": []}
    for story in rng.sample(multi, min(samples, len(multi))):
        a = _make(rng, story, 1, 0, "a")
        scores["same_story"].append(index.similarity(a, _make(rng, story, 1, 1, "b")))
        scores["other_variant"].append(index.similarity(a, _make(rng, story, 2, 0, "c")))
        scores["other_variant"].append(index.similarity(a, _make(rng, story, 3, 1, "d")))
        other = rng.choice(multi)
        scores["unrelated"].append(index.similarity(a, _make(rng, other, 1, 0, "e")))
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=None, help="extracted corpora folder")
    parser.add_argument("--samples", type=int, default=60)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    scores = separation(load_sources(args.data), args.samples, args.seed)
    print(f"threshold {StoryIndex().threshold}")
    for kind, values in scores.items():
        values.sort()
        p10, p90 = values[len(values) // 10], values[9 * len(values) // 10]
        print(f"{kind:14} median {statistics.median(values):.3f}  p10 {p10:.3f}  p90 {p90:.3f}")


if __name__ == "__main__":
    main()
