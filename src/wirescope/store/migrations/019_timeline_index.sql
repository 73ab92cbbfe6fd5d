-- A story's timeline at scale (issue 19): GET /api/timeline reads the full rows of one page of merged events and
-- the mentions (evidence) of those events only. Merged events are found by their primary key; their mentions by
-- this index, so a page costs index lookups instead of a scan of every mention (about 90 ms at a million). The
-- index is not unique: the aggregation's delete-and-insert rewrite of event_mentions keeps working as before.

CREATE INDEX event_mentions_event ON event_mentions (event_id);
