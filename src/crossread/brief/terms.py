"""Words for the brief: tokens, light stems and the word lists the brief stage reads."""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*|\d+(?:[.,]\d+)*")


def data_lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a data file of the brief stage."""
    text = (files("crossread.brief") / "data" / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def stopwords() -> frozenset[str]:
    """Function words and reporting verbs."""
    return frozenset(w.lower() for line in data_lines("stopwords.txt") for w in line.split())


@cache
def tone_lexicon() -> dict[str, float]:
    """word stem -> tone weight (-1 .. +1)."""
    table: dict[str, float] = {}
    for line in data_lines("tone.txt"):
        word, _, weight = line.partition("\t")
        table[stem(word.strip().lower())] = float(weight or 0)
    return table


def stem(word: str) -> str:
    """A light stem: lowercase, possessive and common inflections removed."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    for suffix in ("ings", "ing", "ied", "ies", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: -len(suffix)]
    return word


def content_terms(text: str) -> list[str]:
    """Stems of the content words of a text, in order."""
    stops = stopwords()
    return [stem(w) for w in WORD_RE.findall(text) if w.lower() not in stops]
