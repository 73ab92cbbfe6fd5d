"""What the aggregation reads from the store: articles, their events, entity and place names, stored ids.

The aggregate tables' specs, their typed reads and their writing are the aggregation's (:mod:`wirescope.aggregate`
``tables``, ``queries``, ``state``, ``build``): the store does not import the aggregation.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

import duckdb

from ..records import Event
from .events import iter_events, place_features
from .spec import select_list
from .tables import EVENTS


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
    wires: tuple[str, ...] = ()  # news agencies credited for the text (013_article_credits)
    terms: str | None = None  # the term counts stored at ingest, with the text (023_article_terms)


def has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    row = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]).fetchone()
    return bool(row and row[0])


# -- loading inputs ------------------------------------------------------------------------------------------


def load_articles(
    con: duckdb.DuckDBPyConnection, *, with_text: bool = True, ids: Sequence[str] | None = None
) -> list[StoredArticle]:
    """Articles (all, or those of ``ids``) in publication order; without text (``''``) and term counts when
    ``with_text`` is False (see :func:`load_texts`)."""
    text, terms = ("text", "terms") if with_text else ("''", "NULL")
    where, params = _among("id", ids)
    cur = con.execute(
        f"SELECT id, title, {text}, published, source, url, status, duplicate_of, length(text), "
        f"coalesce(wires, []), {terms} FROM articles{where} ORDER BY published NULLS LAST, id", params
    )
    return [replace(StoredArticle(*row[:-2]), wires=tuple(row[-2]), terms=row[-1]) for row in cur.fetchall()]


def _among(column: str, ids: Sequence[str] | None, joiner: str = " WHERE ") -> tuple[str, list[object]]:
    """A filter on ``column`` for a list of ids (none: no filter)."""
    if ids is None:
        return "", []
    return f"{joiner}{column} IN (SELECT unnest(?))", [list(ids)]


def load_events_of(
    con: duckdb.DuckDBPyConnection, ids: Sequence[str], features: dict[int, str] | None = None
) -> dict[str, list[Event]]:
    """The events of some articles as records, by article id (in each article's order); see :func:`load_events`.
    ``features``: :func:`~wirescope.store.events.place_features`, when the caller reads it once for many calls."""
    if not ids:
        return {}
    features = place_features(con) if features is None else features
    cur = con.execute(
        f"SELECT {select_list(EVENTS)} FROM events WHERE article_id IN (SELECT unnest(?)) ORDER BY article_id, idx",
        [list(ids)],
    )
    return events_by_article(cur, features)


def events_by_article(cur: duckdb.DuckDBPyConnection, features: dict[int, str]) -> dict[str, list[Event]]:
    """The rows of an executed ``SELECT`` of event columns as records, by article id in row order, each place given
    its feature class from ``features`` (:func:`~wirescope.store.events.place_features`) when the row has none."""
    names = [d[0] for d in cur.description or []]
    out: dict[str, list[Event]] = defaultdict(list)
    for event in EVENTS.records(names, cur.fetchall()):
        place = event.place
        if place is not None and place.feature is None and place.geonameid in features:
            event = replace(event, place=replace(place, feature=features[place.geonameid]))
        out[event.article_id].append(event)
    return dict(out)


def load_texts(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> dict[str, tuple[str, str | None]]:
    """Article id -> its text and the term counts stored at ingest (None before 023_article_terms). The whole
    text, though clustering keeps only a member's lead of a text whose counts it reads: cutting it in SQL
    (``left(text, 1500)`` when the counts' tag is this tokeniser's) cost more CPU than it saved, 8.8 against 6.4 µs
    per article of 2,200 characters (session 19)."""
    if not ids:
        return {}
    rows = con.execute("SELECT id, text, terms FROM articles WHERE id IN (SELECT unnest(?))", [list(ids)]).fetchall()
    return {aid: (text, terms) for aid, text, terms in rows}


def load_events(con: duckdb.DuckDBPyConnection) -> dict[str, list[Event]]:
    """Per-article events from the ``events`` table as records, by article id."""
    out: dict[str, list[Event]] = defaultdict(list)
    for event in iter_events(con):
        out[event.article_id].append(event)
    return dict(out)


def load_actor_names(
    con: duckdb.DuckDBPyConnection, ids: Sequence[str], min_confidence: float
) -> dict[str, list[str]]:
    """Article id -> the names of its events' actors (name, else code, else text; source then target, in event
    order), of the events at or above ``min_confidence``: what story clustering reads of an event, without building
    the records."""
    if not ids:
        return {}
    out: dict[str, list[str]] = defaultdict(list)
    sides = ", ".join(f"{s}_name, {s}_code, {s}_text, {s}_start" for s in ("source", "target"))
    cur = con.execute(
        f"SELECT article_id, {sides} FROM events WHERE article_id IN (SELECT unnest(?)) AND confidence >= ? "
        "ORDER BY article_id, idx", [list(ids), min_confidence])
    for aid, *values in cur.fetchall():
        for name, code, text, start in (values[:4], values[4:]):
            if name is not None or code is not None or text is not None or start is not None:
                out[aid].append(name or code or text)
    return dict(out)


def load_entity_names(con: duckdb.DuckDBPyConnection, ids: Sequence[str] | None = None) -> dict[str, list[str]]:
    """Article id -> entity names, each repeated by its mention count (capped) so salient entities weigh more."""
    out: dict[str, list[str]] = defaultdict(list)
    where, params = _among("article_id", ids)
    cur = con.execute(f"SELECT article_id, name, least(mention_count, 5) FROM article_entities{where}", params)
    while batch := cur.fetchmany(50_000):
        for aid, name, count in batch:
            out[aid].extend([name] * int(count))
    return dict(out)


def load_places(con: duckdb.DuckDBPyConnection, ids: Sequence[str] | None = None) -> dict[str, list[str]]:
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
            where = " WHERE geonameid IS NOT NULL" if "geonameid" in cols else " WHERE true"
            among, params = _among("article_id", ids, " AND ")
            for aid, pname in con.execute(f"SELECT article_id, {name} FROM places{where}{among}", params).fetchall():
                if pname:
                    out[aid].append(pname)
            return dict(out)
    if has_table(con, "events"):
        among, params = _among("article_id", ids, " AND ")
        for aid, pname in con.execute(
            f"SELECT article_id, place_name FROM events WHERE place_name IS NOT NULL{among}", params
        ).fetchall():
            out[aid].append(pname)
    return dict(out)


def load_mention_ids(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, int, str, int], str]:
    """(article, sentence, code, trigger start) -> merged event id of stored primary mentions."""
    rows = con.execute(
        "SELECT article_id, sentence, code, trigger_start, event_id FROM event_mentions WHERE trigger_start >= 0"
    ).fetchall()
    return {(a, s, c, t): e for a, s, c, t, e in rows}


def load_story_members(
    con: duckdb.DuckDBPyConnection, ids: Sequence[str] | None = None
) -> dict[str, list[tuple[str, float, bool]]]:
    """Story id -> (article id, score, started) of its members (of every story, or of ``ids``)."""
    out: dict[str, list[tuple[str, float, bool]]] = defaultdict(list)
    where, params = _among("story_id", ids)
    for sid, aid, score, started in con.execute(
        f"SELECT story_id, article_id, score, started FROM story_articles{where} ORDER BY story_id", params
    ).fetchall():
        out[sid].append((aid, score, started))
    return dict(out)
