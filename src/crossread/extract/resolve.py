"""Within one article: partial names to full names, titles and descriptions to named people.

Runs after typing (``mentions.py``); sets ``refers_to`` so that cross-article linking
(``linking.py``) can follow each mention to the named entity it stands for.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from operator import attrgetter

from crossread.extract.gazetteer import Gazetteer, gazetteer, word_set
from crossread.extract.names import speech_forms
from crossread.extract.titles import describe
from crossread.models import EntityKind, Mention

_LOCATIVE = word_set("locative")
_AGENT_VERBS = word_set("agent_verbs")
_AGENT_SKIP = word_set("agent_skip")
_TEAM_PLACES = word_set("team_places")
_ORG_FOLLOWERS = word_set("org_followers")
_ORG_OF_HEADS = word_set("org_of_heads")
_ORG_COMPOUNDS = word_set("org_compounds")
_JOINERS = frozenset({"of", "and", "for", "the", "&"})
_WORD = re.compile(r"[\w’'-]+")
_SCORE_AFTER = re.compile(r"\s+\d{1,2}\s*[–—-]\s*\d{1,2}(?!\d)")
_SCORE_BEFORE = re.compile(r"(?<![\d.,])\d{1,2}\s*[–—-]\s*\d{1,2}\s+$")


def resolve_article(mentions: list[Mention], text: str = "") -> tuple[Mention, ...]:
    """Return ``mentions`` (text order) with ``refers_to`` filled where the article is clear.

    - A bare surname or given name (``Putin``, ``Kim``, ``Lula``) refers to the nearest
      preceding full name containing it; with none before, it stays unresolved for
      story-level linking. Organisations named like people, with no generic head word
      (``New York Yankees``), are shortened alike (``the Yankees``) and give their kind.
    - A one-word place name that is the surname of a person named earlier (``Valeska Paris``
      ... ``Paris claims``) is that person, unless a locative word (``in Paris``) precedes it
      in ``text``.
    - An acronym refers to an organisation or named site in the article whose initials spell
      it, and takes its kind (``KSC`` after ``Kennedy Space Center`` is a place).
    - A nominal (``the Russian president``) refers to the name right after it (apposition), or
      to the one named person whose title has the same role and qualifier.
    """
    places = gazetteer().places

    def known(mention: Mention) -> bool:
        return mention.key in places

    full_names = [m for m in mentions if m.kind == "PERSON" and not m.nominal and " " in m.key]
    # each word of a full name -> the full names holding it, in text order; organisations
    # named like people ("New York Yankees", "Sea Org") are shortened alike ("the Yankees")
    heads = gazetteer().org_words
    by_word: dict[str, list[Mention]] = {}
    for m in full_names:
        for word in dict.fromkeys(m.key.split()):
            by_word.setdefault(word, []).append(m)
    for m in mentions:
        if _name_like_org(m, heads, places):
            for word in dict.fromkeys(m.key.split()):
                by_word.setdefault(word, []).append(m)
    for found in by_word.values():
        found.sort(key=attrgetter("start"))
    # organisations and named sites ("Kennedy Space Center") an acronym may abbreviate, with
    # their initials
    orgs = [
        (_initials(m.key), m)
        for m in mentions
        if m.kind in ("ORG", "PLACE") and not m.nominal and " " in m.key and not known(m)
    ]
    titled = [
        (describe(m.key), m.refers_to) for m in mentions if m.nominal and m.refers_to is not None
    ]
    out: list[Mention] = []
    for index, mention in enumerate(mentions):
        if mention.nominal:
            out.append(_resolve_nominal(mention, index, mentions, titled))
        elif " " not in mention.key and (
            mention.kind in ("PERSON", "OTHER") or (mention.kind == "PLACE" and not known(mention))
        ):
            out.append(_resolve_partial(mention, by_word))
        elif mention.kind == "PLACE" and " " not in mention.key and _surname(mention, text):
            out.append(_resolve_surname(mention, full_names))
        elif mention.kind == "ORG" and " " not in mention.key and mention.refers_to is None:
            out.append(_resolve_acronym(mention, orgs))
        else:
            out.append(mention)
    return tuple(out)


def follow_names(mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """Titles in front of a name refer to what the name refers to: ``Mr.`` in ``Mr. Ryan``
    to ``paul ryan`` once ``Ryan`` has been resolved to the full name named before."""
    out = list(mentions)
    for index, mention in enumerate(out):
        if not mention.nominal or mention.refers_to is None:
            continue
        for nxt in out[index + 1 : index + 3]:
            if nxt.start - mention.end > 2:
                break
            if not nxt.nominal and nxt.key == mention.refers_to:
                if nxt.refers_to is not None and nxt.kind == "PERSON":
                    out[index] = retype(mention, mention.kind, nxt.refers_to)
                break
    return tuple(out)


def _resolve_partial(mention: Mention, by_word: dict[str, list[Mention]]) -> Mention:
    candidates = by_word.get(mention.key)
    if not candidates:
        return mention
    before = [m for m in candidates if m.start < mention.start]
    if not before:
        # a name introduced only later may be someone else ("Kim ... Kim Son Gyong said"):
        # leave it to story-level linking, which knows the story's most prominent Kim
        kind: EntityKind = "PERSON" if any(m.kind == "PERSON" for m in candidates) else "ORG"
        return retype(mention, kind, mention.refers_to)
    target = before[-1]
    return retype(mention, target.kind, target.key)


def name_like_org(key: str, heads: frozenset[str]) -> bool:
    """Whether an organisation's key of two words or more reads like a person's name: no
    generic head word at its end (``new york yankees``, ``sea org``; not ``labour party``)."""
    words = key.split()
    return len(words) > 1 and words[-1] not in heads and not _JOINERS.intersection(words)


def _name_like_org(mention: Mention, heads: frozenset[str], places: Mapping[str, str]) -> bool:
    return (
        mention.kind == "ORG"
        and not mention.nominal
        and mention.key not in places
        and name_like_org(mention.key, heads)
    )


def retype(mention: Mention, kind: EntityKind, refers_to: str | None) -> Mention:
    """``mention`` with another kind and referent (cheaper than ``dataclasses.replace``)."""
    return Mention(
        text=mention.text,
        start=mention.start,
        end=mention.end,
        kind=kind,
        key=mention.key,
        sentence=mention.sentence,
        nominal=mention.nominal,
        refers_to=refers_to,
    )


def _surname(mention: Mention, text: str) -> bool:
    """Whether a place-like word could be a surname here: not after ``in``/``to``/``from``."""
    before = text[max(0, mention.start - 20) : mention.start].split()
    return bool(text) and not (before and before[-1].lower() in _LOCATIVE)


def _resolve_surname(mention: Mention, full_names: list[Mention]) -> Mention:
    before = [m for m in full_names if m.start < mention.start and m.key.split()[-1] == mention.key]
    if not before:
        return mention
    return retype(mention, "PERSON", before[-1].key)


def _initials(key: str) -> str:
    skip = {"of", "and", "the", "for", "&"}
    return "".join(word[0] for word in key.split() if word not in skip)


def _resolve_acronym(mention: Mention, orgs: list[tuple[str, Mention]]) -> Mention:
    """An acronym takes the key and the kind of the name it spells (``KSC``: a site)."""
    if len(mention.key) < 2:
        return mention
    for initials, org in orgs:
        if initials == mention.key:
            return retype(mention, org.kind, org.key)
    return mention


def _resolve_nominal(mention, index, mentions, titled) -> Mention:
    if mention.refers_to is not None:
        return mention
    # 1. apposition: "the UN secretary general Antonio Guterres"
    for nxt in mentions[index + 1 : index + 4]:
        adjacent = nxt.start >= mention.end and nxt.start - mention.end <= 2
        if adjacent and nxt.kind == "PERSON" and not nxt.nominal:
            return retype(mention, mention.kind, nxt.refers_to or nxt.key)
    # 2. the one titled person with the same role (and the same qualifier, if any)
    qualifier, role = describe(mention.key)
    if role is None:
        return mention
    targets = {ref for (q, r), ref in titled if r == role and (qualifier is None or q == qualifier)}
    if len(targets) == 1:
        return retype(mention, mention.kind, targets.pop())
    return mention


def type_by_role(mentions: tuple[Mention, ...], text: str) -> tuple[Mention, ...]:
    """Country, capital and seat-of-government mentions typed by what the text makes them.

    The key (the canonical entity) never changes: ``North Korea`` is one entity whether it is
    the territory or the state acting; ``Pyongyang`` and ``the Kremlin`` keep their own key and
    ``refers_to`` their country. The *kind* follows the use:

    - acting (right before an agentive or speech verb, ``North Korea fired``, ``Pyongyang
      said``), or a team in an article that gives it a score (``Sweden 1-0 Korea``): ORG;
    - after a locative word (``in Pyongyang``, ``to the White House``): PLACE;
    - otherwise unchanged (countries and capitals PLACE, seats such as the Kremlin ORG).
    """
    gaz = gazetteer()
    teams = {
        m.key
        for m in mentions
        if _country(m, gaz)
        and (
            _SCORE_AFTER.match(text, m.end)
            or _SCORE_BEFORE.search(text, max(0, m.start - 12), m.start)
        )
    }
    out = []
    for m in mentions:
        if m.nominal or m.kind not in ("PLACE", "ORG"):
            out.append(m)
            continue
        if _country(m, gaz) or (m.kind == "PLACE" and m.refers_to in gaz.countries):
            prev = _previous_word(text, m.start)
            acting = prev not in _LOCATIVE and _acts(text, m.end)
            if acting or (m.key in teams and prev not in _TEAM_PLACES):
                m = retype(m, "ORG", m.refers_to)
        elif (
            m.kind == "ORG" and m.key in gaz.metonyms and _previous_word(text, m.start) in _LOCATIVE
        ):
            m = retype(m, "PLACE", m.refers_to)
        out.append(m)
    return tuple(out)


def _country(mention: Mention, gaz: Gazetteer) -> bool:
    return mention.kind == "PLACE" and mention.key in gaz.countries and not mention.nominal


def _previous_word(text: str, start: int) -> str:
    before = text[max(0, start - 20) : start].split()
    if before and before[-1].lower() == "the" and len(before) > 1:
        before.pop()
    return before[-1].lower() if before else ""


def _acts(text: str, end: int) -> bool:
    """Whether an agentive or speech verb follows ``end`` (over auxiliaries and adverbs)."""
    if text[end : end + 1] in ("'", "’"):
        return False  # a possessive: "North Korea's news agency"
    for match in _WORD.finditer(text, end, min(len(text), end + 60)):
        if text[end : match.start()].strip():
            return False  # punctuation in between
        word = match.group().lower()
        if word in _AGENT_SKIP:
            end = match.end()
            continue
        return word in _AGENT_VERBS or word in speech_forms()
    return False


def type_by_context(mentions: tuple[Mention, ...], text: str) -> tuple[Mention, ...]:
    """Single-word names left untyped (OTHER), typed from their context and the article.

    1. an organisation cue: ``X officials``, ``X spokesman``, ``members of X``,
       ``X-owned``; 2. the organisation or place kind the same name (same key) has elsewhere
    in the article, when its typed mentions agree or at least two-to-one (``Acme officials``
    ... ``left Acme``); a place needs two (a single ``in X`` is a weak cue).
    """
    if not any(m.kind == "OTHER" for m in mentions):
        return mentions
    typed: list[Mention] = []
    kinds: dict[str, Counter[str]] = {}
    for m in mentions:
        single = not m.nominal and " " not in m.key
        if single and m.kind == "OTHER" and m.refers_to is None and _org_cue(text, m.start, m.end):
            m = retype(m, "ORG", m.refers_to)
        if single and m.kind != "OTHER":
            counts = kinds.get(m.key)
            if counts is None:
                kinds[m.key] = counts = Counter()
            counts[m.kind] += 1
        typed.append(m)
    out = []
    for m in typed:
        agreed = kinds.get(m.key)
        if agreed and m.kind == "OTHER" and not m.nominal:
            ranked = agreed.most_common(2)
            kind, count = ranked[0]
            # a clear majority: all typed mentions agree, or twice as many as the runner-up
            clear = len(ranked) == 1 or (count >= 2 and count >= 2 * ranked[1][1])
            # one "in X" is a weak cue ("in Batman: Arkham VR"); two agree. A bare name
            # left OTHER is not made a PERSON: story linking resolves it as a surname then.
            if clear and (kind == "ORG" or (kind == "PLACE" and count > 1)):
                m = retype(m, kind, m.refers_to)  # type: ignore[arg-type]
        out.append(m)
    return tuple(out)


def _org_cue(text: str, start: int, end: int) -> bool:
    after = text[end : end + 30]
    if after[:1] == "-" or after[:3] == " - ":
        compound = _WORD.match(after.removeprefix(" - ").removeprefix("-"))
        return compound is not None and compound.group().lower() in _ORG_COMPOUNDS
    words = after.split()
    if words and words[0].strip(",.;:").lower() in _ORG_FOLLOWERS and after[:1] == " ":
        return True
    before = text[max(0, start - 30) : start].split()
    if (
        len(before) >= 2
        and before[-1] in ("of", "for", "at")
        and before[-2].lower() in _ORG_OF_HEADS
    ):
        return True
    return (
        len(before) >= 3
        and before[-1] == "the"
        and before[-2] in ("of", "for", "at")
        and (before[-3].lower() in _ORG_OF_HEADS)
    )
