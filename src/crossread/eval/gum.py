"""Reader for GUM entity annotations (CoNLL-U ``Entity=`` brackets) in the news genre.

The text is rebuilt from the tokens (``SpaceAfter=No`` respected), sentences of a paragraph
joined by a space and paragraphs by a blank line, so offsets index the rebuilt text. A gold
mention is *named* when the head of its span (the token whose syntactic head lies outside it)
is a proper noun; only named person/organization/place mentions are scored, because those are
what a name recogniser is for (GUM also marks pronouns and common noun phrases).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

GUM_KINDS = {"person": "PERSON", "organization": "ORG", "place": "PLACE"}


@dataclass(frozen=True, slots=True, kw_only=True)
class GumMention:
    start: int
    end: int
    kind: str
    """GUM entity type: person, organization, place, event, ..."""
    named: bool
    text: str
    head_start: int
    head_end: int
    """The span's syntactic head token (a name's last word, mostly)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class GumDocument:
    name: str
    text: str
    mentions: tuple[GumMention, ...]


@dataclass(slots=True)
class _Token:
    form: str
    start: int
    end: int
    index: int
    head: int
    upos: str


_OPEN = re.compile(r"\((\d+)-([a-z]+)[^()]*?(\))?(?=\(|\d|$)")
_CLOSE = re.compile(r"^(\d+)\)")


def _entity_events(value: str) -> list[tuple[str, str, str]]:
    """(``open``|``close``|``single``, id, type) for one token's ``Entity=`` value."""
    events = []
    pos = 0
    while pos < len(value):
        if value[pos] == "(":
            end = pos + 1
            while end < len(value) and value[end] not in "()":
                end += 1
            body = value[pos + 1 : end]
            ident, _, rest = body.partition("-")
            etype = rest.split("-", 1)[0]
            if end < len(value) and value[end] == ")":
                events.append(("single", ident, etype))
                end += 1
            else:
                events.append(("open", ident, etype))
            pos = end
        else:
            m = _CLOSE.match(value[pos:])
            if m is None:
                pos += 1
                continue
            events.append(("close", m.group(1), ""))
            pos += m.end()
    return events


def read_gum_document(path: Path) -> GumDocument:
    """One CoNLL-U file as text (from its ``# text =`` lines) plus entity mentions."""
    pieces: list[str] = []
    length = 0
    sentences: list[list[_Token]] = []
    entity_values: list[list[str]] = []
    current: list[_Token] = []
    values: list[str] = []
    new_paragraph = False
    sentence_text = ""
    sentence_start = 0
    cursor = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newpar"):
            new_paragraph = True
        elif line.startswith("# text = "):
            if length:
                sep = "\n\n" if new_paragraph else " "
                pieces.append(sep)
                length += len(sep)
            new_paragraph = False
            sentence_text = line[len("# text = ") :]
            sentence_start = length
            pieces.append(sentence_text)
            length += len(sentence_text)
            cursor = 0
        elif line.startswith("#"):
            continue
        elif not line.strip():
            if current:
                sentences.append(current)
                entity_values.append(values)
                current, values = [], []
        else:
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            found = sentence_text.find(cols[1], cursor)
            local = found if found >= 0 else cursor
            cursor = local + len(cols[1]) if found >= 0 else cursor
            misc = (
                dict(item.split("=", 1) for item in cols[9].split("|") if "=" in item)
                if cols[9] != "_"
                else {}
            )
            current.append(
                _Token(
                    form=cols[1],
                    start=sentence_start + local,
                    end=sentence_start + local + len(cols[1]),
                    index=int(cols[0]),
                    head=int(cols[6]) if cols[6].isdigit() else 0,
                    upos=cols[3],
                )
            )
            values.append(misc.get("Entity", ""))
    if current:
        sentences.append(current)
        entity_values.append(values)
    text = "".join(pieces)
    mentions: list[GumMention] = []
    for tokens, vals in zip(sentences, entity_values, strict=True):
        stack: dict[str, list[tuple[int, str]]] = {}
        for position, value in enumerate(vals):
            for event, ident, etype in _entity_events(value):
                if event == "single":
                    mentions.append(_mention(text, tokens, position, position, etype))
                elif event == "open":
                    stack.setdefault(ident, []).append((position, etype))
                elif stack.get(ident):
                    first, etype_open = stack[ident].pop()
                    mentions.append(_mention(text, tokens, first, position, etype_open))
    return GumDocument(name=path.stem, text=text, mentions=tuple(mentions))


def _mention(text: str, tokens: list[_Token], first: int, last: int, etype: str) -> GumMention:
    span = tokens[first : last + 1]
    indices = {t.index for t in span}
    heads = [t for t in span if t.head not in indices]
    named = bool(heads) and heads[0].upos == "PROPN"
    start, end = span[0].start, span[-1].end
    head = heads[0] if heads else span[-1]
    return GumMention(
        start=start,
        end=end,
        kind=etype,
        named=named,
        text=text[start:end],
        head_start=head.start,
        head_end=head.end,
    )


def read_gum_documents(root: Path) -> Iterator[GumDocument]:
    """Every ``.conllu`` under ``root``; given GUM's ``xml/`` folder, its sibling ``dep/``."""
    files = sorted(root.rglob("*.conllu"))
    if not files and (root.parent / "dep").is_dir():
        files = sorted((root.parent / "dep").rglob("*.conllu"))
    for path in files:
        yield read_gum_document(path)
