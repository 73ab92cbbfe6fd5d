"""Read queries behind the API that combine several tables: stats, one article with all its records, and the
filters shared by several endpoints. Only tables present in the store are read."""

from __future__ import annotations

from typing import Any

import duckdb

from .db import Database, dicts
from .errors import ApiError
from .paging import Query
from .schema_map import EVENT_FIELDS, PLACE_FIELDS, QUOTE_FIELDS, TIME_FIELDS, Columns

STORY_LINKS = (("story_articles", "story_id", "article_id"), ("article_stories", "story_id", "article_id"))


def stats(db: Database, cur: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    out: dict[str, Any] = {"tables": {}, "articles_by_status": {}}
    for table in sorted(db.schema()):
        if table in ("schema_migrations", "article_terms", "search_docs", "entities"):
            continue
        row = cur.execute(f'SELECT count(*) FROM "{table}"').fetchone()
        out["tables"][table] = row[0] if row else 0
    for status, count in cur.execute("SELECT status, count(*) FROM articles GROUP BY 1 ORDER BY 1").fetchall():
        out["articles_by_status"][status] = count
    row = cur.execute("SELECT count(*) FROM entities").fetchone()
    out["entities"] = row[0] if row else 0
    row = cur.execute("SELECT min(published), max(published) FROM articles").fetchone()
    out["published_range"] = [row[0], row[1]] if row else [None, None]
    ev = Columns(db, "events", EVENT_FIELDS)
    if ev.present and ev.has("quad_class"):
        out["events_by_quad_class"] = {
            str(q): n
            for q, n in cur.execute(
                f"SELECT {ev.col('quad_class')}, count(*) FROM events t GROUP BY 1 ORDER BY 1"
            ).fetchall()
        }
    out["views"] = {
        "events": ev.present,
        "quotes": db.has("quotes"),
        "places": db.has("places"),
        "stories": db.has("stories"),
        "alerts": db.has("alerts"),
        "search": db.has("article_terms"),
    }
    return out


def story_link(db: Database) -> tuple[str, str, str] | None:
    for table, story_col, article_col in STORY_LINKS:
        if db.has(table, story_col, article_col):
            return table, story_col, article_col
    return None


def filter_story(db: Database, q: Query, story: str, article_expr: str) -> None:
    link = story_link(db)
    if link is None:
        raise ApiError(400, "no_stories", "this store has no story clusters yet; run the aggregation first")
    table, story_col, article_col = link
    q.add(f'{article_expr} IN (SELECT "{article_col}" FROM "{table}" WHERE "{story_col}" = ?)', story)


def _rows(
    db: Database,
    cur: duckdb.DuckDBPyConnection,
    table: str,
    fields: dict[str, tuple[str, ...]],
    article_id: str,
    order: str,
) -> list[dict[str, Any]]:
    cols = Columns(db, table, fields)
    if not cols.present or not cols.has("article_id"):
        return []
    order_by = cols.col(order) if cols.has(order) else "1"
    return dicts(
        cur.execute(
            f'SELECT {cols.select()} FROM "{table}" t WHERE {cols.col("article_id")} = ? ORDER BY {order_by}',
            [article_id],
        )
    )


def article(db: Database, cur: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    found = dicts(
        cur.execute("SELECT * EXCLUDE (minhash, raw) FROM articles WHERE starts_with(id, ?) LIMIT 2", [article_id])
    )
    if len(found) != 1:
        return None
    out = found[0]
    aid = out["id"]
    out["sentences"] = dicts(
        cur.execute("SELECT idx, start_char, end_char FROM sentences WHERE article_id = ? ORDER BY idx", [aid])
    )
    out["mentions"] = dicts(
        cur.execute(
            "SELECT m.start_char, m.end_char, m.text, m.label, m.entity_id, e.name, e.type FROM mentions m "
            "LEFT JOIN article_entities e ON e.article_id = m.article_id AND e.entity_id = m.entity_id "
            "WHERE m.article_id = ? ORDER BY m.start_char",
            [aid],
        )
    )
    out["events"] = _rows(db, cur, "events", EVENT_FIELDS, aid, "sentence")
    out["quotes"] = _rows(db, cur, "quotes", QUOTE_FIELDS, aid, "start")
    out["places"] = _rows(db, cur, "places", PLACE_FIELDS, aid, "start")
    out["times"] = _rows(db, cur, "times", TIME_FIELDS, aid, "start")
    link = story_link(db)
    if link and db.has("stories", "id"):
        table, story_col, article_col = link
        title = ", s.title" if db.has("stories", "title") else ""
        out["stories"] = dicts(
            cur.execute(
                f'SELECT s.id{title} FROM "{table}" l JOIN stories s ON s.id = l."{story_col}" '
                f'WHERE l."{article_col}" = ?',
                [aid],
            )
        )
    else:
        out["stories"] = []
    return out
