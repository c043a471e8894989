"""Claims: the clause-level units that compare aligns across articles.

A sentence can carry more than one fact ("X said A, adding B"; "A; B"; "A, and B"), so each
sentence is cut into clauses. Each claim keeps its article, sentence and character offsets into
``Article.text``, the normalised content words it asserts, the names it involves, its numbers
and resolved times, who it is attributed to, and whether it is negated.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from crossread.compare.events import find_events
from crossread.compare.words import WORD_RE, data_lines, is_stopword, normalize, word_set
from crossread.models import Article, NumberRef, Sentence, TimeRef

# Where a sentence splits into two claims. The right-hand side starts a new claim.
_CLAUSE_BREAKS = re.compile(
    r";\s+|\s+[–—]\s+"
    r"|,\s+(?!(?:according|including|following|during|regarding|concerning|excluding)\b)"
    r"(?=[a-z]+ing\s)"
    r"|,\s+(?=adding\b|while\b|whereas\b|but\b|after\b|because\b)"
    r"|\s+(?=when\s+(?:it|he|she|they|the)\b)"
    r"|\s+and\s+(?=added\b|said\b)"
    r"|,\s+and\s+(?=(?:the|a|an|its|his|her|their|he|she|it|they|we|i|[A-Z])\b)"
)
_MIN_CLAUSE_WORDS = 5
_TITLE_CASE = 0.6
"""Share of capitalised content words from which a sentence reads as a title-case headline."""
_SOURCE_CUT = re.compile(r"\s+(?:to|of|in|at|for|from|via|on|with)\s+|,")
_SOURCE_SKIP = frozenset(
    [
        "also",
        "previously",
        "earlier",
        "later",
        "again",
        "reportedly",
        "has",
        "had",
        "have",
        "had",
        "then",
        "now",
        "the",
        "a",
        "an",
        "its",
        "his",
        "her",
        "their",
        "this",
        "that",
        "these",
        "those",
    ]
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    """Who a claim is attributed to: the phrase as written and its comparable head."""

    text: str
    head: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim:
    """One clause of one article's sentence, ready to compare."""

    article: str
    outlet: str
    sentence: int
    sentence_text: str
    sentence_start: int
    sentence_end: int
    start: int
    end: int
    text: str
    words: tuple[str, ...]
    """Normalised content words, names excluded, in order."""
    names: frozenset[str]
    numbers: tuple[NumberRef, ...] = ()
    times: tuple[TimeRef, ...] = ()
    sources: tuple[Source, ...] = ()
    negated: bool = False
    events: frozenset[str] = frozenset()
    """Normalised event words (verbs by their shape): what the claim says happened."""
    objects: frozenset[str] = frozenset()
    """What the events act on: the first content word after each event word."""


@cache
def _source_groups() -> dict[str, str]:
    groups: dict[str, str] = {}
    for line in data_lines("source_heads.txt"):
        words = line.lower().split()
        for w in words:
            groups.setdefault(w, words[0])
    return groups


def source_head(phrase: str) -> str:
    """The comparable head of a source phrase (``Russia's ambassador to Pyongyang`` -> ambassador).

    Heads that name the same kind of source (``media``, ``agency``, ``news``) share a group.
    """
    groups = _source_groups()
    core = _SOURCE_CUT.split(phrase.strip(), maxsplit=1)[0]
    words = [w for w in WORD_RE.findall(core) if w.lower() not in _SOURCE_SKIP]
    if not words:
        return ""
    head = words[-1].lower().replace("’", "'")
    head = head[:-2] if head.endswith("'s") else head
    return groups.get(head, groups.get(normalize(head), head))


_REPORTING = "|".join(sorted(word_set("reporting.txt"), key=len, reverse=True))
_SOURCE_BEFORE_VERB = re.compile(
    rf"(?:^|[,;:“\"]\s*|\bthat\s+)((?:[A-Z][\w’'.-]*|the|a|an|its|his|her|their|of|to|in|for)"
    rf"(?:\s+[\w’'.-]+){{0,7}}?)\s+(?:also\s+|has\s+|had\s+|have\s+|previously\s+)?"
    rf"(?:{_REPORTING})\b"
)
_ACCORDING_TO = re.compile(r"\baccording to\s+([^,.;]+)", re.IGNORECASE)


def find_sources(sentence: str, speakers: Sequence[str] = ()) -> tuple[Source, ...]:
    """Who a sentence attributes its content to: ``X said``, ``according to X``, quote speakers."""
    phrases: list[str] = list(speakers)
    phrases += [m.group(1) for m in _ACCORDING_TO.finditer(sentence)]
    for match in _SOURCE_BEFORE_VERB.finditer(sentence):
        phrase = match.group(1)
        if phrase.split()[0].lower() in {"it", "this", "that", "which", "who"}:
            continue
        phrases.append(phrase)
    sources: list[Source] = []
    # speakers before relays: "the ambassador said ..., NK News reported"
    phrases.sort(key=lambda p: source_head(p) == "media")
    for phrase in phrases:
        head = source_head(phrase)
        if head and head != "-" and head not in {s.head for s in sources}:
            sources.append(Source(text=phrase.strip(), head=head))
    return tuple(sources)


def is_negated(text: str) -> bool:
    """True when a clause contains a negation or denial cue."""
    cues = word_set("negation.txt")
    lowered = text.lower().replace("’", "'")
    if "n't" in lowered and "n't" in cues:
        return True
    return any(w in cues for w in re.findall(r"[a-z]+", lowered))


def split_clauses(sentence: Sentence) -> list[tuple[int, int]]:
    """Character spans (into the article text) of the clauses of one sentence."""
    text = sentence.text
    spans: list[tuple[int, int]] = []
    begin = 0
    for match in _CLAUSE_BREAKS.finditer(text):
        left = text[begin : match.start()]
        right = text[match.end() :]
        if len(WORD_RE.findall(left)) >= _MIN_CLAUSE_WORDS and (
            len(WORD_RE.findall(right)) >= _MIN_CLAUSE_WORDS
        ):
            spans.append((begin, match.start()))
            begin = match.end()
    spans.append((begin, len(text.rstrip())))
    return [
        (sentence.start + a, sentence.start + a + len(text[a:b].rstrip(" ;,"))) for a, b in spans
    ]


def _name_spans(article: Article, sentence: Sentence) -> list[tuple[int, int, str]]:
    """Spans and keys of the names in a sentence (from mentions, or capitalisation without)."""
    if article.mentions:
        spans = []
        for m in article.mentions:
            if sentence.start <= m.start < sentence.end:
                spans.append((m.start, m.end, m.refers_to or m.key))
        return spans
    spans = []
    matches = list(WORD_RE.finditer(sentence.text))
    words = [m.group() for m in matches if not is_stopword(m.group())]
    if words and sum(w[0].isupper() for w in words) > _TITLE_CASE * len(words):
        return []  # a headline in title case: capitals say nothing about names
    for i, match in enumerate(matches):
        word = match.group()
        # the first word is capitalised anyway: a name only when a capitalised word follows
        first = i == 0 and not (len(matches) > 1 and matches[1].group()[0].isupper())
        if not first and word[0].isupper() and not is_stopword(word):
            start = sentence.start + match.start()
            spans.append((start, start + len(word), word.lower()))
    return spans


def article_claims(article: Article) -> list[Claim]:
    """Every claim of an extracted article, in reading order."""
    outlet = article.label
    claims: list[Claim] = []
    for sentence in article.sentences:
        names = _name_spans(article, sentence)
        # an intention's "speaker" is its actor ("the carmaker pledged to expand ties"), no
        # source the claim is attributed to: outlets naming the actor differently do not
        # attribute the claim differently
        speakers = [
            q.speaker
            for q in article.quotes
            if q.sentence == sentence.index and q.speaker and not q.text.startswith("to ")
        ]
        sources = find_sources(sentence.text, speakers)
        for start, end in split_clauses(sentence):
            text = article.text[start:end]
            inside = [n for n in names if start <= n[0] < end]
            words = []
            for match in WORD_RE.finditer(text):
                pos = start + match.start()
                if any(s <= pos < e for s, e, _ in inside) or is_stopword(match.group()):
                    continue
                words.append(normalize(match.group()))
            events = find_events(text, [(s - start, e - start) for s, e, _ in inside])
            claims.append(
                Claim(
                    article=article.id,
                    outlet=outlet,
                    sentence=sentence.index,
                    sentence_text=sentence.text,
                    sentence_start=sentence.start,
                    sentence_end=sentence.end,
                    start=start,
                    end=end,
                    text=text,
                    words=tuple(words),
                    names=frozenset(key for _, _, key in inside),
                    numbers=tuple(n for n in article.numbers if start <= n.start < end),
                    times=tuple(t for t in article.times if start <= t.start < end),
                    sources=sources,
                    negated=is_negated(text),
                    events=events.words,
                    objects=events.objects,
                )
            )
    return claims
