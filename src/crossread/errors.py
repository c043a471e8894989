"""crossread's exceptions, one tree so callers can catch at the level they care about.

::

    CrossreadError
    ├── IngestError        an input could not be read (names the input and the problem)
    │   └── FetchError     a URL could not be fetched, or was refused (SSRF guard, size cap)
    ├── StoreError         the database could not be opened, read or written
    ├── NotFoundError      a story, article or entity id that does not exist
    ├── ConfigError        a setting has a bad value
    └── EvalError          evaluation data is missing or malformed
"""

from __future__ import annotations


class CrossreadError(Exception):
    """Base class of every error crossread raises on purpose."""


class IngestError(CrossreadError):
    """An input could not be read; the message starts with the input's name."""


class FetchError(IngestError):
    """A URL could not be fetched or was refused."""


class StoreError(CrossreadError):
    """The database could not be opened, read or written."""


class NotFoundError(CrossreadError):
    """An id that does not exist in the store."""


class ConfigError(CrossreadError):
    """A setting has a bad value."""


class EvalError(CrossreadError):
    """Evaluation data is missing or malformed."""
