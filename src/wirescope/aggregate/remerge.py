"""Merging in an incremental run, in two passes (issue 20): decide with shells, then summarise what changed.

A new event can join any stored merged event of its key dated within the window: on a large store, thousands of
them for a thousand new articles. Restoring each from its mentions' events (records with actors and places) was
most of an incremental run's merge phase, though few of them gain a mention. A merge decision reads only a merged
event's key, date, best resolved place and mention count, and its creation order (ties go to the older), so:

1. **decide**: the candidates are restored as *shells* (:meth:`EventMerger.shell`) holding just those, created in
   the order the restore of their events would create them (their first report in publication order), beside the
   merged events restored in full (damaged ones, those of new copies' originals: their events are read by the
   decisions); the new events and copies are added as before, and the merger records which event went where;
2. **summarise**: a second merger restores in full only the merged events that changed and replays the new events
   into the merged events the first chose (:meth:`EventMerger.restore`), in the same order: each changed merged
   event gets the events, mentions and summary one merger restoring every candidate would give it. A shell that
   only gained reports is not restored from its events: its summary starts from what they fold to
   (:mod:`wirescope.aggregate.grown`), and only its new mentions are written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date

import duckdb

from ..records import Event, Place
from ..store import aggregate as agg_store
from ..store.events import place_features
from .grown import stored_parts
from .merge import EventMerger, MergedEvent, MergeSettings, _country_level


def decide_and_summarise(
    con: duckdb.DuckDBPyConnection, settings: MergeSettings,
    candidates: dict[str, MergedEvent], full: set[str], damaged: set[str],
    restore: Callable[[EventMerger, set[str]], None], add: Callable[[EventMerger], None],
    replay: Callable[[EventMerger, dict[tuple[str, int, str, int], str]], None],
    stored: Callable[[Sequence[str]], list[MergedEvent]], new_articles: Iterable[str] = (),
) -> tuple[EventMerger, set[str]]:
    """The two passes (module docstring): ``candidates`` the stored merged events new events could join, ``full``
    those to restore in full for the decisions; ``restore(merger, ids)`` restores merged events from their mentions,
    ``add(merger)`` adds the new events and copies, ``replay(merger, assigned)`` puts them where ``assigned`` says.
    ``new_articles``: the articles whose events or copies are added. Returns the merger holding the changed merged
    events, and their ids: those that gained mentions and the ``damaged`` ones (which lost a mention or hold one
    below the threshold; one left without mentions is not in the merger). Of those, the stored merged events
    restored only as shells to decide are summarised from their stored parts (:mod:`wirescope.aggregate.grown`;
    ``merger.resumed``)."""
    decide = EventMerger(settings, decide_only=True)
    shells = set(candidates) - full
    records = dict(candidates)
    records.update((e.id, e) for e in stored(sorted(full - set(candidates))))
    places = _best_places(con, sorted(shells), settings.min_confidence)
    days: dict[str, date | None] = {}
    for gid, day in _first_reports(con, sorted(shells | full), settings.min_confidence):
        rec = records[gid]
        days[gid] = day
        if gid in shells:
            decide.shell(gid, decide.key(rec), day, places.get(gid), rec.num_mentions)  # type: ignore[arg-type]
        else:  # created now, so its order among the shells is its first report's; its events fill it below
            decide.shell(gid, decide.key(rec), day, None, 0)  # type: ignore[arg-type]
    restore(decide, full)
    add(decide)
    changed = decide.changed | damaged
    merger = EventMerger(settings)
    # a stored merged event that only gains reports is summarised from its stored part and the new events
    parts = stored_parts(con, {gid: candidates[gid] for gid in decide.changed & shells - damaged}, new_articles,
                         settings.min_confidence)
    for gid in sorted(parts):
        merger.resume(gid, days[gid], parts[gid])  # dated by its first report, as restoring its events does
    restore(merger, changed - set(parts))
    replay(merger, decide.assigned)
    return merger, changed


_MENTIONED = ("FROM event_mentions m JOIN events e ON e.article_id = m.article_id AND e.sentence = m.sentence "
              "AND e.code = m.code AND e.trigger_start = m.trigger_start JOIN articles a ON a.id = m.article_id "
              "WHERE m.event_id IN (SELECT unnest(?)) AND m.duplicate_of IS NULL AND m.trigger_start >= 0 "
              "AND e.confidence >= ?")
_IN_ORDER = "a.published NULLS LAST, a.id, e.idx"  # the restore's order: articles by (date, id), events by number


def _first_reports(con: duckdb.DuckDBPyConnection, ids: Sequence[str], min_confidence: float,
                   ) -> list[tuple[str, date | None]]:
    """The merged events ``ids`` that have a report to restore, in the order restoring their reports creates them,
    each with its first report's date (``merge.event_date``: the event's date, else its article's)."""
    if not ids:
        return []
    return [(gid, day) for gid, day in con.execute(
        f"SELECT gid, day FROM (SELECT m.event_id AS gid, coalesce(e.date, a.published) AS day, a.published AS p, "
        f"a.id AS aid, e.idx AS idx, row_number() OVER (PARTITION BY m.event_id ORDER BY {_IN_ORDER}) AS r "
        f"{_MENTIONED}) WHERE r = 1 ORDER BY p NULLS LAST, aid, idx", [list(ids), min_confidence]).fetchall()]


def _best_places(con: duckdb.DuckDBPyConnection, ids: Sequence[str], min_confidence: float) -> dict[str, Place]:
    """The place ``EventMerger._place`` gives each merged event of ``ids`` from its reports: the first, in the
    restore's order, of the resolved places ranked highest (below country level, then confidence). Only resolved
    places are read: a merged event whose places are all unresolved is compatible with any place, as one without."""
    if not ids:
        return {}
    features = place_features(con)
    best: dict[str, tuple[tuple[bool, bool, float], Place]] = {}
    for gid, name, geonameid, lat, lon, feature, confidence in con.execute(
            f"SELECT m.event_id, e.place_name, e.place_geonameid, e.place_lat, e.place_lon, e.place_feature, "
            f"e.place_confidence {_MENTIONED} AND e.place_geonameid IS NOT NULL ORDER BY {_IN_ORDER}",
            [list(ids), min_confidence]).fetchall():
        place = Place(0, 0, name or "", name, geonameid, lat, lon, feature or features.get(geonameid),
                      confidence=confidence)
        rank = (True, not _country_level(place), place.confidence)
        if gid not in best or rank > best[gid][0]:  # the first of equal ones, as max() keeps
            best[gid] = (rank, place)
    return {gid: place for gid, (_, place) in best.items()}


def replay_new(merger: EventMerger, articles: Iterable[agg_store.StoredArticle], pending: dict[str, list[Event]],
               meta: Callable[[agg_store.StoredArticle], object], assigned: dict[tuple[str, int, str, int], str],
               ) -> None:
    """Put the new events where the deciding merger put them, and the new copies' mentions after their originals',
    in the order they were added."""
    for a in articles:
        if a.status == "near-duplicate":
            merger.add_duplicate(meta(a), a.duplicate_of or "")  # type: ignore[arg-type]
            continue
        for ev in pending.get(a.id, ()):
            gid = assigned.get((a.id, ev.sentence, ev.code, ev.trigger.start))
            if gid is not None:
                merger.restore(gid, meta(a), ev)  # type: ignore[arg-type]
