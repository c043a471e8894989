-- Schema version 4: what the pipeline keeps between batches and runs, so that continuing a
-- stream never re-reads old articles.
-- A story's mention tally (crossread.extract.linking.MentionTally as JSON) and how many of the
-- story's articles it counts: a tally whose count differs from the story's is stale (a merge,
-- an interrupted run) and is rebuilt from the articles.
CREATE TABLE IF NOT EXISTS story_tallies (
    story       TEXT PRIMARY KEY,
    articles    INTEGER NOT NULL,
    tally       TEXT NOT NULL
);

-- Named blobs of pipeline state, each saved with the stored articles it describes (e.g. the
-- cluster index's term document frequencies).
CREATE TABLE IF NOT EXISTS pipeline_state (
    name        TEXT PRIMARY KEY,
    data        BLOB NOT NULL,
    updated     TEXT NOT NULL
);
