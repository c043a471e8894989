"""The brief as one JSON-ready dict: the stable contract plus extra keys.

Contract keys (stable, documented in the README): ``same_story``, ``similarity``, ``articles``,
``facts``, ``entities``, ``timeline``, ``quotes``. Extra keys: ``story``, ``headline``,
``summary``, ``exclusives`` (per outlet), ``conflicts``, ``quote_groups``, ``framing``,
``copies``; facts also carry ``conflict``, ``confidence`` and ``independent_outlets``, support
entries ``sentence_index``, ``start`` and ``end``.
"""

from __future__ import annotations

from typing import Any

from crossread.brief.quotes import group_quotes
from crossread.models import Article, Brief, Fact, Support


def _article(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "outlet": article.label,
        "published": article.published.isoformat() if article.published else None,
        "byline": article.byline,
        "url": article.url,
        "removed": [r.text for r in article.removed],
        "removed_reasons": [r.reason for r in article.removed],
    }


def _support(s: Support) -> dict[str, Any]:
    return {
        "article": s.article,
        "outlet": s.outlet,
        "sentence": s.sentence,
        "sentence_index": s.sentence_index,
        "start": s.start,
        "end": s.end,
    }


def _fact(fact: Fact) -> dict[str, Any]:
    return {
        "status": fact.status,
        "text": fact.text,
        "support": [_support(s) for s in fact.support],
        "note": fact.note,
        "conflict": fact.conflict,
        "confidence": fact.confidence,
        "independent_outlets": fact.independent_outlets,
    }


TOP_EXCLUSIVES = 8
"""Exclusives per outlet the Markdown and HTML briefs show first; the JSON keeps them all."""


def exclusives_by_outlet(brief: Brief) -> dict[str, list[str]]:
    """outlet -> texts of the facts only that outlet reports, strongest first (compare's order)."""
    result: dict[str, list[str]] = {a.label: [] for a in brief.articles}
    for fact in brief.facts:
        if fact.status == "exclusive" and fact.support:
            result.setdefault(fact.support[0].outlet, []).append(fact.text)
    return result


def to_json(brief: Brief) -> dict[str, Any]:
    """The brief as a dict that ``json.dumps`` accepts, following the stable contract."""
    groups = group_quotes(brief.quotes)
    return {
        "story": brief.story,
        "headline": brief.headline,
        "same_story": brief.same_story,
        "similarity": round(float(brief.similarity), 4),
        "articles": [_article(a) for a in brief.articles],
        "summary": [
            {
                "text": c.text,
                "outlets": list(c.outlets),
                "articles": list(c.articles),
                "support": [_support(s) for s in c.support],
                "disputed": c.disputed,
            }
            for c in brief.summary
        ],
        "facts": [_fact(f) for f in brief.facts],
        "conflicts": [_fact(f) for f in brief.facts if f.status == "conflicting"],
        "exclusives": exclusives_by_outlet(brief),
        "entities": [
            {
                "id": e.id,
                "name": e.name,
                "kind": e.kind,
                "aliases": list(e.aliases),
                "mentions": [{"article": m.article, "text": m.text} for m in e.mentions],
            }
            for e in brief.entities
        ],
        "timeline": [
            {
                "date": t.date,
                "expression": t.expression,
                "sentence": t.sentence,
                "article": t.article,
                "outlet": t.outlet,
                "estimated": t.estimated,
            }
            for t in brief.timeline
        ],
        "quotes": [
            {
                "speaker": q.speaker,
                "text": q.text,
                "article": q.article,
                "outlet": q.outlet,
                "entity": q.entity,
            }
            for q in brief.quotes
        ],
        "quote_groups": [
            {
                "speaker": g.speaker,
                "entity": g.entity,
                "quotes": [
                    {"text": q.text, "article": q.article, "outlet": q.outlet} for q in g.quotes
                ],
                "variants": [
                    {
                        "texts": list(v.texts),
                        "articles": list(v.articles),
                        "outlets": list(v.outlets),
                        "similarity": v.similarity,
                        "shared": v.shared,
                        "note": v.note,
                    }
                    for v in g.variants
                ],
            }
            for g in groups
        ],
        "framing": [
            {
                "article": f.article,
                "outlet": f.outlet,
                "entities": list(f.entities),
                "terms": list(f.terms),
                "tone": f.tone,
                "quotes": list(f.quotes),
                "exclusives": f.exclusives,
            }
            for f in brief.framing
        ],
        "copies": dict(brief.copies),
    }
