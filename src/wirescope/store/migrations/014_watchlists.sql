-- Watchlists and notifications (issue 18, item 4). A watchlist is a saved filter over merged events; a notification
-- is one (watchlist, merged event or escalation alert) pair, keyed by a stable id, updated in place when later
-- reports arrive. The outbox holds what is still to be delivered by webhook or e-mail, so a delivery that fails is
-- retried at later polls (with backoff) and survives a restart. No secret is stored here: webhook tokens and the
-- SMTP password come from the environment or a config file (SECURITY.md).

CREATE TABLE watchlists (
    name VARCHAR PRIMARY KEY,
    actors VARCHAR[],            -- either side: ISO3 country or code prefix, actor code prefix, or part of a name
    dyads VARCHAR[],             -- SOURCE>TARGET (directed) or A-B (either direction)
    countries VARCHAR[],         -- ISO3 of either actor or the place
    roots VARCHAR[],             -- CAMEO root codes (01-20)
    plover VARCHAR[],            -- PLOVER event classes
    places VARCHAR[],            -- part of a place name, or a GeoNames id
    keywords VARCHAR[],          -- words in a reporting sentence or the article's title
    min_confidence DOUBLE,
    webhook VARCHAR,             -- URL the JSON notifications are POSTed to
    webhook_secret VARCHAR,      -- NAME of the secret (env WIRESCOPE_SECRET_<NAME> or the config file), not its value
    emails VARCHAR[],            -- recipients of e-mail notifications
    max_per_hour INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE notifications (
    id VARCHAR PRIMARY KEY,      -- stable: a hash of (watchlist, kind, subject)
    watchlist VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,       -- event | alert
    subject VARCHAR NOT NULL,    -- the merged event id, or the alert's level:source:target:day
    title VARCHAR NOT NULL,
    summary VARCHAR NOT NULL,
    link VARCHAR,
    confidence DOUBLE,
    num_reports INTEGER NOT NULL,
    num_outlets INTEGER NOT NULL,
    evidence JSON NOT NULL,      -- [{sentence, outlet, url, title, published, confidence}, ...]
    revision INTEGER NOT NULL,   -- 1 when created; +1 at each update by later reports
    digest VARCHAR,              -- the digest it was first delivered in (when over the watchlist's rate cap)
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE notify_outbox (
    id VARCHAR PRIMARY KEY,      -- the idempotency key sent with the delivery
    watchlist VARCHAR NOT NULL,
    channel VARCHAR NOT NULL,    -- webhook | email
    kind VARCHAR NOT NULL,       -- created | updated | digest
    payload JSON NOT NULL,
    status VARCHAR NOT NULL,     -- pending | sent | failed
    attempts INTEGER NOT NULL,
    next_attempt TIMESTAMP,
    last_error VARCHAR,
    created_at TIMESTAMP NOT NULL,
    sent_at TIMESTAMP
);

CREATE TABLE notify_sources (
    source VARCHAR PRIMARY KEY,  -- watch_sources.source
    checked_through TIMESTAMP    -- items seen up to here were matched (or were the backlog of its first poll)
);
