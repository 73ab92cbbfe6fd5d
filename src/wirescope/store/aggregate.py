"""Reads and writes of the aggregate tables (005_aggregate.sql): merged events, mentions, stories, escalation.

These tables are not per-analysis rows (they span articles), so this module is not in ``tables.ROW_MODULES``; they
are written by :func:`wirescope.aggregate.build.aggregate_store`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb
import pyarrow as pa

from ..aggregate.stories import ClusterState, Story, StoryState
from ..errors import StoreError
from ..records import Actor, Event, Place, Span
from .filters import add_date_and_code

AGGREGATE_TABLES = (
    "merged_events",
    "event_mentions",
    "stories",
    "story_articles",
    "escalation",
    "alerts",
    "story_vectors",
    "story_df",
)


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
    """Per-article events from the ``events`` table (002_events), rebuilt as records. Empty when absent."""
    if not has_table(con, "events"):
        return {}
    features = _place_features(con)
    cur = con.execute("SELECT * FROM events ORDER BY article_id, idx")
    names = [d[0] for d in cur.description or []]
    out: dict[str, list[Event]] = defaultdict(list)
    while batch := cur.fetchmany(50_000):
        for values in batch:
            r = dict(zip(names, values, strict=True))
            out[r["article_id"]].append(_event(r, features))
    return dict(out)


def _place_features(con: duckdb.DuckDBPyConnection) -> dict[int, str]:
    """GeoNames id -> feature class.code from the places table (the events table does not repeat it)."""
    if not has_table(con, "places"):
        return {}
    rows = con.execute(
        "SELECT geonameid, any_value(feature) FROM places WHERE geonameid IS NOT NULL AND feature IS NOT NULL "
        "GROUP BY geonameid"
    ).fetchall()
    return {int(g): f for g, f in rows}


def _actor(r: dict[str, Any], side: str) -> Actor | None:
    if r.get(f"{side}_start") is None and r.get(f"{side}_code") is None:
        return None
    return Actor(
        start=r.get(f"{side}_start") or 0,
        end=r.get(f"{side}_end") or 0,
        text=r.get(f"{side}_text") or "",
        name=r.get(f"{side}_name"),
        entity_id=r.get(f"{side}_entity_id"),
        code=r.get(f"{side}_code"),
        country=r.get(f"{side}_country"),
    )


def _event(r: dict[str, Any], features: dict[int, str]) -> Event:
    place = None
    if r.get("place_name") is not None or r.get("place_geonameid") is not None:
        gid = r.get("place_geonameid")
        place = Place(
            start=0,
            end=0,
            text=r.get("place_name") or "",
            name=r.get("place_name"),
            geonameid=gid,
            lat=r.get("place_lat"),
            lon=r.get("place_lon"),
            feature=features.get(gid) if gid is not None else None,
            country3=r.get("place_country3"),
        )
    day = r.get("date")
    return Event(
        article_id=r["article_id"],
        sentence=r["sentence"],
        code=r["code"],
        root_code=r["root_code"],
        base_code=r["base_code"],
        quad_class=r["quad_class"],
        goldstein=r["goldstein"],
        trigger=Span(r["trigger_start"], r["trigger_end"], r["trigger_text"]),
        source=_actor(r, "source"),
        target=_actor(r, "target"),
        modality=r["modality"],
        confidence=r["confidence"],
        plover=r.get("plover"),
        date=day.isoformat() if isinstance(day, date) else day,
        date_source=r.get("date_source"),
        place=place,
        place_source=r.get("place_source"),
        sentence_text=r.get("sentence_text") or "",
        mentions=tuple(r.get("mentions") or ()),
    )


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


def load_story_state(con: duckdb.DuckDBPyConnection) -> ClusterState | None:
    """The saved clusterer state (007_aggregate_state), or None when there is none."""
    if not has_table(con, "story_df"):
        return None
    n_row = con.execute("SELECT df FROM story_df WHERE kind = 'n'").fetchone()
    if not n_row:
        return None
    term_df: dict[str, int] = {}
    ent_df: dict[str, int] = {}
    for kind, key, df in con.execute("SELECT kind, key, df FROM story_df WHERE kind IN ('t', 'e')").fetchall():
        (term_df if kind == "t" else ent_df)[key] = int(df)
    vectors: dict[str, tuple[dict[str, float], dict[str, float]]] = defaultdict(lambda: ({}, {}))
    cur = con.execute("SELECT story_id, kind, key, weight FROM story_vectors")
    while batch := cur.fetchmany(100_000):
        for sid, kind, key, weight in batch:
            vectors[sid][0 if kind == "t" else 1][key] = weight
    members = load_story_members(con)
    stories = {}
    for sid, first, last in con.execute("SELECT id, first_date, last_date FROM stories").fetchall():
        terms, ents = vectors.get(sid, ({}, {}))
        stories[sid] = StoryState(terms, ents, first, last, tuple(aid for aid, _, _ in members.get(sid, [])))
    return ClusterState(int(n_row[0]), term_df, ent_df, stories)


def state_rows(state: ClusterState) -> dict[str, list[tuple[Any, ...]]]:
    vectors = [(sid, "t", k, w) for sid, st in state.stories.items() for k, w in st.terms.items()]
    vectors += [(sid, "e", k, w) for sid, st in state.stories.items() for k, w in st.ents.items()]
    df = [("n", "", state.n)] + [("t", k, v) for k, v in state.term_df.items()]
    df += [("e", k, v) for k, v in state.ent_df.items()]
    return {"story_vectors": vectors, "story_df": df}


def load_stories(con: duckdb.DuckDBPyConnection) -> dict[str, Story]:
    """Stored story descriptions (with their member ids), to keep the unchanged ones as they are."""
    members = load_story_members(con)
    out = {}
    for r in _dicts(con.execute("SELECT * FROM stories")):
        out[r["id"]] = Story(
            id=r["id"],
            title=r["title"],
            summary=r["summary"],
            article_ids=tuple(aid for aid, _, _ in members.get(r["id"], [])),
            first_date=r["first_date"],
            last_date=r["last_date"],
            top_terms=tuple(r["top_terms"] or ()),
            top_entities=tuple(r["top_entities"] or ()),
            top_actors=tuple(r["top_actors"] or ()),
            top_places=tuple(r["top_places"] or ()),
            sources=tuple(r["sources"] or ()),
        )
    return out


# -- writing -------------------------------------------------------------------------------------------------


def replace_tables(con: duckdb.DuckDBPyConnection, tables: Mapping[str, Sequence[tuple[Any, ...]]]) -> None:
    """Replace the content of the given aggregate tables in one transaction."""
    for name in tables:
        if name not in AGGREGATE_TABLES:
            raise StoreError(f"{name} is not an aggregate table")
    con.execute("BEGIN")
    try:
        for name, rows in tables.items():
            con.execute(f"DELETE FROM {name}")
            if not rows:
                continue
            cols = [
                r[0]
                for r in con.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
                    [name],
                ).fetchall()
            ]
            if len(rows[0]) != len(cols):
                raise StoreError(f"{name}: rows have {len(rows[0])} values but the table has {len(cols)} columns")
            data = pa.table({c: list(v) for c, v in zip(cols, zip(*rows, strict=True), strict=True)})
            con.register("_agg_incoming", data)
            try:
                con.execute(f"INSERT INTO {name} SELECT * FROM _agg_incoming")
            finally:
                con.unregister("_agg_incoming")
        con.execute("COMMIT")
    except Exception as exc:
        con.execute("ROLLBACK")
        if isinstance(exc, duckdb.Error):
            raise StoreError(f"writing aggregate tables failed: {exc}") from exc
        raise


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
    """Merged events, oldest first. ``actor`` matches a code prefix, a country or a name substring on either side;
    ``dyad`` (a, b) matches source a and target b (code prefixes or countries), in that direction."""
    where = ["e.num_sources >= ?"]
    params: list[Any] = [min_sources]
    if actor:
        where.append(
            "(starts_with(upper(coalesce(e.source_code, '')), ?) OR starts_with(upper(coalesce(e.target_code, '')), ?)"
            " OR lower(coalesce(e.source_name, e.source_text, '')) LIKE ?"
            " OR lower(coalesce(e.target_name, e.target_text, '')) LIKE ?)"
        )
        params += [actor.upper(), actor.upper(), f"%{actor.lower()}%", f"%{actor.lower()}%"]
    if dyad:
        where.append("(starts_with(upper(coalesce(e.source_code, '')), ? ) OR upper(e.source_country) = ?)")
        where.append("(starts_with(upper(coalesce(e.target_code, '')), ? ) OR upper(e.target_country) = ?)")
        params += [dyad[0].upper(), dyad[0].upper(), dyad[1].upper(), dyad[1].upper()]
    if story:
        where.append(
            "e.id IN (SELECT m.event_id FROM event_mentions m JOIN story_articles s ON s.article_id = m.article_id "
            "WHERE s.story_id LIKE ? || '%')"
        )
        params.append(story)
    add_date_and_code(where, params, prefix="e.", since=since, until=until, root=root)
    sql = f"SELECT {_EVENT_COLS} FROM merged_events e WHERE " + " AND ".join(where)
    sql += " ORDER BY e.date NULLS LAST, e.num_mentions DESC, e.id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return _dicts(con.execute(sql, params))


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
