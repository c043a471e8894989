"""Stage 4, cluster: incremental story assignment with stable ids.

Public interface (used by ``pipeline.py``):

- ``StoryIndex()``: in-memory index of stories; ``assign(article) -> Assignment`` puts one
  extracted article into an existing story or opens a new one; ``add(article, story_id)``
  restores an assignment already made (when reloading from the store);
  ``similarity(a, b) -> float`` scores two articles in 0..1 on the same scale.
"""
