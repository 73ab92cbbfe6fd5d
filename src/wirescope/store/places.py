"""Rows for the ``places`` and ``times`` tables and the place query behind ``wirescope places``."""

from __future__ import annotations

from datetime import date
from typing import Any

import duckdb

from ..records import Analysis


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def rows(analysis: Analysis) -> dict[str, list[tuple[Any, ...]]]:
    aid = analysis.article.id
    places = [
        (aid, i, p.sentence, p.start, p.end, p.text, p.name, p.geonameid, p.lat, p.lon, p.feature, p.country,
         p.country3, p.admin1, p.confidence)
        for i, p in enumerate(analysis.places)
    ]
    times = [
        (aid, i, t.sentence, t.start, t.end, t.text, _date(t.value), _date(t.value_end), t.granularity, t.kind)
        for i, t in enumerate(analysis.times)
    ]
    return {"places": places, "times": times}


def query_places(
    con: duckdb.DuckDBPyConnection,
    *,
    country: str | None = None,
    article_id: str | None = None,
    include_unresolved: bool = False,
    limit: int | None = None,
) -> list[dict[str, Any]]:
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
    cur = con.execute(sql, params)
    columns = [d[0] for d in cur.description]
    return [dict(zip(columns, row, strict=True)) for row in cur.fetchall()]


def query_times(con: duckdb.DuckDBPyConnection, *, article_id: str) -> list[dict[str, Any]]:
    cur = con.execute("SELECT * FROM times WHERE article_id = ? ORDER BY idx", [article_id])
    columns = [d[0] for d in cur.description]
    return [dict(zip(columns, row, strict=True)) for row in cur.fetchall()]
