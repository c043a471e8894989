"""Stage speed, one process on one core: parse, extract, and compare a 50-article story.

Reads the research data at run time from an extracted folder (``--data``, the layout of the
``../shared/data`` tarballs extracted: ``realworld/fundus``, ``polnear/data``, ``basil``); nothing
is copied into the repository. Every measurement is repeated ``--repeats`` times and the median
is reported, in CPU time (``time.process_time``, the one-core figure) and wall time (which a
shared machine inflates; the load average is printed next to it).

1. Parse: ``crossread.ingest.html.read_html`` over the Fundus test pages (bytes read and
   gunzipped before timing), pages/s; baseline: plain ``trafilatura.bare_extraction``.
2. Extract: ``crossread.extract.extract`` over cleaned PolNeAR articles, articles/s, with the
   split per extractor; baseline: ``split_sentences`` alone.
3. Compare: ``compare`` + ``link_entities`` + ``summarize`` on 50 BASIL articles as one story,
   s/story; baseline: the same on the seed articles.

Usage::

    .venv/bin/python bench/stage_speed.py --data /tmp/xr-data --json
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from crossread import brief as brief_stage
from crossread import compare as compare_stage
from crossread import extract as extract_stage
from crossread import ingest as ingest_stage
from crossread.clean import clean
from crossread.errors import IngestError
from crossread.eval.basil import read_basil
from crossread.extract.entities import find_mentions
from crossread.extract.numbers import find_numbers
from crossread.extract.quotes import find_quotes
from crossread.extract.sentences import split_sentences
from crossread.extract.times import find_times
from crossread.ingest.html import read_html
from crossread.models import Article, RawDocument

Timing = dict[str, float]


def measure(func: Callable[[], object], repeats: int) -> Timing:
    """Median CPU and wall seconds of ``func()`` over ``repeats`` runs."""
    cpu: list[float] = []
    wall: list[float] = []
    for _ in range(repeats):
        c0, w0 = time.process_time(), time.perf_counter()
        func()
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
    return {"cpu_s": statistics.median(cpu), "wall_s": statistics.median(wall)}


def rate(count: int, timing: Timing) -> Timing:
    """Items per CPU second and per wall second."""
    return {
        "per_cpu_s": count / timing["cpu_s"] if timing["cpu_s"] else float("inf"),
        "per_wall_s": count / timing["wall_s"] if timing["wall_s"] else float("inf"),
    }


# -- 1. parse ---------------------------------------------------------------------------------


def load_pages(root: Path, limit: int) -> list[tuple[str, bytes, str | None]]:
    """(name, html bytes, url) of up to ``limit`` Fundus test pages, gunzipped, sorted."""
    urls: dict[str, str] = {}
    gold = root / "gold.jsonl"
    if gold.exists():
        for line in gold.read_text("utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                urls[str(row.get("file"))] = str(row.get("url") or "") or ""
    paths = sorted(
        p for p in (root / "test_data").rglob("*") if p.name.endswith((".html", ".html.gz"))
    )
    pages = []
    for path in paths[:limit]:
        raw = path.read_bytes()
        data = gzip.decompress(raw) if path.name.endswith(".gz") else raw
        rel = str(path.relative_to(root / "test_data"))
        pages.append((rel, data, urls.get(rel) or None))
    return pages


def bench_parse(pages: Sequence[tuple[str, bytes, str | None]], repeats: int) -> dict[str, Any]:
    import trafilatura

    def ours() -> None:
        for name, data, url in pages:
            with contextlib.suppress(IngestError):  # a failed page still cost its time
                read_html(data, source=name, url=url)

    def baseline() -> None:
        for _name, data, _url in pages:
            trafilatura.bare_extraction(data, with_metadata=True)

    failed = 0
    for name, data, url in pages:  # warm-up (deferred imports, caches), counting failures
        try:
            read_html(data, source=name, url=url)
        except IngestError:
            failed += 1
    t_ours = measure(ours, repeats)
    t_base = measure(baseline, repeats)
    return {
        "pages": len(pages),
        "failed": failed,
        "mbytes": round(sum(len(d) for _n, d, _u in pages) / 1e6, 2),
        "ours": t_ours | rate(len(pages), t_ours),
        "baseline_trafilatura": t_base | rate(len(pages), t_base),
        "ratio_cpu": t_base["cpu_s"] / t_ours["cpu_s"],
    }


# -- 2. extract -------------------------------------------------------------------------------


def load_polnear(root: Path, limit: int) -> list[Article]:
    """Up to ``limit`` PolNeAR articles (train then dev), read and cleaned."""
    paths = sorted((root / "data" / "train" / "text").glob("*.txt"))
    paths += sorted((root / "data" / "dev" / "text").glob("*.txt"))
    articles = []
    for path in paths[:limit]:
        for raw in ingest_stage.read(path):
            if raw.status == "ok":
                articles.append(clean(raw))
    return articles


def bench_extract(articles: Sequence[Article], repeats: int) -> dict[str, Any]:
    texts = [(a, a.text) for a in articles]
    sents = {a.id: split_sentences(t) for a, t in texts}
    mentions = {a.id: find_mentions(t, sents[a.id]) for a, t in texts}
    passes: dict[str, Callable[[], object]] = {
        "sentences": lambda: [split_sentences(t) for _a, t in texts],
        "mentions": lambda: [find_mentions(t, sents[a.id]) for a, t in texts],
        "quotes": lambda: [find_quotes(t, sents[a.id], mentions[a.id]) for a, t in texts],
        "times": lambda: [find_times(t, a.published, sents[a.id]) for a, t in texts],
        "numbers": lambda: [find_numbers(t, sents[a.id]) for a, t in texts],
    }
    total = measure(lambda: [extract_stage.extract(a) for a in articles], repeats)
    split = {name: measure(func, repeats) for name, func in passes.items()}
    base = split["sentences"]
    return {
        "articles": len(articles),
        "words": sum(len(a.text.split()) for a in articles),
        "ours": total | rate(len(articles), total),
        "per_extractor_cpu_s": {k: v["cpu_s"] for k, v in split.items()},
        "baseline_sentences": base | rate(len(articles), base),
        "ratio_cpu": base["cpu_s"] / total["cpu_s"],
    }


# -- 3. compare -------------------------------------------------------------------------------


def as_raw(article: Article) -> RawDocument:
    """A BASIL article as the JSON reader would hand it to cleaning."""
    return RawDocument(
        source=article.source or article.id,
        fmt="json",
        text=article.text,
        title=article.title,
        outlet=article.outlet,
        published=article.published.isoformat() if article.published else None,
        url=article.url,
    )


def load_basil(root: Path, limit: int) -> list[Article]:
    """The first ``limit`` BASIL articles (path order keeps each triplet together), prepared."""
    items = [item.article for item, _ in zip(read_basil(root), range(limit), strict=False)]
    return [extract_stage.extract(clean(as_raw(a))) for a in items]


def load_seeds(root: Path) -> list[Article]:
    """The seed articles, read, cleaned and extracted."""
    out = []
    for path in sorted(root.glob("*.txt")):
        for raw in ingest_stage.read(path):
            out.append(extract_stage.extract(clean(raw)))
    return out


def time_story(articles: Sequence[Article], repeats: int) -> dict[str, Any]:
    state: dict[str, Any] = {}

    def run_compare() -> None:
        state["facts"] = compare_stage.compare(articles, copies={}, similarity="lexical")

    def run_entities() -> None:
        state["entities"] = extract_stage.link_entities(articles)

    def run_summarize() -> None:
        brief_stage.summarize(
            "s-bench", articles, state["facts"], state["entities"], similarity=1.0, copies={}
        )

    parts = {
        "compare": measure(run_compare, repeats),
        "link_entities": measure(run_entities, repeats),
        "summarize": measure(run_summarize, repeats),
    }
    return {
        "articles": len(articles),
        "facts": len(state["facts"]),
        "parts_cpu_s": {k: v["cpu_s"] for k, v in parts.items()},
        "cpu_s": sum(v["cpu_s"] for v in parts.values()),
        "wall_s": sum(v["wall_s"] for v in parts.values()),
    }


def bench_compare(big: Sequence[Article], seeds: Sequence[Article], repeats: int) -> dict:
    ours = time_story(big, repeats)
    base = time_story(seeds, repeats)
    return {"ours": ours, "baseline_seeds": base, "ratio_cpu": ours["cpu_s"] / base["cpu_s"]}


# -- report -----------------------------------------------------------------------------------


def table(results: dict[str, Any]) -> Table:
    load = results["load"]
    t = Table(
        title="Stage speed, one process (medians; rates per CPU second and per wall second)",
        caption=f"load average 1/5/15 min: before {load['before']}, after {load['after']}",
    )
    for col in ("stage", "n", "CPU", "wall", "baseline", "base CPU", "ratio"):
        t.add_column(col, justify="left" if col in ("stage", "baseline") else "right")
    p, e, c = results.get("parse"), results.get("extract"), results.get("compare")
    if p:
        t.add_row(
            "parse (pages/s)",
            str(p["pages"]),
            f"{p['ours']['per_cpu_s']:.1f}",
            f"{p['ours']['per_wall_s']:.1f}",
            "trafilatura",
            f"{p['baseline_trafilatura']['per_cpu_s']:.1f}",
            f"{p['ratio_cpu']:.2f}",
        )
    if e:
        t.add_row(
            "extract (art/s)",
            str(e["articles"]),
            f"{e['ours']['per_cpu_s']:.1f}",
            f"{e['ours']['per_wall_s']:.1f}",
            "split_sentences",
            f"{e['baseline_sentences']['per_cpu_s']:.1f}",
            f"{e['ratio_cpu']:.3f}",
        )
    if c:
        t.add_row(
            "compare (s/story)",
            str(c["ours"]["articles"]),
            f"{c['ours']['cpu_s']:.2f}",
            f"{c['ours']['wall_s']:.2f}",
            f"{c['baseline_seeds']['articles']} seeds",
            f"{c['baseline_seeds']['cpu_s']:.3f}",
            f"{c['ratio_cpu']:.1f}",
        )
    return t


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=Path("/tmp/xr-data"))
    ap.add_argument("--seeds", type=Path, default=Path("/work/shared/seeds"))
    ap.add_argument("--pages", type=int, default=100)
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--story", type=int, default=50)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--only", choices=("parse", "extract", "compare"), action="append")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args(argv)
    only = set(args.only or ("parse", "extract", "compare"))
    load_before = tuple(round(x, 2) for x in os.getloadavg())
    started = time.perf_counter()
    results: dict[str, Any] = {"repeats": args.repeats, "cpus": os.cpu_count()}
    if "parse" in only:
        pages = load_pages(args.data / "realworld" / "fundus", args.pages)
        if not pages:
            sys.exit(f"{args.data / 'realworld' / 'fundus'}: no Fundus test pages found")
        results["parse"] = bench_parse(pages, args.repeats)
    if "extract" in only:
        articles = load_polnear(args.data / "polnear", args.articles)
        if not articles:
            sys.exit(f"{args.data / 'polnear'}: no PolNeAR articles found")
        results["extract"] = bench_extract(articles, args.repeats)
    if "compare" in only:
        results["compare"] = bench_compare(
            load_basil(args.data / "basil", args.story), load_seeds(args.seeds), args.repeats
        )
    results["load"] = {
        "before": load_before,
        "after": tuple(round(x, 2) for x in os.getloadavg()),
    }
    results["total_wall_s"] = round(time.perf_counter() - started, 1)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        Console().print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
