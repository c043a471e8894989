"""Reader for ECB+ entity mentions and their coreference chains, per topic.

ECB+ XML (``ECB+/<topic>/<topic>_<n>ecb[plus].xml``) gives tokens with sentence numbers,
markables anchored to tokens, and two relation kinds: ``CROSS_DOC_COREF`` (chain id in its
``note``, an instance id shared across documents) and ``INTRA_DOC_COREF`` (a chain within one
document). Participant and location markables (``HUMAN_PART*``, ``LOC_*``) are the entities
here; ``NON_HUMAN_PART`` (objects such as "life sentences"), times and actions are left out.
A mention in no relation is a chain of its own.

Tokens carry no spacing, so the text is rebuilt with one space between tokens and one line per
sentence; only sentences listed in ``ECBplus_coreference_sentences.csv`` (the exhaustively
annotated ones, as the standard evaluation does) contribute gold mentions, when that file is
found next to or above the ``ECB+`` folder.
"""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path

_ENTITY_PREFIXES = ("HUMAN_PART", "LOC_")
_QUOTES = {"``": "“", "''": "”"}
_NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", "'s", "n't", ")", "”", "%", "'"})
_NO_SPACE_AFTER = frozenset({"(", "“", "$"})


@dataclass(frozen=True, slots=True, kw_only=True)
class EcbMention:
    doc: str
    start: int
    end: int
    text: str
    tag: str
    chain: str


@dataclass(frozen=True, slots=True, kw_only=True)
class EcbDocument:
    name: str
    text: str
    mentions: tuple[EcbMention, ...]
    annotated: tuple[tuple[int, int], ...]
    """Character ranges of the sentences whose mentions are gold (all, without the CSV)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class EcbTopic:
    name: str
    documents: tuple[EcbDocument, ...]


def _annotated_sentences(root: Path) -> dict[str, set[int]] | None:
    for folder in (root, *root.parents):
        csv_path = folder / "ECBplus_coreference_sentences.csv"
        if csv_path.is_file():
            out: dict[str, set[int]] = defaultdict(set)
            with csv_path.open(encoding="utf-8") as handle:
                for row in csv.DictReader(handle):
                    out[f"{row['Topic']}_{row['File']}"].add(int(row["Sentence Number"]))
            return out
    return None


def read_ecb_document(path: Path, sentences: set[int] | None) -> EcbDocument:
    """One ECB+ XML file: rebuilt text and its entity mentions with gold chain ids."""
    tree = ET.parse(path)
    root = tree.getroot()
    name = path.stem
    offsets: dict[str, tuple[int, int, int]] = {}
    pieces: list[str] = []
    length = 0
    current_sentence: int | None = None
    previous = ""
    bounds: dict[int, list[int]] = {}
    for token in root.iter("token"):
        sentence = int(token.get("sentence", "0"))
        word = _QUOTES.get(token.text or "", token.text or "")
        if current_sentence is not None:
            if sentence != current_sentence:
                sep = "\n"
            elif word in _NO_SPACE_BEFORE or previous in _NO_SPACE_AFTER:
                sep = ""
            else:
                sep = " "
            pieces.append(sep)
            length += len(sep)
        current_sentence = sentence
        offsets[token.get("t_id", "")] = (length, length + len(word), sentence)
        span = bounds.setdefault(sentence, [length, length])
        span[1] = length + len(word)
        pieces.append(word)
        length += len(word)
        previous = word
    text = "".join(pieces)
    markables = root.find("Markables")
    relations = root.find("Relations")
    spans: dict[str, tuple[str, list[str]]] = {}
    if markables is not None:
        for markable in markables:
            anchors = [a.get("t_id", "") for a in markable.findall("token_anchor")]
            if anchors:
                spans[markable.get("m_id", "")] = (markable.tag, anchors)
    chain_of: dict[str, str] = {}
    if relations is not None:
        for relation in relations:
            if relation.tag == "CROSS_DOC_COREF":
                chain = relation.get("note") or f"{name}:{relation.get('r_id')}"
            elif relation.tag == "INTRA_DOC_COREF":
                target = relation.find("target")
                chain = f"{name}:intra:{target.get('m_id') if target is not None else ''}"
            else:
                continue
            for source in relation.findall("source"):
                chain_of[source.get("m_id", "")] = chain
    mentions = []
    for m_id, (tag, anchors) in spans.items():
        if not tag.startswith(_ENTITY_PREFIXES):
            continue
        positions = [offsets[a] for a in anchors if a in offsets]
        if not positions:
            continue
        if sentences is not None and positions[0][2] not in sentences:
            continue
        start = min(p[0] for p in positions)
        end = max(p[1] for p in positions)
        mentions.append(
            EcbMention(
                doc=name,
                start=start,
                end=end,
                text=text[start:end],
                tag=tag,
                chain=chain_of.get(m_id, f"{name}:single:{m_id}"),
            )
        )
    mentions.sort(key=lambda m: m.start)
    annotated = tuple(
        (a, b)
        for number, (a, b) in sorted(bounds.items())
        if sentences is None or number in sentences
    )
    return EcbDocument(name=name, text=text, mentions=tuple(mentions), annotated=annotated)


def read_ecb_topics(root: Path, topics: Collection[str] | None = None) -> Iterator[EcbTopic]:
    """Every topic folder (holding ``*ecb*.xml``) under ``root``, or only the named ``topics``."""
    annotated = _annotated_sentences(root)
    folders = sorted({p.parent for p in root.rglob("*.xml") if "ecb" in p.name})
    for folder in folders:
        if topics is not None and folder.name not in topics:
            continue
        docs = []
        for path in sorted(folder.glob("*.xml")):
            keep = annotated.get(path.stem) if annotated is not None else None
            if annotated is not None and keep is None:
                keep = set()
            docs.append(read_ecb_document(path, keep))
        yield EcbTopic(name=folder.name, documents=tuple(docs))
