-- Quotations with their cue and resolved speaker (one row per quotation per article).
-- Offsets are character offsets into articles.text, half-open [start, end).

CREATE TABLE quotes (
    article_id VARCHAR NOT NULL,
    idx INTEGER NOT NULL,              -- quotation number within the article
    sentence INTEGER,
    type VARCHAR NOT NULL,             -- direct | mixed | indirect | floating | embedded | chant
    text VARCHAR NOT NULL,             -- the pieces joined by a space
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    spans JSON,                        -- [[start, end], ...] when the quotation is in several pieces
    cue_text VARCHAR,
    cue_start INTEGER,
    cue_end INTEGER,
    cue_lemma VARCHAR,
    speaker_text VARCHAR,
    speaker_start INTEGER,
    speaker_end INTEGER,
    speaker_name VARCHAR,
    speaker_entity_id VARCHAR,
    speaker_code VARCHAR,
    confidence DOUBLE NOT NULL,
    PRIMARY KEY (article_id, idx)
);

CREATE INDEX quotes_speaker_name ON quotes (speaker_name);
