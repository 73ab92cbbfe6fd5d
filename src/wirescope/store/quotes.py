"""Typed reads of the ``quotes`` table behind ``wirescope quotes`` (its spec is in :mod:`wirescope.store.tables`)."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, MutableMapping, Sequence
from typing import Any, TypeVar

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


# Duplicate quotations (issue 19, item 5). Two stored quotations are one when they have the same speaker and the same
# words: case, accents, punctuation, quotation marks and spacing aside. This holds within an article (a quotation
# repeated in the lede and the body) and across articles (the copies of a wire story, a statement every outlet
# quotes). A looser rule (one text inside the other, a few words changed) would also merge a quotation with a
# shorter excerpt of it, which is a different report; the listing shows the earliest report and how many stand
# behind it.
# What does not change the words of a quotation: spaces, punctuation, quotation marks, dashes, markdown marks.
QUOTE_IGNORED = " \t\n\r\xa0,.;:!?\"'“”‘’«»„‚`´()[]{}<>*_~#|/\\-–—…"


def quote_text_key_sql(alias: str = "t") -> str:
    """SQL of :func:`quote_text_key` of ``alias.text`` (``translate`` drops the ignored characters; it is several
    times faster than a regular expression on a large table)."""
    ignored = QUOTE_IGNORED.replace("'", "''")
    words = f"translate(strip_accents(lower({alias}.text)), '{ignored}', '')"
    return f"coalesce(nullif({words}, ''), {alias}.text)"


def speaker_key_sql(alias: str = "t") -> str:
    """SQL of :func:`speaker_key` of a quotes row."""
    return (f"coalesce({alias}.speaker_entity_id, lower({alias}.speaker_name), "
            f"CASE WHEN {alias}.speaker_status = 'unresolved' THEN '' ELSE lower({alias}.speaker_text) END, '')")


def quote_text_key(text: str) -> str:
    """The words of a quotation: lower case, no accents, none of :data:`QUOTE_IGNORED` (the text itself when
    nothing else is left)."""
    # as DuckDB's strip_accents (utf8proc): decompose, drop every mark (Mn, Mc, Me), compose again
    bare = "".join(c for c in unicodedata.normalize("NFD", text.lower()) if unicodedata.category(c)[0] != "M")
    plain = unicodedata.normalize("NFC", bare)  # what decomposes without accents (Hangul) composes again
    return "".join(c for c in plain if c not in _IGNORED) or text


_IGNORED = frozenset(QUOTE_IGNORED)


def speaker_key(row: Mapping[str, Any]) -> str:
    """Who said it, for merging: the entity, else the name, else the describing phrase ('' when unresolved)."""
    if row.get("speaker_entity_id"):
        return str(row["speaker_entity_id"])
    if row.get("speaker_name"):
        return str(row["speaker_name"]).lower()
    if row.get("speaker_status") != "unresolved" and row.get("speaker_text"):
        return str(row["speaker_text"]).lower()
    return ""


Row = TypeVar("Row", bound=MutableMapping[str, Any])


def merge_quote_rows(rows: Sequence[Row]) -> list[Row]:
    """Quotation rows (in the order to keep: earliest report first) with duplicates merged into the first: each kept
    row gains ``merged`` (stored quotations it stands for) and ``merged_articles`` (their articles), in place."""
    kept: dict[tuple[str, str], Row] = {}
    articles: dict[tuple[str, str], set[Any]] = {}
    for row in rows:
        key = (speaker_key(row), quote_text_key(str(row.get("text") or "")))
        if key not in kept:
            kept[key] = row
            row["merged"] = 0
            articles[key] = set()
        kept[key]["merged"] += 1
        articles[key].add(row.get("article_id"))
    for key, row in kept.items():
        row["merged_articles"] = len(articles[key])
    return list(kept.values())
