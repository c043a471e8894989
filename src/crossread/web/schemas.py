"""Pydantic models of the REST API: the only place crossread uses pydantic.

The engine's frozen dataclasses are converted here, at the boundary. The brief models mirror
the stable JSON contract of :func:`crossread.brief.to_json`; they allow extra keys, so the
contract can grow without breaking the schema.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from crossread.models import Story
from crossread.pipeline import IngestReport
from crossread.store.base import EntitySummary, SearchHit, StoredArticle


class ErrorDetail(BaseModel):
    code: str = Field(description="Machine-readable: not_found, invalid, too_large, ...")
    message: str


class ErrorBody(BaseModel):
    error: ErrorDetail


# -- stories --------------------------------------------------------------------------------


class StorySummary(BaseModel):
    id: str
    headline: str
    outlets: list[str]
    first: dt.date | None
    last: dt.date | None
    articles: int
    article_ids: list[str]
    aliases: list[str]

    @classmethod
    def of(cls, story: Story) -> StorySummary:
        return cls(
            id=story.id,
            headline=story.headline,
            outlets=list(story.outlets),
            first=story.first,
            last=story.last,
            articles=len(story.articles),
            article_ids=list(story.articles),
            aliases=list(story.aliases),
        )


class StoryPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[StorySummary]


# -- brief contract -------------------------------------------------------------------------


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class BriefArticle(_Open):
    id: str
    title: str
    outlet: str | None
    published: str | None
    byline: str | None
    removed: list[str]


class BriefSupport(_Open):
    article: str
    outlet: str
    sentence: str


class BriefFact(_Open):
    status: Literal["corroborated", "exclusive", "conflicting"]
    text: str
    support: list[BriefSupport]
    note: str | None


class BriefMention(_Open):
    article: str
    text: str


class BriefEntity(_Open):
    id: str
    name: str
    kind: str
    mentions: list[BriefMention]


class BriefTimelineEntry(_Open):
    date: str
    expression: str
    sentence: str
    article: str


class BriefQuote(_Open):
    speaker: str | None
    text: str
    article: str


class BriefModel(_Open):
    """The brief JSON contract (the same object ``crossread show ID --format json`` prints)."""

    same_story: bool
    similarity: float
    articles: list[BriefArticle]
    facts: list[BriefFact]
    entities: list[BriefEntity]
    timeline: list[BriefTimelineEntry]
    quotes: list[BriefQuote]


# -- articles, entities, search -------------------------------------------------------------


class RemovedText(BaseModel):
    text: str
    reason: str


class ArticleModel(BaseModel):
    id: str
    title: str
    outlet: str | None
    byline: str | None
    published: dt.date | None
    url: str | None
    source: str
    language: str | None
    story: str
    copy_of: str | None
    text: str
    removed: list[RemovedText]
    sentences: int

    @classmethod
    def of(cls, stored: StoredArticle, story: str) -> ArticleModel:
        a = stored.article
        return cls(
            id=a.id,
            title=a.title,
            outlet=a.outlet,
            byline=a.byline,
            published=a.published,
            url=a.url,
            source=a.source,
            language=a.language,
            story=story,
            copy_of=stored.copy_of,
            text=a.text,
            removed=[RemovedText(text=r.text, reason=r.reason) for r in a.removed],
            sentences=len(a.sentences),
        )


class EntityModel(BaseModel):
    id: str
    name: str
    kind: str
    stories: int
    mentions: int

    @classmethod
    def of(cls, entity: EntitySummary) -> EntityModel:
        return cls(
            id=entity.id,
            name=entity.name,
            kind=entity.kind,
            stories=entity.stories,
            mentions=entity.mentions,
        )


class EntityList(BaseModel):
    limit: int
    offset: int
    items: list[EntityModel]


class EntityDetail(BaseModel):
    entity: EntityModel
    stories: list[StorySummary]


class Hit(BaseModel):
    article: str
    story: str
    title: str
    outlet: str | None
    published: dt.date | None
    snippet: str = Field(description="Plain text; matches wrapped in [ and ].")

    @classmethod
    def of(cls, hit: SearchHit) -> Hit:
        return cls(
            article=hit.article,
            story=hit.story,
            title=hit.title,
            outlet=hit.outlet,
            published=hit.published,
            snippet=hit.snippet,
        )


class SearchResults(BaseModel):
    query: str
    limit: int
    offset: int
    items: list[Hit]


# -- ingest ---------------------------------------------------------------------------------


class IngestText(BaseModel):
    """Pasted text to ingest (the JSON form of ``POST /api/ingest``)."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The article as text, HTML, JSON or a feed.")
    name: str = Field(default="pasted.txt", min_length=1, max_length=200)
    outlet: str | None = Field(default=None, max_length=200)
    published: dt.date | None = None


class FailureModel(BaseModel):
    source: str
    message: str


class FileReport(BaseModel):
    name: str
    ok: bool
    ingested: list[str]
    duplicates: int
    skipped: list[FailureModel]
    failed: list[FailureModel]
    stories: list[str]
    warnings: list[str]

    @classmethod
    def of(cls, name: str, report: IngestReport) -> FileReport:
        return cls(
            name=name,
            ok=report.ok,
            ingested=list(report.ingested),
            duplicates=report.duplicates,
            skipped=[FailureModel(source=f.source, message=f.message) for f in report.skipped],
            failed=[FailureModel(source=f.source, message=f.message) for f in report.failed],
            stories=list(report.stories),
            warnings=list(report.warnings),
        )


class IngestResult(BaseModel):
    ok: bool
    ingested: int
    duplicates: int
    failed: int
    files: list[FileReport]
