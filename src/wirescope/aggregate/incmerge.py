"""The incremental aggregation's merge phase (:mod:`wirescope.aggregate.incremental`): the new events merged into the
stored merged events they could join, which are read back from their mentions (:mod:`wirescope.aggregate.remerge`:
decided with shells, then only the changed ones restored in full)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import duckdb

from ..records import Event
from ..store import aggregate as agg_store
from ..store.spec import select_list
from .incwork import Work, in_order, load_metas, publication_order
from .merge import ACTUAL_MODALITIES, EventMerger, MergedEvent, MergeSettings
from .remerge import decide_and_summarise, replay_new
from .tables import MERGED_EVENTS


def candidate_groups(con: duckdb.DuckDBPyConnection, merger: EventMerger, work: Work) -> dict[str, MergedEvent]:
    """Stored merged events a pending event could join: the same key, dated within the window (undated: undated)."""
    from .build import article_meta
    from .merge import event_date

    window = merger.settings.date_window_days
    wanted: dict[tuple[str, ...], set[date | None]] = defaultdict(set)
    load_metas(work, con, work.pending)
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
    load_metas(work, con, originals)
    added = sorted([*(work.metas[i] for i in work.pending),
                    *(a for a in work.copies if a.id not in restored_copies)], key=publication_order)

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
        lambda ids: stored_merged(con, "id IN (SELECT unnest(?))", [list(ids)]),
        [*work.pending, *(a.id for a in work.copies)])


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
    load_metas(work, con, [*(k[0] for k in primary), *copies])
    stored_events = _mentioned_events(con, sorted(ids))

    def restore(a: agg_store.StoredArticle) -> None:
        if a.status == "near-duplicate":
            merger.add_duplicate(article_meta(a), a.duplicate_of or "", restored=True)
            return
        for ev in stored_events.get(a.id, ()):
            gid = primary.get((a.id, ev.sentence, ev.code, ev.trigger.start))
            if gid is not None and ev.confidence >= settings.min_confidence:
                merger.restore(gid, article_meta(a), ev)

    in_order(sorted((work.metas[i] for i in {*(k[0] for k in primary), *copies}), key=publication_order), restore)


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
