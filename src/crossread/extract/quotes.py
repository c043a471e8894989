"""Quotes and reported speech with their speakers.

Three kinds (``Quote.kind``):

- ``direct``: text in quotation marks (curly or straight, possibly several sentences, or
  continued over paragraphs the way news does: an unclosed quote whose next paragraph opens
  with a quote mark). ``text`` is the inside of the marks; ``start``/``end`` cover the marks.
- ``indirect``: reported speech without marks: ``X said (that) ...``, ``According to X, ...``,
  ``..., X said.`` The content runs to the end of the sentence (or to the cue clause).
- ``mixed``: reported speech that quotes some words (``Russia has said ties will “expand”``),
  and short quotations of one to three words that follow a speech verb (``to warn of “fire and
  fury”``).

Scare quotes (one to three quoted words with no speech verb in the sentence before them, such as
a headline's ``‘expand’``) are skipped: they attribute nothing.

Speakers: a named mention or pronoun next to the cue verb (``..., he said``; ``said Kim``;
``X told reporters``; ``X added``). Pronouns resolve to the nearest preceding PERSON in the
article (named, or a description that refers to a named person); partial names resolve to the
full name. ``speaker`` is the resolved name; ``speaker_start``/``speaker_end`` mark the words
in the text (the pronoun itself for ``he``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache
from importlib import resources

from crossread.models import Mention, Quote, Sentence

_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
_SHORT = 3  # words: quotes this short are scare quotes unless a speech verb introduces them
_NP = r"(?:[A-Z][\w.’'\-]*|the|The|a|A|an|An|of|and|for|[a-z][\w’'\-]*)"


@cache
def _cues() -> tuple[frozenset[str], str]:
    text = resources.files("crossread.extract.data").joinpath("speech_verbs.txt").read_text()
    forms: set[str] = set()
    for line in text.splitlines():
        if line and not line.startswith("#"):
            forms.update(f for f in line.split("\t")[1].split("|") if f)
    alternation = "|".join(sorted((re.escape(f) for f in forms), key=len, reverse=True))
    return frozenset(forms), alternation


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    _, cue = _cues()
    aux = r"(?:(?:has|have|had|was|were|is|are|will|would|also|later|then|previously|again)\s+)*"
    speaker = r"(?P<speaker>(?:[A-Z][\w.’'\-]*|he|she|they|it|we|I)(?:\s+(?:[A-Z][\w.’'\-]*|of|the|and|de|bin|al))*)"
    return {
        # after a quote: ', he said', ', said Kim', ', Kim told reporters'
        "after_speaker_cue": re.compile(rf"^\s*[,:]?\s*[”\"]?\s*{speaker}\s+{aux}(?P<cue>{cue})\b"),
        "after_cue_speaker": re.compile(rf"^\s*[,:]?\s*(?P<cue>{cue})\s+{speaker}"),
        # before a quote: 'Kim said: “...', 'he added, “...'
        "before": re.compile(
            rf"{speaker}\s+{aux}(?P<cue>{cue})(?:\s+(?:reporters|journalists|[A-Z]\w+|him|her|them|us))?\s*[,:]?\s*$"
        ),
        "according": re.compile(rf"\b(?P<cue>[Aa]ccording to)\s+{speaker}"),
        # reported speech: 'X said (that) ...'
        "reported": re.compile(
            rf"(?P<speaker>(?:{_NP}\s+){{0,6}}?(?:[A-Z][\w.’'\-]*|he|she|they|it|we|I|officials|police|analysts|experts))\s+{aux}(?P<cue>{cue})(?:\s+(?:reporters|journalists|[A-Z]\w+|him|her|them|us))?\s+(?:that\s+)?"
        ),
    }


_DIRECT = re.compile(r"“[^“”]+”|\"[^\"\n]+\"|(?<![\w’'])‘[^‘’\n]+’(?![\w])")
_UNCLOSED = re.compile(r"“[^“”\n]+$", re.MULTILINE)


def find_quotes(
    text: str, sentences: tuple[Sentence, ...], mentions: tuple[Mention, ...]
) -> tuple[Quote, ...]:
    """Direct quotes and reported speech in ``text`` with speakers, in text order.

    Args:
        text: the article text.
        sentences: its sentences (from ``split_sentences``).
        mentions: its entity mentions (from ``find_mentions``), used to name speakers.
    """
    starts = [s.start for s in sentences]
    persons = [m for m in mentions if m.kind == "PERSON" and (not m.nominal or m.refers_to)]
    full_names = {m.key: m.text for m in mentions if m.kind == "PERSON" and not m.nominal}
    quotes: list[Quote] = []
    covered: list[tuple[int, int]] = []
    for start, end in _direct_spans(text):
        quote = _direct(text, start, end, sentences, starts, mentions, persons, full_names)
        if quote is not None:
            quotes.append(quote)
            covered.append((start, end))
    for sentence in sentences:
        quote = _reported(text, sentence, mentions, persons, full_names, covered)
        if quote is not None:
            quotes.append(quote)
    quotes.sort(key=lambda q: q.start)
    return tuple(quotes)


def _direct_spans(text: str) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in _DIRECT.finditer(text)]
    for match in _UNCLOSED.finditer(text):
        # a quote running on over paragraphs: closed in a following paragraph that opens with “
        end = match.end()
        follow = re.match(r"\n+“[^“”]*(?:”|$)", text[end:], re.MULTILINE)
        if follow and not any(s <= match.start() < e for s, e in spans):
            spans.append((match.start(), end + follow.end()))
    spans.sort()
    return spans


def _sentence_index(starts: list[int], pos: int) -> int:
    return max(0, bisect_right(starts, pos) - 1)


def _direct(text, start, end, sentences, starts, mentions, persons, full_names) -> Quote | None:
    inner = text[start + 1 : end - 1].strip()
    if not inner:
        return None
    index = _sentence_index(starts, start)
    sentence = sentences[index] if sentences else None
    sent_start = sentence.start if sentence else 0
    sent_end = sentences[_sentence_index(starts, end - 1)].end if sentences else len(text)
    patterns = _patterns()
    after = text[end : min(len(text), end + 120, sent_end + 60)]
    before = text[max(sent_start, start - 120) : start]
    found = None
    for name in ("after_speaker_cue", "after_cue_speaker"):
        m = patterns[name].match(after)
        if m:
            found = (end + m.start("speaker"), end + m.end("speaker"), m.group("cue"))
            break
    if found is None:
        m = patterns["before"].search(before)
        if m:
            offset = max(sent_start, start - 120)
            found = (offset + m.start("speaker"), offset + m.end("speaker"), m.group("cue"))
    if found is None:
        m = patterns["according"].search(text, sent_start, start) or patterns["according"].match(
            after.lstrip(", ")
        )
        if m and m.pos == sent_start:
            found = (m.start("speaker"), m.end("speaker"), m.group("cue"))
    words = len(inner.split())
    kind = "direct"
    if words <= _SHORT:
        cue_before = _cue_before(text, sent_start, start)
        if cue_before is None and found is None:
            return None  # scare quotes
        kind = "mixed"
        if found is None and cue_before is not None:
            found = _subject_before(text, sent_start, cue_before, mentions)
    speaker = speaker_start = speaker_end = cue = None
    if found is not None:
        speaker_start, speaker_end, cue = found
        speaker = _resolve_speaker(text, speaker_start, speaker_end, mentions, persons, full_names)
    return Quote(
        text=inner,
        start=start,
        end=end,
        speaker=speaker,
        speaker_start=speaker_start,
        speaker_end=speaker_end,
        cue=cue,
        kind=kind,  # type: ignore[arg-type]
        sentence=sentences[index].index if sentences else -1,
    )


def _cue_before(text: str, sent_start: int, start: int) -> tuple[int, int, str] | None:
    """The last speech verb in the sentence before ``start`` (within a few words)."""
    forms, cue = _cues()
    window_start = max(sent_start, start - 60)
    last = None
    for m in re.finditer(
        rf"\b(?:{cue}|warn of|called it|described as|calling it)\b", text[window_start:start]
    ):
        last = m
    if last is None:
        return None
    return window_start + last.start(), window_start + last.end(), last.group()


def _subject_before(text, sent_start, cue, mentions) -> tuple[int, int, str] | None:
    """The nearest named PERSON or ORG before a cue verb in the same sentence."""
    cue_start, _, cue_text = cue
    best = None
    for m in mentions:
        if (
            sent_start <= m.start
            and m.end <= cue_start
            and m.kind in ("PERSON", "ORG")
            and not m.nominal
        ):
            best = m
    if best is None:
        return None
    return best.start, best.end, cue_text.split()[0]


def _resolve_speaker(text, start, end, mentions, persons, full_names) -> str:
    surface = text[start:end]
    if surface.lower() in _PRONOUNS:
        if surface.lower() in ("he", "she"):
            before = [m for m in persons if m.end <= start]
            if before:
                return _full_name(before[-1], full_names)
        return surface
    for m in mentions:
        if m.start <= start < m.end or start <= m.start < end:
            if not m.nominal and m.kind in ("PERSON", "ORG"):
                return _full_name(m, full_names)
    return surface


def _full_name(mention: Mention, full_names: dict[str, str]) -> str:
    if mention.refers_to and mention.refers_to in full_names:
        return full_names[mention.refers_to]
    return mention.text


def _reported(text, sentence, mentions, persons, full_names, covered) -> Quote | None:
    """``X said (that) ...``, ``According to X, ...`` and ``..., X said.`` in one sentence."""
    s, e = sentence.start, sentence.end
    if any(cs <= s and e <= ce for cs, ce in covered):
        return None
    patterns = _patterns()
    body = text[s:e]
    content_end = e - (1 if body[-1:] in ".!?" else 0)
    # 1. "According to X, CONTENT"
    m = patterns["according"].search(body)
    if m and m.start() == 0:
        comma = body.find(",", m.end())
        if comma > 0:
            return _make(
                text,
                sentence,
                s + comma + 1,
                content_end,
                m,
                s,
                mentions,
                persons,
                full_names,
                covered,
            )
    # 2. "CONTENT, X said." at the end of the sentence
    m = re.search(
        r",\s*(?P<speaker>[^,]{1,60}?)\s+(?P<cue>" + _cues()[1] + r")(?P<tail>[^,]{0,40})[.!?]?$",
        body,
    )
    if m and m.start() > 20 and not _has_clause_verb(m.group("tail")):
        return _make(text, sentence, s, s + m.start(), m, s, mentions, persons, full_names, covered)
    # 3. "X said (that) CONTENT"
    m = patterns["reported"].search(body)
    if m and m.end() < len(body) - 10 and m.start() < 80:
        return _make(
            text, sentence, s + m.end(), content_end, m, s, mentions, persons, full_names, covered
        )
    return None


def _has_clause_verb(tail: str) -> bool:
    return bool(re.search(r"\b(?:that|to|if|whether)\b", tail))


def _make(
    text, sentence, start, end, match, offset, mentions, persons, full_names, covered
) -> Quote | None:
    while start < end and text[start] in " ,:":
        start += 1
    while end > start and text[end - 1] in " ,":
        end -= 1
    if end - start < 10:
        return None
    content = text[start:end]
    kind = "mixed" if any(start <= cs < end for cs, _ in covered) or "“" in content else "indirect"
    sp_start, sp_end = offset + match.start("speaker"), offset + match.end("speaker")
    speaker = _resolve_speaker(text, sp_start, sp_end, mentions, persons, full_names)
    return Quote(
        text=content,
        start=start,
        end=end,
        speaker=speaker,
        speaker_start=sp_start,
        speaker_end=sp_end,
        cue=match.group("cue"),
        kind=kind,  # type: ignore[arg-type]
        sentence=sentence.index,
    )
