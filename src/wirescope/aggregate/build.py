"""Build the situation picture on a store: merge events, cluster stories, compute the escalation index.

Incremental by default: merged events and stories already stored keep their ids; their stored members are put back
into the merger and the clusterer without re-deciding (:meth:`EventMerger.restore`, :meth:`StoryClusterer.seed`),
then articles not yet aggregated are added in publication order. ``rebuild=True`` starts from scratch.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import duckdb

from ..records import Analysis, Event
from ..store import aggregate as agg_store
from .escalation import Alert, DyadDay, EscalationSettings, alerts, escalation
from .merge import ArticleMeta, EventMerger, MergedEvent, MergeSettings
from .stories import Story, StoryClusterer, StoryDoc, StorySettings


@dataclass(frozen=True)
class AggregateSettings:
    merge: MergeSettings = field(default_factory=MergeSettings)
    stories: StorySettings = field(default_factory=StorySettings)
    escalation: EscalationSettings = field(default_factory=EscalationSettings)


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

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for k, v in self.__dict__.items():
            out[k] = round(v, 2) if isinstance(v, float) else v
        out["timings"] = {k: round(v, 2) for k, v in self.timings.items()}
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
        return ArticleMeta(art.id, art.published, art.source, art.url, None, len(art.text))
    return ArticleMeta(
        a.id, a.published, a.source, a.url, a.duplicate_of if a.status == "near-duplicate" else None, a.length
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
) -> StoryDoc:
    actors = [a.name or a.code or a.text for e in events for a in (e.source, e.target) if a is not None]
    return StoryDoc(article_id, title, text, published, tuple(entities), tuple(actors), tuple(places), source)


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
    merger = EventMerger(s.merge)
    clusterer = StoryClusterer(s.stories)
    scores: dict[str, tuple[float, bool]] = {}
    for analysis in items:
        merger.add_article(article_meta(analysis), analysis.events)
        assignment = clusterer.add(doc_from_analysis(analysis))
        scores[analysis.article.id] = (assignment.score, assignment.new_story)
    for dup, original in duplicates:
        merger.add_duplicate(dup, original)
    events = merger.events()
    rows = escalation(events, "country", s.escalation) + escalation(events, "actor", s.escalation)
    return Picture(events, clusterer.stories(), scores, rows, alerts(rows, s.escalation))


def aggregate_store(
    con: duckdb.DuckDBPyConnection, settings: AggregateSettings | None = None, *, rebuild: bool = False
) -> AggregateReport:
    """(Re)build merged events, stories and escalation on an open writable store connection."""
    started = time.perf_counter()
    timings: dict[str, float] = {}

    def lap(name: str) -> None:
        timings[name] = time.perf_counter() - started - sum(timings.values())

    s = settings or AggregateSettings()
    articles = agg_store.load_articles(con, with_text=False)
    events_by_article = agg_store.load_events(con)
    entity_names = agg_store.load_entity_names(con)
    place_names = agg_store.load_places(con)
    metas = {a.id: article_meta(a) for a in articles}
    originals = [a for a in articles if a.status == "analysed"]
    dups = [a for a in articles if a.status == "near-duplicate" and a.duplicate_of]
    lap("load")

    # -- events
    merger = EventMerger(s.merge)
    stored_ids = {} if rebuild else agg_store.load_mention_ids(con)
    pending: dict[str, list[Event]] = defaultdict(list)
    for a in originals:
        for ev in events_by_article.get(a.id, ()):
            gid = stored_ids.get((a.id, ev.sentence, ev.code, ev.trigger.start))
            if gid is not None:
                merger.restore(gid, metas[a.id], ev)
            else:
                pending[a.id].append(ev)
    for a in originals:
        if pending.get(a.id):
            merger.add_article(metas[a.id], pending[a.id])
    for a in dups:
        merger.add_duplicate(metas[a.id], a.duplicate_of)  # type: ignore[arg-type]
    merged = merger.events()
    lap("merge")

    # -- stories
    by_id = {a.id: a for a in articles}
    scores: dict[str, tuple[float, bool]] = {}
    texts: dict[str, str] = {}

    def doc(a: agg_store.StoredArticle) -> StoryDoc:
        return story_doc(
            a.id,
            a.title,
            texts.get(a.id, ""),
            a.published,
            a.source,
            entity_names.get(a.id, ()),
            events_by_article.get(a.id, ()),
            place_names.get(a.id, ()),
        )

    def need_texts(ids: Iterable[str]) -> None:
        texts.update(agg_store.load_texts(con, [i for i in ids if i not in texts]))

    state = None if rebuild else agg_store.load_story_state(con)
    members = {} if rebuild else agg_store.load_story_members(con)
    for stored in members.values():
        scores.update({aid: (sc, st) for aid, sc, st in stored if aid in by_id})
    if state is not None:
        # Continue from the saved vectors: only new articles (and later the changed stories' members) are read.
        clusterer = StoryClusterer.from_state(state, s.stories)
    else:
        clusterer = StoryClusterer(s.stories)
        need_texts(aid for stored in members.values() for aid, _, _ in stored if aid in by_id)
        for sid, stored in members.items():
            clusterer.seed(sid, [doc(by_id[aid]) for aid, _, _ in stored if aid in by_id])
    before = len(clusterer)
    fresh = [a for a in originals if clusterer.story_of(a.id) is None]
    need_texts(a.id for a in fresh)
    for a in fresh:
        assignment = clusterer.add(doc(a))
        scores[a.id] = (assignment.score, assignment.new_story)
    new_dups = [a for a in dups if clusterer.story_of(a.id) is None and clusterer.story_of(a.duplicate_of or "")]
    need_texts(a.id for a in new_dups)
    for a in new_dups:
        clusterer.seed(clusterer.story_of(a.duplicate_of or "") or "", [doc(a)])
        scores[a.id] = (1.0, False)
    new_articles = len(fresh)
    lap("cluster")
    changed = clusterer.changed()
    if state is not None:
        stored_stories = agg_store.load_stories(con)
        need_texts(aid for sid in changed for aid in clusterer.member_ids(sid) if aid in by_id)
        for sid in changed:
            clusterer.load_members(sid, [doc(by_id[aid]) for aid in clusterer.member_ids(sid) if aid in by_id])
        fresh_stories = {st.id: st for st in clusterer.stories(changed)}
        stories = [*fresh_stories.values(), *(st for sid, st in stored_stories.items() if sid not in fresh_stories)]
        stories.sort(key=lambda st: (-st.size, st.first_date or date.min, st.id))
    else:
        stories = clusterer.stories()
    lap("describe")

    rows = escalation(merged, "country", s.escalation) + escalation(merged, "actor", s.escalation)
    found_alerts = alerts(rows, s.escalation)
    lap("escalation")
    tables = picture_rows(Picture(merged, stories, scores, rows, found_alerts))
    tables.update(agg_store.state_rows(clusterer.state()))
    agg_store.replace_tables(con, tables)
    lap("write")
    return AggregateReport(
        articles=len(articles),
        new_articles=new_articles,
        article_events=sum(len(v) for v in events_by_article.values()),
        merged_events=len(merged),
        multi_source_events=sum(1 for e in merged if e.num_sources > 1),
        stories=len(stories),
        new_stories=len(clusterer) - before,
        escalation_rows=len(rows),
        alerts=len(found_alerts),
        incremental=not rebuild and bool(stored_ids or members),
        seconds=time.perf_counter() - started,
        timings=timings,
    )


def _actor_cols(a: Any) -> tuple[Any, ...]:
    if a is None:
        return (None,) * 5
    return (a.text, a.name, a.entity_id, a.code, a.country)


def picture_rows(p: Picture) -> dict[str, list[tuple[Any, ...]]]:
    """Rows of every aggregate table, in column order of 005_aggregate.sql."""
    merged_rows, mention_rows = [], []
    for e in p.events:
        place = e.place
        place_cols = (place.name, place.geonameid, place.lat, place.lon, place.country3) if place else (None,) * 5
        merged_rows.append(
            (
                e.id,
                e.date,
                e.code,
                e.root_code,
                e.base_code,
                e.quad_class,
                e.goldstein,
                e.modality,
                *_actor_cols(e.source),
                *_actor_cols(e.target),
                *place_cols,
                e.confidence,
                e.num_mentions,
                e.num_articles,
                e.num_sources,
                e.first_seen,
                e.last_seen,
                e.first_article,
                e.first_url,
                e.is_root_event,
            )
        )
        for m in e.mentions:
            mention_rows.append(
                (
                    m.event_id,
                    m.article_id,
                    m.sentence,
                    m.code,
                    m.confidence,
                    m.modality,
                    m.date,
                    m.published,
                    m.source_key,
                    m.trigger_start,
                    m.source_start,
                    m.target_start,
                    m.sentence_text,
                    m.url,
                    m.duplicate_of,
                    m.doc_length,
                )
            )
    story_rows, member_rows = [], []
    for st in p.stories:
        story_rows.append(
            (
                st.id,
                st.title,
                st.summary,
                st.size,
                st.first_date,
                st.last_date,
                list(st.top_terms),
                list(st.top_entities),
                list(st.top_actors),
                list(st.top_places),
                list(st.sources),
            )
        )
        for aid in st.article_ids:
            score, started = p.story_scores.get(aid, (0.0, False))
            member_rows.append((st.id, aid, float(score), bool(started)))
    esc_rows = [
        (
            r.level,
            r.source,
            r.target,
            r.day,
            r.events,
            r.mentions,
            r.weight,
            r.goldstein_sum,
            r.goldstein_mean,
            *r.quad_shares,
            r.index,
            r.baseline,
            r.z,
            r.alert,
            list(r.event_ids),
        )
        for r in p.escalation
    ]
    alert_rows = [
        (a.level, a.source, a.target, a.day, a.index, a.baseline, a.z, list(a.driving_events), a.reason)
        for a in p.alerts
    ]
    return {
        "merged_events": merged_rows,
        "event_mentions": mention_rows,
        "stories": story_rows,
        "story_articles": member_rows,
        "escalation": esc_rows,
        "alerts": alert_rows,
    }
