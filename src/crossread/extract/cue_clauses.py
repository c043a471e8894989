"""Reported speech after its cue verb: ``X said (that) CONTENT``, ``X told reporters on
Monday that CONTENT``, ``X vowed to cut taxes``, ``When asked whether ..., X said ...``.

Used by ``reported.py`` (rule 3 of ``reported_speech``). Each cue verb of a sentence gives at
most one quote: its content runs from the verb (after its object, adverbials and ``that``) to
the end of the sentence or a clause that ends it; its speaker is the subject before the verb
(``speakers.speaker_before``), else the sentence's subject or a long noun phrase opening it
(``A person familiar with the plans says``).
"""

from __future__ import annotations

import re
from functools import cache

from crossread.extract.cues import Cue, cue_pattern, cues, last_cue, lstrip_start, tail_start
from crossread.extract.gazetteer import word_set
from crossread.extract.quote_spans import after_connective, content_quote
from crossread.extract.speakers import (
    ADVERBIALS,
    OBJECTS,
    speaker_after,
    speaker_before,
)
from crossread.extract.speech_context import SpeechContext
from crossread.extract.trailing import find_trailing
from crossread.models import Quote, Sentence

# (not over the subject of a bare clause: "said he met families in a city that ...")
_UP_TO_THAT = re.compile(r"(?!\s+(?:he|she|they|we|I|it|you|there)\b)[^,.;:“”\"\n]{0,60}?\bthat\b")
# a passive or clipped "asked": "When asked whether ...", "was asked if ...", "Asked why, ..."
_PASSIVE = re.compile(r"(?:^\s*|\b(?:[Ww]hen|[Ii]f|was|were|been|being|is|are|be)\s+)\Z")
_FORBIDDEN_LEAD = re.compile(r"[“”\"]")
# the question after "asked", also with its asker: "asked (by Matt Lauer) whether ..."
_QUESTION = re.compile(
    r"(?:\s+by(?:\s+[A-Z][\w.’'\-]*){1,4}?)?"
    r"\s+(?:whether|if|why|how|what|which|who|when|where)\b"
)
# a clause that opens with its subject: "(thinks) we can win", "(shows) Trump leading"
_CLAUSE_OPENER = re.compile(
    r"\s+(?:he|she|they|we|I|it|there|you|the|a|an|his|her|their|its|our|this|these|those|"
    r"many|most|some|no|(?!(?:On|In|At|For|To|Of|About|So|That)\b)[A-Z][\w’'.\-]*|\d[\d,.]*)"
    r"\s+[\w“\"]"
)
# ... or with a subject of a few plain words and a finite verb: "(believe) other senators
# would", "(thought) compromise was likely", "(hopes) the new rules will"
_BARE_SUBJECT = re.compile(
    r"(?:\s+(?!(?:to|for|of|in|on|at|by|with|about|as|from|that|and|but|or|if|when|how|"
    r"what|why|so|who|whom|which|where|he|she|it|they|we|i|you|there)\b)[a-z][\w’'\-]*){1,3}"
    r"\s+(?:is|are|was|were|will|would|can|could|should|may|might|must|has|have|had|does|"
    r"did|won[’']t|wouldn[’']t|isn[’']t|aren[’']t|wasn[’']t|can[’']t|doesn[’']t)\b"
)
_NOT_CLAUSE = re.compile(
    r"\s+(?:to|for|of|in|on|at|by|with|about|during|after|before|while|when|as|from|"
    r"because|since|until|last|this|earlier|later|so|and|but|or|nothing|anything|something|"
    r"much|more|little|yes|no)\b"
)
_DEGREE_BEFORE = re.compile(r"\b(?:most|more|less|least|very|too)\s+\Z", re.I)
# a participle cue after a preposition: "responded to his counterpart by saying ..."
_BY_PARTICIPLE = re.compile(r"\b(?:by|after|before|while|without)\s+\Z", re.I)
# a second verb of the sentence's subject: "X defended the plan and (later) said ...", "X
# backed the bill but has since said ..."
_AND_BEFORE = re.compile(
    r"\b(?:and|but)\s+(?:(?:also|then|later|since|still|now|never|not|\w+ly|has|have|had|"
    r"is|are|was|were|will|would|did|does|do)\s+){0,3}\Z"
)
# a verb of going on, starting or trying before a cue: "continues to insist", "went on to
# say", "has begun urging", "took to Twitter to say", "tried to explain"
_ASPECT = re.compile(
    r"\b(?:continu(?:e|es|ed|ing)|(?:went|goes|go|going)\s+on|beg[aiu]n|begins|start(?:s|ed)?|"
    r"tr(?:y|ies|ied|ying)|took\s+to\s+\S+(?:\s+\S+)?|"
    r"(?:go|goes|went)\s+out\s+of\s+(?:his|her|their|its)\s+way)"
    r"\s+(?:to\s+)?(?:not\s+)?\Z"
)
# cues whose to-infinitive may follow its subject ("called on Congress to act", "want the
# piers to close"), and that object: a noun phrase of up to ten words, no clause in it
_OBJECT_INFINITIVE = frozenset({"call on", "urge", "ask", "tell"})
_OBJECT_TO = re.compile(
    r"\s+(?!(?:to|that|for|about|on|in|at|by|with|if|whether)\b)"
    r"(?:(?!(?:to|that|which|who|and|or|but|because|if|when|while)\b)[^\s,;:.“”\"()—]+\s+){1,10}?"
    r"to\s+(?!(?:the|a|an|his|her|their|its|this|that|these|those|me|him|them|us|[A-Z])\b)[a-z]"
)
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


def after_cues(
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
    out: list[Quote | None] = []
    # "X said that CONTENT, NK News reported last month.": the content ends at the comma
    trailing = find_trailing(ctx, s, body_end) if len(verbs) > 1 else None
    # "X complained A and questioned B": a later cue joined by "and"/"but" is a second verb of
    # the same subject; what the first says ends before it
    joins = [
        _coordinated(text, verbs[k].end(), verbs[k + 1].start()) for k in range(len(verbs) - 1)
    ]
    subjects: dict[int, tuple[int, int]] = {}
    for k, (cue, info) in enumerate(zip(verbs, infos, strict=True)):
        if any(ds < cue.start() < de for ds, de in direct):
            continue
        if cue.group().endswith(("ing", "ed")) and _DEGREE_BEFORE.search(
            text, tail_start(text, s, cue.start(), 2), cue.start()
        ):
            continue  # "Trump's most promising paths", "the most telling promise": adjectives
        answer = _ANSWER.match(text, cue.end(), body_end) if info.lemma == "say" else None
        if answer is not None:
            # "72 percent said yes", "he said so": a short answer is what they said
            speaker = speaker_before(ctx, s, cue.start())
            if speaker is not None:
                out.append(
                    content_quote(
                        ctx, sentence, *answer.span(1), speaker, cue.group(), direct, min_words=1
                    )
                )
            continue
        end = body_end
        if trailing is not None and cue.end() < trailing.comma:
            end = trailing.comma
        join = joins[k] if k < len(joins) else None
        if join is not None:
            end = min(end, join)
        elif k + 1 < len(verbs) and not info.stance:
            other = _other_clause(ctx, s, cue.end(), verbs[k + 1].start())
            if other is not None:
                end = min(end, other)
        subject = subjects.get(k)
        if subject is None and k and not info.stance and _participle_after_comma(text, s, cue):
            subject = _earlier_speaker(ctx, s, verbs[k - 1], cue.start())  # "X said A, adding B"
        if info.stance and subject is None:
            if any(not i.stance for i in infos[:k]):
                if not _participle_after_comma(text, s, cue):
                    continue  # "She said the union endorsed Clinton": inside what she said
                # "...,” he said, citing the cost": the speaker's own act
                subject = _earlier_speaker(ctx, s, verbs[k - 1], cue.start())
            later = next((verbs[j] for j in range(k + 1, len(verbs)) if not infos[j].stance), None)
            if later is not None:
                # "Wilson praised the plan and said ...": the opinion ends where the speech starts
                cut = _before_clause(ctx, s, cue.end(), later.start())
                if cut is None:
                    continue
                end = cut
        # an opinion alone in its sentence may be of one word ("Gov. Brown endorsed her")
        short = 1 if info.stance and end == body_end else 3
        quote = _after_cue(ctx, sentence, end, direct, cue, info, headline, short, subject)
        if join is not None and quote is not None and quote.speaker_start is not None:
            assert quote.speaker_end is not None
            subjects[k + 1] = (quote.speaker_start, quote.speaker_end)
        out.append(quote)
    return out


# a participle set off after a comma: "..., citing the cost", "..., referring to the plan"
_AFTER_COMMA = re.compile(r",\s*\Z")
_INVERTIBLE = word_set("invertible")


def _participle_after_comma(text: str, s: int, cue: re.Match[str]) -> bool:
    return cue.group().split()[0].endswith("ing") and (
        _AFTER_COMMA.search(text, tail_start(text, s, cue.start(), 1), cue.start()) is not None
    )


def _earlier_speaker(
    ctx: SpeechContext, s: int, prior: re.Match[str], end: int
) -> tuple[int, int] | None:
    """The speaker of the cue ``prior`` before a participle at ``end`` (``X said A, citing
    B``, ``“A,” said X, a senator, referring to B``): the name after an invertible cue, else
    the cue's subject."""
    before = speaker_before(ctx, s, prior.start())
    if before is not None or prior.group() not in _INVERTIBLE:
        # "Officials said the storm killed 12, warning ...": the subject before the cue;
        # the words after it are its content, no speaker
        return before
    return speaker_after(ctx, lstrip_start(ctx.text, prior.end(), end, " "), end)


# "and (also) questioned", ", but did not suggest", "and has since argued": a second verb of
# the subject before (not "and Smith said": a subject of its own)
_COORDINATOR_WORD = (
    r"(?:(?:also|then|later|still|never|not|\w+ly|(?:did|does|do|has|have|had|would|will|could)"
    r"(?:n[’']t)?)\s+)"
)
# a bare "and" needs a word of its own between ("and also questioned", "and has since argued"):
# "said Jones lied and denied taking it" is Jones's second verb, inside what was said
_COORDINATED = re.compile(rf"(?:,\s*|\s+)(?:and|but)\s+{_COORDINATOR_WORD}{{0,3}}\Z")


_CLAUSE_JOIN = re.compile(r",\s*(?:and|but)\s+\Z")


def _other_clause(ctx: SpeechContext, s: int, lo: int, cue: int) -> int | None:
    """Where a clause joined by ``and``/``but`` starts when it has a cue and a subject of its
    own (``X said A, and 40 percent said B``): the content before ends there."""
    speaker = speaker_before(ctx, s, cue)
    if speaker is None or speaker[0] <= lo:
        return None
    joined = _CLAUSE_JOIN.search(ctx.text, tail_start(ctx.text, lo, speaker[0], 2), speaker[0])
    return joined.start() if joined is not None else None


def _coordinated(text: str, lo: int, cue: int) -> int | None:
    """Where the words joining a cue at ``cue`` to the clause before it start, when the cue is
    a second verb of the same subject (``... and questioned``); None otherwise."""
    joined = _COORDINATED.search(text, tail_start(text, lo, cue, 5), cue)
    return joined.start() if joined is not None else None


# a short answer after "say": "said yes", "said so", "say otherwise" (not "said no one",
# "said so much", "said no to the plan")
_ANSWER = re.compile(
    r"\s+(yes|no|so|otherwise)\b(?!\s+(?:to|one|more|longer|matter|doubt|much|far|"
    r"that|way|other|many|few|long|as)\b)(?![’'\-])"
)


# how the clause of a later cue is joined to the one before: "..., and (then) said", "...
# and said", "..., who said", "..., saying"
_JOINED = re.compile(
    r"(?:,\s*(?:and\s+|but\s+|who\s+|which\s+)?|\s+(?:and|but)\s+)"
    r"(?:(?:also|then|later|\w+ly)\s+)?\Z"
)


def _before_clause(ctx: SpeechContext, s: int, lo: int, cue: int) -> int | None:
    """Where the text after a cue at ``lo`` ends when a later cue at ``cue`` reports a clause
    of its own: before the words that join the two (``... and said``, ``..., saying``) or before
    the later cue's subject and its comma (``..., officials said``). None when the later cue
    is not joined so (``blamed the network for reporting that ...``)."""
    text = ctx.text
    joined = _JOINED.search(text, tail_start(text, lo, cue, 3), cue)
    if joined is not None:
        return joined.start()
    speaker = speaker_before(ctx, s, cue)
    if speaker is None or speaker[0] <= lo:
        return None
    joined = _JOINED.search(text, tail_start(text, lo, speaker[0], 3), speaker[0])
    return joined.start() if joined is not None else None


def _after_cue(
    ctx: SpeechContext,
    sentence: Sentence,
    body_end: int,
    direct: list[tuple[int, int]],
    cue: re.Match[str],
    info: Cue,
    headline: bool,
    min_words: int = 3,
    subject: tuple[int, int] | None = None,
) -> Quote | None:
    """The content after one cue; ``subject`` is the speaker when the cue is a second verb of
    an earlier cue's subject (``X said A and warned B``)."""
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
    elif info.lemma in _OBJECT_INFINITIVE and not infinitive:
        # "called on the city council to act", "wants all the piers to close": whom they ask
        # and what for
        infinitive = _OBJECT_TO.match(text, cue.end(), body_end) is not None
    question = (
        _ASKED.match(text, cue.end(), body_end)
        if info.lemma == "ask" and not infinitive and not headline
        else None
    )
    if question is not None:
        return _question(ctx, sentence, body_end, direct, cue, question, subject)
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
            and not (
                info.clause
                and (
                    _CLAUSE_OPENER.match(text, pos, body_end)
                    or (
                        _BARE_SUBJECT.match(text, pos, body_end) and not ctx.cues_in(s, cue.start())
                    )
                )
            )
        ):
            return None
        if not has_that and not _WORD_AHEAD.match(text[pos:body_end]):
            return None
        if not has_that and _NOT_CLAUSE.match(text, pos):
            return None  # "called for", "said at a rally", "said when": not a reported clause
    by = (
        _BY_PARTICIPLE.search(text, tail_start(text, s, cue.start(), 2), cue.start())
        if cue.group().endswith("ing")
        else None
    )
    if by is not None and headline:
        return None  # "Rubio Responds To Question By Saying ...": capitals, no clause to trust
    if subject is not None:
        speaker: tuple[int, int] | None = subject
    elif by is not None:
        # "Kim responded to his counterpart by saying ...": the clause's subject speaks
        # (the subject of the verb before "by" when that is a cue: "Kim responded ...")
        prior = last_cue(text, s, by.start())
        speaker = (
            speaker_before(ctx, s, prior[0])
            if prior
            else _subject(ctx, after_connective(text, s), by.start())
        )
    else:
        speaker = speaker_before(ctx, s, cue.start())
        aside = _ASKED_ASIDE.search(text, s, cue.start())
        if aside is not None and (speaker is None or speaker[1] > aside.start()):
            # "The senator, asked about the leak, said ...": the speaker stands before the
            # aside (whose question is a quote of its own), never inside or across it
            before = speaker_before(ctx, s, aside.start())
            if before is not None and text[before[0] : before[1]].lower() in _RELATIVES:
                before = None  # "the senator, who, asked about it, said": not resolved here
            speaker = before
    if speaker is None:
        # "He continues to insist ...", "She went on to say ...", "They have begun urging ...":
        # a verb of going on or starting before the cue; its subject speaks
        aspect = _ASPECT.search(text, tail_start(text, s, cue.start(), 6), cue.start())
        if aspect is not None:
            speaker = speaker_before(ctx, s, aspect.start())
    if (
        speaker is None
        and cue.group().endswith("ing")
        and text[s : cue.start()].rstrip()[-1:] == ","
    ):
        speaker = _subject(ctx, s, cue.start())  # "Yoon spoke on Monday, saying ..."
    # (the end-anchored searches start a few words back: their matches hold at most 1-2 runs
    # of white space)
    if speaker is None and _AND_BEFORE.search(
        text, tail_start(text, s, cue.start(), 5), cue.start()
    ):
        # "A spokesman for the mayor defended the route and said ...": the sentence's subject
        speaker = _subject(ctx, after_connective(text, s), cue.start())
    if speaker is None or _PREPOSITION_BEFORE.search(
        text, tail_start(text, s, speaker[0], 3), speaker[0]
    ):
        # "A person familiar with the plans says": the phrase after "with" is not the speaker
        speaker = _long_subject(ctx, after_connective(text, s), cue.start()) or speaker
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
        return content_quote(ctx, sentence, pos, comma if comma > 0 else body_end, None, "", direct)
    if speaker is None:
        return None
    if subject is None and any(s < de and speaker[0] - 4 <= de <= speaker[0] for _, de in direct):
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
        return content_quote(
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
    return content_quote(
        ctx,
        sentence,
        pos + (that.end() if that else 0),
        stop.start() if stop else body_end,
        speaker,
        cue.group(),
        direct,
        span_start=that_start if has_that and "that" in (that.group() if that else "") else None,
        min_words=min_words,
    )


# a question set off by commas between a speaker and the cue: ", asked about the leak, said"
_ASKED_ASIDE = re.compile(
    r",\s+(?:when\s+|after\s+being\s+|after\s+he\s+was\s+|after\s+she\s+was\s+)?"
    r"(?:asked|pressed|questioned)\b[^;:“”\"]{0,120},\s*\Z"
)
_RELATIVES = frozenset({"who", "which", "that", "whom"})
# what was asked: "asked (by a reporter) (on Monday) whether ...", "asked (Trump) about ...",
# "Asked at a briefing Monday about ..." (a few words between, none that opens a clause)
_ASKED = re.compile(
    r"(?:\s+by\s+(?P<agent>(?:the\s+|an?\s+)?[\w.’'\-]+(?:\s+[A-Z][\w.’'\-]*){0,3}))?"
    r"(?:\s+(?!(?:and|but|or|for|to|that|when|where|while|because|if|whether)\b)"
    r"[^\s,;:.“”\"—–()]+){0,8}?"
    r"\s+(?:about\s+(?=\S)|(?P<wh>whether|if|why|how|what|which|who)\b)"
)
# a question with no asker before it: "Asked about ...", "when asked whether ...", "...,
# asked about ..."
_UNASKED = re.compile(
    r"(?:^\s*|,\s*|\b(?:[Ww]hen(?:ever)?|[Ii]f|was|were|been|being|is|are|be)\s+)\Z"
)


def _question(
    ctx: SpeechContext,
    sentence: Sentence,
    body_end: int,
    direct: list[tuple[int, int]],
    cue: re.Match[str],
    question: re.Match[str],
    subject: tuple[int, int] | None,
) -> Quote | None:
    """What someone was asked (``When asked by a reporter whether ...``, ``Asked about the
    plan, she said ...``, ``She asked Sanders about ...``): the question, from its question word
    (after ``about``), to the clause's end; its speaker is the asker (``by ...`` or the
    subject), none when the sentence names only whom was asked."""
    text, s = ctx.text, sentence.start
    start = question.start("wh") if question.group("wh") else question.end()
    unasked = (
        _UNASKED.search(text, tail_start(text, s, cue.start(), 2), cue.start())
        or not text[s : cue.start()].strip()
    )
    speaker: tuple[int, int] | None
    if question.group("agent"):
        speaker = question.span("agent")
    elif unasked:
        speaker = None
    else:
        speaker = subject or speaker_before(ctx, s, cue.start())
        if speaker is None:
            return None
    if unasked:
        comma = text.find(",", start, body_end)  # "Asked about it, she said ..."
        end = comma if comma > 0 else body_end
    else:
        stop = _clause_stop().search(text, start, body_end)
        end = stop.start() if stop else body_end
    return content_quote(ctx, sentence, start, end, speaker, cue.group(), direct, min_words=1)


def _parenthetical(lead: str) -> bool:
    """Content before an attribution set off by commas: ``A comic tone, [she said,] ...``."""
    if not lead.endswith(",") or len(lead.split()) < 2:
        return False
    return not _FORBIDDEN_LEAD.search(lead) and cue_pattern().search(lead) is None


@cache
def _clause_stop() -> re.Pattern[str]:
    """Where reported content ends before its sentence does: ``..., though she noted``, ``...,
    adding ...``, ``..., citing ...`` (a participle cue opens content of its own), ``; ...``."""
    participles = sorted((f for f in cues() if f.endswith("ing")), key=len, reverse=True)
    return re.compile(r",\s+(?:though|although|whereas|while|" + "|".join(participles) + r")\b|;\s")


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
