"""Stage 6, brief: the consolidated, cited story brief and its renderings.

Public interface (used by ``pipeline.py``, ``cli.py`` and ``web``):

- ``summarize(story_id, articles, facts, entities, *, similarity, same_story, copies) -> Brief``
- ``to_json(brief) -> dict``: the stable JSON contract (see README).
- ``render_markdown(brief) -> str`` and ``render_html(brief) -> str`` (self-contained page,
  every piece of article text escaped).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from crossread.brief.framing import frame
from crossread.brief.quotes import collect_quotes, group_quotes
from crossread.brief.render_html import render_html
from crossread.brief.render_json import to_json
from crossread.brief.render_md import render_markdown
from crossread.brief.summary import MAX_SENTENCES, best_headline, summarize_facts
from crossread.brief.timeline import build_timeline
from crossread.models import Article, Brief, Entity, Fact

__all__ = ["group_quotes", "render_html", "render_markdown", "summarize", "to_json"]


def summarize(
    story_id: str,
    articles: Sequence[Article],
    facts: Sequence[Fact],
    entities: Sequence[Entity],
    *,
    similarity: float = 1.0,
    same_story: bool = True,
    copies: Mapping[str, str] | None = None,
    max_sentences: int | None = None,
) -> Brief:
    """Everything crossread says about one story: headline, cited summary, timeline, quotes.

    Args:
        story_id: the story's id (any string for an ad-hoc comparison).
        articles: the story's extracted articles.
        facts: what ``compare`` found, best-supported first.
        entities: the story's linked entities.
        similarity: how similar the articles are (shown, not used).
        same_story: whether the articles were judged to report one story.
        copies: article id -> id of the article it copies.
        max_sentences: most sentences in the summary; by default two, plus two for each
            further independent outlet, up to six (one article's brief is short, like a lead).
    """
    # 1. headline and summary lead with what independent outlets agree on
    headline = best_headline(articles, facts)
    if max_sentences is None:
        outlets = len({a.outlet or a.id for a in articles if (copies or {}).get(a.id) is None})
        max_sentences = min(MAX_SENTENCES, 2 * max(outlets, 1))
    summary = summarize_facts(facts, articles, max_sentences=max_sentences, headline=headline)
    # 2. dated events in event order, quotes by speaker, framing per article
    timeline = build_timeline(articles)
    quotes = collect_quotes(articles, entities)
    framing = frame(articles, facts)
    return Brief(
        story=story_id,
        headline=headline,
        same_story=same_story,
        similarity=similarity,
        articles=tuple(articles),
        summary=summary,
        facts=tuple(facts),
        entities=tuple(entities),
        timeline=timeline,
        quotes=quotes,
        framing=framing,
        copies=dict(copies or {}),
    )
