"""The specs of the aggregate tables (005_aggregate, 007_aggregate_state): merged events, their mentions, stories,
the escalation index and alerts, and the story clusterer's saved state. See :mod:`wirescope.store.spec`.

They live here, above the store, because their records (``MergedEvent``, ``Story``, ``DyadDay``, ``Alert``) are the
aggregation's; the store's own specs are in :mod:`wirescope.store.tables`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..records import MODALITIES
from ..store.spec import SEQUENCE, Column, TableSpec, col
from ..store.tables import CORE_TABLES, event_code_columns
from .escalation import QUAD_NAMES, Alert, DyadDay
from .merge import EventMention, MergedEvent
from .story_records import Story


def _actor(side: str, what: str) -> tuple[Column, ...]:
    return (
        col(f"{side}_text", "VARCHAR", f"the {what} as written in the representative mention", path=f"{side}.text"),
        col(f"{side}_name", "VARCHAR", f"canonical name of the {what}", path=f"{side}.name"),
        col(f"{side}_entity_id", "VARCHAR", f"corpus-wide entity id of the {what}", path=f"{side}.entity_id"),
        col(f"{side}_code", "VARCHAR", f"CAMEO actor code of the {what}", path=f"{side}.code"),
        col(f"{side}_country", "VARCHAR", f"ISO 3166 alpha-3 country of the {what}", path=f"{side}.country"),
    )


MERGED_EVENTS = TableSpec(
    "merged_events",
    "Events merged across articles: one real-world event with the number of its reports.",
    (
        col("id", "VARCHAR", "merged event id, kept across incremental aggregation runs", null=False),
        col("date", "DATE", "date of the event (the earliest reported)"),
        *event_code_columns("merged event"),
        col("modality", "VARCHAR", "modality of the representative mention: " + ", ".join(MODALITIES), null=False,
            choices=MODALITIES),
        *_actor("source", "source actor"),
        *_actor("target", "target actor"),
        col("place_name", "VARCHAR", "gazetteer name of the event's place", path="place.name"),
        col("place_geonameid", "BIGINT", "GeoNames id of the event's place", path="place.geonameid"),
        col("place_lat", "DOUBLE", "latitude of the event's place (WGS84 degrees)", path="place.lat"),
        col("place_lon", "DOUBLE", "longitude of the event's place (WGS84 degrees)", path="place.lon"),
        col("place_country3", "VARCHAR", "ISO 3166 alpha-3 country of the event's place", path="place.country3"),
        col("confidence", "DOUBLE", "1 - prod(1 - best confidence per source)", null=False),
        col("num_mentions", "INTEGER", "sentences that report the event", null=False),
        col("num_articles", "INTEGER", "articles that report the event", null=False),
        col("num_sources", "INTEGER", "sources that report it (near-duplicates count with their original's)",
            null=False),
        col("first_seen", "DATE", "publication date of the first report"),
        col("last_seen", "DATE", "publication date of the last report"),
        col("first_article", "VARCHAR", "id of the first article that reports it", null=False),
        col("first_url", "VARCHAR", "address of the first article"),
        col("is_root_event", "BOOLEAN", "reported in a lead sentence (GDELT's IsRootEvent)", null=False),
        col("num_outlets", "INTEGER", "outlets that published a report of it (each copy's own outlet)"),
        col("num_independent", "INTEGER", "independent origins of its reports: wire copies (near-duplicates, or "
            "texts crediting a wire such as AP, Reuters, AFP) count once"),
    ),
    key=("id",),
    record=MergedEvent,
    # Merged actors and places are not one mention: they have no offsets.
    fill={("source", "start"): lambda r: 0, ("source", "end"): lambda r: 0,
          ("target", "start"): lambda r: 0, ("target", "end"): lambda r: 0,
          ("place", "start"): lambda r: 0, ("place", "end"): lambda r: 0,
          ("place", "text"): lambda r: r.get("place_name") or ""},
)

EVENT_MENTIONS = TableSpec(
    "event_mentions",
    "One row per sentence reporting a merged event (re-analysing an article drops its rows until the next "
    "aggregation).",
    (
        col("event_id", "VARCHAR", "the merged event (merged_events.id)", null=False),
        col("article_id", "VARCHAR", "the reporting article (articles.id)", null=False),
        col("sentence", "INTEGER", "index of the reporting sentence", null=False),
        col("code", "VARCHAR", "CAMEO code coded in this mention", null=False),
        col("confidence", "DOUBLE", "confidence of this mention's coding, 0-1", null=False),
        col("modality", "VARCHAR", "modality of this mention: " + ", ".join(MODALITIES), null=False,
            choices=MODALITIES),
        col("date", "DATE", "date of the event according to this mention"),
        col("published", "DATE", "publication date of the article"),
        col("source_key", "VARCHAR", "the outlet the mention counts for (an original's, for near-duplicates)",
            null=False),
        col("trigger_start", "INTEGER", "character offset of the trigger; -1 for a repeated mention later in the "
            "same article", null=False),
        col("source_start", "INTEGER", "character offset of the source actor"),
        col("target_start", "INTEGER", "character offset of the target actor"),
        col("sentence_text", "VARCHAR", "text of the reporting sentence (the evidence)"),
        col("url", "VARCHAR", "address of the article"),
        col("duplicate_of", "VARCHAR", "set when the mention comes from a near-duplicate of this article"),
        col("doc_length", "INTEGER", "length of the article text in characters"),
        col("outlet", "VARCHAR", "outlet of the reporting article itself"),
        col("origin", "VARCHAR", "the independent origin the report counts for: wire:<agency> for a wire copy, "
            "else an outlet"),
    ),
    record=EventMention,
)

STORIES = TableSpec(
    "stories",
    "Story clusters: articles about one developing story, with a description.",
    (
        col("id", "VARCHAR", "story id, kept across incremental aggregation runs", null=False),
        col("title", "VARCHAR", "title of the story (its most central article's)", null=False),
        col("summary", "VARCHAR", "summary from the story's key sentences", null=False),
        col("size", "INTEGER", "number of articles", null=False, get=lambda st: st.size),
        col("first_date", "DATE", "publication date of the first article"),
        col("last_date", "DATE", "publication date of the last article"),
        col("top_terms", "VARCHAR[]", "key terms", codec=SEQUENCE),
        col("top_entities", "VARCHAR[]", "most mentioned entities", codec=SEQUENCE),
        col("top_actors", "VARCHAR[]", "most frequent event actors", codec=SEQUENCE),
        col("top_places", "VARCHAR[]", "most mentioned places", codec=SEQUENCE),
        col("sources", "VARCHAR[]", "outlets that reported it", codec=SEQUENCE),
    ),
    key=("id",),
    record=Story,
    fill={("article_ids",): lambda r: ()},  # members are in story_articles
)

STORY_ARTICLES = TableSpec(
    "story_articles",
    "Members of each story.",
    (
        col("story_id", "VARCHAR", "the story (stories.id)", null=False, path=None),
        col("article_id", "VARCHAR", "the member article (articles.id)", null=False, path=None),
        col("score", "DOUBLE", "similarity to the story when the article joined it", null=False, path=None),
        col("started", "BOOLEAN", "the article started the story", null=False, path=None),
    ),
    key=("story_id", "article_id"),
)

def _share(quad: int) -> Column:
    def get(day: DyadDay) -> float:
        return day.quad_shares[quad - 1]

    name = QUAD_NAMES[quad]
    return col(name, "DOUBLE", f"share of the day's weight in {name.replace('_', ' ')} events", null=False, get=get)


_SHARES = tuple(_share(q) for q in sorted(QUAD_NAMES))

ESCALATION = TableSpec(
    "escalation",
    "Daily escalation index per directed dyad (see wirescope.aggregate.escalation for the formula).",
    (
        col("level", "VARCHAR", "country (ISO3 dyads) or actor (actor-code dyads)", null=False),
        col("source", "VARCHAR", "source country or actor", null=False),
        col("target", "VARCHAR", "target country or actor", null=False),
        col("day", "DATE", "the day of the series", null=False),
        col("events", "INTEGER", "merged events of the day", null=False),
        col("mentions", "INTEGER", "mentions of those events", null=False),
        col("weight", "DOUBLE", "total weight of the day's events", null=False),
        col("goldstein_sum", "DOUBLE", "sum of weighted Goldstein values", null=False),
        col("goldstein_mean", "DOUBLE", "weighted mean Goldstein value", null=False),
        *_SHARES,
        col("index_value", "DOUBLE", "escalation index of the day", null=False, path="index"),
        col("baseline", "DOUBLE", "the index's trailing baseline", null=False),
        col("z", "DOUBLE", "deviation from the baseline in standard deviations", null=False),
        col("alert", "BOOLEAN", "the day raised an alert", null=False),
        col("event_ids", "VARCHAR[]", "merged events of the day (merged_events.id)", codec=SEQUENCE),
    ),
    key=("level", "source", "target", "day"),
    record=DyadDay,
    fill={("quad_shares",): lambda r: tuple(r[QUAD_NAMES[q]] for q in sorted(QUAD_NAMES))},
)

ALERTS = TableSpec(
    "alerts",
    "Escalation alerts from change detection.",
    (
        col("level", "VARCHAR", "country or actor", null=False),
        col("source", "VARCHAR", "source country or actor", null=False),
        col("target", "VARCHAR", "target country or actor", null=False),
        col("day", "DATE", "day of the alert", null=False),
        col("index_value", "DOUBLE", "escalation index of the day", null=False, path="index"),
        col("baseline", "DOUBLE", "the index's trailing baseline", null=False),
        col("z", "DOUBLE", "deviation from the baseline in standard deviations", null=False),
        col("driving_events", "VARCHAR[]", "the merged events that drove the alert", codec=SEQUENCE),
        col("reason", "VARCHAR", "why it is an alert, in words", null=False),
    ),
    key=("level", "source", "target", "day"),
    record=Alert,
)

STORY_VECTORS = TableSpec(
    "story_vectors",
    "Saved state of the incremental story clusterer: each story's term and entity vectors, by key number "
    "(024_story_key_ids).",
    (
        col("story_id", "VARCHAR", "the story (stories.id)", null=False, path=None),
        col("kid", "BIGINT", "the key term or entity key: its number, story_df.kid", null=False, path=None),
        col("weight", "DOUBLE", "sum of the members' unit tf vectors (idf is applied at comparison time)",
            null=False, path=None),
    ),
    internal=True,
)

STORY_DF = TableSpec(
    "story_df",
    "Saved state of the incremental story clusterer: document frequencies.",
    (
        col("kind", "VARCHAR", "t | e | n (the number of documents, in df; key '') | s (the settings, in key) | c "
            "(the confidence threshold events were read with, in df)", null=False, path=None),
        col("key", "VARCHAR", "the term or entity key", null=False, path=None),
        col("df", "DOUBLE", "weighted document frequency: the sum of the documents' sublinear tf of the key (for "
            "kind n, the number of documents)", null=False, path=None),
        col("kid", "BIGINT", "the key's number (kinds t and e), unique over both kinds: what story_vectors holds "
            "(024_story_key_ids)", path=None),
        col("hash", "BIGINT", "the key's 64-bit hash (vectors.key_hash: the order of a story's sums); NULL for a "
            "key numbered by the migration and not written since", path=None),
    ),
    internal=True,
)

STORY_META = TableSpec(
    "story_meta",
    "Saved state of the incremental story clusterer: each story's chain flag (020_story_meta; its cached norms "
    "were dropped by 022_vectorised_stories: norms are computed at each comparison).",
    (
        col("story_id", "VARCHAR", "the story (stories.id)", null=False, path=None),
        col("chained", "BOOLEAN", "no gap of more than max_gap_days between its dated members", null=False,
            path=None),
    ),
    internal=True,
)

STORY_MEMBER_TERMS = TableSpec(
    "story_member_terms",
    "Saved state of the incremental story clusterer: each placed article's strongest key terms, what the report "
    "rule compares new articles with (021_story_member_terms).",
    (
        col("article_id", "VARCHAR", "the article (articles.id)", null=False, path=None),
        col("keys", "VARCHAR[]", "its strongest key terms, in the clusterer's order", null=False, path=None),
        col("tfs", "DOUBLE[]", "their sublinear term frequencies (no idf), in the same order", null=False, path=None),
    ),
    internal=True,
)

AGGREGATE_TABLES: tuple[TableSpec, ...] = (
    MERGED_EVENTS, EVENT_MENTIONS, STORIES, STORY_ARTICLES, ESCALATION, ALERTS, STORY_VECTORS, STORY_DF, STORY_META,
    STORY_MEMBER_TERMS,
)
# Every stored table and view, by name: what the API, the exports and the schema test read.
ALL_TABLES: Mapping[str, TableSpec] = {t.name: t for t in (*CORE_TABLES, *AGGREGATE_TABLES)}


def rows_of(spec: TableSpec, records: Any) -> list[tuple[Any, ...]]:
    return [spec.row(r) for r in records]
