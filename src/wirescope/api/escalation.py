"""Escalation for the API: daily series for a dyad (from the events table, joined with the aggregation's stored
index), the chart's comparable series (one sign convention: higher = more hostile) and the alerts in plain words.

The one convention, as in ``docs/aggregate.md``: the **escalation index** is ``100 × (−Σ w·g / 10) / (Σ w + 1)``
over a day's events (``g`` Goldstein, ``w`` weight), so +100 is nothing but maximal material conflict, −100 nothing
but maximal cooperation and 0 neutral or no evidence. Higher is more hostile, in every table, chart and endpoint.
"""

from __future__ import annotations

import math
from datetime import date
from functools import cache
from typing import Any

import duckdb
from pydantic import BaseModel, Field

from ..aggregate.tables import ALERTS, ESCALATION
from ..config import DEFAULT_MIN_CONFIDENCE
from ..store.filters import actor_condition
from .db import Database, dicts
from .models import spec_model
from .paging import Key, newest_first
from .paging import Query as Q

HOSTILITY = (
    "escalation index of the day, higher = more hostile: 100 × (−Σ w·Goldstein / 10) / (Σ w + 1) over the day's "
    "events, in (−100, 100); +100 only maximal material conflict, −100 only maximal cooperation, 0 neutral or no "
    "evidence (docs/aggregate.md)"
)
# Threatened events count as a threat (CAMEO 130's Goldstein value), as the aggregation counts them.
THREAT_GOLDSTEIN = -4.4


def series(
    db: Database, cur: duckdb.DuckDBPyConnection, source: str, target: str, since: date | None, until: date | None
) -> dict[str, Any]:
    """Per day: events, Goldstein sum and confidence-weighted mean, counts per quad class; and the stored index in
    the same window."""
    q = _dyad_query(source, target, since, until)
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
    index = stored_index(db, cur, source, target, since, until)
    return {"source": source, "target": target, "points": points, "index": index}


def _dyad_query(source: str, target: str, since: date | None, until: date | None) -> Q:
    q = Q(select="", from_="events t", keys=())
    for side, value in (("source", source), ("target", target)):
        cond, params = actor_condition(side, value, "t.")
        q.add(cond, *params)
    if since:
        q.add("t.date >= ?", since)
    if until:
        q.add("t.date <= ?", until)
    q.add("t.date IS NOT NULL")
    return q


# The stored index without its event ids (they can be long and are not charted).
INDEX_COLUMNS = tuple(n for n in ESCALATION.names if n != "event_ids")


def level_of(source: str, target: str) -> str:
    """Country dyads are ISO3 codes; anything else is an actor-level series."""
    return "country" if len(source) == 3 and len(target) == 3 and (source + target).isalpha() else "actor"


def stored_index(
    db: Database,
    cur: duckdb.DuckDBPyConnection,
    source: str,
    target: str,
    since: date | None = None,
    until: date | None = None,
) -> list[dict[str, Any]]:
    """The aggregation's daily escalation index for this dyad within [since, until], once the aggregation has run."""
    if not db.has(ESCALATION.name):
        return []
    sql = (
        f"SELECT {db.select(ESCALATION, names=INDEX_COLUMNS)} FROM escalation t WHERE upper(t.source) = upper(?) "
        "AND upper(t.target) = upper(?) AND t.level = ?"
    )
    params: list[Any] = [source, target, level_of(source, target)]
    if since:
        sql, params = sql + " AND t.day >= ?", [*params, since]
    if until:
        sql, params = sql + " AND t.day <= ?", [*params, until]
    return dicts(cur.execute(sql + " ORDER BY t.day", params))


# --- the chart: comparable series, one convention -------------------------------------------------------------------


class ChartPoint(BaseModel):
    day: date = Field(description="the day (days without events are absent: a gap, not a zero)")
    events: int = Field(description="events of the day (merged events for the stored index, else article events)")
    index: float = Field(description=HOSTILITY)
    baseline: float | None = Field(description="the index's trailing 14-day mean (stored index only)")
    z: float | None = Field(description="the index's deviation from the baseline in standard deviations")
    alert: bool = Field(description="the day raised an alert (stored index only)")


class ChartSeries(BaseModel):
    source: str = Field(description="source actor as asked (ISO3 country or actor code)")
    target: str = Field(description="target actor as asked")
    measure: str = Field(
        description="stored: the aggregation's index over merged events; events: the same formula over the article "
        "events (weight = confidence), when the aggregation has not run"
    )
    points: list[ChartPoint] = Field(description="days with events in the window, oldest first")


class ChartBody(BaseModel):
    convention: str = Field(description="the sign convention of every index value: higher = more hostile")
    since: date | None = Field(description="first day of the window (asked, else the first day with events)")
    until: date | None = Field(description="last day of the window (asked, else the last day with events)")
    series: list[ChartSeries] = Field(description="each dyad asked, each followed by its reverse direction when asked")


def chart(
    db: Database, cur: duckdb.DuckDBPyConnection, directions: list[tuple[str, str]], since: date | None,
    until: date | None,
) -> list[dict[str, Any]]:
    """Each direction's points for the chart and its table: the stored index when the aggregation knows the dyad
    (all directions read in one scan of the index), else the same formula over the article events."""
    stored = _stored_days(db, cur, directions)
    out = []
    for source, target in directions:
        rows = stored.get((source, target))
        if rows is None:
            out.append(_from_events(db, cur, source, target, since, until))
            continue
        points = [
            # JSON-ready values (ISO days, rounded floats): thousands of points need no generic conversion.
            {"day": r[0].isoformat(), "events": r[1], "index": round(r[2], 2), "baseline": _num(r[3]),
             "z": _num(r[4]), "alert": bool(r[5])}
            for r in rows
            if (since is None or r[0] >= since) and (until is None or r[0] <= until)
        ]
        out.append({"source": source, "target": target, "measure": "stored", "points": points})
    return out


def _num(value: float | None) -> float | None:
    return None if value is None or math.isnan(value) or math.isinf(value) else round(value, 3)


def _stored_days(
    db: Database, cur: duckdb.DuckDBPyConnection, directions: list[tuple[str, str]]
) -> dict[tuple[str, str], list[tuple[Any, ...]]]:
    """The stored index of the directions the aggregation knows, whole (the window is applied by the caller, so a
    dyad known outside the window is not mistaken for an unknown one)."""
    if not db.has(ESCALATION.name) or not directions:
        return {}
    # One OR of exact pairs: a single scan, which DuckDB plans far better than a row-value IN list.
    pairs = " OR ".join("(source = ? AND target = ? AND level = ?)" for _ in directions)
    params = [x for s, t in directions for x in (s, t, level_of(s, t))]
    found: dict[tuple[str, str], list[tuple[Any, ...]]] = {}
    for row in cur.execute(
        f"SELECT source, target, day, events, index_value, baseline, z, alert FROM escalation WHERE {pairs} "
        "ORDER BY source, target, day",
        params,
    ).fetchall():
        found.setdefault((row[0], row[1]), []).append(row[2:])
    return found


def _from_events(
    db: Database, cur: duckdb.DuckDBPyConnection, source: str, target: str, since: date | None, until: date | None
) -> dict[str, Any]:
    if not db.has("events"):
        return {"source": source, "target": target, "measure": "events", "points": []}
    q = _dyad_query(source, target, since, until)
    q.add("t.confidence >= ?", DEFAULT_MIN_CONFIDENCE)
    q.add("t.modality NOT IN ('hypothetical', 'negated')")
    g = f"CASE WHEN t.modality = 'threatened' THEN {THREAT_GOLDSTEIN} ELSE t.goldstein END"
    rows = dicts(
        cur.execute(
            "SELECT t.date AS day, count(*) AS events, "
            f"round(100 * (-sum(t.confidence * {g}) / 10) / (sum(t.confidence) + 1), 2) AS index "
            f"FROM events t{q.where_sql()} GROUP BY 1 ORDER BY 1",
            q.params,
        )
    )
    points = [{**r, "day": r["day"].isoformat(), "index": _num(r["index"]) or 0.0, "baseline": None, "z": None,
               "alert": False} for r in rows]
    return {"source": source, "target": target, "measure": "events", "points": points}


# --- alerts in plain words --------------------------------------------------------------------------------------------

# Short names where the ISO name is long or formal ("United States of America").
SHORT_NAMES = {"USA": "US", "GBR": "UK", "ARE": "UAE", "RUS": "Russia", "PRK": "North Korea", "KOR": "South Korea",
               "SYR": "Syria", "IRN": "Iran", "VEN": "Venezuela", "TWN": "Taiwan", "PSE": "Palestine"}


@cache
def country_names() -> dict[str, str]:
    """ISO3 code -> a short common name, for saying an alert's sides."""
    import pycountry

    names = {c.alpha_3: str(getattr(c, "common_name", None) or c.name) for c in pycountry.countries}
    return {**names, **SHORT_NAMES}


AlertItem = spec_model(
    ALERTS,
    "AlertItem",
    extra={
        "summary": (
            str | None,
            "the alert in plain words: 'US → Iran: most hostile day since 2019-12-29, 3 events from 5 outlets' "
            "(JSON pages)",
        ),
        "events": (int | None, "events of the alert's day for the dyad (JSON pages)"),
        "outlets": (int | None, "outlets that reported the alert's driving events (JSON pages)"),
        "previous_peak": (date | None, "the last earlier day at least as hostile (null: none on record; JSON pages)"),
        "first_day": (date | None, "the dyad's first day on record (JSON pages)"),
    },
)


def alerts_query(db: Database) -> Q:
    """The alerts, newest first (their wording is added per page: :func:`describe_alerts`)."""
    return Q(select=db.select(ALERTS), from_="alerts t", keys=_ALERT_KEYS)


_ALERT_KEYS = (newest_first("t.day"), Key("t.level"), Key("t.source"), Key("t.target"))


def describe_alerts(db: Database, cur: duckdb.DuckDBPyConnection, items: list[dict[str, Any]]) -> None:
    """Add to each alert of a page its day's events, the last earlier day as hostile, the dyad's first day, the
    outlets of its driving events' reports and its sentence: look-ups for the page's rows only, so the cost does
    not grow with the number of alerts."""
    for item in items:
        item.update(events=None, previous_peak=None, first_day=None, outlets=None)
    if items and db.has(ESCALATION.name):
        _add_history(cur, items)
    ids = sorted({e for item in items for e in item.get("driving_events") or ()})
    outlets: dict[str, set[str]] = {}
    if ids and db.has("event_mentions"):
        # a list of values, looked up in the event_mentions_event index (migration 019); = ANY(list) scans them all
        marks = ", ".join("?" * len(ids))
        for event_id, key in cur.execute(
            f"SELECT DISTINCT event_id, source_key FROM event_mentions WHERE event_id IN ({marks})", ids
        ).fetchall():
            outlets.setdefault(event_id, set()).add(key)
    for item in items:
        found = [outlets[e] for e in item.get("driving_events") or () if e in outlets]
        item["outlets"] = len(set().union(*found)) if found else None
        item["summary"] = alert_sentence(item)


def _add_history(cur: duckdb.DuckDBPyConnection, items: list[dict[str, Any]]) -> None:
    keys = [(i["level"], i["source"], i["target"], i["day"], i["index_value"]) for i in items]
    values = ", ".join("(?, ?, ?, CAST(? AS DATE), CAST(? AS DOUBLE))" for _ in keys)
    rows = cur.execute(
        f"WITH k(level, source, target, day, v) AS (VALUES {values}) "
        "SELECT k.level, k.source, k.target, CAST(k.day AS VARCHAR), "
        "max(p.events) FILTER (p.day = k.day), max(p.day) FILTER (p.day < k.day AND p.index_value >= k.v), "
        "min(p.day) FROM k JOIN escalation p ON p.level = k.level AND p.source = k.source AND p.target = k.target "
        "GROUP BY ALL",
        [x for key in keys for x in key],
    ).fetchall()
    found = {tuple(r[:4]): r[4:] for r in rows}
    for item in items:
        events, peak, first = found.get((item["level"], item["source"], item["target"], str(item["day"])), (None,) * 3)
        item.update(events=events, previous_peak=peak, first_day=first)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def alert_sentence(a: dict[str, Any]) -> str:
    """'US → Iran: most hostile day since 2019-12-29, 3 events from 5 outlets'."""
    names = country_names() if a["level"] == "country" else {}
    head = f"{names.get(a['source'], a['source'])} → {names.get(a['target'], a['target'])}"
    day, peak, first = (str(a[k]) if a.get(k) else None for k in ("day", "previous_peak", "first_day"))
    if peak:
        since = f"most hostile day since {peak}"
    elif first and day and first < day:
        since = f"most hostile day on record (since {first})"
    else:
        since = "first hostile day on record"
    counts = ""
    if a.get("events") is not None:
        counts = ", " + _plural(a["events"], "event")
        if a.get("outlets"):
            counts += " from " + _plural(a["outlets"], "outlet")
    return f"{head}: {since}{counts}"
