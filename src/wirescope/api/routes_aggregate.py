"""Quotations, places, stories and alerts. Each endpoint answers 404 ``no_<table>`` until its table exists."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response

from .db import Database, dicts
from .deps import DB, Page
from .errors import ApiError
from .filters import event_keys, events_columns, iso3
from .models import DOWNLOADS, ERRORS
from .paging import Key, largest_first, newest_first
from .paging import Query as Q
from .respond import json_response, listing
from .routes_events import LIST_FIELDS
from .schema_map import QUOTE_FIELDS, Columns
from .views import filter_story, story_link

router = APIRouter(prefix="/api", tags=["aggregates"])


def _need(db: Database, table: str, what: str) -> tuple[str, ...]:
    cols = db.columns(table)
    if not cols:
        raise ApiError(404, f"no_{table}", f"this store has no {table} table yet; {what}")
    return cols


def _quotes(db: Database) -> Columns:
    _need(db, "quotes", "run the quote stage (wirescope ingest)")
    return Columns(db, "quotes", QUOTE_FIELDS)


@router.get("/quotes", responses=DOWNLOADS)
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
    c = _quotes(db)
    q = Q(
        select=c.select() + ", a.title AS article_title, a.published",
        from_=f"quotes t LEFT JOIN articles a ON a.id = {c.col('article_id')}",
        keys=(
            newest_first("a.published"),
            Key(f"coalesce({c.col('article_id')}, '')"),
            Key(f"coalesce({c.col('start')}, -1)"),
        ),
    )
    if speaker:
        name, ent, code = c.col("speaker_name"), c.col("speaker_entity_id"), c.col("speaker_code")
        q.add(
            f"contains(lower(coalesce({name}, {c.col('speaker_text')}, '')), lower(?)) OR coalesce({ent}, '') = ? "
            f"OR starts_with(upper(coalesce({code}, '')), upper(?))",
            speaker,
            speaker,
            speaker,
        )
    if text:
        q.add(f"contains(lower({c.col('text')}), lower(?))", text)
    if type:
        q.add(f"{c.col('type')} = ?", type)
    if article_id:
        q.add(f"starts_with({c.col('article_id')}, ?)", article_id)
    if story:
        filter_story(db, q, story, c.col("article_id"))
    return listing(db, q, fmt=page.format, limit=page.limit, cursor=page.cursor, name="quotes")


@router.get("/speakers", responses=DOWNLOADS)
def list_speakers(db: DB, page: Page) -> Response:
    """Speakers with the number of quotations and articles, most quoted first (unresolved speakers excluded)."""
    c = _quotes(db)
    name = f"coalesce({c.col('speaker_name')}, {c.col('speaker_text')})"
    sub = (
        f"(SELECT {name} AS speaker, any_value({c.col('speaker_entity_id')}) AS entity_id, "
        f"any_value({c.col('speaker_code')}) AS code, count(*) AS quotes, "
        f"count(DISTINCT {c.col('article_id')}) AS articles FROM quotes t WHERE {name} IS NOT NULL GROUP BY 1) s"
    )
    q = Q(
        select="speaker, entity_id, code, quotes, articles", from_=sub, keys=(largest_first("quotes"), Key("speaker"))
    )
    return listing(db, q, fmt=page.format, limit=page.limit, cursor=page.cursor, name="speakers")


@router.get("/places", responses=DOWNLOADS)
def list_places(
    db: DB,
    page: Page,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2,3}$", description="ISO2 or ISO3")] = None,
    name: Annotated[str | None, Query(max_length=200)] = None,
) -> Response:
    """Resolved places, grouped by GeoNames id (or name and coordinates), most mentioned first."""
    cols = _need(db, "places", "run the places stage (wirescope ingest)")
    country_col = "country3" if "country3" in cols else "country"
    sub = (
        "(SELECT coalesce(CAST(geonameid AS VARCHAR), name || '@' || CAST(lat AS VARCHAR)) AS place_id, "
        f"any_value(geonameid) AS geonameid, mode(name) AS name, any_value(lat) AS lat, any_value(lon) AS lon, "
        f"any_value(feature) AS feature, any_value(country) AS country, any_value({country_col}) AS country3, "
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
        q.add("country = ? OR country3 = ?", code, iso3(code) if len(code) == 2 else code)
    if name:
        q.add("contains(lower(name), lower(?))", name)
    return listing(db, q, fmt=page.format, limit=page.limit, cursor=page.cursor, name="places")


NUMERIC = ("INTEGER", "BIGINT", "DOUBLE", "FLOAT", "SMALLINT", "HUGEINT", "DECIMAL", "REAL", "UBIGINT")


def _key(db: Database, table: str, col: str, desc: bool) -> Key:
    if db.type_of(table, col).startswith(NUMERIC):
        return largest_first(f'"{col}"') if desc else Key(f'coalesce("{col}", 0)')
    if db.type_of(table, col) == "DATE":
        return newest_first(f'"{col}"') if desc else Key(f"coalesce(\"{col}\", DATE '0001-01-01')", cast="DATE")
    return Key(f"coalesce(CAST(\"{col}\" AS VARCHAR), '')", desc=desc)


def _order_keys(db: Database, table: str, preferred: list[tuple[str, bool]], unique: list[str]) -> tuple[Key, ...]:
    """The first preferred column present, then columns that together identify a row (for stable cursors)."""
    cols = db.columns(table)
    keys = [next((_key(db, table, c, d) for c, d in preferred if c in cols), None)]
    keys += [_key(db, table, c, False) for c in unique if c in cols]
    return tuple(k for k in keys if k is not None)


@router.get("/stories", responses=DOWNLOADS)
def list_stories(db: DB, page: Page) -> Response:
    """Story clusters, biggest first."""
    cols = _need(db, "stories", "run the aggregation (wirescope aggregate)")
    q = Q(
        select="*",
        from_="stories",
        keys=_order_keys(
            db,
            "stories",
            [("size", True), ("article_count", True), ("last_date", True)],
            ["id"] if "id" in cols else list(cols),
        ),
    )
    return listing(db, q, fmt=page.format, limit=page.limit, cursor=page.cursor, name="stories")


@router.get("/stories/{story_id}", responses=ERRORS)
def get_story(db: DB, story_id: Annotated[str, Path(max_length=100)]) -> Response:
    """One story with its articles and a timeline of its events and quotations, each with evidence."""
    cols = _need(db, "stories", "run the aggregation (wirescope aggregate)")
    unique = "id" if "id" in cols else cols[0]
    with db.cursor() as cur:
        found = dicts(cur.execute(f'SELECT * FROM stories WHERE CAST("{unique}" AS VARCHAR) = ?', [story_id]))
        if not found:
            raise ApiError(404, "not_found", f"no story with id {story_id!r}")
        story: dict[str, Any] = found[0]
        link = story_link(db)
        story["articles"], story["events"], story["quotes"] = [], [], []
        if link is None:
            return json_response(story)
        table, story_col, article_col = link
        members = f'(SELECT "{article_col}" FROM "{table}" WHERE "{story_col}" = ?)'
        story["articles"] = dicts(
            cur.execute(
                f"SELECT id, title, published, source, url FROM articles WHERE id IN {members} "
                "ORDER BY published NULLS LAST, id",
                [story_id],
            )
        )
        if db.has("events"):
            c = events_columns(db)
            fields = [n for n in LIST_FIELDS if c.has(n)]
            order = ", ".join(f"{k.expr} {'DESC' if not k.desc else 'ASC'}" for k in event_keys(db, c))
            story["events"] = dicts(
                cur.execute(
                    f"SELECT {c.select(fields)} FROM events t WHERE {c.col('article_id')} IN {members} "
                    f"ORDER BY {order}",
                    [story_id],
                )
            )
        if db.has("quotes"):
            c = Columns(db, "quotes", QUOTE_FIELDS)
            story["quotes"] = dicts(
                cur.execute(
                    f"SELECT {c.select()}, a.published FROM quotes t JOIN articles a ON a.id = {c.col('article_id')} "
                    f"WHERE {c.col('article_id')} IN {members} ORDER BY a.published NULLS LAST, 1",
                    [story_id],
                )
            )
    return json_response(story)


@router.get("/alerts", responses=DOWNLOADS)
def list_alerts(db: DB, page: Page) -> Response:
    """Escalation alerts from change detection, newest first."""
    cols = _need(db, "alerts", "run the aggregation (wirescope aggregate)")
    unique: list[str] = ["id"] if "id" in cols else [c for c in ("level", "source", "target") if c in cols]
    q = Q(select="*", from_="alerts", keys=_order_keys(db, "alerts", [("day", True), ("date", True)], unique))
    return listing(db, q, fmt=page.format, limit=page.limit, cursor=page.cursor, name="alerts")
