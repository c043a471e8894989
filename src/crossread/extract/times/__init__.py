"""Time expressions: find them in a text and resolve them against the publication date.

``find_times(text, anchor, sentences)`` runs a rule grammar (``dates`` for calendar
expressions, ``relative`` for anchored ones, durations, sets and references) over the text,
keeps the longest leftmost reading at each place, and resolves each to a TimeML value.

Extents and values follow the TimeML/TimeBank conventions (``last week`` -> ``2022-W32``,
``late May`` -> ``2022-05`` with mod ``END``, ``the past 24 hours`` -> ``PT24H``). Relative
expressions need an anchor: without one their value is ``None``, never a guess.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from crossread.extract.times import (
    dates,
    durations,
    holidays,
    narrative,
    periods,
    ranges,
    relative,
    scan,
)
from crossread.extract.times.calendar import Direction
from crossread.extract.times.habitual import habitual_times
from crossread.extract.times.lexicon import lexicon
from crossread.extract.times.readings import Context, Reading
from crossread.extract.times.tense import clause_direction
from crossread.extract.times.triggers import MARGIN, merge, trigger_spans
from crossread.models import Sentence, TimeRef

__all__ = ["find_times"]

Handler = Callable[[re.Match[str], Context], Reading | None]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    handler: Handler
    triggers: tuple[str, ...]


# (name, pattern, handler, trigger categories). Rule order breaks ties between readings of
# the same extent: earlier wins. A rule only scans windows around words of its categories.
RULE_TABLE: tuple[tuple[str, str, Handler, str], ...] = (
    ("iso", dates.ISO, dates.iso_date, "year4"),
    ("numeric-date", dates.NUMERIC, dates.numeric_date, "digit"),
    ("nth-day", dates.THE_NTH, dates.nth_day, "digit"),
    ("month-day", dates.MDY, dates.month_day, "month"),
    ("day-month", dates.DMY, dates.month_day, "month"),
    ("month-year", dates.MONTH_YEAR, dates.month_year, "month"),
    ("spoken-year", dates.SPOKEN_YEAR, dates.spoken_year_rule, "spoken"),
    ("year-end", dates.YEAR_END, dates.year_end, "end"),
    ("quarter", periods.QUARTER, periods.quarter, "quarter"),
    ("quarter-short", periods.Q_SHORT, periods.quarter, "quarter"),
    ("quarter-lead", periods.Q_LEAD, periods.quarter, "quarter"),
    ("latest-quarter", periods.LATEST_QUARTER, periods.latest_quarter, "quarter"),
    ("month-quarter", periods.MONTH_QUARTER, periods.month_quarter, "quarter"),
    ("decade", dates.DECADE, dates.decade, "digit"),
    ("decade-word", dates.DECADE_WORD, dates.decade_word, "decadeword"),
    ("century", dates.CENTURY, dates.century, "century"),
    ("season", periods.SEASON, periods.season, "season"),
    ("year", dates.YEAR, dates.year, "year4"),
    ("short-year", dates.SHORT_YEAR, dates.short_year, "shortyear"),
    ("fiscal-short", dates.FY_SHORT, dates.fiscal_short, "fy"),
    ("holiday", holidays.HOLIDAY, holidays.holiday, "holiday"),
    ("month", dates.MONTH, dates.month_alone, "month"),
    ("clock", relative.CLOCK, relative.clock, "digit part"),
    ("when-clock", relative.WHEN_CLOCK, relative.clock, "part"),
    ("part-of-date", relative.PART_OF_DATE, relative.part_of_date, "part"),
    ("day-word", relative.DAY_WORD, relative.day_word, "dayword"),
    ("part-of-day", relative.PART_OF_DAY, relative.part_of_day, "part"),
    ("every-weekday", durations.EVERY_WEEKDAY, durations.every_weekday, "weekday"),
    ("plural-weekday", durations.PLURAL_WEEKDAY, durations.every_weekday, "weekday"),
    ("every-month", durations.EVERY_MONTH, durations.every_month, "month season"),
    ("weekday", relative.WEEKDAY, relative.weekday, "weekday"),
    ("narrative-weekday", narrative.NARRATIVE_WEEKDAY, narrative.narrative_weekday, "weekday"),
    ("that-unit", narrative.THAT_UNIT, narrative.that_unit, "unit month"),
    ("month-of-that-year", narrative.MONTH_OF_THAT_YEAR, narrative.month_of_that_year, "month"),
    ("narrative-part", narrative.NARRATIVE_PART, narrative.narrative_part, "part"),
    ("anaphoric", narrative.ANAPHORIC, narrative.anaphoric, "unit part"),
    ("relative-unit", relative.REL_UNIT, relative.relative_unit, "unit"),
    ("the-weekend", relative.THE_WEEKEND, relative.the_weekend, "weekend"),
    ("ago", relative.AGO, relative.ago, "unit"),
    ("year-period", relative.YEAR_PERIOD, relative.year_period, "year4"),
    ("year-ago", relative.YEAR_AGO, relative.year_ago, "yearago"),
    ("same-last-year", narrative.SAME_LAST_YEAR, narrative.same_last_year, "unit quarter"),
    ("every-n", durations.EVERY_N, durations.every_n, "unit"),
    ("set", durations.SET_WORDS, durations.set_word, "set unit"),
    ("unit-period", durations.UNIT_PERIOD, durations.unit_period, "unit"),
    ("unit-long", durations.UNIT_LONG, durations.unit_long, "unit"),
    ("duration", durations.DURATION, durations.duration, "unit"),
    ("past-unit", durations.PAST_UNIT, durations.past_unit, "unit"),
    ("bare-units", durations.BARE_UNITS, durations.bare_units, "unit"),
    ("present", durations.PRESENT, durations.present_ref, "ref"),
    ("past", durations.PAST, durations.past_ref, "ref"),
    ("future", durations.FUTURE, durations.future_ref, "ref"),
)

REFERENCE_REACH = 800
"""How far back (characters) "the next day" looks for the date it counts from."""
_CALENDAR_VALUE = re.compile(r"\d{4}(?:-\d\d){0,2}")
_OR_SO = re.compile(r"\s+or\s+so(?![\w-])", re.I)
_CALENDAR_START = re.compile(r"\d{4}")
_AROUND = re.compile(r"(?<![\w-])(?:around|approximately|circa)\s+$", re.I)
_BE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being|still)\s+$", re.I)
_BEYOND = re.compile(r"\s+(?:and\s+beyond|or\s+(?P<dir>later|earlier))(?![\w-])", re.I)
_LEADING_PREPOSITION = re.compile(r"(?:over|during|on|at|throughout)\s+", re.I)
_DEICTIC_TITLE = re.compile(r"(?:Today|Tonight|Tomorrow|Yesterday|This|Last|Next)(?![\w])")
_TITLE_PART = re.compile(r"\s(?-i:Morning|Afternoon|Evening|Night)$")
_TITLE_WORD_AFTER = re.compile(r"\s+(?-i:[A-Z][a-z]+)")
_QUOTED = re.compile(r"[“\"'‘][^“”\"]+[”\"'’]$")
_WORD_BEFORE = re.compile(r"(?:[^\W\d_]|[^\W_]['’]s)[ \t]+$")


@cache
def _titles() -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(map(re.escape, lexicon().titles_with_times)) + r")\b")


def _in_a_name(text: str, start: int, end: int) -> bool:
    """Whether a deictic expression in title case inside a sentence is part of a name
    ("CBS This Morning", "USA Today", "Last Week Tonight"): TIMEX3 leaves time words in
    proper names unmarked. Words that are always capitalised (weekdays, months) never count,
    nor does text in capitals."""
    surface = text[start:end]
    if surface[:1].isupper() and start > 1 and text[start - 1] == ":" and text[start - 2].isalpha():
        return True  # "Dry:Soon", "Re:Today": a brand written with a colon inside
    if _TITLE_PART.search(surface) and _TITLE_WORD_AFTER.match(text, end):
        return True  # "Sunday Morning Futures", "Monday Night Football": a show's name
    for title in _titles().finditer(text, max(0, start - 24), min(len(text), end + 24)):
        if title.start() <= start and end - surface.endswith(".") <= title.end():
            return True  # "Fox News Sunday", "USA TODAY": a programme or paper
    if not _DEICTIC_TITLE.match(surface) or surface.isupper():
        return False
    if not all(word[:1].isupper() for word in surface.split()):
        return False
    if _QUOTED.match(text[max(0, start - 1) : end + 1]):
        return True  # NBC's “Today”: a title in quotes
    return _WORD_BEFORE.search(text, max(0, start - 24), start) is not None


@cache
def rules() -> tuple[Rule, ...]:
    """The compiled grammar (compiled once per process)."""
    compiled = []
    for name, pattern, handler, triggers in RULE_TABLE:
        regex = re.compile(scan.wrap(pattern), re.IGNORECASE)
        compiled.append(Rule(name, regex, handler, tuple(triggers.split())))
    return tuple(compiled)


@cache
def _groups() -> tuple[tuple[tuple[str, ...], scan.Group], ...]:
    """Rules that scan the same trigger windows, probed together (see ``scan``)."""
    by_triggers: dict[tuple[str, ...], list[int]] = {}
    for order, rule in enumerate(rules()):
        by_triggers.setdefault(rule.triggers, []).append(order)
    return tuple(
        (triggers, scan.group(members, [RULE_TABLE[i][1] for i in members]))
        for triggers, members in by_triggers.items()
    )


def _sentence_bounds(
    sentences: Sequence[Sentence], text: str
) -> Callable[[int], tuple[int, int, int]]:
    starts = [s.start for s in sentences]

    def locate(offset: int) -> tuple[int, int, int]:
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and offset < sentences[i].end:
            return sentences[i].index, sentences[i].start, sentences[i].end
        lo = max(text.rfind("\n", 0, offset), text.rfind(". ", 0, offset)) + 1
        hi_candidates = [p for p in (text.find("\n", offset), text.find(". ", offset)) if p >= 0]
        hi = min(hi_candidates) if hi_candidates else len(text)
        return -1, lo, hi

    return locate


def find_times(
    text: str, anchor: dt.date | None, sentences: Sequence[Sentence] = ()
) -> tuple[TimeRef, ...]:
    """Time expressions in ``text``, resolved against ``anchor`` (the publication date).

    Args:
        text: the article text; offsets in the result index into it.
        anchor: publication date; ``None`` leaves relative expressions unresolved
            (``value=None``) while absolute ones (``Feb. 24, 2022``, ``1945``) still resolve.
        sentences: the text's sentences, used for the ``sentence`` index and to read the
            tense around an expression (``on Monday`` looks back in a past-tense clause).

    Returns:
        TimeRefs in text order, non-overlapping (the longest reading wins).
    """
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    locate = _sentence_bounds(sentences, text)

    def direction(start: int, end: int) -> Direction:
        _, lo, hi = locate(start)
        return clause_direction(text, start, end, (lo, hi), low)

    def bounds(offset: int) -> tuple[int, int]:
        _, lo, hi = locate(offset)
        return lo, hi

    found: list[TimeRef] = []

    def reference(offset: int) -> str | None:
        for ref in reversed(found):
            if ref.start < offset - REFERENCE_REACH:
                break
            if ref.value is None or ref.type not in ("DATE", "TIME"):
                continue
            # a time of day names its day too: "Tuesday night ... the next morning"
            value = ref.value if ref.type == "DATE" else ref.value.partition("T")[0]
            if _CALENDAR_VALUE.fullmatch(value):
                return value
        return None

    lower = text.lower()
    low = scan.lowered(text, lower)
    ctx = Context(
        text=text,
        anchor=anchor,
        direction=direction,
        bounds=bounds,
        reference=reference,
        folded=low,
    )
    # 1. every rule proposes its matches
    candidates: list[tuple[int, int, int, re.Match[str]]] = []
    spans = trigger_spans(text, lower)
    table = rules()
    compiled = [rule.pattern for rule in table]
    for triggers, grp in _groups():
        # one category's windows are already sorted and disjoint
        windows = (
            spans.get(triggers[0], [])
            if len(triggers) == 1
            else merge([spans.get(t, []) for t in triggers])
        )
        for lo, hi in windows:
            for order, m in scan.scan(grp, compiled, text, low, lo, hi):
                if m.end() > hi - MARGIN // 2 and hi < len(text):
                    # near the window's edge: read it again against the full text
                    full = table[order].pattern.match(text, m.start())
                    if full is None:
                        continue
                    m = full
                candidates.append((m.start(), -(m.end() - m.start()), order, m))
    candidates.sort(key=lambda c: (c[0], c[1], c[2]))
    # 2. longest leftmost reading wins; a rule may still decline its match
    last_end = 0
    for start, _, order, m in candidates:
        if start < last_end:
            continue
        reading = table[order].handler(m, ctx)
        if reading is None:
            continue
        begin = start
        lead = _LEADING_PREPOSITION.match(text, start, m.end())
        if lead and table[order].name == "the-weekend":
            begin = lead.end()
        end = m.end()
        mod = reading.modifier
        tail = _OR_SO.match(text, end)
        if tail and reading.type in ("DURATION", "DATE"):
            # "the next year or so", "a week or so": the approximator belongs to the
            # expression (TIMEX3 extent; mod APPROX)
            end, mod = tail.end(), mod or "APPROX"
        point = reading.type in ("DATE", "TIME") and _CALENDAR_START.match(reading.value or "")
        around = _AROUND.search(text, max(last_end, start - 16), start) if point else None
        if (
            around
            and text[start:end].lower() in ("today", "tonight", "now")
            and _BE_BEFORE.search(text, max(0, around.start() - 10), around.start())
        ):
            around = None  # "if he were around today": "be around", no approximation
        if around:  # "around Nov. 1", "approximately 3 p.m.": mod APPROX
            begin, mod = around.start(), mod or "APPROX"
        beyond = _BEYOND.match(text, end) if point else None
        if beyond:  # "1990 and beyond", "1994 or later"
            end = beyond.end()
            earlier = (beyond["dir"] or "").lower() == "earlier"
            mod = mod or ("ON_OR_BEFORE" if earlier else "ON_OR_AFTER")
        if _in_a_name(text, begin, end):
            continue
        surface = text[begin:end]
        stripped = surface.rstrip(" ,")
        end = begin + len(stripped)
        found.append(
            TimeRef(
                text=stripped,
                start=begin,
                end=end,
                type=reading.type,
                value=reading.value,
                granularity=reading.granularity,
                anchored=reading.anchored,
                modifier=mod,
                sentence=locate(begin)[0],
            )
        )
        last_end = max(m.end(), end)
    return tuple(habitual_times(text, ranges.carry_years(text, found), bounds, direction))
