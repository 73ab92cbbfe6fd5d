"""The incremental aggregation's escalation phase (:mod:`wirescope.aggregate.incremental`): only the dyad-days the
changed merged events touch, and those whose baselines read them, are recomputed from the stored merged events."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import duckdb

from .escalation import DyadDay, EscalationSettings, cell, day_row, effective, trailing
from .merge import MergedEvent

Dyad = tuple[str, str, str]  # level, source, target


def escalation_changes(
    con: duckdb.DuckDBPyConnection, before: Sequence[DayEvent], after: Sequence[MergedEvent],
    settings: EscalationSettings,
) -> tuple[dict[Dyad, set[date]], list[DyadDay]]:
    """Phase 5: the dyad-days whose rows change (the changed merged events' days, before and after, the days within
    ``trailing_days`` after them, whose baselines read them, and those after a dyad's first day when it moves) and
    their new rows, from the stored merged events of those days. Call it after the changed merged events are
    written (``before``: the changed ones as stored, :func:`stored_days`). Returns the days whose old rows go, and
    the new rows."""
    from .build import news_of_the_day

    touched: dict[Dyad, set[date]] = defaultdict(set)
    levels = ("country", "actor")
    found = [[day_cell(e, level, settings) for level in levels] for e in news_of_the_day(before)]
    found += [[cell(e, level, settings) for level in levels] for e in news_of_the_day(after)]
    for cells in found:
        for level, where in zip(levels, cells, strict=True):
            if where is not None:
                touched[(level, where[0], where[1])].add(where[2])
    if not touched:
        return {}, []
    firsts_stored = _stored_firsts(con, list(touched))
    # A dyad's first day sets the trailing spans of the days after it: when a change comes before it, the days from
    # the old first day on are recomputed too (a first day emptied by the change is one of the days changed; one
    # that moves later is found below). Otherwise the rows from the first day on stay as they are.
    starts = {dyad: set(days) | ({firsts_stored[dyad]} if dyad in firsts_stored and min(days) < firsts_stored[dyad]
                                 else set())
              for dyad, days in touched.items()}
    while True:
        ranges = {dyad: _ranges(days, settings.trailing_days) for dyad, days in starts.items()}
        events = _events_in(con, ranges, settings)
        outside = _first_outside(con, ranges)
        firsts = {dyad: min([*events.get(dyad, {}), *([outside[dyad]] if dyad in outside else [])], default=None)
                  for dyad in touched}
        moved = {dyad: f for dyad, f in firsts.items() if f is not None and f not in starts[dyad]
                 and firsts_stored.get(dyad, f) < f}
        if not moved:  # a dyad whose first day moved later: the days after its new first day change too
            break
        for dyad, f in moved.items():
            starts[dyad].add(f)
    # the stored rows the recomputed days replace, and those their trailing windows read
    near = _stored_near(con, {dyad: [(lo - timedelta(days=settings.trailing_days), hi) for lo, hi in rs]
                              for dyad, rs in ranges.items()})
    out: list[DyadDay] = []
    deleted: dict[Dyad, set[date]] = {}
    for dyad in touched:
        stored = near.get(dyad, {})
        deleted[dyad] = {d for d in stored if _inside(d, ranges[dyad])}
        indices = {d: x for d, x in stored.items() if d not in deleted[dyad]}
        by_day = events.get(dyad, {})
        first = firsts[dyad]
        for day in sorted(by_day):
            assert first is not None
            row = day_row(dyad[0], dyad[1], dyad[2], day, by_day[day], trailing(indices, day, first, settings),
                          settings)
            indices[day] = row.index
            out.append(row)
    return deleted, out


def _dyad_table(ranges: dict[Dyad, list[tuple[date, date]]]) -> list[list[Any]]:
    """Parameters of a table of (level, source, target, lo, hi) rows, one per range of each dyad."""
    cells = [(d[0], d[1], d[2], lo, hi) for d, rs in ranges.items() for lo, hi in rs]
    return [[c[k] for c in cells] for k in range(5)]


_RANGES = "(SELECT unnest(?) AS l, unnest(?) AS s, unnest(?) AS t, unnest(?) AS lo, unnest(?) AS hi)"


def _stored_firsts(con: duckdb.DuckDBPyConnection, dyads: Sequence[Dyad]) -> dict[Dyad, date]:
    """The first stored day of each of some dyads (those with a stored row)."""
    rows = con.execute(
        "SELECT e.level, e.source, e.target, min(e.day) FROM escalation e JOIN "
        "(SELECT unnest(?) AS l, unnest(?) AS s, unnest(?) AS t) w ON e.level = w.l AND e.source = w.s "
        "AND e.target = w.t GROUP BY ALL",
        [[d[0] for d in dyads], [d[1] for d in dyads], [d[2] for d in dyads]]).fetchall()
    return {(level, src, tgt): day for level, src, tgt, day in rows}


def _stored_near(con: duckdb.DuckDBPyConnection, ranges: dict[Dyad, list[tuple[date, date]]],
                 ) -> dict[Dyad, dict[date, float]]:
    """The stored index of some dyads on the days of their ranges (not of every day they have: a dyad's rows
    span the store's years)."""
    rows = con.execute(
        f"SELECT DISTINCT e.level, e.source, e.target, e.day, e.index_value FROM escalation e JOIN {_RANGES} w "
        f"ON e.level = w.l AND e.source = w.s AND e.target = w.t AND e.day BETWEEN w.lo AND w.hi",
        _dyad_table(ranges)).fetchall()
    stored: dict[Dyad, dict[date, float]] = defaultdict(dict)
    for level, src, tgt, day, index in rows:
        stored[(level, src, tgt)][day] = float(index)
    return stored


def _first_outside(con: duckdb.DuckDBPyConnection, ranges: dict[Dyad, list[tuple[date, date]]]) -> dict[Dyad, date]:
    """Each dyad's first stored day outside its ranges (the days recomputed), if it has one."""
    rows = con.execute(
        f"WITH w AS {_RANGES} SELECT e.level, e.source, e.target, min(e.day) FROM escalation e SEMI JOIN "
        f"(SELECT DISTINCT l, s, t FROM w) d ON e.level = d.l AND e.source = d.s AND e.target = d.t "
        f"WHERE NOT EXISTS (SELECT 1 FROM w WHERE w.l = e.level AND w.s = e.source AND w.t = e.target "
        f"AND e.day BETWEEN w.lo AND w.hi) GROUP BY ALL", _dyad_table(ranges)).fetchall()
    return {(level, src, tgt): day for level, src, tgt, day in rows}


def _ranges(starts: Iterable[date], days: int) -> list[tuple[date, date]]:
    """The days from each start to ``days`` after it, overlapping ranges joined (each day in one range)."""
    out: list[tuple[date, date]] = []
    for d in sorted(starts):
        if out and d <= out[-1][1] + timedelta(days=1):
            out[-1] = (out[-1][0], max(out[-1][1], d + timedelta(days=days)))
        else:
            out.append((d, d + timedelta(days=days)))
    return out


def _inside(day: date, ranges: Sequence[tuple[date, date]]) -> bool:
    return any(lo <= day <= hi for lo, hi in ranges)


@dataclass(frozen=True, slots=True)
class DayEvent:
    """What the escalation index reads of a stored merged event (:func:`escalation.day_row`, :func:`cell`,
    ``build.news_of_the_day``), read as plain columns: building every record of the recomputed days (their actors
    and places) was most of an incremental run's escalation phase, and grows with the events a day holds."""

    id: str
    date: dt.date | None
    modality: str
    quad_class: int
    goldstein: float
    confidence: float
    num_mentions: int
    first_seen: dt.date | None
    last_seen: dt.date | None
    country: tuple[str | None, str | None]  # escalation.dyad_side of source and target at country level
    actor: tuple[str | None, str | None]  # and at actor level

    @property
    def weight(self) -> float:
        return self.num_mentions * self.confidence  # as MergedEvent.weight


def day_cell(event: DayEvent, level: str, s: EscalationSettings) -> tuple[str, str, date] | None:
    """:func:`escalation.cell` of a :class:`DayEvent`."""
    src, tgt = event.country if level == "country" else event.actor
    if not src or not tgt or src == tgt or event.date is None or effective(event, s) is None:
        return None
    return src, tgt, event.date


_DAY_COLUMNS = ("m.id, m.date, m.modality, m.quad_class, m.goldstein, m.confidence, m.num_mentions, m.first_seen, "
                "m.last_seen, m.source_country, m.target_country, coalesce(m.source_code, ''), m.source_name, "
                "coalesce(m.target_code, ''), m.target_name")


def _events_in(
    con: duckdb.DuckDBPyConnection, ranges: dict[Dyad, list[tuple[date, date]]], settings: EscalationSettings
) -> dict[Dyad, dict[date, list[DayEvent]]]:
    """The stored merged events of the dyads' day ranges, by dyad and day (each day's in id order, as a full run
    sums them)."""
    from .build import news_of_the_day

    # Only the events of the dyads asked for, on the days of their own ranges, are read (not every event of the
    # days from the earliest range to the last: a dyad's first day is always recomputed, so that span would reach
    # back to the store's first days); the SQL test is wider than cell()'s, which decides below.
    sides = {"country": "concat(m.source_country, chr(1), m.target_country)",
             "actor": f"concat({_ACTOR_SIDE.format(side='m.source')}, chr(1), {_ACTOR_SIDE.format(side='m.target')})"}
    found: dict[str, tuple[Any, ...]] = {}
    for level, side in sides.items():
        cells = [(f"{src}\x01{tgt}", lo, hi) for (lv, src, tgt), rs in ranges.items() if lv == level
                 for lo, hi in rs]
        if not cells:
            continue
        for row in con.execute(
                f"SELECT {_DAY_COLUMNS} FROM merged_events m "
                f"JOIN (SELECT unnest(?) AS k, unnest(?) AS lo, unnest(?) AS hi) w ON {side} = w.k "
                f"AND m.date BETWEEN w.lo AND w.hi",
                [[c[0] for c in cells], [c[1] for c in cells], [c[2] for c in cells]]).fetchall():
            found[row[0]] = row
    rows = list(found.values())
    rows.sort(key=lambda r: r[0])  # by id, as Python orders strings
    events = [_day_event(r) for r in rows]
    days = {dyad: _days(rs) for dyad, rs in ranges.items()}
    out: dict[Dyad, dict[date, list[DayEvent]]] = defaultdict(lambda: defaultdict(list))
    for event in news_of_the_day(events):
        for level in ("country", "actor"):
            where = day_cell(event, level, settings)
            if where is None:
                continue
            dyad = (level, where[0], where[1])
            if dyad in days and where[2] in days[dyad]:
                out[dyad][where[2]].append(event)
    return out


def stored_days(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> list[DayEvent]:
    """The stored merged events ``ids`` as the escalation index reads them (what an incremental run rewrites, before
    it does: their days' rows change; read as columns, not as records with actors and places)."""
    return [_day_event(r) for r in con.execute(
        f"SELECT {_DAY_COLUMNS} FROM merged_events m WHERE m.id IN (SELECT unnest(?))", [list(ids)]).fetchall()]


def _day_event(r: tuple[Any, ...]) -> DayEvent:
    # actor level: the code, else the name (dyad_side: ``actor.code or actor.name``)
    return DayEvent(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], (r[9], r[10]),
                    (r[11] or r[12], r[13] or r[14]))


def _days(ranges: Sequence[tuple[date, date]]) -> set[date]:
    """Every day of some ranges (a set: one look-up per event instead of a test per range)."""
    return {lo + timedelta(days=k) for lo, hi in ranges for k in range((hi - lo).days + 1)}


_ACTOR_SIDE = "coalesce(nullif({side}_code, ''), {side}_name)"  # escalation.dyad_side at actor level, in SQL
