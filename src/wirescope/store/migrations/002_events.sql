-- Coded political events (one row per event per article; repeated mentions are in `mentions`).
-- Offsets are character offsets into articles.text, half-open [start, end).

CREATE TABLE events (
    article_id VARCHAR NOT NULL,
    idx INTEGER NOT NULL,              -- event number within the article
    sentence INTEGER NOT NULL,
    code VARCHAR NOT NULL,             -- CAMEO code, 3-4 digits
    root_code VARCHAR NOT NULL,
    base_code VARCHAR NOT NULL,
    quad_class INTEGER NOT NULL,       -- 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    goldstein DOUBLE NOT NULL,
    plover VARCHAR,
    plover_mode VARCHAR,
    plover_context VARCHAR,
    modality VARCHAR NOT NULL,         -- asserted | threatened | hypothetical | negated | reported
    confidence DOUBLE NOT NULL,
    date DATE,
    date_source VARCHAR,
    trigger_text VARCHAR NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    source_text VARCHAR,
    source_start INTEGER,
    source_end INTEGER,
    source_name VARCHAR,
    source_entity_id VARCHAR,
    source_code VARCHAR,
    source_country VARCHAR,
    target_text VARCHAR,
    target_start INTEGER,
    target_end INTEGER,
    target_name VARCHAR,
    target_entity_id VARCHAR,
    target_code VARCHAR,
    target_country VARCHAR,
    place_name VARCHAR,
    place_geonameid BIGINT,
    place_lat DOUBLE,
    place_lon DOUBLE,
    place_country3 VARCHAR,
    place_source VARCHAR,
    mentions INTEGER[],
    sentence_text VARCHAR
);
