"""Rows for the ``quotes`` table and the query behind ``wirescope quotes`` and the API."""

from __future__ import annotations

import json
from typing import Any

import duckdb

from ..errors import StoreError
from ..records import Analysis, Quote

QUOTE_TYPES = ("direct", "mixed", "indirect", "floating", "embedded", "chant")


def quote_row(q: Quote, idx: int) -> tuple[Any, ...]:
    cue, sp = q.cue, q.speaker
    return (
        q.article_id, idx, q.sentence, q.type, q.text, q.start, q.end,
        json.dumps([[s.start, s.end] for s in q.spans]) if q.spans else None,
        cue.text if cue else None, cue.start if cue else None, cue.end if cue else None, q.cue_lemma,
        sp.text if sp else None, sp.start if sp else None, sp.end if sp else None,
        sp.name if sp else None, sp.entity_id if sp else None, sp.code if sp else None,
        q.confidence,
    )


def rows(analysis: Analysis) -> dict[str, list[tuple[Any, ...]]]:
    return {"quotes": [quote_row(q, i) for i, q in enumerate(analysis.quotes)]}


def query_quotes(
    con: duckdb.DuckDBPyConnection,
    *,
    speaker: str | None = None,
    type: str | None = None,
    article_id: str | None = None,
    min_confidence: float | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
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
    sql = (
        'SELECT article_id, idx, sentence, type, text, "start", "end", spans, cue_text, cue_lemma, speaker_text,'
        " speaker_name, speaker_entity_id, speaker_code, confidence FROM quotes"
    )
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY article_id, idx"
    if limit:
        sql += f" LIMIT {int(limit)}"
    cur = con.execute(sql, params)
    names = [d[0] for d in cur.description or []]
    out = []
    for row in cur.fetchall():
        item = dict(zip(names, row, strict=True))
        if isinstance(item.get("spans"), str):
            item["spans"] = json.loads(item["spans"])
        out.append(item)
    return out
