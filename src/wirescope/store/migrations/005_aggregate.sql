-- The situation picture: events merged across articles, their mentions, story clusters, the escalation index.
-- Rebuilt by `wirescope aggregate`; incremental runs keep merged-event and story ids and add new articles to them.

CREATE TABLE merged_events (
    id VARCHAR PRIMARY KEY,
    date DATE,
    code VARCHAR NOT NULL,
    root_code VARCHAR NOT NULL,
    base_code VARCHAR NOT NULL,
    quad_class INTEGER NOT NULL,
    goldstein DOUBLE NOT NULL,
    modality VARCHAR NOT NULL,
    source_text VARCHAR,
    source_name VARCHAR,
    source_entity_id VARCHAR,
    source_code VARCHAR,
    source_country VARCHAR,
    target_text VARCHAR,
    target_name VARCHAR,
    target_entity_id VARCHAR,
    target_code VARCHAR,
    target_country VARCHAR,
    place_name VARCHAR,
    place_geonameid BIGINT,
    place_lat DOUBLE,
    place_lon DOUBLE,
    place_country3 VARCHAR,
    confidence DOUBLE NOT NULL,       -- 1 - prod(1 - best confidence per source)
    num_mentions INTEGER NOT NULL,
    num_articles INTEGER NOT NULL,
    num_sources INTEGER NOT NULL,     -- near-duplicates count with their original's source
    first_seen DATE,
    last_seen DATE,
    first_article VARCHAR NOT NULL,
    first_url VARCHAR,
    is_root_event BOOLEAN NOT NULL
);

-- One row per sentence reporting a merged event. `article_id` makes re-analysis drop an article's mentions; the next
-- `wirescope aggregate` merges the new events again.
CREATE TABLE event_mentions (
    event_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    sentence INTEGER NOT NULL,
    code VARCHAR NOT NULL,
    confidence DOUBLE NOT NULL,
    modality VARCHAR NOT NULL,
    date DATE,
    published DATE,
    source_key VARCHAR NOT NULL,
    trigger_start INTEGER NOT NULL,   -- -1 for repeated mentions of the event later in the same article
    source_start INTEGER,
    target_start INTEGER,
    sentence_text VARCHAR,
    url VARCHAR,
    duplicate_of VARCHAR,             -- set when the mention comes from a near-duplicate article
    doc_length INTEGER
);

CREATE TABLE stories (
    id VARCHAR PRIMARY KEY,
    title VARCHAR NOT NULL,
    summary VARCHAR NOT NULL,
    size INTEGER NOT NULL,
    first_date DATE,
    last_date DATE,
    top_terms VARCHAR[],
    top_entities VARCHAR[],
    top_actors VARCHAR[],
    top_places VARCHAR[],
    sources VARCHAR[]
);

CREATE TABLE story_articles (
    story_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    score DOUBLE NOT NULL,            -- similarity to the story when the article joined it
    started BOOLEAN NOT NULL          -- the article started the story
);

CREATE TABLE escalation (
    level VARCHAR NOT NULL,           -- country | actor
    source VARCHAR NOT NULL,
    target VARCHAR NOT NULL,
    day DATE NOT NULL,
    events INTEGER NOT NULL,
    mentions INTEGER NOT NULL,
    weight DOUBLE NOT NULL,
    goldstein_sum DOUBLE NOT NULL,
    goldstein_mean DOUBLE NOT NULL,
    verbal_cooperation DOUBLE NOT NULL,
    material_cooperation DOUBLE NOT NULL,
    verbal_conflict DOUBLE NOT NULL,
    material_conflict DOUBLE NOT NULL,
    index_value DOUBLE NOT NULL,      -- see wirescope.aggregate.escalation for the formula
    baseline DOUBLE NOT NULL,
    z DOUBLE NOT NULL,
    alert BOOLEAN NOT NULL,
    event_ids VARCHAR[]
);

CREATE TABLE alerts (
    level VARCHAR NOT NULL,
    source VARCHAR NOT NULL,
    target VARCHAR NOT NULL,
    day DATE NOT NULL,
    index_value DOUBLE NOT NULL,
    baseline DOUBLE NOT NULL,
    z DOUBLE NOT NULL,
    driving_events VARCHAR[],
    reason VARCHAR NOT NULL
);
