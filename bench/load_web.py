"""Load benchmark of ``crossread serve``: requests/second and latency with 10,000 articles.

1. Fill a temporary store with N articles (default 10,000) made at run time from our own
   example articles (``src/crossread/examples``, ``tests/data/web``) and, when present, the
   seeds in ``../shared/seeds``: each generated story renames the proper names of one source
   article, moves its dates, drops and reorders sentences per outlet and changes numbers.
   Nothing generated is written to the repo; the database lives in a temp folder.
   The store is filled through the real pipeline (clean, extract, cluster, store).
2. Run uvicorn on 127.0.0.1 (a free port) in this process, over that database file.
3. A bounded load generator (threads with httpx clients; fixed request count per scenario and
   a time limit) hits the story page and the API; report requests/second, p50 and p95.

Usage::

    .venv/bin/python bench/load_web.py                       # 10,000 articles, write WEB.md
    .venv/bin/python bench/load_web.py --articles 1000 --no-write   # quick look
    .venv/bin/python bench/load_web.py --db /tmp/web.db --keep      # reuse a filled store
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import httpx

from crossread import ingest as ingest_stage
from crossread.models import RawDocument
from crossread.pipeline import Pipeline
from crossread.store import SqliteStore

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "src" / "crossread" / "examples", ROOT / "tests" / "data" / "web"]
SEEDS = ROOT.parent / "shared" / "seeds"
WEB_MD = Path(__file__).resolve().parent / "WEB.md"
OUTLETS = [
    "Harbour Ledger", "Northgate Post", "Meridian Wire", "Valley Courier", "Coastline Daily",
    "Larkspur Gazette", "Northshore Courier", "Valdor Herald", "Eastbank Times", "Tidewater Star",
    "Granite Chronicle", "Riverside Echo",
]  # fmt: skip
SYLLABLES = ["ka", "lo", "mer", "vin", "dra", "sel", "tor", "ani", "qu", "bel", "ros", "te"]
PROPER = re.compile(r"\b[A-Z][a-z]{2,}\b")
NUMBER = re.compile(r"\b\d{1,3}(?:,\d{3})*\b")
SENTENCE_END = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])")


# -- 1. articles ------------------------------------------------------------------------------


def source_documents() -> list[RawDocument]:
    """Every article our fixtures and examples hold (and the seeds, when present)."""
    folders = [*SOURCES, *([SEEDS] if SEEDS.is_dir() else [])]
    docs: list[RawDocument] = []
    for path in ingest_stage.iter_inputs(folders):
        try:
            docs.extend(d for d in ingest_stage.read(path) if d.status == "ok" and d.text.strip())
        except Exception as exc:  # a fixture that is meant to be bad
            print(f"skip {path.name}: {exc}", file=sys.stderr)
    return docs


def pseudo_name(story: int, word: str) -> str:
    digest = hashlib.blake2s(f"{story}:{word}".encode(), digest_size=4).digest()
    return "".join(SYLLABLES[b % len(SYLLABLES)] for b in digest[:3]).capitalize()


def story_variant(doc: RawDocument, story: int, outlet: int, rng: random.Random) -> RawDocument:
    """One outlet's report of story ``story``, made from ``doc``."""
    text = doc.text + "\n" + (doc.title or "")
    lower = set(re.findall(r"\b[a-z]{3,}\b", text))
    # capitalised words that also occur in lower case are ordinary words starting a sentence
    names = {w: pseudo_name(story, w) for w in set(PROPER.findall(text)) if w.lower() not in lower}

    def rename(text: str) -> str:
        return PROPER.sub(lambda m: names.get(m.group(0), m.group(0)), text)

    paragraphs = [p for p in rename(doc.text).split("\n") if p.strip()]
    sentences = [s for p in paragraphs for s in SENTENCE_END.split(p)]
    head, rest = sentences[:2], sentences[2:]
    rng.shuffle(rest)
    kept = head + rest[: max(2, int(len(rest) * rng.uniform(0.5, 0.9)))]
    body = "\n\n".join(kept)
    body = NUMBER.sub(
        lambda m: str(int(m.group(0).replace(",", "")) + outlet * rng.randint(0, 3)), body
    )
    day = dt.date(2020, 1, 1) + dt.timedelta(days=story % 2000, hours=0)
    title = rename(doc.title or kept[0][:80])
    return replace(
        doc,
        source=f"gen/{story}/{outlet}",
        text=body,
        title=title if outlet == 0 else f"{title} ({OUTLETS[outlet % len(OUTLETS)].split()[0]})",
        outlet=OUTLETS[(story + outlet) % len(OUTLETS)],
        published=(day + dt.timedelta(days=rng.randint(0, 2))).isoformat(),
        url=None,
    )


def generate(count: int, seed: int = 7) -> Iterator[RawDocument]:
    """``count`` articles in stories of 1 to 6 outlets each."""
    docs = source_documents()
    rng = random.Random(seed)
    made = story = 0
    while made < count:
        base = docs[story % len(docs)]
        for outlet in range(min(rng.choice([1, 2, 3, 4, 4, 5, 6]), count - made)):
            yield story_variant(base, story, outlet, rng)
            made += 1
        story += 1


def fill(db: Path, count: int, batch: int = 250) -> dict[str, float]:
    store = SqliteStore(db)
    pipeline = Pipeline(store)
    started = time.perf_counter()
    pending: list[RawDocument] = []
    done = 0
    for doc in generate(count):
        pending.append(doc)
        if len(pending) == batch:
            done += len(pipeline.ingest_documents(pending).ingested)
            pending = []
            print(f"\r  ingested {done}/{count}", end="", file=sys.stderr, flush=True)
    if pending:
        done += len(pipeline.ingest_documents(pending).ingested)
    elapsed = time.perf_counter() - started
    print(file=sys.stderr)
    counts = store.counts()
    store.close()
    return {"seconds": elapsed, "ingested": done, **counts}


# -- 2. server --------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def serve(db: Path) -> Server:
    """``crossread --db DB serve`` in a process of its own (so the load generator does not
    share its interpreter lock), on a free port of 127.0.0.1."""
    port = free_port()
    command = [
        str(Path(sys.executable).with_name("crossread")),
        "--db",
        str(db),
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"crossread serve exited with {process.returncode}")
        try:
            if httpx.get(url + "/healthz", timeout=2).status_code == 200:
                return Server(url=url, process=process)
        except httpx.HTTPError:
            time.sleep(0.2)
    process.terminate()
    raise RuntimeError("crossread serve did not start")


# -- 3. load ----------------------------------------------------------------------------------


@dataclass
class Result:
    name: str
    requests: int
    errors: int
    seconds: float
    latencies: list[float]

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def pct(self, q: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] * 1000


def load(
    base: str,
    name: str,
    urls: Callable[[int], str],
    *,
    requests: int,
    concurrency: int,
    time_limit: float,
) -> Result:
    """``requests`` GETs (``urls(i)`` for the i-th) from ``concurrency`` threads, at most
    ``time_limit`` seconds."""
    counter = iter(range(requests))
    lock = threading.Lock()
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + time_limit

    def worker() -> None:
        nonlocal errors
        with httpx.Client(base_url=base, timeout=60) as client:
            while time.perf_counter() < deadline:
                with lock:
                    i = next(counter, None)
                if i is None:
                    return
                t0 = time.perf_counter()
                try:
                    ok = client.get(urls(i)).status_code == 200
                except httpx.HTTPError:
                    ok = False
                took = time.perf_counter() - t0
                with lock:
                    latencies.append(took)
                    errors += not ok

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return Result(
        name=name,
        requests=len(latencies),
        errors=errors,
        seconds=time.perf_counter() - started,
        latencies=latencies,
    )


def scenarios(base: str, sample: int, seed: int = 11) -> list[tuple[str, Callable[[int], str]]]:
    with httpx.Client(base_url=base, timeout=60) as client:
        total = client.get("/api/stories", params={"limit": 1}).json()["total"]
        rng = random.Random(seed)
        stories: list[str] = []
        for offset in sorted(rng.sample(range(total), min(sample, total))):
            page = client.get("/api/stories", params={"limit": 1, "offset": offset}).json()
            stories.extend(s["id"] for s in page["items"])
    words = ["river", "bank", "council", "flood", "rates", "museum", "bridge", "minister"]
    offsets = [rng.randrange(0, max(1, total - 20)) for _ in range(1000)]

    def story(i: int) -> str:
        return stories[i % len(stories)]

    return [
        ("story page, first view (brief computed)", lambda i: f"/stories/{story(i)}"),
        ("story page, cached brief", lambda i: f"/stories/{story(i)}"),
        ("GET /api/stories/{id} (brief JSON, cached)", lambda i: f"/api/stories/{story(i)}"),
        ("GET /api/stories?limit=20&offset=…", lambda i: f"/api/stories?limit=20&offset={offsets[i % 1000]}"),  # noqa: E501
        ("GET /api/search?q=…", lambda i: f"/api/search?q={words[i % len(words)]}"),
        ("stories page /", lambda i: "/" if i % 2 else "/?order=biggest"),
    ]  # fmt: skip


def story_sizes(db: Path) -> dict[str, float]:
    """How the generated articles clustered."""
    store = SqliteStore(db)
    try:
        everything = store.stories(limit=store.count_stories())
        sizes = [len(s.articles) for s in everything]
    finally:
        store.close()
    return {
        "stories": len(sizes),
        "mean": statistics.fmean(sizes) if sizes else 0.0,
        "max": max(sizes, default=0),
        "singletons": sum(s == 1 for s in sizes),
    }


def report(
    results: list[Result],
    filled: dict[str, float] | None,
    sizes: dict[str, float],
    args: argparse.Namespace,
) -> str:
    lines = [
        "## Web load (`bench/load_web.py`)",
        "",
        f"Measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {platform.machine()}, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}; one `crossread serve` "
        f"process (uvicorn, sync routes on its thread pool) and the load generator (threads, "
        f"one httpx client each) in another process on the same machine, "
        f"{args.concurrency} client threads, 127.0.0.1; load average "
        f"{os.getloadavg()[0]:.1f} at the end (other jobs on the machine count too).",
        "",
        f"Store: {sizes['stories']} stories from {args.articles} generated articles "
        f"(mean {sizes['mean']:.1f} articles per story, largest {sizes['max']}, "
        f"{sizes['singletons']} single-article stories). The first brief after start "
        f"was answered {sizes.get('first_brief_s', 0):.1f} s after the server was up (it waits "
        "for the cluster index, which the server loads from the store at startup); it is not "
        "in the table.",
    ]
    if filled:
        lines.append(
            f"Filling it through the pipeline took {filled['seconds']:.0f} s "
            f"({filled['ingested'] / filled['seconds']:.0f} articles/s)."
        )
    lines += [
        "",
        "| scenario | requests | errors | req/s | p50 ms | p95 ms |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r.name} | {r.requests} | {r.errors} | {r.rps:.1f} "
            f"| {r.pct(0.5):.1f} | {r.pct(0.95):.1f} |"
        )
    lines += [
        "",
        "Reproduce: `.venv/bin/python bench/load_web.py "
        f"--articles {args.articles} --requests {args.requests} --concurrency {args.concurrency}`",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=400, help="per scenario")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--time-limit", type=float, default=120.0, help="seconds per scenario")
    parser.add_argument("--sample", type=int, default=200, help="stories the story pages visit")
    parser.add_argument("--db", type=Path, help="reuse (or keep) this database file")
    parser.add_argument("--keep", action="store_true", help="do not delete the database")
    parser.add_argument("--no-write", action="store_true", help=f"do not update {WEB_MD.name}")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="crossread-web-"))
    db = args.db or workdir / "bench.db"
    filled = None
    if not db.exists():
        print(f"filling {db} with {args.articles} articles…", file=sys.stderr)
        filled = fill(db, args.articles)
    sizes = story_sizes(db)
    server = serve(db)
    results = []
    try:
        # The first brief after start waits for the cluster index to load from the store
        # (the server starts loading it at startup): time it apart.
        with httpx.Client(base_url=server.url, timeout=600) as client:
            last = client.get("/api/stories", params={"limit": 1, "order": "biggest"}).json()
            t0 = time.perf_counter()
            client.get(f"/api/stories/{last['items'][0]['id']}").raise_for_status()
            sizes["first_brief_s"] = time.perf_counter() - t0
        for name, urls in scenarios(server.url, args.sample):
            cold = name.endswith("(brief computed)")
            result = load(
                server.url,
                name,
                urls,
                # the first-view pass visits each sampled story once
                requests=min(args.requests, args.sample) if cold else args.requests,
                concurrency=args.concurrency,
                time_limit=args.time_limit,
            )
            print(
                f"{name:45} {result.requests:5d} req {result.errors:3d} err "
                f"{result.rps:8.1f} req/s p50 {result.pct(0.5):7.1f} ms "
                f"p95 {result.pct(0.95):7.1f} ms",
                file=sys.stderr,
            )
            results.append(result)
    finally:
        server.stop()
        if not args.keep and args.db is None:
            for path in workdir.iterdir():
                path.unlink()
            workdir.rmdir()
    text = report(results, filled, sizes, args)
    if args.json:
        print(
            json.dumps(
                {
                    "store": sizes,
                    "fill": filled,
                    "scenarios": [
                        {
                            "name": r.name,
                            "requests": r.requests,
                            "errors": r.errors,
                            "rps": round(r.rps, 2),
                            "p50_ms": round(r.pct(0.5), 2),
                            "p95_ms": round(r.pct(0.95), 2),
                        }
                        for r in results
                    ],
                }
            )
        )
    else:
        print(text)
    if not args.no_write:
        write_section(text)
    return 1 if any(r.errors for r in results) else 0


def write_section(text: str) -> None:
    """Replace (or add) this benchmark's section of WEB.md, leaving other sections alone."""
    old = WEB_MD.read_text(encoding="utf-8") if WEB_MD.exists() else "# Web benchmarks\n\n"
    pattern = re.compile(r"## Web load \(`bench/load_web.py`\).*?(?=\n## |\Z)", re.S)
    new = (
        pattern.sub(lambda _: text.rstrip() + "\n", old)
        if pattern.search(old)
        else old.rstrip() + "\n\n" + text
    )
    WEB_MD.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
