"""Throughput and peak memory of crossread on a synthetic stream of N real-text articles.

Two modes, each N in its own child process so peak memory is that of one run:

- ``full``: ingest (JSON Lines reader) + clean + extract + cluster + store (SQLite file),
  through ``Pipeline.ingest_sources`` exactly as ``crossread ingest`` runs it, one transaction
  per file of 1,000 articles. Stage times come from timing wrappers around the stage calls.
- ``cluster``: the cluster stage alone (``StoryIndex.assign`` on articles built straight from
  the stream, no extraction: features fall back to capitalised word runs), to show how the
  stage's own cost and memory grow with N. The stream is generated in this process and piped
  to the child as JSON lines (no files: 1M articles would be ~3 GB), and the child writes each
  article's story id to a file, so the child holds nothing per article beyond what the index
  keeps; its peak RSS is the stage's own. CPU time counts ``assign`` calls only (not JSON
  parsing or waiting for the generator). Progress (RSS now and peak, rate, index structure
  sizes) goes to stderr as JSON lines every ``--progress-every`` articles.

The baseline, measured in the same script, is ``prepare`` alone (read + clean + extract, no
cluster, no store) on the first ``--baseline-n`` articles: the ratio says what clustering and
storing add. Clustering quality against the generator's gold stories is reported as well.

    .venv/bin/python bench/run_bench.py --mode full --n 10000 --data /tmp/xr-data
    .venv/bin/python bench/run_bench.py --mode cluster --n 10000 100000 1000000 [--per-day 5000]
    .venv/bin/python bench/run_bench.py --table /tmp/full.jsonl /tmp/cluster.jsonl

Every run ends with a table of how cost grows with N (articles per CPU-second, CPU ms per
article relative to the smallest N, peak RSS); ``--table`` prints it again from ``--out`` files.

Stream texts are generated into a temporary folder and deleted afterwards; nothing from the
research data is written into the repository. In ``full`` mode the child ingests each file
as soon as it is written, so generating a large stream (about 11 minutes for 1M) overlaps
the measured run instead of preceding it.
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
from collections import Counter
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, cast

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.stream import DEFAULT_PER_DAY, generate, load_sources  # noqa: E402
from crossread.eval.metrics import bcubed, pairwise, prf, prf_from_rates  # noqa: E402
from crossread.models import Article  # noqa: E402

CHUNK = 1_000


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _rss_mb() -> float:
    """Resident set size now (Linux ``/proc``; the peak where that is unavailable)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return _peak_mb()


def stream_file(folder: Path, number: int) -> Path:
    """The path of the stream's ``number``-th JSON Lines file (from 0)."""
    return folder / f"stream-{number:06d}.jsonl"


def _publish(path: Path) -> None:
    """Rename ``path``.part to ``path``: a reader waiting for it never sees half a file."""
    path.with_name(path.name + ".part").rename(path)


def write_stream(data: Path | None, n: int, seed: int, folder: Path, per_day: int) -> None:
    """Write the stream as JSON Lines files of CHUNK records, and gold labels by source.

    Each file appears under its final name only once complete, and ``gold.json`` last, so a
    process can ingest the files while they are being written (:func:`arrivals`).
    """
    sources = load_sources(data)
    gold: dict[str, str] = {}
    out = None
    path = stream_file(folder, 0)
    for i, (doc, story) in enumerate(generate(sources, n, seed=seed, per_day=per_day)):
        if i % CHUNK == 0:
            if out is not None:
                out.close()
                _publish(path)
            path = stream_file(folder, i // CHUNK)
            out = path.with_name(path.name + ".part").open("w", encoding="utf-8")
        assert out is not None
        record = {"title": doc.title, "text": doc.text, "outlet": doc.outlet, "date": doc.published}
        out.write(json.dumps(record) + "\n")
        gold[f"{path}#{i % CHUNK + 1}"] = story
    if out is not None:
        out.close()
        _publish(path)
    (folder / "gold.json.part").write_text(json.dumps(gold))
    _publish(folder / "gold.json")


def arrivals(folder: Path, count: int, poll: float = 0.1) -> Iterator[Path]:
    """The stream's ``count`` files in order, each as soon as :func:`write_stream` has
    finished it (waiting costs no CPU time, so the measured CPU rates are unaffected)."""
    for number in range(count):
        path = stream_file(folder, number)
        while not path.exists():
            time.sleep(poll)
        yield path


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


def _quality_counts(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, float]:
    """Same figures as :func:`_quality` for item i labelled ``gold[i]`` / ``predicted[i]``,
    from cluster sizes (listing every pair of a large predicted cluster would not fit)."""
    cells = Counter(zip(gold, predicted, strict=True))
    g_size, p_size = Counter(gold), Counter(predicted)
    n = len(gold)
    b_p = sum(c * c / p_size[p] for (_g, p), c in cells.items()) / n
    b_r = sum(c * c / g_size[g] for (g, _p), c in cells.items()) / n
    tp = sum(c * (c - 1) // 2 for c in cells.values())
    pred_pairs = sum(c * (c - 1) // 2 for c in p_size.values())
    gold_pairs = sum(c * (c - 1) // 2 for c in g_size.values())
    b, pw = prf_from_rates(b_p, b_r), prf(tp, pred_pairs, gold_pairs)
    return {
        "bcubed_f1": round(b.f1, 4),
        "pairwise_p": round(pw.precision, 4),
        "pairwise_r": round(pw.recall, 4),
        "pairwise_f1": round(pw.f1, 4),
    }


def child_full(folder: Path, files: int, baseline_n: int, progress_every: int) -> dict[str, Any]:
    """Run the whole pipeline over the ``files`` stream files of ``folder`` (in this process),
    each as soon as it has been written."""
    import crossread.pipeline as pipeline_module
    from crossread.cluster import StoryIndex
    from crossread.errors import CrossreadError
    from crossread.pipeline import IngestReport, Pipeline, prepare, read_source
    from crossread.store.sqlite import SqliteStore

    # baseline: read + clean + extract only, on the first articles
    started = time.process_time()
    done = 0
    for path in arrivals(folder, files):
        if done >= baseline_n:
            break
        for raw in read_source(str(path)):
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
        progress = {"done": 0, "next": progress_every}

        def on_batch(_source: str, part: Any) -> None:
            progress["done"] += len(part.ingested) + part.duplicates
            if progress["done"] < progress["next"]:
                return
            progress["next"] += progress_every
            cpu_now = time.process_time() - cpu_started
            state = {"articles": progress["done"], "cpu_seconds": round(cpu_now, 1)}
            state |= {"rss_mb": round(_rss_mb(), 1), "peak_rss_mb": round(_peak_mb(), 1)}
            state |= {"articles_per_cpu_second": round(progress["done"] / cpu_now, 1)}
            state |= {"stage_cpu_seconds": {k: round(v, 1) for k, v in totals.items()}}
            print(json.dumps(state), file=sys.stderr, flush=True)

        report = IngestReport()
        for path in arrivals(folder, files):  # one transaction per file, as ingest_sources
            report += pipeline.ingest_sources([path], on_batch=on_batch)
        seconds = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
        # sources and stories only: decoding every article to score a 1M run took 3 GB
        predicted = dict(store.story_assignments())
        stories = store.count_stories()
        store.close()
    while not (folder / "gold.json").exists():
        time.sleep(0.1)
    gold: dict[str, str] = json.loads((folder / "gold.json").read_text())
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


def child_cluster(assignments: Path, progress_every: int, expected: int) -> dict[str, Any]:
    """Run the cluster stage alone over JSON lines read from stdin; story ids to a file.

    ``assignments`` gets one line per article, its story id as assigned, and for each merge
    a line ``>kept<TAB>merged``, in stream order.
    """
    from crossread.cluster import StoryIndex

    index = StoryIndex()
    elapsed = cpu = 0.0
    done = peak_stories = 0
    rss_at: dict[int, float] = {}
    curve_every = max(CHUNK, expected // 10)

    def articles(lines: list[str]) -> list[Article]:
        batch = []
        for line in lines:
            record = json.loads(line)
            digest = hashlib.sha1(f"{record['title']}\n{record['text']}".encode()).hexdigest()
            batch.append(
                Article(
                    id=digest[:16],
                    title=record["title"],
                    text=record["text"],
                    outlet=record["outlet"],
                    published=dt.date.fromisoformat(record["date"]),
                    source=record["source"],
                )
            )
        return batch

    def cluster(batch: list[Article]) -> list[str]:
        nonlocal elapsed, cpu
        written: list[str] = []
        started, cpu_started = time.perf_counter(), time.process_time()
        for article in batch:
            written.append(index.assign(article).story)
            for merge in index.drain_merges():
                written.append(f">{merge.kept}\t{merge.merged}")
        elapsed += time.perf_counter() - started
        cpu += time.process_time() - cpu_started
        return written

    with assignments.open("w", encoding="utf-8") as out:
        lines: list[str] = []
        for line in sys.stdin:
            lines.append(line)
            if len(lines) < CHUNK and done + len(lines) < expected:
                continue
            out.write("\n".join(cluster(articles(lines))) + "\n")
            done += len(lines)
            lines = []
            peak_stories = max(peak_stories, len(index))
            if done % curve_every == 0 or done == expected:
                rss_at[done] = round(_rss_mb(), 1)
            if done % progress_every == 0 or done == expected:
                state = {"articles": done, "cpu_seconds": round(cpu, 1)}
                state |= {"rss_mb": round(_rss_mb(), 1), "peak_rss_mb": round(_peak_mb(), 1)}
                state |= {"articles_per_cpu_second": round(done / cpu, 1), **index.memory()}
                print(json.dumps(state), file=sys.stderr, flush=True)
        if lines:
            out.write("\n".join(cluster(articles(lines))) + "\n")
            done += len(lines)
    return {
        "articles": done,
        "wall_seconds": round(elapsed, 1),
        "cpu_seconds": round(cpu, 1),
        "articles_per_cpu_second": round(done / cpu, 1),
        "articles_per_wall_second": round(done / elapsed, 1),
        "peak_rss_mb": round(_peak_mb(), 1),
        "peak_active_stories": peak_stories,
        "rss_mb_at": rss_at,
        "index_at_end": index.memory(),
    }


def _read_assignments(path: Path) -> list[str]:
    """Final story of each article: assigned ids with later merges followed to the end."""
    assigned: list[str] = []
    merged: dict[str, str] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.startswith(">"):
                kept, gone = line[1:].rstrip("\n").split("\t")
                merged[gone] = kept
            else:
                assigned.append(line.rstrip("\n"))

    def final(sid: str) -> str:
        seen = 0
        while sid in merged and seen < 1000:
            sid, seen = merged[sid], seen + 1
        return sid

    return [final(sid) for sid in assigned]


def run_cluster(
    n: int, data: Path | None, seed: int, per_day: int, progress_every: int
) -> dict[str, Any]:
    """Pipe the generated stream into a fresh child that clusters it; score its assignments."""
    sources = load_sources(data)
    gold: list[str] = []
    with tempfile.TemporaryDirectory(prefix="crossread-bench-") as tmp:
        assignments = Path(tmp) / "assignments.txt"
        command = [sys.executable, __file__, "--child", "cluster", "--folder", str(assignments)]
        command += ["--progress-every", str(progress_every), "--n", str(n)]
        child = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert child.stdin is not None and child.stdout is not None
        started = time.process_time()
        for i, (doc, story) in enumerate(generate(sources, n, seed=seed, per_day=per_day)):
            record = {"title": doc.title, "text": doc.text, "outlet": doc.outlet}
            record |= {"date": doc.published, "source": f"bench://{i}"}
            child.stdin.write(json.dumps(record) + "\n")
            gold.append(story)
        generated = time.process_time() - started
        child.stdin.close()
        output = child.stdout.read()
        if child.wait() != 0:
            raise RuntimeError(f"cluster child failed with exit {child.returncode}")
        measured: dict[str, Any] = json.loads(output.strip().splitlines()[-1])
        predicted = _read_assignments(assignments)
    return {
        "mode": "cluster",
        "n": n,
        "seed": seed,
        "per_day": per_day,
        "generate_cpu_seconds": round(generated, 1),
        **measured,
        **_quality_counts(gold, predicted),
    }


def run(
    mode: str,
    n: int,
    data: Path | None,
    seed: int,
    baseline_n: int,
    per_day: int,
    progress_every: int,
) -> dict[str, Any]:
    """Measure one N in a fresh child process, which ingests the stream's files while this
    process is still generating the later ones (generation costs the child no CPU time)."""
    with tempfile.TemporaryDirectory(prefix="crossread-bench-") as tmp:
        folder = Path(tmp)
        files = -(-n // CHUNK)
        command = [sys.executable, __file__, "--child", mode, "--folder", str(folder)]
        command += ["--files", str(files), "--baseline-n", str(baseline_n)]
        command += ["--progress-every", str(progress_every)]
        # progress lines (stderr) go straight to this process's stderr
        child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        try:
            started = time.perf_counter()
            write_stream(data, n, seed, folder, per_day)
            generated = time.perf_counter() - started
            out, _ = child.communicate()
        except BaseException:
            child.kill()
            raise
        if child.returncode:
            raise subprocess.CalledProcessError(child.returncode, command)
        measured: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return {
        "mode": mode,
        "n": n,
        "seed": seed,
        "per_day": per_day,
        "generate_seconds": round(generated, 1),
        **measured,
    }


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
    parser.add_argument(
        "--per-day", type=int, default=DEFAULT_PER_DAY, help="stream articles per day"
    )
    parser.add_argument("--progress-every", type=int, default=50_000)
    parser.add_argument("--out", type=Path, default=None, help="append JSON lines here")
    parser.add_argument(
        "--table", type=Path, nargs="+", help="only print the growth table of these --out files"
    )
    parser.add_argument("--child", choices=["full", "cluster"], help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--files", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        if args.child == "full":
            result = child_full(args.folder, args.files, args.baseline_n, args.progress_every)
            print(json.dumps(result))
        else:
            result = child_cluster(args.folder, args.progress_every, args.n[0])
            print(json.dumps(result))
        return
    if args.table:
        saved = [json.loads(line) for path in args.table for line in path.read_text().splitlines()]
        print(growth_table([r for r in saved if "articles_per_cpu_second" in r]))
        return
    done: list[dict[str, Any]] = []
    for n in args.n:
        if args.mode == "cluster":
            runs = [
                run_cluster(n, args.data, seed, args.per_day, args.progress_every)
                for seed in range(args.repeats)
            ]
        else:
            runs = [
                run(
                    args.mode,
                    n,
                    args.data,
                    seed,
                    args.baseline_n,
                    args.per_day,
                    args.progress_every,
                )
                for seed in range(args.repeats)
            ]
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
