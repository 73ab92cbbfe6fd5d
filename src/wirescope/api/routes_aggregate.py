"""Quotations, places, stories and alerts. Each endpoint answers 404 ``no_<table>`` until its table exists."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response

from ..aggregate.tables import ALERTS, STORIES
from ..errors import InputError
from ..store.filters import iso3
from ..store.tables import EVENTS, QUOTES
from . import models as m
from .db import Database, dicts
from .deps import DB, Page
from .errors import ApiError
from .paging import Key, largest_first, newest_first
from .paging import Query as Q
from .respond import json_response, listing
from .views import filter_story

router = APIRouter(prefix="/api", tags=["aggregates"])
# Who reported it: the reporting article's headline, outlet and address (alias ``a``), next to each row.
REPORTED_BY = "a.title AS article_title, a.source AS article_source, a.url AS article_url"


def _need(db: Database, table: str, what: str) -> None:
    if not db.has(table):
        raise ApiError(404, f"no_{table}", f"this store has no {table} table yet; {what}")


@router.get("/quotes", responses=m.downloads(m.ListedQuote, "quotations"))
def list_quotes(
    db: DB,
    page: Page,
    speaker: Annotated[str | None, Query(max_length=200, description="speaker name part, entity id or code")] = None,
    text: Annotated[str | None, Query(max_length=200, description="words in the quotation")] = None,
    type: Annotated[str | None, Query(max_length=20, description="direct | mixed | indirect | ...")] = None,
    article_id: Annotated[str | None, Query(max_length=64)] = None,
    story: Annotated[str | None, Query(max_length=100)] = None,
) -> Response:
    """Quotations with their speaker and cue, by article and position."""
    _need(db, "quotes", "run the quote stage (wirescope ingest)")
    q = Q(
        select=db.select(QUOTES) + f", {REPORTED_BY}, a.published",
        from_="quotes t LEFT JOIN articles a ON a.id = t.article_id",
        keys=(newest_first("a.published"), Key("t.article_id"), Key('t."start"')),
    )
    if speaker:
        q.add(
            "contains(lower(coalesce(t.speaker_name, t.speaker_text, '')), lower(?)) "
            "OR coalesce(t.speaker_entity_id, '') = ? OR starts_with(upper(coalesce(t.speaker_code, '')), upper(?))",
            speaker,
            speaker,
            speaker,
        )
    if text:
        q.add("contains(lower(t.text), lower(?))", text)
    if type:
        q.add("t.type = ?", type)
    if article_id:
        q.add("starts_with(t.article_id, ?)", article_id)
    if story:
        filter_story(db, q, story, "t.article_id")
    return listing(db, q, fmt=page.format, limit=page.limit, cursor=page.cursor, name="quotes")


@router.get("/speakers", responses=m.downloads(m.Speaker, "speakers"))
def list_speakers(db: DB, page: Page) -> Response:
    """Speakers with the number of quotations and articles, most quoted first (unresolved speakers excluded)."""
    _need(db, "quotes", "run the quote stage (wirescope ingest)")
    name = "coalesce(t.speaker_name, t.speaker_text)"
    sub = (
        f"(SELECT {name} AS speaker, any_value(t.speaker_entity_id) AS entity_id, "
        "any_value(t.speaker_code) AS code, count(*) AS quotes, "
        f"count(DISTINCT t.article_id) AS articles FROM quotes t WHERE {name} IS NOT NULL GROUP BY 1) s"
    )
    q = Q(
        select="speaker, entity_id, code, quotes, articles", from_=sub, keys=(largest_first("quotes"), Key("speaker"))
    )
    return listing(db, q, fmt=page.format, limit=page.limit, cursor=page.cursor, name="speakers")


@router.get("/places", responses=m.downloads(m.PlaceSummary, "places"))
def list_places(
    db: DB,
    page: Page,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2,3}$", description="ISO2 or ISO3")] = None,
    name: Annotated[str | None, Query(max_length=200)] = None,
) -> Response:
    """Resolved places, grouped by GeoNames id (or name and coordinates), most mentioned first."""
    _need(db, "places", "run the places stage (wirescope ingest)")
    sub = (
        "(SELECT coalesce(CAST(geonameid AS VARCHAR), name || '@' || CAST(lat AS VARCHAR)) AS place_id, "
        "any_value(geonameid) AS geonameid, mode(name) AS name, any_value(lat) AS lat, any_value(lon) AS lon, "
        "any_value(feature) AS feature, any_value(country) AS country, any_value(country3) AS country3, "
        "count(*) AS mentions, count(DISTINCT article_id) AS articles "
        "FROM places WHERE name IS NOT NULL AND lat IS NOT NULL GROUP BY 1) p"
    )
    q = Q(
        select="place_id, geonameid, name, lat, lon, feature, country, country3, mentions, articles",
        from_=sub,
        keys=(largest_first("mentions"), Key("place_id")),
    )
    if country:
        code = country.upper()
        try:
            q.add("country = ? OR country3 = ?", code, iso3(code))
        except InputError as exc:
            raise ApiError(400, "bad_country", exc.reason) from exc
    if name:
        q.add("contains(lower(name), lower(?))", name)
    return listing(db, q, fmt=page.format, limit=page.limit, cursor=page.cursor, name="places")


@router.get("/stories", responses=m.downloads(m.StoryRow, "stories"))
def list_stories(db: DB, page: Page) -> Response:
    """Story clusters, biggest first."""
    _need(db, "stories", "run the aggregation (wirescope aggregate)")
    q = Q(select=db.select(STORIES), from_="stories t", keys=(largest_first("t.size"), Key("t.id")))
    return listing(db, q, fmt=page.format, limit=page.limit, cursor=page.cursor, name="stories")


@router.get("/stories/{story_id}", responses=m.one(m.StoryDetail, "the story"))
def get_story(db: DB, story_id: Annotated[str, Path(max_length=100)]) -> Response:
    """One story with its articles and a timeline of its events and quotations, each with evidence."""
    _need(db, "stories", "run the aggregation (wirescope aggregate)")
    with db.cursor() as cur:
        found = dicts(cur.execute(f"SELECT {db.select(STORIES)} FROM stories t WHERE t.id = ?", [story_id]))
        if not found:
            raise ApiError(404, "not_found", f"no story with id {story_id!r}")
        story: dict[str, Any] = found[0]
        members = "(SELECT article_id FROM story_articles WHERE story_id = ?)"
        story["articles"] = dicts(
            cur.execute(
                f"SELECT id, title, published, source, url FROM articles WHERE id IN {members} "
                "ORDER BY published NULLS LAST, id",
                [story_id],
            )
        )
        story["events"] = dicts(
            cur.execute(
                f"SELECT {db.select(EVENTS)}, a.source AS article_source, a.url AS article_url FROM events t "
                f"JOIN articles a ON a.id = t.article_id WHERE t.article_id IN {members} "
                "ORDER BY t.date NULLS LAST, t.article_id, t.idx",
                [story_id],
            )
        ) if db.has("events") else []
        story["quotes"] = dicts(
            cur.execute(
                f"SELECT {db.select(QUOTES)}, {REPORTED_BY}, a.published FROM quotes t "
                "JOIN articles a ON a.id = t.article_id "
                "WHERE t.article_id IN {members} ORDER BY a.published NULLS LAST, t.article_id, t.idx".replace(
                    "{members}", members
                ),
                [story_id],
            )
        ) if db.has("quotes") else []
    return json_response(story)


@router.get("/alerts", responses=m.downloads(m.AlertRow, "alerts"))
def list_alerts(db: DB, page: Page) -> Response:
    """Escalation alerts from change detection, newest first."""
    _need(db, "alerts", "run the aggregation (wirescope aggregate)")
    q = Q(
        select=db.select(ALERTS),
        from_="alerts t",
        keys=(newest_first("t.day"), Key("t.level"), Key("t.source"), Key("t.target")),
    )
    return listing(db, q, fmt=page.format, limit=page.limit, cursor=page.cursor, name="alerts")
