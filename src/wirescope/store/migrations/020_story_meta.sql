-- State of the incremental story clusterer, per story (issue 20, item 4): the norms of its vectors cached with the
-- corpus size they were computed at, and whether it is still a chain of reports at most max_gap_days apart. Saved so
-- an incremental run decides exactly as one run over all articles would, and rewrites only the stories it changed.
-- A store aggregated before this migration has no rows: its stories' norms are computed afresh when next compared.
-- The clusterer's document frequencies are weighted (each document adds its sublinear tf, a float): saved as DOUBLE,
-- so a continued run adds to exactly the values one long run would have (they were rounded to integers before).

ALTER TABLE story_df ALTER COLUMN df TYPE DOUBLE;

CREATE TABLE story_meta (
    story_id VARCHAR NOT NULL,
    norm_t DOUBLE NOT NULL,           -- norm of the key-term vector with idf applied
    norm_e DOUBLE NOT NULL,           -- norm of the entity vector with idf applied
    norm_at BIGINT NOT NULL,          -- corpus size when the norms were computed (-1: not yet)
    chained BOOLEAN NOT NULL          -- no gap of more than max_gap_days between its dated members
);
