-- How each event was coded, and which version of each stage analysed each article (issue 13).
-- trace: ids of the event coder's rules that made or changed the event, in order (`wirescope rules` lists them);
-- dictionary_entries: ids of the dictionary entries used, each a hash of the entry's text ("pattern:6f0c...");
-- stage_version: the events stage version that coded it, a content hash of its rules, lexicons, dictionaries and
-- switched-off rules. Rows written before this migration have NULL here.

ALTER TABLE events ADD COLUMN trace VARCHAR[];
ALTER TABLE events ADD COLUMN dictionary_entries VARCHAR[];
ALTER TABLE events ADD COLUMN stage_version VARCHAR;

-- The stages that analysed each article and their versions (from its provenance, "events@3f2a..."), also for an
-- article without events: `wirescope recode --stale` re-analyses the articles whose versions differ from the
-- installed ones. An analysed article without rows here was stored before this migration, so it is stale.
CREATE TABLE article_stages (
    article_id VARCHAR NOT NULL,
    stage VARCHAR NOT NULL,
    version VARCHAR NOT NULL
);
