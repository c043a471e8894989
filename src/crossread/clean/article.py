"""The clean stage's orchestrator: one RawDocument in, one Article out."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from rapidfuzz import fuzz

from crossread.clean.boilerplate import collapse, credit_start, match_reason
from crossread.clean.dates import parse_date
from crossread.clean.dedup import repeat_reasons
from crossread.clean.layout import paragraphs
from crossread.clean.metadata import (
    HeadLine,
    dateline_outlet,
    head_line,
    is_known_outlet,
)
from crossread.errors import IngestError
from crossread.models import Article, RawDocument, Removal

HEAD_LIMIT = 8
"""How many paragraphs under the headline may hold outlet, byline and date lines."""
TITLE_MAX_CHARS = 250
TITLE_SEARCH = 4
"""How many leading paragraphs may precede the title line (boilerplate such as labels)."""
CAPTION_MAX_CHARS = 600
"""A paragraph longer than this that ends with a photo credit is article text whose caption
line was run into it (lost line breaks): only the credit goes, not the paragraph."""
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]?$")
_FIRST_SENTENCE = re.compile(r"^(.{20,}?[.!?])[\"'”’]?\s")


def article_id(title: str, text: str) -> str:
    """Stable content hash: the same title and cleaned text always give the same id."""
    normalised = collapse(title).casefold() + "\n" + text
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]


def _same_title(line: str, title: str) -> bool:
    a, b = collapse(line).casefold(), collapse(title).casefold()
    return a == b or (min(len(a), len(b)) >= 20 and fuzz.ratio(a, b) >= 90)


def _plausible_title(line: str) -> bool:
    return len(line) <= TITLE_MAX_CHARS and match_reason(line) is None


def _body_like(paragraph: str) -> bool:
    words = paragraph.split()
    return len(words) >= 20 or (len(words) >= 8 and bool(_SENTENCE_END.search(paragraph)))


def _fallback_title(text: str) -> str:
    """A title for input that gave none: the first sentence, or the first words."""
    first = text.split("\n\n", 1)[0]
    match = _FIRST_SENTENCE.match(first + " ")
    sentence = match.group(1) if match else first
    if len(sentence) <= 120:
        return sentence
    cut = sentence[:120].rsplit(" ", 1)[0]
    return cut + "…"


def _scan_head(
    body: list[str], reasons: list[str | None], *, guess_outlet: bool, outlets: list[str]
) -> list[HeadLine]:
    """Mark boilerplate and metadata lines among the first paragraphs under the headline.

    A line that is one of the ``outlets`` already known for this document is an outlet line.
    Outlet names recognised by shape alone are accepted only when ``guess_outlet`` (scraped
    text) and only before any line of unknown kind (a kicker such as
    ``Finanzmärkte`` or a caption): outlet lines sit right under the headline.
    """
    found: list[HeadLine] = []
    kinds: set[str] = set()
    unknown = 0
    given = {collapse(name).casefold() for name in outlets}
    for index, paragraph in enumerate(body[:HEAD_LIMIT]):
        line = head_line(paragraph, guess_outlet=guess_outlet and unknown == 0)
        if line is None and collapse(paragraph).casefold() in given:
            line = HeadLine(kind="outlet-line", outlet=collapse(paragraph))
        reason = match_reason(paragraph)
        # A shape-only outlet guess ("Advertisement" is one capitalised word too) loses to a
        # boilerplate rule; a listed outlet, a byline or a dateline wins over one.
        if line is not None and line.kind == "outlet-line" and not is_known_outlet(paragraph):
            line = line if reason is None else None
        if line is None and reason is not None:
            reasons[index] = reason
            continue
        if line is not None and line.kind not in kinds:
            kinds.add(line.kind)
            reasons[index] = line.kind
            found.append(line)
            continue
        if _body_like(paragraph):
            break
        unknown += 1
    return found


def clean(
    raw: RawDocument, *, outlet: str | None = None, published: dt.date | None = None
) -> Article:
    """Turn one RawDocument into an Article with metadata and boilerplate-free text.

    Args:
        raw: what a reader produced.
        outlet: the outlet's name, winning over anything detected (``--source``).
        published: the publication date, winning over anything detected (``--date``).

    Returns:
        An Article whose ``text`` is the kept paragraphs, verbatim, joined by blank lines, and
        whose ``removed`` lists every dropped paragraph with its reason (including outlet,
        byline and date lines moved into metadata).

    Raises:
        IngestError: the document is not an article (``raw.status``), or no text is left.
    """
    if raw.status != "ok":
        raise IngestError(f"{raw.source}: not an article ({raw.status})")
    paras = paragraphs(raw.text)

    # 1. title: given by the reader, else the first line of scraped text that is not
    #    boilerplate (pages may open with "Advertisement" or a section label)
    title = collapse(raw.title) if raw.title else None
    first = next((i for i, p in enumerate(paras[:TITLE_SEARCH]) if match_reason(p) is None), None)
    if first is not None and title and _same_title(paras[first], title):
        paras = paras[:first] + paras[first + 1 :]
    elif (
        first is not None and title is None and raw.fmt == "text" and _plausible_title(paras[first])
    ):
        title, paras = collapse(paras[first]), paras[:first] + paras[first + 1 :]

    # 2. outlet, byline and date lines under the headline, then boilerplate everywhere
    reasons: list[str | None] = [None] * len(paras)
    given = [name for name in (outlet, raw.outlet) if name]
    head = _scan_head(paras, reasons, guess_outlet=raw.fmt == "text", outlets=given)
    credits: list[Removal] = []
    for index, paragraph in enumerate(paras):
        if reasons[index] is None:
            reasons[index] = match_reason(paragraph)
        if reasons[index] == "caption" and len(paragraph) > CAPTION_MAX_CHARS:
            line = collapse(paragraph)
            start = credit_start(line)
            if start:
                credits.append(Removal(text=line[start:].strip(), reason="caption"))
                paras[index], reasons[index] = line[:start].rstrip(" ,-–—|"), None

    # 3. repeated paragraphs (captions printed twice go entirely)
    for index, reason in repeat_reasons(paras, reasons, head=HEAD_LIMIT).items():
        reasons[index] = reason

    kept = [p for p, r in zip(paras, reasons, strict=True) if r is None]
    dropped = [Removal(text=p, reason=r) for p, r in zip(paras, reasons, strict=True) if r]
    dropped += credits
    if not kept:
        raise IngestError(
            f"{raw.source}: no article text left after cleaning"
            + (f" ({len(dropped)} paragraphs removed as boilerplate)" if dropped else "")
        )
    text = "\n\n".join(kept)

    # 4. metadata: explicit overrides, then what the reader found, then the head lines
    found_outlet = next((h.outlet for h in head if h.outlet), None)
    found_byline = next((h.byline for h in head if h.byline), None)
    found_date = next((h.published for h in head if h.published), None)
    final_title = title or _fallback_title(text)
    return Article(
        id=article_id(final_title, text),
        title=final_title,
        text=text,
        outlet=outlet or raw.outlet or found_outlet or dateline_outlet(kept[0]),
        byline=raw.byline or found_byline,
        published=published or parse_date(raw.published) or found_date,
        url=raw.url,
        language=raw.language,
        source=raw.source,
        removed=raw.removed + tuple(dropped),
    )
