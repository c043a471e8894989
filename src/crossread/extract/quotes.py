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
from dataclasses import dataclass
from functools import cache
from importlib import resources

from crossread.models import Mention, Quote, QuoteKind, Sentence

_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
_PERSONAL = frozenset({"he", "she"})
_SHORT = 3  # words: quotes this short are scare quotes unless a speech verb introduces them
_AUX = frozenset(
    [
        "has",
        "have",
        "had",
        "also",
        "later",
        "then",
        "previously",
        "again",
        "would",
        "will",
        "could",
        "may",
        "might",
        "did",
        "does",
        "do",
        "was",
        "were",
        "is",
        "are",
        "repeatedly",
        "recently",
        "once",
        "often",
        "frequently",
        "publicly",
        "privately",
        "reportedly",
        "never",
        "not",
        "just",
        "already",
        "still",
        "first",
        "last",
        "has-been",
    ]
)
_BOUNDARY = frozenset(
    [
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "when",
        "and",
        "but",
        "because",
        "as",
        "if",
        "while",
        "where",
        "after",
        "before",
        "since",
        "although",
        "though",
        "so",
        "or",
        "than",
        "whether",
    ]
)
_DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "your",
        "this",
        "that",
        "these",
        "those",
        "some",
        "many",
        "several",
        "most",
        "two",
        "three",
        "four",
        "other",
        "another",
        "one",
        "both",
        "all",
    ]
)
_OBJECTS = re.compile(
    r"\s+(?:reporters|journalists|him|her|them|us|me|you|the\s+\w+(?:\s+\w+)?|"
    r"[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,3})(?=[\s,:])"
)
_ADVERBIALS = re.compile(
    r"\s*(?:,\s*)?(?:on\s+[A-Z]\w+|last\s+\w+|this\s+\w+|yesterday|today|earlier|later|"
    r"in\s+an?\s+(?:interview|statement|email|letter|speech|tweet|post|op-ed|essay)"
    r"(?:\s+(?:with|to|on|in)\s+[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*)*)?)"
)
_WORD_END = re.compile(r"([\w.’'\-]+)\s*$")
_DIRECT = re.compile(r"“[^“”]+”|\"[^\"\n]+\"|(?<![\w’'])‘[^‘’\n]+’(?!\w)")
_UNCLOSED = re.compile(r"“[^“”\n]+$", re.MULTILINE)
_NOT_CLAUSE = re.compile(
    r"\s+(?:to|for|of|in|on|at|by|with|about|during|after|before|while|when|as|from|if|"
    r"because|since|until|last|this|earlier|later|so|and|but|or|nothing|anything|something|"
    r"much|more|little|yes|no)\b"
)
# cues that can come before their speaker ("said Kim"); "warned Seoul" names an addressee
_INVERTIBLE = frozenset(
    [
        "said",
        "says",
        "added",
        "adds",
        "wrote",
        "writes",
        "asked",
        "asks",
        "explained",
        "noted",
        "recalled",
        "replied",
        "insisted",
        "argued",
        "continued",
        "concluded",
        "declared",
    ]
)
_FORBIDDEN = re.compile(r"[;:!?“”\"\n]")
_ABBREVIATION = re.compile(r"\(?(?:[A-Z][a-z]{0,3}|[A-Z])\.|(?:[A-Za-z]\.){2,}")
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+")


@dataclass(frozen=True, slots=True, kw_only=True)
class _Cue:
    lemma: str
    needs_that: bool


@cache
def _cues() -> dict[str, _Cue]:
    text = resources.files("crossread.extract.data").joinpath("speech_verbs.txt").read_text()
    cues: dict[str, _Cue] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        needs_that = len(parts) > 2 and parts[2].strip() == "that"
        for form in parts[1].split("|"):
            if form:
                cues[form] = _Cue(lemma=parts[0], needs_that=needs_that)
    return cues


@cache
def _cue_pattern() -> re.Pattern[str]:
    forms = sorted(_cues(), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(f) for f in forms) + r")\b")


@cache
def _speaker_nouns() -> frozenset[str]:
    text = resources.files("crossread.extract.data").joinpath("speakers.txt").read_text()
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and w[0] != "#")


@dataclass(slots=True)
class _Context:
    text: str
    sentences: tuple[Sentence, ...]
    starts: list[int]
    mentions: tuple[Mention, ...]
    by_end: dict[int, Mention]
    by_start: dict[int, Mention]
    persons: list[Mention]
    full_names: dict[str, str]

    def sentence_at(self, pos: int) -> Sentence | None:
        i = bisect_right(self.starts, pos) - 1
        return self.sentences[i] if i >= 0 else None


def find_quotes(
    text: str, sentences: tuple[Sentence, ...], mentions: tuple[Mention, ...]
) -> tuple[Quote, ...]:
    """Direct quotes and reported speech in ``text`` with speakers, in text order.

    Args:
        text: the article text.
        sentences: its sentences (from ``split_sentences``).
        mentions: its entity mentions (from ``find_mentions``), used to name speakers.
    """
    named = [m for m in mentions if not m.nominal or m.refers_to]
    ctx = _Context(
        text=text,
        sentences=sentences,
        starts=[s.start for s in sentences],
        mentions=mentions,
        by_end={m.end: m for m in sorted(named, key=lambda m: m.start, reverse=True)},
        by_start={m.start: m for m in sorted(named, key=lambda m: m.end)},
        persons=[m for m in mentions if m.kind == "PERSON" and (not m.nominal or m.refers_to)],
        full_names={m.key: m.text for m in mentions if m.kind == "PERSON" and not m.nominal},
    )
    quotes: list[Quote] = []
    for start, end in _direct_spans(text):
        quote = _direct(ctx, start, end)
        if quote is not None:
            quotes.append(quote)
    quotes = _merge_continued(text, quotes)
    direct = [(q.start, q.end) for q in quotes]
    for sentence in sentences:
        quote = _reported(ctx, sentence, direct)
        if quote is not None:
            quotes.append(quote)
    # quoted words inside reported speech are part of it ("will “expand”"), not quotes of their own
    reported = [(q.start, q.end) for q in quotes if q.kind != "direct" and q.speaker]
    quotes = [
        q
        for q in quotes
        if not (
            (len(q.text.split()) <= _SHORT or q.speaker is None)
            and any(s <= q.start and q.end <= e and (s, e) != (q.start, q.end) for s, e in reported)
        )
    ]
    quotes.sort(key=lambda q: q.start)
    return tuple(quotes)


def _merge_continued(text: str, quotes: list[Quote]) -> list[Quote]:
    """Join a quote that goes on after its attribution: ``“A,” he said. “B.”`` is one quote."""
    out: list[Quote] = []
    for quote in quotes:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == "direct"
            and quote.kind == "direct"
            and prev.speaker_start is not None
            and prev.speaker_start >= prev.end
            and quote.speaker_start is None
            and quote.start - prev.end <= 200
            and not any(ch in '“”"' for ch in text[prev.end : quote.start])
            and "\n" not in text[prev.end : quote.start]
        ):
            out[-1] = Quote(
                text=f"{prev.text} {quote.text}",
                start=prev.start,
                end=quote.end,
                speaker=prev.speaker,
                speaker_start=prev.speaker_start,
                speaker_end=prev.speaker_end,
                cue=prev.cue,
                kind="direct",
                sentence=prev.sentence,
            )
            continue
        out.append(quote)
    return out


def _direct_spans(text: str) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in _DIRECT.finditer(text)]
    for match in _UNCLOSED.finditer(text):
        # a quote running on over paragraphs: its next paragraph opens with “ again
        end = match.end()
        follow = re.match(r"\n+“[^“”]*(?:”|$)", text[end:], re.MULTILINE)
        if follow and not any(s <= match.start() < e for s, e in spans):
            spans.append((match.start(), end + follow.end()))
    spans.sort()
    return spans


def _direct(ctx: _Context, start: int, end: int) -> Quote | None:
    text = ctx.text
    inner = text[start + 1 : end - 1].strip()
    words = len(inner.split())
    if not inner or not any(ch.isalpha() for ch in inner):
        return None
    sentence = ctx.sentence_at(start)
    last = ctx.sentence_at(end - 1)
    sent_start = sentence.start if sentence else 0
    sent_end = last.end if last else len(text)
    found = _attribution_after(ctx, end, min(len(text), sent_end + 80))
    if found is None:
        found = _attribution_before(ctx, sent_start, start)
    kind: QuoteKind = "direct"
    if words <= _SHORT and found is None:
        cue = _last_cue(text, max(sent_start, start - 50), start)
        if cue is None:
            return None  # scare quotes
        speaker = _subject_of(ctx, sent_start, cue[0])
        if speaker is None:
            return None
        found = (speaker, cue[2])
        kind = "mixed"
    return _quote(ctx, inner, start, end, found, kind, sentence)


def _attribution_after(ctx: _Context, end: int, limit: int) -> tuple[tuple[int, int], str] | None:
    """``”, he said`` / ``,” said Kim`` / ``,” Kim told reporters`` right after a quote."""
    text = ctx.text
    pos = end
    m = re.match(r"\s*[,:]?\s*", text[pos:limit])
    pos += m.end() if m else 0
    if text[end - 2 : end - 1] in ".!?" and not text[pos : pos + 1].islower():
        return None  # the quote closed its sentence: what follows is not its attribution
    # "said Kim" / "added the minister"
    cue = _cue_pattern().match(text, pos)
    if cue and cue.group() in _INVERTIBLE:
        speaker = _speaker_after(ctx, _skip_space(text, cue.end()), limit)
        if speaker is not None:
            return speaker, cue.group()
    # "he said" / "Kim told reporters" / "Tulsa police Chief Chuck Jordan said Monday"
    return _speaker_then_cue(ctx, pos, limit)


def _speaker_then_cue(ctx: _Context, pos: int, limit: int) -> tuple[tuple[int, int], str] | None:
    """A subject phrase starting at ``pos`` followed by a speech verb (within 14 words)."""
    text = ctx.text
    cue = None
    for candidate in _cue_pattern().finditer(text, pos, min(limit, pos + 160)):
        if not _cues()[candidate.group()].needs_that:
            cue = candidate
            break
    if cue is None:
        return None
    segment = text[pos : cue.start()]
    words = segment.split()
    if not words or len(words) > 14 or _FORBIDDEN.search(segment):
        return None
    if any(not _ABBREVIATION.fullmatch(w) for w in words if w.endswith(".")):
        return None
    first = words[0].strip("(")
    if first.lower() in _BOUNDARY:
        return None  # "but the WHO said": a new clause, not the subject of this one
    opener = (
        first[:1].isupper()
        or first.lower() in _DETERMINERS
        or first.lower() in _PRONOUNS
        or (len(words) <= 2 and words[-1].lower() in _speaker_nouns())
    )
    if not opener and not (len(words) <= 8 and any(w[:1].isupper() for w in words)):
        return None  # "retired Air Force general Lloyd Newton said" is fine, "and then said" not
    end = cue.start()
    while True:
        m = _WORD_END.search(text, pos, end)
        if m is None:
            return None
        word = m.group(1)
        if word.lower() in _AUX or (word.islower() and word.endswith("ly") and len(word) > 4):
            end = m.start(1)
            continue
        break
    end = len(text[:end].rstrip(" ,"))
    if end <= pos:
        return None
    return (pos, end), cue.group()


def _attribution_before(
    ctx: _Context, sent_start: int, start: int
) -> tuple[tuple[int, int], str] | None:
    """``Kim said: “...`` / ``he added, “...`` / ``According to X, “...``."""
    text = ctx.text
    window = text[max(sent_start, start - 160) : start]
    offset = start - len(window)
    stripped = window.rstrip(" ,:")
    if len(stripped) < len(window) - 3:
        return None
    for m in _cue_pattern().finditer(stripped):
        rest = re.sub(r"\s+that$", "", stripped[m.end() :])
        obj = _OBJECTS.match(rest + " ")
        if rest.strip() and not (obj and obj.end() >= len(rest.rstrip())):
            adv = _ADVERBIALS.match(rest)
            if not (adv and adv.end() >= len(rest.rstrip())):
                continue
        speaker = _speaker_before(ctx, sent_start, offset + m.start())
        if speaker is not None:
            return speaker, m.group()
    acc = None
    for found in _ACCORDING.finditer(text, sent_start, start):
        acc = found  # the last "according to" before the quote
    if acc is not None:
        speaker = _speaker_after(ctx, acc.end(), start)
        if speaker is not None:
            return speaker, "according to"
    return None


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] == " ":
        pos += 1
    return pos


def _skip_aux(text: str, pos: int, limit: int) -> int:
    while True:
        m = re.match(r"\s+([a-z]+)(?=\s)", text[pos:limit])
        if not m or not (m.group(1) in _AUX or m.group(1).endswith("ly")):
            return _skip_space(text, pos)
        pos += m.end()


def _speaker_after(ctx: _Context, pos: int, limit: int) -> tuple[int, int] | None:
    """A pronoun, a name or a short noun phrase starting at ``pos``."""
    text = ctx.text
    m = re.match(r"(he|she|they|we|I|it|He|She|They|We|It)\b", text[pos:limit])
    if m:
        return pos, pos + m.end()
    mention = ctx.by_start.get(pos)
    if mention is not None:
        end = mention.end
        nxt = ctx.by_start.get(_skip_space(text, end))
        if mention.nominal and nxt is not None:
            end = nxt.end  # "the UN secretary general Antonio Guterres"
        return pos, end
    words = re.match(
        r"(?:(?:the|a|an|his|her|their|its)\s+)?(?:[\w’'\-]+\s+){0,3}?([\w’'\-]+)\b",
        text[pos:limit],
    )
    if words and (words.group(1).lower() in _speaker_nouns() or words.group(1)[:1].isupper()):
        first = words.group(0).split()[0]
        if first[:1].isupper() or first in _DETERMINERS:
            return pos, pos + words.end()
    return None


def _speaker_before(ctx: _Context, lo: int, pos: int) -> tuple[int, int] | None:
    """The subject of a cue verb at ``pos``: walk back over auxiliaries to a pronoun, a name
    (with its title), an appositive (``Kim, a senior official,``) or a short noun phrase."""
    text = ctx.text
    i = pos
    while True:
        m = _WORD_END.search(text, lo, i)
        if not m:
            return None
        word = m.group(1)
        if word.lower() in _AUX or (word.islower() and word.endswith("ly") and len(word) > 4):
            i = m.start(1)
            continue
        break
    end = len(text[:i].rstrip())
    if word.endswith(("’s", "'s")):
        return None  # "Editor's note", "the president's claim"
    if word.lower() in _PRONOUNS and m.end(1) == end:
        return m.start(1), end
    mention = ctx.by_end.get(end) or ctx.by_end.get(
        end - 2 if text[end - 2 : end] in ("’s",) else -1
    )
    if mention is not None and mention.start >= lo:
        start = mention.start
        title = ctx.by_end.get(len(text[:start].rstrip()))
        if title is not None and title.nominal and title.start >= lo:
            start = title.start
        return start, end
    if text[end - 1 : end] == ",":
        # an appositive: "Richard Revesz, director of the institute, said"
        comma = text.rfind(",", lo, end - 1)
        if comma > lo:
            head = ctx.by_end.get(comma)
            if head is not None and end - comma < 120:
                return head.start, end - 1
        return None
    words: list[tuple[int, str]] = []
    j = end
    while len(words) < 6:
        w = _WORD_END.search(text, lo, j)
        if not w or w.end(1) != len(text[:j].rstrip()) or text[w.end(1) : j].strip():
            break
        token = w.group(1)
        if token.lower() in _BOUNDARY:
            break
        words.append((w.start(1), token))
        j = w.start(1)
    if not words:
        return None
    head_word = words[0][1]
    if not (head_word.lower().strip("’'") in _speaker_nouns() or head_word[:1].isupper()):
        return None
    # keep the phrase from its determiner or first capitalised word
    words.reverse()
    for k, (start, token) in enumerate(words):
        if token.lower() in _DETERMINERS or token[:1].isupper():
            return start, end
        if k == len(words) - 1:
            return start, end
    return None


def _last_cue(text: str, lo: int, hi: int) -> tuple[int, int, str] | None:
    last = None
    for m in re.finditer(
        _cue_pattern().pattern + r"|\b(?:warn(?:ed|s)? of|call(?:ed|s)? it|described as)\b",
        text[lo:hi],
    ):
        last = m
    if last is None:
        return None
    return lo + last.start(), lo + last.end(), last.group()


def _subject_of(ctx: _Context, lo: int, cue_start: int) -> tuple[int, int] | None:
    """The nearest named PERSON or ORG before a cue in the same sentence."""
    best = None
    for m in ctx.mentions:
        if lo <= m.start and m.end <= cue_start and m.kind in ("PERSON", "ORG") and not m.nominal:
            best = m
    return (best.start, best.end) if best else None


def _resolve_speaker(ctx: _Context, start: int, end: int) -> str:
    surface = ctx.text[start:end]
    if surface.lower() in _PERSONAL:
        before = [m for m in ctx.persons if m.end <= start]
        return _full_name(ctx, before[-1]) if before else surface
    named = [m for m in ctx.mentions if start <= m.start < end and m.kind in ("PERSON", "ORG")]
    for m in named:
        if not m.nominal:
            return _full_name(ctx, m)
    for m in named:
        if m.refers_to in ctx.full_names:
            return ctx.full_names[m.refers_to]
    return surface


def _full_name(ctx: _Context, mention: Mention) -> str:
    if mention.refers_to and mention.refers_to in ctx.full_names:
        return ctx.full_names[mention.refers_to]
    return mention.text


def _quote(
    ctx: _Context,
    content: str,
    start: int,
    end: int,
    found: tuple[tuple[int, int], str] | None,
    kind: QuoteKind,
    sentence: Sentence | None,
) -> Quote:
    speaker = speaker_start = speaker_end = cue = None
    if found is not None:
        (speaker_start, speaker_end), cue = found
        speaker = _resolve_speaker(ctx, speaker_start, speaker_end)
    return Quote(
        text=content,
        start=start,
        end=end,
        speaker=speaker,
        speaker_start=speaker_start,
        speaker_end=speaker_end,
        cue=cue,
        kind=kind,
        sentence=sentence.index if sentence else -1,
    )


def _reported(ctx: _Context, sentence: Sentence, direct: list[tuple[int, int]]) -> Quote | None:
    """``X said (that) ...``, ``According to X, ...``, ``..., X said.`` in one sentence."""
    s, e = sentence.start, sentence.end
    if any(ds <= s + 1 and e - 1 <= de for ds, de in direct):
        return None  # the whole sentence is a direct quote
    text = ctx.text
    body_end = e - 1 if text[e - 1 : e] in ".!?" else e
    # 1. "According to X, CONTENT" and "CONTENT, according to X."
    acc = _ACCORDING.search(text, s, e)
    if acc is not None:
        speaker = _speaker_after(ctx, acc.end(), e)
        if speaker is not None:
            if acc.start() == s or text[s : acc.start()].strip() == "":
                comma = text.find(",", speaker[1], e)
                if comma > 0:
                    return _span(
                        ctx, sentence, comma + 1, body_end, speaker, "according to", direct
                    )
            elif text[acc.start() - 2 : acc.start()].strip() == ",":
                return _span(ctx, sentence, s, acc.start() - 2, speaker, "according to", direct)
    # 2. "CONTENT, X said." / "CONTENT, said X."
    tail = re.search(r",\s*([^,]{1,80})$", text[s:body_end])
    if tail is not None:
        clause_start = s + tail.start(1)
        found = _attribution_after(ctx, clause_start, body_end)
        if found is not None and tail.start() > 15 and _ends_clause(text, found, body_end):
            return _span(ctx, sentence, s, s + tail.start(), found[0], found[1], direct)
    # 3. "X said (that) CONTENT"
    for cue in _cue_pattern().finditer(text, s, body_end):
        info = _cues()[cue.group()]
        pos = cue.end()
        obj = _OBJECTS.match(text, pos) if info.lemma in ("tell", "ask", "warn", "urge") else None
        if obj is not None:
            pos = obj.end()
        adv = _ADVERBIALS.match(text, pos)
        if adv is not None:
            pos = adv.end()
        that = re.match(r"\s*(?:that\b|:|,)?", text[pos:body_end])
        has_that = bool(that and that.group().strip())
        if info.needs_that and not (that and "that" in that.group()):
            continue
        if not has_that and not re.match(r"\s+[A-Za-z“\"]", text[pos:body_end]):
            continue
        if not has_that and _NOT_CLAUSE.match(text, pos):
            continue  # "called for", "said at a rally", "said when": not a reported clause
        speaker = _speaker_before(ctx, s, cue.start())
        if speaker is None:
            continue
        return _span(
            ctx, sentence, pos + (that.end() if that else 0), body_end, speaker, cue.group(), direct
        )
    return None


def _ends_clause(text: str, found: tuple[tuple[int, int], str], end: int) -> bool:
    """True when the attribution closes the sentence: ``..., X said on Monday.``"""
    (speaker_start, speaker_end), cue = found
    after = max(speaker_end, text.find(cue, speaker_start) + len(cue))
    rest = text[after:end]
    return len(rest.split()) <= 5 and not re.search(r"\bthat\b|[,:]", rest)


def _span(
    ctx: _Context,
    sentence: Sentence,
    start: int,
    end: int,
    speaker: tuple[int, int],
    cue: str,
    direct: list[tuple[int, int]],
) -> Quote | None:
    text = ctx.text
    while start < end and text[start] in " ,:":
        start += 1
    while end > start and text[end - 1] in " ,":
        end -= 1
    content = text[start:end]
    if len(content.split()) < 3:
        return None
    if any(ds <= start and end <= de for ds, de in direct):
        return None  # already a direct quote
    quoted = any(start <= ds < end for ds, _ in direct) or bool(_DIRECT.search(content))
    kind: QuoteKind = "mixed" if quoted else "indirect"
    return _quote(ctx, content, start, end, (speaker, cue), kind, sentence)
