"""ECB+ as sentences with gold event coreference, for evaluating cross-document alignment.

Each document of a sub-topic (one real-world event: ``N_*ecb.xml`` or ``N_*ecbplus.xml`` of
topic N) becomes an article whose sentences are the exhaustively annotated sentences listed in
``ECBplus_coreference_sentences.csv``. A sentence's gold events are the cross-document chains
(``CROSS_DOC_COREF`` with an ``ACT``/``NEG`` instance) of the action mentions inside it; two
sentences of different documents that share a chain are a gold alignment.
"""

from __future__ import annotations

import csv
import hashlib
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from crossread.errors import EvalError
from crossread.models import Article, Sentence

_NAME = re.compile(r"^(\d+)_(\d+)(ecbplus|ecb)\.xml$")
_NO_SPACE_BEFORE = re.compile(r"\s+([.,;:!?%)\]}'’”]|n't|'s|'re|'ll|'ve|'d|'m)")
_NO_SPACE_AFTER = re.compile(r"([(\[{$“‘])\s+")
_EVENT_PREFIXES = ("ACT", "NEG")


@dataclass(frozen=True, slots=True, kw_only=True)
class EventDocument:
    """One ECB+ document: its annotated sentences as an article, and their gold event chains."""

    name: str
    subtopic: str
    article: Article
    events: dict[int, frozenset[str]]
    """sentence index (in ``article.sentences``) -> ids of the event chains mentioned there."""


def detokenize(tokens: list[str]) -> str:
    """Join corpus tokens into readable text (no space before punctuation)."""
    text = " ".join(tokens)
    text = _NO_SPACE_BEFORE.sub(r"\1", text)
    return _NO_SPACE_AFTER.sub(r"\1", text)


def read_annotated(csv_path: Path) -> dict[str, set[int]]:
    """Document stem (``1_10ecbplus``) -> numbers of its exhaustively annotated sentences."""
    annotated: dict[str, set[int]] = {}
    try:
        with csv_path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                stem = f"{row['Topic'].strip()}_{row['File'].strip()}"
                annotated.setdefault(stem, set()).add(int(row["Sentence Number"]))
    except (OSError, KeyError, ValueError) as exc:
        raise EvalError(f"{csv_path}: not the ECB+ annotated-sentences table ({exc})") from exc
    return annotated


def _chains(root: ET.Element) -> dict[str, str]:
    """Mention id -> cross-document event chain id."""
    instances = {
        m.get("m_id", ""): m.get("instance_id", "")
        for m in root.iter()
        if m.get("instance_id") is not None
    }
    chains: dict[str, str] = {}
    for relation in root.iter("CROSS_DOC_COREF"):
        target = relation.find("target")
        chain = relation.get("note") or ""
        if target is not None and instances.get(target.get("m_id", "")):
            chain = instances[target.get("m_id", "")]
        if not chain.startswith(_EVENT_PREFIXES):
            continue
        for source in relation.findall("source"):
            chains[source.get("m_id", "")] = chain
    return chains


def read_document(path: Path, annotated: set[int]) -> EventDocument | None:
    """One document restricted to its annotated sentences (``None`` when it has none)."""
    match = _NAME.match(path.name)
    if match is None:
        raise EvalError(f"{path}: not an ECB+ document name (N_Mecb.xml / N_Mecbplus.xml)")
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise EvalError(f"{path}: malformed XML ({exc})") from exc
    tokens: dict[str, tuple[int, str]] = {}
    by_sentence: dict[int, list[str]] = {}
    for token in root.iter("token"):
        number = int(token.get("sentence", "0"))
        tokens[token.get("t_id", "")] = (number, token.text or "")
        by_sentence.setdefault(number, []).append(token.text or "")
    chains = _chains(root)
    events: dict[int, set[str]] = {}
    markables = root.find("Markables")
    for markable in markables if markables is not None else ():
        chain = chains.get(markable.get("m_id", ""))
        if chain is None or not markable.tag.startswith(("ACTION", "NEG_ACTION")):
            continue
        for anchor in markable.findall("token_anchor"):
            number = tokens.get(anchor.get("t_id", ""), (-1, ""))[0]
            events.setdefault(number, set()).add(chain)
    keep = [n for n in sorted(by_sentence) if n in annotated]
    if not keep:
        return None
    sentences: list[Sentence] = []
    gold: dict[int, frozenset[str]] = {}
    text = ""
    for number in keep:
        line = detokenize(by_sentence[number])
        if text:
            text += "\n"
        sentences.append(
            Sentence(index=len(sentences), start=len(text), end=len(text) + len(line), text=line)
        )
        gold[len(sentences) - 1] = frozenset(events.get(number, ()))
        text += line
    topic, _, kind = match.groups()
    digest = hashlib.sha1(f"{path.name}\n{text}".encode()).hexdigest()[:16]
    article = Article(id=digest, title="", text=text, source=str(path), sentences=tuple(sentences))
    return EventDocument(name=path.stem, subtopic=f"{topic}{kind}", article=article, events=gold)


def read_corpus(root: Path, topics: set[str] | None = None) -> Iterator[list[EventDocument]]:
    """Documents under ``root`` grouped by sub-topic (event), annotated sentences only.

    Raises:
        EvalError: when ``ECBplus_coreference_sentences.csv`` or the XML files are missing.
    """
    tables = sorted(root.rglob("ECBplus_coreference_sentences.csv"))
    if not tables:
        raise EvalError(f"{root}: ECBplus_coreference_sentences.csv not found")
    annotated = read_annotated(tables[0])
    groups: dict[str, list[EventDocument]] = {}
    paths = sorted(p for p in root.rglob("*.xml") if _NAME.match(p.name))
    if not paths:
        raise EvalError(f"{root}: no ECB+ XML documents found")
    for path in paths:
        match = _NAME.match(path.name)
        assert match is not None
        if topics is not None and match.group(1) not in topics:
            continue
        document = read_document(path, annotated.get(path.stem, set()))
        if document is not None:
            groups.setdefault(document.subtopic, []).append(document)
    for subtopic in sorted(groups):
        yield groups[subtopic]


def gold_pairs(documents: list[EventDocument]) -> set[frozenset[tuple[str, int]]]:
    """Cross-document sentence pairs of one sub-topic that share an event chain."""
    pairs: set[frozenset[tuple[str, int]]] = set()
    for left, right in combinations(documents, 2):
        for i, a in left.events.items():
            for j, b in right.events.items():
                if a & b:
                    pairs.add(frozenset({(left.article.id, i), (right.article.id, j)}))
    return pairs
