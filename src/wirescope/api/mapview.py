"""The dashboard map's data: located events grouped by grid cell *and* place precision (a city's events and the
country's centroid events never share a circle), the date range for the time slider, and the export of what is
shown (GeoJSON or CSV, one row per event)."""

from __future__ import annotations

import csv
import io
import json
import math
from dataclasses import replace
from datetime import date
from typing import Any

from pydantic import BaseModel, Field

from ..store.places import precision_sql
from .db import Database, dicts
from .filters import EventFilters, apply
from .paging import Query as Q
from .respond import plain

CELLS = 5000  # grid cells drawn at most (the busiest)
EXPORT_ROWS = 50_000  # events exported at most (the newest)
PRECISION = (
    "how precisely the events are located: place (a city, village or site), admin (an administrative area) or "
    "country (only the country: drawn on its centroid)"
)


class MapCell(BaseModel):
    lat: float = Field(description="mean latitude of the cell's events (WGS84 degrees)")
    lon: float = Field(description="mean longitude of the cell's events")
    name: str | None = Field(description="a place name of the cell (cells are 0.01 degree squares)")
    country: str | None = Field(description="ISO 3166 alpha-3 country of that place (where the events took place)")
    precision: str = Field(description=PRECISION)
    events: int = Field(description="events in the cell")
    first_day: date | None = Field(description="the earliest event date in the cell")
    last_day: date | None = Field(description="the latest event date in the cell")
    q1: int = Field(description="verbal cooperation events")
    q2: int = Field(description="material cooperation events")
    q3: int = Field(description="verbal conflict events")
    q4: int = Field(description="material conflict events")


class MapView(BaseModel):
    points: list[MapCell] = Field(description="cells of located events, busiest first")
    first_day: date | None = Field(description="first event date under the filters other than the dates (slider)")
    last_day: date | None = Field(description="last event date under the filters other than the dates (slider)")
    precisions: dict[str, int] = Field(description="located events per precision under all the filters")


def _located(db: Database, f: EventFilters) -> Q:
    q = Q(select="", from_="events t", keys=())
    apply(db, q, f)
    q.add("t.place_lat IS NOT NULL AND t.place_lon IS NOT NULL")
    return q


def view(db: Database, f: EventFilters) -> bytes:
    """The map's cells, slider range and precision counts as JSON, cached per store state and filter set."""
    q = _located(db, f)
    undated = _located(db, replace(f, events=replace(f.events, since=None, until=None)))
    prec = precision_sql("t.place_feature") if db.has("events", "place_feature") else "'place'"
    cell = "CAST(round(t.place_lat * 100) AS BIGINT), CAST(round(t.place_lon * 100) AS BIGINT)"
    cells_sql = (
        "SELECT round(avg(t.place_lat), 4) AS lat, round(avg(t.place_lon), 4) AS lon, "
        "any_value(t.place_name) AS name, "
        f"any_value(t.place_country3) AS country, {prec} AS precision, count(*) AS events, "
        # the days as ISO text from DuckDB (what plain() would make of them): a few thousand cells are then
        # JSON-ready as fetched, and converting them value by value took as long as the query
        "CAST(min(t.date) AS VARCHAR) AS first_day, CAST(max(t.date) AS VARCHAR) AS last_day, "
        "count(*) FILTER (t.quad_class = 1) AS q1, count(*) FILTER (t.quad_class = 2) AS q2, "
        "count(*) FILTER (t.quad_class = 3) AS q3, count(*) FILTER (t.quad_class = 4) AS q4 "
        f"FROM events t{q.where_sql()} GROUP BY {cell}, {prec} ORDER BY events DESC LIMIT {CELLS}"
    )
    range_sql = f"SELECT min(t.date), max(t.date) FROM events t{undated.where_sql()}"

    def slider() -> tuple[Any, Any]:
        with db.cursor() as cur:
            found = cur.execute(range_sql, undated.params).fetchone()
        return (found[0], found[1]) if found else (None, None)

    def compute() -> bytes:
        with db.cursor() as cur:
            points = dicts(cur.execute(cells_sql, q.params))
        # the slider's range ignores the dates: kept apart, so moving the slider scans the events once, not twice
        first, last = db.cached(("map-range", range_sql, repr(undated.params)), slider)
        counts: dict[str, int] = {}
        for p in points:
            counts[p["precision"]] = counts.get(p["precision"], 0) + p["events"]
        if not all(math.isfinite(p["lat"]) and math.isfinite(p["lon"]) for p in points):
            points = plain(points)  # a NaN coordinate stored: null, as plain() gives it
        body = {"points": points, "first_day": plain(first), "last_day": plain(last), "precisions": counts}
        return json.dumps(body, separators=(",", ":")).encode()

    return db.cached(("map-view", cells_sql, range_sql, repr(q.params), repr(undated.params)), compute)


EXPORT_COLUMNS = (
    "article_id", "idx", "date", "code", "quad_class", "goldstein", "source_name", "source_country", "target_name",
    "target_country", "place_name", "place_country3", "precision", "lat", "lon", "confidence", "sentence_text",
)


def export_rows(db: Database, f: EventFilters) -> list[dict[str, Any]]:
    """The located events under the filters (the map's current view: filters, visible box, precisions), newest
    first, at most ``EXPORT_ROWS``."""
    q = _located(db, f)
    prec = precision_sql("t.place_feature") if db.has("events", "place_feature") else "'place'"
    sql = (
        "SELECT t.article_id, t.idx, t.date, t.code, t.quad_class, t.goldstein, "
        "coalesce(t.source_name, t.source_text) AS source_name, t.source_country, "
        "coalesce(t.target_name, t.target_text) AS target_name, t.target_country, t.place_name, t.place_country3, "
        f"{prec} AS precision, t.place_lat AS lat, t.place_lon AS lon, t.confidence, t.sentence_text "
        f"FROM events t{q.where_sql()} ORDER BY t.date DESC NULLS LAST, t.article_id, t.idx LIMIT {EXPORT_ROWS}"
    )
    with db.cursor() as cur:
        return [plain(r) for r in dicts(cur.execute(sql, q.params))]


def geojson(rows: list[dict[str, Any]]) -> bytes:
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [r["lon"], r["lat"]]},
            "properties": {k: r[k] for k in EXPORT_COLUMNS if k not in ("lat", "lon")},
        }
        for r in rows
    ]
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False).encode()


def csv_bytes(rows: list[dict[str, Any]]) -> bytes:
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=list(EXPORT_COLUMNS), extrasaction="ignore")
    w.writeheader()
    w.writerows(rows)
    return out.getvalue().encode()
