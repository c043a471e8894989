"""The tense a time expression resolves in: the nearest tense cue of its clause.

``clause_direction`` reads a sentence around an expression for future cues (``will``, ``is
expected to``, ``is heading to``), past ones (``said``, ``-ed`` verbs) and present ones, and
returns the nearest one's direction, with the exceptions English grammar asks for: a quotation
keeps its tense to itself, a cue past a report verb or ``that`` belongs to the reported clause,
a present-tense ``if``/``once``/``when`` clause looks ahead. ``date_direction`` adds what a
month or day says by its neighbours (``ended Jan. 31``, ``by February``, ``fired in February``,
``up for re-election in November``, ``the November jobs report``).
"""

from __future__ import annotations

import re
from functools import cache

from crossread.extract.times import scan
from crossread.extract.times.calendar import Direction
from crossread.extract.times.lexicon import alternation, lexicon
from crossread.extract.times.readings import Context


@cache
def _cue_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lex = lexicon()
    # an infinitive carries no tense of its own ("made it hard to meet demand")
    words = [w for w in lex.future_cues if w[:1] not in "'’"]
    # contractions follow their word ("he'll"): no word boundary before them
    future = re.compile(
        r"(?:(?<![\w'’])(?<!\bto\s)" + alternation(words) + r"|(?<=\w)['’]ll)(?![\w])",
        re.I,
    )
    past_words = alternation(list(lex.past_cues))
    # "to set the tone" is an infinitive; "planned" is decided in clause_direction
    past = re.compile(
        r"(?<![\w'’])(?<!\bto\s)(?:"
        + past_words
        + r"|(?<!\bas\s)(?!planned\s+to\b)[a-z]{2,}ed|(?:has|have)\s+been)(?![\w])",
        re.I,
    )
    return future, past


@cache
def _past_words() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon().past_cues) | {"has been", "have been"}


@cache
def _folded_cue_patterns() -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """The cue patterns for lower-cased text, case-sensitive (the same matches, faster)."""
    future, past = _cue_patterns()
    folded = scan.folded_pattern(future.pattern), scan.folded_pattern(past.pattern)
    return (folded[0], folded[1]) if folded[0] and folded[1] else None


# "the deadline is Friday", "the vote is set for noon Saturday": a present copula right before
# the expression schedules it (simple present with a time is a planned event)
_SCHEDULED_BEFORE = re.compile(
    r"(?<![\w'’])(?:(?:is|are)\s+(?:(?:set|scheduled|slated|planned|due)\s+(?:for\s+)?)?"
    r"|(?:has|have)\s+been\s+(?:set|scheduled|slated|planned)\s+(?:for\s+)?)"
    r"(?:(?:on|at|until|till)\s+)?$",
    re.I,
)
# "has given them until Tuesday to sign": a deadline to do something lies ahead
_UNTIL_BEFORE = re.compile(r"\b(?:until|till)\s+$", re.I)
_DEADLINE_GONE = re.compile(r"\s+(?:passed|expired|lapsed|came\s+and\s+went)\b", re.I)
_PLAN_TO = re.compile(r"\s+to\s+[a-z]", re.I)
_AS_PLANNED = re.compile(r"\bas\s+(?:\w+ly\s+)?$", re.I)
_DEADLINE_BEFORE = re.compile(r"\bdeadlines?\s+(?:is\s+)?(?:until|till|to|of|for|on|at)?\s*$", re.I)
_TO_AFTER = re.compile(r"\s+to\s+[a-z]", re.I)
_REPORTING = re.compile(r"said|told|added|reported", re.I)


def _trailing_report(text: str, end: int, pos: int, verb: str) -> bool:
    """Whether ``verb`` at ``pos`` is a reporting verb set off by a comma after the expression."""
    return _REPORTING.fullmatch(verb) is not None and "," in text[end:pos]


_PASSIVE_INFINITIVE = re.compile(r"\b(?:be|is|are|am|being)\s+(?:\w+ly\s+)?$", re.I)
_FRONTED = re.compile(
    r"[\s“\"]*(?:(?:on|in|at|by|late|early|since|from|during|until|before|after|earlier|later"
    r"|then|and|but|so)\s+)*",
    re.I,
)
_CONDITION = re.compile(r"\b(?:if|once|unless|when|whenever)\s", re.I)
_PRESENT_PERFECT = re.compile(r"\b(?:has|have|had)\b", re.I)
_NO_SUBJECT = re.compile(
    r"(?:in|on|at|again|more|before|after|every|per|or|and|upon|over|during|since|ago"
    r"|or\s+twice|a\s+(?:year|week|month|day|time))\b",
    re.I,
)
# "it is not clear if the rule applies in March": an indirect question, no condition
_QUESTION_IF_BEFORE = re.compile(
    r"\b(?:clear|unclear|know|known|knows|asked|ask|asks|wonder|wondered|see|sure|determine"
    r"|decide|check|whether)\s+$",
    re.I,
)
CONDITION_REACH = 60
"""How far before an expression (characters) a present-tense condition clause may start."""
_REPORT_BETWEEN = re.compile(
    r",\s+(?:saying|adding|warning|arguing|claiming|noting|insisting|vowing|promising)\b"
    r"|\b(?:that|whether|how|why|what|whom)\s"
)
# "announcing on Wednesday he would meet the NRA": a report verb right before the
# expression dates the report, and the tense after it is the reported clause's
_REPORTED_AT = re.compile(
    r"\b(?:said|says|say|announced|announcing|announces|told|telling|tells|saying|declared"
    r"|wrote|writes|tweeted|posted|insisted|insisting|warned|warning)\s+(?:on\s+)?$",
    re.I,
)
# simple-present schedule verbs read ahead only before the expression they schedule ("votes
# Tuesday"), not after it ("the agreement reached on Saturday still leaves ...")
_SCHEDULE_VERBS = frozenset(
    {
        "votes", "visits", "returns", "heads", "leaves", "starts", "opens", "meets", "arrives",
        "begins", "resumes", "expires", "travels", "convenes", "testifies",
    }
)  # fmt: skip
# cues that look ahead only at what follows them: schedule verbs and the modals of possibility
_AFTER_ONLY_BEFORE = _SCHEDULE_VERBS | {"may", "might", "must", "should"}
# "Wisconsin holds its primary on Tuesday": a present "holds" with an event schedules it
# ("Ford, which holds a 12% stake" is no schedule)
_HOLDS_EVENT = re.compile(
    r"(?<!\bto\s)(?<!\bnot\s)(?<!\bdid\s)(?<!n't\s)\b(?:holds|hold)\s+(?:[\w'’-]+\s+){0,3}?(?:primary|primaries|caucus(?:es)?|elections?"
    r"|votes?|referendum|meetings?|talks|hearings?|summit|conference|rally|debates?"
    r"|convention|ceremony|funeral|service|festival|parade)\b",
    re.I,
)
# "Ryan is heading to Georgetown for a speech Thursday morning", "I look forward to talking
# to you Monday": an arrangement ahead
_ARRANGED = re.compile(
    r"\b(?:is|are|am)\s+(?:heading|going|traveling|travelling|flying|meeting|visiting|leaving"
    r"|coming(?!\s+off\b)|arriving|hosting|holding|speaking|returning|launching|releasing|unveiling|opening"
    r"|starting|moving|headlining|appearing|attending|testifying|playing|taking\s+place)\b"
    r"(?!\s+(?:to\s+terms|off|out)\b)"
    r"|\blook(?:s|ing)?\s+(?:forward\s+to|ahead)\b"
    r"|\bto\s+be\s+(?:held|delivered|released|published|announced|sworn|signed|unveiled"
    r"|launched|played|heard|decided|named|sentenced|arraigned|presented)\b",
    re.I,
)
_PRESENT = re.compile(r"\b(?:is|are|am|has|have|does|do)\b(?!\s+(?:been|to|not\s+been)\b)", re.I)
# between an arrangement cue and the date, an event of its own ("is speaking out after the
# shooting on Sunday"): the date is that event's
_EVENT_BETWEEN = re.compile(
    r"\b(?:after|over|since|following|from|despite|amid|about)\s+(?:the|a|an|his|her|its|their|last)\b",
    re.I,
)
_NOT_A_MODAL = re.compile(
    r"(?-i:M)(?:ay|ight)\b|(?:may|might|must|should|can)\s+(?:not\s+)?have\b", re.I
)
_DETERMINER_BEFORE = re.compile(r"\b(?:his|her|its|their|our|my|your|the|a|an)\s+$", re.I)
_NOUN_FORMS = re.compile(
    r"(?:votes|visits|returns|heads|leaves|starts|opens|meets|arrives|begins|resumes|travels"
    r"|holds)",
    re.I,
)
_COUNTED_BEFORE = re.compile(
    r"\b(?:the|a|an|his|her|its|their|our|my|your|cast|more|fewer|many|of|\d[\d,]*)\s+$", re.I
)
_QUOTE_MARKS = re.compile(r"[“”\"]")


def _quoted_spans(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Spans of ``text[lo:hi]`` inside quotation marks (curly ones by their direction,
    straight ones in pairs); a closing mark with no opening one quotes from ``lo``."""
    marks = [(m.start(), m[0]) for m in _QUOTE_MARKS.finditer(text, lo, hi)]
    if not marks:
        return []
    spans: list[tuple[int, int]] = []
    curly = [(pos, ch) for pos, ch in marks if ch != '"']
    opened: int | None = None
    for pos, ch in curly:
        if ch == "“":
            opened = pos if opened is None else opened
        else:
            spans.append((lo if opened is None else opened, pos))
            opened = None
    if opened is not None:
        spans.append((opened, hi))
    straight = [pos for pos, ch in marks if ch == '"']
    if len(straight) % 2 == 0:
        spans += [(straight[i], straight[i + 1]) for i in range(0, len(straight), 2)]
    return spans


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(a <= pos <= b for a, b in spans)


def quoted(text: str, bounds: tuple[int, int], pos: int) -> bool:
    """Whether ``pos`` lies inside quotation marks within the sentence ``bounds``."""
    return _inside(_quoted_spans(text, bounds[0], bounds[1]), pos)


_DETERMINED_BEFORE = re.compile(
    r"\b(?:the|a|an|his|her|its|their|our|this|these|those|over|of|for|with|against)\s+$",
    re.I,
)


def _adjectival(text: str, pos: int, word: str, past_words: frozenset[str]) -> bool:
    """An ``-ed`` form that is no verb: a capitalised one (``United``) or the second half
    of a hyphenated adjective (``star-studded``)."""
    if word.lower() in past_words:
        return False
    if pos > 0 and text[pos - 1] == "-":
        return True
    if _DETERMINED_BEFORE.search(text, max(0, pos - 8), pos):
        return True  # "over planned job cuts", "the reduced dividend": before a noun
    before = text[max(0, pos - 4) : pos].rstrip(" “\"‘'(")
    # a capital opening a sentence is a verb's ("Asked on Monday whether ...")
    return text[pos].isupper() and not (before == "" or before[-1] in ".!?:;\n")


_PAST_AUXILIARY = re.compile(r"\b(?:had|was|were|been)\s+(?:\w+\s+)?$", re.I)


def clause_direction(
    text: str, start: int, end: int, bounds: tuple[int, int], folded: str | None = None
) -> Direction:
    """Tense of the clause around ``text[start:end]``: the nearest tense cue in its sentence.

    1. A schedule right before the expression decides at once: ``is (set for)``, ``until
       <time> to <verb>``, ``deadline until``.
    2. Cues are future ones (``will``, ``is expected to``, modals, arrangements such as ``is
       heading to``, ``holds its primary``), past ones (``said``, ``-ed`` verbs) and present
       ones (``is``, ``has``: ``none``); the nearest wins. A cue that says nothing of the
       expression is skipped (``_no_future``, adjectives in ``-ed``, participles after
       ``be``); one in another quotation, past a report verb or ``that``/``whether``, or a
       trailing attribution (", the lawyer said") counts only when nothing else does.
    3. A present-tense ``if``/``once``/``when`` clause ending at the expression looks ahead;
       a clause led by a cue of its own keeps it over a nearer cue past a comma.
    ``folded`` is the text lower-cased where that is safe (``scan.lowered``): the cues are
    then found case-sensitively in it, with the same spans.
    """
    lo, hi = max(bounds[0], start - 120), min(bounds[1], end + 120)
    if _SCHEDULED_BEFORE.search(text, max(lo, start - 40), start):
        return "future"
    if _UNTIL_BEFORE.search(text, max(lo, start - 8), start) and _TO_AFTER.match(text, end):
        return "future"
    if _DEADLINE_BEFORE.search(text, max(lo, start - 40), start) and not _DEADLINE_GONE.match(
        text, end
    ):
        return "future"  # "extended its deadline until 9 a.m. Tuesday"
    quick = _folded_cue_patterns() if folded is not None else None
    if quick is not None and folded is not None:
        future, past = quick
        window = folded[lo:hi]
    else:
        future, past = _cue_patterns()
        window = text[lo:hi]
    best: tuple[int, Direction] | None = None
    fallback: tuple[int, Direction] | None = None
    within: tuple[int, Direction] | None = None  # the nearest cue before, in the same clause
    # a quotation has its own tense: "in September, she said: “I will testify”"
    quoted = _quoted_spans(text, bounds[0], bounds[1])
    quoted_here = _inside(quoted, start)
    # "On Monday night, in a bid to ..., Trump told a rally": a fronted time phrase dates the
    # main clause, whose verb may come after a comma
    fronted = _FRONTED.fullmatch(text, bounds[0], start) is not None
    reported_at = _REPORTED_AT.search(text, max(bounds[0], start - 16), start) is not None
    past_words = _past_words()
    cues: tuple[tuple[re.Pattern[str], Direction], ...] = (
        (future, "future"),
        (_HOLDS_EVENT, "future"),
        (_ARRANGED, "future"),
        (past, "past"),
        (_PRESENT, "none"),
    )
    for pattern, direction in cues:
        for m in pattern.finditer(window):
            pos = lo + m.start()
            if start <= pos < end:
                continue
            distance = start - (lo + m.end()) if pos < start else pos - end
            if direction == "future" and _no_future(text, lo, start, end, pos, m[0]):
                continue
            if direction == "future" and _PAST_AUXILIARY.search(text, max(lo, pos - 16), pos):
                # "had been due to expire", "was scheduled to": a plan in the past
                direction = "past"
            elif direction == "past" and _PASSIVE_INFINITIVE.search(text, max(lo, pos - 24), pos):
                # "will be named", "is to be completed": a participle after "be" carries
                # no tense of its own (the auxiliary before it does)
                continue
            if direction == "past" and _adjectival(text, pos, m[0], past_words):
                continue
            if quoted and _inside(quoted, pos) != quoted_here:
                if fallback is None or distance < fallback[0]:
                    fallback = (distance, direction)
                continue
            if pos > end and (reported_at or _REPORT_BETWEEN.search(text, end, pos)):
                # "attacked him on Monday, saying he would ...": the cue after a report
                # verb is the reported clause's
                if fallback is None or distance < fallback[0]:
                    fallback = (distance, direction)
                continue
            if (
                direction == "past"
                and pos > end
                and not fronted
                and _trailing_report(text, end, pos, m[0])
            ):
                # "would be ready as soon as Tuesday, Castro said": a trailing attribution's
                # tense is the report's, not the reported event's; it counts only when
                # nothing else does
                if fallback is None or distance < fallback[0]:
                    fallback = (distance, direction)
                continue
            if (
                pos < start
                and "," not in text[pos:start]
                and (within is None or distance < within[0])
            ):
                within = (distance, direction)
            if best is None or distance < best[0]:
                best = (distance, direction)
    condition = _condition_before(text, lo, start, past)
    if condition is not None and (best is None or best[1] == "none" or condition < best[0]):
        # a present tense inside the condition clause is the condition's ("once the deal
        # is signed in March")
        best = (condition, "future")
    if within is not None and best is not None and best[1] != within[1]:
        # "while many are expected to back her in November, she has not ...": the nearest
        # cue lies past a comma in the next clause; the expression's own clause, led by a
        # cue of its own, keeps that cue's tense
        beyond = best[0] < within[0]
        if beyond and "," in text[end : end + best[0] + 1] and condition is None:
            best = within
    chosen = best or fallback
    return chosen[1] if chosen else "none"


def _no_future(text: str, lo: int, start: int, end: int, pos: int, word: str) -> bool:
    """Whether a future cue at ``pos`` says nothing of the expression at ``start:end``."""
    low = word.lower()
    if _NOT_A_MODAL.match(text, pos):
        return True  # "Theresa May", "may have left"
    if pos > end and low in _AFTER_ONLY_BEFORE:
        # modals and schedule verbs govern what follows them: "the ruling in March means
        # he can stay", "the agreement reached on Saturday still leaves ..."
        return True
    if (
        pos > end
        and low.startswith("plan")
        and _DETERMINER_BEFORE.search(text, max(lo, pos - 8), pos)
    ):
        return True  # "over his plans to address Congress": a noun
    if _NOUN_FORMS.fullmatch(word) and _COUNTED_BEFORE.search(text, max(lo, pos - 12), pos):
        return True  # "cast votes from March 1", "the visits": nouns
    if low in ("planned", "planning") and (
        pos > start
        or not _PLAN_TO.match(text, pos + len(word))
        or _AS_PLANNED.search(text, max(lo, pos - 16), pos)
    ):
        return True  # "planned to leave on Thursday" looks ahead; "planned the attack", no
    # "is speaking out after the shooting on Sunday": the date is the shooting's
    return bool(
        pos < start and _ARRANGED.fullmatch(word) and _EVENT_BETWEEN.search(text, pos, start)
    )


def _condition_before(text: str, lo: int, start: int, past: re.Pattern[str]) -> int | None:
    """Distance to an ``if``/``once``/``when`` clause the expression ends, when that clause
    is in the present tense (``if he takes office in January``): English puts a future
    event there in the present, so the clause looks ahead."""
    found = None
    for match in _CONDITION.finditer(text, max(lo, start - CONDITION_REACH), start):
        found = match
    if found is None or _QUESTION_IF_BEFORE.search(
        text, max(lo, found.start() - 12), found.start()
    ):
        return None
    clause = text[found.end() : start]
    if len(clause.split()) < 2 or "," in clause:
        return None  # a subject and a verb at least: "when in Rome" is no clause
    if _NO_SUBJECT.match(clause):
        return None  # "once in July and again in August": an adverb, no condition
    if _PRESENT_PERFECT.search(clause):
        return None
    for cue in past.finditer(clause.lower()):
        if not _PASSIVE_INFINITIVE.search(clause, 0, cue.start()):
            return None  # "if the vote failed in January": a past clause
    return start - found.end()


_ENDED_BEFORE = re.compile(r"\b(?:ended\s+(?:on\s+|in\s+)?|since\s+)$", re.I)
_VERB_IN_BEFORE = re.compile(
    r"\b(?P<word>(?-i:[a-z]){2,})\s+"
    r"(?:(?:down|up|out|off|away|back|over|there|here|home)\s+"
    r"|(?:the|a|an|his|her|its|their|our)\s+(?:(?![a-z]+ed\b)[\w'’-]+\s+){1,3})?(?:in|on)\s+$",
    re.I,
)
_VERB_OBJECT_IN_BEFORE = re.compile(
    r"\b(?P<word>(?-i:[a-z]){2,})\s+(?P<object>(?-i:[a-z]){3,})\s+(?:in|on)\s+$", re.I
)
_NOT_OBJECT_WORDS = (
    "the and but for not was were had has have been are will would that this than then who "
    "which there here also only just even still again later early"
)
_NOT_OBJECTS = frozenset(_NOT_OBJECT_WORDS.split())
# irregular past forms that are seldom adjectives or present forms ("the left lane", "paid
# leave", "will cut taxes" are not past): the verb of "took office in February"
_PLAIN_PAST_WORDS = (
    "took came went met gave sent began saw won fell rose got found spoke wrote brought "
    "became chose drew flew led ran sold struck stood broke bought caught fought heard kept "
    "taught threw held left made"
)
_PLAIN_PAST = frozenset(_PLAIN_PAST_WORDS.split())
# what cannot stand right before such a verb: a determiner or possessive makes it an
# adjective ("its last show", "a paid holiday"), a form of "be" or "to" a passive or plan
# ("is to be held in March", "is expected to be made public in January")
_NOT_BEFORE_PAST = re.compile(
    r"\b(?:the|a|an|its|his|her|their|our|my|your|is|are|am|be|being|been|to)\s+(?:\w+ly\s+)?$",
    re.I,
)


_WEEKDAY_START = re.compile(r"(?:early\s+|late\s+)?(?-i:Mon|Tue|Wed|Thu|Fri|Sat|Sun)", re.I)
# "closing is expected in December", "the case is heard in May": no past
_PRESENT_PASSIVE = re.compile(r"\b(?:is|are|am|be|being|will|would|to)\s+(?:\w+ly\s+)?$", re.I)
_VOTES = r"(?:re-?election|elections?|midterms?|primary|primaries|caucus(?:es)?|runoff|referendum)"
_VOTE_DETERMINER = r"(?:the\s+|a\s+|his\s+|her\s+|their\s+)?"
_VOTE_IN_BEFORE = re.compile(
    rf"(?:\b(?P<verb>[a-z]+)\s+{_VOTE_DETERMINER})?\b{_VOTES}\s+(?:in|on)\s+$", re.I
)
# what puts a vote ahead: "up for re-election", "facing a primary", "ahead of the election"
_PROSPECT = re.compile(
    r"\b(?:up\s+for|facing|faces|face|running\s+for|runs?\s+for|seeking|seeks?|ahead\s+of"
    rf"|before|until|upcoming|coming|next|win|wins)\s+{_VOTE_DETERMINER}{_VOTES}\b",
    re.I,
)
_REPORT_NOUNS = r"(?:report|data|figures|numbers|statistics|poll|polls|survey|reading|index)"
_REPORT_AFTER = re.compile(
    rf"\s+(?:[a-z-]+\s+)?{_REPORT_NOUNS}\b(?!\s+(?:is|are)\s+(?:due|expected|scheduled))"
)
_REPORT_IN_BEFORE = re.compile(
    rf"\b{_REPORT_NOUNS}\s+(?:(?:conducted|released|published|taken)\s+)?(?:in|from)\s+$", re.I
)
_AHEAD_OF_BEFORE = re.compile(r"\bahead\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?$", re.I)
_DIGIT = re.compile(r"\d")
_CAMPAIGN = re.compile(
    r"\b(?:elections?|electoral|nominee|nomination|White\s+House|campaign|ballot"
    r"|swing\s+states?)\b",
    re.I,
)
_BY_BEFORE = re.compile(r"\bby\s+$", re.I)
_MODAL = re.compile(r"\b(?:would|will|shall|must|should|can|could|may|might)\b|['’]ll\b", re.I)
BY_REACH = 60
"""How far before a ``by`` deadline (characters) a past-tense verb makes it a past one."""


def date_direction(m: re.Match[str], ctx: Context) -> tuple[Direction, bool]:
    """Tense a month or day resolves in, and whether it is certain (no reach limit).

    ``the quarter ended Jan. 31``: a closing date of a reported period, always behind the
    anchor however far. ``by February``: a deadline, ahead of the anchor unless a past
    form leads up to it (``the debt had been repaid by February``); a sentence that opens
    with it reads its tense as usual (``By February the troops had left``).
    """
    before = ctx.text[max(0, m.start() - 12) : m.start()]
    if _ENDED_BEFORE.search(before):
        return "past", True
    if not _WEEKDAY_START.match(m.group()) and (
        _REPORT_AFTER.match(ctx.text, m.end())
        or _REPORT_IN_BEFORE.search(ctx.text, max(0, m.start() - 40), m.start())
    ):
        # "the November jobs report", "a CNN poll in January shows": figures are of a month
        # already over
        return "past", False
    if _AHEAD_OF_BEFORE.search(ctx.text, max(0, m.start() - 16), m.start()):
        return "future", False  # "ahead of the Nov. 8 election"
    vote = _VOTE_IN_BEFORE.search(ctx.text, max(0, m.start() - 40), m.start())
    if vote and not _WEEKDAY_START.match(m.group()):
        # "senators up for re-election in November": a vote named by its month lies ahead,
        # unless a past verb holds it ("he won re-election in November"); "after winning
        # re-election in November" reads the clause's tense
        word = (vote["verb"] or "").lower()
        if word in ("last", "ago"):
            word = ""  # "holds its last primary in June": a cue word, no verb
        if word in _past_words() or (word.endswith("ed") and len(word) > 3):
            return "past", True
        if _PROSPECT.search(ctx.text, max(0, vote.start() - 12), vote.end()):
            return "future", False
    verb = _VERB_IN_BEFORE.search(ctx.text, max(0, m.start() - 60), m.start())
    # "whom he fired in February": a past verb right before its date leaves no doubt
    if (
        verb
        and (verb["word"].lower() in _past_words() or verb["word"].lower().endswith("ed"))
        and not _PRESENT_PASSIVE.search(ctx.text, max(0, verb.start() - 24), verb.start())
    ):
        return "past", True
    held = _VERB_OBJECT_IN_BEFORE.search(ctx.text, max(0, m.start() - 40), m.start())
    if (
        held
        and held["object"].lower() not in _NOT_OBJECTS
        and held["word"].lower() in _PLAIN_PAST
        and not _NOT_BEFORE_PAST.search(ctx.text, max(0, held.start() - 24), held.start())
        and not _MODAL.search(ctx.text, max(0, held.start() - 30), held.start())
    ):
        # "Carter took office in February", "the law took effect in March": a past verb
        # and its bare object right before the date
        return "past", True
    if _BY_BEFORE.search(before):
        lo, _ = ctx.bounds(m.start())
        if lo < m.start() - 3:
            start = max(lo, m.start() - BY_REACH)
            modals = list(_MODAL.finditer(ctx.text, start, m.start()))
            if modals:  # "said it would withdraw by Friday": the verb group after the modal
                start = modals[-1].end()
            bounds = (start, m.start())
            past = clause_direction(ctx.text, m.start(), m.end(), bounds, ctx.folded) == "past"
            return ("past" if past else "future"), False
    direction = ctx.direction(m.start(), m.end())
    if direction == "none" and not _WEEKDAY_START.match(m.group()) and not _DIGIT.search(m.group()):
        lo, hi = ctx.bounds(m.start())
        if _CAMPAIGN.search(ctx.text, lo, hi):
            # "reclaiming the White House in November", "marching toward November": with no
            # tense at all, a campaign's month is the one ahead
            return "future", False
    return direction, False
