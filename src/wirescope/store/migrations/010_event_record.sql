-- The events row describes the whole Event record (see wirescope.store.tables.EVENTS), so the reader gives back
-- what the writer was given: the actors' role codes and the event place's mention and gazetteer details.
-- Rows written before this migration have NULL here; the reader then falls back as it did before.

ALTER TABLE events ADD COLUMN source_roles VARCHAR[];   -- CAMEO role codes of the source actor (GOV, MIL, ...)
ALTER TABLE events ADD COLUMN target_roles VARCHAR[];
ALTER TABLE events ADD COLUMN place_text VARCHAR;       -- the place mention as written
ALTER TABLE events ADD COLUMN place_start INTEGER;
ALTER TABLE events ADD COLUMN place_end INTEGER;
ALTER TABLE events ADD COLUMN place_sentence INTEGER;
ALTER TABLE events ADD COLUMN place_feature VARCHAR;    -- GeoNames feature class.code
ALTER TABLE events ADD COLUMN place_country VARCHAR;    -- ISO 3166 alpha-2
ALTER TABLE events ADD COLUMN place_admin1 VARCHAR;
ALTER TABLE events ADD COLUMN place_confidence DOUBLE;
ALTER TABLE events ADD COLUMN place_match VARCHAR;      -- how the gazetteer matched: name, alternate, alias, ...
