-- Resolved place mentions (one row per mention; unresolved place mentions have NULL geonameid/lat/lon) and
-- normalised time expressions. Offsets are character offsets into articles.text, half-open [start, end).

CREATE TABLE places (
    article_id VARCHAR NOT NULL,
    idx INTEGER NOT NULL,              -- place mention number within the article
    sentence INTEGER,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    name VARCHAR,                      -- gazetteer name, NULL for a no-match
    geonameid BIGINT,
    lat DOUBLE,
    lon DOUBLE,
    feature VARCHAR,                   -- GeoNames class.code, e.g. P.PPLC, A.PCLI, S.AIRP
    country VARCHAR,                   -- ISO2
    country3 VARCHAR,                  -- ISO3
    admin1 VARCHAR,
    confidence DOUBLE NOT NULL
);

CREATE TABLE times (
    article_id VARCHAR NOT NULL,
    idx INTEGER NOT NULL,
    sentence INTEGER,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    value DATE,                        -- NULL when unresolved (no publication date) or a duration/set
    value_end DATE,
    granularity VARCHAR,               -- time | part-of-day | day | week | month | year | decade | ...
    kind VARCHAR NOT NULL              -- date | range | duration | set
);
