"""Reader for PolNeAR attribution annotations (brat standoff ``.ann`` over ``text/*.txt``).

Layout (``polnear/data/<split>/{text,attributions}``): ``attributions/NAME_ANNOTATOR.ann``
annotates ``text/NAME.txt``. Some articles were annotated by several annotators; as the corpus
README advises, one annotator per article is used (the first in sorted order).

Each ``E`` line ties an attribution's Content to its Cue and (optional) Source; spans may be
discontinuous (``1948 1958;1974 2071``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

Span = tuple[int, int]


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldAttribution:
    content: tuple[Span, ...]
    source: tuple[Span, ...] = ()
    cue: tuple[Span, ...] = ()

    @property
    def start(self) -> int:
        return min(s for s, _ in self.content)

    @property
    def end(self) -> int:
        return max(e for _, e in self.content)


@dataclass(frozen=True, slots=True, kw_only=True)
class AttributionDocument:
    name: str
    text: str
    attributions: tuple[GoldAttribution, ...]


_SPANS = re.compile(r"(\d+) (\d+)")


def _parse(ann: str) -> tuple[GoldAttribution, ...]:
    spans: dict[str, tuple[Span, ...]] = {}
    events: list[dict[str, list[str]]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            _label, _, offsets = parts[1].partition(" ")
            spans[parts[0]] = tuple((int(a), int(b)) for a, b in _SPANS.findall(offsets))
        elif line.startswith("E") and len(parts) >= 2:
            roles: dict[str, list[str]] = {}
            for arg in parts[1].split()[1:]:
                role, _, ref = arg.partition(":")
                roles.setdefault(re.sub(r"\d+$", "", role), []).append(ref)
            events.append(roles)
    out = []
    for roles in events:
        content = tuple(s for ref in roles.get("Content", []) for s in spans.get(ref, ()))
        if not content:
            continue
        out.append(
            GoldAttribution(
                content=content,
                source=tuple(s for ref in roles.get("Source", []) for s in spans.get(ref, ())),
                cue=tuple(s for ref in roles.get("Cue", []) for s in spans.get(ref, ())),
            )
        )
    return tuple(out)


def read_attribution_documents(root: Path) -> Iterator[AttributionDocument]:
    """Every annotated article under ``root`` (any split), one annotator each."""
    for ann_dir in sorted(p for p in root.rglob("attributions") if p.is_dir()):
        text_dir = ann_dir.parent / "text"
        seen: set[str] = set()
        for ann in sorted(ann_dir.glob("*.ann")):
            name = ann.stem.rsplit("_", 1)[0]
            text_path = text_dir / f"{name}.txt"
            if name in seen or not text_path.is_file():
                continue
            seen.add(name)
            yield AttributionDocument(
                name=f"{ann_dir.parent.name}/{name}",
                text=text_path.read_text(encoding="utf-8"),
                attributions=_parse(ann.read_text(encoding="utf-8")),
            )
