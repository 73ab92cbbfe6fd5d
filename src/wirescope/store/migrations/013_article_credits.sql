-- Bylines and wire credits read from an article's text at ingest (issue 17, item 4), before the analysis masks
-- them: byline is the names of a "By ..." line as written; wires the news agencies credited for the text (a
-- dateline's "(AP)", a byline's "Reuters", "AFP contributed to this report"), by their names in
-- data/hygiene/wires.tsv. Live monitoring counts independent wire origins from wires.
-- Rows written before this migration have NULL here.

ALTER TABLE articles ADD COLUMN byline VARCHAR;
ALTER TABLE articles ADD COLUMN wires VARCHAR[];
