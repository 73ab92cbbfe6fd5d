"""Read queries behind the API that combine several tables: stats, one article with all its records, and the story
filter shared by several endpoints. Columns come from the tables' specs; a table the store does not have yet (a
store made before its migration, opened read-only) reads as empty."""

from __future__ import annotations

from typing import Any

import duckdb

from ..aggregate.tables import ALL_TABLES, STORIES
from ..nlp.display import display_text
from ..nlp.resources.cameo import cameo_table
from ..store.spec import TableSpec
from ..store.tables import ARTICLES, EVENTS, PLACES, QUOTES, SENTENCES, TIMES
from .db import Database, dicts
from .display import EVENT_DISPLAY, QUOTE_DISPLAY, add_display
from .errors import ApiError
from .paging import Query

# Counted by /api/stats: every stored table but the index and the stages' saved state.
_NOT_COUNTED = {"schema_migrations", "article_terms", "search_docs", "entities",
                *(name for name, spec in ALL_TABLES.items() if spec.internal)}
ARTICLE_DETAIL = tuple(n for n in ARTICLES.names if n not in ("raw", "minhash"))


def stats(db: Database, cur: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    out: dict[str, Any] = {"tables": {}, "articles_by_status": {}}
    for table in sorted(db.schema()):
        if table in _NOT_COUNTED:
            continue
        row = cur.execute(f'SELECT count(*) FROM "{table}"').fetchone()
        out["tables"][table] = row[0] if row else 0
    for status, count in cur.execute("SELECT status, count(*) FROM articles GROUP BY 1 ORDER BY 1").fetchall():
        out["articles_by_status"][status] = count
    row = cur.execute("SELECT count(*) FROM entities").fetchone()
    out["entities"] = row[0] if row else 0
    row = cur.execute("SELECT min(published), max(published) FROM articles").fetchone()
    out["published_range"] = [row[0], row[1]] if row else [None, None]
    if db.has("events"):
        out["events_by_quad_class"] = {
            str(q): n
            for q, n in cur.execute("SELECT quad_class, count(*) FROM events GROUP BY 1 ORDER BY 1").fetchall()
        }
    out["views"] = {
        "events": db.has("events"),
        "quotes": db.has("quotes"),
        "places": db.has("places"),
        "stories": db.has("stories"),
        "alerts": db.has("alerts"),
        "search": db.has("article_terms"),
    }
    return out


def filter_story(db: Database, q: Query, story: str, article_expr: str) -> None:
    if not db.has("story_articles"):
        raise ApiError(400, "no_stories", "this store has no story clusters yet; run the aggregation first")
    q.add(f"{article_expr} IN (SELECT article_id FROM story_articles WHERE story_id = ?)", story)


def _rows(db: Database, cur: duckdb.DuckDBPyConnection, spec: TableSpec, article_id: str, order: str) -> list[Any]:
    if not db.has(spec.name):
        return []
    sql = f"SELECT {db.select(spec)} FROM {spec.name} t WHERE t.article_id = ? ORDER BY {order}"
    return dicts(cur.execute(sql, [article_id]))


def article(db: Database, cur: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    found = dicts(
        cur.execute(
            f"SELECT {db.select(ARTICLES, names=ARTICLE_DETAIL)} FROM articles t WHERE starts_with(t.id, ?) LIMIT 2",
            [article_id],
        )
    )
    if len(found) != 1:
        return None
    out = found[0]
    aid = out["id"]
    out["sentences"] = _rows(db, cur, SENTENCES, aid, "t.idx")
    out["mentions"] = dicts(
        cur.execute(
            "SELECT m.start_char, m.end_char, m.text, m.label, m.entity_id, e.name, e.type FROM mentions m "
            "LEFT JOIN article_entities e ON e.article_id = m.article_id AND e.entity_id = m.entity_id "
            "WHERE m.article_id = ? ORDER BY m.start_char",
            [aid],
        )
    )
    out["events"] = _rows(db, cur, EVENTS, aid, "t.sentence, t.idx")
    out["quotes"] = _rows(db, cur, QUOTES, aid, 't."start"')
    # the text as a reader should see it, with a map back to the stored offsets the records use (issue 19)
    out["display"] = display_text(out.get("text") or "").to_json()
    add_display(out["events"], EVENT_DISPLAY)
    add_display(out["quotes"], QUOTE_DISPLAY)
    out["places"] = _rows(db, cur, PLACES, aid, "t.start_char")
    out["times"] = _rows(db, cur, TIMES, aid, "t.start_char")
    out["stories"] = []
    if db.has("story_articles") and db.has(STORIES.name):
        out["stories"] = dicts(
            cur.execute(
                "SELECT s.id, s.title FROM story_articles l JOIN stories s ON s.id = l.story_id WHERE l.article_id = ?",
                [aid],
            )
        )
    return out


def code_labels() -> dict[str, Any]:
    """Every CAMEO code with its name and the PLOVER class (mode, context) it maps to, from the bundled table
    (data/events/cameo.tsv): the dashboard shows the labels next to every bare code."""
    return {
        "codes": {
            c.code: {
                "name": c.name,
                "quad_class": c.quad_class,
                "goldstein": c.goldstein,
                "plover": c.plover,
                "plover_mode": c.plover_mode,
                "plover_context": c.plover_context,
            }
            for c in cameo_table().values()
        }
    }
