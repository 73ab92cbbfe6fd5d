-- Full-text search index for the HTTP API (an inverted index kept by the writer, see wirescope.store.search).
-- DuckDB's fts extension is not bundled with the duckdb wheel and would be downloaded on first use, which an
-- offline install cannot do; this index gives BM25 ranking in plain SQL. Terms are stored as 64-bit hashes
-- (wirescope.store.search.term_hash): filtering integers is several times faster than comparing strings.

CREATE TABLE article_terms (
    article_id VARCHAR NOT NULL,
    term_hash BIGINT NOT NULL,        -- term_hash(term) of a case-folded word
    tf INTEGER NOT NULL               -- occurrences in title + text
);

CREATE TABLE search_docs (
    article_id VARCHAR NOT NULL,
    length INTEGER NOT NULL           -- number of indexed tokens
);
