"""Stage 1, ingest: read files, folders, feeds and URLs into RawDocuments.

Public interface (used by ``pipeline.py``):

- ``read(path, fmt=None) -> Iterator[RawDocument]``: one input file (any supported format,
  detected by content, not only by extension); raises ``IngestError`` naming the file.
- ``read_bytes(data, name, fmt=None) -> Iterator[RawDocument]``: the same for in-memory data
  (uploads, fetched pages).
- ``iter_inputs(paths) -> Iterator[Path]``: expand folders into the files to read, sorted.
"""
