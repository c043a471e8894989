"""SQL text the store builds from data: the schema migrations, full-text queries typed by
users, and the WHERE clause of a story filter. No connection here: these are pure functions
of their inputs, kept apart from :mod:`crossread.store.sqlite`'s reads and writes."""

from __future__ import annotations

import re
from importlib import resources
from typing import Any

from crossread.store.base import StoryFilter

_WORD = re.compile(r"\w+", re.UNICODE)


def migrations() -> list[tuple[int, str]]:
    """The numbered SQL migrations shipped in ``store/migrations``, in order."""
    folder = resources.files("crossread.store.migrations")
    found = []
    for entry in folder.iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:4].isdigit():
            found.append((int(name[:4]), entry.read_text(encoding="utf-8")))
    return sorted(found)


SCHEMA_VERSION = max(number for number, _ in migrations())


def fts_query(text: str) -> str:
    """Turn free text into a safe FTS5 query: every word must match (prefix on the last).

    Users type words, not FTS5 syntax; quoting each token keeps operators and stray quotes in
    the input from becoming syntax errors (or syntax).
    """
    words = _WORD.findall(text)
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def story_filter_sql(where: StoryFilter | None) -> tuple[str, list[Any]]:
    """The ``WHERE`` clause (empty without conditions) and its parameters selecting the
    stories (table alias ``s``) that match ``where``."""
    clauses: list[str] = []
    params: list[Any] = []
    if where is None:
        return "", params
    if where.query:
        query = fts_query(where.query)
        if query:
            clauses.append(
                "s.id IN (SELECT a.story FROM articles_fts f JOIN articles a ON a.id = f.id"
                " WHERE articles_fts MATCH ?)"
            )
            params.append(query)
    if where.outlet:
        clauses.append("s.id IN (SELECT story FROM articles WHERE outlet = ? COLLATE NOCASE)")
        params.append(where.outlet)
    if where.entity:
        clauses.append(
            "s.id IN (SELECT story FROM story_entities WHERE entity = ? OR name = ? COLLATE NOCASE)"
        )
        params += [where.entity, where.entity]
    if where.since:
        clauses.append("s.sort_date >= ?")
        params.append(where.since.isoformat())
    if where.until:
        clauses.append("COALESCE(s.first, substr(s.created, 1, 10)) <= ?")
        params.append(where.until.isoformat())
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params
