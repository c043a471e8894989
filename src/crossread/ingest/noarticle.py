"""Honest no-article detection: bot walls, consent shells, index pages and paywall stubs.

Extractors return *some* text for any page; a reader that passes a cookie banner or a section
front on as an article poisons every later stage. ``judge_page`` says ``ok``, ``no_article`` or
``paywall`` with a short reason. The phrase lists are data files in ``ingest/data/``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from lxml import html as lxml_html

from crossread.ingest.htmlmeta import PageMeta

MIN_TEXT = 80
"""Below this many characters nothing reads as an article."""
MIN_UNTYPED_TEXT = 250
"""Below this, a page that does not declare itself an article is an empty shell."""
MAX_STUB = 1500
"""A paywall prompt in a text shorter than this marks a stub, not a full article."""
INDEX_LINK_DENSITY = 0.45


@dataclass(frozen=True, slots=True, kw_only=True)
class Verdict:
    status: str
    """``ok``, ``no_article`` or ``paywall``."""
    reason: str | None = None


@lru_cache(maxsize=8)
def load_patterns(name: str) -> tuple[re.Pattern[str], ...]:
    """Compile one pattern file from ``crossread/ingest/data`` (comments and blanks skipped)."""
    text = resources.files("crossread.ingest").joinpath("data", name).read_text("utf-8")
    lines = (line.strip() for line in text.splitlines())
    return tuple(re.compile(line, re.IGNORECASE) for line in lines if line and line[0] != "#")


def _matches(patterns: tuple[re.Pattern[str], ...], text: str) -> bool:
    return any(p.search(text) for p in patterns)


def link_density(tree: lxml_html.HtmlElement) -> float:
    """Share of the body's visible text that sits inside links (near 1 for index pages)."""
    body = tree.find(".//body")
    if body is None:
        return 0.0
    total = linked = 0
    for node in body.iter():
        if not isinstance(node.tag, str) or node.tag in {"script", "style", "noscript"}:
            continue
        size = len((node.text or "").strip())
        total += size
        if node.tag == "a" or any(a.tag == "a" for a in node.iterancestors()):
            linked += size
        total += len((node.tail or "").strip())
    return linked / total if total else 0.0


def judge_page(
    *, text: str, title: str | None, meta: PageMeta, tree: lxml_html.HtmlElement
) -> Verdict:
    """Whether a page's extracted text is an article, and if not, why not."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    head = "\n".join([title or "", *lines[:5]])
    # 1. bot walls and error pages say so in their title or first lines
    if _matches(load_patterns("html_botwall.txt"), head) and len(text) < MAX_STUB:
        return Verdict(status="no_article", reason="bot wall or error page")
    # 2. paywall stubs: a short text with a subscription prompt or a non-free marker
    paywalled = meta.free is False or _matches(load_patterns("html_paywall.txt"), text)
    if paywalled and len(text) < MAX_STUB:
        return Verdict(status="paywall", reason="paywall stub")
    # 3. consent shells: the text is mostly cookie banner lines
    if lines:
        cookie = load_patterns("html_cookie.txt")
        share = sum(len(line) for line in lines if _matches(cookie, line)) / len(text)
        if share >= 0.5 and len(text) < MAX_STUB:
            return Verdict(status="no_article", reason="cookie banner only")
    # 4. empty shells
    if len(text) < MIN_TEXT or (len(text) < MIN_UNTYPED_TEXT and not meta.is_article):
        return Verdict(status="no_article", reason="no article text")
    # 5. index pages: declared as listings, or link lists without any article markers
    if meta.is_listing:
        return Verdict(status="no_article", reason="index page")
    untyped = not meta.is_article and not meta.published
    if untyped and _listy(lines) and link_density(tree) >= INDEX_LINK_DENSITY:
        return Verdict(status="no_article", reason="index page")
    return Verdict(status="ok")


def _listy(lines: list[str]) -> bool:
    """Mostly short lines without sentence ends: headlines and teasers, not paragraphs."""
    if len(lines) < 5:
        return False
    prose = sum(len(line) for line in lines if len(line) > 120 and re.search(r"[.!?…]\W*$", line))
    return prose / sum(len(line) for line in lines) < 0.3
