"""A synthetic news stream built from real development texts, with gold stories.

Source stories are the real ones of the research data (ECB+ events, BASIL triplets, PolNeAR
articles as one-article stories), read at run time from ``../shared/data`` and never written
anywhere. Synthetic story ``k`` is a *variant* of source story ``k mod S``: a different
real-world event of the same kind (a second earthquake, another council vote). Variant 0 is
the source itself; a later variant renames every rarer name consistently, shifts its numbers
and replaces most words that are rare in the source corpus (event-specific: places, objects,
details) by variant-specific pseudo-words, while words common across the corpus (the kind's
vocabulary: "earthquake", "magnitude", "killed") and recurring public names ("Clinton",
"Washington": in at least ``KIND_DF`` source articles) stay, as they do from one real event to
the next. (Renaming those too gave every PolNeAR article of one cycle on one topic the same
fresh pseudo-names, rare and so heavily weighted at first: they merged into large false
stories, pair precision 0.77 at 20k and 0.39 at 100k.) How many rare words change
(``VARIANT_SWAP``) is set so that two variants of one source score about as similar as two
different same-kind events of ECB+ do (``bench/stream_separation.py`` measures both).

Each synthetic article takes a source article of its story, keeps or moves the lead,
reshuffles and drops sentences and drops words, then gets an outlet and a publication date a
few days (at most 3) from its story's start. Stories open round-robin over the shuffled
sources, so two variants of one source are ``S x mean story size / per_day`` days apart: with
the 1,044 sources, about 15 days at 250 articles a day, under a day at 5,000 a day (a stress
setting: same-kind events far closer in time than in real news).

    from bench.stream import load_sources, generate
    for doc, gold in generate(load_sources(data_dir), n=10_000, seed=0): ...
"""

from __future__ import annotations

import datetime as dt
import random
import re
import tarfile
import tempfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from crossread.eval.basil import read_basil
from crossread.eval.ecbplus_docs import read_ecbplus_docs
from crossread.eval.polnear_docs import read_polnear_docs
from crossread.models import RawDocument

SHARED_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
OUTLETS = tuple(
    f"{a} {b}"
    for a in ("Northern", "Capital", "Harbour", "Valley", "Metro", "Coastal", "Union", "Daily")
    for b in ("Courier", "Ledger", "Wire", "Post", "Herald", "Star")
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])|\n+")
_NAME = re.compile(r"\b[A-Z][a-z]{2,}\b")
_LOWER_WORD = re.compile(r"\b[a-z]{5,}\b")
_NUMBER = re.compile(r"\b\d+(?:\.\d+)?\b")
_SYLLABLES = tuple(c + v for c in "bdfgklmnprstvz" for v in "aeiou")
VARIANT_SWAP = 0.9
"""Share of a variant's rare (event-specific) longer words replaced by pseudo-words."""
KIND_DF = 100
"""A word in at least this many source articles (in lower case) is kind vocabulary: kept."""
DEFAULT_PER_DAY = 250
"""Articles a day: with 1,044 sources, two variants of one source are ~15 days apart."""
_COMMON = frozenset(
    " ".join(
        (
            "The This That These Those There Then When While After Before But And Also However",
            "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March",
            "April May June July August September October November December He She They It",
            "We In On At For From With As If An Mr Mrs Ms Dr",
        )
    ).split()
)


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceArticle:
    title: str
    sentences: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceStory:
    name: str
    articles: tuple[SourceArticle, ...]
    kind_words: frozenset[str] = frozenset()
    """Words common across the source corpus (shared by all stories): variants keep them.
    Lower-case words (the kind's vocabulary) and capitalised names found in at least
    ``KIND_DF`` source articles (recurring public figures and places: "Clinton",
    "Washington"), which stay the same from one event to the next as in real news."""


def _extract_shared(tmp: Path) -> Path:
    for name in ("ecbplus", "basil", "polnear"):
        for tarball in sorted((SHARED_DATA / name).glob("*.tar.gz")):
            with tarfile.open(tarball) as tar:
                tar.extractall(tmp / name, filter="data")
    return tmp


def load_sources(data_dir: Path | None = None) -> list[SourceStory]:
    """Real stories from ECB+, BASIL and PolNeAR under ``data_dir`` (default: ../shared/data).

    ``data_dir`` holds the extracted corpora as ``ecbplus/``, ``basil/``, ``polnear/``.
    """
    if data_dir is None:
        with tempfile.TemporaryDirectory() as tmp:
            return load_sources(_extract_shared(Path(tmp)))
    groups: dict[str, list[SourceArticle]] = {}
    readers = (
        (read_ecbplus_docs, data_dir / "ecbplus"),
        (read_basil, data_dir / "basil"),
        (read_polnear_docs, data_dir / "polnear"),
    )
    for reader, folder in readers:
        for item in reader(folder):
            sentences = tuple(s for s in _SENTENCE.split(item.article.text) if s.strip())
            groups.setdefault(item.gold, []).append(
                SourceArticle(title=item.article.title, sentences=sentences)
            )
    kind = recurring_words(a for v in groups.values() for a in v)
    return [
        SourceStory(name=k, articles=tuple(v), kind_words=kind) for k, v in sorted(groups.items())
    ]


def recurring_words(articles: Iterable[SourceArticle], min_df: int = KIND_DF) -> frozenset[str]:
    """Words that variants keep: lower-case words (the kind's vocabulary: "police",
    "earthquake") and capitalised names (recurring public figures and places: "Clinton",
    "Washington") found in at least ``min_df`` of ``articles``."""
    df: dict[str, int] = {}
    for article in articles:
        text = " ".join(article.sentences)
        for word in set(_LOWER_WORD.findall(text)) | set(_NAME.findall(text)):
            df[word] = df.get(word, 0) + 1
    return frozenset(w for w, c in df.items() if c >= min_df)


def _pseudo_name(word: str, variant: int) -> str:
    h = zlib.crc32(f"{word}/{variant}".encode())
    parts: list[str] = []
    for _ in range(3 + (h & 1)):
        h //= 2 if not parts else len(_SYLLABLES)
        parts.append(_SYLLABLES[h % len(_SYLLABLES)])
    return "".join(parts).capitalize()


def _swap_word(word: str, variant: int, kind_words: frozenset[str]) -> str:
    # the kind's vocabulary stays; most event-specific words change, the same way in every
    # article of the variant
    if word in kind_words:
        return word
    if zlib.crc32(f"{word}|{variant}".encode()) % 1000 >= VARIANT_SWAP * 1000:
        return word
    return _pseudo_name(word, variant).lower()


def _rename_name(name: str, variant: int, kind_words: frozenset[str]) -> str:
    if name in _COMMON or name in kind_words or name.lower() in kind_words:
        # a common word opening a sentence, or a recurring public name: kept
        return name
    return _pseudo_name(name, variant)


def _rename(text: str, variant: int, kind_words: frozenset[str] = frozenset()) -> str:
    if variant == 0:
        return text
    text = _NAME.sub(lambda m: _rename_name(m.group(0), variant, kind_words), text)
    text = _LOWER_WORD.sub(lambda m: _swap_word(m.group(0), variant, kind_words), text)
    return _NUMBER.sub(lambda m: str(int(float(m.group(0))) + variant % 7 + 1), text)


def _story_size(rng: random.Random) -> int:
    roll = rng.random()
    if roll < 0.5:
        return 1
    if roll < 0.85:
        return rng.randint(2, 5)
    return rng.randint(6, 20)


def _article(rng: random.Random, story: SourceStory, variant: int, index: int) -> tuple[str, str]:
    source = story.articles[index % len(story.articles)]
    sentences = list(source.sentences) or [source.title]
    lead, rest = sentences[0], sentences[1:]
    rng.shuffle(rest)
    kept = [s for s in rest if rng.random() > 0.2]
    body = [lead, *kept] if rng.random() < 0.6 else [*kept[:2], lead, *kept[2:]]
    perturbed = []
    for sentence in body:
        words = sentence.split()
        if len(words) > 6 and rng.random() < 0.3:
            del words[rng.randrange(len(words))]
        perturbed.append(" ".join(words))
    kind = story.kind_words
    return _rename(source.title, variant, kind), _rename(" ".join(perturbed), variant, kind)


def generate(
    sources: list[SourceStory],
    n: int,
    *,
    seed: int = 0,
    per_day: int = DEFAULT_PER_DAY,
    start: dt.date = dt.date(2024, 1, 1),
) -> Iterator[tuple[RawDocument, str]]:
    """Yield ``n`` documents in publication order, each with its gold story name.

    Memory stays flat: only the articles of the next few days are held.
    """
    rng = random.Random(seed)
    order = list(range(len(sources)))
    rng.shuffle(order)
    pending: dict[int, list[tuple[RawDocument, str]]] = {}
    emitted = made = story_no = 0
    day = 0
    while emitted < n:
        # open stories starting today until the day's budget is planned
        planned = 0
        while planned < per_day and made < n:
            source = sources[order[story_no % len(order)]]
            variant = story_no // len(order)
            gold = f"{source.name}#{variant}"
            size = min(_story_size(rng), n - made)
            for i in range(size):
                offset = 0 if i == 0 else min(3, int(rng.expovariate(1.0)))
                title, text = _article(rng, source, variant, i)
                published = start + dt.timedelta(days=day + offset)
                doc = RawDocument(
                    source=f"bench://{made}",
                    fmt="text",
                    text=f"{title}\n\n{text}",
                    title=title,
                    outlet=rng.choice(OUTLETS),
                    published=published.isoformat(),
                )
                pending.setdefault(day + offset, []).append((doc, gold))
                made += 1
            planned += size
            story_no += 1
        for doc_gold in pending.pop(day, []):
            if emitted >= n:
                break
            yield doc_gold
            emitted += 1
        day += 1
        if made >= n and not pending:
            break
