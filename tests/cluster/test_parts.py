"""The cluster stage's parts: copy detection, hashed TF-IDF, features, optional embeddings."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
import sys

import numpy as np

from crossread.cluster import CopyDetector, StoryIndex, TfidfSimilarity
from crossread.cluster.features import featurize, term_id
from crossread.cluster.lexical import DocumentFrequencies
from crossread.models import Article, Mention, TimeRef


def test_copy_detector_finds_light_edits_and_points_to_the_original(
    fixture_articles: dict[str, Article],
) -> None:
    detector = CopyDetector()
    original = fixture_articles["shooting_ohio"]
    copy = fixture_articles["shooting_ohio_copy"]
    other = fixture_articles["shooting_texas"]
    detector.add(original.id, detector.sketch(original.text))
    copy_sketch = detector.sketch(copy.text)
    assert detector.find(copy_sketch) == original.id
    # a copy of the copy still points at the first original
    detector.add(copy.id, copy_sketch, copy_of=original.id)
    assert detector.find(detector.sketch(copy.text + " Updated.")) == original.id
    assert detector.find(detector.sketch(other.text)) is None
    detector.remove(original.id)
    detector.remove(copy.id)
    assert len(detector) == 0
    assert detector.find(copy_sketch) is None


def test_short_texts_are_never_copies() -> None:
    detector = CopyDetector()
    assert detector.sketch("Breaking news: more soon.") is None


def test_term_ids_are_stable_across_processes() -> None:
    code = "from crossread.cluster.features import term_id; print(term_id('earthquake'))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert int(out) == term_id("earthquake")


def test_document_frequencies_rare_terms_weigh_more() -> None:
    df = DocumentFrequencies()
    common, rare = term_id("police"), term_id("chuquibamba")
    for _ in range(9):
        df.add([common])
    df.add([common, rare])
    assert df.idf(rare) > df.idf(common) >= 1.0
    df.remove([common, rare])
    assert df.n_docs_ == 9


def test_features_use_extracted_mentions_and_dates(fixture_articles: dict[str, Article]) -> None:
    article = fixture_articles["quake_peru"]
    plain = featurize(article)
    assert "arequipa" in plain.entities  # fallback: capitalised names
    extracted = dataclasses.replace(
        article,
        mentions=(Mention(text="Peru", start=0, end=4, kind="PLACE", key="peru"),),
        times=(
            TimeRef(text="Monday", start=0, end=6, type="DATE", value="2025-03-03"),
            TimeRef(text="60-day", start=0, end=6, type="DURATION", value="P60D"),
        ),
    )
    feats = featurize(extracted)
    assert feats.entities == frozenset({"peru"})
    assert feats.days == frozenset({dt.date(2025, 3, 3).toordinal()})
    assert feats.published == article.published.toordinal()  # type: ignore[union-attr]


def test_tfidf_similarity_orders_pairs(fixture_articles: dict[str, Article]) -> None:
    sim = TfidfSimilarity()
    a = fixture_articles
    assert sim.similarity(a["quake_peru"], a["quake_peru_2"]) > sim.similarity(
        a["quake_peru"], a["quake_japan"]
    )


def test_out_of_order_article_joins_and_keeps_the_story_id(
    fixture_articles: dict[str, Article],
) -> None:
    index = StoryIndex()
    later = index.assign(fixture_articles["quake_peru_2"])
    earlier = index.assign(fixture_articles["quake_peru"])  # published a day before
    assert earlier.story == later.story
    assert not earlier.is_new


def test_importing_crossread_cluster_never_imports_torch() -> None:
    code = (
        "import sys, crossread.cluster; "
        "crossread.cluster.SentenceTransformerEncoder(); "
        "print('torch' in sys.modules, 'sentence_transformers' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["False", "False"]


class _KeywordEncoder:
    """A tiny stand-in encoder: one dimension per keyword (tests the blend, not a model)."""

    words = ("quake", "shooting", "council")

    def encode(self, texts: list[str]) -> np.ndarray:
        rows = np.array(
            [[t.lower().count(w) + 0.01 for w in self.words] for t in texts], dtype=np.float32
        )
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_encoder_is_blended_into_scores(fixture_articles: dict[str, Article]) -> None:
    a = fixture_articles
    plain = StoryIndex()
    blended = StoryIndex(encoder=_KeywordEncoder(), semantic_weight=0.5, semantic_floor=0.0)
    same = (a["quake_peru"], a["quake_peru_2"])
    # both quake reports are all "quake" on the stand-in encoder: the blend raises their score
    assert blended.similarity(*same) > plain.similarity(*same)
    stories = {blended.assign(a[k]).story for k in ("quake_peru", "quake_peru_2", "budget_council")}
    assert len(stories) == 2


def test_copy_sketches_equal_datasketch_minhash_of_the_shingles(
    fixture_articles: dict[str, Article],
) -> None:
    # the vectorised sketch must give the very hash values datasketch computes shingle by
    # shingle, so copy decisions do not change (and stored sketches stay comparable)
    import re
    import zlib

    from datasketch import MinHash

    detector = CopyDetector()
    texts = [a.text for a in fixture_articles.values()] + ["Zoë's café in İzmir: naïve " * 12]
    for text in texts:
        sketch = detector.sketch(text)
        words = re.findall(r"\w+", text.lower())
        if len(words) - 3 < 20:
            assert sketch is None
            continue
        reference = MinHash(num_perm=64, hashfunc=zlib.crc32)
        reference.update_batch([" ".join(words[i : i + 4]).encode() for i in range(len(words) - 3)])
        assert sketch is not None
        assert np.array_equal(sketch.hashvalues, reference.hashvalues)


_SIMILARITY_IN_A_PROCESS = """
import datetime as dt
from crossread.cluster import StoryIndex
from crossread.models import Article, Mention

FIRST = ["Ana", "Ted", "Mara", "Ivo", "Lena", "Omar", "Ruth", "Paul", "Sara", "Yuki"]
LAST = ["Lopez", "Ruiz", "Stone", "Brandt", "Park", "Haddad", "Kim"]
NAMES = [f"{f} {l}" for f in FIRST for l in LAST]

def article(number, names):
    text = " ".join(f"{n} spoke about the flood barrier." for n in names)
    mentions = tuple(
        Mention(text=n, start=text.index(n), end=text.index(n) + len(n), kind="PERSON",
                key=n.lower())
        for n in names
    )
    return Article(id=f"a{number}", title=f"Barrier talks, day {number}", text=text,
                   published=dt.date(2024, 5, 2), mentions=mentions)

index = StoryIndex()
for k in range(1, 8):  # names met in few articles weigh more than those met in many
    index.assign(article(k, NAMES[: 10 * k]))
print(repr(index.similarity(article(8, NAMES[:40]), article(9, NAMES[5:60]))))
"""


def test_similarity_is_the_same_in_every_process() -> None:
    # string hashing differs between processes; the entity keys' order must not follow it
    # (it set the order norms were summed in, and with it the last bit of a similarity)
    found = set()
    for seed in range(6):
        env = {**os.environ, "PYTHONHASHSEED": str(seed)}
        run = subprocess.run(
            [sys.executable, "-c", _SIMILARITY_IN_A_PROCESS],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        )
        found.add(run.stdout.strip())
    assert len(found) == 1
