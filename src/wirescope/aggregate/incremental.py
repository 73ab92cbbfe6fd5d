"""The incremental aggregation: only what changed is read, recomputed and rewritten.

A store that holds a saved clusterer state, built with the same settings, in which no story lost a member (a
deleted or re-analysed article: such a store is rebuilt, see :func:`can_continue`), is updated from what changed
since the last run:

* **work**: articles in no story yet (new, or re-analysed: re-analysis drops an article's aggregate rows), their
  events at or above the threshold that no stored mention holds, and the stored merged events that lost a mention
  (a deleted or re-analysed article) or hold one below the threshold;
* **merge**: only the stored merged events a new event could join (same key, date within the window), those of
  the new near-duplicates' originals and the damaged ones are restored from their mentions; the merged events that
  gained or lost mentions are rewritten, with their mentions;
* **stories**: only the stories still open at the new articles' dates (a story whose last report is more than
  ``max_span_days`` earlier can no longer be joined) are restored, with the document frequencies of their keys
  (others are read on demand); the stories that changed are described and rewritten with their state;
* **escalation**: the dyad-days of the changed merged events, and the days within ``trailing_days`` after them
  (their baselines), are recomputed from the stored merged events of those days; their rows and alerts replace the
  old ones.

Fed in publication order (each batch no earlier than the stored articles), the tables equal a full rebuild's
(``tests/test_aggregate_incremental.py``), except the descriptions (title, summary, key terms) of stories that did
not change: those keep the idf of their last change.

The phases are in :mod:`~wirescope.aggregate.incwork` (load), :mod:`~wirescope.aggregate.incmerge` (merge),
:mod:`~wirescope.aggregate.incstories` (restore, cluster, describe) and :mod:`~wirescope.aggregate.incescalation`;
this module runs them and writes what changed.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb

from ..store.spec import TableSpec, insert_columns, insert_rows
from .escalation import DyadDay, EscalationSettings, alerts
from .incescalation import DayEvent, Dyad, day_cell, escalation_changes, stored_days
from .incmerge import candidate_groups, merge_changes, stored_merged
from .incstories import MemberDocs, cluster_changes, open_stories
from .incwork import (
    Work,
    can_continue,
    find_work,
    has_state,
    save_settings,
    save_threshold,
)
from .merge import MergedEvent, MergeSettings
from .state import fill_key_hashes, key_table, vector_table
from .stories import StoryClusterer
from .story_records import Story, StorySettings
from .tables import (
    ALERTS,
    ESCALATION,
    EVENT_MENTIONS,
    MERGED_EVENTS,
    STORIES,
    STORY_ARTICLES,
    STORY_DF,
    STORY_MEMBER_TERMS,
    STORY_META,
    STORY_VECTORS,
)

__all__ = ["DayEvent", "MemberDocs", "PhaseClock", "Update", "Work", "can_continue", "candidate_groups", "day_cell",
           "find_work", "has_state", "open_stories", "save_settings", "start_empty", "stored_merged", "update"]


# -- writing ----------------------------------------------------------------------------------------------------


def delete_keys(con: duckdb.DuckDBPyConnection, table: str, column: str, keys: Iterable[Any]) -> None:
    keys = list(keys)
    if keys:
        con.execute(f"DELETE FROM {table} WHERE {column} IN (SELECT unnest(?))", [keys])


def delete_dyad_days(con: duckdb.DuckDBPyConnection, table: str, days: dict[Dyad, set[date]]) -> None:
    cells = [(d[0], d[1], d[2], day) for d, ds in days.items() for day in ds]
    if cells:
        con.execute(
            f"DELETE FROM {table} USING (SELECT unnest(?) AS l, unnest(?) AS s, unnest(?) AS t, unnest(?) AS d) w "
            f"WHERE {table}.level = w.l AND {table}.source = w.s AND {table}.target = w.t AND {table}.day = w.d",
            [[c[0] for c in cells], [c[1] for c in cells], [c[2] for c in cells], [c[3] for c in cells]])


def write_state(con: duckdb.DuckDBPyConnection, clusterer: StoryClusterer) -> None:
    """The clusterer's changed state: the changed stories' vectors and chain flags, the changed frequencies (keys
    new to the store numbered after its last number, 024_story_key_ids; the keys that migration left without a
    hash are hashed once)."""
    fill_key_hashes(con)
    row = con.execute("SELECT coalesce(max(kid) + 1, 0) FROM story_df").fetchone()
    keys = clusterer.stored_keys(changed_only=True, first_kid=int(row[0]) if row else 0)
    flags = clusterer.chain_flags(changed_only=True)
    for table in ("story_vectors", "story_meta"):
        delete_keys(con, table, "story_id", sorted(sid for sid, _ in flags))
    delete_keys(con, "story_df", "kid", [kid for k in keys for kid in k.kid.tolist()])
    con.execute("DELETE FROM story_df WHERE kind = 'n'")
    insert_columns(con, STORY_DF, key_table(clusterer.documents, keys))
    insert_columns(con, STORY_VECTORS, vector_table(clusterer.vector_columns(changed_only=True)))
    insert_rows(con, STORY_META, flags)


def insert_all(con: duckdb.DuckDBPyConnection, tables: dict[TableSpec, list[tuple[Any, ...]]]) -> None:
    for spec, rows in tables.items():
        insert_rows(con, spec, rows)


def story_rows(stories: Sequence[Story], scores: dict[str, tuple[float, bool]]) -> list[tuple[Any, ...]]:
    """story_articles rows of the articles placed in this run."""
    return [STORY_ARTICLES.row(None, story_id=st.id, article_id=aid, score=float(scores[aid][0]),
                               started=bool(scores[aid][1]))
            for st in stories for aid in st.article_ids if aid in scores]


def merged_rows(events: Sequence[MergedEvent]) -> dict[TableSpec, list[tuple[Any, ...]]]:
    return {MERGED_EVENTS: [MERGED_EVENTS.row(e) for e in events],
            EVENT_MENTIONS: [EVENT_MENTIONS.row(m) for e in events for m in e.mentions]}


def escalation_rows(rows: Sequence[DyadDay], settings: EscalationSettings) -> dict[TableSpec, list[tuple[Any, ...]]]:
    return {ESCALATION: [ESCALATION.row(r) for r in rows], ALERTS: [ALERTS.row(a) for a in alerts(rows, settings)]}


# -- the run ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Update:
    """What an incremental run did, for the report."""

    new_articles: int
    new_stories: int
    merged_rewritten: int
    stories_rewritten: int
    dyad_days_rewritten: int
    timings: dict[str, float]  # wall seconds per phase
    cpu_timings: dict[str, float]  # CPU seconds per phase
    more: bool = False


def start_empty(con: duckdb.DuckDBPyConnection, min_confidence: float) -> None:
    """Empty every aggregate table and save an empty clusterer state: the next updates build the picture from
    scratch, a chunk of articles at a time (a rebuild whose memory does not grow with the store), reading events at
    ``min_confidence``."""
    from .tables import AGGREGATE_TABLES

    con.execute("BEGIN")
    try:
        for spec in AGGREGATE_TABLES:
            con.execute(f"DELETE FROM {spec.name}")
        con.execute("INSERT INTO story_df (kind, key, df) VALUES ('n', '', 0)")
        save_threshold(con, min_confidence)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def update(con: duckdb.DuckDBPyConnection, merge: MergeSettings, stories: StorySettings,
           escalation: EscalationSettings, min_confidence: float, limit: int | None = None) -> Update:
    """The incremental run on a store with a saved state: read, recompute and rewrite only what changed, in one
    transaction, for at most ``limit`` new articles (``Update.more``: some are left)."""
    clock = PhaseClock()
    work = find_work(con, min_confidence, limit)
    clock.lap("load")
    merger, changed_ids = merge_changes(con, work, merge)
    ids = sorted(changed_ids)
    after = merger.events([i for i in ids if merger.has(i)])
    clock.lap("merge")
    clusterer, scores, changed_stories, _ = cluster_changes(con, work, stories, min_confidence, clock.lap)
    con.execute("BEGIN")
    try:
        before = stored_days(con, ids)
        # a merged event resumed from its stored part keeps its stored mentions and gains the new ones
        delete_keys(con, "event_mentions", "event_id", [i for i in ids if i not in merger.resumed])
        delete_keys(con, "merged_events", "id", ids)
        insert_all(con, merged_rows(after))
        deleted, rows = escalation_changes(con, before, after, escalation)
        delete_dyad_days(con, "escalation", deleted)
        delete_dyad_days(con, "alerts", deleted)
        insert_all(con, escalation_rows(rows, escalation))
        clock.lap("escalation")
        delete_keys(con, "stories", "id", [st.id for st in changed_stories])
        insert_all(con, {STORIES: [STORIES.row(st) for st in changed_stories],
                         STORY_ARTICLES: story_rows(changed_stories, scores)})
        write_state(con, clusterer)
        placed = clusterer.member_terms(scores)
        delete_keys(con, "story_member_terms", "article_id", [row[0] for row in placed])
        insert_rows(con, STORY_MEMBER_TERMS, placed)
        save_threshold(con, min_confidence)  # every trusted event of a placed article has its mention now
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    clock.lap("write")
    # a copy whose original is in the next chunk is left for it (no story yet): it counts in the run that places it
    new = sum(1 for a in work.new if a.status == "analysed" or a.id in scores)
    return Update(new, sum(1 for started in scores.values() if started[1]), len(ids),
                  len(changed_stories), len(rows), clock.timings, clock.cpu_timings, work.more)


class PhaseClock:
    """Wall and CPU seconds per phase (``lap`` ends one). The CPU time is the process's, DuckDB's threads included:
    on a shared machine the wall time follows the other jobs, the CPU time much less."""

    def __init__(self) -> None:
        self.timings: dict[str, float] = {}
        self.cpu_timings: dict[str, float] = {}
        self.last, self.last_cpu = time.perf_counter(), time.process_time()

    def lap(self, name: str) -> None:
        now, cpu = time.perf_counter(), time.process_time()
        self.timings[name], self.cpu_timings[name] = now - self.last, cpu - self.last_cpu
        self.last, self.last_cpu = now, cpu
