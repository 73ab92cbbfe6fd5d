-- State of the incremental story clusterer, so `wirescope aggregate` adds new articles without re-reading the
-- articles already clustered: each story's term and entity vectors and date range, and the document frequencies.

CREATE TABLE story_vectors (
    story_id VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,            -- t: key term | e: entity, actor or place
    key VARCHAR NOT NULL,
    weight DOUBLE NOT NULL            -- sum of the members' unit tf vectors (idf is applied at comparison time)
);

CREATE TABLE story_df (
    kind VARCHAR NOT NULL,            -- t | e | n (the number of documents, in df; key '')
    key VARCHAR NOT NULL,
    df BIGINT NOT NULL
);
