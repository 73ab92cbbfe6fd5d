"""Daily escalation series for a directed dyad, computed from the events table (and joined with the aggregation's
stored index when it exists)."""

from __future__ import annotations

from datetime import date
from typing import Any

import duckdb

from .db import Database, dicts
from .filters import actor_condition, event_date, events_columns
from .paging import Query as Q


def series(
    db: Database, cur: duckdb.DuckDBPyConnection, source: str, target: str, since: date | None, until: date | None
) -> dict[str, Any]:
    """Per day: events, Goldstein sum and confidence-weighted mean, counts per quad class."""
    c = events_columns(db)
    q = Q(select="", from_="events t", keys=())
    for side, value in (("source", source), ("target", target)):
        cond, params = actor_condition(c, side, value)
        q.add(cond, *params)
    day = event_date(c)
    if since:
        q.add(f"{day} >= ?", since)
    if until:
        q.add(f"{day} <= ?", until)
    q.add(f"{day} IS NOT NULL")
    gold, conf, quad = c.col("goldstein"), f"coalesce({c.col('confidence')}, 1.0)", c.col("quad_class")
    points = dicts(
        cur.execute(
            f"SELECT {day} AS day, count(*) AS events, round(sum({gold}), 2) AS goldstein_sum, "
            f"round(sum({gold} * {conf}) / nullif(sum({conf}), 0), 3) AS goldstein_mean, "
            f"count(*) FILTER ({quad} = 1) AS q1, count(*) FILTER ({quad} = 2) AS q2, "
            f"count(*) FILTER ({quad} = 3) AS q3, count(*) FILTER ({quad} = 4) AS q4 "
            f"FROM events t{q.where_sql()} GROUP BY 1 ORDER BY 1",
            q.params,
        )
    )
    return {"source": source, "target": target, "points": points, "index": stored_index(db, cur, source, target)}


def stored_index(db: Database, cur: duckdb.DuckDBPyConnection, source: str, target: str) -> list[dict[str, Any]]:
    """The aggregation's daily escalation index for this dyad, when its table exists."""
    for table in ("escalation", "escalation_daily", "dyad_daily"):
        cols = db.columns(table)
        if not cols:
            continue
        src = next((n for n in ("source", "source_actor", "actor1", "src") if n in cols), None)
        tgt = next((n for n in ("target", "target_actor", "actor2", "tgt") if n in cols), None)
        day = next((n for n in ("day", "date") if n in cols), None)
        if not (src and tgt and day):
            continue
        level, params = "", [source, target]
        if "level" in cols:  # country dyads are ISO3 codes; anything else is an actor-level series
            level = ' AND "level" = ?'
            params.append(
                "country" if len(source) == 3 and len(target) == 3 and (source + target).isalpha() else "actor"
            )
        cols_sql = "* EXCLUDE (event_ids)" if "event_ids" in cols else "*"  # the ids can be long; not charted
        sql = (
            f'SELECT {cols_sql} FROM "{table}" WHERE upper("{src}") = upper(?) AND upper("{tgt}") = upper(?)'
            f'{level} ORDER BY "{day}"'
        )
        return dicts(cur.execute(sql, params))
    return []
