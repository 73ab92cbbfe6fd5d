"""Reading back what an earlier aggregation stored: the story clusterer's state and the story descriptions.

Kept in the aggregation (not the store), because the records rebuilt here are the aggregation's: the store does
not import the aggregation.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import Any

import duckdb

from ..store.aggregate import load_story_members
from ..store.spec import select_list
from .stories import ClusterState, Story, StoryState
from .tables import STORIES, STORY_DF, STORY_VECTORS


def load_story_state(con: duckdb.DuckDBPyConnection) -> ClusterState | None:
    """The saved clusterer state (007_aggregate_state), or None when there is none."""
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


def state_rows(state: ClusterState) -> dict[Any, list[tuple[Any, ...]]]:
    """Rows of the clusterer's state tables, by spec."""
    vectors = [(sid, "t", k, w) for sid, st in state.stories.items() for k, w in st.terms.items()]
    vectors += [(sid, "e", k, w) for sid, st in state.stories.items() for k, w in st.ents.items()]
    df: list[tuple[Any, ...]] = [("n", "", state.n)] + [("t", k, v) for k, v in state.term_df.items()]
    df += [("e", k, v) for k, v in state.ent_df.items()]
    return {STORY_VECTORS: vectors, STORY_DF: df}


def load_stories(con: duckdb.DuckDBPyConnection) -> dict[str, Story]:
    """Stored story descriptions (with their member ids), to keep the unchanged ones as they are."""
    members = load_story_members(con)
    cur = con.execute(f"SELECT {select_list(STORIES)} FROM stories")
    names = [d[0] for d in cur.description or []]
    out = {}
    for story in STORIES.records(names, cur.fetchall()):
        out[story.id] = replace(story, article_ids=tuple(aid for aid, _, _ in members.get(story.id, [])))
    return out
