"""Quotes and reported speech with their speakers.

Three kinds (``Quote.kind``):

- ``direct``: text in quotation marks (curly or straight, possibly several sentences, or
  continued over paragraphs the way news does: an unclosed quote whose next paragraph opens
  with a quote mark). ``text`` is the inside of the marks; ``start``/``end`` cover the marks.
- ``indirect``: reported speech without marks: ``X said (that) ...``, ``According to X, ...``,
  ``..., X said.`` The content runs to the end of the sentence (or to the cue clause).
- ``mixed``: reported speech that quotes some words (``Russia has said ties will “expand”``,
  ``Kim told reporters that “...”``: its span starts at ``that``),
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

import dataclasses
import re

from crossread.extract.cues import cues, last_cue, lstrip_start
from crossread.extract.gazetteer import fold, word_set
from crossread.extract.quote_spans import QUOTE_MARKS, after_connective, make_quote
from crossread.extract.reported import reported_speech
from crossread.extract.speaker_names import resolve_speaker, subject_of
from crossread.extract.speakers import attribution_after, attribution_before
from crossread.extract.speech_context import SpeechContext
from crossread.models import Mention, Quote, QuoteKind, Sentence

_LABELS = word_set("colon_labels")
_SOURCES = word_set("colon_sources")
_CARRY = 300  # characters: how far a speaker carries over to an unattributed quote
_SHORT = 3  # words: quotes this short are scare quotes unless a speech verb introduces them
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
    named = [m for m in mentions if not m.nominal or m.refers_to]
    ctx = SpeechContext(
        text=text,
        sentences=sentences,
        starts=[s.start for s in sentences],
        mentions=mentions,
        by_end={m.end: m for m in sorted(named, key=lambda m: m.start, reverse=True)},
        by_start={m.start: m for m in sorted(named, key=lambda m: m.end)},
        persons=[m for m in mentions if m.kind == "PERSON" and (not m.nominal or m.refers_to)],
        full_names={m.key: m.text for m in mentions if m.kind == "PERSON" and not m.nominal},
    )
    ctx.index_cues()
    quotes: list[Quote] = []
    for start, end in _direct_spans(text):
        quote = _direct(ctx, start, end)
        if quote is not None:
            quotes.append(quote)
    quotes = _merge_continued(text, quotes)
    quotes = _colon_turns(ctx, quotes)
    direct = [(q.start, q.end) for q in quotes]
    for sentence in sentences:
        quotes.extend(reported_speech(ctx, sentence, direct))
    # quoted words inside reported speech are part of it ("will “expand”"), not quotes of their own
    reported = [(q.start, q.end) for q in quotes if q.kind != "direct" and q.speaker]
    quotes = [
        q
        for q in quotes
        if not (
            (q.speaker is None or len(q.text.split(None, _SHORT)) <= _SHORT)
            and any(s <= q.start and q.end <= e and (s, e) != (q.start, q.end) for s, e in reported)
        )
    ]
    quotes = [_after_that(text, q) for q in quotes]
    quotes.sort(key=lambda q: q.start)
    return tuple(_carry_speakers(text, quotes))


_THAT_BEFORE = re.compile(r"\bthat\s+\Z")


def _after_that(text: str, quote: Quote) -> Quote:
    """``X told reporters that “...”``: a direct quote its attribution introduces with
    ``that`` is reported speech that quotes words; its span starts at ``that``, as the span of
    reported speech does."""
    if quote.kind != "direct" or quote.speaker_start is None or quote.speaker_start > quote.start:
        return quote
    that = _THAT_BEFORE.search(text, max(0, quote.start - 12), quote.start)
    if that is None:
        return quote
    return dataclasses.replace(quote, start=that.start(), kind="mixed")


_COLON_LINE = re.compile(
    r"^[ \t]*([A-Z][\w.’'\-]*(?:[ \t]+[A-Z][\w.’'\-]*){0,3}):[ \t]+(\S[^\n]*)$", re.MULTILINE
)
_CAPS_SPEAKER = re.compile(r"[A-Z][A-Z.’'\-]+(?:[ \t]+[A-Z][A-Z.’'\-]+){0,2}")


def _colon_turns(ctx: SpeechContext, quotes: list[Quote]) -> list[Quote]:
    """``Trump: We are going to win`` (a headline) and ``BOLDUAN: Why not debate?`` (a
    transcript turn): a line that opens with a person's or organisation's name, or with a
    speaker's name in capitals, and a colon says the rest of the line."""
    out = list(quotes)
    for line in _COLON_LINE.finditer(ctx.text):
        s, e = line.span(1)
        mention = ctx.by_start.get(s)
        named = (
            mention is not None
            and mention.end == e
            and not mention.nominal
            and mention.kind in ("PERSON", "ORG")
        )
        sourced = fold(line.group(1)) in _SOURCES  # "Poll: ...", "Report: ..."
        if not named and not sourced and not _CAPS_SPEAKER.fullmatch(line.group(1)):
            continue
        label = fold(line.group(1))
        if label in _LABELS or label.split()[-1] in _LABELS:
            continue  # "UPDATE: ...", "Photo: ...", "Delegate Update: ..."
        c_start, c_end = line.span(2)
        inside = [i for i, q in enumerate(out) if q.start < c_end and c_start < q.end]
        if inside:
            for i in inside:  # the line's own quote marks: give them the speaker
                if out[i].speaker is None:
                    out[i] = dataclasses.replace(
                        out[i],
                        speaker=resolve_speaker(ctx, s, e),
                        speaker_start=s,
                        speaker_end=e,
                        cue=":",
                    )
            continue
        if len(line.group(2).split()) < 2:
            continue
        sentence = ctx.sentence_at(c_start)
        out.append(
            make_quote(ctx, line.group(2), c_start, c_end, ((s, e), ":"), "indirect", sentence)
        )
    out.sort(key=lambda q: q.start)
    return out


def _carry_speakers(text: str, quotes: list[Quote]) -> list[Quote]:
    """A direct quote with no attribution of its own, right after another speaker's quote, is
    that speaker's: news runs a speaker's quotes on over sentences and paragraphs."""
    out: list[Quote] = []
    for quote in quotes:
        # (past what a sentence between says was asked: "“A,” she said, asked about it. “B.”")
        prev = next((q for q in reversed(out) if q.speaker or q.kind == "direct"), None)
        if (
            quote.speaker is None
            and quote.kind == "direct"
            and prev is not None
            and prev.speaker is not None
            and 0 <= quote.start - prev.end <= _CARRY
            and text[prev.end : quote.start].count("\n\n") <= 1
        ):
            quote = dataclasses.replace(
                quote,
                speaker=prev.speaker,
                speaker_start=prev.speaker_start,
                speaker_end=prev.speaker_end,
            )
        out.append(quote)
    return out


def _merge_continued(text: str, quotes: list[Quote]) -> list[Quote]:
    """Join a quote that goes on after its attribution: ``“A,” he said. “B.”`` is one quote."""
    out: list[Quote] = []
    for quote in quotes:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == "direct"
            and (quote.kind == "direct" or quote.text.rstrip()[-1:] in ".!?")
            and prev.speaker_start is not None
            and prev.speaker_start >= prev.end
            and (quote.speaker_start is None or quote.speaker_start == prev.speaker_start)
            and quote.start - prev.end <= 200
            and not any(ch in '“”"' for ch in text[prev.end : quote.start])
            and "\n" not in text[prev.end : quote.start]
            and _only_attribution(text, prev, quote.start)
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


_SPEECH_LEMMAS = frozenset({"say", "add", "tell", "note", "explain", "recall", "write", "ask"})
"""Verbs that, between two quotes, attribute words of their own (not ``referring to``)."""


def _only_attribution(text: str, prev: Quote, start: int) -> bool:
    """Whether no second speech verb stands between ``prev``'s attribution and the next
    quote at ``start``: one there attributes something of its own (``“A,” said Strother, a
    spokesman. Donations are vetted, Strother said, but “B.”``, ``“A,” Trump said, adding a
    plug for himself. “B?”``), and the quote after it does not continue the first."""
    assert prev.speaker_end is not None
    lo = max(prev.end, prev.speaker_end)
    cue_first = (
        prev.cue is not None
        and prev.speaker_start is not None
        and (
            prev.cue in text[prev.end : prev.speaker_start]  # "“A,” said Ann Fox"
        )
    )
    own = text.find(prev.cue, lo, start) if prev.cue and not cue_first else -1
    if own >= 0:
        # the attribution's own verb ("“A,” Trump said", "“A,” Jeff Weaver, his campaign
        # manager, said")
        lo = own + len(prev.cue or "")
    while (cue := last_cue(text, lo, start)) is not None:
        if cues()[cue[2]].lemma in _SPEECH_LEMMAS:
            return False
        start = cue[0]
    return True


def _lead_in(ctx: SpeechContext, sent_start: int, start: int) -> int | None:
    """Where the content starts when a quote attributed after it opens mid-sentence: the
    sentence's own words before the marks are what the speaker says too (``The plan is “a
    disaster,” she said``). None when the words before hold a cue, a quote or a break of their
    own (``He said the plan is “a disaster,”``, ``Asked about it: “No,” he said``)."""
    text = ctx.text
    lo = after_connective(text, lstrip_start(text, sent_start, start))
    words = text[lo:start]
    if not words.strip() or any(ch in words for ch in '“”"\n:;—–()'):
        return None
    if last_cue(text, lo, start) is not None:
        return None
    return lo


def _whole_sentence(text: str, sent_start: int, start: int, inner: str) -> bool:
    """A short quote that is a sentence of its own (``“We won.”``, ``“No!”``): speech, not
    scare quotes."""
    return inner[-1:] in ".!?" and not text[sent_start:start].strip()


def _direct_spans(text: str) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in QUOTE_MARKS.finditer(text)]
    for match in _UNCLOSED.finditer(text):
        # a quote running on over paragraphs: its next paragraph opens with “ again
        end = match.end()
        follow = re.match(r"\n+“[^“”]*(?:”|$)", text[end:], re.MULTILINE)
        if follow and not any(s <= match.start() < e for s, e in spans):
            spans.append((match.start(), end + follow.end()))
    spans.sort()
    return spans


def _direct(ctx: SpeechContext, start: int, end: int) -> Quote | None:
    text = ctx.text
    mark = 2 if text.startswith("''", start) else 1
    inner = text[start + mark : end - mark].strip()
    short = len(inner.split(None, _SHORT)) <= _SHORT  # (splitting no further than needed)
    if not inner or not any(ch.isalpha() for ch in inner):
        return None
    sentence = ctx.sentence_at(start)
    last = ctx.sentence_at(end - 1)
    sent_start = sentence.start if sentence else 0
    sent_end = last.end if last else len(text)
    found = attribution_after(ctx, end, min(len(text), sent_end + 80))
    kind: QuoteKind = "direct"
    if found is not None and sent_start < start:
        lead = _lead_in(ctx, sent_start, start)
        if lead is not None:  # 'Democrats had “put the biggest crack” in it, she said'
            return make_quote(ctx, text[lead:end].strip(), lead, end, found, "mixed", sentence)
    if found is None:
        found = attribution_before(ctx, sent_start, start)
    if short and found is None and not _whole_sentence(text, sent_start, start, inner):
        cue = last_cue(text, max(sent_start, start - 50), start)
        if cue is None:
            return None  # scare quotes
        speaker = subject_of(ctx, sent_start, cue[0])
        if speaker is None:
            return None
        found = (speaker, cue[2])
        kind = "mixed"
    return make_quote(ctx, inner, start, end, found, kind, sentence)
