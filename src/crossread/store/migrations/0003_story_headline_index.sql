-- Schema version 3: a story's headline in one index lookup.
-- The headline is the title of the story's earliest original report (copies last, undated last,
-- then by date and arrival); this index holds articles in exactly that order, so adding an
-- article updates its story's summary without reading the story's other articles.
CREATE INDEX IF NOT EXISTS articles_headline
    ON articles (story, copy_of IS NOT NULL, published IS NULL, published, seq);
