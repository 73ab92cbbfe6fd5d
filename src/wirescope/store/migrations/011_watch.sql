-- State of `wirescope watch`, so a watcher resumes after a restart or a kill without losing or duplicating an
-- article: per source its validators (ETag, Last-Modified), schedule and errors; per item the identity (a feed
-- item's guid or URL, a watched file's path), a fingerprint of its content and the articles it became.
-- The item table names its articles `articles`, not `article_id`: Store.write replaces the rows of every table with
-- an article_id column, and a re-analysed article must not make the watcher forget the item.

CREATE TABLE watch_sources (
    source VARCHAR PRIMARY KEY,       -- a feed URL or a folder path, as given
    kind VARCHAR NOT NULL,            -- feed | folder
    every_seconds DOUBLE NOT NULL,    -- the poll interval
    etag VARCHAR,
    last_modified VARCHAR,
    last_poll TIMESTAMP,
    next_poll TIMESTAMP,
    errors INTEGER NOT NULL,          -- consecutive failed polls (backoff grows with them)
    last_error VARCHAR,
    new_items INTEGER NOT NULL,       -- new or corrected items at the last poll
    total_items BIGINT NOT NULL
);

CREATE TABLE watch_items (
    source VARCHAR NOT NULL,
    item VARCHAR NOT NULL,            -- guid or URL of a feed item; path of a file
    fingerprint VARCHAR NOT NULL,     -- hash of the item's feed entry; size and mtime of a file
    articles VARCHAR[],               -- ids of the articles it became (articles.id)
    seen_at TIMESTAMP NOT NULL,
    PRIMARY KEY (source, item)
);
