"""One regex for many words, their shared prefixes factored out.

Used by ``cues.py`` (the cue verbs), ``numbers.py`` (number words) and ``times/triggers.py``
(the time vocabulary); ``times/lexicon.py`` builds its own tree over regex tokens rather than
characters. A trie regex (``sa(?:id|ying)``) is far faster than a flat alternation of the
same words, and it still prefers the longest word that matches (``told reporters`` over
``told``), trying the shorter ones, longest first, when what follows the word fails.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any


def trie_pattern(words: Iterable[str]) -> str:
    """The regex (without a group around it) that matches any of ``words``, longest first."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)
