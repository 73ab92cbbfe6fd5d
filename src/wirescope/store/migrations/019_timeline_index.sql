-- A story's timeline at scale (issue 19): GET /api/timeline reads in full only one page of merged events (by their
-- primary key), the mentions of those events (evidence) and the quotations of the page's articles: by these
-- indexes, a page costs lookups instead of a scan of every mention and quotation (about 90 ms at a million). The
-- indexes are not unique: the aggregation's delete-and-insert rewrite of event_mentions and the re-analysis of an
-- article (its quotations deleted, then written again) work as before.

CREATE INDEX event_mentions_event ON event_mentions (event_id);

-- The primary key (article_id, idx) is not used for a lookup by article alone.
CREATE INDEX quotes_article ON quotes (article_id);
