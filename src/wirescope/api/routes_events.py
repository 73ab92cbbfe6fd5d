"""Events: the filtered list with evidence, the map aggregation, the actor network and the escalation series."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import Response

from ..aggregate import fold
from ..aggregate.tables import EVENT_MENTIONS, MERGED_EVENTS
from ..store.tables import EVENTS
from . import escalation as esc
from . import models as m
from .db import Database, dicts
from .deps import DB, Page
from .display import EVENT_DISPLAY, MENTION_DISPLAY, add_display, with_display
from .errors import ApiError
from .filters import EventFilters, apply, event_filters, event_keys
from .paging import Key, Lookup, newest_first
from .paging import Query as Q
from .respond import json_response, listing
from .views import code_labels

router = APIRouter(prefix="/api", tags=["events"])
# Who reported it: the reporting article's headline, outlet and address, looked up for each page of events.
ARTICLE_REF = (("lk.title", "article_title"), ("lk.source", "article_source"), ("lk.url", "article_url"))
Filters = Annotated[EventFilters, Depends(event_filters)]

def need_events(db: Database) -> None:
    if not db.has("events"):
        raise ApiError(404, "no_events", "this store has no events table yet; run the event stage (wirescope ingest)")


@router.get("/events", responses=m.downloads(m.ListedEvent, "events"))
def list_events(db: DB, page: Page, f: Filters) -> Response:
    """Coded events, newest first, each with its evidence sentence, article id and character spans (every column of
    the events table, see the response schema)."""
    need_events(db)
    q = Q(
        select=db.select(EVENTS),
        from_="events t",
        keys=event_keys(),
        locator="t.rowid" if db.is_base_table("events") else None,
        lookup=Lookup("articles", "article_id", "id", ARTICLE_REF),
    )
    apply(db, q, f)
    resp = listing(db, q, fmt=page.format, limit=page.limit, cursor=page.cursor, name="events")
    return with_display(resp, EVENT_DISPLAY)


@router.get("/codes", responses=m.one(m.CodeLabels, "CAMEO codes with their labels"))
def codes() -> Response:
    """The label of every CAMEO code and the PLOVER class it maps to, for showing next to a bare code."""
    return json_response(code_labels())


MAP_POINTS = 5000  # grid cells drawn at most (the busiest); the map stays readable and light


def _cell(coord: str, precision: int) -> str:
    # An integer grid cell: grouping on integers is about twice as fast as on rounded doubles.
    return f"CAST(round({coord} * {10**precision}) AS BIGINT)"


@router.get("/map", responses=m.one(m.MapBody, "event and place cells"))
def event_map(
    db: DB,
    f: Filters,
    precision: Annotated[int, Query(ge=0, le=4, description="decimal places of the coordinate grid")] = 2,
) -> Response:
    """Events grouped by location (a grid of ``precision`` decimals) with counts per quad class, and the places
    named in the same articles; for the map."""
    need_events(db)
    q = Q(select="", from_="events t", keys=())
    apply(db, q, f)
    lat, lon, quad = "t.place_lat", "t.place_lon", "t.quad_class"
    where = q.where_sql([f"{lat} IS NOT NULL", f"{lon} IS NOT NULL"])
    points_sql = (
        f"SELECT round(avg({lat}), 4) AS lat, round(avg({lon}), 4) AS lon, "
        "any_value(t.place_name) AS name, any_value(t.place_country3) AS country, "
        "count(*) AS events, "
        f"count(*) FILTER ({quad} = 1) AS q1, count(*) FILTER ({quad} = 2) AS q2, "
        f"count(*) FILTER ({quad} = 3) AS q3, count(*) FILTER ({quad} = 4) AS q4 "
        f"FROM events t{where} GROUP BY {_cell(lat, precision)}, {_cell(lon, precision)} "
        f"ORDER BY events DESC LIMIT {MAP_POINTS}"
    )
    places_sql = ""
    places_params: list[Any] = []
    if db.has("places", "lat", "lon"):
        scope = ""
        if q.where:
            scope = f" AND p.article_id IN (SELECT t.article_id FROM events t{q.where_sql()})"
            places_params = list(q.params)
        places_sql = (
            "SELECT round(avg(p.lat), 4) AS lat, round(avg(p.lon), 4) AS lon, any_value(p.name) AS name, "
            "count(*) AS mentions, count(DISTINCT p.article_id) AS articles FROM places p "
            f"WHERE p.lat IS NOT NULL AND p.lon IS NOT NULL{scope} "
            f"GROUP BY {_cell('p.lat', precision)}, {_cell('p.lon', precision)} "
            f"ORDER BY mentions DESC LIMIT {MAP_POINTS}"
        )

    def compute() -> bytes:
        with db.cursor() as cur:
            points = dicts(cur.execute(points_sql, q.params))
            places = dicts(cur.execute(places_sql, places_params)) if places_sql else []
        return bytes(json_response({"points": points, "places": places}).body)

    # The dashboard opens on the whole map, an aggregation over every event: computed (and rendered, a few
    # thousand cells) once per store state and filter set.
    key = ("map", points_sql, repr(q.params), places_sql, repr(places_params))
    return Response(db.cached(key, compute), media_type="application/json")


@router.get("/network", responses=m.one(m.NetworkBody, "the actor network"))
def network(
    db: DB,
    f: Filters,
    level: Annotated[str, Query(pattern="^(actor|country)$", description="actor: codes or names; country: ISO3")] = (
        "actor"
    ),
    top: Annotated[int, Query(ge=1, le=5000, description="strongest edges to return")] = 200,
) -> Response:
    """Who acts on whom: directed edges weighted by event count, with the quad-class mix and mean Goldstein. At the
    actor level the names of one actor are one node (``Syrian`` and ``Damascus`` are ``Syria``); each node lists
    the names folded into it and why (``fold``: demonym, capital as metonym, alias, spelling variant)."""
    need_events(db)
    q = Q(select="", from_="events t", keys=())
    apply(db, q, f)
    if level == "country":
        src, tgt = "t.source_country", "t.target_country"
    else:
        src = "coalesce(t.source_name, t.source_code, t.source_text)"
        tgt = "coalesce(t.target_name, t.target_code, t.target_text)"
    where = q.where_sql([f"{src} IS NOT NULL", f"{tgt} IS NOT NULL"])
    sql = fold.network_sql(src, tgt, where, top, fold=level == "actor")

    def compute() -> bytes:
        with db.cursor() as cur:
            rows = dicts(cur.execute(sql, q.params))
        return bytes(json_response(fold.network_of(rows)).body)

    # a scan of every filtered event, as the map: computed once per store state and filter set
    return Response(db.cached(("network", sql, repr(q.params)), compute), media_type="application/json")


@router.get("/dyads", responses=m.one(m.DyadList, "country dyads"))
def dyads(
    db: DB,
    f: Filters,
    top: Annotated[int, Query(ge=1, le=5000)] = 50,
) -> Response:
    """Directed country dyads with the most events (for choosing an escalation series)."""
    need_events(db)
    q = Q(select="", from_="events t", keys=())
    apply(db, q, f)
    src, tgt = "t.source_country", "t.target_country"
    where = q.where_sql([f"{src} IS NOT NULL", f"{tgt} IS NOT NULL", f"{src} <> {tgt}"])
    with db.cursor() as cur:
        rows = dicts(
            cur.execute(
                f"SELECT {src} AS source, {tgt} AS target, count(*) AS events, round(sum(t.goldstein), 1) "
                f"AS goldstein_sum FROM events t{where} GROUP BY 1, 2 ORDER BY events DESC, 1, 2 LIMIT {int(top)}",
                q.params,
            )
        )
    return json_response({"items": rows})


@router.get("/escalation", responses=m.one(m.EscalationBody, "daily series"))
def escalation(
    db: DB,
    source: Annotated[str, Query(min_length=1, max_length=200, description="source actor: ISO3 or code prefix")],
    target: Annotated[str, Query(min_length=1, max_length=200, description="target actor: ISO3 or code prefix")],
    since: date | None = None,
    until: date | None = None,
    both: Annotated[bool, Query(description="also the reverse direction")] = True,
) -> Response:
    """Daily series for a dyad: events, Goldstein sum and mean (weighted by confidence), quad-class counts and the
    stored escalation index when the aggregation has computed one."""
    directions = [(source, target)] + ([(target, source)] if both and source != target else [])
    with db.cursor() as cur:
        series = [esc.series(db, cur, s, t, since, until) for s, t in directions]
    return json_response({"series": series})


def need_merged(db: Database) -> None:
    if not db.has("merged_events"):
        raise ApiError(404, "no_merged_events", "this store has no merged events yet; run `wirescope aggregate`")


@router.get("/merged-events", responses=m.downloads(m.MergedEventRow, "merged events"))
def list_merged_events(db: DB, page: Page, f: Filters) -> Response:
    """Events merged across articles (one real-world event with all its reports), newest first, with the number
    of mentions, articles and sources. The same filters as ``/api/events`` (``article_id`` is the first article)."""
    need_merged(db)
    q = Q(select=db.select(MERGED_EVENTS), from_="merged_events t", keys=(newest_first("t.date"), Key("t.id")))
    apply(db, q, f, article_column="first_article")
    return listing(db, q, fmt=page.format, limit=page.limit, cursor=page.cursor, name="merged-events")


@router.get("/merged-events/{event_id}", responses=m.one(m.MergedEventDetail, "the merged event"))
def get_merged_event(db: DB, event_id: Annotated[str, Path(max_length=100)]) -> Response:
    """One merged event with every sentence that reports it (article, sentence, confidence, evidence)."""
    need_merged(db)
    with db.cursor() as cur:
        found = dicts(cur.execute(f"SELECT {db.select(MERGED_EVENTS)} FROM merged_events t WHERE t.id = ?", [event_id]))
        if not found:
            raise ApiError(404, "not_found", f"no merged event with id {event_id!r}")
        event = found[0]
        event["mentions"] = dicts(
            cur.execute(
                f"SELECT {db.select(EVENT_MENTIONS)} FROM event_mentions t WHERE t.event_id = ? "
                "ORDER BY t.published NULLS LAST, t.article_id, t.sentence",
                [event_id],
            )
        )
    add_display(event["mentions"], MENTION_DISPLAY)
    return json_response(event)
