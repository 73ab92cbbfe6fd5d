-- Story vectors by key id (issue 20, item 4): an incremental run restores the vectors of every story still open at
-- the new articles' dates (1.5 million entries over 126,000 distinct keys at 200k articles), and by key string that
-- read was two joins on strings (the distinct keys of the entries, then their frequencies), and each restored key
-- was hashed again for its place in a story's sums. Now each key of ``story_df`` has a number (``kid``, unique over
-- both kinds, never reused or changed while the key is stored) and its 64-bit hash (``vectors.key_hash``, the order
-- of a story's sums), and ``story_vectors`` holds the number instead of the kind and the key: the read is joins on
-- integers and a restored key's hash is copied. The rows of kinds n, s and c (the corpus size, the settings, the
-- threshold) have no number.
--
-- A store aggregated before this migration keeps its picture: its keys are numbered here, in (kind, key) order, and
-- its vectors rewritten by number (the same stories, weights and frequencies; an incremental run continues as
-- before). Their hashes stay NULL (blake2b is not a DuckDB function): a reader computes the hash of a key stored
-- without one, and a run that changes the key's frequency writes it.

ALTER TABLE story_df ADD COLUMN kid BIGINT;
ALTER TABLE story_df ADD COLUMN hash BIGINT;

-- a vector's key without a stored frequency (none is written so; kept rather than dropped): frequency 0, as a
-- reader takes a key with none
INSERT INTO story_df (kind, key, df)
SELECT DISTINCT v.kind, v.key, 0.0 FROM story_vectors v ANTI JOIN story_df d ON d.kind = v.kind AND d.key = v.key;

UPDATE story_df SET kid = numbered.kid
FROM (SELECT kind, key, row_number() OVER (ORDER BY kind, key) - 1 AS kid FROM story_df WHERE kind IN ('t', 'e'))
    AS numbered
WHERE story_df.kind = numbered.kind AND story_df.key = numbered.key;

CREATE TABLE story_vectors_by_id (
    story_id VARCHAR NOT NULL,
    kid BIGINT NOT NULL,              -- the key: story_df.kid (of a key term or an entity key)
    weight DOUBLE NOT NULL            -- sum of the members' unit tf vectors (idf is applied at comparison time)
);

INSERT INTO story_vectors_by_id
SELECT v.story_id, d.kid, v.weight FROM story_vectors v JOIN story_df d ON d.kind = v.kind AND d.key = v.key;

DROP TABLE story_vectors;
ALTER TABLE story_vectors_by_id RENAME TO story_vectors;
