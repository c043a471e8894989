"""Word normalisation for comparing claims: spelling, stems, paraphrase groups, word lists.

Claims from different outlets use different spellings (``recognised``/``recognized``), word
forms (``independent``/``independence``) and near-synonyms (``pledged``/``offered``). Every word
goes through :func:`normalize`: lowercase, British to American spelling, a light suffix stemmer
and the paraphrase groups of ``data/synonyms.txt``, so that equal outputs mean "same word" for
the comparison. The stemmer is deliberately crude but consistent: both sides pass through it.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*|\d+(?:[.,]\d+)*")

# Verbs with irregular past forms that news text uses constantly.
_IRREGULAR = {
    "sent": "send",
    "won": "win",
    "said": "say",
    "told": "tell",
    "met": "meet",
    "went": "go",
    "gone": "go",
    "held": "hold",
    "left": "leave",
    "fled": "flee",
    "lost": "lose",
    "fought": "fight",
    "brought": "bring",
    "bought": "buy",
    "sold": "sell",
    "led": "lead",
    "struck": "strike",
    "took": "take",
    "taken": "take",
    "gave": "give",
    "given": "give",
    "began": "begin",
    "begun": "begin",
    "shot": "shoot",
    "spoke": "speak",
    "spoken": "speak",
    "wrote": "write",
    "written": "write",
    "chose": "choose",
    "chosen": "choose",
    "men": "man",
    "women": "woman",
    "children": "child",
    "died": "die",
    "dying": "die",
    "seen": "see",
    "saw": "see",
    "found": "find",
    "made": "make",
    "paid": "pay",
    "rose": "rise",
    "risen": "rise",
    "fell": "fall",
    "fallen": "fall",
}

_SUFFIXES = (
    ("ational", "ate"),
    ("ization", "ize"),
    ("fulness", "ful"),
    ("iveness", "ive"),
    ("ousness", "ous"),
    ("ements", ""),
    ("ement", ""),
    ("ments", ""),
    ("ment", ""),
    ("ations", "ate"),
    ("ation", "ate"),
    ("ences", ""),
    ("ence", ""),
    ("ances", ""),
    ("ance", ""),
    ("ency", ""),
    ("ents", ""),
    ("ent", ""),
    ("ities", ""),
    ("ity", ""),
    ("ingly", ""),
    ("edly", ""),
    ("ings", ""),
    ("ing", ""),
    ("ies", "i"),
    ("ied", "i"),
    ("ed", ""),
    ("ly", ""),
    ("sses", "ss"),
    ("ches", "ch"),
    ("shes", "sh"),
    ("xes", "x"),
)


def data_lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a data file of this stage."""
    text = (files("crossread.compare") / "data" / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def word_set(name: str) -> frozenset[str]:
    """All whitespace-separated words of a word-list data file, lowercased."""
    return frozenset(word.lower() for line in data_lines(name) for word in line.split())


@cache
def _spelling() -> dict[str, str]:
    pairs = (line.split() for line in data_lines("spelling.txt"))
    return {p[0]: p[1] for p in pairs if len(p) == 2}


def american(word: str) -> str:
    """American spelling of a lowercase word (``recognised`` -> ``recognized``)."""
    explicit = _spelling().get(word)
    if explicit:
        return explicit
    for stem in sorted(word_set("our_words.txt")):
        if word.startswith(stem):
            return stem[:-2] + "r" + word[len(stem) :]
    match = re.fullmatch(r"([a-z]{3,})is(e|ed|es|ing|ation|ations|er|ers)", word)
    if match and (match.group(1) + "ise") not in word_set("ise_words.txt"):
        return f"{match.group(1)}iz{match.group(2)}"
    match = re.fullmatch(r"([a-z]+)ys(e|ed|es|ing)", word)
    if match and match.group(1).endswith(("al", "ly", "cataly")):
        return f"{match.group(1)}yz{match.group(2)}"
    return word


def stem(word: str) -> str:
    """A light suffix-stripping stem of a lowercase, American-spelled word."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 2 or word.isdigit():
        return word
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + replacement
            break
    else:
        if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
            word = word[:-1]
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in "lsz":
        word = word[:-1]
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    if word.endswith("y") and len(word) > 4:
        word = word[:-1] + "i"
    return word


@cache
def _synonyms() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in data_lines("synonyms.txt"):
        words = [_base(w.replace("_", " ")) for w in line.split()]
        for w in words:
            table.setdefault(w, words[0])
    return table


@cache
def _base(word: str) -> str:
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    return stem(american(word.strip("'")))


@cache
def normalize(word: str) -> str:
    """Comparable form of a word: lowercase, American spelling, stem, paraphrase group."""
    base = _base(word)
    return _synonyms().get(base, base)


@cache
def _stop_forms() -> frozenset[str]:
    words = word_set("stopwords.txt") | word_set("reporting.txt")
    return frozenset(words | {_base(w) for w in words})


@cache
def is_stopword(word: str) -> bool:
    """True for function words and reporting verbs, which say nothing about a claim's content."""
    lowered = word.lower().replace("’", "'")
    return lowered in _stop_forms() or _base(lowered) in _stop_forms()


def content_words(text: str) -> list[str]:
    """Normalised content words of a text, in order (stopwords and reporting verbs dropped)."""
    return [normalize(w) for w in WORD_RE.findall(text) if not is_stopword(w)]
