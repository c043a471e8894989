"""Throughput and peak memory of crossread on a synthetic stream of N real-text articles.

Two modes, each N in its own child process so peak memory is that of one run:

- ``full``: ingest (JSON Lines reader) + clean + extract + cluster + store (SQLite file),
  through ``Pipeline.ingest_sources`` exactly as ``crossread ingest`` runs it, one transaction
  per file of 1,000 articles. Stage times come from timing wrappers around the stage calls.
- ``cluster``: the cluster stage alone (``StoryIndex.assign`` on articles built straight from
  the stream, no extraction: features fall back to capitalised word runs), to show how the
  stage's own cost and memory grow with N.

The baseline, measured in the same script, is ``prepare`` alone (read + clean + extract, no
cluster, no store) on the first ``--baseline-n`` articles: the ratio says what clustering and
storing add. Clustering quality against the generator's gold stories is reported as well.

    .venv/bin/python bench/run_bench.py --mode full --n 10000 --data /tmp/xr-data
    .venv/bin/python bench/run_bench.py --mode cluster --n 10000 100000 1000000
    .venv/bin/python bench/run_bench.py --table /tmp/full.jsonl /tmp/cluster.jsonl

Every run ends with a table of how cost grows with N (articles per CPU-second, CPU ms per
article relative to the smallest N, peak RSS); ``--table`` prints it again from ``--out`` files.

Stream texts are generated into a temporary folder and deleted afterwards; nothing from the
research data is written into the repository.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Hashable, Mapping
from pathlib import Path
from typing import Any, cast

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.stream import generate, load_sources  # noqa: E402
from crossread.eval.metrics import bcubed, pairwise  # noqa: E402
from crossread.models import Article  # noqa: E402

CHUNK = 1_000


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write_stream(data: Path | None, n: int, seed: int, folder: Path) -> None:
    """Write the stream as JSON Lines files of CHUNK records, and gold labels by source."""
    sources = load_sources(data)
    gold: dict[str, str] = {}
    out = None
    for i, (doc, story) in enumerate(generate(sources, n, seed=seed)):
        if i % CHUNK == 0:
            if out is not None:
                out.close()
            path = folder / f"stream-{i // CHUNK:06d}.jsonl"
            out = path.open("w", encoding="utf-8")
        assert out is not None
        record = {"title": doc.title, "text": doc.text, "outlet": doc.outlet, "date": doc.published}
        out.write(json.dumps(record) + "\n")
        gold[f"{path}#{i % CHUNK + 1}"] = story
    if out is not None:
        out.close()
    (folder / "gold.json").write_text(json.dumps(gold))


def _timed(owner: Any, name: str, totals: dict[str, float], key: str) -> None:
    original: Callable[..., Any] = getattr(owner, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        try:
            return original(*args, **kwargs)
        finally:
            totals[key] = totals.get(key, 0.0) + time.process_time() - started

    setattr(owner, name, wrapper)


def _quality(gold: Mapping[str, str], predicted: Mapping[str, str]) -> dict[str, float]:
    g = cast(Mapping[Hashable, Hashable], gold)
    p = cast(Mapping[Hashable, Hashable], predicted)
    b, pw = bcubed(g, p), pairwise(g, p)
    return {
        "bcubed_f1": round(b.f1, 4),
        "pairwise_p": round(pw.precision, 4),
        "pairwise_r": round(pw.recall, 4),
        "pairwise_f1": round(pw.f1, 4),
    }


def child_full(folder: Path, baseline_n: int) -> dict[str, Any]:
    """Run the whole pipeline over the stream files in ``folder`` (in this process)."""
    import crossread.pipeline as pipeline_module
    from crossread.cluster import StoryIndex
    from crossread.errors import CrossreadError
    from crossread.pipeline import Pipeline, prepare, read_source
    from crossread.store.sqlite import SqliteStore

    files = sorted(str(p) for p in folder.glob("stream-*.jsonl"))
    gold: dict[str, str] = json.loads((folder / "gold.json").read_text())
    # baseline: read + clean + extract only, on the first articles
    started = time.process_time()
    done = 0
    for path in files:
        for raw in read_source(path):
            if done >= baseline_n:
                break
            with contextlib.suppress(CrossreadError):
                prepare(raw)
            done += 1
    baseline_rate = done / (time.process_time() - started)
    # the measured run
    totals: dict[str, float] = {}
    _timed(pipeline_module, "prepare", totals, "clean_extract")
    _timed(StoryIndex, "assign", totals, "cluster")
    _timed(SqliteStore, "add_article", totals, "store")
    _timed(SqliteStore, "set_story_entities", totals, "story_entities")
    with tempfile.TemporaryDirectory() as tmp:
        store = SqliteStore(Path(tmp) / "bench.db")
        pipeline = Pipeline(store)
        started, cpu_started = time.perf_counter(), time.process_time()
        report = pipeline.ingest_sources(files)
        seconds = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
        predicted = {s.article.source: s.story for s in store.iter_articles()}
        stories = store.count_stories()
        store.close()
    n = len(report.ingested)
    scored = {k: v for k, v in gold.items() if k in predicted}
    return {
        "articles": n,
        "duplicates": report.duplicates,
        "failed": len(report.failed),
        "wall_seconds": round(seconds, 1),
        "cpu_seconds": round(cpu, 1),
        "articles_per_cpu_second": round(n / cpu, 1),
        "articles_per_wall_second": round(n / seconds, 1),
        "peak_rss_mb": round(_peak_mb(), 1),
        "stories": stories,
        "stage_cpu_seconds": {k: round(v, 1) for k, v in totals.items()},
        "baseline_prepare_per_cpu_second": round(baseline_rate, 1),
        "ratio_vs_baseline": round((n / cpu) / baseline_rate, 3),
        **_quality(scored, {k: predicted[k] for k in scored}),
    }


def child_cluster(folder: Path) -> dict[str, Any]:
    """Run the cluster stage alone over the stream files in ``folder``."""
    from crossread.cluster import StoryIndex

    gold: dict[str, str] = json.loads((folder / "gold.json").read_text())
    index = StoryIndex()
    predicted: dict[str, str] = {}
    by_article: dict[str, str] = {}
    elapsed = cpu = 0.0
    peak_stories = 0
    rss_at: dict[int, float] = {}
    for path in sorted(folder.glob("stream-*.jsonl")):
        articles = []
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
            record = json.loads(line)
            source = f"{path}#{number}"
            digest = hashlib.sha1(f"{record['title']}\n{record['text']}".encode()).hexdigest()
            articles.append(
                (
                    source,
                    Article(
                        id=digest[:16],
                        title=record["title"],
                        text=record["text"],
                        outlet=record["outlet"],
                        published=dt.date.fromisoformat(record["date"]),
                        source=source,
                    ),
                )
            )
        started, cpu_started = time.perf_counter(), time.process_time()
        for source, article in articles:
            assignment = index.assign(article)
            by_article[source] = assignment.story
            for merge in index.drain_merges():
                predicted[merge.merged] = merge.kept
        elapsed += time.perf_counter() - started
        cpu += time.process_time() - cpu_started
        peak_stories = max(peak_stories, len(index))
        done = len(by_article)
        if done % max(CHUNK, len(gold) // 10) == 0:
            rss_at[done] = round(_peak_mb(), 1)

    def final(sid: str) -> str:
        while sid in predicted:
            sid = predicted[sid]
        return sid

    resolved = {k: final(v) for k, v in by_article.items()}
    n = len(by_article)
    return {
        "articles": n,
        "wall_seconds": round(elapsed, 1),
        "cpu_seconds": round(cpu, 1),
        "articles_per_cpu_second": round(n / cpu, 1),
        "articles_per_wall_second": round(n / elapsed, 1),
        "peak_rss_mb": round(_peak_mb(), 1),
        "peak_active_stories": peak_stories,
        "rss_mb_at": rss_at,
        **_quality({k: gold[k] for k in resolved}, resolved),
    }


def run(mode: str, n: int, data: Path | None, seed: int, baseline_n: int) -> dict[str, Any]:
    """Generate the stream for one N, then measure it in a fresh child process."""
    with tempfile.TemporaryDirectory(prefix="crossread-bench-") as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        write_stream(data, n, seed, folder)
        generated = time.perf_counter() - started
        command = [sys.executable, __file__, "--child", mode, "--folder", str(folder)]
        command += ["--baseline-n", str(baseline_n)]
        result = subprocess.run(command, check=True, capture_output=True, text=True)
        measured: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return {"mode": mode, "n": n, "seed": seed, "generate_seconds": round(generated, 1), **measured}


def growth_table(runs: list[dict[str, Any]]) -> str:
    """A Markdown table of articles/s and peak RSS per mode and N, with cost relative to the
    smallest N of the same mode (1.00 = linear total cost)."""
    lines = [
        "| mode | N | articles/CPU-s | articles/wall-s | CPU ms/article | × smallest N"
        " | peak RSS MB | baseline prepare/CPU-s | ratio |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    first: dict[str, float] = {}
    for r in sorted(runs, key=lambda r: (r["mode"], r["n"])):
        ms = 1000 / r["articles_per_cpu_second"]
        first.setdefault(r["mode"], ms)
        lines.append(
            f"| {r['mode']} | {r['n']:,} | {r['articles_per_cpu_second']:.1f}"
            f" | {r['articles_per_wall_second']:.1f} | {ms:.2f} | {ms / first[r['mode']]:.2f}"
            f" | {r['peak_rss_mb']:.0f} | {r.get('baseline_prepare_per_cpu_second', '-')}"
            f" | {r.get('ratio_vs_baseline', '-')} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mode", choices=["full", "cluster"], default="full")
    parser.add_argument("--n", type=int, nargs="+", default=[10_000])
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--data", type=Path, default=None, help="extracted corpora folder")
    parser.add_argument("--baseline-n", type=int, default=1_000)
    parser.add_argument("--out", type=Path, default=None, help="append JSON lines here")
    parser.add_argument(
        "--table", type=Path, nargs="+", help="only print the growth table of these --out files"
    )
    parser.add_argument("--child", choices=["full", "cluster"], help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        if args.child == "full":
            print(json.dumps(child_full(args.folder, args.baseline_n)))
        else:
            print(json.dumps(child_cluster(args.folder)))
        return
    if args.table:
        saved = [json.loads(line) for path in args.table for line in path.read_text().splitlines()]
        print(growth_table([r for r in saved if "articles_per_cpu_second" in r]))
        return
    done: list[dict[str, Any]] = []
    for n in args.n:
        runs = [run(args.mode, n, args.data, seed, args.baseline_n) for seed in range(args.repeats)]
        done.extend(runs)
        for r in runs:
            print(json.dumps(r), flush=True)
        if len(runs) > 1:
            median = statistics.median(r["articles_per_cpu_second"] for r in runs)
            print(json.dumps({"mode": args.mode, "n": n, "median_per_cpu_second": median}))
        if args.out is not None:
            with args.out.open("a", encoding="utf-8") as out:
                for r in runs:
                    out.write(json.dumps(r) + "\n")
    print(growth_table(done))


if __name__ == "__main__":
    main()
