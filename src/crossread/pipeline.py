"""Wiring: runs the stages in order. No stage logic lives here.

::

    inputs --ingest.read--> RawDocument --clean--> Article --extract--> Article
        --cluster.assign--> Assignment --store--> (story)  ...  story --compare--> Fact
        --brief.summarize--> Brief

Two entry points: :class:`Pipeline` ingests into a store and builds briefs of stored stories;
:func:`compare_paths` runs the same stages over a few files with no database.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import combinations
from pathlib import Path

from crossread import brief as brief_stage
from crossread import clean as clean_stage
from crossread import compare as compare_stage
from crossread import extract as extract_stage
from crossread import ingest as ingest_stage
from crossread.cluster import SentenceTransformerEncoder, StoryIndex
from crossread.config import Settings
from crossread.errors import CrossreadError, IngestError
from crossread.extract.linking import MentionTally
from crossread.models import Article, Assignment, Brief, RawDocument
from crossread.resume import StoryMentionCache, restore_index, save_index
from crossread.store.base import Store, StoredArticle, StoryEntity

log = logging.getLogger(__name__)

URL_PREFIXES = ("http://", "https://")


@dataclass(frozen=True, slots=True, kw_only=True)
class Failure:
    source: str
    message: str


@dataclass(frozen=True, slots=True, kw_only=True)
class IngestReport:
    """What one ingest did; reports add up with ``+``."""

    ingested: tuple[str, ...] = ()
    """Ids of articles newly stored."""
    duplicates: int = 0
    skipped: tuple[Failure, ...] = ()
    """Inputs that were read but are not articles (index pages, paywall stubs...)."""
    failed: tuple[Failure, ...] = ()
    stories: tuple[str, ...] = ()
    """Stories that gained articles."""
    warnings: tuple[str, ...] = ()

    def __add__(self, other: IngestReport) -> IngestReport:
        return IngestReport(
            ingested=self.ingested + other.ingested,
            duplicates=self.duplicates + other.duplicates,
            skipped=self.skipped + other.skipped,
            failed=self.failed + other.failed,
            stories=tuple(dict.fromkeys(self.stories + other.stories)),
            warnings=self.warnings + other.warnings,
        )

    @property
    def ok(self) -> bool:
        return not self.failed


@dataclass(frozen=True, slots=True, kw_only=True)
class Overrides:
    """What the user said about the inputs, winning over what detection finds."""

    outlet: str | None = None
    published: dt.date | None = None


def not_an_article(raw: RawDocument) -> str:
    """One line saying why a document read is not an article."""
    reason = f" ({'; '.join(raw.warnings)})" if raw.warnings else ""
    return f"{raw.source}: {raw.status.replace('_', ' ')}{reason}"


def prepare(
    raw: RawDocument, *, outlet: str | None = None, published: dt.date | None = None
) -> Article:
    """Clean and extract one document (stages 2 and 3)."""
    article = clean_stage.clean(raw, outlet=outlet, published=published)
    return extract_stage.extract(article)


def make_index(settings: Settings | None = None) -> StoryIndex:
    """A story index using the similarity the settings name (lexical, or semantic too)."""
    if settings is not None and settings.similarity == "semantic":
        return StoryIndex(encoder=SentenceTransformerEncoder())
    return StoryIndex()


def read_source(source: str | Path, *, settings: Settings | None = None) -> Iterator[RawDocument]:
    """Read one input: a file path or, for ``http(s)://`` strings, a URL fetched safely."""
    text = str(source)
    if text.startswith(URL_PREFIXES):
        from crossread.ingest.urls import fetch  # imported lazily: only URL inputs need httpx

        cfg = settings or Settings()
        page = fetch(
            text,
            allow_private=cfg.allow_private,
            timeout=cfg.fetch_timeout,
            max_bytes=cfg.fetch_max_bytes,
        )
        yield from ingest_stage.read_bytes(page.data, page.final_url)
        return
    yield from ingest_stage.read(Path(source))


def expand_sources(sources: Iterable[str | Path]) -> list[str]:
    """Folders become the supported files inside them; URLs and files stay as given."""
    out: list[str] = []
    for source in sources:
        text = str(source)
        if text.startswith(URL_PREFIXES):
            out.append(text)
        else:
            out.extend(str(p) for p in ingest_stage.iter_inputs([Path(text)]))
    return out


class Pipeline:
    """Ingest into a store and build briefs of its stories.

    The cluster index is rebuilt from the store on first use, so story assignment continues
    where the last run stopped.
    """

    def __init__(
        self,
        store: Store,
        settings: Settings | None = None,
        index: StoryIndex | None = None,
        batch_size: int = 500,
    ) -> None:
        self.store = store
        self.settings = settings or Settings()
        self.batch_size = batch_size
        self._index = index
        self._story_cache = StoryMentionCache()

    @property
    def index(self) -> StoryIndex:
        if self._index is None:
            self._index = restore_index(self.store, make_index(self.settings))
        return self._index

    # -- ingest -------------------------------------------------------------------------------

    def ingest_sources(
        self,
        sources: Sequence[str | Path],
        overrides: Overrides | None = None,
        on_source: Callable[[str, IngestReport], None] | None = None,
        on_batch: Callable[[str, IngestReport], None] | None = None,
    ) -> IngestReport:
        """Ingest files, folders and URLs.

        Each input is stored in one transaction; an input holding more than ``batch_size``
        documents (a feed dump, a WARC archive) is read as a stream and committed every
        ``batch_size`` documents, so memory stays flat and an interrupted run resumes by
        ingesting again (stored articles are skipped). A bad input is recorded as a failure
        naming it; the others still go through.
        """
        total = IngestReport()
        for source in expand_sources(sources):
            report = self._ingest_source(source, overrides, on_batch)
            total += report
            if on_source is not None:
                on_source(source, report)
        return total

    def _ingest_source(
        self,
        source: str,
        overrides: Overrides | None,
        on_batch: Callable[[str, IngestReport], None] | None,
    ) -> IngestReport:
        """Read one input lazily and store it in batches (one batch for ordinary files)."""
        report = IngestReport()
        seen_article = False
        batch: list[RawDocument] = []

        def flush() -> None:
            nonlocal report
            part = self.ingest_documents(batch, overrides)
            report += part
            batch.clear()
            if on_batch is not None:
                on_batch(source, part)

        try:
            for raw in read_source(source, settings=self.settings):
                seen_article = seen_article or raw.status == "ok"
                batch.append(raw)
                if len(batch) >= self.batch_size:
                    flush()
        except CrossreadError as exc:
            return report + IngestReport(failed=(Failure(source=source, message=str(exc)),))
        except (OSError, ValueError) as exc:
            failure = Failure(source=source, message=f"{source}: {exc}")
            return report + IngestReport(failed=(failure,))
        flush()
        if not seen_article:
            # An input that holds no article at all failed, whatever the reason.
            why = "; ".join(f.message for f in report.skipped) or f"{source}: no articles found"
            report = replace(report, skipped=(), failed=(Failure(source=source, message=why),))
        return report

    def ingest_bytes(
        self, data: bytes, name: str, overrides: Overrides | None = None
    ) -> IngestReport:
        """Ingest in-memory input (an upload), named ``name`` in messages."""
        try:
            documents = list(ingest_stage.read_bytes(data, name))
        except CrossreadError as exc:
            return IngestReport(failed=(Failure(source=name, message=str(exc)),))
        return self.ingest_documents(documents, overrides)

    def ingest_documents(
        self, documents: Iterable[RawDocument], overrides: Overrides | None = None
    ) -> IngestReport:
        """Clean, extract, cluster and store documents, all in one transaction."""
        over = overrides or Overrides()
        prepared: list[Article] = []
        skipped: list[Failure] = []
        failed: list[Failure] = []
        warnings: list[str] = []
        # 1. clean and extract: pure work, nothing stored yet
        for raw in documents:
            if raw.status != "ok":
                skipped.append(Failure(source=raw.source, message=not_an_article(raw)))
                continue
            warnings.extend(f"{raw.source}: {w}" for w in raw.warnings)
            try:
                prepared.append(prepare(raw, outlet=over.outlet, published=over.published))
            except IngestError as exc:
                failed.append(Failure(source=raw.source, message=str(exc)))
        # 2. assign and store together, so the database never holds half an input
        ingested: list[str] = []
        stories: list[str] = []
        added: defaultdict[str, list[Article]] = defaultdict(list)
        duplicates = 0
        try:
            with self.store.transaction():
                for article in prepared:
                    if self.store.has_article(article.id):
                        duplicates += 1
                        continue
                    assignment = self.index.assign(article)
                    self.store.add_article(article, assignment)
                    if assignment.is_new:  # nothing to read back
                        self._story_cache.put(assignment.story, MentionTally())
                    added[assignment.story].append(article)
                    for merge in self.index.drain_merges():
                        self.store.merge_stories(merge.kept, merge.merged)
                        stories = [merge.kept if s == merge.merged else s for s in stories]
                        # both stories' cached articles are stale: read them back
                        for sid in (merge.kept, merge.merged):
                            self._story_cache.drop(sid)
                            added.pop(sid, None)
                    ingested.append(article.id)
                    stories.append(assignment.story)
                # 3. refresh the entity index of every story that changed
                for story in dict.fromkeys(stories):
                    self.store.set_story_entities(story, self._story_entities(story, added))
                if ingested:
                    save_index(self.store, self.index)
        except BaseException:
            self._index = None  # the index saw assignments that were rolled back: rebuild
            self._story_cache.clear()
            raise
        return IngestReport(
            ingested=tuple(ingested),
            duplicates=duplicates,
            skipped=tuple(skipped),
            failed=tuple(failed),
            stories=tuple(dict.fromkeys(stories)),
            warnings=tuple(warnings),
        )

    def _story_entities(
        self, story_id: str, added: Mapping[str, list[Article]]
    ) -> list[StoryEntity]:
        """Link the entities of a story's stored articles; ``added`` holds the articles this
        batch stored, by story, so a cached story's tally is extended rather than read back."""
        tally = self._story_cache.get(story_id)
        new = added.get(story_id)
        stale = (  # another writer on the same database may have added to the story
            tally is not None
            and new is not None
            and tally.articles + len(new) != self.store.story_size(story_id)
        )
        if stale:
            tally = None
        if tally is None and new is not None:  # saved by an earlier batch or run?
            saved = self.store.story_tally(story_id, added=len(new))
            tally = _loaded_tally(saved) if saved is not None else None
        if tally is None or new is None:
            tally = MentionTally()
            new = [s.article for s in self.store.story_articles(story_id)]  # the store's order
        for article in new:  # in arrival order: the store's among articles of one date
            tally.add(article)
        self._story_cache.put(story_id, tally)
        self.store.set_story_tally(story_id, tally.articles, tally.dumps())
        return [
            StoryEntity(id=e.id, name=e.name, kind=e.kind, mentions=e.mentions)
            for e in tally.entities()
        ]

    # -- briefs -------------------------------------------------------------------------------

    def brief(self, story_id: str) -> Brief:
        """The brief of one stored story (by id or alias)."""
        story = self.store.story(story_id)
        stored = self.store.story_articles(story.id)
        return stored_brief(story.id, stored, settings=self.settings)


def _loaded_tally(saved: str) -> MentionTally | None:
    try:
        return MentionTally.loads(saved)
    except ValueError as exc:
        log.warning("saved mention tally unreadable (%s): rebuilt from the articles", exc)
        return None


def stored_brief(
    story_id: str, stored: Sequence[StoredArticle], *, settings: Settings | None = None
) -> Brief:
    """The brief of a stored story from its stored articles (no cluster index needed)."""
    copies = {s.article.id: s.copy_of for s in stored if s.copy_of}
    # How alike the story's articles are: the similarity each had to the story when it
    # joined (an article that opened a story has none, and joining takes more than zero).
    joined = [s.similarity for s in stored if s.similarity > 0] or [1.0]
    return build_brief(
        story_id,
        [s.article for s in stored],
        copies=copies,
        similarity=sum(joined) / len(joined),
        settings=settings,
    )


def _dated_for_timeline(articles: Sequence[Article]) -> list[Article]:
    """The articles, an undated one's time expressions resolved against the date its story was
    first reported (the earliest publication date of the others), so that its ``on Monday``
    reaches the timeline, marked as estimated. Comparison does not see these estimates."""
    dates = [a.published for a in articles if a.published is not None]
    if not dates or len(dates) == len(articles):
        return list(articles)
    first = min(dates)
    return [extract_stage.resolve_times(a, first) if a.published is None else a for a in articles]


def mean_similarity(articles: Sequence[Article], index: StoryIndex, limit: int = 40) -> float:
    """Mean pairwise similarity of (at most ``limit``) articles; 1.0 for a single article."""
    sample = list(articles)[:limit]
    pairs = list(combinations(sample, 2))
    if not pairs:
        return 1.0
    return sum(index.similarity(a, b) for a, b in pairs) / len(pairs)


def build_brief(
    story_id: str,
    articles: Sequence[Article],
    *,
    copies: Mapping[str, str],
    index: StoryIndex | None = None,
    similarity: float | None = None,
    same_story: bool = True,
    settings: Settings | None = None,
) -> Brief:
    """Compare the articles of one story and summarise them (stages 5 and 6).

    ``similarity`` is how alike the articles are; when not given it is the mean pairwise
    similarity under ``index`` (a fresh lexical index when there is none).
    """
    mode = settings.similarity if settings is not None else "lexical"
    facts = compare_stage.compare(articles, copies=copies, similarity=mode)
    entities = extract_stage.link_entities(articles)
    if similarity is None:
        similarity = mean_similarity(articles, index or make_index(settings))
    return brief_stage.summarize(
        story_id,
        _dated_for_timeline(articles),
        facts,
        entities,
        similarity=similarity,
        same_story=same_story,
        copies=dict(copies),
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class CompareResult:
    brief: Brief
    failed: tuple[Failure, ...] = field(default_factory=tuple)


def compare_paths(
    sources: Sequence[str | Path],
    overrides: Overrides | None = None,
    settings: Settings | None = None,
) -> CompareResult:
    """Run every stage over a few inputs with no database: are they one story, and how do
    their accounts differ?"""
    over = overrides or Overrides()
    articles: list[Article] = []
    failed: list[Failure] = []
    for source in expand_sources(sources):
        try:
            for raw in read_source(source, settings=settings):
                if raw.status == "ok":
                    articles.append(prepare(raw, outlet=over.outlet, published=over.published))
                else:
                    failed.append(Failure(source=raw.source, message=not_an_article(raw)))
        except CrossreadError as exc:
            failed.append(Failure(source=source, message=str(exc)))
    articles = list({a.id: a for a in articles}.values())
    index = make_index(settings)
    assignments: list[Assignment] = [index.assign(a) for a in articles]
    merged_into = {m.merged: m.kept for m in index.drain_merges()}

    def final(story: str) -> str:
        while story in merged_into:
            story = merged_into[story]
        return story

    stories = {final(a.story) for a in assignments}
    copies = {a.article: a.copy_of for a in assignments if a.copy_of}
    story_id = final(assignments[0].story) if assignments else "s-empty"
    brief = build_brief(
        story_id,
        articles,
        copies=copies,
        index=index,
        same_story=len(stories) == 1,
        settings=settings,
    )
    return CompareResult(brief=brief, failed=tuple(failed))
