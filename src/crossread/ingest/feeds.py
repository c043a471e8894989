"""RSS, Atom and RDF feeds through feedparser: one RawDocument per entry.

Entry content is usually an HTML fragment; :func:`html_to_text` turns it into paragraphs
separated by blank lines (the layout the clean stage expects) and keeps figure captions
apart, as removed text, instead of letting them run into the body.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

from crossread.errors import IngestError
from crossread.models import RawDocument, Removal

# Elements that end a paragraph; their text goes on its own line.
_BLOCKS = frozenset(
    (
        *("p", "div", "br", "li", "ul", "ol", "blockquote", "pre", "tr", "table", "hr"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt"),
        *("section", "article", "header", "footer", "aside", "main", "nav"),
    )
)
_SKIP = frozenset(("script", "style", "noscript", "template", "iframe", "svg", "button", "form"))
_CAPTION = frozenset(("figcaption",))
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_LOOKS_LIKE_HTML = re.compile(r"<(?:p|br|div|a|span|em|strong|b|i|img|ul|li|h[1-6])\b[^>]*>", re.I)


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.captions: list[str] = []
        self._current: list[str] = []
        self._caption: list[str] = []
        self._skip = 0
        self._in_caption = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skip += 1
        elif tag in _CAPTION:
            self._in_caption += 1
        elif tag in _BLOCKS:
            self._flush()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in _CAPTION:
            self._in_caption = max(0, self._in_caption - 1)
            caption = _SPACES.sub(" ", "".join(self._caption)).strip()
            if caption:
                self.captions.append(caption)
            self._caption = []
        elif tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        (self._caption if self._in_caption else self._current).append(data)

    def _flush(self) -> None:
        text = _SPACES.sub(" ", "".join(self._current)).strip()
        if text:
            self.paragraphs.extend(p.strip() for p in text.split("\n") if p.strip())
        self._current = []

    def close(self) -> None:
        super().close()
        self._flush()


def looks_like_html(text: str) -> bool:
    """True when ``text`` carries HTML tags (feed and JSON bodies often do)."""
    return bool(_LOOKS_LIKE_HTML.search(text))


def html_to_text(fragment: str) -> tuple[str, tuple[Removal, ...]]:
    """Plain text of an HTML fragment: paragraphs joined by blank lines, captions removed.

    Returns the text and the figure captions dropped from it (as ``caption`` removals).
    """
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    removed = tuple(Removal(text=c, reason="caption") for c in collector.captions)
    return "\n\n".join(collector.paragraphs), removed


def _entry_body(entry: Any) -> tuple[str, tuple[Removal, ...], bool]:
    """Longest of the entry's content values (or its summary), as text."""
    candidates: list[tuple[str, str]] = [
        (c.get("value", ""), c.get("type", "text/html")) for c in entry.get("content", [])
    ]
    from_summary = not any(value.strip() for value, _ in candidates)
    if from_summary:
        detail = entry.get("summary_detail") or {}
        candidates.append((entry.get("summary", ""), detail.get("type", "text/html")))
    value, kind = max(candidates, key=lambda c: len(c[0]), default=("", "text/plain"))
    if "html" in kind or looks_like_html(value):
        text, removed = html_to_text(value)
        return text, removed, from_summary
    return value.strip(), (), from_summary


def _entry_author(entry: Any) -> str | None:
    names = [a.get("name", "").strip() for a in entry.get("authors", []) if a.get("name")]
    if names:
        return ", ".join(dict.fromkeys(names))
    author = entry.get("author")
    return author.strip() if isinstance(author, str) and author.strip() else None


def _plain(value: str | None) -> str | None:
    """Titles may carry markup (``<b>``, entities); keep only their text."""
    if not value:
        return None
    text = html_to_text(value)[0] if looks_like_html(value) else value
    text = " ".join(text.split())
    return text or None


def read_feed(data: bytes, *, source: str) -> Iterator[RawDocument]:
    """One RawDocument per feed entry, in feed order; ``source`` is ``name#N``.

    The text is the entry's content, else its summary (then a warning says so). An entry with
    neither (headline-only feeds) still yields a document, with ``status="empty"``, so its
    title and link are not lost; the pipeline skips it. The feed's title becomes the outlet.

    Raises:
        IngestError: the feed is malformed and no entry with text could be recovered, or the
            data is not a feed at all.
    """
    import feedparser  # imported lazily: only feed inputs need it

    parsed = feedparser.parse(data)
    entries = list(parsed.get("entries", []))
    if not entries:
        if parsed.get("bozo"):
            problem = parsed.get("bozo_exception")
            line = getattr(problem, "getLineNumber", lambda: None)()
            where = f" (line {line})" if line else ""
            raise IngestError(f"{source}: malformed feed{where}: {_describe(problem)}")
        if not parsed.get("version"):
            raise IngestError(f"{source}: not an RSS, Atom or RDF feed")
        return
    bodies = [_entry_body(entry) for entry in entries]
    if parsed.get("bozo") and not any(text.strip() for text, _, _ in bodies):
        # Broken XML whose only "entries" are fragments with no text: report the breakage.
        problem = _describe(parsed.get("bozo_exception"))
        raise IngestError(f"{source}: malformed feed: {problem}")
    feed = parsed.get("feed", {})
    outlet = _plain(feed.get("title"))
    language = feed.get("language") or None
    feed_warnings: tuple[str, ...] = ()
    if parsed.get("bozo"):
        feed_warnings = (f"feed is not well-formed ({_describe(parsed.get('bozo_exception'))})",)
    for number, (entry, body) in enumerate(zip(entries, bodies, strict=True), start=1):
        text, removed, from_summary = body
        warnings = feed_warnings if number == 1 else ()
        status = "ok"
        if not text.strip():
            status = "empty"
        elif from_summary:
            warnings += ("only a summary in the feed, not the full article",)
        yield RawDocument(
            source=f"{source}#{number}",
            fmt="feed",
            text=text,
            title=_plain(entry.get("title")),
            outlet=outlet,
            byline=_entry_author(entry),
            published=entry.get("published") or entry.get("updated") or None,
            url=entry.get("link") or None,
            language=language,
            removed=removed,
            status=status,
            warnings=warnings,
        )


def _describe(problem: object) -> str:
    message = str(problem).strip() if problem is not None else ""
    return message.splitlines()[0] if message else "unknown problem"
