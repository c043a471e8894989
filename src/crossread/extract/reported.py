"""Reported speech in one sentence: ``X said (that) ...``, ``According to X, ...``,
``..., X said.``, ``In a Fox poll, ...``,
``The House is expected to pass it``.

Used by ``quotes.py``, which finds the direct quotes first and passes their spans in: reported
content that is mostly a direct quote, or lies inside one, is left to the direct quote. The
content runs to the end of the sentence or to a clause that ends it (``..., though she noted``);
its span starts at ``that`` where the cue has one, as PolNeAR marks it. A sentence may give
several quotes, one per cue. Content after a cue verb (``X said that ...``) is found by
``cue_clauses.py``, trailing attributions (``..., X said.``) by ``trailing.py``; the quote is
made by ``quote_spans.py``.
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache

from crossread.extract.cue_clauses import after_cues
from crossread.extract.gazetteer import word_set
from crossread.extract.quote_spans import after_connective, content_quote
from crossread.extract.speakers import (
    ACCORDING,
    according_source,
    speaker_before,
)
from crossread.extract.speech_context import SpeechContext
from crossread.extract.trailing import find_trailing
from crossread.models import Quote, Sentence


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
    found.extend(after_cues(ctx, sentence, body_end, direct, headline))
    if not any(found) and (heads or _source_heads().search(text, s, body_end)) is not None:
        # 4. "In a Fox poll, Cruz had 38 percent": the finding of a poll or study named up front
        found_in = _in_source().match(text, s, body_end)
        if found_in is not None:
            found.append(
                content_quote(
                    ctx, sentence, found_in.end(), body_end, found_in.span(1), "in", direct
                )
            )
        # 5. "Trump leads by 24 points in the Monmouth poll.": the same source at the end
        found_in = _in_source_after().search(text, s, body_end)
        if found_in is not None and found_in.start() - s > 15:
            start = after_connective(text, s)
            found.append(
                content_quote(
                    ctx, sentence, start, found_in.start(), found_in.span(1), "in", direct
                )
            )
    if (
        not any(found)
        and _may_expect(text, s, body_end)
        and (seen := _EXPECTED.search(text, s, body_end)) is not None
    ):
        # 6. "The House is expected to pass the bill", "the plan seems to fail": an expectation
        # or an impression, of no one named unless a person's seeming is another's report
        # ("Trump seemed to imply that ..."): then the person is the speaker
        start = _clause_start(text, after_connective(text, s), seen.start())
        verb = seen.group(1) or seen.group(2)
        speaker = None if seen.group(1) else speaker_before(ctx, start, seen.start(2))
        stop = _CLAUSE_END.search(text, seen.end(), body_end)
        end = stop.start() if stop else body_end
        found.append(content_quote(ctx, sentence, start, end, speaker, verb, direct))
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
    return (
        ctx.may_cue(s, reach + 1)
        or text.find("ccording to", s, e) >= 0
        or headline
        or _may_expect(text, s, e)
    )


# an adverbial before the subject ("In the past week, the plan seemed to ..."), and where the
# clause ends after its verb phrase (", despite ...", " as the crowd ...", ", partly ...")
_LEADING_ADVERBIAL = re.compile(
    r"(?:(?:In|On|At|To|For|From|Among|After|Before|Once|When|While|As|If|Since|Despite|With|"
    r"Even|Still|Yet|Now|Then|So|Instead|Meanwhile|However|[A-Z][a-z]+ly)\b[^,;:]*,\s+)+"
)
_RELATIVE_BEFORE = re.compile(r",\s+(?=(?:which|who|that)\s+(?:[a-z]+\s+){0,3}?\Z)")
_CLAUSE_END = re.compile(
    r",\s+(?:[a-z]+ing|which|who|when|while|where|despite|as|though|although|partly|even|"
    r"but|because)\b|\s+(?:as|even if|while|when|because|though|although)\s+(?!well\b)"
)


def _clause_start(text: str, start: int, verb: int) -> int:
    """Where the clause of an expectation or impression at ``verb`` starts: its subject, after
    an adverbial opening the sentence, or a relative pronoun right before the verb."""
    rel = _RELATIVE_BEFORE.search(text, start, verb)
    if rel is not None:
        return rel.end()
    lead = _LEADING_ADVERBIAL.match(text, start, verb)
    return lead.end() if lead is not None else start


def _may_expect(text: str, s: int, e: int) -> bool:
    return (
        text.find("expected to", s, e) >= 0
        or text.find("ppear", s, e) >= 0
        or (text.find("seem", s, e) >= 0)
    )


_EXPECTED = re.compile(
    r"\b(?:(?:is|are|was|were|be|been)\s+(?:(?:also|widely|not)\s+)?(expected)"
    r"|(seem(?:s|ed)?|appear(?:s|ed)?))\s+to\s+[a-z]"
)


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
    if acc.start() == s or text[s : acc.start()].strip(" \t\n(") == "":
        comma = text.find(",", speaker[1], e)
        if comma > 0:
            return content_quote(
                ctx, sentence, comma + 1, body_end, speaker, "according to", direct
            )
    elif text[acc.start() - 2 : acc.start()].strip() == ",":
        comma = text.find(",", speaker[1], body_end)
        if comma > 0 and not text[speaker[1] : comma].strip() and body_end - comma > 15:
            # "The next day, according to X, he made demands": one content around it
            start = after_connective(text, s)
            return content_quote(
                ctx,
                sentence,
                comma + 1,
                body_end,
                speaker,
                "according to",
                direct,
                span_start=start,
                lead=text[start : acc.start()].rstrip(" ,"),
            )
        return content_quote(
            ctx,
            sentence,
            after_connective(text, s),
            acc.start() - 2,
            speaker,
            "according to",
            direct,
        )
    elif text[acc.start() - 1 : acc.start()] == " " and text[speaker[1] : body_end].strip(" \t)")[
        :1
    ] in ("", ","):
        # "Clinton leads by 271 delegates according to a count by The Associated Press."
        return content_quote(
            ctx, sentence, after_connective(text, s), acc.start(), speaker, "according to", direct
        )
    return None


def _trailing(
    ctx: SpeechContext, sentence: Sentence, body_end: int, direct: list[tuple[int, int]]
) -> Quote | None:
    """2. ``CONTENT, X said.`` / ``CONTENT, said X.``"""
    found = find_trailing(ctx, sentence.start, body_end)
    if found is None:
        return None
    start = after_connective(ctx.text, sentence.start)
    if _ASKED_FIRST.match(ctx.text, start, found.comma):
        return None  # "Asked about it, 60 percent said no": a question put to them, not content
    return content_quote(ctx, sentence, start, found.comma, found.speaker, found.cue, direct)


_ASKED_FIRST = re.compile(r"(?:When\s+|If\s+|Once\s+)?(?:asked|Asked)\b")


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
def _in_source_after() -> re.Pattern[str]:
    heads = "|".join(sorted(word_set("in_sources"), key=len, reverse=True))
    return re.compile(
        r",?\s+in\s+((?:the|a|an|one|another|this|that|its|their|[A-Z][\w’'\-.]*)\s+"
        r"(?:[\w’'\-./]+\s+){0,5}?(?:" + heads + r")\b"
        r"(?:\s+(?:of|by|from|for|in|at|released|published|taken|conducted)\s+[^,;]{1,60})?)"
        r"(?:,[^,;]{1,60})?\s*\Z"
    )
