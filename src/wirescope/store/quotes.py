"""Typed reads of the ``quotes`` table behind ``wirescope quotes`` (its spec is in :mod:`wirescope.store.tables`)."""

from __future__ import annotations

from typing import Any

import duckdb

from ..errors import StoreError
from ..records import QUOTE_TYPES, Quote
from .spec import select_list
from .tables import QUOTES


def query_quotes(
    con: duckdb.DuckDBPyConnection,
    *,
    speaker: str | None = None,
    type: str | None = None,
    article_id: str | None = None,
    min_confidence: float | None = None,
    limit: int | None = None,
) -> list[Quote]:
    """Stored quotations in article order. ``speaker`` matches the resolved name, the speaker's text or actor code
    prefix, or the entity id (case-insensitive substring for names)."""
    if type is not None and type not in QUOTE_TYPES:
        raise StoreError(f"unknown quotation type {type!r}; choose one of {', '.join(QUOTE_TYPES)}")
    where: list[str] = []
    params: list[Any] = []
    if speaker:
        like = f"%{speaker.lower()}%"
        where.append(
            "(lower(coalesce(speaker_name, '')) LIKE ? OR lower(coalesce(speaker_text, '')) LIKE ?"
            " OR starts_with(upper(coalesce(speaker_code, '')), ?) OR speaker_entity_id = ?)"
        )
        params += [like, like, speaker.upper(), speaker]
    if type:
        where.append("type = ?")
        params.append(type)
    if article_id:
        where.append("article_id = ?")
        params.append(article_id)
    if min_confidence is not None:
        where.append("confidence >= ?")
        params.append(min_confidence)
    sql = f"SELECT {select_list(QUOTES)} FROM quotes"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY article_id, idx"
    if limit:
        sql += f" LIMIT {int(limit)}"
    cur = con.execute(sql, params)
    return QUOTES.records([d[0] for d in cur.description or []], cur.fetchall())
