"""Plain-text articles as scraped from the web.

Such files usually look like::

     date 2022-08-16 Putin vows to expand partnership with North Korea   <- optional header
    Bloomberg                                                            <- outlet/byline line
    ...caption lines, reading-time stamps, body paragraphs...

or start straight with the title line. Only the machine-written header is parsed here (a
``date YYYY-MM-DD <title>`` line, or a block of ``Key: value`` lines such as ``Title:`` and
``Source:``); recognising title, outlet and byline lines in the text itself is the clean
stage's job, because the same scraped layout also turns up inside JSON records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crossread.models import RawDocument

# " date 2022-08-16 Putin vows to ..." (leading space and a colon after "date" tolerated).
_DATE_HEADER = re.compile(r"^\s*date\s*:?\s+(\d{4}-\d{2}-\d{2}(?:[T ][\d:.+\-Z]+)?)\s*(.*)$", re.I)

# "Title: ...", "Source: ..." blocks at the very top of a file.
_FIELD = re.compile(
    r"^\s*(title|headline|source|outlet|publisher|date|published|url|link|author|byline"
    r"|language)\s*:\s*(\S.*?)\s*$",
    re.I,
)
_FIELD_NAMES = {
    "title": "title",
    "headline": "title",
    "source": "outlet",
    "outlet": "outlet",
    "publisher": "outlet",
    "date": "published",
    "published": "published",
    "url": "url",
    "link": "url",
    "author": "byline",
    "byline": "byline",
    "language": "language",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Header:
    """What a file's header said, and the text after it."""

    fields: dict[str, str]
    body: str


def parse_header(text: str) -> Header:
    """Split an optional machine-written header off the top of ``text``."""
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return Header(fields={}, body=text)
    match = _DATE_HEADER.match(lines[first])
    if match:
        fields = {"published": match.group(1)}
        if match.group(2).strip():
            fields["title"] = match.group(2).strip()
        return Header(fields=fields, body="\n".join(lines[first + 1 :]))
    fields = {}
    end = first
    for end in range(first, len(lines)):
        field = _FIELD.match(lines[end])
        if not field:
            break
        fields.setdefault(_FIELD_NAMES[field.group(1).lower()], field.group(2))
    else:
        end = len(lines)
    # A lone "Source: ..." line could be body text; a block of two or more is a header.
    if len(fields) >= 2 and (end == len(lines) or not lines[end].strip()):
        return Header(fields=fields, body="\n".join(lines[end:]))
    return Header(fields={}, body=text)


def read_text(text: str, *, source: str, warnings: tuple[str, ...] = ()) -> RawDocument:
    """One plain-text article: header fields parsed, the rest handed on as ``text``.

    ``text`` must already be decoded; line endings are normalised to ``\\n`` and nothing else
    is changed, so sentences reach the clean stage verbatim.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    header = parse_header(text)
    fields = header.fields
    return RawDocument(
        source=source,
        fmt="text",
        text=header.body,
        title=fields.get("title"),
        outlet=fields.get("outlet"),
        byline=fields.get("byline"),
        published=fields.get("published"),
        url=fields.get("url"),
        language=fields.get("language"),
        warnings=warnings,
    )
