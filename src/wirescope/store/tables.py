"""The specs of the per-article tables and of the core tables (see :mod:`wirescope.store.spec`).

``analysis_rows`` turns an ``Analysis`` into rows of every per-article table; ``Store.write`` replaces an article's
rows in all of them in one transaction. The aggregate tables' specs are in :mod:`wirescope.aggregate.tables`.
Offsets are character offsets into ``articles.text``, half-open ``[start, end)``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..records import (
    ARTICLE_STATUSES,
    DATE_SOURCES,
    EVENT_DATE_SOURCES,
    EVENT_TIMINGS,
    MODALITIES,
    PLACE_SOURCES,
    QUAD_CLASSES,
    QUOTE_TYPES,
    SPEAKER_STATUSES,
    TIME_KINDS,
    Analysis,
    Event,
    Mention,
    Place,
    Quote,
    Sentence,
    Span,
    TimeRef,
)
from . import search
from .spec import ISO_DATE, SEQUENCE, Codec, Column, TableSpec, col

ARTICLE_ID = "id of the article (articles.id)"


def _actor(side: str, what: str) -> tuple[Column, ...]:
    return (
        col(f"{side}_text", "VARCHAR", f"the {what} as written in the sentence", path=f"{side}.text"),
        col(f"{side}_start", "INTEGER", f"character offset where the {what} starts", path=f"{side}.start"),
        col(f"{side}_end", "INTEGER", f"character offset where the {what} ends", path=f"{side}.end"),
        col(f"{side}_name", "VARCHAR", f"canonical name of the {what} (its entity's or the dictionary's)",
            path=f"{side}.name"),
        col(f"{side}_entity_id", "VARCHAR", f"corpus-wide entity id of the {what}", path=f"{side}.entity_id"),
        col(f"{side}_code", "VARCHAR", f"CAMEO actor code of the {what}, country then roles (USAGOV, IRNMIL)",
            path=f"{side}.code"),
        col(f"{side}_country", "VARCHAR", f"ISO 3166 alpha-3 country of the {what}; null for non-state actors",
            path=f"{side}.country"),
    )


def _roles(side: str, what: str) -> Column:
    return col(f"{side}_roles", "VARCHAR[]", f"CAMEO role codes of the {what} (GOV, MIL, REB, ...)",
               path=f"{side}.roles", codec=SEQUENCE)


def _place(what: str) -> tuple[Column, ...]:
    return (
        col("place_name", "VARCHAR", f"gazetteer name of the place of the {what}", path="place.name"),
        col("place_geonameid", "BIGINT", f"GeoNames id of the place of the {what}", path="place.geonameid"),
        col("place_lat", "DOUBLE", f"latitude of the place of the {what} (WGS84 degrees)", path="place.lat"),
        col("place_lon", "DOUBLE", f"longitude of the place of the {what} (WGS84 degrees)", path="place.lon"),
        col("place_country3", "VARCHAR", f"ISO 3166 alpha-3 country of the place of the {what}",
            path="place.country3"),
    )


def event_code_columns(what: str = "event") -> tuple[Column, ...]:
    """The CAMEO columns every event table has (per-article and merged)."""
    quads = "; ".join(f"{k} {v}" for k, v in QUAD_CLASSES.items())
    return (
        col("code", "VARCHAR", f"CAMEO code of the {what}, 3-4 digits (190: use conventional military force)",
            null=False),
        col("root_code", "VARCHAR", "CAMEO root code: the first two digits (01-20)", null=False),
        col("base_code", "VARCHAR", "CAMEO base code: the first three digits", null=False),
        col("quad_class", "INTEGER", f"CAMEO quad class: {quads}", null=False, choices=QUAD_CLASSES),
        col("goldstein", "DOUBLE", "Goldstein scale of the code, -10 (most conflictual) to +10 (most cooperative)",
            null=False),
    )


EVENT_ACTOR_COLUMNS = (*_actor("source", "source actor (who acts)"), *_actor("target", "target actor (acted upon)"))

EVENTS = TableSpec(
    "events",
    "Coded political events, one row per event per article (repeated mentions in the article are in `mentions`).",
    (
        col("article_id", "VARCHAR", ARTICLE_ID, null=False),
        col("idx", "INTEGER", "event number within the article", null=False, path=None),
        col("sentence", "INTEGER", "index of the sentence that reports the event (-1: the article's title given "
            "apart from its text; the trigger's and actors' offsets are then into the title)", null=False),
        *event_code_columns(),
        col("plover", "VARCHAR", "PLOVER event class (ASSAULT, THREATEN, ...)"),
        col("plover_mode", "VARCHAR", "PLOVER mode of the event class"),
        col("plover_context", "VARCHAR", "PLOVER context of the event"),
        col("modality", "VARCHAR", "how certain the text is that the event happened: " + ", ".join(MODALITIES),
            null=False, choices=MODALITIES),
        col("confidence", "DOUBLE", "confidence of the coding, 0-1", null=False),
        col("date", "DATE", "date of the event", codec=ISO_DATE),
        col("date_source", "VARCHAR", "how the date was chosen: " + ", ".join(EVENT_DATE_SOURCES),
            choices=EVENT_DATE_SOURCES),
        col("trigger_text", "VARCHAR", "the word(s) that express the event (the trigger)", null=False,
            path="trigger.text"),
        col("trigger_start", "INTEGER", "character offset where the trigger starts", null=False,
            path="trigger.start"),
        col("trigger_end", "INTEGER", "character offset where the trigger ends", null=False, path="trigger.end"),
        *EVENT_ACTOR_COLUMNS,
        *_place("event"),
        col("place_source", "VARCHAR", "how the place was chosen, most precise first: " + ", ".join(PLACE_SOURCES),
            choices=PLACE_SOURCES),
        col("mentions", "INTEGER[]", "sentence indexes of repeated mentions of the same event in the article (-1: "
            "the title given apart from the text)",
            codec=SEQUENCE),
        col("sentence_text", "VARCHAR", "text of the sentence that reports the event (the evidence)"),
        # 008_event_trace: how the event was coded (issue 13)
        col("trace", "VARCHAR[]", "ids of the event coder's rules that made or changed the event, in order "
            "(`wirescope rules` lists them)", codec=SEQUENCE),
        col("dictionary_entries", "VARCHAR[]", "ids of the dictionary entries used, each a hash of the entry's text",
            codec=SEQUENCE),
        col("stage_version", "VARCHAR", "version of the events stage that coded the event: a content hash of its "
            "rules, lexicons, dictionaries and switched-off rules"),
        # 010_event_record: the rest of the record, so that the reader gives back what the writer was given.
        _roles("source", "source actor"),
        _roles("target", "target actor"),
        col("place_text", "VARCHAR", "the mention of the event's place as written", path="place.text"),
        col("place_start", "INTEGER", "character offset where the place mention starts", path="place.start"),
        col("place_end", "INTEGER", "character offset where the place mention ends", path="place.end"),
        col("place_sentence", "INTEGER", "index of the sentence of the place mention", path="place.sentence"),
        col("place_feature", "VARCHAR", "GeoNames feature class.code of the place (P.PPLC, A.PCLI, S.AIRP, ...)",
            path="place.feature"),
        col("place_country", "VARCHAR", "ISO 3166 alpha-2 country of the place", path="place.country"),
        col("place_admin1", "VARCHAR", "first-level administrative division code of the place", path="place.admin1"),
        col("place_confidence", "DOUBLE", "confidence of the place's resolution, 0-1", path="place.confidence"),
        col("place_match", "VARCHAR", "how the place matched the gazetteer: name, alternate, alias, demonym, ...",
            path="place.match"),
        # 015_event_timing: news of the day or not, by the article's window (issue 19); NULL in older rows: current
        col("timing", "VARCHAR", "news of the day or not: " + ", ".join(EVENT_TIMINGS) + "; an event dated outside "
            "its article's window (60 days before publication to 2 days after) is historical or planned",
            choices=EVENT_TIMINGS),
        col("date_note", "VARCHAR", "why the article's window flagged the event or moved its date, if it did"),
    ),
    key=("article_id", "idx"),
    record=Event,
    per_article=True,
    # Rows written before 010_event_record hold the place's identity and position, not the mention's span; an
    # actor known only by its code has no span either.
    fill={("place", "start"): lambda r: 0, ("place", "end"): lambda r: 0,
          ("place", "text"): lambda r: r.get("place_name") or "",
          **{(side, f): (lambda r: 0) for side in ("source", "target") for f in ("start", "end")},
          **{(side, "text"): (lambda r: "") for side in ("source", "target")}},
)


def _spans_json(spans: tuple[Span, ...]) -> str | None:
    import json

    return json.dumps([[s.start, s.end] for s in spans]) if spans else None


def _spans(value: Any) -> tuple[Span, ...]:
    import json

    pairs = json.loads(value) if isinstance(value, str) else value or []
    return tuple(Span(int(s), int(e), "") for s, e in pairs)


# The pieces of a discontinuous quotation are stored as offsets; their text is ``articles.text[start:end]``.
SPANS = Codec("spans", _spans_json, _spans)

QUOTES = TableSpec(
    "quotes",
    "Quotations with their cue and resolved speaker, one row per quotation per article.",
    (
        col("article_id", "VARCHAR", ARTICLE_ID, null=False),
        col("idx", "INTEGER", "quotation number within the article", null=False, path=None),
        col("sentence", "INTEGER", "index of the sentence where the quotation starts"),
        col("type", "VARCHAR", "kind of quotation: " + ", ".join(QUOTE_TYPES), null=False, choices=QUOTE_TYPES),
        col("text", "VARCHAR", "the quoted content (pieces joined by a space)", null=False),
        col("start", "INTEGER", "character offset where the quotation starts (all pieces)", null=False),
        col("end", "INTEGER", "character offset where the quotation ends (all pieces)", null=False),
        col("spans", "JSON", "[[start, end], ...] of the pieces when the quotation is discontinuous", codec=SPANS),
        col("cue_text", "VARCHAR", "the cue (said, told, according to ...) as written", path="cue.text"),
        col("cue_start", "INTEGER", "character offset where the cue starts", path="cue.start"),
        col("cue_end", "INTEGER", "character offset where the cue ends", path="cue.end"),
        col("cue_lemma", "VARCHAR", "lemma of the cue verb"),
        col("speaker_text", "VARCHAR", "the speaker as written", path="speaker.text"),
        col("speaker_start", "INTEGER", "character offset where the speaker mention starts", path="speaker.start"),
        col("speaker_end", "INTEGER", "character offset where the speaker mention ends", path="speaker.end"),
        col("speaker_name", "VARCHAR", "resolved canonical name of the speaker", path="speaker.name"),
        col("speaker_entity_id", "VARCHAR", "corpus-wide entity id of the speaker", path="speaker.entity_id"),
        col("speaker_code", "VARCHAR", "CAMEO actor code of the speaker", path="speaker.code"),
        col("confidence", "DOUBLE", "confidence of the extraction and attribution, 0-1", null=False),
        # 012_quote_trace: how the quotation was found (issue 16)
        col("trace", "VARCHAR[]", "ids of the quotation extractor's rules that made the quotation, in order "
            "(quotes.*, docs/quotes.md)", codec=SEQUENCE),
        # 018_speaker_status (issue 19): a pronoun whose antecedent was not found is no speaker
        col("speaker_status", "VARCHAR", "who said it, as far as the article tells: " + ", ".join(SPEAKER_STATUSES)
            + " (resolved: a named speaker; described: a phrase naming nobody, e.g. officials; unresolved: no "
            "speaker found, or a pronoun such as he or I whose antecedent was not found: show no speaker)",
            get=lambda q: q.speaker_status, choices=SPEAKER_STATUSES),
    ),
    key=("article_id", "idx"),
    record=Quote,
    per_article=True,
)

PLACES = TableSpec(
    "places",
    "Place mentions resolved against the gazetteer (unresolved mentions have null geonameid, lat and lon).",
    (
        col("article_id", "VARCHAR", ARTICLE_ID, null=False, path=None),
        col("idx", "INTEGER", "place mention number within the article", null=False, path=None),
        col("sentence", "INTEGER", "index of the sentence of the mention"),
        col("start_char", "INTEGER", "character offset where the mention starts", null=False, path="start"),
        col("end_char", "INTEGER", "character offset where the mention ends", null=False, path="end"),
        col("text", "VARCHAR", "the place as written", null=False),
        col("name", "VARCHAR", "gazetteer name; null when nothing matched"),
        col("geonameid", "BIGINT", "GeoNames id"),
        col("lat", "DOUBLE", "latitude (WGS84 degrees)"),
        col("lon", "DOUBLE", "longitude (WGS84 degrees)"),
        col("feature", "VARCHAR", "GeoNames feature class.code, e.g. P.PPLC (capital), A.PCLI (country), S.AIRP"),
        col("country", "VARCHAR", "ISO 3166 alpha-2 country"),
        col("country3", "VARCHAR", "ISO 3166 alpha-3 country"),
        col("admin1", "VARCHAR", "first-level administrative division code"),
        col("confidence", "DOUBLE", "confidence of the resolution, 0-1", null=False),
    ),
    key=("article_id", "idx"),
    record=Place,
    per_article=True,
)

TIMES = TableSpec(
    "times",
    "Normalised time expressions.",
    (
        col("article_id", "VARCHAR", ARTICLE_ID, null=False, path=None),
        col("idx", "INTEGER", "time expression number within the article", null=False, path=None),
        col("sentence", "INTEGER", "index of the sentence of the expression"),
        col("start_char", "INTEGER", "character offset where the expression starts", null=False, path="start"),
        col("end_char", "INTEGER", "character offset where the expression ends", null=False, path="end"),
        col("text", "VARCHAR", "the expression as written", null=False),
        col("value", "DATE", "the date it denotes; null when unresolved or a duration or set", codec=ISO_DATE),
        col("value_end", "DATE", "last day of a range", codec=ISO_DATE),
        col("granularity", "VARCHAR", "time | part-of-day | day | week | month | year | decade | ..."),
        col("kind", "VARCHAR", "kind of expression: " + ", ".join(TIME_KINDS), null=False, choices=TIME_KINDS),
    ),
    key=("article_id", "idx"),
    record=TimeRef,
    per_article=True,
)

SENTENCES = TableSpec(
    "sentences",
    "Sentence boundaries of analysed articles.",
    (
        col("article_id", "VARCHAR", ARTICLE_ID, null=False),
        col("idx", "INTEGER", "sentence number within the article", null=False, path="index"),
        col("start_char", "INTEGER", "character offset where the sentence starts", null=False, path="start"),
        col("end_char", "INTEGER", "character offset where the sentence ends", null=False, path="end"),
    ),
    key=("article_id", "idx"),
    record=Sentence,
    per_article=True,
)

ARTICLE_ENTITIES = TableSpec(
    "article_entities",
    "Entities of each article: mentions of one real-world thing grouped under a canonical name.",
    (
        col("article_id", "VARCHAR", ARTICLE_ID, null=False, path=None),
        col("entity_id", "VARCHAR", "corpus-wide entity id (hash of type and canonical name)", null=False, path="id"),
        col("name", "VARCHAR", "canonical name", null=False),
        col("type", "VARCHAR", "entity type: PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, ...", null=False),
        col("aliases", "VARCHAR[]", "other spellings found in the article", codec=SEQUENCE),
        col("mention_count", "INTEGER", "number of mentions in the article", null=False,
            get=lambda e: len(e.mentions)),
    ),
    key=("article_id", "entity_id"),
    per_article=True,
)

MENTIONS = TableSpec(
    "mentions",
    "Named-entity mentions.",
    (
        col("article_id", "VARCHAR", ARTICLE_ID, null=False),
        col("entity_id", "VARCHAR", "the entity the mention belongs to (article_entities.entity_id)", null=False,
            path=None),
        col("sentence", "INTEGER", "index of the sentence of the mention", null=False),
        col("start_char", "INTEGER", "character offset where the mention starts", null=False, path="start"),
        col("end_char", "INTEGER", "character offset where the mention ends", null=False, path="end"),
        col("text", "VARCHAR", "the mention as written", null=False),
        col("label", "VARCHAR", "named-entity label (PERSON, ORG, GPE, NORP, ...)", null=False),
    ),
    key=("article_id", "start_char"),
    record=Mention,
    per_article=True,
)

ARTICLES = TableSpec(
    "articles",
    "Articles as ingested: normalised text, metadata, the raw input, and what the writer did with them.",
    (
        col("id", "VARCHAR", "stable article id: hash of the normalised text", null=False),
        col("title", "VARCHAR", "headline"),
        col("text", "VARCHAR", "normalised text; every offset points into it", null=False),
        col("published", "DATE", "publication date; null when unknown (never the ingest date)"),
        col("published_source", "VARCHAR", "how the date was found: " + ", ".join(DATE_SOURCES), null=False,
            choices=DATE_SOURCES),
        col("source", "VARCHAR", "outlet or site name"),
        col("url", "VARCHAR", "address of the article"),
        col("author", "VARCHAR", "author(s) as given"),
        col("byline", "VARCHAR", "names of the text's \"By ...\" line as written, read before the analysis masks it"),
        col("wires", "VARCHAR[]", "news agencies credited for the text (dateline, byline, credit line), by their "
            "names in data/hygiene/wires.tsv (AP, Reuters, AFP, ...)", codec=SEQUENCE),
        col("language", "VARCHAR", "ISO 639-1 language code; null when undetectable"),
        col("input", "VARCHAR", "where it was read from: a path, path:line, a URL or <stdin>"),
        col("input_format", "VARCHAR", "text | jsonl | json | csv | html | feed | parquet | warc"),
        col("raw", "VARCHAR", "the raw input record as read, kept for re-processing"),
        col("status", "VARCHAR", "what was done with it: " + ", ".join(ARTICLE_STATUSES), null=False, path=None,
            choices=ARTICLE_STATUSES),
        col("duplicate_of", "VARCHAR", "for a near-duplicate: the original article's id", path=None),
        col("similarity", "DOUBLE", "for a near-duplicate: estimated Jaccard similarity to the original", path=None),
        col("minhash", "BLOB", "MinHash signature for near-duplicate search in later runs", path=None),
        col("pipeline_version", "VARCHAR", "wirescope version that analysed it", path=None),
        col("model", "VARCHAR", "spaCy pipeline that analysed it", path=None),
        col("run_id", "VARCHAR", "the ingest run that stored it (runs.id)", path=None),
        col("ingested_at", "TIMESTAMP", "when it was stored (UTC)", null=False, path=None),
        col("terms", "VARCHAR", "the title's and text's term counts for story clustering, made when stored "
            "(ingest.terms.encode_counts: a tokeniser tag, then term-count pairs); null in stores older than "
            "023_article_terms", path=None),
    ),
    key=("id",),
)

RUNS = TableSpec(
    "runs",
    "Ingest runs.",
    (
        col("id", "VARCHAR", "id of the ingest run", null=False, path=None),
        col("pipeline_version", "VARCHAR", "wirescope version", null=False, path=None),
        col("model", "VARCHAR", "spaCy pipeline", null=False, path=None),
        col("settings", "JSON", "the settings of the run", path=None),
        col("started_at", "TIMESTAMP", "when the run started (UTC)", null=False, path=None),
        col("finished_at", "TIMESTAMP", "end (UTC); null while running or when interrupted", path=None),
        col("status", "VARCHAR", "running | finished | interrupted", null=False, path=None),
        col("counts", "JSON", "what the run did: articles read, stored, skipped, failed", path=None),
    ),
    key=("id",),
)

FAILURES = TableSpec(
    "failures",
    "Input items that could not be ingested or analysed, with the reason.",
    (
        col("run_id", "VARCHAR", "the ingest run (runs.id)", path=None),
        col("item", "VARCHAR", "the item: a path, path:line or URL", null=False),
        col("reason", "VARCHAR", "what went wrong, and how to fix it", null=False),
        col("stage", "VARCHAR", "where it failed: ingest or a stage name", null=False),
        col("failed_at", "TIMESTAMP", "when it failed (UTC)", null=False, path=None),
    ),
)

ENTITIES = TableSpec(
    "entities",
    "Canonical entities across the corpus (a view over article_entities).",
    (
        col("id", "VARCHAR", "corpus-wide entity id"),
        col("name", "VARCHAR", "the most mentioned canonical name"),
        col("type", "VARCHAR", "entity type: PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, ..."),
        col("aliases", "VARCHAR[]", "other spellings across the corpus"),
        col("mention_count", "BIGINT", "mentions across the corpus"),
        col("article_count", "BIGINT", "articles that mention it"),
    ),
    key=("id",),
    view=True,
)

ARTICLE_TERMS = TableSpec(
    "article_terms",
    "Full-text index postings (see wirescope.store.search).",
    (
        col("article_id", "VARCHAR", ARTICLE_ID, null=False, path=None),
        col("term_hash", "BIGINT", "term_hash(term) of a case-folded word", null=False, path=None),
        col("tf", "INTEGER", "occurrences in title and text", null=False, path=None),
    ),
    per_article=True,
)

SEARCH_DOCS = TableSpec(
    "search_docs",
    "Indexed length of each article, for BM25.",
    (
        col("article_id", "VARCHAR", ARTICLE_ID, null=False, path=None),
        col("length", "INTEGER", "number of indexed tokens", null=False, path=None),
    ),
    key=("article_id",),
    per_article=True,
)

ARTICLE_STAGES = TableSpec(  # 008_event_trace
    "article_stages",
    "The stages that analysed each article and their versions; `wirescope recode --stale` re-analyses the articles "
    "whose versions differ from the installed ones.",
    (
        col("article_id", "VARCHAR", ARTICLE_ID, null=False, path=None),
        col("stage", "VARCHAR", "stage name (entities, events, quotes, ...)", null=False, path=None),
        col("version", "VARCHAR", "stage version (for the events stage a content hash of its rules and lexicons)",
            null=False, path=None),
    ),
    per_article=True,
)

WATCH_SOURCES = TableSpec(  # 011_watch; written and read by wirescope.watch.state
    "watch_sources",
    "Sources of `wirescope watch` (feeds and folders): validators, schedule and errors, so a watcher resumes.",
    (
        col("source", "VARCHAR", "a feed URL or a folder path, as given", null=False, path=None),
        col("kind", "VARCHAR", "feed | folder", null=False, path=None),
        col("every_seconds", "DOUBLE", "poll interval in seconds", null=False, path=None),
        col("etag", "VARCHAR", "ETag of the feed's last answer, sent back as If-None-Match", path=None),
        col("last_modified", "VARCHAR", "Last-Modified of the feed's last answer, sent back as If-Modified-Since",
            path=None),
        col("last_poll", "TIMESTAMP", "when it was last polled (UTC)", path=None),
        col("next_poll", "TIMESTAMP", "when it is due next (UTC), later after errors (backoff)", path=None),
        col("errors", "INTEGER", "consecutive failed polls", null=False, path=None),
        col("last_error", "VARCHAR", "what went wrong at the last failed poll", path=None),
        col("new_items", "INTEGER", "new or corrected items taken at the last poll", null=False, path=None),
        col("total_items", "BIGINT", "items taken since the source was first watched", null=False, path=None),
    ),
    key=("source",),
)

WATCH_ITEMS = TableSpec(  # 011_watch
    "watch_items",
    "Items `wirescope watch` has taken: a feed item (by guid or URL) or a watched file, and the articles it became.",
    (
        col("source", "VARCHAR", "the source it came from (watch_sources.source)", null=False, path=None),
        col("item", "VARCHAR", "identity: guid or URL of a feed item, path of a file", null=False, path=None),
        col("fingerprint", "VARCHAR", "hash of the feed entry, or size and mtime of the file; a change is a "
            "correction that replaces the item's articles", null=False, path=None),
        col("articles", "VARCHAR[]", "ids of the articles it became (articles.id)", path=None),
        col("seen_at", "TIMESTAMP", "when it was taken (UTC)", null=False, path=None),
    ),
    key=("source", "item"),
)

# 014_watchlists; written and read by wirescope.watch.watchlists and wirescope.watch.notify (records there).
WATCHLISTS = TableSpec(
    "watchlists",
    "Saved filters over merged events; new matches (and escalation alerts on a watched dyad) are notified.",
    (
        col("name", "VARCHAR", "the watchlist's name", null=False, path=None),
        col("actors", "VARCHAR[]", "actors on either side: ISO3 country or code prefix, actor code, or part of a "
            "name", codec=SEQUENCE, path=None),
        col("dyads", "VARCHAR[]", "SOURCE>TARGET (directed) or A-B (either direction), sides as for actors",
            codec=SEQUENCE, path=None),
        col("countries", "VARCHAR[]", "ISO 3166 alpha-3 of either actor or of the place", codec=SEQUENCE, path=None),
        col("roots", "VARCHAR[]", "CAMEO root codes, 01-20", codec=SEQUENCE, path=None),
        col("plover", "VARCHAR[]", "PLOVER event classes (ASSAULT, PROTEST, ...)", codec=SEQUENCE, path=None),
        col("places", "VARCHAR[]", "part of a place name, or a GeoNames id", codec=SEQUENCE, path=None),
        col("keywords", "VARCHAR[]", "words in a reporting sentence or the reporting article's title",
            codec=SEQUENCE, path=None),
        col("min_confidence", "DOUBLE", "merged events below this confidence are not matched", path=None),
        col("webhook", "VARCHAR", "URL notifications are POSTed to as JSON", path=None),
        col("webhook_secret", "VARCHAR", "name of the secret sent as bearer token and used to sign the body; the "
            "value comes from the environment or the config file, never the store", path=None),
        col("emails", "VARCHAR[]", "e-mail recipients (through the configured SMTP server)", codec=SEQUENCE, path=None),
        col("max_per_hour", "INTEGER", "notifications sent one by one per hour; more become one digest", null=False,
            path=None),
        col("created_at", "TIMESTAMP", "when it was created (UTC); what was stored before is not notified",
            null=False, path=None),
    ),
    key=("name",),
)

NOTIFICATIONS = TableSpec(
    "notifications",
    "One notification per (watchlist, merged event or alert), updated in place when later reports arrive.",
    (
        col("id", "VARCHAR", "stable id: a hash of watchlist, kind and subject", null=False, path=None),
        col("watchlist", "VARCHAR", "the watchlist (watchlists.name)", null=False, path=None),
        col("kind", "VARCHAR", "event (a matching merged event) or alert (an escalation alert on a watched dyad)",
            null=False, path=None, choices=("event", "alert")),
        col("subject", "VARCHAR", "merged_events.id, or level:source:target:day of the alert", null=False,
            path=None),
        col("title", "VARCHAR", "who did what to whom, where and when", null=False, path=None),
        col("summary", "VARCHAR", "the first reporting sentence, or the alert's reason", null=False, path=None),
        col("link", "VARCHAR", "address of the first report", path=None),
        col("confidence", "DOUBLE", "confidence of the merged event (of the strongest driving event for alerts)",
            path=None),
        col("num_reports", "INTEGER", "articles reporting it when last notified", null=False, path=None),
        col("num_outlets", "INTEGER", "outlets among those reports", null=False, path=None),
        col("evidence", "JSON", "reporting sentences with outlet, link, title, date and confidence", null=False,
            path=None),
        col("revision", "INTEGER", "1 when created, one more at each update by later reports", null=False,
            path=None),
        col("digest", "VARCHAR", "id of the digest it was delivered in, when over the rate cap", path=None),
        col("created_at", "TIMESTAMP", "when it was created (UTC)", null=False, path=None),
        col("updated_at", "TIMESTAMP", "when it was last updated (UTC)", null=False, path=None),
    ),
    key=("id",),
)

NOTIFY_OUTBOX = TableSpec(
    "notify_outbox",
    "Deliveries by webhook and e-mail, pending until sent (retried with backoff), then kept as a log.",
    (
        col("id", "VARCHAR", "the idempotency key sent with the delivery", null=False, path=None),
        col("watchlist", "VARCHAR", "the watchlist (watchlists.name)", null=False, path=None),
        col("channel", "VARCHAR", "webhook | email", null=False, path=None, choices=("webhook", "email")),
        col("kind", "VARCHAR", "created | updated | digest", null=False, path=None,
            choices=("created", "updated", "digest")),
        col("payload", "JSON", "the JSON delivered (the e-mail is written from it)", null=False, path=None),
        col("status", "VARCHAR", "pending | sent | failed", null=False, path=None,
            choices=("pending", "sent", "failed")),
        col("attempts", "INTEGER", "delivery attempts so far", null=False, path=None),
        col("next_attempt", "TIMESTAMP", "when a pending delivery is tried again (UTC)", path=None),
        col("last_error", "VARCHAR", "why the last attempt failed", path=None),
        col("created_at", "TIMESTAMP", "when it was queued (UTC)", null=False, path=None),
        col("sent_at", "TIMESTAMP", "when it was delivered (UTC)", path=None),
    ),
    key=("id",),
)

NOTIFY_SOURCES = TableSpec(
    "notify_sources",
    "How far the notifier has matched each watched source's items; a source's first poll is its backlog.",
    (
        col("source", "VARCHAR", "the watched source (watch_sources.source)", null=False, path=None),
        col("checked_through", "TIMESTAMP", "items taken up to this time were matched or were the backlog",
            path=None),
    ),
    key=("source",),
)

CORE_TABLES: tuple[TableSpec, ...] = (
    RUNS, ARTICLES, SENTENCES, ARTICLE_ENTITIES, MENTIONS, FAILURES, ENTITIES, EVENTS, QUOTES, PLACES, TIMES,
    ARTICLE_TERMS, SEARCH_DOCS, ARTICLE_STAGES, WATCH_SOURCES, WATCH_ITEMS,
    WATCHLISTS, NOTIFICATIONS, NOTIFY_OUTBOX, NOTIFY_SOURCES,
)
SPECS: Mapping[str, TableSpec] = {t.name: t for t in CORE_TABLES}


def analysis_rows(analysis: Analysis) -> dict[str, list[tuple[Any, ...]]]:
    """Rows of every per-article table for one analysis, in each table's column order."""
    aid = analysis.article.id
    return {
        "sentences": [SENTENCES.row(s) for s in analysis.sentences],
        "article_entities": [ARTICLE_ENTITIES.row(e, article_id=aid) for e in analysis.entities],
        "mentions": [MENTIONS.row(m, entity_id=e.id) for e in analysis.entities for m in e.mentions],
        "events": [EVENTS.row(e, idx=i) for i, e in enumerate(analysis.events)],
        "quotes": [QUOTES.row(q, idx=i) for i, q in enumerate(analysis.quotes)],
        "places": [PLACES.row(p, article_id=aid, idx=i) for i, p in enumerate(analysis.places)],
        "times": [TIMES.row(t, article_id=aid, idx=i) for i, t in enumerate(analysis.times)],
        "article_stages": [ARTICLE_STAGES.row(None, article_id=aid, stage=name, version=version)
                           for name, _, version in (s.partition("@") for s in analysis.provenance.stages)],
        **search.rows(analysis),
    }
