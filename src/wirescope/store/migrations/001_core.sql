-- Core schema: runs, articles, sentences, entity mentions, per-article entities, failures.
-- Offsets are character offsets into articles.text, half-open [start_char, end_char).

CREATE TABLE runs (
    id VARCHAR PRIMARY KEY,
    pipeline_version VARCHAR NOT NULL,
    model VARCHAR NOT NULL,
    settings JSON,
    started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    status VARCHAR NOT NULL,          -- running | finished | interrupted
    counts JSON
);

CREATE TABLE articles (
    id VARCHAR PRIMARY KEY,           -- hash of the normalised text
    title VARCHAR,
    text VARCHAR NOT NULL,
    published DATE,
    published_source VARCHAR NOT NULL,
    source VARCHAR,
    url VARCHAR,
    author VARCHAR,
    language VARCHAR,
    input VARCHAR,
    input_format VARCHAR,
    raw VARCHAR,
    status VARCHAR NOT NULL,          -- analysed | near-duplicate | not-english
    duplicate_of VARCHAR,             -- original article id for near-duplicates
    similarity DOUBLE,                -- estimated Jaccard similarity to duplicate_of
    minhash BLOB,                     -- MinHash signature for near-duplicate search in later runs
    pipeline_version VARCHAR,
    model VARCHAR,
    run_id VARCHAR,
    ingested_at TIMESTAMP NOT NULL
);

CREATE TABLE sentences (
    article_id VARCHAR NOT NULL,
    idx INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL
);

CREATE TABLE article_entities (
    article_id VARCHAR NOT NULL,
    entity_id VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    type VARCHAR NOT NULL,
    aliases VARCHAR[],
    mention_count INTEGER NOT NULL
);

CREATE TABLE mentions (
    article_id VARCHAR NOT NULL,
    entity_id VARCHAR NOT NULL,
    sentence INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    label VARCHAR NOT NULL
);

CREATE TABLE failures (
    run_id VARCHAR,
    item VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    stage VARCHAR NOT NULL,
    failed_at TIMESTAMP NOT NULL
);

-- The corpus-wide entity table: one row per canonical entity across all articles.
CREATE VIEW entities AS
SELECT
    entity_id AS id,
    arg_max(name, mention_count) AS name,
    arg_max(type, mention_count) AS type,
    list_sort(list_distinct(flatten(list(aliases)))) AS aliases,
    sum(mention_count)::BIGINT AS mention_count,
    count(DISTINCT article_id)::BIGINT AS article_count
FROM article_entities
GROUP BY entity_id;
