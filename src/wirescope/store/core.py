"""Typed reads of the core tables (articles, entities, mentions) behind ``wirescope articles | entities | show |
stats``. Their rows are written from the specs in :mod:`wirescope.store.tables`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import duckdb

from ..records import Article
from .spec import select_list
from .tables import ARTICLES

_ARTICLE_FIELDS = ("id", "title", "text", "published", "published_source", "source", "url", "author", "byline",
                   "wires", "language", "input", "input_format")


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One stored article without its text."""

    id: str
    title: str | None
    published: date | None
    published_source: str
    source: str | None
    url: str | None
    language: str | None
    status: str  # one of records.ARTICLE_STATUSES
    duplicate_of: str | None
    chars: int  # length of the text
    input: str | None


def query_articles(
    con: duckdb.DuckDBPyConnection, *, status: str | None = None, limit: int | None = None
) -> list[ArticleSummary]:
    """Stored articles in publication order (undated last)."""
    sql = (
        "SELECT id, title, published, published_source, source, url, language, status, duplicate_of, "
        "length(text) AS chars, input FROM articles"
    )
    params: list[Any] = []
    if status:
        sql += " WHERE status = ?"
        params.append(status)
    sql += " ORDER BY published NULLS LAST, id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [ArticleSummary(*row) for row in con.execute(sql, params).fetchall()]


@dataclass(frozen=True, slots=True)
class EntityCount:
    """A canonical entity across the corpus (the ``entities`` view)."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    mention_count: int
    article_count: int


def query_entities(
    con: duckdb.DuckDBPyConnection, *, type: str | None = None, top: int | None = None
) -> list[EntityCount]:
    """Entities, most mentioned first."""
    sql = "SELECT id, name, type, aliases, mention_count, article_count FROM entities"
    params: list[Any] = []
    if type:
        sql += " WHERE type = ?"
        params.append(type.upper())
    sql += " ORDER BY mention_count DESC, name"
    if top:
        sql += f" LIMIT {int(top)}"
    rows = con.execute(sql, params).fetchall()
    return [EntityCount(i, n, t, tuple(a or ()), int(mc), int(ac)) for i, n, t, a, mc, ac in rows]


@dataclass(frozen=True, slots=True)
class StoredMention:
    """An entity mention as stored, with its entity's canonical name."""

    start_char: int
    end_char: int
    text: str
    label: str
    entity_id: str
    name: str | None


@dataclass(frozen=True, slots=True)
class ArticleDetail:
    """One stored article with what the writer recorded about it and its entity mentions."""

    article: Article
    status: str
    duplicate_of: str | None
    similarity: float | None
    pipeline_version: str | None
    model: str | None
    run_id: str | None
    ingested_at: datetime
    mentions: tuple[StoredMention, ...]


def article_detail(con: duckdb.DuckDBPyConnection, article_id: str) -> ArticleDetail | None:
    """One article with its mentions, by id or unique id prefix."""
    names = (*_ARTICLE_FIELDS, "raw", "status", "duplicate_of", "similarity", "pipeline_version", "model", "run_id",
             "ingested_at")
    found = con.execute(
        f"SELECT {select_list(ARTICLES, names=names)} FROM articles WHERE id LIKE ? || '%' LIMIT 2", [article_id]
    ).fetchall()
    if len(found) != 1:
        return None
    row = dict(zip(names, found[0], strict=True))
    article = Article(**{k: row[k] for k in (*_ARTICLE_FIELDS, "raw")} | {"wires": tuple(row["wires"] or ())})
    mentions = con.execute(
        "SELECT m.start_char, m.end_char, m.text, m.label, m.entity_id, e.name FROM mentions m "
        "LEFT JOIN article_entities e ON e.article_id = m.article_id AND e.entity_id = m.entity_id "
        "WHERE m.article_id = ? ORDER BY m.start_char",
        [article.id],
    ).fetchall()
    return ArticleDetail(
        article, row["status"], row["duplicate_of"], row["similarity"], row["pipeline_version"], row["model"],
        row["run_id"], row["ingested_at"], tuple(StoredMention(*m) for m in mentions),
    )


def stats(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Articles per status (``articles_<status>``) and rows per table."""
    out: dict[str, int] = {}
    for status, count in con.execute("SELECT status, count(*) FROM articles GROUP BY status ORDER BY 1").fetchall():
        out[f"articles_{status.replace('-', '_')}"] = count
    tables = [r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' ORDER BY 1").fetchall()]
    for table in tables:
        if table == "schema_migrations":
            continue
        row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
        out[table] = row[0] if row else 0
    row = con.execute("SELECT count(*) FROM entities").fetchone()
    out["entities"] = row[0] if row else 0
    return out
