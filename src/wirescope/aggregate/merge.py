"""Event merging across articles: one real-world event reported many times becomes one event with mentions.

Rules (all in :class:`MergeSettings`):

1. **Key.** Two article events can merge only when they share the source actor, the target actor (compared by
   ``actor_level``: country — the default, since reports of one event are coded with different roles, USA vs
   USAMIL —, full CAMEO actor code, or canonical entity), the event code at ``code_level`` (CAMEO
   root by default: a "strike" coded 190 in one article and 195 in another is the same attack) and the modality group
   (an asserted or reported event never merges with a threatened or hypothetical one).
2. **Date window.** The article event's date (its own date, else the article's publication date) is within
   ``date_window_days`` of the merged event's date. Undated events merge only with undated ones.
3. **Location.** When both sides have a resolved place below country level, they must be the same GeoNames place or
   within ``location_km``. Country-level, unresolved and missing places never block a merge (they are too coarse,
   and often name an actor's country rather than where the event happened).
4. Among compatible merged events the one closest in date wins (then the one with most mentions).

Counting: every sentence that reports the event is a mention (``Event.mentions`` adds repeats within an article);
``num_articles`` counts distinct articles (the reports); ``num_sources`` counts distinct *source keys* — the outlet
(``source`` field, else the URL's host, else the article id) of the article, where a near-duplicate article takes the
key of the article it duplicates. Who reported what, "N reports from M outlets, K independent": ``num_outlets`` (M)
counts the outlets of the reports as published, and ``num_independent`` (K) their *origins*: a wire copy is one
origin with its wire, whether it is seen as a near-duplicate of another report (the near-duplicate links) or by the
wire it credits (``Article.wires``: "(AP) —", "By Jane Doe, Reuters", "AFP contributed to this report") or by an
outlet that is the wire itself (``source`` "Reuters"); any other report is an origin of its own outlet. The
confidence corroborates across origins, not copies. First and last seen are the
earliest and latest publication dates of the mentioning articles. The merged event's place is the most confident
resolved place below country level among its reports (else a country-level one); its code is the most frequent
code among the reports (ties: the most confident report's).

The merger is incremental: ``add_article`` places the events of one more article; ``restore`` reloads stored merged
events from their mentions so later articles keep merging into them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any
from urllib.parse import urlparse

from ..errors import ConfigError
from ..ingest.credits import wire_named
from ..records import Actor, Event, Place, json_form, record_json

ACTOR_LEVELS = ("code", "country", "entity")
CODE_LEVELS = ("root", "base", "code")
ACTUAL_MODALITIES = ("asserted", "reported")


@dataclass(frozen=True)
class MergeSettings:
    """How article events merge into one event (see the module docstring)."""

    date_window_days: int = 2
    # Country level: coders disagree on roles across reports of one event (USA vs USAMIL, IRN vs IRNMIL).
    actor_level: str = "country"
    code_level: str = "root"
    location_km: float = 150.0
    min_confidence: float = 0.0

    def __post_init__(self) -> None:
        if self.actor_level not in ACTOR_LEVELS:
            raise ConfigError(f"actor_level must be one of {ACTOR_LEVELS}, got {self.actor_level!r}")
        if self.code_level not in CODE_LEVELS:
            raise ConfigError(f"code_level must be one of {CODE_LEVELS}, got {self.code_level!r}")
        if self.date_window_days < 0:
            raise ConfigError(f"date_window_days must be >= 0, got {self.date_window_days}")
        if self.location_km < 0:
            raise ConfigError(f"location_km must be >= 0, got {self.location_km}")


@dataclass(frozen=True)
class ArticleMeta:
    """What merging needs to know about the article an event came from."""

    id: str
    published: date | None = None
    source: str | None = None
    url: str | None = None
    duplicate_of: str | None = None  # set for near-duplicates: the original article's id
    length: int = 0
    wires: tuple[str, ...] = ()  # news agencies credited for the text (Article.wires)

    @property
    def source_key(self) -> str:
        if self.source:
            return self.source.lower()
        if self.url:
            host = urlparse(self.url).netloc.lower()
            if host:
                return host.removeprefix("www.")
        return self.duplicate_of or self.id

    @property
    def outlet(self) -> str:
        """The outlet as the input names it (case kept, for display), else the URL's host, else the source key."""
        return self.source.strip() if self.source and self.source.strip() else self.source_key

    @property
    def origin(self) -> str:
        """Where the text comes from: the first wire it credits (``wire:ap``), the wire the outlet is, else its
        outlet's key. A near-duplicate's origin is its original's (see :meth:`EventMerger.add_duplicate`)."""
        wire = self.wires[0] if self.wires else wire_named(self.source)
        return f"wire:{wire.lower()}" if wire else self.source_key


@dataclass(frozen=True)
class EventMention:
    """One sentence of one article reporting a merged event."""

    event_id: str
    article_id: str
    sentence: int
    code: str
    confidence: float
    modality: str
    date: dt.date | None
    published: dt.date | None
    source_key: str
    trigger_start: int
    source_start: int | None = None
    target_start: int | None = None
    sentence_text: str = ""
    url: str | None = None
    duplicate_of: str | None = None  # set when the mention comes from a near-duplicate of ``duplicate_of``
    doc_length: int = 0
    outlet: str | None = None  # the outlet of the reporting article itself (``source_key`` is its original's)
    origin: str | None = None  # the independent origin the report counts for (a wire, else an outlet)

    def to_json(self) -> dict[str, Any]:
        return record_json(self)


@dataclass(frozen=True)
class MergedEvent:
    """One real-world event with the evidence of all articles that report it."""

    id: str
    date: dt.date | None
    code: str
    root_code: str
    base_code: str
    quad_class: int
    goldstein: float
    modality: str
    source: Actor | None
    target: Actor | None
    place: Place | None
    confidence: float = field(metadata=json_form(digits=4))
    num_mentions: int
    num_articles: int
    num_sources: int
    first_seen: dt.date | None
    last_seen: dt.date | None
    first_article: str
    first_url: str | None
    is_root_event: bool
    mentions: tuple[EventMention, ...] = ()
    num_outlets: int = 0  # outlets that published a report (each copy's own)
    num_independent: int = 0  # independent origins of the reports (wire copies count once)

    @property
    def weight(self) -> float:
        """Evidence weight used by the escalation index: mentions times confidence."""
        return self.num_mentions * self.confidence

    def to_json(self, *, with_mentions: bool = False) -> dict[str, Any]:
        # the first URL and the root-event flag are columns of the store, not of the public shape
        return record_json(self, exclude=("first_url", "is_root_event", *(() if with_mentions else ("mentions",))))


@dataclass
class _Group:
    id: str
    key: tuple[str, ...]
    date: date | None
    events: list[tuple[Event, ArticleMeta]] = field(default_factory=list)
    mentions: list[EventMention] = field(default_factory=list)
    seq: int = 0  # creation order: ties between candidates go to the older group
    # a stored merged event restored as a shell (EventMerger.shell): what its events decide merges with, not them
    base_place: Place | None = None
    base_mentions: int = 0  # and mentions known by number only (a shell's; a decide_only merger's own)
    # a stored merged event summarised from what its stored events fold to (EventMerger.resume), not from them
    part: Any = None


def actor_key(actor: Actor | None, level: str) -> str:
    if actor is None:
        return ""
    if level == "country":
        return actor.country or actor.code or actor.entity_id or (actor.name or actor.text).lower()
    if level == "entity":
        return actor.entity_id or (actor.name or actor.text).lower()
    return actor.code or actor.entity_id or (actor.name or actor.text).lower()


def modality_group(modality: str) -> str:
    return "actual" if modality in ACTUAL_MODALITIES else modality


def event_date(event: Event, article: ArticleMeta) -> date | None:
    if event.date:
        try:
            return date.fromisoformat(event.date[:10])
        except ValueError:
            pass
    return article.published


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def places_compatible(a: Place | None, b: Place | None, km: float) -> bool:
    """Only two resolved places below country level, more than ``km`` apart, tell two reports apart.

    Country-level places are too coarse to separate events and are often the actor's country rather than the
    location ("the United States struck ..."); places of unknown feature class cannot be judged either.
    """
    if a is None or b is None:
        return True
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if not (_point(a) and _point(b)):
        return True
    if None in (a.lat, a.lon, b.lat, b.lon):
        return True
    return haversine_km(a.lat, a.lon, b.lat, b.lon) <= km  # type: ignore[arg-type]


def _country_level(place: Place) -> bool:
    return bool(place.feature) and place.feature.startswith("A.PCL")  # type: ignore[union-attr]


def _point(place: Place) -> bool:
    """A resolved place below country level (city, landmark, region)."""
    return place.geonameid is not None and bool(place.feature) and not _country_level(place)


def merged_event_id(article_id: str, sentence: int, code: str, trigger_start: int) -> str:
    raw = f"{article_id}:{sentence}:{code}:{trigger_start}"
    return "e" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:15]


class EventMerger:
    """Merges article events into real-world events, one article at a time."""

    def __init__(self, settings: MergeSettings | None = None, *, decide_only: bool = False) -> None:
        self.settings = settings or MergeSettings()
        # decide_only: a merger whose merged events are never summarised (an incremental run's deciding pass,
        # remerge), so its mentions are counted, not made: a decision reads their number only
        self.decide_only = decide_only
        self._groups: dict[str, _Group] = {}
        # key -> date -> groups: a merge looks only at the days within the window, however many groups the key has
        self._by_key: dict[tuple[str, ...], dict[date | None, list[str]]] = {}
        self.changed: set[str] = set()  # merged events that gained mentions through add_article / add_duplicate
        self._articles: dict[str, list[tuple[Event, str]]] = {}  # article id -> its (event, merged id)
        self._seen: set[tuple[str, int, str, int]] = set()
        self._source_keys: dict[str, str] = {}
        self._origins: dict[str, str] = {}
        self.assigned: dict[tuple[str, int, str, int], str] = {}  # event (as _seen) -> merged id, add_article's
        self.resumed: set[str] = set()  # merged events resumed from their stored part: their new mentions only

    def __len__(self) -> int:
        return len(self._groups)

    def has(self, event_id: str) -> bool:
        return event_id in self._groups

    def key(self, event: Event) -> tuple[str, ...]:
        s = self.settings
        code = {"root": event.root_code, "base": event.base_code, "code": event.code}[s.code_level]
        return (
            actor_key(event.source, s.actor_level),
            actor_key(event.target, s.actor_level),
            code,
            modality_group(event.modality),
        )

    def add_article(self, article: ArticleMeta, events: Iterable[Event]) -> list[str]:
        """Merge the events of one article; returns the merged event id of each (skipped ones excluded)."""
        ids = []
        for event in events:
            if event.confidence < self.settings.min_confidence:
                continue
            ident = (article.id, event.sentence, event.code, event.trigger.start)
            if ident in self._seen:
                continue
            group = self._find(event, article)
            self._attach(group, event, article)
            self.assigned[ident] = group.id
            ids.append(group.id)
        return ids

    def restore(self, event_id: str, article: ArticleMeta, event: Event) -> None:
        """Put a stored article event back into its stored merged event (no matching decision)."""
        ident = (article.id, event.sentence, event.code, event.trigger.start)
        if ident in self._seen:
            return
        group = self._groups.get(event_id) or self._new_group(event_id, self.key(event), event_date(event, article))
        self._attach(group, event, article, restored=True)

    def shell(self, event_id: str, key: tuple[str, ...], day: date | None, place: Place | None, mentions: int,
              ) -> None:
        """A stored merged event known only by what a merge decision reads of it: its key, date, best resolved place
        (:meth:`_place` of its events) and mention count. Later events can join it (:meth:`assigned` says which);
        its summary needs its events (an incremental run restores the shells that changed in a second merger)."""
        group = self._new_group(event_id, key, day)
        group.base_place, group.base_mentions = place, mentions

    def resume(self, event_id: str, day: date | None, part: Any) -> None:
        """A stored merged event summarised from its stored part (:class:`~wirescope.aggregate.grown.StoredPart`:
        what its stored events and mentions fold to) and the events restored into it after; its ``mentions`` are
        the new ones only (the stored ones stay stored). No decision finds it."""
        group = self._new_group(event_id, (), day)
        group.base_place, group.part = part.place, part
        self.resumed.add(event_id)

    def add_duplicate(self, duplicate: ArticleMeta, original_id: str, *, restored: bool = False) -> int:
        """A near-duplicate article repeats its original's events: add its mentions (same source key); ``restored``:
        a stored copy put back (its merged events are not counted as changed)."""
        count = 0
        original = self._articles.get(original_id, [])
        dup = replace(duplicate, duplicate_of=original_id)
        for event, gid in list(original):
            ident = (duplicate.id, event.sentence, event.code, event.trigger.start)
            if ident in self._seen:
                continue
            self._attach(self._groups[gid], event, dup, restored=restored)
            count += 1
        return count

    def events(self, ids: Iterable[str] | None = None) -> list[MergedEvent]:
        """The merged events (or those of ``ids``), by date and id."""
        chosen = self._groups.values() if ids is None else [self._groups[i] for i in ids]
        out = [self._summarise(g) for g in chosen]
        out.sort(key=lambda e: (e.date or date.min, e.id))
        return out

    def _new_group(self, gid: str, key: tuple[str, ...], day: date | None) -> _Group:
        group = _Group(gid, key, day, seq=len(self._groups))
        self._groups[gid] = group
        self._by_key.setdefault(key, {}).setdefault(day, []).append(gid)
        return group

    # -- internals --------------------------------------------------------------------------------------------

    def _find(self, event: Event, article: ArticleMeta) -> _Group:
        key = self.key(event)
        day = event_date(event, article)
        window = self.settings.date_window_days
        by_day = self._by_key.get(key, {})
        days = [None] if day is None else [day + dt.timedelta(days=k) for k in range(-window, window + 1)]
        best: tuple[int, int, int] | None = None
        chosen: _Group | None = None
        for gid in (g for d in days for g in by_day.get(d, ())):
            group = self._groups[gid]
            gap = abs((day - group.date).days) if day is not None and group.date is not None else 0
            if not places_compatible(event.place, self._place(group), self.settings.location_km):
                continue
            rank = (gap, -len(group.mentions) - group.base_mentions, group.seq)
            if best is None or rank < best:
                best, chosen = rank, group
        if chosen is not None:
            return chosen
        return self._new_group(merged_event_id(article.id, event.sentence, event.code, event.trigger.start), key, day)

    def _place(self, group: _Group) -> Place | None:
        # a shell's best stored place comes first, as its events did (the first of equal ones wins)
        places = [p for p in (group.base_place, *(e.place for e, _ in group.events)) if p is not None]
        if not places:
            return None
        return max(places, key=lambda p: (p.geonameid is not None, not _country_level(p), p.confidence))

    def _attach(self, group: _Group, event: Event, article: ArticleMeta, *, restored: bool = False) -> None:
        self._seen.add((article.id, event.sentence, event.code, event.trigger.start))
        if not restored:
            self.changed.add(group.id)
        group.events.append((event, article))
        if self.decide_only:
            group.base_mentions += len({event.sentence, *event.mentions})
            if article.duplicate_of is None:
                self._articles.setdefault(article.id, []).append((event, group.id))
            return
        # the article's keys once each (properties computed on every read: some 20,000 events at a +1k run)
        source_key, origin, outlet = article.source_key, article.origin, article.outlet
        if article.duplicate_of is None:
            self._articles.setdefault(article.id, []).append((event, group.id))
            self._source_keys[article.id] = source_key
            self._origins[article.id] = origin
        day = event_date(event, article)
        if article.duplicate_of is not None:
            source_key = self._source_key_of(article.duplicate_of) or source_key
            # a copy is its original's origin, unless it credits a wire itself
            if not article.wires:
                origin = self._origins.get(article.duplicate_of, origin)
        for sentence in sorted({event.sentence, *event.mentions}):
            group.mentions.append(
                EventMention(
                    event_id=group.id,
                    article_id=article.id,
                    sentence=sentence,
                    code=event.code,
                    confidence=event.confidence,
                    modality=event.modality,
                    date=day,
                    published=article.published,
                    source_key=source_key,
                    trigger_start=event.trigger.start if sentence == event.sentence else -1,
                    source_start=event.source.start if event.source and sentence == event.sentence else None,
                    target_start=event.target.start if event.target and sentence == event.sentence else None,
                    sentence_text=event.sentence_text if sentence == event.sentence else "",
                    url=article.url,
                    duplicate_of=article.duplicate_of,
                    doc_length=article.length,
                    outlet=outlet,
                    origin=origin,
                )
            )

    def _source_key_of(self, article_id: str) -> str | None:
        return self._source_keys.get(article_id)

    def _summarise(self, group: _Group) -> MergedEvent:
        if group.part is not None:
            return group.part.summary(group, self._place(group))
        events = [e for e, _ in group.events]
        codes = Counter(e.code for e in events)
        top = max(codes.values())
        # Most frequent code; ties go to the code of the most confident event.
        best = max((e for e in events if codes[e.code] == top), key=lambda e: e.confidence)
        first_meta = min(
            (m for _, m in group.events), key=lambda m: (m.published or date.max, m.duplicate_of is not None, m.id)
        )
        published = [m.published for _, m in group.events if m.published]
        # Independent origins corroborate, copies do not: 1 - prod(1 - best confidence per origin).
        per_origin: dict[str, float] = {}
        for mention in group.mentions:
            key = mention.origin or mention.source_key
            per_origin[key] = max(per_origin.get(key, 0.0), mention.confidence)
        miss = 1.0
        for _, c in sorted(per_origin.items()):  # one order, however the mentions were restored
            miss *= 1.0 - min(max(c, 0.0), 1.0)
        source = _representative([e.source for e in events])
        target = _representative([e.target for e in events])
        root_sentences = [e.sentence for e, m in group.events if m.id == first_meta.id]
        return MergedEvent(
            id=group.id,
            date=group.date,
            code=best.code,
            root_code=best.root_code,
            base_code=best.base_code,
            quad_class=best.quad_class,
            goldstein=best.goldstein,
            modality=Counter(e.modality for e in events).most_common(1)[0][0],
            source=source,
            target=target,
            place=self._place(group),
            confidence=1.0 - miss,
            num_mentions=len(group.mentions),
            num_articles=len({m.article_id for m in group.mentions}),
            num_sources=len({m.source_key for m in group.mentions}),
            first_seen=min(published) if published else None,
            last_seen=max(published) if published else None,
            first_article=first_meta.id,
            first_url=first_meta.url,
            is_root_event=bool(root_sentences) and min(root_sentences) <= 2,
            mentions=tuple(sorted(group.mentions, key=lambda m: (m.published or date.max, m.article_id, m.sentence))),
            num_outlets=len({(m.outlet or m.source_key).lower() for m in group.mentions}),
            num_independent=len(per_origin),
        )


def _representative(actors: Sequence[Actor | None]) -> Actor | None:
    """The most common actor (by code, then name), keeping the most informative mention of it."""
    present = [a for a in actors if a is not None]
    if not present:
        return None
    counts = Counter((a.code, a.name) for a in present)
    top = counts.most_common(1)[0][0]
    return max((a for a in present if (a.code, a.name) == top), key=lambda a: (a.entity_id is not None, len(a.text)))


def merge_events(
    articles: Iterable[tuple[ArticleMeta, Sequence[Event]]], settings: MergeSettings | None = None
) -> list[MergedEvent]:
    """Merge a batch in publication order."""
    merger = EventMerger(settings)
    for meta, events in sorted(articles, key=lambda x: (x[0].published or date.max, x[0].id)):
        merger.add_article(meta, events)
    return merger.events()
