"""Rows for the ``events`` table and the event queries behind ``wirescope events`` and the API."""

from __future__ import annotations

from datetime import date
from typing import Any

import duckdb

from ..errors import StoreError
from ..records import Actor, Analysis, Event
from .filters import add_date_and_code

MODALITIES = ("asserted", "threatened", "hypothetical", "negated", "reported")


def _actor(a: Actor | None) -> tuple[Any, ...]:
    if a is None:
        return (None,) * 7
    return (a.text, a.start, a.end, a.name, a.entity_id, a.code, a.country)


def event_row(e: Event, idx: int) -> tuple[Any, ...]:
    p = e.place
    place = (p.name, p.geonameid, p.lat, p.lon, p.country3) if p is not None else (None,) * 5
    return (
        e.article_id, idx, e.sentence, e.code, e.root_code, e.base_code, e.quad_class, e.goldstein,
        e.plover, e.plover_mode, e.plover_context, e.modality, e.confidence,
        date.fromisoformat(e.date) if e.date else None, e.date_source,
        e.trigger.text, e.trigger.start, e.trigger.end,
        *_actor(e.source), *_actor(e.target), *place, e.place_source, list(e.mentions), e.sentence_text,
    )


def rows(analysis: Analysis) -> dict[str, list[tuple[Any, ...]]]:
    return {"events": [event_row(e, i) for i, e in enumerate(analysis.events)]}


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
) -> list[dict[str, Any]]:
    """Stored events, newest first. ``actor`` matches a source/target code prefix ("IRN", "USAGOV"), a country,
    or a name/text substring (case-insensitive); ``root`` a CAMEO root ("19") or code prefix."""
    if modality is not None and modality not in MODALITIES:
        raise StoreError(f"unknown modality {modality!r}; choose one of {', '.join(MODALITIES)}")
    where: list[str] = []
    params: list[Any] = []
    if actor:
        like = f"%{actor.lower()}%"
        where.append(
            "(starts_with(upper(coalesce(source_code, '')), ?) OR starts_with(upper(coalesce(target_code, '')), ?)"
            " OR lower(coalesce(source_name, source_text, '')) LIKE ? OR lower(coalesce(target_name, target_text, ''))"
            " LIKE ?)"
        )
        params += [actor.upper(), actor.upper(), like, like]
    add_date_and_code(where, params, since=since, until=until, root=root)
    if modality:
        where.append("modality = ?")
        params.append(modality)
    if article_id:
        where.append("article_id = ?")
        params.append(article_id)
    sql = (
        "SELECT article_id, idx, date, sentence, code, root_code, quad_class, goldstein, plover, modality, confidence,"
        " source_code, source_name, source_text, target_code, target_name, target_text, trigger_text, place_name,"
        " mentions, sentence_text FROM events"
    )
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY date DESC NULLS LAST, article_id, idx"
    if limit:
        sql += f" LIMIT {int(limit)}"
    cur = con.execute(sql, params)
    names = [d[0] for d in cur.description or []]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
