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

import dataclasses
import re
from functools import cache

from crossread.extract.gazetteer import fold, word_set
from crossread.extract.speakers import (
    ACCORDING,
    ADVERBIALS,
    OBJECTS,
    SpeechContext,
    according_source,
    attribution_after,
    attribution_before,
    cue_pattern,
    cues,
    last_cue,
    resolve_speaker,
    speaker_before,
    subject_of,
)
from crossread.models import Mention, Quote, QuoteKind, Sentence

_LABELS = word_set("colon_labels")
_UP_TO_THAT = re.compile(r"[^,.;:“”\"\n]{0,60}?\bthat\b")
# where reported content ends before the sentence does: "..., though she noted ..."
_CLAUSE_STOP = re.compile(r",\s+(?:though|although|whereas|while|adding|saying)\b|;\s")
# a passive or clipped "asked": "When asked whether ...", "was asked if ...", "Asked why, ..."
_PASSIVE = re.compile(r"(?:^\s*|\b(?:[Ww]hen|[Ii]f|was|were|been|being|is|are|be)\s+)\Z")
# the last comma of a sentence, where a trailing attribution starts
_TAIL = re.compile(r",\s*([^,]{1,80})$")
_PRONOUN_WORDS = frozenset({"he", "she", "they", "we", "i", "it"})
_CONNECTIVE = re.compile(
    r"\s*(?:(?:But|And|Yet|So|Still|However|Even so|Meanwhile|Moreover|Also|Instead|Indeed|"
    r"Nonetheless|Nevertheless|Similarly|Likewise|Besides|Plus)\b,?|"
    r"As (?:I|we) (?:mentioned|noted|said|wrote) (?:above|earlier|before),)\s+"
)
_FORBIDDEN_LEAD = re.compile(r"[“”\"]")
_QUESTION = re.compile(r"\s+(?:whether|if|why|how|what|who|when|where)\b")
_CARRY = 300  # characters: how far a speaker carries over to an unattributed quote
_SHORT = 3  # words: quotes this short are scare quotes unless a speech verb introduces them
# curly, straight, and the doubled apostrophes some archives use for quote marks (''...'')
_DIRECT = re.compile(
    r"“[^“”]+”|\"[^\"\n]+\"|''(?=\S)(?:(?!'')[^\n])+''|(?<![\w’'])‘[^‘’\n]+’(?!\w)"
)
_UNCLOSED = re.compile(r"“[^“”\n]+$", re.MULTILINE)
# a clause that opens with its subject: "(thinks) we can win", "(shows) Trump leading"
_CLAUSE_OPENER = re.compile(
    r"\s+(?:he|she|they|we|I|it|there|you|the|a|an|his|her|their|its|our|this|these|those|"
    r"many|most|some|no|(?!(?:On|In|At|For|To|Of|About|So|That)\b)[A-Z][\w’'.\-]*|\d[\d,.]*)"
    r"\s+[\w“\"]"
)
_NOT_CLAUSE = re.compile(
    r"\s+(?:to|for|of|in|on|at|by|with|about|during|after|before|while|when|as|from|"
    r"because|since|until|last|this|earlier|later|so|and|but|or|nothing|anything|something|"
    r"much|more|little|yes|no)\b"
)
_NOT_CLAUSE_ANY_CASE = re.compile(_NOT_CLAUSE.pattern, re.IGNORECASE)


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
    quotes: list[Quote] = []
    for start, end in _direct_spans(text):
        quote = _direct(ctx, start, end)
        if quote is not None:
            quotes.append(quote)
    quotes = _merge_continued(text, quotes)
    quotes = _colon_turns(ctx, quotes)
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
    return tuple(_carry_speakers(text, quotes))


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
        if not named and not _CAPS_SPEAKER.fullmatch(line.group(1)):
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
        out.append(_quote(ctx, line.group(2), c_start, c_end, ((s, e), ":"), "indirect", sentence))
    out.sort(key=lambda q: q.start)
    return out


def _carry_speakers(text: str, quotes: list[Quote]) -> list[Quote]:
    """A direct quote with no attribution of its own, right after another speaker's quote, is
    that speaker's: news runs a speaker's quotes on over sentences and paragraphs."""
    out: list[Quote] = []
    for quote in quotes:
        prev = out[-1] if out else None
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


def _direct(ctx: SpeechContext, start: int, end: int) -> Quote | None:
    text = ctx.text
    mark = 2 if text.startswith("''", start) else 1
    inner = text[start + mark : end - mark].strip()
    words = len(inner.split())
    if not inner or not any(ch.isalpha() for ch in inner):
        return None
    sentence = ctx.sentence_at(start)
    last = ctx.sentence_at(end - 1)
    sent_start = sentence.start if sentence else 0
    sent_end = last.end if last else len(text)
    found = attribution_after(ctx, end, min(len(text), sent_end + 80))
    if found is None:
        found = attribution_before(ctx, sent_start, start)
    kind: QuoteKind = "direct"
    if words <= _SHORT and found is None:
        cue = last_cue(text, max(sent_start, start - 50), start)
        if cue is None:
            return None  # scare quotes
        speaker = subject_of(ctx, sent_start, cue[0])
        if speaker is None:
            return None
        found = (speaker, cue[2])
        kind = "mixed"
    return _quote(ctx, inner, start, end, found, kind, sentence)


def _quote(
    ctx: SpeechContext,
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
        speaker = resolve_speaker(ctx, speaker_start, speaker_end)
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


def _reported(
    ctx: SpeechContext, sentence: Sentence, direct: list[tuple[int, int]]
) -> Quote | None:
    """``X said (that) ...``, ``According to X, ...``, ``..., X said.`` in one sentence."""
    s, e = sentence.start, sentence.end
    if any(ds <= s + 1 and e - 1 <= de for ds, de in direct):
        return None  # the whole sentence is a direct quote
    text = ctx.text
    body_end = e - 1 if text[e - 1 : e] in ".!?" else e
    # 1. "According to X, CONTENT" and "CONTENT, according to X."
    acc = ACCORDING.search(text, s, e)
    if acc is not None:
        speaker = according_source(ctx, acc.end(), e)
        if speaker is not None:
            if acc.start() == s or text[s : acc.start()].strip() == "":
                comma = text.find(",", speaker[1], e)
                if comma > 0:
                    return _span(
                        ctx, sentence, comma + 1, body_end, speaker, "according to", direct
                    )
            elif text[acc.start() - 2 : acc.start()].strip() == ",":
                return _span(
                    ctx,
                    sentence,
                    _after_connective(text, s),
                    acc.start() - 2,
                    speaker,
                    "according to",
                    direct,
                )
    # 2. "CONTENT, X said." / "CONTENT, said X."
    tail = _TAIL.search(text, s, body_end)
    if tail is not None:
        clause_start = tail.start(1)
        found = attribution_after(ctx, clause_start, body_end)
        if found is not None and tail.start() - s > 15 and _ends_clause(text, found, body_end):
            return _span(
                ctx, sentence, _after_connective(text, s), tail.start(), found[0], found[1], direct
            )
    # 3. "X said (that) CONTENT" (in a title-case headline: "Trump Says He Will Win")
    headline = _title_case(text[s:body_end])
    verbs = list(cue_pattern(headline).finditer(text, s, body_end))
    infos = [cues()[c.group().lower() if headline else c.group()] for c in verbs]
    # "He praised Ted Cruz, who said ...": the speech verb's content is the one reported
    speech = any(not i.stance for i in infos)
    for cue, info in zip(verbs, infos, strict=True):
        if speech and info.stance:
            continue
        # capitals say little in a headline: only plain speech verbs ("Says", "Tells"), and
        # never before a preposition ("Responds To Question", "Show Takes")
        if (
            headline
            and not cue.group().islower()
            and (info.needs_that or _NOT_CLAUSE_ANY_CASE.match(text, cue.end()))
        ):
            continue
        pos = cue.end()
        obj = OBJECTS.match(text, pos) if info.lemma in ("tell", "ask", "warn", "urge") else None
        if obj is not None:
            pos = obj.end()
        adv = ADVERBIALS.match(text, pos)
        if adv is not None:
            pos = adv.end()
        ahead = _UP_TO_THAT.match(text, pos, body_end)
        if ahead is not None:
            pos = ahead.end() - 4  # "told The Post and Courier on Saturday that ..."
        that = re.match(r"\s*(?:that\b|:|,)?", text[pos:body_end])
        has_that = bool(that and that.group().strip())
        if info.lemma == "ask" and _QUESTION.match(text, pos):
            has_that = True  # "asked whether ...": the question is the content
        if (
            info.needs_that
            and not (that and "that" in that.group())
            and not (info.clause and _CLAUSE_OPENER.match(text, pos, body_end))
        ):
            continue
        if not has_that and not re.match(r"\s+[A-Za-z“\"]", text[pos:body_end]):
            continue
        if not has_that and _NOT_CLAUSE.match(text, pos):
            continue  # "called for", "said at a rally", "said when": not a reported clause
        speaker = speaker_before(ctx, s, cue.start())
        if (
            speaker is None
            and cue.group().endswith("ing")
            and text[s : cue.start()].rstrip()[-1:] == ","
        ):
            speaker = _subject(ctx, s, cue.start())  # "Yoon spoke on Monday, saying ..."
        if (
            speaker is None
            and info.lemma == "ask"
            and has_that
            and _PASSIVE.search(text, s, cue.start())
        ):
            # "When asked whether he would run, ...": the question, with no speaker named
            comma = text.find(",", pos, body_end)
            return _span(ctx, sentence, pos, comma if comma > 0 else body_end, None, "", direct)
        if speaker is None:
            continue
        if headline and text[s : speaker[0]].strip():
            continue  # a headline's speaker is its subject: "Trump Says ...", not "Wage Saying"
        # the span keeps PolNeAR's convention of starting at "that"; the text starts after it
        that_start = pos + (
            that.start() + len(that.group()) - len(that.group().lstrip()) if that else 0
        )
        stop = _CLAUSE_STOP.search(text, pos, body_end)
        lead = text[s : speaker[0]].strip()
        if has_that and that and that.group().strip() == "," and _parenthetical(lead):
            # "Mrs. Clinton, these people said, would be open ...": one content around it
            return _span(
                ctx,
                sentence,
                pos + that.end(),
                stop.start() if stop else body_end,
                speaker,
                cue.group(),
                direct,
                span_start=s,
                lead=lead.rstrip(" ,"),
            )
        return _span(
            ctx,
            sentence,
            pos + (that.end() if that else 0),
            stop.start() if stop else body_end,
            speaker,
            cue.group(),
            direct,
            span_start=that_start
            if has_that and "that" in (that.group() if that else "")
            else None,
        )
    # 4. "In a Fox poll, Cruz had 38 percent": the finding of a poll or study named up front
    found_in = _in_source().match(text, s, body_end)
    if found_in is not None:
        return _span(ctx, sentence, found_in.end(), body_end, found_in.span(1), "in", direct)
    return None


def _after_connective(text: str, start: int) -> int:
    """Skip a connective opening the sentence: it links to the text before, it is not part of
    what the source says (``But the plan will fail, he said``)."""
    m = _CONNECTIVE.match(text, start)
    return m.end() if m else start


def _parenthetical(lead: str) -> bool:
    """Content before an attribution set off by commas: ``A comic tone, [she said,] ...``."""
    if not lead.endswith(",") or len(lead.split()) < 2:
        return False
    return not _FORBIDDEN_LEAD.search(lead) and cue_pattern().search(lead) is None


def _title_case(sentence: str) -> bool:
    """A headline in title case: most of its (at least four) words capitalised, no full stop."""
    words = [w for w in sentence.split() if w[:1].isalpha()]
    if len(words) < 4 or sentence.rstrip().endswith("."):
        return False
    return sum(w[:1].isupper() for w in words) >= 0.8 * len(words)


@cache
def _in_source() -> re.Pattern[str]:
    heads = "|".join(sorted(word_set("in_sources"), key=len, reverse=True))
    return re.compile(
        r"In\s+((?:[\w’'\-.]+\s+){0,6}?(?:" + heads + r")"
        r"(?:\s+(?:of|by|from|for|in|at)\s+[^,;]{1,60})?)\s*,\s*"
    )


def _subject(ctx: SpeechContext, start: int, end: int) -> tuple[int, int] | None:
    """The subject opening a sentence: a pronoun or a named person/organisation in its first
    words (for participle cues: ``X reiterated the message, saying ...``)."""
    head = re.match(r"\s*(?:[A-Z]\w*\s+){0,2}?", ctx.text[start:end])
    pronoun = re.match(r"(He|She|They|It|We)\b", ctx.text[start:end])
    if pronoun:
        return start, start + pronoun.end()
    limit = start + (head.end() if head else 0) + 60
    for m in ctx.mentions:
        if start <= m.start < min(end, limit) and m.kind in ("PERSON", "ORG") and not m.nominal:
            return m.start, m.end
        if m.start >= limit:
            break
    return None


def _ends_clause(text: str, found: tuple[tuple[int, int], str], end: int) -> bool:
    """True when the attribution closes the sentence: ``..., X said on Monday.``"""
    (speaker_start, speaker_end), cue = found
    after = max(speaker_end, text.find(cue, speaker_start) + len(cue))
    rest = text[after:end]
    inverted = text.find(cue, max(0, speaker_start - len(cue) - 3), speaker_start) >= 0
    if inverted and text[speaker_start:speaker_end].lower() in _PRONOUN_WORDS:
        return not rest.strip()  # "..., said he." but not "..., said he is considering ..."
    return len(rest.split()) <= 5 and not re.search(r"\bthat\b|[,:]", rest)


def _span(
    ctx: SpeechContext,
    sentence: Sentence,
    start: int,
    end: int,
    speaker: tuple[int, int] | None,
    cue: str,
    direct: list[tuple[int, int]],
    span_start: int | None = None,
    lead: str = "",
) -> Quote | None:
    """The quote for ``text[start:end]``; ``lead`` is content before a parenthetical
    attribution (``Mrs. Clinton, these people said, would ...``), ``span_start`` where the
    span starts when it should cover more than the content (``that``, the lead)."""
    text = ctx.text
    while start < end and text[start] in " ,:":
        start += 1
    while end > start and text[end - 1] in " ,":
        end -= 1
    for ds, de in direct:
        if start <= ds and de < end and de - ds > 0.6 * (end - start):
            return None  # mostly a direct quote that has its own attribution
    content = text[start:end]
    if len(content.split()) < 3:
        return None
    if any(ds <= start and end <= de for ds, de in direct):
        return None  # already a direct quote
    quoted = any(start <= ds < end for ds, _ in direct) or bool(_DIRECT.search(content))
    kind: QuoteKind = "mixed" if quoted else "indirect"
    span = span_start if span_start is not None and span_start < start else start
    if lead:
        content = f"{lead} {content}"
    found = (speaker, cue) if speaker is not None else None
    return _quote(ctx, content, span, end, found, kind, sentence)
