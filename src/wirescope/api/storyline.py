"""A story's timeline at a million events: the items of :func:`wirescope.aggregate.queries.story_timeline`, the
same items in the same order and sections, read so that a page costs milliseconds instead of a scan of every
merged event and mention per request.

The library reads a story's events through the mentions of its articles (a scan of every mention) and builds every
item in full, although a page shows a hundred. Here the keys of every story's items (the merged event's id, date
and number of mentions; the quotation's article, number and date) are read once per store state for all stories
(``Database.cached``, forgotten after every write: about a second at a million events, a few tens of MB), sorted in
the timeline's order; a request slices its story's keys, splits them into the window, the background and the
undated items, and reads in full only the items it sends: merged events by primary key, their mentions by the
``event_mentions_event`` index (migration 019), quotations by article. ``tests/test_api_timeline.py`` checks the
answer item for item against the library.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import duckdb
import pyarrow as pa

from ..aggregate.queries import QuoteInArticle, TimelineItem
from ..aggregate.tables import EVENT_MENTIONS, MERGED_EVENTS
from ..errors import StoreError
from ..nlp.timex.window import window
from ..store.filters import EventFilter, event_where
from ..store.tables import QUOTES
from .db import Database

EVENT, QUOTE = 0, 1  # the item kinds in the timeline's order: on one day, events before quotations


@dataclass(frozen=True, slots=True)
class StoryKeys:
    """Every story's item keys in timeline order (``keys``), and where each story's run starts and how long it is."""

    keys: pa.Table  # story_id, kind, key (event id or article id), idx (a quotation's number), day
    runs: dict[str, tuple[int, int]]
    windows: dict[str, tuple[date, date]]  # the story's window, for stories with a dated article


def _keys_sql(db: Database) -> tuple[str, list[Any]]:
    # The story's merged events as the library selects them (query_merged_events: the default read-time filters of
    # an empty EventFilter, at least one source, a mention in one of the story's articles), and its quotations (of
    # its articles, joined with the article for the date). Ordered as story_timeline orders them: dated items by
    # day, events before quotations on a day, events by mentions (most first) and id, quotations by article and
    # number; undated items last, in the same order.
    where = event_where(EventFilter(), alias="e.")
    where.add("e.num_sources >= ?", 1)
    conditions = " AND ".join(f"({c})" for c in where.conditions)
    events = (
        f"SELECT sm.story_id, {EVENT} AS kind, e.id AS key, CAST(NULL AS INTEGER) AS idx, e.date AS day, "
        "e.num_mentions AS mentions FROM (SELECT DISTINCT s.story_id, m.event_id FROM story_articles s "
        f"JOIN event_mentions m ON m.article_id = s.article_id) sm JOIN merged_events e ON e.id = sm.event_id "
        f"WHERE {conditions}"
    )
    quotes = (
        f"SELECT s.story_id, {QUOTE} AS kind, q.article_id AS key, q.idx, a.published AS day, "
        "CAST(NULL AS INTEGER) AS mentions FROM story_articles s JOIN quotes q ON q.article_id = s.article_id "
        "JOIN articles a ON a.id = q.article_id"
    )
    union = f"{events} UNION ALL {quotes}" if db.has("quotes") else events
    sql = (
        f"SELECT story_id, kind, key, idx, day, row_number() OVER (ORDER BY story_id, day NULLS LAST, kind, "
        f"mentions DESC NULLS LAST, key, idx) - 1 AS _row FROM ({union}) ORDER BY _row"
    )
    return sql, list(where.params)


def story_keys(db: Database) -> StoryKeys:
    """The keys of every story's timeline items (computed once per store state)."""

    def compute() -> StoryKeys:
        sql, params = _keys_sql(db)
        with db.cursor() as cur:
            keys = cur.sql(sql, params=params).to_arrow_table()
            cur.register("_story_keys", keys)
            try:
                runs = cur.execute(
                    "SELECT story_id, min(_row), count(*) FROM _story_keys GROUP BY story_id").fetchall()
            finally:
                cur.unregister("_story_keys")
            # the union of the windows of a story's dated articles, as the library's _story_window
            spans = cur.execute(
                "SELECT s.story_id, min(a.published), max(a.published) FROM story_articles s JOIN articles a "
                "ON a.id = s.article_id WHERE a.published IS NOT NULL GROUP BY s.story_id").fetchall()
        return StoryKeys(keys, {sid: (int(start), int(n)) for sid, start, n in runs},
                         {sid: (window(first)[0], window(last)[1]) for sid, first, last in spans})

    return db.cached(("story-keys",), compute)


@dataclass(frozen=True, slots=True)
class StoryPage:
    story_id: str
    window: tuple[date, date] | None
    items: list[TimelineItem]  # this page of the window
    total: int
    background: list[TimelineItem]  # with the first page only
    undated: list[TimelineItem]


def story_page(db: Database, story: str, offset: int, limit: int, *, folded: bool) -> StoryPage:
    """One page of a story's timeline (id or unique prefix); with ``folded``, the background and undated items."""
    with db.cursor() as cur:
        found = cur.execute("SELECT id FROM stories WHERE starts_with(id, ?) ORDER BY id LIMIT 2", [story]).fetchall()
        if len(found) != 1:
            raise StoreError(f"no story {story!r}" if not found else f"story id prefix {story!r} is ambiguous")
        sid = str(found[0][0])
        every = story_keys(db)
        bounds = every.windows.get(sid)
        start, n = every.runs.get(sid, (0, 0))
        keys = _rows_of(every.keys.slice(start, n)) if n else []
        inside, outside, undated = [], [], []
        for k in keys:
            day = k["day"]
            if day is None:
                undated.append(k)
            elif bounds is None or bounds[0] <= day <= bounds[1]:
                inside.append(k)
            else:
                outside.append(k)
        page = inside[offset:offset + limit]
        wanted = page + (outside + undated if folded else [])
        items = _items(db, cur, wanted)
    shown = [items[_ident(k)] for k in page]
    return StoryPage(sid, bounds, shown, len(inside),
                     [items[_ident(k)] for k in outside] if folded else [],
                     [items[_ident(k)] for k in undated] if folded else [])


def _rows_of(table: pa.Table) -> list[dict[str, Any]]:
    """The rows of a slice of the keys (column by column: several times faster than row by row)."""
    names = ("kind", "key", "idx", "day")
    columns = [table.column(n).to_pylist() for n in names]
    return [dict(zip(names, values, strict=True)) for values in zip(*columns, strict=True)]


def _ident(key: dict[str, Any]) -> tuple[int, str, int | None]:
    return key["kind"], key["key"], key["idx"]


def _items(db: Database, cur: duckdb.DuckDBPyConnection,
           keys: list[dict[str, Any]]) -> dict[tuple[int, str, int | None], TimelineItem]:
    """The items of these keys in full: merged events with their mentions as evidence, quotations with their
    article's date, title and address (as the library builds them)."""
    out: dict[tuple[int, str, int | None], TimelineItem] = {}
    event_ids = [k["key"] for k in keys if k["kind"] == EVENT]
    if event_ids:
        marks = ", ".join("?" * len(event_ids))  # a list of values: DuckDB looks each up in the index
        res = cur.execute(f"SELECT {db.select(MERGED_EVENTS)} FROM merged_events t WHERE t.id IN ({marks})",
                          event_ids)
        events = MERGED_EVENTS.records([d[0] for d in res.description or []], res.fetchall())
        res = cur.execute(
            f"SELECT {db.select(EVENT_MENTIONS)} FROM event_mentions t WHERE t.event_id IN ({marks}) "
            "ORDER BY t.published NULLS LAST, t.article_id, t.sentence", event_ids)
        evidence: dict[str, list[Any]] = {}
        for m in EVENT_MENTIONS.records([d[0] for d in res.description or []], res.fetchall()):
            evidence.setdefault(m.event_id, []).append(m)
        for e in events:
            out[EVENT, e.id, None] = TimelineItem(e.date, event=replace(e, mentions=tuple(evidence.get(e.id, ()))))
    wanted = {(k["key"], k["idx"]) for k in keys if k["kind"] == QUOTE}
    if wanted:
        articles = sorted({a for a, _ in wanted})
        marks = ", ".join("?" * len(articles))  # looked up in quotes_article (migration 019) and by primary key
        res = cur.execute(f"SELECT {db.select(QUOTES)} FROM quotes t WHERE t.article_id IN ({marks})", articles)
        names = [d[0] for d in res.description or []]
        rows = [dict(zip(names, values, strict=True)) for values in res.fetchall()]
        about = {aid: rest for aid, *rest in cur.execute(
            f"SELECT id, published, title, url FROM articles WHERE id IN ({marks})", articles).fetchall()}
        for row in rows:
            if (row["article_id"], row["idx"]) in wanted and row["article_id"] in about:  # the library's inner join
                published, title, url = about[row["article_id"]]
                quote = QuoteInArticle(QUOTES.record_of(row), published, title, url)
                out[QUOTE, row["article_id"], row["idx"]] = TimelineItem(published, quote=quote)
    return out
