"""Quotations, places, stories, alerts, the escalation chart and the map view. Each endpoint answers 404
``no_<table>`` until its table exists."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import Response

from ..aggregate.tables import STORIES
from ..errors import InputError
from ..store.filters import iso3
from ..store.quotes import merge_quote_rows, quote_text_key_sql, speaker_key_sql
from ..store.tables import EVENTS, QUOTES
from . import escalation as esc
from . import mapview
from . import models as m
from .db import Database, dicts
from .deps import DB, Page
from .display import EVENT_DISPLAY, QUOTE_DISPLAY, STORY_DISPLAY, add_display, with_display
from .errors import ApiError
from .filters import EventFilters, event_filters
from .paging import Key, Lookup, fetch_page, largest_first, newest_first, rows_by_id
from .paging import Query as Q
from .respond import Format, json_response, listing
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
    merge: Annotated[bool, Query(description="merge duplicate quotations (same speaker, same words) into the "
                                             "earliest report, with merged and merged_articles counts")] = True,
) -> Response:
    """Quotations with their speaker and cue, by article and position. Duplicates (the same speaker and the same
    words, within an article or across articles) are merged into the earliest report unless ``merge=false``."""
    _need(db, "quotes", "run the quote stage (wirescope ingest)")
    inner = Q(select="", from_="", keys=())
    if speaker:
        inner.add(
            "contains(lower(coalesce(t.speaker_name, t.speaker_text, '')), lower(?)) "
            "OR coalesce(t.speaker_entity_id, '') = ? OR starts_with(upper(coalesce(t.speaker_code, '')), upper(?))",
            speaker,
            speaker,
            speaker,
        )
    if text:
        inner.add("contains(lower(t.text), lower(?))", text)
    if type:
        inner.add("t.type = ?", type)
    if article_id:
        inner.add("starts_with(t.article_id, ?)", article_id)
    if story:
        filter_story(db, inner, story, "t.article_id")
    q = _merged_quotes(db, inner) if merge and db.has("quotes", "speaker_status") else Q(
        select=db.select(QUOTES) + f", {REPORTED_BY}, a.published, "
        "CAST(NULL AS BIGINT) AS merged, CAST(NULL AS BIGINT) AS merged_articles",
        from_="quotes t LEFT JOIN articles a ON a.id = t.article_id",
        keys=(newest_first("a.published"), Key("t.article_id"), Key('t."start"')),
        where=inner.where,
        params=inner.params,
    )
    def page_of_quotes() -> Response:
        resp = listing(db, q, fmt=page.format, limit=page.limit, cursor=page.cursor, name="quotes")
        return with_display(resp, QUOTE_DISPLAY)

    if page.format is not Format.json or not merge:
        return page_of_quotes()
    # Merging groups every filtered quotation (a second or more on a few hundred thousand): each page is computed
    # once per store state and filter set, like the map.
    key = ("quotes", q.from_, q.where_sql(), repr(q.all_params()), page.limit, page.cursor)
    return Response(db.cached(key, lambda: bytes(page_of_quotes().body)), media_type="application/json")


def _merged_quotes(db: Database, inner: Q) -> Q:
    """The filtered quotations with duplicates merged (``store.quotes``: same speaker, same words): the earliest
    report of each stands for the rest, counted in ``merged`` and ``merged_articles``."""
    # The keys computed once per row in a subquery: written in the window's PARTITION BY, DuckDB evaluated them
    # again for each of the three windows (half the answer's time for a speaker's two thousand quotations).
    keyed = (f"SELECT {db.select(QUOTES)}, {REPORTED_BY}, a.published, {speaker_key_sql('t')} AS _sk, "
             f"{quote_text_key_sql('t')} AS _tk FROM quotes t LEFT JOIN articles a ON a.id = t.article_id"
             f"{inner.where_sql()}")
    sub = (
        "(SELECT t.* EXCLUDE (_sk, _tk), count(*) OVER (g) AS merged, "
        "count(DISTINCT t.article_id) OVER (g) AS merged_articles, "
        "row_number() OVER (g ORDER BY t.published NULLS LAST, t.article_id, t.\"start\") AS _first "
        f"FROM ({keyed}) t WINDOW g AS (PARTITION BY _sk, _tk)) t"
    )
    names = ", ".join(f't."{c}"' for c in QUOTES.names)
    q = Q(
        select=f"{names}, t.article_title, t.article_source, t.article_url, t.published, t.merged, "
               "t.merged_articles",
        from_=sub,
        keys=(newest_first("t.published"), Key("t.article_id"), Key('t."start"')),
        from_params=list(inner.params),
    )
    q.add("t._first = 1")
    return q


@router.get("/speakers", responses=m.downloads(m.Speaker, "speakers"))
def list_speakers(db: DB, page: Page) -> Response:
    """Speakers with the number of quotations and articles, most quoted first (unresolved speakers, pronouns among
    them, excluded)."""
    _need(db, "quotes", "run the quote stage (wirescope ingest)")
    name = "coalesce(t.speaker_name, t.speaker_text)"
    # a pronoun that was not resolved ("he", "I") is no speaker (records.SPEAKER_STATUSES)
    named = " AND t.speaker_status <> 'unresolved'" if db.has("quotes", "speaker_status") else ""
    sub = (
        f"(SELECT {name} AS speaker, any_value(t.speaker_entity_id) AS entity_id, "
        "any_value(t.speaker_code) AS code, count(*) AS quotes, "
        f"count(DISTINCT t.article_id) AS articles FROM quotes t WHERE {name} IS NOT NULL{named} GROUP BY 1) s"
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
    resp = listing(db, q, fmt=page.format, limit=page.limit, cursor=page.cursor, name="stories")
    return with_display(resp, STORY_DISPLAY)


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
        # Events and quotations of the story's stored articles (ids unique: the articles' key), found by the id
        # range as well: a store written article by article keeps them together, and the range lets DuckDB skip
        # the other row groups, where a subquery made it read the article column of every event.
        ids = [a["id"] for a in story["articles"]]
        among = "t.article_id BETWEEN ? AND ? AND list_contains(?, t.article_id)"
        among_params: list[Any] = [min(ids), max(ids), ids] if ids else []
        story["events"] = _story_events(db, cur, among, among_params) if db.has("events") and ids else []
        story["quotes"] = dicts(
            cur.execute(
                f"SELECT {db.select(QUOTES)}, {REPORTED_BY}, a.published FROM quotes t "
                f"JOIN articles a ON a.id = t.article_id WHERE {among} "
                "ORDER BY a.published NULLS LAST, t.article_id, t.idx",
                among_params,
            )
        ) if db.has("quotes") and ids else []
        # the copies of a wire story quote the same words: one row each, the earliest report (store.quotes)
        story["quotes"] = merge_quote_rows(story["quotes"])
    add_display([story], STORY_DISPLAY)
    add_display(story["events"], EVENT_DISPLAY)
    add_display(story["quotes"], QUOTE_DISPLAY)
    return json_response(story)


def _story_events(db: Database, cur: Any, among: str, params: list[Any]) -> list[dict[str, Any]]:
    """The events of a story's articles (``among``: the filter on ``t.article_id``), oldest first, with their
    article's outlet and address. Found on the article column alone, then read in full by row id
    (``paging.rows_by_id``): a scan of every column of every event took most of the answer at a million events."""
    if not db.is_base_table("events"):
        return dicts(cur.execute(
            f"SELECT {db.select(EVENTS)}, a.source AS article_source, a.url AS article_url FROM events t "
            f"JOIN articles a ON a.id = t.article_id WHERE {among} "
            "ORDER BY t.date NULLS LAST, t.article_id, t.idx", params))
    # the articles are the stored ones: an event whose article is gone is not shown, as before
    rids = [r[0] for r in cur.execute(f"SELECT t.rowid FROM events t WHERE {among}", params).fetchall()]
    q = Q(select=db.select(EVENTS), from_="events t", keys=(), locator="t.rowid",
          lookup=Lookup("articles", "article_id", "id", (("lk.source", "article_source"), ("lk.url", "article_url"))))
    rows = rows_by_id(cur, q, rids)
    rows.sort(key=lambda e: (e["date"] is None, str(e["date"] or ""), e["article_id"], e["idx"]))
    return rows


@router.get("/alerts", responses=m.downloads(esc.AlertItem, "alerts"))
def list_alerts(
    db: DB,
    page: Page,
    since: Annotated[date | None, Query(description="alerts on or after this day")] = None,
    until: Annotated[date | None, Query(description="alerts on or before this day")] = None,
    source: Annotated[str | None, Query(max_length=200, description="source country (ISO3) or actor code")] = None,
    target: Annotated[str | None, Query(max_length=200, description="target country (ISO3) or actor code")] = None,
    level: Annotated[str | None, Query(pattern="^(country|actor)$", description="country or actor dyads")] = None,
) -> Response:
    """Escalation alerts from change detection, newest first, each said in plain words (``summary``: "US → Iran:
    most hostile day since ..., 3 events from 5 outlets") with its driving merged events."""
    _need(db, "alerts", "run the aggregation (wirescope aggregate)")
    q = esc.alerts_query(db)
    if since:
        q.add("t.day >= ?", since)
    if until:
        q.add("t.day <= ?", until)
    for side, value in (("source", source), ("target", target)):
        if value:
            q.add(f"upper(t.{side}) = upper(?)", value)
    if level:
        q.add("t.level = ?", level)
    if page.format is not Format.json:
        return listing(db, q, fmt=page.format, limit=page.limit, cursor=page.cursor, name="alerts")
    with db.cursor() as cur:
        body = fetch_page(cur, q, limit=page.limit, cursor=page.cursor)
        esc.describe_alerts(db, cur, body["items"])
    return json_response(body)


DYAD = r"^[A-Za-z0-9]{2,40}-[A-Za-z0-9]{2,40}$"


@router.get("/escalation/chart", responses=m.one(esc.ChartBody, "comparable daily series"))
def escalation_chart(
    db: DB,
    dyad: Annotated[list[str], Query(description="SOURCE-TARGET (ISO3 countries or actor codes), 1 to 4, repeatable")],
    since: date | None = None,
    until: date | None = None,
    both: Annotated[bool, Query(description="each dyad's reverse direction too")] = True,
) -> Response:
    """Up to four dyads (each with its reverse direction) on one scale: the daily escalation index, higher = more
    hostile, within the window; days without events are absent (gaps, not zeros)."""
    if not 1 <= len(dyad) <= 4:
        raise ApiError(400, "bad_dyad", f"give 1 to 4 dyads, not {len(dyad)}")
    directions: list[tuple[str, str]] = []
    for d in dyad:
        if not re.fullmatch(DYAD, d):
            raise ApiError(400, "bad_dyad", f"a dyad is SOURCE-TARGET such as USA-IRN, not {d!r}")
        s, t = d.upper().split("-")
        for pair in [(s, t)] + ([(t, s)] if both and s != t else []):
            if pair not in directions:
                directions.append(pair)
    if since and until and since > until:
        raise ApiError(400, "bad_window", f"since ({since}) is after until ({until})")
    with db.cursor() as cur:
        series = esc.chart(db, cur, directions, since, until)
    days = [p["day"] for s in series for p in s["points"]]
    body = {
        "convention": esc.HOSTILITY,
        "since": since.isoformat() if since else (min(days) if days else None),
        "until": until.isoformat() if until else (max(days) if days else None),
        "series": series,
    }
    # The points are JSON-ready (esc.chart): dumped directly, without the generic conversion of every value.
    return Response(json.dumps(body, ensure_ascii=False).encode(), media_type="application/json")


Filters = Annotated[EventFilters, Depends(event_filters)]


@router.get("/map/view", responses=m.one(mapview.MapView, "cells of located events"))
def map_view(db: DB, f: Filters) -> Response:
    """Located events grouped by cell and place precision (place, admin area, country), the date range of the
    time slider and the count per precision; the same filters as ``/api/events`` (``located_in``: where the
    event took place; ``precision``: which precisions to keep)."""
    _need(db, "events", "run the event stage (wirescope ingest)")
    return Response(mapview.view(db, f), media_type="application/json")


@router.get("/map/export", response_class=Response, responses={200: {
    "content": {"application/geo+json": {}, "text/csv": {}},
    "description": "the located events under the filters (one feature or row per event, newest first, at most "
    f"{mapview.EXPORT_ROWS:,})"}, **m.ERRORS})
def map_export(
    db: DB,
    f: Filters,
    format: Annotated[str, Query(pattern="^(geojson|csv)$", description="geojson or csv")] = "geojson",
) -> Response:
    """The map's current view as a file: its filters, visible box (``bbox``) and precisions."""
    _need(db, "events", "run the event stage (wirescope ingest)")
    rows = mapview.export_rows(db, f)
    if format == "csv":
        body, media = mapview.csv_bytes(rows), "text/csv; charset=utf-8"
    else:
        body, media = mapview.geojson(rows), "application/geo+json"
    name = f"wirescope-map.{'csv' if format == 'csv' else 'geojson'}"
    return Response(body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'})
