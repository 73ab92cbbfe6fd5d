-- Dates you can trust (issue 19, item 1): an event dated outside its article's window [published - 60 days,
-- published + 2 days] is flagged historical or planned from the text, or dated by its article; date_note says why.
-- Rows written before this migration have NULL timing, read as 'current', until `wirescope recode --stale`.

ALTER TABLE events ADD COLUMN timing VARCHAR;     -- current | historical | planned
ALTER TABLE events ADD COLUMN date_note VARCHAR;  -- why the window flagged the event or moved its date
