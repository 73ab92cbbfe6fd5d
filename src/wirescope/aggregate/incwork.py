"""The incremental aggregation's first phase (:mod:`wirescope.aggregate.incremental`): whether a saved picture may be
continued, and what changed since it was saved (new articles, events without mentions, damaged merged events and
stories)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import duckdb

from ..records import Event
from ..store import aggregate as agg_store


@dataclass
class Work:
    """What changed since the last run."""

    new: list[agg_store.StoredArticle]  # articles in no story, in publication order (originals and copies)
    pending: dict[str, list[Event]]  # article id -> its trusted events without a stored mention
    damaged: set[str]  # stored merged events that lost a mention or hold one below the threshold
    damaged_stories: set[str]  # stored stories that lost a member
    more: bool = False  # new articles are left for another chunk
    metas: dict[str, agg_store.StoredArticle] = field(default_factory=dict)  # every article read, by id

    @property
    def originals(self) -> list[agg_store.StoredArticle]:
        return [a for a in self.new if a.status == "analysed"]

    @property
    def copies(self) -> list[agg_store.StoredArticle]:
        return [a for a in self.new if a.status == "near-duplicate" and a.duplicate_of]


def has_state(con: duckdb.DuckDBPyConnection) -> bool:
    """A previous run saved the clusterer's state: an incremental run can start from it."""
    row = con.execute("SELECT count(*) FROM story_df WHERE kind = 'n'").fetchone()
    return bool(row and row[0])


def can_continue(con: duckdb.DuckDBPyConnection, settings_key: str) -> bool:
    """The saved picture may be updated: it was built with these settings (``build.settings_key``), and no story
    lost a member (a deleted or re-analysed article: its terms would stay in the story's vector and the document
    frequencies, so such a store is rebuilt instead)."""
    row = con.execute("SELECT key FROM story_df WHERE kind = 's'").fetchone()
    if row is None or row[0] != settings_key:
        return False
    return not _damaged_stories(con)


def save_settings(con: duckdb.DuckDBPyConnection, settings_key: str, min_confidence: float) -> None:
    """Record the settings the saved picture was built with (a ``story_df`` row of kind 's') and the threshold its
    events were read with (kind 'c': :func:`find_work` then reads only the new articles' events)."""
    con.execute("DELETE FROM story_df WHERE kind IN ('s', 'c')")
    con.execute("INSERT INTO story_df (kind, key, df) VALUES ('s', ?, 0), ('c', '', ?)",
                [settings_key, min_confidence])


def save_threshold(con: duckdb.DuckDBPyConnection, min_confidence: float) -> None:
    con.execute("DELETE FROM story_df WHERE kind = 'c'")
    con.execute("INSERT INTO story_df (kind, key, df) VALUES ('c', '', ?)", [min_confidence])


def _same_threshold(con: duckdb.DuckDBPyConnection, min_confidence: float) -> bool:
    """The saved picture's events were read with this threshold (a store saved before the threshold was recorded,
    or under another one: no)."""
    row = con.execute("SELECT df FROM story_df WHERE kind = 'c'").fetchone()
    return row is not None and float(row[0]) == float(min_confidence)


def _damaged_stories(con: duckdb.DuckDBPyConnection) -> set[str]:
    """The stored stories that lost a member (a deleted or re-analysed article). Only the writer removes
    ``story_articles`` rows and only an aggregation adds them, with the stories' sizes: when the sizes sum to the
    rows, no story lost one, and the per-story count (a scan and a grouping of every member, which grow with the
    store) is skipped."""
    row = con.execute("SELECT (SELECT coalesce(sum(size), 0) FROM stories), "
                      "(SELECT count(*) FROM story_articles)").fetchone()
    if row is not None and row[0] == row[1]:
        return set()
    return {r[0] for r in con.execute(
        "SELECT s.id FROM stories s LEFT JOIN (SELECT story_id, count(*) AS c FROM story_articles GROUP BY story_id) "
        "x ON x.story_id = s.id WHERE x.c IS NULL OR x.c <> s.size").fetchall()}


def find_work(con: duckdb.DuckDBPyConnection, min_confidence: float, limit: int | None = None) -> Work:
    """Phase 1 (load): the new articles (the first ``limit`` in publication order), the events no mention holds (of
    those and of articles already placed), the damaged merged events and stories.

    When the saved picture was read with this threshold (:func:`_same_threshold`), every trusted event of a placed
    article has its mention and no mention is below the threshold: only the new articles' events are looked at,
    and merged events are checked one by one only when mentions were lost (:func:`_damaged_merged`). Otherwise
    (the threshold changed, or an older store) every event and merged event is (a scan of the whole store each)."""
    all_new = [r[0] for r in con.execute(
        "SELECT id FROM articles a WHERE status IN ('analysed', 'near-duplicate') "
        "AND NOT EXISTS (SELECT 1 FROM story_articles s WHERE s.article_id = a.id) "
        "ORDER BY published NULLS LAST, id").fetchall()]
    new_ids = all_new[:limit] if limit else all_new
    later = set(all_new[len(new_ids):])  # new articles left for the next chunk
    same = _same_threshold(con, min_confidence)
    among = " AND e.article_id IN (SELECT unnest(?))" if same else ""
    pending_ids = [r[0] for r in con.execute(
        "SELECT DISTINCT e.article_id FROM events e JOIN articles a ON a.id = e.article_id AND a.status = 'analysed' "
        f"WHERE e.confidence >= ?{among} AND NOT EXISTS (SELECT 1 FROM event_mentions m WHERE m.article_id = "
        "e.article_id AND m.sentence = e.sentence AND m.code = e.code AND m.trigger_start = e.trigger_start)",
        [min_confidence, *([new_ids] if same else [])]).fetchall()]
    damaged = _damaged_merged(con, min_confidence, same)
    damaged_stories = _damaged_stories(con)
    events = agg_store.load_events_of(con, [i for i in pending_ids if i not in later])
    pending = {aid: kept for aid, evs in events.items()
               if (kept := [e for e in evs if e.confidence >= min_confidence])}
    new = agg_store.load_articles(con, with_text=False, ids=new_ids)
    work = Work(new, pending, damaged, damaged_stories, more=bool(later))
    work.metas.update({a.id: a for a in new})
    return work


def _damaged_merged(con: duckdb.DuckDBPyConnection, min_confidence: float, same_threshold: bool) -> set[str]:
    """The stored merged events that lost a mention or hold one below the threshold. Under the threshold the
    picture was read with, none holds one below it, and as only the writer removes mentions (and an aggregation
    adds them with their counts), none lost one when the counts sum to the mentions: the per-event check (a scan
    and a grouping of every mention) is made only otherwise."""
    if same_threshold:
        row = con.execute("SELECT (SELECT coalesce(sum(num_mentions), 0) FROM merged_events), "
                          "(SELECT count(*) FROM event_mentions)").fetchone()
        if row is not None and row[0] == row[1]:
            return set()
    return {r[0] for r in con.execute(
        "SELECT m.id FROM merged_events m LEFT JOIN (SELECT event_id, count(*) AS c, min(confidence) AS lo "
        "FROM event_mentions GROUP BY event_id) x ON x.event_id = m.id "
        "WHERE x.c IS NULL OR x.c <> m.num_mentions OR x.lo < ?", [min_confidence]).fetchall()}


def load_metas(work: Work, con: duckdb.DuckDBPyConnection, ids: Iterable[str]) -> None:
    """Read the stored articles ``ids`` not yet in ``work.metas`` (without their texts) into it."""
    missing = [i for i in set(ids) if i not in work.metas]
    work.metas.update({a.id: a for a in agg_store.load_articles(con, with_text=False, ids=missing)})


def in_order(articles: Sequence[agg_store.StoredArticle], place: Any) -> None:
    from .build import in_order as placed_in_order

    placed_in_order(articles, place)


def publication_order(a: agg_store.StoredArticle) -> tuple[bool, date, str]:
    return (a.published is None, a.published or date.min, a.id)
