-- Story clusterer cache, per placed article (issue 20, item 4): its strongest key terms (sublinear tf, no idf, in
-- the clusterer's order), what the report rule compares a new article with. An incremental run reads these for the
-- recent members of the open stories instead of re-reading and re-tokenising their texts. A store aggregated before
-- this migration has no rows: such members are read from their texts, as before, until the next rebuild.

CREATE TABLE story_member_terms (
    article_id VARCHAR NOT NULL,
    keys VARCHAR[] NOT NULL,          -- the member's strongest key terms
    tfs DOUBLE[] NOT NULL             -- their sublinear term frequencies, in the same order
);
