"""Reported speech in one sentence: ``X said (that) ...``, ``According to X, ...``,
``..., X said.``, ``In a Fox poll, ...``.

Used by ``quotes.py``, which finds the direct quotes first and passes their spans in: reported
content that is mostly a direct quote, or lies inside one, is left to the direct quote. The
content runs to the end of the sentence or to a clause that ends it (``..., though she noted``);
its span starts at ``that`` where the cue has one, as PolNeAR marks it. A sentence may give
several quotes, one per cue. Trailing attributions (``..., X said.``) are found by
``trailing.py``.
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache

from crossread.extract.cues import Cue, cue_pattern, cues, tail_start
from crossread.extract.gazetteer import word_set
from crossread.extract.speakers import (
    ACCORDING,
    ADVERBIALS,
    OBJECTS,
    SpeechContext,
    according_source,
    resolve_speaker,
    speaker_before,
)
from crossread.extract.trailing import find_trailing
from crossread.models import Quote, QuoteKind, Sentence

_UP_TO_THAT = re.compile(r"[^,.;:“”\"\n]{0,60}?\bthat\b")
# a passive or clipped "asked": "When asked whether ...", "was asked if ...", "Asked why, ..."
_PASSIVE = re.compile(r"(?:^\s*|\b(?:[Ww]hen|[Ii]f|was|were|been|being|is|are|be)\s+)\Z")
_CONNECTIVE = re.compile(
    r"\s*(?:(?:But|And|Yet|So|Still|However|Even so|Meanwhile|Moreover|Also|Instead|Indeed|"
    r"Nonetheless|Nevertheless|Similarly|Likewise|Besides|Plus)\b,?|"
    r"As (?:I|we) (?:mentioned|noted|said|wrote) (?:above|earlier|before),)\s+"
)
_FORBIDDEN_LEAD = re.compile(r"[“”\"]")
# the question after "asked", also with its asker: "asked (by Matt Lauer) whether ..."
_QUESTION = re.compile(
    r"(?:\s+by(?:\s+[A-Z][\w.’'\-]*){1,4}?)?"
    r"\s+(?:whether|if|why|how|what|which|who|when|where)\b"
)
# curly, straight, and the doubled apostrophes some archives use for quote marks (''...'');
# every branch opens with its mark (the look-behind of ‘ comes after it) so that the regex
# engine skips to the next mark instead of trying every position
QUOTE_MARKS = re.compile(
    r"“[^“”]+”|\"[^\"\n]+\"|''(?=\S)(?:(?!'')[^\n])+''|‘(?<![\w’']‘)[^‘’\n]+’(?!\w)"
)
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
# a second verb of the sentence's subject: "X defended the plan and (later) said ..."
_AND_BEFORE = re.compile(r"\band\s+(?:(?:also|then|later|\w+ly)\s+)?\Z")
# the to-infinitive of "vowed to cut taxes" (not "promised to the voters")
_INFINITIVE = re.compile(
    r"\s+to\s+(?!(?:the|a|an|his|her|their|its|this|that|these|those|me|him|them|us|[A-Z])\b)"
    r"[a-z]"
)
# words that show the text before a cue is a clause, not its subject
_SUBJECT_BREAKS = frozenset(
    {
        "that",
        "because",
        "if",
        "when",
        "while",
        "but",
        "so",
        "although",
        "though",
        "is",
        "was",
        "are",
        "were",
        "has",
        "had",
        "have",
        "will",
        "would",
        "can",
        "could",
        "should",
        "did",
        "do",
        "does",
        "not",
        "it",
        "there",
    }
)
_NOT_CLAUSE_ANY_CASE = re.compile(_NOT_CLAUSE.pattern, re.IGNORECASE)
_THAT = re.compile(r"\s*(?:that\b|:|,)?")
_WORD_AHEAD = re.compile(r"\s+[A-Za-z“\"]")


def make_quote(
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


def reported_speech(
    ctx: SpeechContext, sentence: Sentence, direct: list[tuple[int, int]]
) -> list[Quote]:
    """``X said (that) ...``, ``According to X, ...``, ``..., X said.`` in one sentence.

    A sentence can report several sources or several things: ``Barkley, who said A, said B``,
    ``She said A, saying B``, ``74 percent said A, while 22 percent said B``; each cue gives
    its own quote, in text order.
    """
    s, e = sentence.start, sentence.end
    text = ctx.text
    body_end = e - 1 if text[e - 1 : e] in ".!?" else e
    headline = _title_case(text[s:body_end])
    # the head of a poll or study: searched for only when nothing cheaper says the sentence
    # may report (then once, for rule 4 too)
    heads: re.Match[str] | None = None
    if not _may_report(ctx, s, e, body_end, headline):
        heads = _source_heads().search(text, s, body_end)
        if heads is None:
            return []
    # only the direct quotes that reach into the sentence matter to the rules below
    direct = [(ds, de) for ds, de in direct if de >= s and ds <= e]
    if any(ds <= s + 1 and e - 1 <= de for ds, de in direct):
        return []  # the whole sentence is a direct quote
    found: list[Quote | None] = [
        _according(ctx, sentence, body_end, direct),
        _trailing(ctx, sentence, body_end, direct),
    ]
    found.extend(_after_cues(ctx, sentence, body_end, direct, headline))
    if not any(found) and (heads or _source_heads().search(text, s, body_end)) is not None:
        # 4. "In a Fox poll, Cruz had 38 percent": the finding of a poll or study named up front
        found_in = _in_source().match(text, s, body_end)
        if found_in is not None:
            found.append(
                _span(ctx, sentence, found_in.end(), body_end, found_in.span(1), "in", direct)
            )
        # 5. "Trump leads by 24 points in the Monmouth poll.": the same source at the end
        found_in = _in_source_after().search(text, s, body_end)
        if found_in is not None and found_in.start() - s > 15:
            start = _after_connective(text, s)
            found.append(
                _span(ctx, sentence, start, found_in.start(), found_in.span(1), "in", direct)
            )
    quotes = sorted(
        {(q.start, q.end): q for q in found if q is not None}.values(), key=lambda q: q.start
    )
    return _close_interruptions(ctx.text, quotes)


def _may_report(ctx: SpeechContext, s: int, e: int, body_end: int, headline: bool) -> bool:
    """Whether the sentence has what one of the rules below needs, short of a poll or study
    (which ``reported_speech`` looks for when this says no): a word that starts a cue (also one
    that a trailing attribution reaches past blanks after the sentence's last comma),
    ``according to``, or title case (where cues may be capitalised). Most sentences have none,
    and one look-up each rules them out."""
    text = ctx.text
    reach = body_end
    while reach < len(text) and text[reach] in " \t":
        reach += 1
    return ctx.may_cue(s, reach + 1) or text.find("ccording to", s, e) >= 0 or headline


def _close_interruptions(text: str, quotes: list[Quote]) -> list[Quote]:
    """``Barkley, who said A, said B``: a content said inside the speaker phrase of a later cue
    (a relative clause or an appositive) ends where that phrase does, not over the main clause."""
    out = list(quotes)
    for i, quote in enumerate(out):
        for later in out[i + 1 :]:
            if (
                later.speaker_start is not None
                and later.speaker_end is not None
                and quote.speaker_start is not None
                and later.speaker_start < quote.speaker_start < later.speaker_end
                and quote.start < later.start < quote.end
            ):
                cut = text.rfind(",", quote.start, later.start)
                end = cut if cut > quote.start else later.start
                out[i] = dataclasses.replace(
                    quote, end=end, text=quote.text[: max(0, end - quote.end + len(quote.text))]
                )
                break
    return out


def _according(
    ctx: SpeechContext, sentence: Sentence, body_end: int, direct: list[tuple[int, int]]
) -> Quote | None:
    """1. ``According to X, CONTENT`` and ``CONTENT, according to X.``"""
    text, s, e = ctx.text, sentence.start, sentence.end
    acc = ACCORDING.search(text, s, e) if text.find("ccording to", s, e) >= 0 else None
    if acc is None:
        return None
    speaker = according_source(ctx, acc.end(), e)
    if speaker is None:
        return None
    if acc.start() == s or text[s : acc.start()].strip() == "":
        comma = text.find(",", speaker[1], e)
        if comma > 0:
            return _span(ctx, sentence, comma + 1, body_end, speaker, "according to", direct)
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
    return None


def _trailing(
    ctx: SpeechContext, sentence: Sentence, body_end: int, direct: list[tuple[int, int]]
) -> Quote | None:
    """2. ``CONTENT, X said.`` / ``CONTENT, said X.``"""
    found = find_trailing(ctx, sentence.start, body_end)
    if found is None:
        return None
    start = _after_connective(ctx.text, sentence.start)
    return _span(ctx, sentence, start, found.comma, found.speaker, found.cue, direct)


def _after_cues(
    ctx: SpeechContext,
    sentence: Sentence,
    body_end: int,
    direct: list[tuple[int, int]],
    headline: bool,
) -> list[Quote | None]:
    """3. ``X said (that) CONTENT`` (in a title-case headline: ``Trump Says He Will Win``)."""
    text, s = ctx.text, sentence.start
    if headline:
        verbs = list(cue_pattern(True).finditer(text, s, body_end))
    else:
        verbs = ctx.cues_in(s, body_end)
    infos = [cues()[c.group().lower() if headline else c.group()] for c in verbs]
    # "He praised Ted Cruz, who said ...": the speech verb's content is the one reported
    speech = any(not i.stance for i in infos)
    out: list[Quote | None] = []
    for cue, info in zip(verbs, infos, strict=True):
        if (speech and info.stance) or any(ds < cue.start() < de for ds, de in direct):
            continue
        out.append(_after_cue(ctx, sentence, body_end, direct, cue, info, headline))
    return out


def _after_cue(
    ctx: SpeechContext,
    sentence: Sentence,
    body_end: int,
    direct: list[tuple[int, int]],
    cue: re.Match[str],
    info: Cue,
    headline: bool,
) -> Quote | None:
    text, s = ctx.text, sentence.start
    # capitals say little in a headline: only plain speech verbs ("Says", "Tells"), and
    # never before a preposition ("Responds To Question", "Show Takes")
    if (
        headline
        and not cue.group().islower()
        and (info.needs_that or _NOT_CLAUSE_ANY_CASE.match(text, cue.end()))
    ):
        return None
    pos = cue.end()
    obj = OBJECTS.match(text, pos) if info.lemma in ("tell", "ask", "warn", "urge") else None
    if obj is not None:
        pos = obj.end()
    adv = ADVERBIALS.match(text, pos)
    if adv is not None:
        pos = adv.end()
    that: re.Match[str] | None = None
    has_that = False
    infinitive = info.infinitive and _INFINITIVE.match(text, pos, body_end) is not None
    if infinitive and obj is not None:
        pos = obj.start()  # "asked the board to resign": whom they asked is part of it
    if not infinitive:
        ahead = _UP_TO_THAT.match(text, pos, body_end)
        if ahead is not None:
            pos = ahead.end() - 4  # "told The Post and Courier on Saturday that ..."
        that = _THAT.match(text[pos:body_end])
        has_that = bool(that and that.group().strip())
        if info.lemma == "ask" and _QUESTION.match(text, pos):
            has_that = True  # "asked whether ...": the question is the content
        if (
            info.needs_that
            and not (that and "that" in that.group())
            and not (info.clause and _CLAUSE_OPENER.match(text, pos, body_end))
        ):
            return None
        if not has_that and not _WORD_AHEAD.match(text[pos:body_end]):
            return None
        if not has_that and _NOT_CLAUSE.match(text, pos):
            return None  # "called for", "said at a rally", "said when": not a reported clause
    speaker = speaker_before(ctx, s, cue.start())
    if (
        speaker is None
        and cue.group().endswith("ing")
        and text[s : cue.start()].rstrip()[-1:] == ","
    ):
        speaker = _subject(ctx, s, cue.start())  # "Yoon spoke on Monday, saying ..."
    # (the end-anchored searches start a few words back: their matches hold at most 1-2 runs
    # of white space)
    if speaker is None and _AND_BEFORE.search(
        text, tail_start(text, s, cue.start(), 4), cue.start()
    ):
        # "A spokesman for the mayor defended the route and said ...": the sentence's subject
        speaker = _subject(ctx, _after_connective(text, s), cue.start())
    if speaker is None or _PREPOSITION_BEFORE.search(
        text, tail_start(text, s, speaker[0], 3), speaker[0]
    ):
        # "A person familiar with the plans says": the phrase after "with" is not the speaker
        speaker = _long_subject(ctx, _after_connective(text, s), cue.start()) or speaker
    if (
        speaker is None
        and info.lemma == "ask"
        and has_that
        and (
            _PASSIVE.search(text, tail_start(text, s, cue.start(), 3), cue.start())
            or not text[s : cue.start()].strip()
        )
    ):
        # "When asked whether he would run, ...": the question, with no speaker named
        comma = text.find(",", pos, body_end)
        return _span(ctx, sentence, pos, comma if comma > 0 else body_end, None, "", direct)
    if speaker is None:
        return None
    if any(s < de and speaker[0] - 4 <= de <= speaker[0] for _, de in direct):
        return None  # "“...,” Sanders said in an interview": the quote's own attribution
    if headline and text[s : speaker[0]].strip():
        return None  # a headline's speaker is its subject: "Trump Says ...", not "Wage Saying"
    # the span keeps PolNeAR's convention of starting at "that"; the text starts after it
    that_start = pos + (
        that.start() + len(that.group()) - len(that.group().lstrip()) if that else 0
    )
    stop = _clause_stop().search(text, pos, body_end)
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
        span_start=that_start if has_that and "that" in (that.group() if that else "") else None,
    )


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
    words = sentence.split()
    if len(words) < 4:
        return False
    # quick to see: more than a fifth of its words start in lower case
    most = len(words) // 5
    lower = 0
    for word in words:
        if "a" <= word[0] <= "z":
            lower += 1
            if lower > most:
                return False
    words = [w for w in words if w[:1].isalpha()]
    if len(words) < 4 or sentence.rstrip().endswith("."):
        return False
    return sum(w[:1].isupper() for w in words) >= 0.8 * len(words)


@cache
def _source_heads() -> re.Pattern[str]:
    return re.compile("|".join(sorted(map(re.escape, word_set("in_sources")))))


@cache
def _in_source() -> re.Pattern[str]:
    heads = "|".join(sorted(word_set("in_sources"), key=len, reverse=True))
    return re.compile(
        r"In\s+((?:[\w’'\-.]+\s+){0,6}?(?:" + heads + r")"
        r"(?:\s+(?:of|by|from|for|in|at)\s+[^,;]{1,60})?)\s*,\s*"
    )


@cache
def _clause_stop() -> re.Pattern[str]:
    """Where reported content ends before its sentence does: ``..., though she noted``, ``...,
    adding ...``, ``..., citing ...`` (a participle cue opens content of its own), ``; ...``."""
    participles = sorted((f for f in cues() if f.endswith("ing")), key=len, reverse=True)
    return re.compile(r",\s+(?:though|although|whereas|while|" + "|".join(participles) + r")\b|;\s")


@cache
def _in_source_after() -> re.Pattern[str]:
    heads = "|".join(sorted(word_set("in_sources"), key=len, reverse=True))
    return re.compile(
        r",?\s+in\s+((?:the|a|an|one|another|this|that|its|their|[A-Z][\w’'\-.]*)\s+"
        r"(?:[\w’'\-./]+\s+){0,5}?(?:" + heads + r")\b"
        r"(?:\s+(?:of|by|from|for|in|at|released|published|taken|conducted)\s+[^,;]{1,60})?)"
        r"(?:,[^,;]{1,60})?\s*\Z"
    )


# a long subject noun phrase that opens its sentence: "Organizers of the boycott said",
# "A person familiar with the planning says", "Some voters who heard him said"
_LONG_SUBJECT = re.compile(
    r"(?!(?:In|On|At|After|Before|When|If|As|Because|While|Since|Although|Though|For|With|"
    r"By|From|During|Despite|Until|Once|Asked|Speaking|There|It|This|That)\b)"
    r"(?:[A-Z]|\d|(?:a|an|the|some|many|most|few|several|other|two|three)\s)"
    r"[^,;:“”\"()\n—–]{2,120}?"
)
_SUBJECT_WORDS = 14
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:of|with|for|in|on|at|about|from|through|to|by|among|across|near|inside)\s+\Z"
)
# how a subject noun phrase cannot end: "markers to (write)", "A so-(called)"
_NOT_NOUN_ENDS = ("-",)
_DETERMINER_ENDS = frozenset({"to"})


def _long_subject(ctx: SpeechContext, start: int, end: int) -> tuple[int, int] | None:
    """The whole noun phrase between the sentence's start and its cue, when it is one (no
    comma, no clause word, no other cue, at most 14 words)."""
    text = ctx.text
    stop = len(text[:end].rstrip())
    if stop <= start or _LONG_SUBJECT.fullmatch(text, start, stop) is None:
        return None
    words = text[start:stop].split()
    if len(words) > _SUBJECT_WORDS or cue_pattern().search(text, start, stop):
        return None
    if any(w.lower() in _SUBJECT_BREAKS for w in words):
        return None
    last = words[-1].lower()
    if last in _DETERMINER_ENDS or last.endswith(_NOT_NOUN_ENDS):
        return None  # an infinitive or a hyphenated word, not a cue after its subject
    return start, stop


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
    quoted = any(start <= ds < end for ds, _ in direct) or bool(QUOTE_MARKS.search(content))
    kind: QuoteKind = "mixed" if quoted else "indirect"
    span = span_start if span_start is not None and span_start < start else start
    if lead:
        content = f"{lead} {content}"
    found = (speaker, cue) if speaker is not None else None
    return make_quote(ctx, content, span, end, found, kind, sentence)
