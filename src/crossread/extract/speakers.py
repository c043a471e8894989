"""Who said it: speech verbs (cues) and the speaker phrases around them.

Used by ``quotes.py``. A speaker is found next to a cue verb: after a quote (``”, he said``,
``”, said Kim``, ``” Tulsa police Chief Chuck Jordan said Monday``), before it (``Kim said:
“``), or as the subject of reported speech (``officials said that ...``), walking back over
auxiliaries and adverbs to a pronoun, a named mention with its title, an appositive
(``Kim, a senior official, said``) or a short noun phrase headed by a speaker noun
(``data/speakers.txt``). Names are resolved by ``speaker_names.py``.
What the finders know of the article is a ``SpeechContext`` (``speech_context.py``).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from crossread.extract.cues import (
    cue_pattern,
    cues,
    lstrip_start,
    tail_start,
)
from crossread.extract.cues import rstrip_chars as _rstrip_chars
from crossread.extract.cues import rstrip_end as _rstrip_end
from crossread.extract.cues import word_end as _word_end
from crossread.extract.gazetteer import fold, word_set
from crossread.extract.speech_context import SpeechContext

_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})


_AUX = word_set("aux")


_BOUNDARY = word_set("boundary")


_DETERMINERS = word_set("determiners")
_PREPOSITIONS = word_set("prepositions")


OBJECTS = re.compile(
    r"\s+(?:reporters|journalists|him|her|them|us|me|you|the\s+\w+(?:\s+(?!that\b)\w+)?|"
    r"[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,3})(?=[\s,:])"
)


ADVERBIALS = re.compile(
    r"\s*(?:,\s*)?(?:on\s+[A-Z]\w+|last\s+\w+|this\s+\w+|yesterday|today|earlier|later|"
    r"in\s+an?\s+(?:interview|statement|email|letter|speech|tweet|post|op-ed|essay)"
    r"(?:\s+(?:with|to|on|in)\s+[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*)*)?)"
)


# cues that can come before their speaker ("said Kim"); "warned Seoul" names an addressee
_INVERTIBLE = word_set("invertible")


_CALENDAR = word_set("calendar")
_RELATIVE = frozenset({"who", "which"})
# a pronoun with its auxiliary clipped on: "he’s said", "they’ve argued", "I’d say"
_CONTRACTED = re.compile(r"(he|she|it|they|we|i|you)[’'](?:s|re|ve|d|ll|m)", re.IGNORECASE)
# a time adverbial or an interjected adverb between a subject and its cue
_TIME_BEFORE_CUE = re.compile(
    r"(?:\s+(?:last|this|next)\s+(?:week|month|year|night|weekend|spring|summer|fall|winter)|"
    r"\s+on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r",\s*(?:however|too|though|meanwhile|in turn|for their part|for his part|for her part),)"
    r"\s*$"
)
# how a match of _TIME_BEFORE_CUE ends (before its trailing space)
_TIME_ENDS = (
    "week",
    "weekend",
    "month",
    "year",
    "night",
    "spring",
    "summer",
    "fall",
    "winter",
    "day",
    ",",
)
# a share of people as a subject: "Nearly half said", "Just shy of half, 49%, say", "42% say",
# "22 percent said", "one in four voters said"
_QUANTITY_END = re.compile(
    r"(?:(?:[Nn]early|[Aa]lmost|[Aa]bout|[Oo]nly|[Jj]ust|[Oo]ver|[Mm]ore than|[Ff]ewer than|"
    r"[Ll]ess than)\s+)?(?:\d[\d.,]*\s*(?:%|percent\b|per cent\b)|"
    r"\b(?:half|a majority|a third|a quarter|two-thirds|three-quarters|"
    r"(?:[Oo]ne|[Tt]wo|[Tt]hree|\d+) (?:in|out of) (?:\w+)(?: voters| "
    r"Americans| respondents| adults)?))(?:\s+of\s+(?:them|those|voters|respondents|"
    r"Americans|Republicans|Democrats|[a-z]+ voters))?\s*,?\s*$"
)
# what every match of _QUANTITY_END holds: a digit or one of these
_DIGIT = re.compile(r"\d")
_QUANTITY_WORDS = re.compile(
    r"half|majority|third|quarter|ne (?:in|out of)|wo (?:in|out of)|ree (?:in|out of)"
)
# how a bare speaker noun is qualified when no name is given
_QUALIFIED = re.compile(
    r"(?:familiar with|close to|briefed on|involved in|knowledgeable about|with knowledge|"
    r"who (?:were|are|was|is|had|have|spoke|asked|requested|declined)|in the|at the|from the)\b"
)
_PARENTHESIS_END = re.compile(r"\s*\([^()]{1,30}\)\s*$")
_PHRASE = re.compile(r"[^,;:!?“”\"()\n]{1,80}")
_FORBIDDEN = re.compile(r"[;:!?“”\"\n]")


_ABBREVIATION = re.compile(r"\(?(?:[A-Z][a-z]{0,3}|[A-Z])\.|(?:[A-Za-z]\.){2,}")


# "\b[Aa]ccording to\s+", its word boundary checked after the first letter so that the regex
# engine can skip to the next "a" or "A"
_LEAD = re.compile(r"\s*[,:]?\s*")


ACCORDING = re.compile(r"[Aa](?<!\w[Aa])ccording to\s+")
_THAT_END = re.compile(r"\s+that$")


@cache
def speaker_nouns() -> frozenset[str]:
    text = resources.files("crossread.extract.data").joinpath("speakers.txt").read_text()
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and w[0] != "#")


def attribution_after(
    ctx: SpeechContext, end: int, limit: int
) -> tuple[tuple[int, int], str] | None:
    """``”, he said`` / ``,” said Kim`` / ``,” Kim told reporters`` right after a quote."""
    text = ctx.text
    pos = end
    m = _LEAD.match(text, pos, limit)
    pos = m.end() if m else pos
    closing = text[max(0, end - 3) : end].rstrip("”\"'’")
    if closing[-1:] in ("!", "?") and not text[pos : pos + 1].islower():
        # “Why not?” Trump asked.: a question or exclamation keeps its attribution after it
        found = _speaker_then_cue(ctx, pos, limit)
        if found is None or len(text[pos : found[0][1]].split()) > 5:
            return None
        cue_end = text.find(found[1], found[0][1], limit) + len(found[1])
        return found if _CLOSES.match(text, cue_end, limit) else None
    if closing[-1:] == "." and not text[pos : pos + 1].islower():
        return None  # the quote closed its sentence: what follows is not its attribution
    # "said Kim" / "added the minister"
    cue = cue_pattern().match(text, pos) if ctx.may_cue(pos, pos + 1) else None
    if cue and cue.group() in _INVERTIBLE:
        speaker = speaker_after(ctx, lstrip_start(text, cue.end(), chars=" "), limit)
        if speaker is not None:
            return speaker, cue.group()
    # "he said" / "Kim told reporters" / "Tulsa police Chief Chuck Jordan said Monday"
    return _speaker_then_cue(ctx, pos, limit)


def _speaker_then_cue(
    ctx: SpeechContext, pos: int, limit: int
) -> tuple[tuple[int, int], str] | None:
    """A subject phrase starting at ``pos`` followed by a speech verb (within 14 words)."""
    text = ctx.text
    cue = None
    for candidate in ctx.cues_in(pos, min(limit, pos + 160)):
        if not cues()[candidate.group()].needs_that:
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
        or (len(words) <= 2 and words[-1].lower() in speaker_nouns())
        # "sources familiar with the talks said", "people close to the president said"
        or (first.lower() in speaker_nouns() and _QUALIFIED.match(" ".join(words[1:3])))
    )
    if not opener and not (len(words) <= 8 and any(w[:1].isupper() for w in words)):
        return None  # "retired Air Force general Lloyd Newton said" is fine, "and then said" not
    end = _rstrip_chars(text, cue.start(), " ,")  # "Ann Fox, an economist, said"
    if text[end - 1 : end] == ")":
        paren = _PARENTHESIS_END.search(text, tail_start(text, pos, end, 4), end)
        if paren is not None and paren.start() > pos:
            end = paren.start()  # "Harry M. Reid (D-Nev.) said": the party tag is no word
    while True:
        span = _word_end(text, pos, end)
        if span is None:
            return None
        word = text[span[0] : span[1]]
        if word.lower() in _AUX or (word.islower() and word.endswith("ly") and len(word) > 4):
            end = span[0]
            continue
        break
    end = _rstrip_chars(text, end, " ,")
    if end <= pos:
        return None
    return (pos, end), cue.group()


def attribution_before(
    ctx: SpeechContext, sent_start: int, start: int
) -> tuple[tuple[int, int], str] | None:
    """``Kim said: “...`` / ``he added, “...`` / ``According to X, “...``."""
    text = ctx.text
    window = text[max(sent_start, start - 160) : start]
    offset = start - len(window)
    stripped = window.rstrip(" ,:")
    if len(stripped) < len(window) - 3:
        return None
    # the window starts mid-word: there "\b" holds in it but not in the text
    cut = offset > 0 and (text[offset - 1].isalnum() or text[offset - 1] == "_")
    verbs = (
        list(cue_pattern().finditer(stripped))
        if cut or ctx.may_cue(offset, offset + len(stripped))
        else []
    )
    for m in verbs:
        rest = _THAT_END.sub("", stripped[m.end() :])
        obj = OBJECTS.match(rest + " ")
        if rest.strip() and not (obj and obj.end() >= len(rest.rstrip())):
            adv = ADVERBIALS.match(rest)
            if not (adv and adv.end() >= len(rest.rstrip())):
                continue
        speaker = speaker_before(ctx, sent_start, offset + m.start())
        if speaker is not None:
            return speaker, m.group()
    acc = None
    if text.find("ccording to", sent_start, start) >= 0:  # else ACCORDING cannot match
        for found in ACCORDING.finditer(text, sent_start, start):
            acc = found  # the last "according to" before the quote
    if acc is not None:
        speaker = according_source(ctx, acc.end(), start)
        if speaker is not None:
            return speaker, "according to"
    return None


def speaker_after(ctx: SpeechContext, pos: int, limit: int) -> tuple[int, int] | None:
    """A pronoun, a name or a short noun phrase starting at ``pos``."""
    text = ctx.text
    m = re.match(r"(he|she|they|we|I|it|He|She|They|We|It)\b", text[pos:limit])
    if m:
        return pos, pos + m.end()
    if fold(re.match(r"[\w.]*", text[pos:limit]).group()) in _CALENDAR:  # type: ignore[union-attr]
        return None  # "said Tuesday": a date, not a speaker
    mention = ctx.by_start.get(pos)
    if mention is not None:
        end = mention.end
        nxt = ctx.by_start.get(lstrip_start(text, end, chars=" "))
        if mention.nominal and nxt is not None:
            end = nxt.end  # "the UN secretary general Antonio Guterres"
        return pos, end
    phrase = _PHRASE.match(text, pos, limit)
    if phrase is None:
        return None
    words = list(re.finditer(r"[\w’'\-.]+", phrase.group()))[:6]
    # the phrase ends at its last capitalised word or speaker noun: "North Korean state media"
    for k in range(len(words) - 1, -1, -1):
        word = words[k].group().rstrip(".")
        if word.lower() in speaker_nouns() or (word[:1].isupper() and word.lower() not in _AUX):
            first = words[0].group()
            if first[:1].isupper() or first.lower() in _DETERMINERS:
                return pos, pos + words[k].start() + len(word)
            return None
    return None


# what may follow the cue of an attribution after a question ("“Why?” he asked.")
_CLOSES = re.compile(r"\s*(?:[,.;!?]|$)")
_SOURCE_PHRASE = re.compile(r"[^,;:!?“”\"()\n]{2,150}?(?=\s*(?:[,;:!?“”\"()\n]|\.\s|\.$|$))")
_OBJECT_PRONOUN = re.compile(r"(?:him|her|them|us|me)\b")


# "according to" in its other sense, "in line with"
_NOT_A_SOURCE = frozenset(
    {"demand", "plan", "plans", "schedule", "need", "needs", "size", "age", "weight", "income",
     "merit", "season", "tradition", "custom", "type", "rank", "height"}
)  # fmt: skip


def according_source(ctx: SpeechContext, pos: int, limit: int) -> tuple[int, int] | None:
    """The source after ``according to``: a speaker phrase, an object pronoun (``according to
    him``) or any noun phrase up to the next comma (``according to state law``, ``according
    to early results of the exit poll conducted by Edison Research``)."""
    found = speaker_after(ctx, pos, limit)
    if found is not None:
        return found
    text = ctx.text
    pronoun = _OBJECT_PRONOUN.match(text, pos, limit)
    if pronoun is not None:
        return pos, pronoun.end()
    phrase = _SOURCE_PHRASE.match(text, pos, limit)
    if phrase is None or len(phrase.group().split()) > 20:
        return None
    first = phrase.group().split()[0].lower()
    if first in _AUX or first in _BOUNDARY or first.strip(".,;") in _NOT_A_SOURCE:
        return None  # "priced according to demand", "went according to plan": no source
    return pos, phrase.end()


def speaker_before(ctx: SpeechContext, lo: int, pos: int) -> tuple[int, int] | None:
    """The subject of a cue verb at ``pos``: walk back over auxiliaries to a pronoun, a name
    (with its title), an appositive (``Kim, a senior official,``) or a short noun phrase."""
    text = ctx.text
    i = pos
    # the end-anchored searches start a few words back: their matches hold at most 4, 11 and
    # 17 runs of white space
    when = (
        _TIME_BEFORE_CUE.search(text, tail_start(text, lo, i, 6), i)
        if text.endswith(_TIME_ENDS, lo, _rstrip_end(text, i, lo))
        else None
    )
    if when is not None:
        i = when.start()  # "Feinstein (D-Calif.) last week said", "Others, however, say"
    quantity = (
        _QUANTITY_END.search(text, tail_start(text, lo, i, 14), i)
        if _DIGIT.search(text, lo, i) or _QUANTITY_WORDS.search(text, lo, i)
        else None
    )
    if quantity is not None:
        return quantity.start(), _rstrip_chars(text, i, " ,")  # "Nearly half said", "49% say"
    if text[_rstrip_end(text, i, lo) - 1] == ")":
        paren = _PARENTHESIS_END.search(text, tail_start(text, lo, i, 20), i)
        if paren is not None:
            i = paren.start()  # "Sen. Bernie Sanders (I-Vt.) said": skip the party tag
    while True:
        span = _word_end(text, lo, i)
        if span is None:
            stop = _rstrip_end(text, i, lo)
            if stop > lo and text[stop - 1] == ",":
                return _appositive(ctx, lo, _rstrip_end(text, i))
            if stop > lo and text[stop - 1] in "—–":
                return _set_off(ctx, lo, stop - 1, text[stop - 1])  # "X — who ... — said"
            return None
        if text[span[0] : span[1]] == "--":
            return _set_off(ctx, lo, span[0], "--")
        word = text[span[0] : span[1]]
        if word.lower() in _AUX or (word.islower() and word.endswith("ly") and len(word) > 4):
            i = span[0]
            continue
        break
    end = _rstrip_end(text, i)
    pronoun = _CONTRACTED.fullmatch(word)
    if pronoun is not None and span[1] == end:
        return span[0], span[0] + pronoun.end(1)  # "he’s said", "they’ve argued"
    if word.endswith(("’s", "'s")):
        return None  # "Editor's note", "the president's claim"
    if (word.lower() in _PRONOUNS or word in _RELATIVE) and span[1] == end:
        return span[0], end  # "he said", "Ted Cruz, who said"
    mention = ctx.by_end.get(end) or ctx.by_end.get(
        end - 2 if text[end - 2 : end] in ("’s",) else -1
    )
    if mention is not None and mention.start >= lo:
        start = mention.start
        other = ctx.by_end.get(start - 5) if text.endswith(" and ", lo, start) else None
        if other is not None and other.start >= lo and not other.nominal:
            start = other.start  # "Washington and Seoul warned": both speak
        title = ctx.by_end.get(_rstrip_end(text, start))
        if title is not None and title.nominal and title.start >= lo:
            start = title.start
        return start, end
    if text[end - 1 : end] == ",":
        return _appositive(ctx, lo, end)
    words: list[tuple[int, str]] = []
    j = end
    while len(words) < 6:
        w = _word_end(text, lo, j)
        if w is None:
            break
        token = text[w[0] : w[1]]
        if token.lower() in _BOUNDARY:
            break
        words.append((w[0], token))
        j = w[0]
    if not words:
        return None
    head_word = words[0][1]
    if head_word.lower() in _PREPOSITIONS:
        return None  # "responded to his counterpart by saying": no noun before the cue
    determined = any(t.lower() in _DETERMINERS for _, t in words[1:4])  # "The actress said"
    if not (
        head_word.lower().strip("’'") in speaker_nouns()
        or head_word[:1].isupper()
        or (determined and head_word.isalpha() and head_word.islower())
    ):
        return None
    # keep the phrase from its determiner or first capitalised word
    words.reverse()
    for k, (start, token) in enumerate(words):
        if token.lower() in _DETERMINERS or token[:1].isupper():
            return start, end
        if k == len(words) - 1:
            return start, end
    return None


def _appositive(ctx: SpeechContext, lo: int, end: int) -> tuple[int, int] | None:
    """``Richard Revesz, director of the institute, said``: the name before the first comma."""
    last = ctx.by_end.get(end - 1)
    if last is not None and not last.nominal and last.start >= lo:
        return last.start, end - 1  # "One of the authors, Ari Fleischer, said"
    comma = ctx.text.rfind(",", lo, end - 1)
    while comma > lo and end - comma < 160:
        head = ctx.by_end.get(comma)
        if head is not None and not head.nominal:
            title = ctx.by_end.get(len(ctx.text[: head.start].rstrip()))
            start = title.start if title is not None and title.nominal else head.start
            return max(lo, start), end - 1
        comma = ctx.text.rfind(",", lo, comma)
    return _set_off(ctx, lo, end - 1, ",")


# what opens an appositive or a relative clause set off after a subject: "who requested
# anonymity", "a member of the caucus", "ranking member of the committee", "another incumbent"
_SET_OFF_OPENER = re.compile(
    r"\s*(?:who|whose|which|a|an|the|his|her|its|their|another|one|now|then|former|[a-z]+ing|"
    r"[a-z]+(?:\s+[a-z]+)?\s+(?:of|at|for|to|in)|[A-Z])\b"
)
_SET_OFF_FORBIDDEN = re.compile(r"[“”\";:()]")


def _set_off(ctx: SpeechContext, lo: int, end: int, mark: str) -> tuple[int, int] | None:
    """``A White House official, who requested anonymity, said``, ``Rep. Bobby Scott (D-Va.),
    ranking member of the committee, said``, ``The justice -- who has ... -- said``: a subject
    (a name or a short noun phrase, found as before a cue) and a phrase set off by ``mark``
    between it and its cue (``end``: the closing mark). The span runs from the subject to the
    closing mark, as an appositive's does."""
    text = ctx.text
    opening = text.rfind(mark, lo, end)
    if opening <= lo or end - opening > 200:
        return None
    inner = text[opening + len(mark) : end]
    if _SET_OFF_FORBIDDEN.search(inner) or not _SET_OFF_OPENER.match(inner):
        return None
    head = speaker_before(ctx, lo, opening)
    if (
        head is None
        or text[head[1] - 1] == ","
        or (text[head[1] : opening].strip() and not _PARENTHESIS_END.match(text, head[1], opening))
    ):
        return None  # the subject must end at the mark (or a party tag before it)
    before = text[lo : head[0]].strip()
    if before and not before.endswith(",") and before.lower() not in ("and", "but"):
        return None  # "the families of the founders, who ...": not the subject of the cue
    if not _who_speaks(ctx, head[0], head[1]):
        return None  # "In December, the prince called ...": a time, not a speaker
    return head[0], end


def _who_speaks(ctx: SpeechContext, start: int, end: int) -> bool:
    """A named person or organisation (``Rep. Bobby Scott (D-Va.)``) or a phrase headed by a
    speaker noun (``A White House official``)."""
    for m in ctx.mentions_from(start, end):
        if start <= m.start and m.end <= end and m.kind in ("PERSON", "ORG") and not m.nominal:
            return True
    last = _word_end(ctx.text, start, end)
    return last is not None and ctx.text[last[0] : last[1]].lower() in speaker_nouns()
