-- Who said a quotation (issue 19, item 5): Quote.speaker_status, one of resolved, described, unresolved. A speaker
-- that is a pronoun ("he", "I", "some") and was not resolved to a name is unresolved: never shown as a speaker.
-- Rows written before this migration get the status the record derives (records.Quote.speaker_status; the
-- pronoun list is records.PRONOUNS; tests/test_quote_display.py checks that both agree).

ALTER TABLE quotes ADD COLUMN speaker_status VARCHAR;
UPDATE quotes SET speaker_status = CASE
    WHEN speaker_name IS NOT NULL AND speaker_name <> '' THEN 'resolved'
    WHEN speaker_text IS NULL THEN 'unresolved'
    WHEN trim(regexp_replace(lower(speaker_text), '\s+', ' ', 'g'), ' .,;:') IN ('', 'all', 'another', 'anybody', 'anyone', 'both', 'each', 'everybody', 'everyone', 'few', 'he', 'her', 'him', 'i', 'it', 'many', 'me', 'most', 'no one', 'nobody', 'none', 'one', 'others', 'several', 'she', 'some', 'somebody', 'someone', 'that', 'them', 'these', 'they', 'this', 'those', 'us', 'we', 'which', 'who', 'you') THEN 'unresolved'
    ELSE 'described' END;
