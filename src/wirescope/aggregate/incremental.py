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
"""

from __future__ import annotations

import datetime as dt
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import duckdb

from ..records import Event
from ..store import aggregate as agg_store
from ..store.spec import TableSpec, insert_columns, insert_rows, select_list
from .escalation import DyadDay, EscalationSettings, alerts, cell, day_row, effective, trailing
from .merge import ACTUAL_MODALITIES, EventMerger, MergedEvent, MergeSettings
from .remerge import decide_and_summarise, replay_new
from .state import df_fetchers, load_open_columns, state_rows, vector_table
from .stories import Story, StoryClusterer, StoryDoc, StorySettings, article_keys
from .tables import (
    ALERTS,
    ESCALATION,
    EVENT_MENTIONS,
    MERGED_EVENTS,
    STORIES,
    STORY_ARTICLES,
    STORY_MEMBER_TERMS,
    STORY_VECTORS,
)


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


def _save_threshold(con: duckdb.DuckDBPyConnection, min_confidence: float) -> None:
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


def _meta(work: Work, con: duckdb.DuckDBPyConnection, ids: Iterable[str]) -> None:
    missing = [i for i in set(ids) if i not in work.metas]
    work.metas.update({a.id: a for a in agg_store.load_articles(con, with_text=False, ids=missing)})


# -- merging ----------------------------------------------------------------------------------------------------


def candidate_groups(con: duckdb.DuckDBPyConnection, merger: EventMerger, work: Work) -> dict[str, MergedEvent]:
    """Stored merged events a pending event could join: the same key, dated within the window (undated: undated)."""
    from .build import article_meta
    from .merge import event_date

    window = merger.settings.date_window_days
    wanted: dict[tuple[str, ...], set[date | None]] = defaultdict(set)
    _meta(work, con, work.pending)
    for aid, evs in work.pending.items():
        meta = article_meta(work.metas[aid])
        for ev in evs:
            wanted[merger.key(ev)].add(event_date(ev, meta))
    days = sorted(d for ds in wanted.values() for d in ds if d is not None)
    undated = any(None in ds for ds in wanted.values())
    if not days and not undated:
        return {}
    clauses, params = [], []
    if days:
        clauses.append("m.date BETWEEN ? AND ?")
        params += [days[0] - timedelta(days=window), days[-1] + timedelta(days=window)]
    if undated:
        clauses.append("m.date IS NULL")
    out = {}
    cur = con.execute(f"SELECT {select_list(MERGED_EVENTS, 'm')} FROM merged_events m SEMI JOIN {_WANTED} w ON "
                      f"{_keyed_on(merger.settings)} WHERE {' OR '.join(clauses)}",
                      [*_wanted_table(wanted, window), *params])
    for event in _merged_records(cur):
        ds = wanted.get(merger.key(event))  # type: ignore[arg-type]
        if ds and any((d is None) == (event.date is None) and (d is None or event.date is None
                                                                 or abs((d - event.date).days) <= window)
                      for d in ds):
            out[event.id] = event
    return out


# The stored merged events whose key may be one of the wanted keys, dated within that key's span (issue 20: at 200k
# articles, 1,267 of the 10,900 merged events of the new events' days have a wanted key, and each was read as a
# record before the check). A superset of what the check keeps: the code (at the settings' level), the modality
# group and the span are compared exactly, an actor's side only when its key comes from the country, code or entity
# id (``merge.actor_key`` at the settings' level; a key from the name, lowercased by Python, is left to the check).
_WANTED = ("(SELECT unnest(?) AS s, unnest(?) AS t, unnest(?) AS c, unnest(?) AS g, unnest(?) AS lo, "
           "unnest(?) AS hi, unnest(?) AS undated)")
_ACTOR_PREFIX = {"country": ("country", "code", "entity_id"), "code": ("code", "entity_id"), "entity": ("entity_id",)}


def _wanted_table(wanted: dict[tuple[str, ...], set[date | None]], window: int) -> list[list[Any]]:
    """The parameters of :data:`_WANTED`: each key's four parts, the span of its dates widened by the window (None:
    it has only undated events) and whether it has an undated one."""
    keys = list(wanted)
    spans = [sorted(d for d in wanted[k] if d is not None) for k in keys]
    return [*map(list, zip(*keys, strict=True)), [s[0] - timedelta(days=window) if s else None for s in spans],
            [s[-1] + timedelta(days=window) if s else None for s in spans], [None in wanted[k] for k in keys]]


def _keyed_on(settings: MergeSettings) -> str:
    """The join condition of merged events ``m`` with the wanted keys ``w`` (a row per key: its sides, code,
    modality group, first and last day within the window, whether it has an undated event)."""
    def side(name: str) -> str:
        prefix = ", ".join(f"nullif(m.{name}_{c}, '')" for c in _ACTOR_PREFIX[settings.actor_level])
        return f"coalesce({prefix})"

    code = {"root": "root_code", "base": "base_code", "code": "code"}[settings.code_level]
    actual = ", ".join(f"'{m}'" for m in ACTUAL_MODALITIES)
    source, target = side("source"), side("target")
    return (f"w.c = m.{code} AND w.g = (CASE WHEN m.modality IN ({actual}) THEN 'actual' ELSE m.modality END) "
            f"AND ({source} IS NULL OR {source} = w.s) AND ({target} IS NULL OR {target} = w.t) "
            f"AND (m.date BETWEEN w.lo AND w.hi OR (m.date IS NULL AND w.undated))")


def stored_merged(con: duckdb.DuckDBPyConnection, where: str, params: Sequence[Any]) -> list[MergedEvent]:
    return _merged_records(con.execute(f"SELECT {select_list(MERGED_EVENTS)} FROM merged_events WHERE {where}",
                                       list(params)))


def _merged_records(cur: duckdb.DuckDBPyConnection) -> list[MergedEvent]:
    names = [d[0] for d in cur.description or []]
    return list(MERGED_EVENTS.records(names, cur.fetchall()))


def merge_changes(con: duckdb.DuckDBPyConnection, work: Work, settings: MergeSettings) -> tuple[EventMerger, set[str]]:
    """Phase 2: the new events and copies merged into the stored merged events they could join (those restored as
    shells to decide, :mod:`wirescope.aggregate.remerge`), with the damaged ones and those of new copies'
    originals restored in full; returns a merger holding the merged events to rewrite, and their ids."""
    from .build import article_meta

    candidates = candidate_groups(con, EventMerger(settings), work)
    originals = {a.duplicate_of for a in work.copies if a.duplicate_of}
    # a new copy repeats every event of its original: all of the original's merged events gain mentions (and a new
    # copy with stored mentions, left by an earlier run, is restored with its merged events, not added again)
    full = work.damaged | {r[0] for r in con.execute(
        "SELECT DISTINCT event_id FROM event_mentions WHERE (article_id IN (SELECT unnest(?)) AND duplicate_of IS "
        "NULL) OR article_id IN (SELECT unnest(?))", [sorted(originals), [a.id for a in work.copies]]).fetchall()}
    restored_copies = {r[0] for r in con.execute(
        "SELECT DISTINCT article_id FROM event_mentions WHERE article_id IN (SELECT unnest(?))",
        [[a.id for a in work.copies]]).fetchall()}
    _meta(work, con, originals)
    added = sorted([*(work.metas[i] for i in work.pending),
                    *(a for a in work.copies if a.id not in restored_copies)], key=_order)

    def add(merger: EventMerger) -> None:
        def one(a: agg_store.StoredArticle) -> None:
            if a.status == "near-duplicate":
                merger.add_duplicate(article_meta(a), a.duplicate_of or "")
            elif a.id in work.pending:
                merger.add_article(article_meta(a), work.pending[a.id])

        in_order(added, one)

    def replay(merger: EventMerger, assigned: dict[tuple[str, int, str, int], str]) -> None:
        order: list[agg_store.StoredArticle] = []
        in_order(added, order.append)
        replay_new(merger, order, work.pending, article_meta, assigned)

    return decide_and_summarise(
        con, settings, candidates, full, work.damaged,
        lambda merger, ids: _restore(con, merger, work, ids, settings), add, replay,
        lambda ids: stored_merged(con, "id IN (SELECT unnest(?))", [list(ids)]))


def _restore(con: duckdb.DuckDBPyConnection, merger: EventMerger, work: Work, ids: set[str],
             settings: MergeSettings) -> None:
    """Restore the stored merged events ``ids`` from their mentions' events, in publication order (each is
    recreated by its first report), with the mentions of stored near-duplicate copies."""
    from .build import article_meta

    if not ids:
        return
    rows = con.execute(
        "SELECT event_id, article_id, sentence, code, trigger_start, duplicate_of FROM event_mentions "
        "WHERE event_id IN (SELECT unnest(?)) AND trigger_start >= 0", [sorted(ids)]).fetchall()
    primary = {(a, s, c, t): gid for gid, a, s, c, t, dup in rows if dup is None}
    copies = {a for _, a, _, _, _, dup in rows if dup is not None}
    _meta(work, con, [*(k[0] for k in primary), *copies])
    stored_events = _mentioned_events(con, sorted(ids))

    def restore(a: agg_store.StoredArticle) -> None:
        if a.status == "near-duplicate":
            merger.add_duplicate(article_meta(a), a.duplicate_of or "", restored=True)
            return
        for ev in stored_events.get(a.id, ()):
            gid = primary.get((a.id, ev.sentence, ev.code, ev.trigger.start))
            if gid is not None and ev.confidence >= settings.min_confidence:
                merger.restore(gid, article_meta(a), ev)

    in_order(sorted((work.metas[i] for i in {*(k[0] for k in primary), *copies}), key=_order), restore)


def _mentioned_events(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> dict[str, list[Event]]:
    """The events the original mentions of the merged events ``ids`` point at, by article id, in each article's
    order: what :func:`_restore` puts back (``load_events_of`` of their articles, less the articles' other events,
    which it skips: at 200k articles, half of the records built for a +1k run)."""
    from ..store.events import place_features
    from ..store.tables import EVENTS

    features = place_features(con)
    cur = con.execute(
        f"SELECT {select_list(EVENTS, 'e')} FROM events e SEMI JOIN (SELECT article_id, sentence, code, "
        f"trigger_start FROM event_mentions WHERE event_id IN (SELECT unnest(?)) AND duplicate_of IS NULL AND "
        f"trigger_start >= 0) m ON e.article_id = m.article_id AND e.sentence = m.sentence AND e.code = m.code "
        f"AND e.trigger_start = m.trigger_start ORDER BY e.article_id, e.idx", [list(ids)])
    return agg_store.events_by_article(cur, features)


def in_order(articles: Sequence[agg_store.StoredArticle], place: Any) -> None:
    from .build import in_order as placed_in_order

    placed_in_order(articles, place)


def place_article(clusterer: StoryClusterer, a: agg_store.StoredArticle, docs: dict[str, StoryDoc],
                  scores: dict[str, tuple[float, bool]]) -> None:
    from .build import place_article as place

    place(clusterer, a, docs, scores)


def _order(a: agg_store.StoredArticle) -> tuple[bool, date, str]:
    return (a.published is None, a.published or date.min, a.id)


# -- stories ----------------------------------------------------------------------------------------------------


class MemberDocs:
    """Story documents of any stored articles, read from the store when first needed."""

    def __init__(self, con: duckdb.DuckDBPyConnection, min_confidence: float) -> None:
        self.con = con
        self.min_confidence = min_confidence

    def __call__(self, ids: Sequence[str]) -> list[StoryDoc]:
        ids = list(ids)
        arts = {a.id: a for a in agg_store.load_articles(self.con, ids=ids)}
        names = agg_store.load_entity_names(self.con, ids)
        places = agg_store.load_places(self.con, ids)
        actors = agg_store.load_actor_names(self.con, ids, self.min_confidence)
        return [StoryDoc(a.id, a.title, a.text, a.published, tuple(names.get(aid, ())), tuple(actors.get(aid, ())),
                         tuple(places.get(aid, ())), a.source, a.terms)
                for aid in ids if (a := arts.get(aid)) is not None]


def open_stories(con: duckdb.DuckDBPyConnection, work: Work, settings: StorySettings,
                 docs: MemberDocs | None = None) -> list[str]:
    """The stored stories the new articles could join or change: those still open at the earliest new date (all,
    when the date rule is off), the stories of new copies' originals, damaged ones, and for an undated new article
    (which may join a story of any date) the stories holding one of its keys (``docs`` reads it)."""
    horizon = max(settings.max_span_days, settings.max_gap_days) if settings.max_gap_days else None
    days = [a.published for a in work.originals if a.published is not None]
    if horizon is None:
        where, params = "true", []
    elif days:
        where, params = "last_date IS NULL OR last_date >= ?", [min(days) - timedelta(days=horizon)]
    else:
        where, params = "false", []
    ids = {r[0] for r in con.execute(f"SELECT id FROM stories WHERE {where}", params).fetchall()}
    undated = [a.id for a in work.originals if a.published is None]
    if undated and horizon is not None:
        ids |= _holding(con, article_keys((docs or MemberDocs(con, 0.0))(undated), settings))
    originals = [a.duplicate_of for a in work.copies]
    ids |= {r[0] for r in con.execute("SELECT story_id FROM story_articles WHERE article_id IN (SELECT unnest(?))",
                                      [originals]).fetchall()}
    return sorted(ids | work.damaged_stories)


def _holding(con: duckdb.DuckDBPyConnection, keys: tuple[set[str], set[str]]) -> set[str]:
    """The stored stories whose vectors hold one of the key terms or entity keys: an undated article's candidates
    come from these (the index holds no others with its keys), so restoring them, not every story, decides the
    same."""
    out: set[str] = set()
    for kind, wanted in zip(("t", "e"), keys, strict=True):
        if wanted:
            out.update(r[0] for r in con.execute(
                "SELECT DISTINCT story_id FROM story_vectors WHERE kind = ? AND key IN (SELECT unnest(?))",
                [kind, sorted(wanted)]).fetchall())
    return out


def cluster_changes(
    con: duckdb.DuckDBPyConnection, work: Work, settings: StorySettings, min_confidence: float,
    lap: Any = lambda name: None,
) -> tuple[StoryClusterer, dict[str, tuple[float, bool]], list[Story], MemberDocs]:
    """Phases 3 and 4: the new articles into the open stories, then the changed stories described (``lap(name)``
    is called after restoring the open stories, placing the articles and describing)."""
    docs = MemberDocs(con, min_confidence)
    cols = load_open_columns(con, open_stories(con, work, settings, docs))
    assert cols is not None  # has_state() was checked
    clusterer = StoryClusterer.from_columns(cols, settings, members=lambda sid: docs(clusterer.member_ids(sid)),
                                            fetch_df=df_fetchers(con))
    restored = {sid: tuple(aid for aid, _, _ in cols.members.get(sid, [])) for sid, *_ in cols.stories}
    _recent_members(con, clusterer, restored, work, docs)
    lap("restore")
    scores: dict[str, tuple[float, bool]] = {}
    fresh = [a for a in work.new if clusterer.story_of(a.id) is None]
    placed: list[agg_store.StoredArticle] = []
    in_order(fresh, placed.append)
    for lo in range(0, len(placed), 2000):  # texts read a chunk at a time: memory stays flat after a large ingest
        chunk = placed[lo:lo + 2000]
        by_id = {d.article_id: d for d in docs([a.id for a in chunk])}
        clusterer.prepare([by_id[a.id] for a in chunk if a.id in by_id and a.status == "analysed"])
        for a in chunk:
            place_article(clusterer, a, by_id, scores)
    lap("cluster")
    changed = sorted(set(clusterer.changed()) | (work.damaged_stories & set(restored)))
    _load_members(clusterer, changed, docs, lambda sid: clusterer.member_ids(sid), con)
    described = clusterer.stories(changed)
    lap("describe")
    return clusterer, scores, described, docs


def _load_members(clusterer: StoryClusterer, stories: Sequence[str], docs: MemberDocs, members: Any,
                  con: duckdb.DuckDBPyConnection | None = None) -> None:
    """Members of some stories read from the store in a few queries (not one round per story); with ``con``,
    their saved key terms (021_story_member_terms) too, so their texts are read but not tokenised again (a
    member placed before that migration is)."""
    wanted = {sid: list(members(sid)) for sid in stories}
    every = [aid for ids in wanted.values() for aid in ids]
    by_id = {d.article_id: d for d in docs(every)}
    terms = {aid: dict(zip(keys, tfs, strict=True)) for aid, keys, tfs in con.execute(
        "SELECT article_id, keys, tfs FROM story_member_terms WHERE article_id IN (SELECT unnest(?))",
        [every]).fetchall()} if con is not None and every else {}
    clusterer.load_members_of({sid: [by_id[a] for a in ids if a in by_id] for sid, ids in wanted.items()}, terms)


def _recent_members(con: duckdb.DuckDBPyConnection, clusterer: StoryClusterer, members: dict[str, tuple[str, ...]],
                    work: Work, docs: MemberDocs) -> None:
    """The members the report rule will compare new articles with, read at once: those of the restored stories,
    published within ``max_gap_days`` before the earliest dated new article (an undated article is exempt from the
    rule; with the rule off, members are read story by story when needed), from their saved key terms. A smaller
    story may grow large enough for the rule during the run: with its terms at hand, its texts are not read then."""
    s = clusterer.settings
    days = [a.published for a in work.originals if a.published is not None]  # an undated one is exempt
    if not days or not s.max_gap_days or not s.member_link:
        return
    floor = min(days) - timedelta(days=s.max_gap_days)
    ids = [aid for m in members.values() for aid in m]
    recent = {r[0] for r in con.execute("SELECT id FROM articles WHERE id IN (SELECT unnest(?)) AND published >= ?",
                                        [ids, floor]).fetchall()} if ids else set()
    # their saved key terms (021_story_member_terms), else (a store aggregated before it) their texts: those of the
    # large stories at once; a smaller story's, whose saved terms are not all there, when it grows large enough
    saved = {aid: (published, dict(zip(keys, tfs, strict=True))) for aid, published, keys, tfs in con.execute(
        "SELECT c.article_id, a.published, c.keys, c.tfs FROM story_member_terms c JOIN articles a ON a.id = "
        "c.article_id WHERE c.article_id IN (SELECT unnest(?))", [sorted(recent)]).fetchall()} if recent else {}
    large = {sid for sid, m in members.items() if len(m) >= s.link_from_size}
    covered = {sid for sid, m in members.items() if all(a in saved for a in m if a in recent)}
    clusterer.load_member_terms({sid: [(a, *saved[a]) for a in members[sid] if a in saved]
                                 for sid in sorted(large | covered)})
    _load_members(clusterer, sorted(large), docs,
                  lambda sid: [a for a in members[sid] if a in recent and a not in saved])


# -- escalation -------------------------------------------------------------------------------------------------


Dyad = tuple[str, str, str]  # level, source, target


def escalation_changes(
    con: duckdb.DuckDBPyConnection, before: Sequence[MergedEvent], after: Sequence[MergedEvent],
    settings: EscalationSettings,
) -> tuple[dict[Dyad, set[date]], list[DyadDay]]:
    """Phase 5: the dyad-days whose rows change (the changed merged events' days, before and after, the days within
    ``trailing_days`` after them, whose baselines read them, and those after a dyad's first day when it moves) and
    their new rows, from the stored merged events of those days. Call it after the changed merged events are
    written. Returns the days whose old rows go, and the new rows."""
    from .build import news_of_the_day

    touched: dict[Dyad, set[date]] = defaultdict(set)
    for event in news_of_the_day([*before, *after]):
        for level in ("country", "actor"):
            if (where := cell(event, level, settings)) is not None:
                touched[(level, where[0], where[1])].add(where[2])
    if not touched:
        return {}, []
    firsts_stored = _stored_firsts(con, list(touched))
    # A dyad's first day sets the trailing spans of the days after it: when a change comes before it, the days from
    # the old first day on are recomputed too (a first day emptied by the change is one of the days changed; one
    # that moves later is found below). Otherwise the rows from the first day on stay as they are.
    starts = {dyad: set(days) | ({firsts_stored[dyad]} if dyad in firsts_stored and min(days) < firsts_stored[dyad]
                                 else set())
              for dyad, days in touched.items()}
    while True:
        ranges = {dyad: _ranges(days, settings.trailing_days) for dyad, days in starts.items()}
        events = _events_in(con, ranges, settings)
        outside = _first_outside(con, ranges)
        firsts = {dyad: min([*events.get(dyad, {}), *([outside[dyad]] if dyad in outside else [])], default=None)
                  for dyad in touched}
        moved = {dyad: f for dyad, f in firsts.items() if f is not None and f not in starts[dyad]
                 and firsts_stored.get(dyad, f) < f}
        if not moved:  # a dyad whose first day moved later: the days after its new first day change too
            break
        for dyad, f in moved.items():
            starts[dyad].add(f)
    # the stored rows the recomputed days replace, and those their trailing windows read
    near = _stored_near(con, {dyad: [(lo - timedelta(days=settings.trailing_days), hi) for lo, hi in rs]
                              for dyad, rs in ranges.items()})
    out: list[DyadDay] = []
    deleted: dict[Dyad, set[date]] = {}
    for dyad in touched:
        stored = near.get(dyad, {})
        deleted[dyad] = {d for d in stored if _inside(d, ranges[dyad])}
        indices = {d: x for d, x in stored.items() if d not in deleted[dyad]}
        by_day = events.get(dyad, {})
        first = firsts[dyad]
        for day in sorted(by_day):
            assert first is not None
            row = day_row(dyad[0], dyad[1], dyad[2], day, by_day[day], trailing(indices, day, first, settings),
                          settings)
            indices[day] = row.index
            out.append(row)
    return deleted, out


def _dyad_table(ranges: dict[Dyad, list[tuple[date, date]]]) -> list[list[Any]]:
    """Parameters of a table of (level, source, target, lo, hi) rows, one per range of each dyad."""
    cells = [(d[0], d[1], d[2], lo, hi) for d, rs in ranges.items() for lo, hi in rs]
    return [[c[k] for c in cells] for k in range(5)]


_RANGES = "(SELECT unnest(?) AS l, unnest(?) AS s, unnest(?) AS t, unnest(?) AS lo, unnest(?) AS hi)"


def _stored_firsts(con: duckdb.DuckDBPyConnection, dyads: Sequence[Dyad]) -> dict[Dyad, date]:
    """The first stored day of each of some dyads (those with a stored row)."""
    rows = con.execute(
        "SELECT e.level, e.source, e.target, min(e.day) FROM escalation e JOIN "
        "(SELECT unnest(?) AS l, unnest(?) AS s, unnest(?) AS t) w ON e.level = w.l AND e.source = w.s "
        "AND e.target = w.t GROUP BY ALL",
        [[d[0] for d in dyads], [d[1] for d in dyads], [d[2] for d in dyads]]).fetchall()
    return {(level, src, tgt): day for level, src, tgt, day in rows}


def _stored_near(con: duckdb.DuckDBPyConnection, ranges: dict[Dyad, list[tuple[date, date]]],
                 ) -> dict[Dyad, dict[date, float]]:
    """The stored index of some dyads on the days of their ranges (not of every day they have: a dyad's rows
    span the store's years)."""
    rows = con.execute(
        f"SELECT DISTINCT e.level, e.source, e.target, e.day, e.index_value FROM escalation e JOIN {_RANGES} w "
        f"ON e.level = w.l AND e.source = w.s AND e.target = w.t AND e.day BETWEEN w.lo AND w.hi",
        _dyad_table(ranges)).fetchall()
    stored: dict[Dyad, dict[date, float]] = defaultdict(dict)
    for level, src, tgt, day, index in rows:
        stored[(level, src, tgt)][day] = float(index)
    return stored


def _first_outside(con: duckdb.DuckDBPyConnection, ranges: dict[Dyad, list[tuple[date, date]]]) -> dict[Dyad, date]:
    """Each dyad's first stored day outside its ranges (the days recomputed), if it has one."""
    rows = con.execute(
        f"WITH w AS {_RANGES} SELECT e.level, e.source, e.target, min(e.day) FROM escalation e SEMI JOIN "
        f"(SELECT DISTINCT l, s, t FROM w) d ON e.level = d.l AND e.source = d.s AND e.target = d.t "
        f"WHERE NOT EXISTS (SELECT 1 FROM w WHERE w.l = e.level AND w.s = e.source AND w.t = e.target "
        f"AND e.day BETWEEN w.lo AND w.hi) GROUP BY ALL", _dyad_table(ranges)).fetchall()
    return {(level, src, tgt): day for level, src, tgt, day in rows}


def _ranges(starts: Iterable[date], days: int) -> list[tuple[date, date]]:
    """The days from each start to ``days`` after it, overlapping ranges joined (each day in one range)."""
    out: list[tuple[date, date]] = []
    for d in sorted(starts):
        if out and d <= out[-1][1] + timedelta(days=1):
            out[-1] = (out[-1][0], max(out[-1][1], d + timedelta(days=days)))
        else:
            out.append((d, d + timedelta(days=days)))
    return out


def _inside(day: date, ranges: Sequence[tuple[date, date]]) -> bool:
    return any(lo <= day <= hi for lo, hi in ranges)


@dataclass(frozen=True, slots=True)
class DayEvent:
    """What the escalation index reads of a stored merged event (:func:`escalation.day_row`, :func:`cell`,
    ``build.news_of_the_day``), read as plain columns: building every record of the recomputed days (their actors
    and places) was most of an incremental run's escalation phase, and grows with the events a day holds."""

    id: str
    date: dt.date | None
    modality: str
    quad_class: int
    goldstein: float
    confidence: float
    num_mentions: int
    first_seen: dt.date | None
    last_seen: dt.date | None
    country: tuple[str | None, str | None]  # escalation.dyad_side of source and target at country level
    actor: tuple[str | None, str | None]  # and at actor level

    @property
    def weight(self) -> float:
        return self.num_mentions * self.confidence  # as MergedEvent.weight


def day_cell(event: DayEvent, level: str, s: EscalationSettings) -> tuple[str, str, date] | None:
    """:func:`escalation.cell` of a :class:`DayEvent`."""
    src, tgt = event.country if level == "country" else event.actor
    if not src or not tgt or src == tgt or event.date is None or effective(event, s) is None:
        return None
    return src, tgt, event.date


_DAY_COLUMNS = ("m.id, m.date, m.modality, m.quad_class, m.goldstein, m.confidence, m.num_mentions, m.first_seen, "
                "m.last_seen, m.source_country, m.target_country, coalesce(m.source_code, ''), m.source_name, "
                "coalesce(m.target_code, ''), m.target_name")


def _events_in(
    con: duckdb.DuckDBPyConnection, ranges: dict[Dyad, list[tuple[date, date]]], settings: EscalationSettings
) -> dict[Dyad, dict[date, list[DayEvent]]]:
    """The stored merged events of the dyads' day ranges, by dyad and day (each day's in id order, as a full run
    sums them)."""
    from .build import news_of_the_day

    # Only the events of the dyads asked for, on the days of their own ranges, are read (not every event of the
    # days from the earliest range to the last: a dyad's first day is always recomputed, so that span would reach
    # back to the store's first days); the SQL test is wider than cell()'s, which decides below.
    sides = {"country": "concat(m.source_country, chr(1), m.target_country)",
             "actor": f"concat({_ACTOR_SIDE.format(side='m.source')}, chr(1), {_ACTOR_SIDE.format(side='m.target')})"}
    found: dict[str, tuple[Any, ...]] = {}
    for level, side in sides.items():
        cells = [(f"{src}\x01{tgt}", lo, hi) for (lv, src, tgt), rs in ranges.items() if lv == level
                 for lo, hi in rs]
        if not cells:
            continue
        for row in con.execute(
                f"SELECT {_DAY_COLUMNS} FROM merged_events m "
                f"JOIN (SELECT unnest(?) AS k, unnest(?) AS lo, unnest(?) AS hi) w ON {side} = w.k "
                f"AND m.date BETWEEN w.lo AND w.hi",
                [[c[0] for c in cells], [c[1] for c in cells], [c[2] for c in cells]]).fetchall():
            found[row[0]] = row
    rows = list(found.values())
    rows.sort(key=lambda r: r[0])  # by id, as Python orders strings
    # actor level: the code, else the name (dyad_side: ``actor.code or actor.name``)
    events = [DayEvent(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], (r[9], r[10]),
                       (r[11] or r[12], r[13] or r[14])) for r in rows]
    days = {dyad: _days(rs) for dyad, rs in ranges.items()}
    out: dict[Dyad, dict[date, list[DayEvent]]] = defaultdict(lambda: defaultdict(list))
    for event in news_of_the_day(events):
        for level in ("country", "actor"):
            where = day_cell(event, level, settings)
            if where is None:
                continue
            dyad = (level, where[0], where[1])
            if dyad in days and where[2] in days[dyad]:
                out[dyad][where[2]].append(event)
    return out


def _days(ranges: Sequence[tuple[date, date]]) -> set[date]:
    """Every day of some ranges (a set: one look-up per event instead of a test per range)."""
    return {lo + timedelta(days=k) for lo, hi in ranges for k in range((hi - lo).days + 1)}


_ACTOR_SIDE = "coalesce(nullif({side}_code, ''), {side}_name)"  # escalation.dyad_side at actor level, in SQL


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
    """The clusterer's changed state: the changed stories' vectors and norms, the changed frequencies."""
    state = clusterer.state(changed_only=True, vectors=False)
    ids = sorted(state.stories)
    for table in ("story_vectors", "story_meta"):
        delete_keys(con, table, "story_id", ids)
    for kind, keys in (("t", state.term_df), ("e", state.ent_df)):
        if keys:
            con.execute("DELETE FROM story_df WHERE kind = ? AND key IN (SELECT unnest(?))", [kind, list(keys)])
    con.execute("DELETE FROM story_df WHERE kind = 'n'")
    for spec, rows in state_rows(state).items():
        insert_rows(con, spec, rows)
    insert_columns(con, STORY_VECTORS, vector_table(clusterer.vector_columns(changed_only=True)))


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
        _save_threshold(con, min_confidence)
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
        before = stored_merged(con, "id IN (SELECT unnest(?))", [ids])
        delete_keys(con, "event_mentions", "event_id", ids)
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
        _save_threshold(con, min_confidence)  # every trusted event of a placed article has its mention now
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    clock.lap("write")
    return Update(len(work.new), sum(1 for started in scores.values() if started[1]), len(ids),
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
