"""A stored merged event that gains reports, summarised from its stored part instead of its restored events (issue 20).

An incremental run rewrites the merged events new reports join. Restoring such an event from every mention's event
(records with actors and places, a mention record per sentence) and summarising it again was most of the merge
phase: at 200k articles, 1,985 merged events and some 15,000 stored events for 1,000 new articles. Every part of a
summary (:meth:`EventMerger._summarise`) is a fold over its events and mentions in the restore's order, the stored
ones first, then the new ones, so it can start from what the stored ones fold to (:class:`StoredPart`, read by a
few grouped queries over them) and take in only the new events:

* counts: the stored merged event's counts plus the new mentions' (their articles are new to it: checked, see
  :func:`stored_parts`); the distinct sources, outlets and origins (each origin's best confidence) are read;
* the code: each stored code's count, its most confident event (the first in the restore's order) and that
  event's CAMEO fields; modality and each side's actor: each value's count and first position (the most frequent
  wins, the first seen on a tie), and for each actor key its most informative actor (first on a tie);
* the place: the stored events' best place, before the new ones (``EventMerger._place``: the first of equal ones);
* the first report and the lead-sentence flag: the stored merged event's, unless a new report comes first; the
  date: its first report's (``remerge``'s shells), the event restoring its events would create it by.

The new mentions are all that is written of its mentions: the stored ones stay as they are.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

import duckdb

from ..records import Actor, Event, Place
from .merge import MergedEvent, _Group

_LATER = 1 << 62  # positions of the new events: after every stored one
ActorKey = tuple[str | None, str | None]  # an actor's code and name, as ``merge._representative`` counts them


@dataclass
class _Side:
    """An actor key among a merged event's stored events: how often, first seen where, its most informative actor."""

    count: int
    first: int
    rank: tuple[bool, int]
    actor: Actor


@dataclass
class StoredPart:
    """What a stored merged event's events and mentions fold to, in the restore's order (module docstring)."""

    stored: MergedEvent
    first_is_copy: bool = False
    # code -> count, best confidence, the position of its first event of that confidence, that event's CAMEO fields
    codes: dict[str, tuple[int, float, int, tuple[str, str, str, int, float]]] = field(default_factory=dict)
    modalities: dict[str, tuple[int, int]] = field(default_factory=dict)  # modality -> count, first position
    sides: tuple[dict[ActorKey, _Side], dict[ActorKey, _Side]] = field(default_factory=lambda: ({}, {}))
    origins: dict[str, float] = field(default_factory=dict)  # origin (else source key) -> best confidence
    source_keys: set[str] = field(default_factory=set)
    outlets: set[str] = field(default_factory=set)  # lowercased, as counted
    place: Place | None = None  # the stored events' best place (the merger reads it first)

    def summary(self, group: _Group, place: Place | None) -> MergedEvent:
        """The merged event of the stored events and ``group``'s new ones (``place``: ``EventMerger._place``, which
        reads the stored best place first)."""
        events = [e for e, _ in group.events]
        metas = [m for _, m in group.events]
        old = self.stored
        first_key = (old.first_seen or date.max, self.first_is_copy, old.first_article)
        first = min(metas, key=lambda m: (m.published or date.max, m.duplicate_of is not None, m.id), default=None)
        new_first = first is not None and (first.published or date.max, first.duplicate_of is not None,
                                           first.id) < first_key
        if new_first:
            assert first is not None
            roots = [e.sentence for e, m in group.events if m.id == first.id]
            first_article, first_url, is_root = first.id, first.url, bool(roots) and min(roots) <= 2
        else:
            first_article, first_url, is_root = old.first_article, old.first_url, old.is_root_event
        published = [d for d in (old.first_seen, old.last_seen, *(m.published for m in metas)) if d]
        origins = dict(self.origins)
        for mention in group.mentions:
            key = mention.origin or mention.source_key
            origins[key] = max(origins.get(key, 0.0), mention.confidence)
        miss = 1.0
        for _, c in sorted(origins.items()):  # as EventMerger._summarise: one order, the same product
            miss *= 1.0 - min(max(c, 0.0), 1.0)
        code, root, base, quad, goldstein = self._code(events)
        return MergedEvent(
            id=old.id, date=group.date, code=code, root_code=root, base_code=base, quad_class=quad,
            goldstein=goldstein, modality=_most_common(self.modalities, [e.modality for e in events]),
            source=_representative(self.sides[0], [e.source for e in events]),
            target=_representative(self.sides[1], [e.target for e in events]),
            place=place, confidence=1.0 - miss,
            num_mentions=old.num_mentions + len(group.mentions),
            num_articles=old.num_articles + len({m.article_id for m in group.mentions}),
            num_sources=len(self.source_keys | {m.source_key for m in group.mentions}),
            first_seen=min(published) if published else None, last_seen=max(published) if published else None,
            first_article=first_article, first_url=first_url, is_root_event=is_root,
            mentions=tuple(sorted(group.mentions, key=lambda m: (m.published or date.max, m.article_id, m.sentence))),
            num_outlets=len(self.outlets | {(m.outlet or m.source_key).lower() for m in group.mentions}),
            num_independent=len(origins),
        )

    def _code(self, events: Sequence[Event]) -> tuple[str, str, str, int, float]:
        """The most frequent code; on a tie of counts, the code of the most confident event (the first of equal
        ones, the stored ones first)."""
        counts = {c: v[0] for c, v in self.codes.items()}
        for e in events:
            counts[e.code] = counts.get(e.code, 0) + 1
        top = max(counts.values())
        best: tuple[float, int] | None = None
        fields: tuple[str, str, str, int, float] | None = None
        for c, (_, confidence, pos, cameo) in self.codes.items():
            if counts[c] == top and (best is None or (confidence, -pos) > best):
                best, fields = (confidence, -pos), cameo
        for e in events:
            if counts[e.code] == top and (best is None or e.confidence > best[0]):
                best, fields = (e.confidence, 0), (e.code, e.root_code, e.base_code, e.quad_class, e.goldstein)
        assert fields is not None
        return fields


def _most_common(stored: dict[str, tuple[int, int]], new: Sequence[str]) -> str:
    """``Counter(values).most_common(1)``'s value over the stored values (counts, first positions) and ``new``."""
    seen = dict(stored)
    for i, value in enumerate(new):
        n, first = seen.get(value, (0, _LATER + i))
        seen[value] = (n + 1, first)
    return min(seen.items(), key=lambda kv: (-kv[1][0], kv[1][1]))[0]


def _representative(stored: dict[ActorKey, _Side], new: Sequence[Actor | None]) -> Actor | None:
    """``merge._representative`` over the stored actors (by key: count, first position, most informative actor)
    and the new ones, in that order."""
    grown: dict[ActorKey, _Side] = {}  # the keys the new actors add to (copies: the stored part stays as read)
    for i, actor in enumerate(new):
        if actor is None:
            continue
        key, rank = (actor.code, actor.name), (actor.entity_id is not None, len(actor.text))
        side = grown.get(key)
        if side is None:
            old = stored.get(key)
            side = grown[key] = _Side(0, _LATER + i, rank, actor) if old is None else replace(old)
        side.count += 1
        if rank > side.rank:  # max() keeps the first of equal ones
            side.rank, side.actor = rank, actor
    sides = [*grown.values(), *(s for k, s in stored.items() if k not in grown)]
    if not sides:
        return None
    return min(sides, key=lambda s: (-s.count, s.first)).actor


# -- reading the stored parts -------------------------------------------------------------------------------------

# The stored events of merged events, as the restore (incmerge._restore) puts them back: each stored mention of an
# event (its first sentence) and the event it points at (a copy's: its original's), the first by number of those
# with one identity at or above the threshold, numbered in the restore's order: articles by publication (a copy
# whose original comes later, ``late``: right after its original), events by number.
_LATE = ("(m.duplicate_of IS NOT NULL AND (CASE WHEN a.published IS NULL THEN o.published IS NULL AND a.id < o.id "
         "WHEN o.published IS NULL THEN true ELSE a.published < o.published OR (a.published = o.published AND "
         "a.id < o.id) END))")
_STORED_EVENTS = (
    "CREATE OR REPLACE TEMP TABLE _grown_events AS SELECT *, row_number() OVER (PARTITION BY g ORDER BY CASE WHEN late "
    "THEN opub ELSE published END NULLS LAST, CASE WHEN late THEN dup ELSE aid END, late, aid, idx) AS pos FROM ("
    "SELECT m.event_id AS g, m.article_id AS aid, m.duplicate_of AS dup, o.published AS opub, a.published, "
    f"{_LATE} AS late, {{columns}}, row_number() OVER (PARTITION BY m.event_id, m.article_id, m.sentence, m.code, "
    "m.trigger_start ORDER BY e.idx) AS r FROM event_mentions m JOIN events e ON e.article_id = "
    "coalesce(m.duplicate_of, m.article_id) AND e.sentence = m.sentence AND e.code = m.code AND e.trigger_start = "
    "m.trigger_start JOIN articles a ON a.id = m.article_id LEFT JOIN articles o ON o.id = m.duplicate_of "
    "WHERE m.event_id IN (SELECT unnest(?)) AND m.trigger_start >= 0 AND e.confidence >= ?) WHERE r = 1")
_CODES = ("SELECT g, code, n, confidence, pos, root_code, base_code, quad_class, goldstein FROM (SELECT *, "
          "count(*) OVER (PARTITION BY g, code) AS n, row_number() OVER (PARTITION BY g, code ORDER BY confidence "
          "DESC, pos) AS k FROM _grown_events) WHERE k = 1")
_MODALITIES = "SELECT g, modality, count(*), min(pos) FROM _grown_events GROUP BY g, modality"
# each actor key's count, first position and most informative actor (entity id, then length; the first of equal)
_SIDE = ("SELECT g, {s}_code, {s}_name, n, f, {s}_entity_id IS NOT NULL, length({s}_text), {columns} FROM (SELECT *, "
         "count(*) OVER w AS n, min(pos) OVER w AS f, row_number() OVER (PARTITION BY g, {s}_code, {s}_name ORDER BY "
         "{s}_entity_id IS NOT NULL DESC, length({s}_text) DESC, pos) AS k FROM _grown_events WHERE {present} "
         "WINDOW w AS (PARTITION BY g, {s}_code, {s}_name)) WHERE k = 1")
_MENTIONS = ("SELECT event_id, coalesce(nullif(origin, ''), source_key), max(confidence), list(DISTINCT source_key), "
             "list(DISTINCT coalesce(nullif(outlet, ''), source_key)) FROM event_mentions "
             "WHERE event_id IN (SELECT unnest(?)) GROUP BY ALL")
_FIRST_IS_COPY = ("SELECT DISTINCT m.event_id FROM event_mentions m JOIN merged_events x ON x.id = m.event_id AND "
                  "x.first_article = m.article_id WHERE m.event_id IN (SELECT unnest(?)) AND m.duplicate_of IS NOT "
                  "NULL")


def stored_parts(con: duckdb.DuckDBPyConnection, stored: dict[str, MergedEvent], new_articles: Iterable[str],
                 min_confidence: float) -> dict[str, StoredPart]:
    """The stored parts of the merged events ``stored`` (id -> the stored record), except those holding a mention
    of one of ``new_articles`` (the articles whose events or copies are added now: their counts would not add up;
    such a merged event is restored from its events)."""
    ids = sorted(set(stored) - {r[0] for r in con.execute(
        "SELECT DISTINCT event_id FROM event_mentions WHERE event_id IN (SELECT unnest(?)) AND article_id IN "
        "(SELECT unnest(?))", [sorted(stored), sorted(set(new_articles))]).fetchall()})
    if not ids:
        return {}
    parts = {gid: StoredPart(stored[gid]) for gid in ids}
    for gid, in con.execute(_FIRST_IS_COPY, [ids]).fetchall():
        parts[gid].first_is_copy = True
    for gid, origin, confidence, keys, outlets in con.execute(_MENTIONS, [ids]).fetchall():
        part = parts[gid]
        part.origins[origin] = confidence
        part.source_keys.update(keys)
        part.outlets.update(o.lower() for o in outlets)
    con.execute(_STORED_EVENTS.format(columns=", ".join(f"e.{c}" for c in _event_columns())), [ids, min_confidence])
    try:
        for gid, code, n, confidence, pos, *cameo in con.execute(_CODES).fetchall():
            parts[gid].codes[code] = (n, confidence, pos, (code, *cameo))
        for gid, modality, n, first in con.execute(_MODALITIES).fetchall():
            parts[gid].modalities[modality] = (n, first)
        for i, side in enumerate(("source", "target")):
            _read_sides(con, parts, i, side)
        _read_places(con, parts)
    finally:
        con.execute("DROP TABLE IF EXISTS _grown_events")
    return parts


def _event_columns() -> list[str]:
    """The columns of the events table a stored part reads (not the evidence's text, traces and dictionary ids)."""
    from ..store.tables import EVENTS

    parts = [c for side in ("source", "target", "place") for c in EVENTS.part(side)[0]]
    return ["idx", "code", "confidence", "modality", "root_code", "base_code", "quad_class", "goldstein", *parts]


def _present(columns: Sequence[str]) -> str:
    """The SQL test of a nested record being there: the store's reader makes it None when its columns are NULL."""
    return "(" + " OR ".join(f"{n} IS NOT NULL" for n in columns) + ")"


def _read_sides(con: duckdb.DuckDBPyConnection, parts: dict[str, StoredPart], i: int, side: str) -> None:
    from ..store.tables import EVENTS

    columns, build = EVENTS.part(side)
    for gid, code, name, n, first, has_id, length, *row in con.execute(_SIDE.format(
            s=side, columns=", ".join(columns), present=_present(columns))).fetchall():
        parts[gid].sides[i][(code, name)] = _Side(n, first, (has_id, length), build(row))


def _read_places(con: duckdb.DuckDBPyConnection, parts: dict[str, StoredPart]) -> None:
    """Each part's best stored place (``EventMerger._place``: resolved, below country level, most confident; the
    first of equal ones), its feature class from the gazetteer when the event's row has none, as the store's reader
    gives it (``store.aggregate.events_by_article``)."""
    from ..store.events import place_features
    from ..store.tables import EVENTS

    columns, build = EVENTS.part("place")
    features = place_features(con)
    best: dict[str, tuple[tuple[bool, bool, float], int]] = {}
    for gid, pos, geonameid, feature, confidence in con.execute(
            f"SELECT g, pos, place_geonameid, place_feature, place_confidence FROM _grown_events WHERE "
            f"{_present(columns)} ORDER BY g, pos").fetchall():
        if feature is None:
            feature = features.get(geonameid)
        rank = (geonameid is not None, not (bool(feature) and feature.startswith("A.PCL")),
                0.0 if confidence is None else confidence)
        if gid not in best or rank > best[gid][0]:
            best[gid] = (rank, pos)
    if not best:
        return
    for gid, *row in con.execute(
            f"SELECT g, {', '.join(columns)} FROM _grown_events JOIN (SELECT unnest(?) AS bg, unnest(?) AS bp) b "
            f"ON g = bg AND pos = bp", [list(best), [p for _, p in best.values()]]).fetchall():
        place: Place = build(row)
        if place.feature is None and place.geonameid in features:
            place = replace(place, feature=features[place.geonameid])
        parts[gid].place = place


__all__ = ["StoredPart", "stored_parts"]
