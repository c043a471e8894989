"""Grammar rules that need no anchor: durations, sets and the TimeML references.

Durations (``two years``, ``the past 24 hours``, ``decades``), sets (``every week``,
``annually``) and ``PRESENT_REF`` / ``PAST_REF`` / ``FUTURE_REF`` (``now``, ``recently``,
``the future``).
"""

from __future__ import annotations

import re
from functools import cache

from crossread.extract.times import calendar as cal
from crossread.extract.times.lexicon import alternation, fragments, lexicon
from crossread.extract.times.readings import Context, Reading

F = fragments()
LEX = lexicon()
NUMBER = F.number


def _words(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").lower()).strip()


def _part(text: str | None) -> str | None:
    return LEX.day_parts.get(_words(text)) if text else None


# 1. durations: "two years", "the past 24 hours", "more than a decade", "three-year", "decades"
DURATION = (
    r"(?:(?P<det>the\s+(?:past|last|next|first|previous|coming|final|latest|following"
    r"|preceding|remaining|same|entire|whole|full|initial|ensuing)|the(?!\s+[\w.]+-[a-z])|another"
    r"|past|next"
    r"|an?\s+additional|an?\s+further)\s+)?"
    rf"(?:(?P<approx>{F.approx})\s+)?"
    rf"(?P<num>{NUMBER}|(?P<one>another|an?\s+(?:additional|further|extra)))"
    # a year is never the low end of a range ("sentenced in 1996 to 10 years")
    r"(?:(?<!(?<![\d,.])(?:1[5-9]|20)\d\d)"
    rf"\s+(?:or|to)\s+(?P<num2>{NUMBER}))?(?P<hy>[\s-]+)(?:(?P<more>more|additional|further"
    rf"|extra|straight|consecutive|successive|trading|business)\s+)?(?P<unit>{F.unit})(?P<plus>[\s-]+(?:and\s+a\s+half))?(?![\w-])(?!\s+old)"
)
# "a three-year period", "a one-year term": the noun a unit adjective qualifies is part of
# the duration (TIMEX3 extent)
UNIT_PERIOD = (
    rf"(?:an?\s+)?(?P<num>{NUMBER})-(?P<unit>{F.unit_singular})\s+(?:period|term|span|stretch)"
    r"(?![\w-])"
)


def unit_period(m: re.Match[str], ctx: Context) -> Reading | None:
    amount = LEX.number(_words(m["num"]))
    if amount is None or m["num"].lower() in ("a", "an"):
        return None
    return Reading(type="DURATION", value=cal.duration_value(amount, LEX.unit(m["unit"])))


# "a week-long visit", "the yearlong strike": one unit (TIMEX3 DURATION, "long" included)
UNIT_LONG = r"(?P<unit>day|week|month|year|decade|hour|night)-?long(?![\w-])"


def unit_long(m: re.Match[str], ctx: Context) -> Reading | None:
    return Reading(type="DURATION", value=cal.duration_value(1, LEX.unit(m["unit"])))


BARE_UNITS = (
    r"(?P<pre>(?:the\s+)?(?:(?:past|(?<!will\s)(?<!should\s)(?<!would\s)(?<!could\s)"
    r"(?<!can\s)(?<!may\s)(?<!might\s)(?<!must\s)(?<!\bto\s)last|next|coming|recent|previous"
    r"|ensuing|following)\s+)?)"
    r"(?P<unit>years|decades|months|weeks|days|hours|centuries|minutes)(?![\w-])"
)


_RATE_BEFORE = re.compile(
    r"(?:\d|%|percent|cents?|dollars?|euros?|pounds?|million|billion|thousand|times|once"
    r"|twice|(?!(?:was|is|has|his|its|this|as|us|less|unless|across|perhaps|always)\b)"
    r"[a-z]+s|\d-|dollar-)[\s-]*$",
    re.I,
)


_SHARE_OF = re.compile(
    r"\s+of\s+(?:the|all|its|their|his|her|those|these|our)\s+(?!(?:fiscal\s+)?year\b)", re.I
)


_FRACTION_OF = re.compile(r"\s+of\s+(?:a|an)\s", re.I)
_AMOUNT_AFTER = re.compile(
    r"[\s-]+(?:million|billion|trillion|miles?|pounds?|inch(?:es)?|points?|percent|tons?"
    r"|acres?|full|empty)\b",
    re.I,
)


def _not_a_duration(m: re.Match[str], ctx: Context, num: str, unit: str, plural: bool) -> bool:
    """Rates (``$5 a year``), fractions (``three-quarters``, ``a quarter of``), ``a second``."""
    if unit == "Q" and plural and "-" in m["hy"]:
        return True  # "three-quarters" of something
    if unit == "Q" and _SHARE_OF.match(ctx.text, m.end()):
        return True  # "more than a quarter of the market", "three quarters of all votes"
    if unit == "Q" and _AMOUNT_AFTER.match(ctx.text, m.end()):
        return True  # "a quarter million people", "three-quarter-mile"
    if unit == "Q" and not plural and _FRACTION_OF.match(ctx.text, m.end()):
        return True  # "nearly a quarter of a trillion dollars"
    if num == "zero":
        return True  # "zero-hours contracts": a name of a contract, not a stretch of time
    if m["det"] or m["approx"]:
        return False
    if num in ("a", "an"):
        if _RATE_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start()):
            return True
        if unit == "S" or (unit == "Q" and ctx.text.startswith(" of", m.end())):
            return True
    return False


# "twice a week", "three times a year": a frequency, so "a week" is a SET (TIMEX3 P1W, 2X)
_FREQUENCY_BEFORE = re.compile(rf"\b(?:once|twice|thrice|(?:{NUMBER})\s+times)\s+$", re.I)


# "Islam will one day be...", "the hope he one day follows": "one day" as "some day"
_SOMEDAY_BEFORE = re.compile(
    r"\b(?:will|would|could|might|may|can|shall|should|to|he|she|they|we|I|you|perhaps|maybe"
    r"|hopefully)\s+$"
)
_VERB_AFTER = re.compile(r"\s+[a-z]+\b(?<!\bof)(?<!\bor)(?<!\band)(?<!\bin)")


def _is_some_day(m: re.Match[str], ctx: Context, num: str, unit: str, plural: bool) -> bool:
    if num != "one" or unit != "D" or plural or m["det"] or m["approx"] or m["num2"]:
        return False
    before = _SOMEDAY_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start())
    return bool(before and _VERB_AFTER.match(ctx.text, m.end()))


def duration(m: re.Match[str], ctx: Context) -> Reading | None:
    num_text = _words(m["num"])
    unit = LEX.unit(m["unit"])
    plural = m["unit"].lower().endswith("s") and m["unit"].lower() not in ("hrs",)
    if m["one"]:
        # "another year", "an additional year": one more unit ("another two years" reads
        # "another" as the determiner and "two" as the amount)
        if plural or m["more"]:
            return None
        return Reading(type="DURATION", value=cal.duration_value(1, unit))
    if m["more"] and not plural and (LEX.number(num_text) or 0) > 1:
        return None
    if unit == "H" and re.fullmatch(r"(?:[01]\d|2[0-3])[0-5]\d", num_text):
        return None  # "0900 hours": a clock time in military style
    if _is_some_day(m, ctx, num_text, unit, plural):
        return Reading(type="DATE", value="FUTURE_REF")
    amount = LEX.number(num_text)
    if (
        num_text in ("a", "an")
        and not plural
        and not m["det"]
        and not m["approx"]
        and _FREQUENCY_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start())
    ):
        return Reading(type="SET", value=cal.duration_value(1, unit))
    if num_text in ("a", "an") and plural:
        return None
    if _not_a_duration(m, ctx, num_text, unit, plural):
        return None
    # "five year plan" is an adjective written without its hyphen; "two year" alone is not
    adjective = (
        amount is not None
        and amount < 100
        and re.match(r"\s+[a-z]", ctx.text[m.end() : m.end() + 3])
    )
    if amount is not None and amount > 1 and not plural and "-" not in m["hy"] and not adjective:
        return None
    if amount is not None and amount > 1000 and unit not in ("Y", "H", "MIN", "S", "D"):
        return None
    approx = _words(m["approx"])
    mod = LEX.approximators.get(approx) if approx else None
    if m["num2"]:
        mod = mod or "EQUAL_OR_MORE"
    if m["plus"] and amount is not None:
        amount += 0.5
    if num_text in ("a couple of", "a couple"):
        mod = mod or "APPROX"
    return Reading(type="DURATION", value=cal.duration_value(amount, unit), modifier=mod)


_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)\"”]|\s(?:and|but)\b)")
_SPELL_BEFORE = re.compile(
    r"\b(?:after|following|follows|followed|amid|despite|during|through|with|without|ends|ended"
    r"|ending|endured|caps|capped)\s+$"
)
_OF_AFTER = re.compile(
    r"\s+of\s+(?!the\b|this\b|that\b|these\b|those\b|his\b|her\b|its\b|their\b)[a-z]"
)


def bare_units(m: re.Match[str], ctx: Context) -> Reading | None:
    pre = _words(m["pre"])
    # TimeBank reads "recent years" as a past reference, "recent weeks" as a duration
    if pre.endswith("recent") and m["unit"].lower() in ("years", "decades", "centuries"):
        return Reading(type="DATE", value="PAST_REF")
    if not pre:
        before = ctx.text[max(0, m.start() - 10) : m.start()].lower()
        if (
            not re.search(
                r"\b(?:for|over|within|took|take|takes|lasted|last|spent|spend)\s+$", before
            )
            and not (
                # "the first time in years", "its lowest level in decades"
                (before.endswith(" in ") and _CLAUSE_END.match(ctx.text, m.end()))
                # "follows months of talks", "after weeks of delay", "Years of war" (not "the
                # early days of radio": an era)
                or (
                    _OF_AFTER.match(ctx.text, m.end())
                    and (m.group()[:1].isupper() or _SPELL_BEFORE.search(before))
                )
            )
        ):
            return None
    return Reading(type="DURATION", value=cal.duration_value(None, LEX.unit(m["unit"])))


# 2. sets: "every year", "annually", "weekly", "every Monday", "each week"
SET_WORDS = alternation(list(LEX.sets)) + r"(?![\w-])"
EVERY_WEEKDAY = rf"(?:every|each)\s+(?P<wd>{F.weekday})(?:\s+(?P<part>{F.day_part}))?"
EVERY_N = rf"every\s+(?P<num>{NUMBER})\s+(?P<unit>{F.unit})"
PLURAL_WEEKDAY = (
    r"(?-i:(?P<wd>Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays))"
    rf"(?:\s+(?P<part>{F.day_part}))?"
    rf"|(?P<wd1>{F.weekday})(?:\s+(?P<parts>mornings|afternoons|evenings|nights)"
    rf"|(?=\s+(?:and|or)\s+{F.weekday}\s+(?P<coparts>mornings|afternoons|evenings|nights)))"
)
"""``Fridays``, ``Tuesday nights``, and ``Monday`` in ``Monday and Tuesday nights``."""
EVERY_MONTH = rf"(?:every|each)\s+(?:(?P<mon>{F.month_full})|(?P<season>{F.season}))"


_ADVERB_FOLLOWERS = frozenset(
    [
        "in",
        "at",
        "on",
        "by",
        "for",
        "to",
        "and",
        "or",
        "from",
        "since",
        "until",
        "with",
        "during",
        "as",
        "but",
        "than",
        "through",
    ]
)


_AMOUNT_BEFORE = re.compile(
    r"(?:\d%|\d\s*percent|\bper\s?cent|\d\s*(?:million|billion|thousand|trillion)|[$€£]\s?\d[\d.,]*)"
    r"(?:\s+[a-z]+){0,2}\s+$",
    re.I,
)


_NAME_AFTER = re.compile(r"\s+[A-Z](?:[a-z]|[A-Z]{2})")
_NAME_BEFORE = re.compile(r"[A-Z][a-z]+[ \t]+$")
_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|this|that|its|their|his|her|our)\s+(?:[a-z]+\s+)?$")


def set_word(m: re.Match[str], ctx: Context) -> Reading | None:
    """``every week``, ``annually``; ``daily`` only as an adverb (not ``daily newspaper``)."""
    word = _words(m.group())
    if word.endswith("ly") and _AMOUNT_BEFORE.search(ctx.text, max(0, m.start() - 40), m.start()):
        # "rise 8.5% annually", "C$17.9 million annually": the adverb is the denominator of a
        # rate (a measure, like "$5 a year"), not a set of recurring times
        return None
    if (
        word.endswith("ly")
        and m.group()[:1].isupper()
        and (
            _NAME_AFTER.match(ctx.text, m.end())
            or _NAME_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start())
        )
    ):
        return None  # a title: "The Daily Telegraph", "the Weekly Standard", "City Monthly"
    if word.endswith("ly"):
        follower = re.match(r"\s+([a-z]+)", ctx.text[m.end() : m.end() + 30])
        if follower and follower.group(1) not in _ADVERB_FOLLOWERS:
            return None
        if follower is None and _DETERMINER_BEFORE.search(
            ctx.text, max(0, m.start() - 30), m.start()
        ):
            return None  # a noun: "a free daily", "the weekly" (a newspaper)
    return Reading(type="SET", value=LEX.sets[word])


def every_weekday(m: re.Match[str], ctx: Context) -> Reading | None:
    """``every Monday``, ``Fridays``, ``Tuesday nights`` (a weekday's plural part: a set)."""
    groups = m.groupdict()
    day = LEX.weekday(groups.get("wd") or groups["wd1"])
    plural_part = groups.get("parts") or groups.get("coparts") or ""
    part = _part(groups.get("part") or plural_part[:-1] or None)
    return Reading(type="SET", value=f"XXXX-WXX-{day}" + (f"T{part}" if part else ""))


def every_month(m: re.Match[str], ctx: Context) -> Reading | None:
    """``every July`` -> ``XXXX-07``, ``each summer`` -> ``XXXX-SU`` (TIMEX3 sets)."""
    if m["mon"]:
        return Reading(type="SET", value=f"XXXX-{LEX.month(m['mon']):02d}")
    return Reading(type="SET", value=f"XXXX-{LEX.seasons[m['season'].lower()]}")


def every_n(m: re.Match[str], ctx: Context) -> Reading | None:
    amount = LEX.number(m["num"])
    return Reading(type="SET", value=cal.duration_value(amount, LEX.unit(m["unit"])))


# 3. references: "now", "currently", "recently", "the past", "the future", "soon"
PRESENT = alternation(list(LEX.present_ref)) + r"(?![\w-])"
PAST = alternation(list(LEX.past_ref)) + r"(?![\w-])"
FUTURE = alternation(list(LEX.future_ref)) + r"(?![\w-])"
_NOT_NOW_AFTER = re.compile(r"[\s-]+(?:account|affairs|events|president|leader|members?)\b", re.I)


def present_ref(m: re.Match[str], ctx: Context) -> Reading | None:
    if m.group().lower() == "current" and _NOT_NOW_AFTER.match(ctx.text, m.end()):
        return None
    if (
        m.group() == "Now"
        and ctx.text.startswith(",", m.end())
        and ctx.bounds(m.start())[0] >= m.start() - 2
    ):
        return None  # "Now, Bill has pointed out ...": a discourse marker opening a sentence
    return Reading(type="DATE", value="PRESENT_REF")


# "the past three elections", "the future Democratic leader": "the past" / "the future" as an
# adjective before a count or a name is no time expression (TimeBank leaves them unmarked);
# after a preposition a name opens the clause instead ("in the past Trump has said", "looking
# to the future Democrats see hope"); a title-case headline ("Looks to the Future After
# Defeat") capitalises the word itself, so it is left alone
_ADJECTIVE_BEFORE = re.compile(
    r"[ \t]+(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several"
    r"|dozen|couple|handful)(?![\w-]))",
    re.I,
)
_CAPITAL_AFTER = re.compile(r"[ \t]+(?-i:[A-Z][a-z])")
_PREPOSITION_BEFORE = re.compile(r"\b(?:in|into|to|for|about|from|of|on|with)\s+$", re.I)


def _adjective(m: re.Match[str], ctx: Context) -> bool:
    """Whether ``the past`` / ``the future`` modifies what follows instead of naming a time."""
    surface = m.group()
    if _words(surface) not in ("the past", "the future") or surface.split()[-1][0].isupper():
        return False
    if _ADJECTIVE_BEFORE.match(ctx.text, m.end()):
        return True
    if _CAPITAL_AFTER.match(ctx.text, m.end()):
        return not _PREPOSITION_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start())
    return False


def past_ref(m: re.Match[str], ctx: Context) -> Reading | None:
    if _adjective(m, ctx):
        return None
    if re.search(r"\bas\s+$", ctx.text[max(0, m.start() - 4) : m.start()], re.I) and re.match(
        r"\s+as\b", ctx.text[m.end() : m.end() + 4], re.I
    ):
        return None  # "as recently as Friday": the date after it is the expression
    return Reading(type="DATE", value="PAST_REF")


# "soon" as a time adverb ("will soon seek"), not the comparison or the sequence it opens
# ("as soon as the talks end", "soon after his arrest", "too soon to say")
_NOT_SOON_BEFORE = re.compile(r"\b(?:as|too|so|how)\s+$", re.I)
_NOT_SOON_AFTER = re.compile(r"\s+(?:after|afterwards?|before|as|than|thereafter)\b", re.I)


_WORD_AFTER = re.compile(r"[ \t]+([a-z]+)\b")


_AUXILIARY_BEFORE = re.compile(
    r"\b(?:will|would|shall|should|could|can|may|might|must|to|be|is|are|am|was|were|been"
    r"|being)\s+$|['’]ll\s+$",
    re.I,
)
_NOT_PAST_IN_ED = frozenset({"wed", "shed", "bed", "embed", "red", "bred"})


def _past_verb_after(text: str, start: int, end: int) -> bool:
    """ "Things soon changed", "the police soon found": soon after a past event of the
    narrative, not ahead of the publication date. After an auxiliary the -ed word is a
    participle ("are soon expected", "will be soon completed") and the soon is ahead."""
    word = _WORD_AFTER.match(text, end)
    if word is None or _AUXILIARY_BEFORE.search(text, max(0, start - 12), start):
        return False
    w = word.group(1)
    if w in _NOT_PAST_IN_ED:
        return False
    return (w.endswith("ed") and not w.endswith("eed")) or w in _single_past_cues()


@cache
def _single_past_cues() -> frozenset[str]:
    # past-tense cue words, without those that are present forms too ("will soon hit")
    same_in_present = {"last", "ago", "set", "hit", "read", "quit", "cut", "put", "let"}
    return frozenset(c.lower() for c in LEX.past_cues if " " not in c) - same_in_present


def future_ref(m: re.Match[str], ctx: Context) -> Reading | None:
    if _adjective(m, ctx):
        return None
    if _words(m.group()) == "soon" and (
        _NOT_SOON_BEFORE.search(ctx.text, max(0, m.start() - 6), m.start())
        or _NOT_SOON_AFTER.match(ctx.text, m.end())
        or _past_verb_after(ctx.text, m.start(), m.end())
    ):
        return None
    return Reading(type="DATE", value="FUTURE_REF")


PAST_UNIT = (
    r"the\s+(?P<rel>past|last|previous|next|coming|following|preceding)\s+"
    r"(?P<unit>week|month|year|decade|century|day|hour|quarter|fortnight)(?![\w-])"
)


# Calendar units whose "the past ..." names the previous one (TimeBank: "over the past year"
# is DATE 1997, "the last decade" DATE 198); a past day or hour stays a stretch of time.
_CALENDAR_UNITS = {"W", "M", "Q", "Y", "DE", "CE"}


def past_unit(m: re.Match[str], ctx: Context) -> Reading | None:
    """``the past year`` / ``the next month``: the calendar unit next to the anchor (a DATE).

    Units shorter than a week (``the past day``) are one-unit durations.
    """
    unit = LEX.unit(m["unit"])
    if unit not in _CALENDAR_UNITS:
        return Reading(type="DURATION", value=cal.duration_value(1, unit))
    delta = 1 if _words(m["rel"]) in ("next", "coming", "following") else -1
    if ctx.anchor is None:
        return Reading(type="DATE", value=None, anchored=True)
    value, granularity = cal.shift(ctx.anchor, unit, delta)
    return Reading(type="DATE", value=value, granularity=granularity, anchored=True)
