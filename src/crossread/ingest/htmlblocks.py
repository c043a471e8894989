"""Text blocks around an HTML article body: related-link blocks and what the extractor left out.

- ``drop_related``: trafilatura often keeps "Read more:" / "Lesen Sie auch" boxes, a short cue
  line (rules in ``data/html_related_cues.txt``) followed by headline-like lines (no closing
  sentence punctuation). The cue and those lines leave the body; prose after them stays, since
  such boxes also sit in the middle of articles. A cue in the last tenth of the text ends it.
  One-line links (``MORE: headline``) go too.
- ``left_out_blocks``: the page's visible text blocks (paragraphs, list items, headings,
  captions, cells) that are not in the extracted text, so that a user can see what was dropped
  as boilerplate (blocks of at least ``MIN_WORDS`` words; the reader lists the first
  ``MAX_LISTED``).
- ``find_lead``: extractors often drop the standfirst, which sits outside the article element;
  a left-out block that the page's own description (og/meta/JSON-LD) announces is that lead.
"""

from __future__ import annotations

import re

from lxml import html as lxml_html

from crossread.ingest.noarticle import load_patterns
from crossread.models import Removal

MAX_CUE = 60
"""A cue is a short line: a heading, not a sentence that happens to start like one."""
MAX_HEADLINE = 150
TAIL = 0.9
"""From this share of the text's characters on, a cue ends the text."""
MAX_LISTED = 50
MIN_WORDS = 3
MIN_LEAD_WORDS = 8
LEAD_KEY = 50
"""Characters of a folded lead and description that must agree (descriptions get truncated)."""

_SENTENCE_END = re.compile(r"[.!?…:;]['\"”’»)]?$")
_BLOCKS = frozenset(
    {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "caption", "blockquote"}
    | {"td", "th", "dt", "dd", "pre", "address", "summary"}
)
_HIDDEN = frozenset({"script", "style", "noscript", "template", "head", "title"})


def is_related_cue(line: str) -> bool:
    """True for a line that opens a related-stories block (``Read more:``, ``À lire aussi``)."""
    line = line.strip()
    if not 0 < len(line) <= MAX_CUE:
        return False
    key = " ".join(line.rstrip(":?!.… ").split())
    return any(p.fullmatch(key) for p in load_patterns("html_related_cues.txt"))


_PREFIXED = re.compile(r"^([^:]{2,30}):\s*(\S.*)$")


def is_related_link(line: str) -> bool:
    """True for a one-line link such as ``MORE: Storm closes the bridge`` or ``Lesen Sie auch:
    Fähre fällt aus``: a cue, a colon, then a headline (no closing sentence punctuation)."""
    match = _PREFIXED.match(line.strip())
    if match is None:
        return False
    return is_related_cue(match.group(1)) and _headline_like(match.group(2))


def _headline_like(line: str) -> bool:
    line = line.strip()
    return 0 < len(line) <= MAX_HEADLINE and not _SENTENCE_END.search(line)


def drop_related(lines: list[str]) -> tuple[list[str], list[Removal]]:
    """The body lines without related-link blocks, and the dropped lines (``related-links``)."""
    total = sum(len(line) for line in lines) or 1
    kept: list[str] = []
    removed: list[str] = []
    done = 0
    i = 0
    while i < len(lines):
        if is_related_link(lines[i]):
            removed.append(lines[i])
            done += len(lines[i])
            i += 1
            continue
        if not is_related_cue(lines[i]):
            kept.append(lines[i])
            done += len(lines[i])
            i += 1
            continue
        if done / total >= TAIL:
            removed.extend(lines[i:])
            break
        end = i + 1
        while end < len(lines) and _headline_like(lines[end]):
            end += 1
        removed.extend(lines[i:end])
        done += sum(len(line) for line in lines[i:end])
        i = end
    return kept, [Removal(text=line, reason="related-links") for line in removed]


def left_out_blocks(
    tree: lxml_html.HtmlElement, text: str, *, limit: int | None = None
) -> list[Removal]:
    """Visible text blocks of the page that the body text does not contain (``html-boilerplate``).

    Only innermost blocks count (a ``<div>`` is never listed whole); each appears once, in
    page order; at most ``limit`` of them.
    """
    body = tree.find(".//body")
    if body is None:
        return []
    squeezed = _squeeze(text)
    found: list[Removal] = []
    seen: set[str] = set()
    nodes = list(body.iter(*_BLOCKS))  # held in a list: lxml keeps their proxies (identities)
    containers: set[lxml_html.HtmlElement] = set()
    for node in nodes:
        for outer in node.iterancestors(*_BLOCKS):
            if outer in containers:
                break
            containers.add(outer)
    for node in nodes:
        if node in containers or next(node.iterancestors(*_HIDDEN), None) is not None:
            continue
        block = " ".join(_visible(node).split())
        if len(block.split()) < MIN_WORDS or block in seen or _squeeze(block) in squeezed:
            continue
        seen.add(block)
        found.append(Removal(text=block, reason="html-boilerplate"))
        if limit is not None and len(found) >= limit:
            break
    return found


def find_lead(blocks: list[Removal], descriptions: tuple[str, ...]) -> Removal | None:
    """The left-out block that the page's description announces: the dropped standfirst.

    A block qualifies with at least ``MIN_LEAD_WORDS`` words when it and a description agree
    on their first ``LEAD_KEY`` letters and digits, or one contains the other.
    """
    keys = [k for k in (_fold(d) for d in descriptions) if len(k) >= LEAD_KEY]
    if not keys:
        return None
    for block in blocks:
        if len(block.text.split()) < MIN_LEAD_WORDS:
            continue
        key = _fold(block.text)
        if len(key) < LEAD_KEY:
            continue
        if any(key[:LEAD_KEY] == d[:LEAD_KEY] or key in d or d in key for d in keys):
            return block
    return None


def _fold(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold())


def _squeeze(text: str) -> str:
    """Text without whitespace: markup and the extractor space inline elements differently."""
    return re.sub(r"\s+", "", text)


def _visible(node: lxml_html.HtmlElement) -> str:
    parts = [node.text or ""]
    for child in node.iterchildren():
        if isinstance(child.tag, str) and child.tag not in _HIDDEN:
            parts.append(" " if child.tag == "br" else _visible(child))
        parts.append(child.tail or "")
    return "".join(parts)
