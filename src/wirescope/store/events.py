"""Typed reads of the ``events`` table (its spec is :data:`wirescope.store.tables.EVENTS`)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import duckdb

from ..errors import InputError, StoreError
from ..records import EVENT_TIMINGS, MODALITIES, Event
from .filters import EventFilter, event_where
from .spec import select_list
from .tables import EVENTS


def event_filter(
    *,
    actor: str | None = None,
    root: str | None = None,
    since: date | None = None,
    until: date | None = None,
    modality: str | None = None,
    article_id: str | None = None,
) -> EventFilter:
    """The filter behind ``wirescope events``: ``root`` is a CAMEO root ("19") or, longer, a code prefix ("190")."""
    if modality is not None and modality not in MODALITIES:
        raise StoreError(f"unknown modality {modality!r}; choose one of {', '.join(MODALITIES)}")
    try:
        return EventFilter(
            actor=actor, root=root if root and len(root) <= 2 else None, code=root if root and len(root) > 2 else None,
            since=since, until=until, modality=(modality,) if modality else (), article_id=article_id,
        )
    except InputError as exc:
        raise StoreError(str(exc)) from exc


def query_events(
    con: duckdb.DuckDBPyConnection,
    *,
    actor: str | None = None,
    root: str | None = None,
    since: date | None = None,
    until: date | None = None,
    modality: str | None = None,
    article_id: str | None = None,
    limit: int | None = None,
) -> list[Event]:
    """Stored events, newest first. ``actor`` is a country (IRN), a code prefix (USAGOV) or a part of a name; see
    :class:`~wirescope.store.filters.EventFilter`."""
    f = event_filter(actor=actor, root=root, since=since, until=until, modality=modality, article_id=article_id)
    return read_events(con, f, limit=limit)


def read_events(con: duckdb.DuckDBPyConnection, f: EventFilter | None = None, *, limit: int | None = None,
                order: str = "date DESC NULLS LAST, article_id, idx", timing: tuple[str, ...] = ("current",)
                ) -> list[Event]:
    """Events matching ``f`` as records, in ``order``. By default only current news: events the article's window
    flagged ``historical`` or ``planned`` are left out unless ``timing`` names them (``()``: every timing)."""
    where = event_where(f or EventFilter())
    bad = [t for t in timing if t not in EVENT_TIMINGS]
    if bad:
        raise StoreError(f"unknown event timing {bad}; choose from {', '.join(EVENT_TIMINGS)}")
    if timing:  # NULL: a row older than 015_event_timing, read as current
        where.add(f"coalesce(timing, 'current') IN ({', '.join('?' * len(timing))})", *timing)
    sql = f"SELECT {select_list(EVENTS)} FROM events{where.sql()} ORDER BY {order}"
    if limit:
        sql += f" LIMIT {int(limit)}"
    cur = con.execute(sql, where.params)
    names = [d[0] for d in cur.description or []]
    return EVENTS.records(names, cur.fetchall())


def iter_events(con: duckdb.DuckDBPyConnection, *, batch: int = 50_000) -> Iterator[Event]:
    """Every stored event in (article, idx) order, read in batches. Rows older than 010_event_record lack the
    place's GeoNames feature; it is taken from the places table."""
    features = place_features(con)
    cur = con.execute(f"SELECT {select_list(EVENTS)} FROM events ORDER BY article_id, idx")
    names = [d[0] for d in cur.description or []]
    while rows := cur.fetchmany(batch):
        for event in EVENTS.records(names, rows):
            place = event.place
            if place is not None and place.feature is None and place.geonameid in features:
                event = replace(event, place=replace(place, feature=features[place.geonameid]))
            yield event


def place_features(con: duckdb.DuckDBPyConnection) -> dict[int, str]:
    """GeoNames id -> feature class.code of the places mentioned in the store."""
    rows = con.execute(
        "SELECT geonameid, any_value(feature) FROM places WHERE geonameid IS NOT NULL AND feature IS NOT NULL "
        "GROUP BY geonameid"
    ).fetchall()
    return {int(g): f for g, f in rows}
