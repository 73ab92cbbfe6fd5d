-- Term counts stored at ingest (issue 20, item 4): story clustering read every article's text and tokenised it
-- again at each aggregation (about a fifth of a placed article's CPU at the 200k density). The writer now stores
-- the title's and the text's term counts with the article (wirescope.ingest.terms.encode_counts, tagged with the
-- tokeniser that made them); the aggregation reads them instead, and tokenises an article whose counts are NULL
-- (stored before this migration) or carry another tokeniser's tag. The same counts either way: the stories do not
-- change, and no rebuild is needed.

ALTER TABLE articles ADD COLUMN terms VARCHAR;
