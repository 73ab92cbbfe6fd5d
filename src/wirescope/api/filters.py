"""The event filters shared by the event list, the map, the network and the escalation series."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import Query

from .db import Database
from .errors import ApiError
from .paging import Key, newest_first
from .paging import Query as Q
from .schema_map import EVENT_FIELDS, Columns
from .views import filter_story

MODALITIES = ("asserted", "threatened", "hypothetical", "negated", "reported")


@dataclass(frozen=True, slots=True)
class EventFilters:
    actor: str | None = None
    source: str | None = None
    target: str | None = None
    country: str | None = None
    code: str | None = None
    root: str | None = None
    quad_class: tuple[int, ...] = ()
    since: date | None = None
    until: date | None = None
    place: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    story: str | None = None
    min_confidence: float | None = None
    modality: tuple[str, ...] = ()
    article_id: str | None = None


def event_filters(
    actor: Annotated[
        str | None,
        Query(max_length=200, description="source or target: name part, code prefix (USAGOV, IRN) or entity id"),
    ] = None,
    source: Annotated[str | None, Query(max_length=200, description="source actor (as actor)")] = None,
    target: Annotated[str | None, Query(max_length=200, description="target actor (as actor)")] = None,
    country: Annotated[
        str | None, Query(pattern=r"^[A-Za-z]{2,3}$", description="ISO3 (or ISO2) country of either actor or the place")
    ] = None,
    code: Annotated[str | None, Query(pattern=r"^\d{2,4}$", description="CAMEO code or code prefix")] = None,
    root: Annotated[str | None, Query(pattern=r"^\d{1,2}$", description="CAMEO root code, 01-20")] = None,
    quad_class: Annotated[list[int] | None, Query(description="1-4, repeatable")] = None,
    since: date | None = None,
    until: date | None = None,
    place: Annotated[str | None, Query(max_length=200, description="place name part or GeoNames id")] = None,
    bbox: Annotated[str | None, Query(max_length=200, description="min_lon,min_lat,max_lon,max_lat")] = None,
    story: Annotated[str | None, Query(max_length=100)] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
    modality: Annotated[list[str] | None, Query(description=", ".join(MODALITIES) + "; repeatable")] = None,
    article_id: Annotated[str | None, Query(max_length=64)] = None,
) -> EventFilters:
    quads = tuple(quad_class or ())
    if any(q not in (1, 2, 3, 4) for q in quads):
        raise ApiError(400, "bad_quad_class", f"quad_class must be 1, 2, 3 or 4, not {list(quads)}")
    mods = tuple(m.lower() for m in modality or ())
    bad = [m for m in mods if m not in MODALITIES]
    if bad:
        raise ApiError(400, "bad_modality", f"unknown modality {bad}; choose from {', '.join(MODALITIES)}")
    return EventFilters(
        actor,
        source,
        target,
        country.upper() if country else None,
        code,
        root.zfill(2) if root else None,
        quads,
        since,
        until,
        place,
        _bbox(bbox),
        story,
        min_confidence,
        mods,
        article_id,
    )


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    try:
        parts = tuple(float(p) for p in value.split(","))
    except ValueError:
        parts = ()
    if len(parts) != 4 or not (
        -180 <= parts[0] <= 180 and -180 <= parts[2] <= 180 and -90 <= parts[1] <= parts[3] <= 90
    ):
        raise ApiError(400, "bad_bbox", f"bbox must be min_lon,min_lat,max_lon,max_lat in degrees, not {value!r}")
    return parts[0], parts[1], parts[2], parts[3]


def iso3(code: str) -> str:
    if len(code) == 3:
        return code
    import pycountry

    found = pycountry.countries.get(alpha_2=code)
    if found is None:
        raise ApiError(400, "bad_country", f"unknown country code {code!r}; use ISO 3166 alpha-3 such as IRN")
    return str(found.alpha_3)


def events_columns(db: Database) -> Columns:
    cols = Columns(db, "events", EVENT_FIELDS, alias="t")
    cols.date_typed = db.type_of("events", cols.found.get("date", "")) == "DATE"
    if not cols.present:
        raise ApiError(404, "no_events", "this store has no events table yet; run the event stage (wirescope ingest)")
    return cols


def actor_condition(c: Columns, side: str, value: str) -> tuple[str, list[str]]:
    """Match one side of an event: ``USA`` (capitals, three letters) a country or code prefix; ``USAGOV`` (capitals
    and digits) a CAMEO actor code prefix; anything else a part of the actor's name, or its entity id."""
    name, code, ent, country = (c.col(f"{side}_{f}") for f in ("name", "code", "entity_id", "country"))
    if re.fullmatch(r"[A-Z]{3}", value):
        return f"{country} = ? OR starts_with({code}, ?)", [value, value]
    if re.fullmatch(r"[A-Z0-9]{4,}", value):
        return f"starts_with({code}, ?)", [value]
    text = c.col(f"{side}_text")
    return f"contains(lower(coalesce({name}, {text})), ?) OR {ent} = ?", [value.lower(), value]


def event_date(c: Columns) -> str:
    return f"TRY_CAST({c.col('date')} AS DATE)" if not c.date_typed else c.col("date")


def apply(db: Database, c: Columns, q: Q, f: EventFilters) -> None:
    if f.actor:
        s_cond, s_params = actor_condition(c, "source", f.actor)
        t_cond, t_params = actor_condition(c, "target", f.actor)
        q.add(f"({s_cond}) OR ({t_cond})", *s_params, *t_params)
    if f.source:
        cond, params = actor_condition(c, "source", f.source)
        q.add(cond, *params)
    if f.target:
        cond, params = actor_condition(c, "target", f.target)
        q.add(cond, *params)
    if f.country:
        code = iso3(f.country)
        q.add(
            f"{c.col('source_country')} = ? OR {c.col('target_country')} = ? OR {c.col('place_country')} = ?",
            code,
            code,
            code,
        )
    if f.code:
        q.add(f"starts_with({c.col('code')}, ?)", f.code)
    if f.root:
        q.add(f"{c.col('root_code')} = ?", f.root)
    if f.quad_class:
        q.add(f"{c.col('quad_class')} IN ({', '.join('?' * len(f.quad_class))})", *f.quad_class)
    if f.since:
        q.add(f"{event_date(c)} >= ?", f.since)
    if f.until:
        q.add(f"{event_date(c)} <= ?", f.until)
    if f.place:
        if f.place.isdigit():
            q.add(f"{c.col('geonameid')} = ?", int(f.place))
        else:
            q.add(f"contains(lower(coalesce({c.col('place_name')}, {c.col('place_text')}, '')), lower(?))", f.place)
    if f.bbox:
        lon, lat = c.col("lon"), c.col("lat")
        min_lon, min_lat, max_lon, max_lat = f.bbox
        if min_lon <= max_lon:
            q.add(f"{lat} BETWEEN ? AND ? AND {lon} BETWEEN ? AND ?", min_lat, max_lat, min_lon, max_lon)
        else:  # the box crosses the antimeridian
            q.add(f"{lat} BETWEEN ? AND ? AND ({lon} >= ? OR {lon} <= ?)", min_lat, max_lat, min_lon, max_lon)
    if f.story:
        filter_story(db, q, f.story, c.col("article_id"))
    if f.min_confidence is not None:
        q.add(f"{c.col('confidence')} >= ?", f.min_confidence)
    if f.modality:
        q.add(f"{c.col('modality')} IN ({', '.join('?' * len(f.modality))})", *f.modality)
    if f.article_id:
        q.add(f"starts_with({c.col('article_id')}, ?)", f.article_id)


def event_keys(db: Database, c: Columns) -> tuple[Key, ...]:
    if db.type_of(c.table, c.found.get("date", "")) == "DATE":  # a typed key sorts without converting each row
        keys = [newest_first(c.col("date"))]
    else:
        keys = [Key(f"coalesce(CAST({c.col('date')} AS VARCHAR), '')", desc=True)]
    keys.append(Key(f"coalesce({c.col('article_id')}, '')"))
    if c.has("id"):
        return (*keys, Key(f"CAST({c.col('id')} AS VARCHAR)"))
    if c.has("idx"):
        return (*keys, Key(f"coalesce({c.col('idx')}, -1)"))
    return (
        *keys,
        Key(f"coalesce({c.col('sentence')}, -1)"),
        Key(f"coalesce({c.col('trigger_start')}, -1)"),
        Key(f"coalesce({c.col('code')}, '')"),
    )
