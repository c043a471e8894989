"""Name keys and name typing: what kind of entity a capitalised name is, and its key.

Typing order: buildings and seats standing for governments (``Kremlin``), capitals (kept as
places, with their country as ``refers_to`` unless used as a location: ``in Pyongyang``),
well-known organisations, countries/places from the gazetteer, organisation head words
(``... Agency``), acronyms, feature/event head words (``... Hill``, ``... War``), then title
and speech-verb cues for persons; a multi-word capitalised name with no other cue is a PERSON,
unless ``the`` comes before it and no noun after it (``the Sea Org``, ``the Velvet
Underground``): then an organisation, or a site after ``to the``/``in the`` (``the Bat Cave``)
unless a city's team (``to the Atlanta Falcons``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from itertools import pairwise

from crossread.extract.gazetteer import Gazetteer, fold, word_set
from crossread.models import EntityKind

UPPER = "".join(chr(c) for c in range(0x41, 0x250) if chr(c).isupper())


_PARTICLES = word_set("particles")
_ROMAN = re.compile(r"[IVX]+|\d+")
_ARTICLE_NAME = re.compile(r"(?:al|el|ad|ash)-[A-Z]")
"""an Arabic name written with its article in lower case (``al-Assad``)."""


_PERSON_FOLLOWERS = word_set("person_followers")
# verbs persons and organisations both do: a person's only with a name as object
_NAME_OBJECT_VERBS = frozenset({"thanked", "thanks", "sent", "visited", "visits"})
_DOUBLE_OBJECT = frozenset({"a", "an", "the", "his", "her", "their", "its"})
_INITIAL = re.compile(r"[A-Z]\.?")  # "J. Korea" is a person's initial, no body of a country
_NAME_COUNTRIES = word_set("name_countries")
_PLACE_OF_HEADS = word_set("place_of_heads")
_PERSON_SUBJECT_VERBS = word_set("person_subject_verbs")
_PERSON_OBJECT_VERBS = word_set("person_object_verbs")
_VERB_SKIP = word_set("agent_skip")
_ORG_FOLLOWERS = word_set("org_followers")
_AGENT_VERBS = word_set("agent_verbs")
_PLACE_PLURALS = word_set("place_plurals")
_NAME_ENDERS = word_set("prepositions") | word_set("aux") | word_set("boundary") | {"group"}


_LOCATIVE = word_set("locative")


_DIRECTIONS = word_set("directions")
_IN_PLACE = word_set("place_prepositions")
_PLACE_FOLLOWERS = word_set("place_followers")
_PLACE_HEADS_OF = re.compile(
    r"\b(?:city|town|village|province|state|county|region|district|suburb|island|port|"
    r"capital|mayor|residents?|natives?|municipality|streets|outskirts|people)\s+of\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)


_ORG_SUFFIX_STRIP = ("news agency", "agency", "news")
_FACILITY_HEADS = word_set("facility_heads")
_ADHERENTS = word_set("adherents")
_NOT_ORGANISATIONS = word_set("not_organisations")


@cache
def speech_forms() -> frozenset[str]:
    text = resources.files("crossread.extract.data").joinpath("speech_verbs.txt").read_text()
    forms: set[str] = set()
    for line in text.splitlines():
        if line and not line.startswith("#"):
            forms.update(line.split("\t")[1].split("|"))
    return frozenset(forms)


@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """Fold a name for linking: ``Kim Jong-un`` -> ``kim jong un``, ``U.S.`` -> ``us``."""
    folded = fold(text)
    folded = re.sub(r"['’]s$|['’]$", "", folded)
    folded = folded.replace(".", "").replace("-", " ")
    return " ".join(folded.split())


@lru_cache(maxsize=1 << 16)
def place_key(text: str, gaz: Gazetteer) -> str | None:
    """Canonical key of a place name, or ``None`` when the gazetteer does not know it."""
    folded = fold(text).rstrip(".")
    for candidate in (folded, folded.removeprefix("the "), name_key(text)):
        if candidate in gaz.places:
            return gaz.places[candidate]
        with_dots = candidate if candidate.endswith(".") else candidate + "."
        if with_dots in gaz.places:
            return gaz.places[with_dots]
    return None


@lru_cache(maxsize=1 << 16)
def org_key(text: str, gaz: Gazetteer) -> str | None:
    """Canonical key of a well-known organisation name or alias, else ``None``."""
    folded = fold(text)
    for candidate in (folded, folded.removeprefix("the "), name_key(text)):
        key = gaz.orgs.get(candidate)
        if key is not None:
            if candidate in gaz.acronyms and not text.replace("the ", "").isupper():
                return None
            return key
    return None


@lru_cache(maxsize=1 << 16)
def lookup(name: str, gaz: Gazetteer) -> tuple[EntityKind, str] | None:
    folded = fold(name)
    if folded.removeprefix("the ") in gaz.metonyms:
        kind, _ = gaz.metonyms[folded.removeprefix("the ")]
        return ("ORG" if kind == "ORG" else "PLACE"), name_key(folded.removeprefix("the "))
    org = org_key(name, gaz)
    if org is not None:
        return "ORG", org
    place = place_key(name, gaz)
    if place is not None:
        return "PLACE", place
    return None


def type_name(
    text: str,
    name: str,
    start: int,
    stop: int,
    role: str | None,
    gaz: Gazetteer,
    lower_words: frozenset[str] = frozenset(),
) -> tuple[EntityKind | None, str, str | None]:
    """Kind, key and (for metonyms) the country referred to.

    ``lower_words`` are the words the article writes in lower case: a name made of such words
    (``Space Shuttle``, ``Internet Explorer``) is not taken for a person without a cue.
    """
    facts = _name_facts(name, gaz)
    if facts.known is not None:
        return facts.known
    before = text[max(0, start - 20) : start].rsplit(None, 1)
    prev = before[-1].lower() if before else ""
    locative = prev in _LOCATIVE
    if facts.capital is not None:
        return "PLACE", facts.capital[0], None if locative else facts.capital[1]
    key = facts.key
    if facts.acronym and _organisation_acronym(name, text, gaz, lower_words):
        return "ORG", key, None
    if facts.head is not None:
        return facts.head, key, None
    if role is not None:
        return "PERSON", key, None
    if facts.people:
        return "PERSON", key, None  # "Afghans", "Muslims": a group of people
    if text.startswith(", ", stop) and _before_known_place(text, stop, gaz):
        return "PLACE", key, None  # "Evansville, Indiana"
    if facts.directional:
        return "PLACE", key, None  # "East Los Angeles", "South East Asia"
    if not facts.single and _place_context(text, start, stop, prev):
        return "PLACE", key, None  # "in Port Aldis", "Port Aldis's mayor"
    if facts.country_last:
        return "ORG", key, None  # "Environment Canada", "Hitwise UK": a body of the country
    if facts.capitalised and lower_words.isdisjoint(facts.long_words):
        if prev == "the" and _phrase_ends(text, stop):
            # a person's name takes no article ("the Sea Org", "the Velvet Underground");
            # before a noun the name is a modifier, maybe a person's ("the Tom Cruise video")
            # after "to the" a site ("to the Bat Cave"), unless a city's team ("Atlanta Falcons")
            place = _locative_before_article(text, start) and not _team(name, gaz)
            return ("PLACE" if place else "ORG"), key, None
        return "PERSON", key, None
    after = text[stop : stop + 30].split()
    nxt = after[0].strip(",.;:").lower() if after else ""
    if nxt in speech_forms() or nxt in _PERSON_FOLLOWERS:
        return "PERSON", key, None
    if personal_action(text, start, stop) and not (
        _opens_sentence(text, start) and _plural_role(name, gaz)
    ):
        # "Macron met Trump"; not a role opening a sentence ("Ministers met on Tuesday")
        return "PERSON", key, None
    if locative or (facts.single and _place_context(text, start, stop, prev)):
        return "PLACE", key, None
    return "OTHER", key, None


_SENTENCE_OPENING = re.compile(r"(?:^|[.!?]\s+|\n\s*)[“\"‘']?$")


def _plural_role(word: str, gaz: Gazetteer) -> bool:
    """``Ministers``, ``Officials``, ``Lawmakers``: the plural of a title or common word."""
    low = fold(word)
    return low.endswith("s") and (low[:-1] in gaz.titles or low[:-1] in gaz.common)


def _opens_sentence(text: str, start: int) -> bool:
    return _SENTENCE_OPENING.search(text, max(0, start - 4), start) is not None


_PHRASE_END = re.compile(r"\s*(?:['’]s?)?\s*(?:$|[^\w\s]|([A-Za-z]+))")


def _phrase_ends(text: str, stop: int) -> bool:
    """Whether the noun phrase ends with the name at ``stop``: punctuation, the end, or a word
    that cannot continue a noun phrase (``and``, ``of``, ``said``, ``announced``) follows."""
    match = _PHRASE_END.match(text, stop, min(len(text), stop + 30))
    if match is None:
        return False
    word = match.group(1)
    if word is None:
        return True
    word = word.lower()
    return (
        word in _NAME_ENDERS
        or word in _AGENT_VERBS
        or word in speech_forms()
        or word in _ORG_FOLLOWERS
    )


@lru_cache(maxsize=1 << 16)
def _team(name: str, gaz: Gazetteer) -> bool:
    """A place followed by a plural noun: a team or a company (``Atlanta Falcons``, ``New
    York Mets``, ``Texas Instruments``), unless the plural names a site (``Niagara Falls``).
    Read only after "the": ``Houston Williams`` alone may be a person."""
    words = name.split()
    last = words[-1]
    if len(words) < 2 or not last.endswith("s") or last.endswith("ss"):
        return False
    if fold(last) in _PLACE_PLURALS:
        return False
    return any(
        place_key(" ".join(words[:width]), gaz) is not None
        for width in (1, 2)
        if 1 <= len(words) - width <= 2
    )


def _locative_before_article(text: str, start: int) -> bool:
    """Whether a locative word comes right before the article: ``to the Bat Cave``."""
    before = text[max(0, start - 24) : start].split()
    return len(before) >= 2 and before[-1].lower() == "the" and before[-2].lower() in _LOCATIVE


def personal_action(text: str, start: int, stop: int) -> bool:
    """Whether the name at ``text[start:stop]`` is the subject or the object of a verb of
    personal action: ``Macron met``, ``Kim also thanked``, ``met Trump``, ``met with Trump``,
    ``sent Kim a letter``; not when an organisation noun follows (``met Acme officials``)."""
    after = text[stop : stop + 40].split()[:3]
    if after and fold(after[0].strip(",.;:")) in _ORG_FOLLOWERS:
        return False
    before = text[max(0, start - 30) : start].split()
    prev = before[-1].lower() if before else ""
    if prev in _PERSON_OBJECT_VERBS:
        return True
    if prev == "with" and len(before) >= 2 and before[-2].lower() in _PERSON_OBJECT_VERBS:
        return True
    if prev == "sent" and after and after[0].lower() in _DOUBLE_OBJECT:
        return True  # "sent Kim a letter" (not "sent Boeing engineers")
    for i, word in enumerate(after):
        low = word.lower()
        if low in _PERSON_SUBJECT_VERBS:
            return True
        if low in _NAME_OBJECT_VERBS:
            # "Kim thanked Putin", not "Netflix thanked subscribers"
            return i + 1 < len(after) and after[i + 1][:1].isupper()
        if low not in _VERB_SKIP:
            return False
    return False


def person_cue(text: str, start: int, stop: int, gaz: Gazetteer) -> bool:
    """Whether the context of a one-word name marks a person: a verb of personal action
    (``personal_action``) or a title or honorific right before it (``Dr. Collins``). A role
    in the plural opening a sentence is no name (``Ministers met on Tuesday``)."""
    if personal_action(text, start, stop) and not (
        _opens_sentence(text, start) and _plural_role(text[start:stop], gaz)
    ):
        return True
    before = text[max(0, start - 30) : start].split()
    return bool(before) and text[start - 1 : start] == " " and fold(before[-1]) in gaz.titles


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class _NameFacts:
    """What a name says about its kind by its letters alone, before its context is read."""

    key: str
    known: tuple[EntityKind, str, str | None] | None
    """the typing when the name alone settles it (metonym, organisation, place, facility)."""
    capital: tuple[str, str] | None
    """(place key, country key) of a capital: a place, or its government unless locative."""
    acronym: bool
    head: EntityKind | None
    """the kind its head word gives a name of two words or more (``... Hill``, ``... War``)."""
    single: bool
    people: bool
    directional: bool
    capitalised: bool
    """two words or more, all capitalised except name particles."""
    long_words: frozenset[str]
    """its words longer than two letters, lower-cased, name particles (``bin``) left out."""
    country_last: bool
    """two words or more, the last a country that is no given name or surname (``Environment
    Canada``, ``Communist Party of Greece``; not ``Michael Jordan`` nor ``Gulf of Mexico``)."""


@lru_cache(maxsize=1 << 16)
def _name_facts(name: str, gaz: Gazetteer) -> _NameFacts:
    folded = fold(name)
    bare = folded.removeprefix("the ")
    words = name.split()
    key = name_key(name)
    known: tuple[EntityKind, str, str | None] | None = None
    capital: tuple[str, str] | None = None
    if bare in gaz.metonyms:
        kind, country = gaz.metonyms[bare]
        known = ("ORG" if kind == "ORG" else "PLACE"), name_key(bare), country
    elif bare in gaz.capitals:
        capital = gaz.places.get(bare, bare), gaz.capitals[bare]
    else:
        known = _known_kind(name, folded, words, key, gaz)
    head: EntityKind | None = None
    last = fold(words[-1])
    found = gaz.name_heads.get(last)
    if found is None and len(words) > 2 and _ROMAN.fullmatch(words[-1]):
        found = gaz.name_heads.get(fold(words[-2]))  # "World War II"
    if found is not None and len(words) > 1:
        head = "PLACE" if found == "PLACE" else "OTHER"
    return _NameFacts(
        key=key,
        known=known,
        capital=capital,
        acronym=_is_acronym(name),
        head=head,
        single=len(words) == 1,
        people=len(words) == 1 and _people(folded, gaz),
        directional=len(words) >= 2 and _directional_place(words, gaz),
        capitalised=len(words) >= 2
        and all(
            w[0] in UPPER or _ARTICLE_NAME.match(w) for w in words if w.lower() not in _PARTICLES
        ),
        country_last=len(words) >= 2
        and not _INITIAL.fullmatch(words[0])
        and fold(words[-1]) not in _NAME_COUNTRIES
        and gaz.places.get(fold(words[-1]).rstrip(".")) in gaz.countries
        and fold(words[0]) not in _PLACE_OF_HEADS,
        long_words=frozenset(
            w.lower() for w in words if len(w) > 2 and w.lower() not in _PARTICLES
        ),
    )


def _known_kind(
    name: str, folded: str, words: list[str], key: str, gaz: Gazetteer
) -> tuple[EntityKind, str, str | None] | None:
    """An organisation, place or facility the name alone identifies, else ``None``."""
    org = org_key(name, gaz)
    if org is not None:
        return "ORG", org, None
    place = place_key(name, gaz)
    if place is not None:
        return "PLACE", place, None
    last = fold(words[-1])
    if _facility(words):
        return "PLACE", key, None
    if last in gaz.org_words or _org_word_before_of(words, gaz):
        # "KCNA news agency" and the like: the acronym is the name
        stripped = _strip_org_suffix(folded)
        if stripped != folded:
            known = org_key(stripped, gaz)
            if known is not None:
                return "ORG", known, None
        return "ORG", key, None
    return None


def _org_word_before_of(words: list[str], gaz: Gazetteer) -> bool:
    """An organisation head word before ``of``/``for`` inside the name: ``Bank of England``,
    ``Massachusetts Institute of Technology``, ``Andy Warhol Foundation for the Visual Arts``."""
    return any(
        nxt in ("of", "for") and fold(word) in gaz.org_words for word, nxt in pairwise(words)
    )


def _people(folded: str, gaz: Gazetteer) -> bool:
    """A plural demonym or adherent noun: ``afghans``, ``bangladeshis``, ``muslims``."""
    return folded in _ADHERENTS or (
        folded.endswith("s") and folded[:-1] in gaz.nationalities and folded not in gaz.places
    )


_KNOWN_PLACE_AFTER = re.compile(r", ((?:[A-Z][\w.’'-]*\s?){1,3})(?=[,.;:)\]—–]|\s[-—–]|$)")


def _before_known_place(text: str, stop: int, gaz: Gazetteer) -> bool:
    """``Irving, Texas``, ``Livorno, Italy``: a name followed by the region or country it is in
    (and then a boundary: ``Devin Nunes, California Republican`` is no place)."""
    if text[stop : stop + 2] != ", ":
        return False
    match = _KNOWN_PLACE_AFTER.match(text, stop, min(len(text), stop + 40))
    if match is None:
        return False
    place = match.group(1).strip()
    if "." in place and not place.endswith("."):
        return False  # "U.S. Senator": the period ends an abbreviation, not the phrase
    key = place_key(place, gaz)
    return key is not None and key not in gaz.capitals


def _facility(words: list[str]) -> bool:
    """A building or site named after its kind: ``Kennedy Space Center``, ``Museum of Flight``
    (an organisation head with ``for`` after it, ``Center for Disease Control``, is no site)."""
    if len(words) < 2 or "for" in words:
        return False
    return fold(words[-1]) in _FACILITY_HEADS or (
        fold(words[0]) in _FACILITY_HEADS and words[1] == "of"
    )


def _directional_place(words: list[str], gaz: Gazetteer) -> bool:
    """Direction words around a known place or around each other: ``South East Asia``,
    ``Northern Ontario``, ``the Pacific Northwest``."""
    core = [w for w in words if fold(w) not in _DIRECTIONS]
    if len(core) == len(words):
        return False
    if not core:
        return True
    return place_key(" ".join(core), gaz) is not None


def _place_context(text: str, start: int, stop: int, prev: str) -> bool:
    """A multi-word name used as a place: after ``in``/``near`` (not as a possessor: ``in John
    Smith's house``), before ``'s mayor``, or after ``the city of``."""
    after = text[stop : stop + 24]
    possessive = after[:2] in ("'s", "’s")
    if possessive:
        follower = after[2:].split()
        return bool(follower) and fold(follower[0].strip(",.;:")) in _PLACE_FOLLOWERS
    if prev in _IN_PLACE:
        return True
    if not text[max(0, start - 8) : start].endswith(("of ", "of the ")):
        return False
    return _PLACE_HEADS_OF.search(text, max(0, start - 30), start) is not None


def _strip_org_suffix(folded: str) -> str:
    for suffix in _ORG_SUFFIX_STRIP:
        if folded.endswith(" " + suffix):
            return folded[: -len(suffix) - 1]
    return folded


def _is_acronym(name: str) -> bool:
    letters = name.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def _organisation_acronym(
    name: str, text: str, gaz: Gazetteer, lower_words: frozenset[str]
) -> bool:
    """Whether a word in capitals is an organisation's initials: not a word the article also
    writes in lower case in its prose (``A MAN has been charged``; an address such as
    ``/ news / nypd - vigil`` does not count), a title (``CEO``), a Roman numeral (``part
    XVII``) or a common non-organisation abbreviation (``GMT``, ``HTML``, ``VIP``)."""
    folded = fold(name).replace(".", "")
    return not (
        (folded in lower_words and _in_prose(folded, text))
        or folded in gaz.titles
        or _ROMAN_NUMERAL.fullmatch(name)
        or folded in _NOT_ORGANISATIONS
    )


_ROMAN_NUMERAL = re.compile(r"[IVX]{2,}")


def _in_prose(word: str, text: str) -> bool:
    """Whether ``word`` occurs in lower case outside a web address or URL slug."""
    for match in re.finditer(rf"\b{re.escape(word)}\b", text):
        before = text[max(0, match.start() - 2) : match.start()]
        after = text[match.end() : match.end() + 2]
        address = before in ("- ", "/ ", "-", "/", ".") or after in (" -", " /")
        if not address and not (after[:1] in "-/" and after) and after not in (".c", ".o", ".h"):
            return True
    return False
