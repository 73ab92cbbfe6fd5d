"""Reads and writes of the aggregate tables (005_aggregate.sql): merged events, mentions, stories, escalation.

These tables span articles; their specs, the loading of the clusterer's state and the writing are the aggregation's
(:mod:`wirescope.aggregate.tables`, :mod:`wirescope.aggregate.state`): the store does not import the aggregation.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb

from ..errors import StoreError
from ..records import Event
from .events import iter_events
from .filters import EventFilter, event_where


@dataclass(frozen=True)
class StoredArticle:
    id: str
    title: str | None
    text: str
    published: date | None
    source: str | None
    url: str | None
    status: str
    duplicate_of: str | None
    length: int = 0


def has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    row = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]).fetchone()
    return bool(row and row[0])


def _dicts(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description or []]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


# -- loading inputs ------------------------------------------------------------------------------------------


def load_articles(con: duckdb.DuckDBPyConnection, *, with_text: bool = True) -> list[StoredArticle]:
    """Articles in publication order; without text (``''``) when ``with_text`` is False (see :func:`load_texts`)."""
    text = "text" if with_text else "''"
    cur = con.execute(
        f"SELECT id, title, {text}, published, source, url, status, duplicate_of, length(text) FROM articles "
        "ORDER BY published NULLS LAST, id"
    )
    return [StoredArticle(*row) for row in cur.fetchall()]


def load_texts(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> dict[str, str]:
    if not ids:
        return {}
    rows = con.execute("SELECT id, text FROM articles WHERE id IN (SELECT unnest(?))", [list(ids)]).fetchall()
    return dict(rows)


def load_events(con: duckdb.DuckDBPyConnection) -> dict[str, list[Event]]:
    """Per-article events from the ``events`` table as records, by article id."""
    out: dict[str, list[Event]] = defaultdict(list)
    for event in iter_events(con):
        out[event.article_id].append(event)
    return dict(out)


def load_entity_names(con: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    """Article id -> entity names, each repeated by its mention count (capped) so salient entities weigh more."""
    out: dict[str, list[str]] = defaultdict(list)
    cur = con.execute("SELECT article_id, name, least(mention_count, 5) FROM article_entities")
    while batch := cur.fetchmany(50_000):
        for aid, name, count in batch:
            out[aid].extend([name] * int(count))
    return dict(out)


def load_places(con: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    """Article id -> resolved place names from the places table (004) when present, else from event places."""
    out: dict[str, list[str]] = defaultdict(list)
    if has_table(con, "places"):
        cols = {
            r[0]
            for r in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'places'"
            ).fetchall()
        }
        name = "name" if "name" in cols else None
        if name and "article_id" in cols:
            where = " WHERE geonameid IS NOT NULL" if "geonameid" in cols else ""
            for aid, pname in con.execute(f"SELECT article_id, {name} FROM places{where}").fetchall():
                if pname:
                    out[aid].append(pname)
            return dict(out)
    if has_table(con, "events"):
        for aid, pname in con.execute(
            "SELECT article_id, place_name FROM events WHERE place_name IS NOT NULL"
        ).fetchall():
            out[aid].append(pname)
    return dict(out)


def load_mention_ids(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, int, str, int], str]:
    """(article, sentence, code, trigger start) -> merged event id of stored primary mentions."""
    rows = con.execute(
        "SELECT article_id, sentence, code, trigger_start, event_id FROM event_mentions WHERE trigger_start >= 0"
    ).fetchall()
    return {(a, s, c, t): e for a, s, c, t, e in rows}


def load_story_members(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[str, float, bool]]]:
    out: dict[str, list[tuple[str, float, bool]]] = defaultdict(list)
    for sid, aid, score, started in con.execute(
        "SELECT story_id, article_id, score, started FROM story_articles ORDER BY story_id"
    ).fetchall():
        out[sid].append((aid, score, started))
    return dict(out)


# -- queries -------------------------------------------------------------------------------------------------


def query_stories(
    con: duckdb.DuckDBPyConnection, *, since: date | None = None, min_size: int = 1, limit: int | None = None
) -> list[dict[str, Any]]:
    sql = (
        "SELECT id, title, size, first_date, last_date, top_actors, top_places, top_entities, summary "
        "FROM stories WHERE size >= ?"
    )
    params: list[Any] = [min_size]
    if since:
        sql += " AND last_date >= ?"
        params.append(since)
    sql += " ORDER BY size DESC, last_date DESC NULLS LAST, id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return _dicts(con.execute(sql, params))


def story_detail(con: duckdb.DuckDBPyConnection, story_id: str) -> dict[str, Any] | None:
    found = _dicts(con.execute("SELECT * FROM stories WHERE id LIKE ? || '%'", [story_id]))
    if len(found) != 1:
        return None
    story = found[0]
    story["articles"] = _dicts(
        con.execute(
            "SELECT a.id, a.title, a.published, a.source, s.score, s.started FROM story_articles s "
            "JOIN articles a ON a.id = s.article_id WHERE s.story_id = ? ORDER BY a.published NULLS LAST, a.id",
            [story["id"]],
        )
    )
    return story


_EVENT_COLS = (
    "e.id, e.date, e.code, e.root_code, e.quad_class, e.goldstein, e.modality, e.source_code, e.source_name, "
    "e.target_code, e.target_name, e.place_name, e.confidence, e.num_mentions, e.num_articles, e.num_sources, "
    "e.first_seen, e.last_seen"
)


def query_merged_events(
    con: duckdb.DuckDBPyConnection,
    *,
    actor: str | None = None,
    dyad: tuple[str, str] | None = None,
    story: str | None = None,
    since: date | None = None,
    until: date | None = None,
    root: str | None = None,
    min_sources: int = 1,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Merged events, oldest first. ``actor`` matches either side, ``dyad`` (a, b) source a and target b, in that
    direction (a dyad names countries such as IRN or code prefixes; an actor may also be a part of a name; see
    :class:`~wirescope.store.filters.EventFilter`); ``root`` a CAMEO root ("19") or, longer, a code prefix."""
    f = EventFilter(
        actor=actor, source=dyad[0].upper() if dyad else None, target=dyad[1].upper() if dyad else None,
        since=since, until=until,
        root=root if root and len(root) <= 2 else None, code=root if root and len(root) > 2 else None,
    )
    where = event_where(f, alias="e.")
    where.add("e.num_sources >= ?", min_sources)
    if story:
        where.add(
            "e.id IN (SELECT m.event_id FROM event_mentions m JOIN story_articles s ON s.article_id = m.article_id "
            "WHERE s.story_id LIKE ? || '%')",
            story,
        )
    sql = f"SELECT {_EVENT_COLS} FROM merged_events e{where.sql()}"
    sql += " ORDER BY e.date NULLS LAST, e.num_mentions DESC, e.id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return _dicts(con.execute(sql, where.params))


def event_mentions(con: duckdb.DuckDBPyConnection, event_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    if not event_ids:
        return {}
    for row in _dicts(
        con.execute(
            "SELECT event_id, article_id, sentence, confidence, published, source_key, sentence_text, url, "
            "duplicate_of FROM event_mentions WHERE event_id IN (SELECT unnest(?)) "
            "ORDER BY published NULLS LAST, article_id, sentence",
            [list(event_ids)],
        )
    ):
        out[row.pop("event_id")].append(row)
    return dict(out)


def timeline(
    con: duckdb.DuckDBPyConnection,
    *,
    story: str | None = None,
    actor: str | None = None,
    dyad: tuple[str, str] | None = None,
    since: date | None = None,
    with_quotes: bool = True,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Ordered events (with their mentions as evidence) and, when the quotes table exists, quotations."""
    if not (story or actor or dyad):
        raise StoreError("timeline needs a story id, an actor or a dyad")
    events = query_merged_events(con, actor=actor, dyad=dyad, story=story, since=since)
    evidence = event_mentions(con, [e["id"] for e in events])
    items: list[dict[str, Any]] = []
    for e in events:
        items.append({"kind": "event", "date": e["date"], **e, "evidence": evidence.get(e["id"], [])})
    if with_quotes and has_table(con, "quotes"):
        items.extend(_quotes(con, story=story, actor=actor, dyad=dyad, since=since))
    items.sort(key=lambda x: (x["date"] is None, x["date"] or date.min, x["kind"]))
    return items[:limit] if limit else items


def _quotes(
    con: duckdb.DuckDBPyConnection,
    *,
    story: str | None,
    actor: str | None,
    dyad: tuple[str, str] | None,
    since: date | None,
) -> Iterator[dict[str, Any]]:
    cols = {
        r[0]
        for r in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'quotes'"
        ).fetchall()
    }
    if not {"article_id", "text"} <= cols:
        return
    speaker = [c for c in ("speaker_name", "speaker_text", "speaker_code") if c in cols]
    select = ", ".join(f"q.{c}" for c in ("text", "type", "sentence", "confidence", *speaker) if c in cols)
    where: list[str] = []
    params: list[Any] = []
    if story:
        where.append("q.article_id IN (SELECT article_id FROM story_articles WHERE story_id LIKE ? || '%')")
        params.append(story)
    names = [n for n in (actor, *(dyad or ())) if n]
    if names and speaker:
        checks = [f"lower(coalesce(q.{c}, '')) LIKE ?" for c in speaker]
        if "speaker_code" in cols:
            checks.append("starts_with(upper(coalesce(q.speaker_code, '')), ?)")
        where.append("(" + " OR ".join(checks) + ")")
        params += [f"%{names[0].lower()}%"] * len(speaker)
        if "speaker_code" in cols:
            params.append(names[0].upper())
    elif names:
        return
    if since:
        where.append("a.published >= ?")
        params.append(since)
    sql = (
        f"SELECT q.article_id, a.published AS date, a.title, a.url, {select} FROM quotes q "
        "JOIN articles a ON a.id = q.article_id"
    )
    if where:
        sql += " WHERE " + " AND ".join(where)
    for row in _dicts(con.execute(sql, params)):
        yield {"kind": "quote", **row}


def query_escalation(
    con: duckdb.DuckDBPyConnection, source: str, target: str, *, level: str | None = None, since: date | None = None
) -> list[dict[str, Any]]:
    lvl = level or ("country" if len(source) == 3 and len(target) == 3 else "actor")
    sql = "SELECT * FROM escalation WHERE level = ? AND upper(source) = ? AND upper(target) = ?"
    params: list[Any] = [lvl, source.upper(), target.upper()]
    if since:
        sql += " AND day >= ?"
        params.append(since)
    return _dicts(con.execute(sql + " ORDER BY day", params))


def query_alerts(
    con: duckdb.DuckDBPyConnection, *, since: date | None = None, actor: str | None = None, limit: int | None = None
) -> list[dict[str, Any]]:
    sql = "SELECT * FROM alerts WHERE 1 = 1"
    params: list[Any] = []
    if since:
        sql += " AND day >= ?"
        params.append(since)
    if actor:
        sql += " AND (upper(source) = ? OR upper(target) = ?)"
        params += [actor.upper(), actor.upper()]
    sql += " ORDER BY day DESC, index_value DESC"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return _dicts(con.execute(sql, params))
