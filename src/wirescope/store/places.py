"""Typed reads of the ``places`` and ``times`` tables behind ``wirescope places`` (specs in
:mod:`wirescope.store.tables`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb

from ..records import TimeRef
from .spec import select_list
from .tables import TIMES

# How precisely an event is located, from its place's GeoNames feature: a named place (a city, a village, an airport,
# a base), an administrative area (a province, a district), or only a country (or wider: a region, a continent). A
# country-level event sits on the country's centroid, which says nothing about where in the country it happened.
PRECISIONS = ("place", "admin", "country")
WIDER = ("L.CONT", "L.RGN", "L.AREA")  # a continent, a region, an area: no more precise than a country


def precision_of(feature: str | None) -> str:
    """``place``, ``admin`` or ``country`` for a GeoNames feature class.code (None: a named place)."""
    f = feature or ""
    if f.startswith("A.PCL") or f in WIDER:
        return "country"
    if f.startswith("A."):
        return "admin"
    return "place"


def precision_sql(feature: str) -> str:
    """:func:`precision_of` in SQL over a feature column (e.g. ``t.place_feature``; GeoNames codes are upper case)."""
    wider = ", ".join(f"'{w}'" for w in WIDER)
    return (
        f"CASE WHEN {feature} LIKE 'A.PCL%' OR {feature} IN ({wider}) THEN 'country' "
        f"WHEN {feature} LIKE 'A.%' THEN 'admin' ELSE 'place' END"
    )


def precision_condition(feature: str, precisions: tuple[str, ...]) -> str:
    """SQL keeping the events of these precisions: plain comparisons on the feature (no CASE per row), which DuckDB
    evaluates far faster over a million rows."""
    wider = ", ".join(f"'{w}'" for w in WIDER)
    conditions = {
        "country": f"({feature} LIKE 'A.PCL%' OR {feature} IN ({wider}))",
        "admin": f"({feature} LIKE 'A.%' AND {feature} NOT LIKE 'A.PCL%')",
        "place": f"({feature} IS NULL OR ({feature} NOT LIKE 'A.%' AND {feature} NOT IN ({wider})))",
    }
    return " OR ".join(conditions[p] for p in precisions)


@dataclass(frozen=True, slots=True)
class PlaceCount:
    """A place mentioned in the stored articles, with how often (unresolved mentions grouped by their text)."""

    name: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    feature: str | None
    country: str | None
    country3: str | None
    admin1: str | None
    mentions: int
    articles: int


def query_places(
    con: duckdb.DuckDBPyConnection,
    *,
    country: str | None = None,
    article_id: str | None = None,
    include_unresolved: bool = False,
    limit: int | None = None,
) -> list[PlaceCount]:
    """Places mentioned in the stored articles, grouped by resolved place, most mentioned first.

    ``country`` takes an ISO2 or ISO3 code. Unresolved mentions are grouped by their text when
    ``include_unresolved`` is set.
    """
    where: list[str] = []
    params: list[Any] = []
    if country:
        code = country.strip().upper()
        where.append("(country = ? OR country3 = ?)")
        params += [code, code]
    if article_id:
        where.append("article_id = ?")
        params.append(article_id)
    if not include_unresolved:
        where.append("lat IS NOT NULL")
    sql = (
        "SELECT coalesce(name, text) AS name, geonameid, any_value(lat) AS lat, any_value(lon) AS lon,"
        " any_value(feature) AS feature, any_value(country) AS country, any_value(country3) AS country3,"
        " any_value(admin1) AS admin1, count(*) AS mentions, count(DISTINCT article_id) AS articles"
        " FROM places"
    )
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " GROUP BY coalesce(name, text), geonameid, lat IS NULL ORDER BY mentions DESC, name"
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    return [PlaceCount(*row) for row in con.execute(sql, params).fetchall()]


def query_times(con: duckdb.DuckDBPyConnection, *, article_id: str) -> list[TimeRef]:
    """An article's time expressions, in order."""
    cur = con.execute(f"SELECT {select_list(TIMES)} FROM times WHERE article_id = ? ORDER BY idx", [article_id])
    return TIMES.records([d[0] for d in cur.description or []], cur.fetchall())
