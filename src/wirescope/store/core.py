"""Rows for the core per-article tables (sentences, entities, mentions) and their typed reads."""

from __future__ import annotations

from typing import Any

import duckdb

from ..records import Analysis


def rows(analysis: Analysis) -> dict[str, list[tuple[Any, ...]]]:
    aid = analysis.article.id
    return {
        "sentences": [(aid, s.index, s.start, s.end) for s in analysis.sentences],
        "article_entities": [
            (aid, e.id, e.name, e.type, list(e.aliases), len(e.mentions)) for e in analysis.entities
        ],
        "mentions": [
            (aid, e.id, m.sentence, m.start, m.end, m.text, m.label) for e in analysis.entities for m in e.mentions
        ],
    }


def _dicts(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description or []]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def query_articles(
    con: duckdb.DuckDBPyConnection, *, status: str | None = None, limit: int | None = None
) -> list[dict[str, Any]]:
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
    return _dicts(con.execute(sql, params))


def query_entities(
    con: duckdb.DuckDBPyConnection, *, type: str | None = None, top: int | None = None
) -> list[dict[str, Any]]:
    sql = "SELECT id, name, type, aliases, mention_count, article_count FROM entities"
    params: list[Any] = []
    if type:
        sql += " WHERE type = ?"
        params.append(type.upper())
    sql += " ORDER BY mention_count DESC, name"
    if top:
        sql += f" LIMIT {int(top)}"
    return _dicts(con.execute(sql, params))


def article_detail(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    """One article with its mentions, by id or unique id prefix."""
    found = _dicts(con.execute("SELECT * EXCLUDE (minhash, raw) FROM articles WHERE id LIKE ? || '%'", [article_id]))
    if len(found) != 1:
        return None
    article = found[0]
    article["mentions"] = _dicts(
        con.execute(
            "SELECT m.start_char, m.end_char, m.text, m.label, m.entity_id, e.name FROM mentions m "
            "LEFT JOIN article_entities e ON e.article_id = m.article_id AND e.entity_id = m.entity_id "
            "WHERE m.article_id = ? ORDER BY m.start_char",
            [article["id"]],
        )
    )
    return article


def stats(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    out: dict[str, Any] = {}
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
