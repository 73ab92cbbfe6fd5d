"""Response shapes for the OpenAPI schema (``/api/docs``), every field described.

Rows of stored tables are derived from the tables' specs (:mod:`wirescope.store.tables`,
:mod:`wirescope.aggregate.tables`): a column's SQL type gives the field's type, its ``choices`` (the vocabularies in
:mod:`wirescope.records`) an enum the dashboard reads, its description the field's. Only the aggregations the API
computes itself (map cells, network edges, counts) are described here by hand.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

from ..aggregate.tables import ALERTS, ESCALATION, EVENT_MENTIONS, MERGED_EVENTS, STORIES
from ..store.spec import Column, TableSpec
from ..store.tables import ARTICLES, ENTITIES, EVENTS, PLACES, QUOTES, SENTENCES, TIMES

_TYPES: dict[str, Any] = {
    "VARCHAR": str,
    "INTEGER": int,
    "BIGINT": int,
    "DOUBLE": float,
    "BOOLEAN": bool,
    "DATE": date,
    "TIMESTAMP": datetime,
    "VARCHAR[]": list[str],
    "INTEGER[]": list[int],
    "JSON": str,  # served as JSON text, as stored
}


def _field_type(column: Column, nullable: bool) -> Any:
    kind: Any = Literal[tuple(column.choices)] if column.choices else _TYPES[column.type]
    return kind | None if nullable else kind


def spec_model(
    spec: TableSpec, name: str, *, names: tuple[str, ...] | None = None, extra: dict[str, tuple[Any, str]] | None = None
) -> type[BaseModel]:
    """A response model of ``spec``'s columns (all, or ``names``) plus ``extra`` fields (type, description).

    Every column is typed nullable: a store made by an older release serves the columns it lacks as null.
    """
    fields: dict[str, Any] = {}
    for column_name in names or spec.names:
        column = spec.column(column_name)
        fields[column_name] = (_field_type(column, True), Field(description=_described(spec, column)))
    for field_name, (kind, description) in (extra or {}).items():
        fields[field_name] = (kind, Field(description=description))
    model: type[BaseModel] = create_model(name, __config__=ConfigDict(title=name), **fields)
    model.__doc__ = spec.description
    return model


def _described(spec: TableSpec, column: Column) -> str:
    """The column's description, and the record field it holds (the row is a flattening of that record)."""
    if spec.record is None or column.path is None:
        return column.description
    return f"{column.description} ({spec.record.__name__}.{'.'.join(column.path)})"


def page_of(model: type[BaseModel], what: str) -> type[BaseModel]:
    page: type[BaseModel] = create_model(
        f"{model.__name__}Page",
        items=(list[model], Field(description=f"{what}, at most `limit` of them")),  # type: ignore[valid-type]
        next_cursor=(str | None, Field(description="pass as ?cursor= to get the next page; null on the last page")),
        limit=(int, Field(description="the page size asked for")),
    )
    page.__doc__ = f"One page of {what}."
    return page


def list_of(model: type[BaseModel], what: str) -> type[BaseModel]:
    body: type[BaseModel] = create_model(
        f"{model.__name__}List", items=(list[model], Field(description=what))  # type: ignore[valid-type]
    )
    return body


def described(name: str, fields: dict[str, tuple[Any, str]]) -> type[BaseModel]:
    """A model of (type, description) fields."""
    definitions: dict[str, Any] = {k: (kind, Field(description=d)) for k, (kind, d) in fields.items()}
    model: type[BaseModel] = create_model(name, **definitions)
    return model


class ErrorBody(BaseModel):
    code: str = Field(description="stable machine-readable error code")
    message: str = Field(description="what went wrong and how to fix it")


QUAD_COUNTS: dict[str, tuple[Any, str]] = {
    f"q{q}": (int, f"events of quad class {q}") for q in (1, 2, 3, 4)
}

# -- rows of stored tables ---------------------------------------------------------------------------------------

ArticleRow = spec_model(
    ARTICLES, "ArticleRow",
    names=("id", "title", "published", "published_source", "source", "url", "language", "status", "duplicate_of"),
    extra={"chars": (int, "length of the text in characters")},
)
EntityRow = spec_model(ENTITIES, "EntityRow")
# Display forms of text fields (issue 19): markdown, URLs, image credits and page furniture removed (nlp.display);
# JSON answers only, the stored field beside them keeps the offsets.
SENTENCE_DISPLAY: dict[str, tuple[Any, str]] = {
    "sentence_display": (str | None, "the evidence sentence for display: no markdown, URLs, image credits or "
                         "boilerplate (sentence_text is the stored text; JSON answers only)"),
}
TEXT_DISPLAY: dict[str, tuple[Any, str]] = {
    "text_display": (str | None, "the quotation for display: no markdown, URLs or image credits (text is the stored "
                     "text; JSON answers only)"),
}
EventRow = spec_model(EVENTS, "EventRow", extra=SENTENCE_DISPLAY)
# Who reported what: rows of events and quotations carry their article's outlet and address (the original).
REPORTED_BY: dict[str, tuple[Any, str]] = {
    "article_title": (str | None, "headline of the article"),
    "article_source": (str | None, "outlet of the article (the input's source or site name, else its address's "
                       "domain)"),
    "article_url": (str | None, "address of the original article"),
}
ListedEvent = spec_model(EVENTS, "ListedEvent", extra={**REPORTED_BY, **SENTENCE_DISPLAY})
QuoteRow = spec_model(QUOTES, "QuoteRow", extra=TEXT_DISPLAY)
# Duplicate quotations merged (issue 19): the earliest report stands for the others (store.quotes).
MERGED_QUOTES: dict[str, tuple[Any, str]] = {
    "merged": (int | None, "stored quotations this row stands for: the same speaker and the same words, in this "
               "article or others (1: no duplicate; null with merge=false)"),
    "merged_articles": (int | None, "articles among them"),
}
ListedQuote = spec_model(
    QUOTES, "ListedQuote",
    extra={**REPORTED_BY, "published": (date | None, "publication date of the article"), **MERGED_QUOTES,
           **TEXT_DISPLAY},
)
StoryEvent = spec_model(
    EVENTS, "StoryEvent", extra={**{k: v for k, v in REPORTED_BY.items() if k != "article_title"}, **SENTENCE_DISPLAY}
)
StoryQuote = spec_model(
    QUOTES, "StoryQuote",
    extra={**REPORTED_BY, "published": (date | None, "publication date of the article"), **MERGED_QUOTES,
           **TEXT_DISPLAY},
)
PlaceRow = spec_model(PLACES, "PlaceRow")
TimeRow = spec_model(TIMES, "TimeRow")
SentenceRow = spec_model(SENTENCES, "SentenceRow")
MergedEventRow = spec_model(MERGED_EVENTS, "MergedEventRow")
EventMentionRow = spec_model(EVENT_MENTIONS, "EventMentionRow", extra=SENTENCE_DISPLAY)
MergedEventDetail = spec_model(
    MERGED_EVENTS, "MergedEventDetail",
    extra={"mentions": (list[EventMentionRow], "every sentence that reports the event")},  # type: ignore[valid-type]
)
STORY_DISPLAY: dict[str, tuple[Any, str]] = {
    "summary_display": (str | None, "the summary for display: no markdown, URLs, image credits or boilerplate"),
    "title_display": (str | None, "the title for display"),
}
StoryRow = spec_model(STORIES, "StoryRow", extra=STORY_DISPLAY)
AlertRow = spec_model(ALERTS, "AlertRow")
IndexRow = spec_model(ESCALATION, "IndexRow", names=tuple(n for n in ESCALATION.names if n != "event_ids"))


class MentionRow(BaseModel):
    start_char: int = Field(description="character offset where the mention starts")
    end_char: int = Field(description="character offset where the mention ends")
    text: str = Field(description="the mention as written")
    label: str = Field(description="named-entity label (PERSON, ORG, GPE, NORP, ...)")
    entity_id: str = Field(description="corpus-wide id of the entity the mention belongs to")
    name: str | None = Field(description="canonical name of the entity")
    type: str | None = Field(description="entity type")


class DisplayText(BaseModel):
    text: str = Field(description="the article's text for display (nlp.display)")
    map: list[list[int]] = Field(description="runs [display_start, stored_start, length]: display characters "
                                 "display_start.. are the stored text's stored_start..; a record's stored offsets "
                                 "(mentions, triggers, quotations) fall in a run or between runs (removed text)")


class StoryRef(BaseModel):
    id: str = Field(description="story id")
    title: str = Field(description="title of the story")


ArticleDetail = spec_model(
    ARTICLES, "ArticleDetail",
    names=tuple(n for n in ARTICLES.names if n not in ("raw", "minhash")),
    extra={
        "sentences": (list[SentenceRow], "sentence boundaries"),  # type: ignore[valid-type]
        "mentions": (list[MentionRow], "named-entity mentions, in text order"),
        "events": (list[EventRow], "coded events"),  # type: ignore[valid-type]
        "quotes": (list[QuoteRow], "quotations"),  # type: ignore[valid-type]
        "places": (list[PlaceRow], "place mentions"),  # type: ignore[valid-type]
        "times": (list[TimeRow], "time expressions"),  # type: ignore[valid-type]
        "stories": (list[StoryRef], "the stories the article belongs to"),
        "display": (DisplayText, "the text for display (no markdown, URLs, image credits or boilerplate) with its "
                    "map to the stored text's offsets"),
    },
)


class StoryArticle(BaseModel):
    id: str = Field(description="article id")
    title: str | None = Field(description="headline")
    published: date | None = Field(description="publication date")
    source: str | None = Field(description="outlet or site name")
    url: str | None = Field(description="address of the article")


StoryDetail = spec_model(
    STORIES, "StoryDetail",
    extra={
        **STORY_DISPLAY,
        "articles": (list[StoryArticle], "member articles, oldest first"),
        "events": (list[StoryEvent], "events of the member articles, oldest first"),  # type: ignore[valid-type]
        "quotes": (list[StoryQuote], "quotations of the member articles, oldest first"),  # type: ignore[valid-type]
    },
)

# -- aggregations computed by the API ------------------------------------------------------------------------------


class SearchHit(BaseModel):
    id: str = Field(description="article id")
    score: float | None = Field(description="BM25 score (null for a store without the search index)")
    title: str | None = Field(description="headline")
    published: date | None = Field(description="publication date")
    source: str | None = Field(description="outlet or site name")
    snippet: str = Field(description="text around the first match")


class Speaker(BaseModel):
    speaker: str = Field(description="resolved name of the speaker (or the phrase that describes the speaker, "
                                     "e.g. officials; never an unresolved pronoun)")
    entity_id: str | None = Field(description="corpus-wide entity id of the speaker")
    code: str | None = Field(description="CAMEO actor code of the speaker")
    quotes: int = Field(description="quotations attributed to the speaker")
    articles: int = Field(description="articles quoting the speaker")


class PlaceSummary(BaseModel):
    place_id: str = Field(description="GeoNames id, or name@latitude for places without one")
    geonameid: int | None = Field(description="GeoNames id")
    name: str | None = Field(description="gazetteer name")
    lat: float | None = Field(description="latitude (WGS84 degrees)")
    lon: float | None = Field(description="longitude (WGS84 degrees)")
    feature: str | None = Field(description="GeoNames feature class.code")
    country: str | None = Field(description="ISO 3166 alpha-2 country")
    country3: str | None = Field(description="ISO 3166 alpha-3 country")
    mentions: int = Field(description="mentions of the place")
    articles: int = Field(description="articles that mention it")


_MapPoint = described("MapPoint", {
    "lat": (float, "mean latitude of the cell's events"),
    "lon": (float, "mean longitude of the cell's events"),
    "name": (str | None, "a place name of the cell"),
    "country": (str | None, "ISO 3166 alpha-3 country of that place"),
    "events": (int, "events in the cell"),
    **QUAD_COUNTS,
})


class MapPlace(BaseModel):
    lat: float = Field(description="mean latitude of the cell's place mentions")
    lon: float = Field(description="mean longitude of the cell's place mentions")
    name: str | None = Field(description="a place name of the cell")
    mentions: int = Field(description="place mentions in the cell")
    articles: int = Field(description="articles with those mentions")


class MapBody(BaseModel):
    points: list[_MapPoint] = Field(description="grid cells of events, busiest first")  # type: ignore[valid-type]
    places: list[MapPlace] = Field(description="grid cells of places named in the same articles, busiest first")


class NetworkFold(BaseModel):
    name: str = Field(description="a name of the actor folded into the node, as the events give it")
    reason: str = Field(description="why it is the same actor: demonym, capital as metonym, alias, spelling variant",
                        json_schema_extra={"enum": ["demonym", "capital as metonym", "alias", "spelling variant"]})
    events: int = Field(description="events (among the edges returned) that name the actor so")


class NetworkNode(BaseModel):
    id: str = Field(description="actor name or code, or ISO3 country; at the actor level the actor's one name for "
                                "all its folded names (wirescope.aggregate.fold)")
    events: int = Field(description="events the node takes part in (among the edges returned)")
    fold: list[NetworkFold] = Field(description="the other names folded into this node and why, most events first "
                                                "(empty at the country level)")


_NetworkEdge = described("NetworkEdge", {
    "source": (str, "acting node"),
    "target": (str, "node acted upon"),
    "events": (int, "events from source to target"),
    "goldstein": (float | None, "mean Goldstein value"),
    "quad_class": (int | None, "the most frequent quad class"),
    **QUAD_COUNTS,
})


class NetworkBody(BaseModel):
    nodes: list[NetworkNode] = Field(description="actors (or countries) of the edges")
    edges: list[_NetworkEdge] = Field(description="directed edges, strongest first")  # type: ignore[valid-type]


class Dyad(BaseModel):
    source: str = Field(description="source country (ISO3)")
    target: str = Field(description="target country (ISO3)")
    events: int = Field(description="events from source to target")
    goldstein_sum: float | None = Field(description="sum of their Goldstein values")


class DyadList(BaseModel):
    items: list[Dyad] = Field(description="directed country dyads, most events first")


_SeriesPoint = described("SeriesPoint", {
    "day": (date, "the day"),
    "events": (int, "events of the day"),
    "goldstein_sum": (float | None, "sum of their Goldstein values"),
    "goldstein_mean": (float | None, "their Goldstein mean weighted by confidence"),
    **QUAD_COUNTS,
})


class Series(BaseModel):
    source: str = Field(description="source actor as asked")
    target: str = Field(description="target actor as asked")
    points: list[_SeriesPoint] = Field(description="per day, from the events table")  # type: ignore[valid-type]
    index: list[IndexRow] = Field(  # type: ignore[valid-type]
        description="the aggregation's stored daily escalation index for the dyad (empty before `wirescope aggregate`)"
    )


class EscalationBody(BaseModel):
    series: list[Series] = Field(description="the dyad's series, then the reverse direction's when asked")


class CodeLabel(BaseModel):
    name: str = Field(description="CAMEO name of the code (190: Use conventional military force)")
    quad_class: int = Field(description="quad class of the code, 1-4")
    goldstein: float = Field(description="Goldstein value of the code, -10 to +10")
    plover: str | None = Field(description="PLOVER event class the code maps to (ASSAULT, ...); an event's own "
                               "`plover` field can differ (a threatened act is THREATEN)")
    plover_mode: str | None = Field(description="PLOVER mode the code maps to")
    plover_context: str | None = Field(description="PLOVER context the code maps to")


class CodeLabels(BaseModel):
    codes: dict[str, CodeLabel] = Field(description="every CAMEO code (roots, base and sub-codes) by code")


class Stats(BaseModel):
    tables: dict[str, int] = Field(description="rows per stored table")
    articles_by_status: dict[str, int] = Field(description="articles per status (analysed, near-duplicate, ...)")
    entities: int = Field(description="canonical entities across the corpus")
    published_range: list[date | None] = Field(description="first and last publication date")
    events_by_quad_class: dict[str, int] = Field(default_factory=dict, description="events per quad class")
    views: dict[str, bool] = Field(description="which dashboard views have data in this store")


# -- responses of each endpoint --------------------------------------------------------------------------------

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "bad parameter"},
    404: {"model": ErrorBody, "description": "not found"},
    422: {"model": ErrorBody, "description": "invalid parameter"},
}


def one(model: type[BaseModel], what: str) -> dict[int | str, dict[str, Any]]:
    """``responses=`` of an endpoint answering one JSON object."""
    return {200: {"model": model, "description": what}, **ERRORS}


def downloads(model: type[BaseModel], what: str) -> dict[int | str, dict[str, Any]]:
    """``responses=`` of a listing: a JSON page of ``model`` rows, or the whole filtered set as a file."""
    return {
        200: {
            "model": page_of(model, what),
            "description": f"a page of {what} as JSON, or the whole filtered set as CSV, JSON Lines or Parquet "
            "(?format=; the same columns)",
            "content": {
                "text/csv": {"schema": {"type": "string"}},
                "application/x-ndjson": {"schema": {"type": "string"}},
                "application/vnd.apache.parquet": {"schema": {"type": "string", "format": "binary"}},
            },
        },
        **ERRORS,
    }
