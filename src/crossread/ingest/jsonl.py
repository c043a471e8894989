"""JSON and JSON Lines: one RawDocument per record.

A record is an object with a body under one of several common names (``text``, ``body``,
``content``, ``article``, ``articleBody``, ``maintext``...) and optional metadata fields; see
the ``*_FIELDS`` tuples for the names recognised, in order of preference. A JSON file may hold
one record, a list of records, or an object wrapping such a list (``{"articles": [...]}``).

Bad records: a JSON Lines file with some unreadable lines, or a list with some records that
have no text, still yields its good records. Each problem becomes a warning on the next good
document (problems after the last good record ride on the last one), so a user sees them in
the ingest summary. Only when no record at all is readable does the whole file fail.
JSON Lines files are read line by line (:func:`read_jsonl_lines`), so dumps of any size
stream in constant memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

from crossread.errors import IngestError
from crossread.ingest.feeds import html_to_text, looks_like_html
from crossread.models import RawDocument, Removal

TEXT_FIELDS = (
    "text",
    "body",
    "content",
    "article",
    "articleBody",
    "article_body",
    "maintext",
    "full_text",
    "fulltext",
    "story",
    "paragraphs",
    "body_paragraphs",
    "body-paragraphs",
)
TITLE_FIELDS = ("title", "headline", "heading", "name")
DATE_FIELDS = (
    "published",
    "date",
    "publish_date",
    "published_date",
    "pubDate",
    "datePublished",
    "date_publish",
    "published_at",
    "publishedAt",
    "pub_date",
    "publication_date",
    "created_at",
    "timestamp",
)
OUTLET_FIELDS = (
    "outlet",
    "source",
    "publisher",
    "site_name",
    "siteName",
    "source_name",
    "source_domain",
    "publication",
    "newspaper",
    "site",
)
URL_FIELDS = ("url", "link", "canonical_url", "href", "permalink")
AUTHOR_FIELDS = ("byline", "author", "authors", "creator", "by")
LANGUAGE_FIELDS = ("language", "lang", "language_code", "inLanguage")
# Objects that wrap the list of records.
LIST_FIELDS = ("articles", "items", "entries", "documents", "docs", "records", "data", "results")


@dataclass(frozen=True, slots=True, kw_only=True)
class _Problem:
    where: str
    message: str


def _first(record: Mapping[str, Any], names: tuple[str, ...]) -> Any:
    for name in names:
        value = record.get(name)
        if value not in (None, "", [], {}):
            return value
    return None


def _name(value: Any) -> str | None:
    """A display string from a field that may be a string, a number, an object or a list."""
    if value is None:
        return None
    if isinstance(value, str):
        return " ".join(value.split()) or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, Mapping):
        return _name(_first(value, ("name", "title", "id", "url", "@id")))
    if isinstance(value, list):
        names = [n for n in (_name(v) for v in value) if n]
        return ", ".join(dict.fromkeys(names)) or None
    return None


def _body(value: Any) -> tuple[str, tuple[Removal, ...]]:
    if isinstance(value, list):
        if value and all(isinstance(v, list) for v in value):
            # Paragraphs given as lists of sentences.
            value = [" ".join(s.strip() for s in v if isinstance(s, str)) for v in value]
        parts = [p for p in (_body(v)[0] for v in value) if p.strip()]
        return "\n\n".join(parts), ()
    if isinstance(value, Mapping):
        return _body(_first(value, ("text", "value", "content", "body")))
    if not isinstance(value, str):
        return "", ()
    if looks_like_html(value):
        return html_to_text(value)
    return value.replace("\r\n", "\n").strip(), ()


def record_document(record: Any, *, source: str, where: str = "") -> RawDocument | _Problem:
    """One record as a RawDocument, or the reason it cannot be one (located by ``where``,
    e.g. ``line 4``)."""
    if not isinstance(record, Mapping):
        found = type(record).__name__
        return _Problem(where=where, message=f"expected an object, found {found}")
    text, removed = _body(_first(record, TEXT_FIELDS))
    if not text.strip():
        names = ", ".join(TEXT_FIELDS[:4])
        return _Problem(where=where, message=f"record has no text (looked for {names}...)")
    published = _first(record, DATE_FIELDS)
    return RawDocument(
        source=source,
        fmt="json",
        text=text,
        title=_name(_first(record, TITLE_FIELDS)),
        outlet=_name(_first(record, OUTLET_FIELDS)),
        byline=_name(_first(record, AUTHOR_FIELDS)),
        published=_name(published),
        url=_name(_first(record, URL_FIELDS)),
        language=_name(_first(record, LANGUAGE_FIELDS)),
        removed=removed,
    )


def _records(value: Any) -> list[Any] | None:
    """The list of records a JSON value holds, or None when it is a single record."""
    if isinstance(value, list):
        return value
    if isinstance(value, Mapping) and _first(value, TEXT_FIELDS) is None:
        inner = _first(value, LIST_FIELDS)
        if isinstance(inner, list):
            return inner
    return None


def _collect(
    items: Iterable[RawDocument | _Problem], *, source: str, what: str
) -> Iterator[RawDocument]:
    """Good records with the problems before them as warnings; streams with one record of
    lookahead, so problems after the last good record can still ride on it."""
    held: RawDocument | None = None
    pending: list[str] = []
    first_problem: _Problem | None = None
    problems = 0
    for item in items:
        if isinstance(item, _Problem):
            problems += 1
            first_problem = first_problem or item
            pending.append(f"{item.where}: skipped, {item.message}")
            continue
        if held is not None:
            yield held
        held = replace(item, warnings=item.warnings + tuple(pending))
        pending = []
    if held is None:
        if first_problem is None:
            raise IngestError(f"{source}: no {what} in the file")
        more = f" (and {problems - 1} more)" if problems > 1 else ""
        raise IngestError(
            f"{source}: no readable {what}: {first_problem.where}: {first_problem.message}{more}"
        )
    yield replace(held, warnings=held.warnings + tuple(pending))


def read_json(text: str, *, source: str) -> Iterator[RawDocument]:
    """Records of a JSON document: one object, a list, or an object wrapping a list.

    Raises:
        IngestError: malformed JSON (with line and column), or no record has text.
    """
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise IngestError(
            f"{source}: malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from exc
    records = _records(value)
    if records is None:
        item = record_document(value, source=source)
        if isinstance(item, _Problem):
            raise IngestError(f"{source}: {item.message}")
        yield item
        return
    items = [
        record_document(r, source=f"{source}#{i}", where=f"record {i}")
        for i, r in enumerate(records, start=1)
    ]
    yield from _collect(items, source=source, what="records")


def read_jsonl(text: str, *, source: str) -> Iterator[RawDocument]:
    """Records of a JSON Lines text, one object per line; ``source`` is ``name#LINE``.

    Raises:
        IngestError: no line holds a readable record.
    """
    yield from read_jsonl_lines(text.splitlines(), source=source)


def read_jsonl_lines(lines: Iterable[str | bytes], *, source: str) -> Iterator[RawDocument]:
    """Records of JSON Lines read one line at a time (constant memory for big dumps).

    Lines may be bytes (straight from a file); a line that is not UTF-8 is a bad record.

    Raises:
        IngestError: no line holds a readable record.
    """
    yield from _collect(_line_items(lines, source), source=source, what="JSON Lines records")


def _line_items(lines: Iterable[str | bytes], source: str) -> Iterator[RawDocument | _Problem]:
    for number, raw_line in enumerate(lines, start=1):
        where = f"line {number}"
        if isinstance(raw_line, bytes):
            try:
                line = raw_line.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                yield _Problem(where=where, message=f"not UTF-8 (byte {exc.start + 1})")
                continue
        else:
            line = raw_line
        line = line.rstrip("\r\n")
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            yield _Problem(where=where, message=f"malformed JSON at column {exc.colno}: {exc.msg}")
            continue
        yield record_document(value, source=f"{source}#{number}", where=where)
