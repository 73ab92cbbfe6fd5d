"""Build the situation picture on a store: merge events, cluster stories, compute the escalation index.

Incremental by default: merged events and stories already stored keep their ids; their stored members are put back
into the merger and the clusterer without re-deciding (:meth:`EventMerger.restore`, :meth:`StoryClusterer.seed`),
then articles not yet aggregated are added in publication order. ``rebuild=True`` starts from scratch.

Only events whose confidence reaches ``AggregateSettings.min_confidence`` (by default the read-time threshold of
event listings, :data:`~wirescope.config.DEFAULT_MIN_CONFIDENCE`) are read: the merged events, the stories' actor
terms, the escalation index and the alerts never see a candidate the verifier doubts, while the events table keeps
every candidate with its confidence.
"""

from __future__ import annotations

import datetime as dt
import gc
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Protocol, TypeVar

import duckdb

from ..config import DEFAULT_MIN_CONFIDENCE
from ..errors import ConfigError
from ..nlp.timex.window import window
from ..records import Analysis, Event
from ..store import aggregate as agg_store
from ..store.spec import TableSpec, replace_tables
from . import incremental
from .escalation import Alert, DyadDay, EscalationSettings, alerts, escalation
from .merge import ArticleMeta, EventMerger, MergedEvent, MergeSettings
from .state import load_stories, load_story_state, state_tables
from .stories import StoryClusterer
from .story_records import ClusterState, Story, StoryDoc, StorySettings
from .tables import (
    ALERTS,
    ESCALATION,
    EVENT_MENTIONS,
    MERGED_EVENTS,
    STORIES,
    STORY_ARTICLES,
    STORY_MEMBER_TERMS,
)


@dataclass(frozen=True)
class AggregateSettings:
    merge: MergeSettings = field(default_factory=MergeSettings)
    stories: StorySettings = field(default_factory=StorySettings)
    escalation: EscalationSettings = field(default_factory=EscalationSettings)
    # Events below this confidence are left out of the whole aggregation (``Settings.min_confidence``: the same
    # threshold as the event listings', so the index and alerts rest on the events a user sees by default).
    min_confidence: float = DEFAULT_MIN_CONFIDENCE
    # An incremental run (and a streamed rebuild) places new articles this many at a time, one transaction each, in
    # publication order: its memory does not grow with the backlog.
    chunk: int = 50_000
    # A rebuild of a store of more articles than this is streamed (as incremental runs of ``chunk`` articles from
    # an empty picture): in memory, a rebuild holds every event, mention and story member, 7.4 GB at 200k articles
    # (docs/aggregate.md), so a store of a million would need about 37 GB. 0: never streamed unless asked.
    stream_above: int = 100_000
    # DuckDB's memory limit during an aggregation (its default is 80% of the machine's memory, and the pages of a
    # large store it caches count in the process's resident memory): None leaves the connection's setting.
    duckdb_memory: str | None = "2GB"

    def __post_init__(self) -> None:
        if not 0.0 <= self.min_confidence <= 1.0:
            raise ConfigError(f"aggregate: min_confidence must be in [0, 1], got {self.min_confidence}")
        if self.chunk < 1:
            raise ConfigError(f"aggregate: chunk must be >= 1, got {self.chunk}")
        if self.stream_above < 0:
            raise ConfigError(f"aggregate: stream_above must be >= 0, got {self.stream_above}")

    @property
    def merging(self) -> MergeSettings:
        """The merge settings with the aggregation's threshold (the stricter of the two, if both are set)."""
        return replace(self.merge, min_confidence=max(self.merge.min_confidence, self.min_confidence))


def trusted(events: Iterable[Event], min_confidence: float) -> list[Event]:
    """The events at or above ``min_confidence``: what the aggregation reads."""
    return [e for e in events if e.confidence >= min_confidence]


class Dated(Protocol):
    """What :func:`news_of_the_day` reads of a merged event."""

    @property
    def date(self) -> dt.date | None: ...
    @property
    def first_seen(self) -> dt.date | None: ...
    @property
    def last_seen(self) -> dt.date | None: ...


D = TypeVar("D", bound=Dated)


def news_of_the_day(events: Iterable[D]) -> list[D]:
    """The merged events dated inside their reports' window (issue 19's [published - 60 days, published + 2 days],
    from the first to the last report): what the escalation index and alerts read. Background an article recalls
    (a 1979 siege in a 2020 report, flagged ``historical``) and acts announced for later (``planned``) stay merged,
    so a story's timeline can fold them apart, but never make a dyad-day or raise an alert."""
    return [e for e in events if _in_reports_window(e)]


def _in_reports_window(e: Dated) -> bool:
    if e.date is None or e.first_seen is None or e.last_seen is None:
        return True  # nothing to compare: counted, as before dates had windows
    return window(e.first_seen)[0] <= e.date <= window(e.last_seen)[1]


@dataclass(frozen=True)
class AggregateReport:
    articles: int
    new_articles: int
    article_events: int
    merged_events: int
    multi_source_events: int
    stories: int
    new_stories: int
    escalation_rows: int
    alerts: int
    incremental: bool
    seconds: float
    timings: dict[str, float] = field(default_factory=dict)  # seconds per phase
    cpu_timings: dict[str, float] = field(default_factory=dict)  # CPU seconds per phase (DuckDB's threads included)
    streamed: bool = False  # rebuilt as incremental runs of ``AggregateSettings.chunk`` articles

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for k, v in self.__dict__.items():
            out[k] = round(v, 2) if isinstance(v, float) else v
        out["timings"] = {k: round(v, 2) for k, v in self.timings.items()}
        out["cpu_timings"] = {k: round(v, 2) for k, v in self.cpu_timings.items()}
        return out


@dataclass(frozen=True)
class Picture:
    """Everything aggregation produces, in memory."""

    events: list[MergedEvent]
    stories: list[Story]
    story_scores: dict[str, tuple[float, bool]]
    escalation: list[DyadDay]
    alerts: list[Alert]


def article_meta(a: agg_store.StoredArticle | Analysis) -> ArticleMeta:
    if isinstance(a, Analysis):
        art = a.article
        return ArticleMeta(art.id, art.published, art.source, art.url, None, len(art.text), art.wires)
    return ArticleMeta(
        a.id, a.published, a.source, a.url, a.duplicate_of if a.status == "near-duplicate" else None, a.length,
        a.wires,
    )


def story_doc(
    article_id: str,
    title: str | None,
    text: str,
    published: date | None,
    source: str | None,
    entities: Sequence[str],
    events: Sequence[Event],
    places: Sequence[str],
    terms: str | None = None,
) -> StoryDoc:
    actors = [a.name or a.code or a.text for e in events for a in (e.source, e.target) if a is not None]
    return StoryDoc(article_id, title, text, published, tuple(entities), tuple(actors), tuple(places), source, terms)


def doc_from_analysis(analysis: Analysis) -> StoryDoc:
    art = analysis.article
    names = [e.name for e in analysis.entities for _ in e.mentions[:5]]
    places = [p.name for p in analysis.places if p.name and p.geonameid is not None]
    return story_doc(art.id, art.title, art.text, art.published, art.source, names, analysis.events, places)


def aggregate_analyses(
    analyses: Iterable[Analysis],
    settings: AggregateSettings | None = None,
    *,
    duplicates: Sequence[tuple[ArticleMeta, str]] = (),
) -> Picture:
    """The whole picture from in-memory analyses (no store): for tests, notebooks and benchmarks."""
    s = settings or AggregateSettings()
    items = sorted(analyses, key=lambda a: (a.article.published or date.max, a.article.id))
    items = [replace(a, events=tuple(trusted(a.events, s.min_confidence))) for a in items]
    merger = EventMerger(s.merging)
    clusterer = StoryClusterer(s.stories)
    scores: dict[str, tuple[float, bool]] = {}
    for analysis in items:
        merger.add_article(article_meta(analysis), analysis.events)
        assignment = clusterer.add(doc_from_analysis(analysis))
        scores[analysis.article.id] = (assignment.score, assignment.new_story)
    for dup, original in duplicates:
        merger.add_duplicate(dup, original)
    events = merger.events()
    current = news_of_the_day(events)
    rows = escalation(current, "country", s.escalation) + escalation(current, "actor", s.escalation)
    return Picture(events, clusterer.stories(), scores, rows, alerts(rows, s.escalation))


@dataclass(frozen=True)
class Loaded:
    """What the load phase reads from the store: articles (without text), their events at or above the threshold,
    entity and place names, and, for an incremental run, the ids of merged events and stories already stored."""

    articles: list[agg_store.StoredArticle]
    events: dict[str, list[Event]]
    entity_names: dict[str, list[str]]
    place_names: dict[str, list[str]]
    stored_ids: dict[tuple[str, int, str, int], str]
    members: dict[str, list[tuple[str, float, bool]]]
    state: ClusterState | None

    @property
    def originals(self) -> list[agg_store.StoredArticle]:
        return [a for a in self.articles if a.status == "analysed"]

    @property
    def duplicates(self) -> list[agg_store.StoredArticle]:
        return [a for a in self.articles if a.status == "near-duplicate" and a.duplicate_of]


def load(con: duckdb.DuckDBPyConnection, *, rebuild: bool = False,
         min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> Loaded:
    """Phase 1: read the inputs (and, unless ``rebuild``, the stored picture's ids and clusterer state). Events
    below ``min_confidence`` stay out of the picture; a stored merged event left without mentions is dropped."""
    events = {aid: kept for aid, evs in agg_store.load_events(con).items() if (kept := trusted(evs, min_confidence))}
    return Loaded(
        articles=agg_store.load_articles(con, with_text=False),
        events=events,
        entity_names=agg_store.load_entity_names(con),
        place_names=agg_store.load_places(con),
        stored_ids={} if rebuild else agg_store.load_mention_ids(con),
        members={} if rebuild else agg_store.load_story_members(con),
        state=None if rebuild else load_story_state(con),
    )


def merge(loaded: Loaded, settings: MergeSettings) -> list[MergedEvent]:
    """Phase 2: merge the events across articles; stored mentions keep their merged event's id."""
    merger = EventMerger(settings)
    metas = {a.id: article_meta(a) for a in loaded.articles}
    pending: dict[str, list[Event]] = defaultdict(list)
    for a in loaded.originals:
        for ev in loaded.events.get(a.id, ()):
            gid = loaded.stored_ids.get((a.id, ev.sentence, ev.code, ev.trigger.start))
            if gid is not None:
                merger.restore(gid, metas[a.id], ev)
            else:
                pending[a.id].append(ev)

    def place(a: agg_store.StoredArticle) -> None:
        if a.status == "analysed" and pending.get(a.id):
            merger.add_article(metas[a.id], pending[a.id])
        elif a.status == "near-duplicate" and a.duplicate_of:
            merger.add_duplicate(metas[a.id], a.duplicate_of)

    in_order(loaded.articles, place)
    return merger.events()


def in_order(articles: Sequence[agg_store.StoredArticle], place: Callable[[agg_store.StoredArticle], None]) -> None:
    """Place articles in publication order. A near-duplicate copy that sorts before its original (an original not
    among them was placed in an earlier run) waits for it and is placed right after it: an order no split of the
    articles into runs changes (placed at the end of a run, such a copy came after other articles in a full run than
    in the incremental run of its day: later articles were clustered with other frequencies and story vectors, and
    merged into merged events with other mentions). The merging's restore reads stored mentions in this order
    (``grown._STORED_EVENTS``)."""
    waiting = {a.id for a in articles}
    held: dict[str, list[agg_store.StoredArticle]] = defaultdict(list)  # original id -> its copies waiting for it
    for a in articles:
        if a.status == "near-duplicate" and a.duplicate_of in waiting:
            held[a.duplicate_of].append(a)
            continue
        todo = [a]
        while todo:  # an article, then the copies (and their copies) that waited for it
            b = todo.pop()
            place(b)
            waiting.discard(b.id)
            todo.extend(reversed(held.pop(b.id, [])))
    for copies in held.values():  # copies whose originals never came (a cycle)
        for a in copies:
            place(a)


class Docs:
    """Story documents of stored articles, their texts (and term counts) read from the store on first need."""

    def __init__(self, con: duckdb.DuckDBPyConnection, loaded: Loaded) -> None:
        self.con = con
        self.loaded = loaded
        self.by_id = {a.id: a for a in loaded.articles}
        self.texts: dict[str, tuple[str, str | None]] = {}  # id -> text, stored term counts

    def __call__(self, ids: Iterable[str]) -> list[StoryDoc]:
        """Documents of the stored articles among ``ids``."""
        wanted = [i for i in ids if i in self.by_id]
        self.texts.update(agg_store.load_texts(self.con, [i for i in wanted if i not in self.texts]))
        return [self._doc(self.by_id[i]) for i in wanted]

    def forget(self, ids: Iterable[str]) -> None:
        """Let the texts of ``ids`` go (they are read again if asked for)."""
        for i in ids:
            self.texts.pop(i, None)

    def _doc(self, a: agg_store.StoredArticle) -> StoryDoc:
        ld = self.loaded
        text, terms = self.texts.get(a.id, ("", None))
        return story_doc(a.id, a.title, text, a.published, a.source, ld.entity_names.get(a.id, ()),
                         ld.events.get(a.id, ()), ld.place_names.get(a.id, ()), terms)


@dataclass(frozen=True)
class Clustering:
    clusterer: StoryClusterer
    scores: dict[str, tuple[float, bool]]  # article id -> (similarity when it joined, started the story)
    stories_before: int
    new_articles: int


def cluster(loaded: Loaded, docs: Docs, settings: StorySettings) -> Clustering:
    """Phase 3: put articles not yet in a story into one (continuing from the saved state when there is one)."""
    scores: dict[str, tuple[float, bool]] = {}
    for stored in loaded.members.values():
        scores.update({aid: (sc, st) for aid, sc, st in stored if aid in docs.by_id})
    if loaded.state is not None:  # only new articles (and later the changed stories' members) are read
        clusterer = StoryClusterer.from_state(loaded.state, settings)
    else:
        clusterer = StoryClusterer(settings)
        for sid, stored in loaded.members.items():
            clusterer.seed(sid, docs(aid for aid, _, _ in stored))
    before = len(clusterer)
    fresh = [a for a in loaded.articles if a.status in ("analysed", "near-duplicate")
             and clusterer.story_of(a.id) is None]
    placed: list[agg_store.StoredArticle] = []
    in_order(fresh, placed.append)
    for lo in range(0, len(placed), _TEXTS_AT_ONCE):  # texts read a chunk at a time, then let go: memory stays flat
        chunk = placed[lo:lo + _TEXTS_AT_ONCE]
        by_id = {d.article_id: d for d in docs(a.id for a in chunk)}
        for a in chunk:
            place_article(clusterer, a, by_id, scores)
        docs.forget(by_id)
    return Clustering(clusterer, scores, before, sum(1 for a in fresh if a.status == "analysed"))


_TEXTS_AT_ONCE = 5_000


def place_article(clusterer: StoryClusterer, a: agg_store.StoredArticle, docs: dict[str, StoryDoc],
                  scores: dict[str, tuple[float, bool]]) -> None:
    """An original into the story it resembles (or a new one); a near-duplicate copy into its original's story."""
    doc = docs.get(a.id)
    if doc is None:
        return
    if a.status == "analysed":
        assignment = clusterer.add(doc)
        scores[a.id] = (assignment.score, assignment.new_story)
        return
    story = clusterer.story_of(a.duplicate_of or "")
    if story and clusterer.story_of(a.id) is None:
        clusterer.seed(story, [doc])
        scores[a.id] = (1.0, False)


def describe(con: duckdb.DuckDBPyConnection, loaded: Loaded, docs: Docs, clustering: Clustering) -> list[Story]:
    """Phase 4: describe the stories; an incremental run re-describes only the stories that changed."""
    clusterer = clustering.clusterer
    if loaded.state is None:
        return clusterer.stories()
    changed = clusterer.changed()
    stored_stories = load_stories(con)
    for sid in changed:
        clusterer.load_members(sid, docs(clusterer.member_ids(sid)))
    fresh = {st.id: st for st in clusterer.stories(changed)}
    stories = [*fresh.values(), *(st for sid, st in stored_stories.items() if sid not in fresh)]
    stories.sort(key=lambda st: (-st.size, st.first_date or date.min, st.id))
    return stories


def escalate(events: Sequence[MergedEvent], settings: EscalationSettings) -> tuple[list[DyadDay], list[Alert]]:
    """Phase 5: the daily escalation index per dyad (country and actor level) and its alerts."""
    current = news_of_the_day(events)
    rows = escalation(current, "country", settings) + escalation(current, "actor", settings)
    return rows, alerts(rows, settings)


def write(con: duckdb.DuckDBPyConnection, picture: Picture, clusterer: StoryClusterer) -> None:
    """Phase 6: replace every aggregate table in one transaction: the picture, the clusterer's state and its members'
    key terms (:meth:`~StoryClusterer.member_terms`, which incremental runs read for the report rule)."""
    replace_tables(con, {**picture_rows(picture), **state_tables(clusterer),
                         STORY_MEMBER_TERMS: clusterer.member_terms()})


def aggregate_store(
    con: duckdb.DuckDBPyConnection, settings: AggregateSettings | None = None, *, rebuild: bool = False,
    streamed: bool = False,
) -> AggregateReport:
    """(Re)build merged events, stories and escalation on an open writable store connection, phase by phase.

    A store with a saved clusterer state is updated incrementally (:mod:`wirescope.aggregate.incremental`: only
    what changed is read and rewritten) when it was built with the same settings and no story lost a member;
    ``rebuild``, or a store without such a state, recomputes everything, in memory, or
    with ``streamed`` as incremental runs from an empty picture, ``settings.chunk`` articles at a time (the same
    tables, in memory bounded by the chunk and the open stories rather than by the store); a rebuild of more than
    ``settings.stream_above`` articles is always streamed."""
    s = settings or AggregateSettings()
    key = settings_key(s)
    if not rebuild and incremental.has_state(con) and not incremental.can_continue(con, key):
        rebuild = True  # built with other settings, or a story lost members: an update would mix two pictures
    if not streamed and s.stream_above and (rebuild or not incremental.has_state(con)):
        streamed = _placeable(con) > s.stream_above
    with _memory_limit(con, s.duckdb_memory), _collector_paused():
        report = _aggregate(con, s, rebuild=rebuild, streamed=streamed)
    incremental.save_settings(con, key, s.min_confidence)
    return replace(report, streamed=streamed and report.incremental is False)


def _placeable(con: duckdb.DuckDBPyConnection) -> int:
    """The articles an aggregation places into stories (analysed ones and near-duplicate copies)."""
    row = con.execute("SELECT count(*) FROM articles WHERE status IN ('analysed', 'near-duplicate')").fetchone()
    return int(row[0]) if row else 0


@contextmanager
def _memory_limit(con: duckdb.DuckDBPyConnection, limit: str | None) -> Iterator[None]:
    """DuckDB's memory limit set to ``limit`` for the block, and the connection's own setting put back after."""
    if limit is None:
        yield
        return
    row = con.execute("SELECT current_setting('memory_limit')").fetchone()
    before = str(row[0]) if row else None
    con.execute(f"SET memory_limit = '{limit}'")
    try:
        yield
    finally:
        con.execute("RESET memory_limit")  # the default exactly (a setting read back as text is rounded)
        row = con.execute("SELECT current_setting('memory_limit')").fetchone()
        if before is not None and row and str(row[0]) != before:
            con.execute(f"SET memory_limit = '{before}'")  # one set on this connection before


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for the block, and back on after if it was on. An aggregation builds
    millions of objects that live to its end (articles, events, merged events, story members): each of the
    collector's full passes walks all of them, and finds almost nothing, since the records hold no cycles (802
    objects were left for it after rebuilding a generated store of 4,000 articles, whose run it cost 1.47 of 8.17 s
    of CPU; session 20). Objects are still freed as soon as nothing refers to them (reference counts)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def settings_key(s: AggregateSettings) -> str:
    """What a saved picture was built with: an incremental run continues it only under the same settings (the
    threshold and chunk size are not in it: the threshold is checked per event, and chunks give the same tables)."""
    return repr((s.merge, s.stories, s.escalation))


def _aggregate(con: duckdb.DuckDBPyConnection, s: AggregateSettings, *, rebuild: bool, streamed: bool,
               ) -> AggregateReport:
    if streamed and (rebuild or not incremental.has_state(con)):
        incremental.start_empty(con, s.min_confidence)
        return _update(con, s, full=True)
    if not rebuild and incremental.has_state(con):
        return _update(con, s)
    started = time.perf_counter()
    clock = incremental.PhaseClock()
    lap = clock.lap
    loaded = load(con, rebuild=rebuild, min_confidence=s.min_confidence)
    lap("load")
    merged = merge(loaded, s.merging)
    lap("merge")
    docs = Docs(con, loaded)
    clustering = cluster(loaded, docs, s.stories)
    lap("cluster")
    stories = describe(con, loaded, docs, clustering)
    lap("describe")
    rows, found_alerts = escalate(merged, s.escalation)
    lap("escalation")
    write(con, Picture(merged, stories, clustering.scores, rows, found_alerts), clustering.clusterer)
    lap("write")
    return AggregateReport(
        articles=len(loaded.articles),
        new_articles=clustering.new_articles,
        article_events=sum(len(v) for v in loaded.events.values()),
        merged_events=len(merged),
        multi_source_events=sum(1 for e in merged if e.num_sources > 1),
        stories=len(stories),
        new_stories=len(clustering.clusterer) - clustering.stories_before,
        escalation_rows=len(rows),
        alerts=len(found_alerts),
        incremental=not rebuild and bool(loaded.stored_ids or loaded.members),
        seconds=time.perf_counter() - started,
        timings=clock.timings,
        cpu_timings=clock.cpu_timings,
    )


def _update(con: duckdb.DuckDBPyConnection, s: AggregateSettings, *, full: bool = False) -> AggregateReport:
    started = time.perf_counter()
    timings: dict[str, float] = defaultdict(float)
    cpu_timings: dict[str, float] = defaultdict(float)
    new_articles = new_stories = 0
    while True:
        done = incremental.update(con, s.merging, s.stories, s.escalation, s.min_confidence, s.chunk)
        new_articles, new_stories = new_articles + done.new_articles, new_stories + done.new_stories
        for k, v in done.timings.items():
            timings[k] += v
        for k, v in done.cpu_timings.items():
            cpu_timings[k] += v
        if not done.more:
            break
        # One collection per chunk: with the collector paused, a chunk's clusterer and merger (objects that refer
        # to each other) would otherwise stay until the run ends (a streamed 20k rebuild in chunks of 5,000 peaked
        # at 1.01 GB of RSS without it, 0.73 GB with the collector on).
        gc.collect()
    counts = con.execute(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events WHERE confidence >= ?), "
        "(SELECT count(*) FROM merged_events), (SELECT count(*) FROM merged_events WHERE num_sources > 1), "
        "(SELECT count(*) FROM stories), (SELECT count(*) FROM escalation), (SELECT count(*) FROM alerts)",
        [s.min_confidence]).fetchone()
    assert counts is not None
    return AggregateReport(
        articles=counts[0], new_articles=new_articles, article_events=counts[1], merged_events=counts[2],
        multi_source_events=counts[3], stories=counts[4], new_stories=new_stories, escalation_rows=counts[5],
        alerts=counts[6], incremental=not full, seconds=time.perf_counter() - started, timings=dict(timings),
        cpu_timings=dict(cpu_timings),
    )


def picture_rows(p: Picture) -> dict[TableSpec, list[tuple[Any, ...]]]:
    """Rows of every aggregate table, derived from the tables' specs."""
    members = [
        STORY_ARTICLES.row(None, story_id=st.id, article_id=aid, score=float(p.story_scores.get(aid, (0.0, False))[0]),
                           started=bool(p.story_scores.get(aid, (0.0, False))[1]))
        for st in p.stories
        for aid in st.article_ids
    ]
    return {
        MERGED_EVENTS: [MERGED_EVENTS.row(e) for e in p.events],
        EVENT_MENTIONS: [EVENT_MENTIONS.row(m) for e in p.events for m in e.mentions],
        STORIES: [STORIES.row(st) for st in p.stories],
        STORY_ARTICLES: members,
        ESCALATION: [ESCALATION.row(r) for r in p.escalation],
        ALERTS: [ALERTS.row(a) for a in p.alerts],
    }
