"""Stage 6, brief: the consolidated, cited story brief and its renderings.

Public interface (used by ``pipeline.py``, ``cli.py`` and ``web``):

- ``summarize(story_id, articles, facts, entities, *, similarity, same_story, copies) -> Brief``
- ``to_json(brief) -> dict``: the stable JSON contract (see README).
- ``render_markdown(brief) -> str`` and ``render_html(brief) -> str`` (self-contained page,
  every piece of article text escaped).
"""
