"""Word lists behind entity recognition, loaded once from ``data/`` and pycountry.

Everything here is lower-cased lookup tables; the rules that use them live in ``mentions.py``
and ``linking.py``. Countries and their subdivisions come from pycountry (ISO 3166), the rest
from small lists we wrote (titles, nationality adjectives, capitals and large cities, well-known
organisations, organisation head words).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

_SUBDIVISION_TYPES = frozenset(
    {
        "State",
        "Province",
        "Region",
        "Territory",
        "Prefecture",
        "Oblast",
        "Republic",
        "Emirate",
        "Autonomous region",
        "Country",
        "Federal district",
        "District",
        "Governorate",
    }
)


# Countries whose states/provinces news names without saying the country ("Ohio", "Sichuan");
# elsewhere ISO subdivision names collide with common given names and words ("Mary", "Centre").
_SUBDIVISION_COUNTRIES = frozenset(
    {"US", "CA", "AU", "IN", "CN", "MX", "BR", "DE", "GB", "RU", "UA", "JP", "NG", "PK", "ZA"}
)


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class Gazetteer:
    """Lookup tables keyed by normalised (lower-case, accent-free) text.

    Compared and hashed by identity, so lookups taking it can be cached.
    """

    places: dict[str, str]
    """place name -> canonical key (countries map to their country key)."""
    countries: frozenset[str]
    """canonical keys of countries."""
    capitals: dict[str, str]
    """capital name -> country key, for capitals that stand for their government."""
    metonyms: dict[str, tuple[str, str]]
    """building/seat ("kremlin") -> (kind, country key)."""
    orgs: dict[str, str]
    """organisation name or alias -> canonical organisation key."""
    acronyms: frozenset[str]
    """aliases in ``orgs`` that only count when written in capitals ("WHO", not "who")."""
    org_names: dict[str, str]
    """canonical organisation key -> display name."""
    org_words: frozenset[str]
    name_heads: dict[str, str]
    """last word -> kind for names of features, facilities and events ("hill" -> PLACE)."""
    titles: dict[str, str]
    """title -> role class ("president" -> "top")."""
    nationalities: dict[str, str]
    """adjective -> country key ("north korean" -> "north korea")."""
    common: frozenset[str]


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case ``text`` and strip accents: the form every table is keyed by."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.replace("’", "'").lower()


def _rows(name: str) -> list[list[str]]:
    text = resources.files("crossread.extract.data").joinpath(name).read_text(encoding="utf-8")
    return [
        line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")
    ]


@cache
def _sections() -> dict[str, list[str]]:
    text = resources.files("crossread.extract.data").joinpath("word_lists.txt").read_text("utf-8")
    sections: dict[str, list[str]] = {}
    current: list[str] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        else:
            current.append(line)
    return sections


def word_set(section: str) -> frozenset[str]:
    """The words of one ``[section]`` of ``data/word_lists.txt``."""
    return frozenset(_sections()[section])


def word_map(section: str) -> dict[str, str]:
    """The ``key<TAB>value`` lines of one ``[section]`` of ``data/word_lists.txt``."""
    return dict(line.split("\t", 1) for line in _sections()[section])


@cache
def gazetteer() -> Gazetteer:
    """The shared gazetteer (built on first use, then cached)."""
    import pycountry  # deferred: only entity recognition needs it

    country_alias = {fold(row[0]): row[1] for row in _rows("countries.txt")}
    places: dict[str, str] = {}
    countries: set[str] = set(country_alias.values())
    for country in pycountry.countries:
        names = [
            country.name,
            getattr(country, "common_name", None),
            getattr(country, "official_name", None),
        ]
        key = fold(getattr(country, "common_name", None) or country.name)
        if "," in key:
            continue  # "Korea, Republic of": only reachable through countries.txt
        key = country_alias.get(key, key)
        countries.add(key)
        for name in names:
            if name and "," not in name:
                places[fold(name)] = key
    places.update(country_alias)
    common = frozenset(row[0] for row in _rows("common_words.txt"))
    org_words = frozenset(fold(row[0]) for row in _rows("org_words.txt"))
    for sub in pycountry.subdivisions:
        name = fold(sub.name)
        wanted = (
            sub.country_code in _SUBDIVISION_COUNTRIES
            and sub.type in _SUBDIVISION_TYPES
            and len(name) > 3
            and name.count(" ") < 3
        )
        if wanted and name not in common:
            places.setdefault(name, name)
    capitals: dict[str, str] = {}
    for row in _rows("places.txt"):
        place = fold(row[0])
        places[place] = place
        if len(row) > 2 and row[2].strip() == "*":
            capitals[place] = row[1]
    for row in _rows("place_aliases.txt"):
        places[fold(row[0])] = places.get(row[1], row[1])
    metonyms = {fold(row[0]): (row[1], row[2]) for row in _rows("metonyms.txt")}
    orgs: dict[str, str] = {}
    acronyms: set[str] = set()
    org_names: dict[str, str] = {}
    for row in _rows("orgs.txt"):
        canonical = row[0].strip()
        key = fold(canonical)
        org_names[key] = canonical
        orgs[key] = key
        for alias in row[1].split("|") if len(row) > 1 else []:
            alias = alias.strip()
            if alias:
                orgs[fold(alias)] = key
                if alias.isupper() and len(alias) <= 4:
                    acronyms.add(fold(alias))
    return Gazetteer(
        places=places,
        countries=frozenset(countries),
        capitals=capitals,
        metonyms=metonyms,
        orgs=orgs,
        acronyms=frozenset(acronyms),
        org_names=org_names,
        org_words=org_words,
        name_heads={fold(row[0]): row[1].strip() for row in _rows("name_heads.txt")},
        titles={fold(row[0]): row[1].strip() for row in _rows("titles.txt")},
        nationalities={fold(row[0]): row[1].strip() for row in _rows("nationalities.txt")},
        common=common,
    )
