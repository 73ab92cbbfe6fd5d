-- Who reported what (issue 18, item 5): "N reports from M outlets, K independent" for each merged event.
-- num_outlets counts the outlets of the reports as published; num_independent their origins, where a wire copy
-- (a near-duplicate of another report, or a text crediting a wire such as AP, Reuters, AFP) counts once with its
-- wire. Each mention keeps its own article's outlet and the origin it counts for.
-- Rows written before this migration have NULL here until the next `wirescope aggregate --rebuild`.

ALTER TABLE merged_events ADD COLUMN num_outlets INTEGER;
ALTER TABLE merged_events ADD COLUMN num_independent INTEGER;
ALTER TABLE event_mentions ADD COLUMN outlet VARCHAR;
ALTER TABLE event_mentions ADD COLUMN origin VARCHAR;
