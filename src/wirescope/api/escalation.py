"""Daily escalation series for a directed dyad, computed from the events table (and joined with the aggregation's
stored index when it exists)."""

from __future__ import annotations

from datetime import date
from typing import Any

import duckdb

from ..aggregate.tables import ESCALATION
from ..store.filters import actor_condition
from .db import Database, dicts
from .paging import Query as Q


def series(
    db: Database, cur: duckdb.DuckDBPyConnection, source: str, target: str, since: date | None, until: date | None
) -> dict[str, Any]:
    """Per day: events, Goldstein sum and confidence-weighted mean, counts per quad class."""
    q = Q(select="", from_="events t", keys=())
    for side, value in (("source", source), ("target", target)):
        cond, params = actor_condition(side, value, "t.")
        q.add(cond, *params)
    if since:
        q.add("t.date >= ?", since)
    if until:
        q.add("t.date <= ?", until)
    q.add("t.date IS NOT NULL")
    points = dicts(
        cur.execute(
            "SELECT t.date AS day, count(*) AS events, round(sum(t.goldstein), 2) AS goldstein_sum, "
            "round(sum(t.goldstein * t.confidence) / nullif(sum(t.confidence), 0), 3) AS goldstein_mean, "
            "count(*) FILTER (t.quad_class = 1) AS q1, count(*) FILTER (t.quad_class = 2) AS q2, "
            "count(*) FILTER (t.quad_class = 3) AS q3, count(*) FILTER (t.quad_class = 4) AS q4 "
            f"FROM events t{q.where_sql()} GROUP BY 1 ORDER BY 1",
            q.params,
        )
    ) if db.has("events") else []
    return {"source": source, "target": target, "points": points, "index": stored_index(db, cur, source, target)}


# The stored index without its event ids (they can be long and are not charted).
INDEX_COLUMNS = tuple(n for n in ESCALATION.names if n != "event_ids")


def stored_index(db: Database, cur: duckdb.DuckDBPyConnection, source: str, target: str) -> list[dict[str, Any]]:
    """The aggregation's daily escalation index for this dyad (country dyads are ISO3 codes; anything else is an
    actor-level series), once the aggregation has run."""
    if not db.has(ESCALATION.name):
        return []
    level = "country" if len(source) == 3 and len(target) == 3 and (source + target).isalpha() else "actor"
    return dicts(
        cur.execute(
            f"SELECT {db.select(ESCALATION, names=INDEX_COLUMNS)} FROM escalation t WHERE upper(t.source) = upper(?) "
            "AND upper(t.target) = upper(?) AND t.level = ? ORDER BY t.day",
            [source, target, level],
        )
    )
