"""Run every `crossread eval` on ../shared/data and compare with bench/baseline.json.

Usage:
    python bench/eval_all.py                 # run, print a table, fail (exit 1) on a drop
    python bench/eval_all.py --update        # run and write the figures as the new baseline
    python bench/eval_all.py --only timex    # only the runs whose name starts with "timex"

Each run extracts its research tarball to a temporary folder (the data is never copied into
the repository), calls the CLI with --json, and keeps the headline metrics. A drop of more
than TOLERANCE below the pinned baseline fails; improvements are reported, so the baseline can
be raised with --update.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
BASELINE = Path(__file__).resolve().parent / "baseline.json"
TOLERANCE = 0.005


@dataclass(frozen=True, slots=True, kw_only=True)
class Run:
    name: str
    dataset: str
    args: tuple[str, ...]
    """CLI arguments after `crossread eval`; {dir} is the extracted dataset folder and
    {extra} the folder of ``extra``."""
    metrics: tuple[str, ...]
    extra: str | None = None
    """A second dataset the run needs (distractors)."""


RUNS = (
    Run(
        name="timex tempeval3",
        dataset="tempeval3",
        args=("timex", "{dir}/tempeval3"),
        metrics=("strict_f1", "relaxed_f1", "type_accuracy", "value_accuracy", "value_f1"),
    ),
    Run(
        name="timex gum",
        dataset="gum_news",
        args=("timex", "{dir}"),
        metrics=("relaxed_f1", "value_f1"),
    ),
    Run(
        name="quotes polnear",
        dataset="polnear",
        args=("quotes", "{dir}/polnear"),
        metrics=("exact_f1", "overlap_f1", "speaker_accuracy"),
    ),
    Run(
        name="entities gum",
        dataset="gum_news",
        args=("entities", "{dir}"),
        metrics=("mention_f1", "typed_mention_f1"),
    ),
    Run(
        name="entities ecbplus",
        dataset="ecbplus",
        args=("entities", "{dir}/ecbplus"),
        metrics=("bcubed_f1", "muc_f1"),
    ),
    Run(
        name="cluster ecbplus",
        dataset="ecbplus",
        args=("cluster", "ecbplus", "{dir}/ecbplus"),
        metrics=("bcubed_f1", "pairwise_f1"),
    ),
    Run(
        name="cluster basil",
        dataset="basil",
        args=("cluster", "basil", "{dir}/basil"),
        metrics=("bcubed_f1", "pairwise_f1"),
    ),
    Run(
        name="cluster basil+polnear",
        dataset="basil",
        extra="polnear",
        args=("cluster", "basil", "{dir}/basil", "--distractors", "{extra}/polnear"),
        metrics=("bcubed_f1", "pairwise_p", "pairwise_r", "pairwise_f1"),
    ),
    Run(
        name="align ecbplus",
        dataset="ecbplus",
        args=("align", "ecbplus", "{dir}/ecbplus"),
        metrics=("precision", "recall", "f1"),
    ),
    Run(
        name="align basil",
        dataset="basil",
        args=("align", "basil", "{dir}/basil"),
        metrics=("share",),
    ),
    Run(
        name="brief gum",
        dataset="gum_news",
        args=("brief", "gum", "{dir}"),
        metrics=("rouge1", "rouge2", "rougeL"),
    ),
    Run(
        name="parse fundus",
        dataset="realworld",
        args=("parse", "fundus", "{dir}/realworld"),
        metrics=("title_accuracy", "date_accuracy", "author_f1", "body_f1"),
    ),
    Run(
        name="parse trafilatura",
        dataset="realworld",
        args=("parse", "trafilatura", "{dir}/realworld"),
        metrics=(
            "title_accuracy",
            "date_accuracy",
            "author_f1",
            "with_recall",
            "without_precision",
        ),
    ),
)


def extract(dataset: str, cache: dict[str, Path], tmp: Path) -> Path | None:
    if dataset in cache:
        return cache[dataset]
    tarballs = sorted((DATA / dataset).glob("*.tar.gz"))
    if not tarballs:
        return None
    target = tmp / dataset
    target.mkdir()
    for tarball in tarballs:
        with tarfile.open(tarball) as tar:
            tar.extractall(target, filter="data")
    cache[dataset] = target
    return target


def run_one(run: Run, folder: Path, extra: Path | None) -> tuple[dict[str, float], float]:
    args = [a.replace("{dir}", str(folder)).replace("{extra}", str(extra)) for a in run.args]
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "crossread.cli", "eval", *args, "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        raise RuntimeError(f"{run.name}: exit {proc.returncode}: {proc.stderr.strip()[-500:]}")
    data = json.loads(proc.stdout)
    return {m: float(data[m]) for m in run.metrics if m in data}, elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--update", action="store_true", help="write results as the baseline")
    parser.add_argument("--only", default="", help="run names starting with this")
    parser.add_argument("--out", type=Path, help="also write the results here as JSON")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"research data not found at {DATA}: nothing to evaluate")
        return 0
    baseline = json.loads(BASELINE.read_text()) if BASELINE.exists() else {}
    results: dict[str, dict[str, float]] = {}
    drops: list[str] = []
    with tempfile.TemporaryDirectory(prefix="crossread-eval-") as tmp:
        cache: dict[str, Path] = {}
        for run in RUNS:
            if not run.name.startswith(args.only):
                continue
            folder = extract(run.dataset, cache, Path(tmp))
            extra = extract(run.extra, cache, Path(tmp)) if run.extra else None
            if folder is None or (run.extra and extra is None):
                print(f"{run.name:<22} skipped: its data is absent from ../shared/data")
                continue
            scores, elapsed = run_one(run, folder, extra)
            results[run.name] = scores
            pinned = baseline.get(run.name, {})
            cells = []
            for metric, value in scores.items():
                old = pinned.get(metric)
                mark = ""
                if old is not None and value < old - TOLERANCE:
                    mark = f" (DROP from {old:.4f})"
                    drops.append(f"{run.name} {metric}: {value:.4f} < {old:.4f}")
                elif old is not None and value > old + TOLERANCE:
                    mark = f" (up from {old:.4f})"
                cells.append(f"{metric}={value:.4f}{mark}")
            print(f"{run.name:<22} {elapsed:6.1f}s  " + "  ".join(cells), flush=True)
    if args.out:
        args.out.write_text(json.dumps(results, indent=2) + "\n")
    if args.update:
        merged = {**baseline, **results}
        BASELINE.write_text(json.dumps(merged, indent=2, sort_keys=True) + "\n")
        print(f"wrote {BASELINE}")
        return 0
    if drops:
        print("quality dropped below bench/baseline.json:\n  " + "\n  ".join(drops))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
