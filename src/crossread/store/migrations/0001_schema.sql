-- crossread store, schema version 1. Article rows are immutable (ids are content hashes);
-- stories are derived and updated in the same transaction as the articles that change them.
CREATE TABLE IF NOT EXISTS articles (
    id          TEXT PRIMARY KEY,
    seq         INTEGER NOT NULL,          -- arrival order, for stable listings
    title       TEXT NOT NULL,
    outlet      TEXT,
    byline      TEXT,
    published   TEXT,                      -- ISO date or NULL
    url         TEXT,
    source      TEXT NOT NULL,
    language    TEXT,
    story       TEXT NOT NULL,
    copy_of     TEXT,
    similarity  REAL NOT NULL DEFAULT 0,
    added       TEXT NOT NULL,             -- UTC timestamp of ingest
    data        TEXT NOT NULL              -- the whole Article as JSON (crossread.codec)
);
CREATE INDEX IF NOT EXISTS articles_story ON articles (story, published);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles (outlet);

CREATE TABLE IF NOT EXISTS stories (
    id          TEXT PRIMARY KEY,
    headline    TEXT NOT NULL,
    first       TEXT,
    last        TEXT,
    articles    INTEGER NOT NULL DEFAULT 0,
    outlets     TEXT NOT NULL DEFAULT '[]', -- JSON list, sorted
    created     TEXT NOT NULL,
    updated     TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS stories_updated ON stories (updated);

CREATE TABLE IF NOT EXISTS story_aliases (
    alias       TEXT PRIMARY KEY,          -- a story id merged away
    story       TEXT NOT NULL,             -- the id it lives on as
    merged_at   TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS story_entities (
    story       TEXT NOT NULL,
    entity      TEXT NOT NULL,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    mentions    INTEGER NOT NULL,
    PRIMARY KEY (story, entity)
);
CREATE INDEX IF NOT EXISTS story_entities_entity ON story_entities (entity);
CREATE INDEX IF NOT EXISTS story_entities_name ON story_entities (name COLLATE NOCASE);

CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5 (
    id UNINDEXED, title, text, outlet, tokenize = 'unicode61 remove_diacritics 2'
);
