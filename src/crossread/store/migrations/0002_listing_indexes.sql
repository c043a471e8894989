-- Schema version 2: listings and inserts that stay fast on big stores.
-- seq is read on every insert (next arrival number) and by iter_articles.
CREATE INDEX IF NOT EXISTS articles_seq ON articles (seq);
-- The date a story sorts by (its last publication date, else the day it was updated),
-- kept in a column so "newest first" can use an index instead of computing it per row.
ALTER TABLE stories ADD COLUMN sort_date TEXT NOT NULL DEFAULT '';
UPDATE stories SET sort_date = COALESCE(last, substr(updated, 1, 10));
CREATE INDEX IF NOT EXISTS stories_sort ON stories (sort_date DESC, articles DESC);
CREATE INDEX IF NOT EXISTS stories_size ON stories (articles DESC, sort_date DESC);
