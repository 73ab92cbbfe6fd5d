"""Reading back what an earlier aggregation stored: the story clusterer's state and the story descriptions.

Kept in the aggregation (not the store), because the records rebuilt here are the aggregation's: the store does
not import the aggregation. A state is read whole (:func:`load_story_state`) or only for some stories, with the
document frequencies of other keys read on demand (:func:`load_partial_state`, :func:`df_fetchers`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import duckdb
import numpy as np

from ..store.aggregate import has_table, load_story_members
from ..store.spec import ColumnValues, Rows, TableSpec, select_list
from .stories import ClusterState, DfFetch, Story, StoryClusterer, StoryState
from .tables import STORIES, STORY_DF, STORY_META, STORY_VECTORS
from .vectors import VectorColumns


def load_story_state(con: duckdb.DuckDBPyConnection) -> ClusterState | None:
    """The saved clusterer state (007_aggregate_state), or None when there is none."""
    return load_partial_state(con, None)


def load_partial_state(con: duckdb.DuckDBPyConnection, ids: Sequence[str] | None) -> ClusterState | None:
    """The saved state of the stories ``ids`` (None: of every story) and the document frequencies of their keys;
    None when nothing was saved."""
    n_row = con.execute("SELECT df FROM story_df WHERE kind = 'n'").fetchone()
    if not n_row:
        return None
    params: list[Any] = [] if ids is None else [list(ids)]
    among = "" if ids is None else " WHERE story_id IN (SELECT unnest(?))"
    term_df: dict[str, float] = {}
    ent_df: dict[str, float] = {}
    if ids is None:
        df_sql = "SELECT kind, key, df FROM story_df WHERE kind IN ('t', 'e')"
    else:
        df_sql = (f"SELECT d.kind, d.key, d.df FROM story_df d SEMI JOIN (SELECT DISTINCT kind, key FROM "
                  f"story_vectors{among}) v ON d.kind = v.kind AND d.key = v.key")
    for kind, key, df in con.execute(df_sql, params).fetchall():
        (term_df if kind == "t" else ent_df)[key] = float(df)
    vectors: dict[str, tuple[dict[str, float], dict[str, float]]] = defaultdict(lambda: ({}, {}))
    cur = con.execute(f"SELECT story_id, kind, key, weight FROM story_vectors{among}", params)
    while batch := cur.fetchmany(100_000):
        for sid, kind, key, weight in batch:
            vectors[sid][0 if kind == "t" else 1][key] = weight
    chained: dict[str, bool] = {}
    if has_table(con, "story_meta"):
        for sid, flag in con.execute(f"SELECT story_id, chained FROM story_meta{among}", params).fetchall():
            chained[sid] = bool(flag)
    members = load_story_members(con, ids)
    stories = {}
    where = "" if ids is None else " WHERE id IN (SELECT unnest(?))"
    for sid, first, last in con.execute(f"SELECT id, first_date, last_date FROM stories{where}", params).fetchall():
        terms, ents = vectors.get(sid, ({}, {}))
        stories[sid] = StoryState(terms, ents, first, last, tuple(aid for aid, _, _ in members.get(sid, [])),
                                  chained.get(sid, True))
    return ClusterState(int(n_row[0]), term_df, ent_df, stories)


def df_fetchers(con: duckdb.DuckDBPyConnection) -> tuple[DfFetch, DfFetch]:
    """Readers of stored document frequencies, of key terms and of entities, for keys a partial state lacks."""

    def fetch(kind: str) -> DfFetch:
        def read(keys: Sequence[str]) -> dict[str, float]:
            rows = con.execute("SELECT key, df FROM story_df WHERE kind = ? AND key IN (SELECT unnest(?))",
                               [kind, list(keys)]).fetchall()
            return {k: float(v) for k, v in rows}

        return read

    return fetch("t"), fetch("e")


def state_rows(state: ClusterState) -> dict[TableSpec, list[tuple[Any, ...]]]:
    """Rows of the clusterer's state tables, by spec."""
    vectors = [(sid, "t", k, w) for sid, st in state.stories.items() for k, w in st.terms.items()]
    vectors += [(sid, "e", k, w) for sid, st in state.stories.items() for k, w in st.ents.items()]
    df: list[tuple[Any, ...]] = [("n", "", state.n)] + [("t", k, v) for k, v in state.term_df.items()]
    df += [("e", k, v) for k, v in state.ent_df.items()]
    meta = [(sid, st.chained) for sid, st in state.stories.items()]
    return {STORY_VECTORS: vectors, STORY_DF: df, STORY_META: meta}


def state_tables(clusterer: StoryClusterer, *, changed_only: bool = False) -> dict[TableSpec, Rows]:
    """:func:`state_rows` of the clusterer's state (``changed_only``: what changed in this session), the stories'
    vectors as columns: the same rows in the same order, without a tuple per vector entry."""
    tables: dict[TableSpec, Rows] = dict(state_rows(clusterer.state(changed_only=changed_only, vectors=False)))
    tables[STORY_VECTORS] = vector_table(clusterer.vector_columns(changed_only=changed_only))
    return tables


def vector_table(kinds: Sequence[VectorColumns]) -> dict[str, ColumnValues]:
    """``story_vectors`` columns of the kinds' columns, one after the other: story ids and keys as Arrow
    dictionary arrays (indices into the stories and the key names), so no string is made per entry."""
    import pyarrow as pa  # only writers need it (its import costs 0.2 s of CPU)

    def strings(indices: list[np.ndarray], names: list[list[str]]) -> Any:
        return pa.chunked_array([pa.DictionaryArray.from_arrays(pa.array(i.astype(np.int32)), pa.array(n, pa.string()))
                                 for i, n in zip(indices, names, strict=True)])

    return {
        "story_id": strings([k.story for k in kinds], [k.story_ids for k in kinds]),
        "kind": strings([np.zeros(len(k.key), dtype=np.int32) for k in kinds], [[k.kind] for k in kinds]),
        "key": strings([k.key for k in kinds], [k.names for k in kinds]),
        "weight": pa.chunked_array([pa.array(k.weight, pa.float64()) for k in kinds]),
    }


def load_stories(con: duckdb.DuckDBPyConnection, ids: Sequence[str] | None = None) -> dict[str, Story]:
    """Stored story descriptions (with their member ids), to keep the unchanged ones as they are."""
    members = load_story_members(con, ids)
    where = "" if ids is None else " WHERE id IN (SELECT unnest(?))"
    cur = con.execute(f"SELECT {select_list(STORIES)} FROM stories{where}", [] if ids is None else [list(ids)])
    names = [d[0] for d in cur.description or []]
    out = {}
    for story in STORIES.records(names, cur.fetchall()):
        out[story.id] = replace(story, article_ids=tuple(aid for aid, _, _ in members.get(story.id, [])))
    return out


@dataclass(frozen=True)
class OpenColumns:
    """The saved state of some stories as columns (issue 20: an incremental run restores every story still open at
    the new articles' dates, thousands on a large store; built row by row into dicts, then arrays and index sets,
    that was most of a +1k run). ``keys``/``entity``/``df``: the distinct keys of their vectors, whether each is an
    entity key, its stored document frequency (NaN: none stored); ``story``/``key``/``weight``: one row per vector
    entry (the story's position in ``stories``, the key's position in ``keys``)."""

    n: int
    stories: list[tuple[str, Any, Any, bool]]  # id, first date, last date, chained
    members: dict[str, list[tuple[str, float, bool]]]
    keys: list[str]
    entity: np.ndarray
    df: np.ndarray
    story: np.ndarray
    key: np.ndarray
    weight: np.ndarray


def load_open_columns(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> OpenColumns | None:
    """:func:`load_partial_state` of the stories ``ids`` as columns, read by DuckDB in three queries (the keys
    numbered there, so no key string crosses into Python more than once); None when nothing was saved."""
    n_row = con.execute("SELECT df FROM story_df WHERE kind = 'n'").fetchone()
    if not n_row:
        return None
    con.execute("CREATE OR REPLACE TEMP TABLE agg_open AS SELECT unnest(?) AS story_id, "
                "generate_subscripts(?, 1) - 1 AS s", [list(ids), list(ids)])
    try:
        con.execute("CREATE OR REPLACE TEMP TABLE agg_keys AS SELECT kind, key, row_number() OVER () - 1 AS kid "
                    "FROM (SELECT DISTINCT v.kind, v.key FROM story_vectors v SEMI JOIN agg_open o "
                    "ON o.story_id = v.story_id)")
        # as columns, not rows: 126k keys at 200k articles, a tuple and three appends each (a sixth of the read)
        cols = con.execute(
            "SELECT k.key, k.kind = 'e' AS entity, coalesce(d.df, 'NaN'::DOUBLE) AS df FROM agg_keys k "
            "LEFT JOIN story_df d ON d.kind = k.kind AND d.key = k.key ORDER BY k.kid").fetchnumpy()
        rows = con.execute("SELECT o.s, k.kid, v.weight FROM story_vectors v JOIN agg_open o ON o.story_id = "
                           "v.story_id JOIN agg_keys k ON k.kind = v.kind AND k.key = v.key").fetchnumpy()
        stories = con.execute(
            "SELECT o.story_id, s.first_date, s.last_date, coalesce(m.chained, true) FROM agg_open o "
            "JOIN stories s ON s.id = o.story_id LEFT JOIN story_meta m ON m.story_id = o.story_id "
            "ORDER BY o.s").fetchall()
    finally:
        con.execute("DROP TABLE IF EXISTS agg_keys")
        con.execute("DROP TABLE IF EXISTS agg_open")
    return OpenColumns(
        n=int(n_row[0]), stories=[(sid, first, last, bool(chained)) for sid, first, last, chained in stories],
        members=load_story_members(con, ids), keys=cols["key"].tolist(),
        entity=np.asarray(cols["entity"], dtype=bool), df=np.asarray(cols["df"], dtype=np.float64),
        story=np.asarray(rows["s"], dtype=np.int64),
        key=np.asarray(rows["kid"], dtype=np.int64), weight=np.asarray(rows["weight"], dtype=np.float64))
