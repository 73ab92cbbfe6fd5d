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

from ..errors import StoreError
from ..store.aggregate import has_table, load_story_members
from ..store.spec import ColumnValues, Rows, TableSpec, select_list
from .stories import StoryClusterer
from .story_records import ClusterState, Story, StoryState
from .tables import STORIES, STORY_DF, STORY_META, STORY_VECTORS
from .vectors import DfFetch, StoredKeys, VectorColumns, key_hashes


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
        df_sql = (f"SELECT d.kind, d.key, d.df FROM story_df d SEMI JOIN (SELECT DISTINCT kid FROM "
                  f"story_vectors{among}) v ON d.kid = v.kid")
    for kind, key, df in con.execute(df_sql, params).fetchall():
        (term_df if kind == "t" else ent_df)[key] = float(df)
    vectors: dict[str, tuple[dict[str, float], dict[str, float]]] = defaultdict(lambda: ({}, {}))
    cur = con.execute(f"SELECT v.story_id, d.kind, d.key, v.weight FROM story_vectors v JOIN story_df d ON "
                      f"d.kid = v.kid{among}", params)
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
        def read(keys: Sequence[str]) -> StoredKeys:
            return stored_keys(con.execute(
                "SELECT key, df, coalesce(kid, -1) AS kid, coalesce(hash, 0) AS hash, hash IS NOT NULL AS hashed "
                "FROM story_df WHERE kind = ? AND key IN (SELECT unnest(?))", [kind, list(keys)]).fetchnumpy())

        return read

    return fetch("t"), fetch("e")


def stored_keys(cols: dict[str, np.ndarray]) -> StoredKeys:
    """A read of ``story_df``'s key, df, kid (-1: none), hash (0: none) and hashed columns as :class:`StoredKeys`."""
    return StoredKeys(cols["key"].tolist(), np.asarray(cols["df"], dtype=np.float64),
                      np.asarray(cols["kid"], dtype=np.int64), np.asarray(cols["hash"], dtype=np.int64),
                      np.asarray(cols["hashed"], dtype=bool))


def fill_key_hashes(con: duckdb.DuckDBPyConnection) -> int:
    """Store the hash of every key stored without one (numbered by 024_story_key_ids, which cannot compute blake2b)
    and return how many: once, in the first run after the migration, so later restores copy every hash."""
    cols = con.execute("SELECT kid, key FROM story_df WHERE kid IS NOT NULL AND hash IS NULL").fetchnumpy()
    if not len(cols["kid"]):
        return 0
    import pyarrow as pa  # only writers need it (its import costs 0.2 s of CPU)

    con.register("_key_hashes", pa.table({"kid": pa.array(np.asarray(cols["kid"], dtype=np.int64)),
                                          "hash": pa.array(key_hashes(cols["key"].tolist()))}))
    try:
        con.execute("UPDATE story_df SET hash = h.hash FROM _key_hashes h WHERE story_df.kid = h.kid")
    finally:
        con.unregister("_key_hashes")
    return len(cols["kid"])


def state_tables(clusterer: StoryClusterer, *, changed_only: bool = False,
                 first_kid: int = 0) -> dict[TableSpec, Rows]:
    """The clusterer's state tables (``changed_only``: what changed in this session; keys the store has no number
    for numbered from ``first_kid``): the frequencies and the stories' vectors as columns, without a tuple per key
    or vector entry."""
    keys = clusterer.stored_keys(changed_only=changed_only, first_kid=first_kid)
    return {STORY_DF: key_table(clusterer.documents, keys),
            STORY_VECTORS: vector_table(clusterer.vector_columns(changed_only=changed_only)),
            STORY_META: clusterer.chain_flags(changed_only=changed_only)}


def key_table(n: int, kinds: Sequence[StoredKeys]) -> dict[str, ColumnValues]:
    """``story_df`` columns: the number of documents (kind n), then the keys of each kind (t, e)."""
    import pyarrow as pa  # only writers need it (its import costs 0.2 s of CPU)

    def numbers(name: str) -> Any:
        values = np.concatenate([np.zeros(1, dtype=np.int64), *(getattr(k, name) for k in kinds)])
        return pa.array(values, pa.int64(), mask=np.arange(len(values)) == 0)  # none for the n row

    sizes = [len(k.keys) for k in kinds]
    kind = pa.DictionaryArray.from_arrays(
        pa.array(np.repeat(np.arange(len(kinds) + 1, dtype=np.int32), [1, *sizes])),
        pa.array(["n", "t", "e"][:len(kinds) + 1], pa.string()))
    return {"kind": kind, "key": pa.array(["", *(key for k in kinds for key in k.keys)], pa.string()),
            "df": pa.array(np.concatenate([[float(n)], *(k.df for k in kinds)]), pa.float64()),
            "kid": numbers("kid"), "hash": numbers("hash")}


def vector_table(kinds: Sequence[VectorColumns]) -> dict[str, ColumnValues]:
    """``story_vectors`` columns of the kinds' columns, one after the other: story ids as Arrow dictionary arrays
    (indices into the stories), so no string is made per entry, and the keys by number."""
    import pyarrow as pa  # only writers need it (its import costs 0.2 s of CPU)

    return {
        "story_id": pa.chunked_array([
            pa.DictionaryArray.from_arrays(pa.array(k.story.astype(np.int32)), pa.array(k.story_ids, pa.string()))
            for k in kinds]),
        "kid": pa.chunked_array([pa.array(k.kid, pa.int64()) for k in kinds]),
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
    that was most of a +1k run). ``keys``/``entity``: the distinct keys of their vectors as stored (frequency,
    number, hash), whether each is an entity key; ``story``/``key``/``weight``: one row per vector entry (the story's
    position in ``stories``, the key's position in ``keys``)."""

    n: int
    stories: list[tuple[str, Any, Any, bool]]  # id, first date, last date, chained
    members: dict[str, list[tuple[str, float, bool]]]
    keys: StoredKeys
    entity: np.ndarray
    story: np.ndarray
    key: np.ndarray
    weight: np.ndarray


def load_open_columns(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> OpenColumns | None:
    """:func:`load_partial_state` of the stories ``ids`` as columns (None when nothing was saved): their vector
    entries by key number, then the keys those hold, joined on numbers (024_story_key_ids: by key string, the
    distinct keys and their frequencies were two joins on strings, most of this read)."""
    n_row = con.execute("SELECT df FROM story_df WHERE kind = 'n'").fetchone()
    if not n_row:
        return None
    con.execute("CREATE OR REPLACE TEMP TABLE agg_open AS SELECT unnest(?) AS story_id, "
                "generate_subscripts(?, 1) - 1 AS s", [list(ids), list(ids)])
    try:
        rows = con.execute("SELECT o.s, v.kid, v.weight FROM story_vectors v JOIN agg_open o "
                           "ON o.story_id = v.story_id").fetchnumpy()
        # the keys those entries hold, by joining again (a list parameter of their 126k distinct numbers cost twice
        # this; an Arrow column of them a little less, but would import pyarrow here)
        cols = con.execute(
            "SELECT d.key, d.kind = 'e' AS entity, d.df, d.kid, coalesce(d.hash, 0) AS hash, d.hash IS NOT NULL AS "
            "hashed FROM story_df d SEMI JOIN (SELECT v.kid FROM story_vectors v JOIN agg_open o ON o.story_id = "
            "v.story_id) r ON r.kid = d.kid ORDER BY d.kid").fetchnumpy()
        stories = con.execute(
            "SELECT o.story_id, s.first_date, s.last_date, coalesce(m.chained, true) FROM agg_open o "
            "JOIN stories s ON s.id = o.story_id LEFT JOIN story_meta m ON m.story_id = o.story_id "
            "ORDER BY o.s").fetchall()
    finally:
        con.execute("DROP TABLE IF EXISTS agg_open")
    keys = stored_keys(cols)
    kid = np.asarray(rows["kid"], dtype=np.int64)
    at = np.full(int(kid.max()) + 1 if len(kid) else 0, -1, dtype=np.int64)  # a key number's position in ``keys``
    at[keys.kid] = np.arange(len(keys.kid))
    key = at[kid]
    if len(key) and int(key.min()) < 0:
        raise StoreError("story_vectors holds a key number story_df lacks: run `wirescope aggregate --rebuild`")
    return OpenColumns(
        n=int(n_row[0]), stories=[(sid, first, last, bool(chained)) for sid, first, last, chained in stories],
        members=load_story_members(con, ids), keys=keys, entity=np.asarray(cols["entity"], dtype=bool),
        story=np.asarray(rows["s"], dtype=np.int64), key=key, weight=np.asarray(rows["weight"], dtype=np.float64))
