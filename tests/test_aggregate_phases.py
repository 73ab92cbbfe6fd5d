"""The aggregation's phases (load, merge, cluster, describe, escalate, write), each run and checked alone."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from aggregate_support import BAGHDAD, analysis, event
from wirescope.aggregate import build
from wirescope.aggregate.build import AggregateSettings, Docs, Picture
from wirescope.aggregate.queries import query_alerts, query_merged_events, query_stories
from wirescope.aggregate.tables import MERGED_EVENTS
from wirescope.store import Store

STRIKE = "A US drone strike near Baghdad airport killed Iranian commander Qasem Soleimani, officials said."
TALKS = "Finance ministers met in Brussels to discuss the budget deficit and new fiscal rules for the euro area."


def _articles() -> list:  # type: ignore[type-arg]
    return [
        analysis("s1", STRIKE, (event("s1", "190", "USAMIL", "IRNMIL", place=BAGHDAD),), title="US strike kills",
                 source="wire-a"),
        analysis("s2", STRIKE + " Iran vowed revenge.", (event("s2", "195", "USAMIL", "IRNMIL", place=BAGHDAD),),
                 title="Soleimani killed", source="wire-b"),
        analysis("t1", TALKS, (), title="Budget talks", published=date(2020, 1, 4), source="wire-c"),
    ]


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    with Store(tmp_path / "s.duckdb") as s:
        s.write(_articles(), run_id=None)
        yield s


def test_load_reads_articles_and_their_event_records(store: Store) -> None:
    loaded = build.load(store.con)
    assert [a.id for a in loaded.originals] == ["s1", "s2", "t1"] and loaded.duplicates == []
    assert [e.code for e in loaded.events["s1"]] == ["190"] and loaded.events["s1"][0].place == BAGHDAD
    assert loaded.stored_ids == {} and loaded.members == {} and loaded.state is None  # nothing aggregated yet


def test_merge_joins_the_two_reports_of_the_strike(store: Store) -> None:
    merged = build.merge(build.load(store.con), AggregateSettings().merge)
    assert len(merged) == 1 and merged[0].num_sources == 2 and {m.article_id for m in merged[0].mentions} == {
        "s1", "s2"}


def test_cluster_and_describe_make_two_stories(store: Store) -> None:
    loaded = build.load(store.con)
    docs = Docs(store.con, loaded)
    clustering = build.cluster(loaded, docs, AggregateSettings().stories)
    assert clustering.new_articles == 3 and clustering.stories_before == 0
    stories = build.describe(store.con, loaded, docs, clustering)
    assert sorted(st.article_ids for st in stories) == [("s1", "s2"), ("t1",)]


def test_escalate_scores_the_dyad(store: Store) -> None:
    merged = build.merge(build.load(store.con), AggregateSettings().merge)
    days, _ = build.escalate(merged, AggregateSettings().escalation)
    assert ("country", "USA", "IRN") in {(d.level, d.source, d.target) for d in days}


def test_write_then_read_back_the_records(store: Store) -> None:
    loaded = build.load(store.con)
    s = AggregateSettings()
    merged = build.merge(loaded, s.merge)
    docs = Docs(store.con, loaded)
    clustering = build.cluster(loaded, docs, s.stories)
    stories = build.describe(store.con, loaded, docs, clustering)
    days, alerts = build.escalate(merged, s.escalation)
    build.write(store.con, Picture(merged, stories, clustering.scores, days, alerts), clustering.clusterer)
    # the typed readers give back what was written, as far as the tables hold it (merged actors and places keep
    # no offsets, merged events no mentions): compared through the specs' rows
    assert [MERGED_EVENTS.row(e) for e in query_merged_events(store.con)] == [MERGED_EVENTS.row(e) for e in merged]
    assert sorted(query_stories(store.con), key=lambda st: st.id) == sorted(stories, key=lambda st: st.id)
    assert query_alerts(store.con) == sorted(alerts, key=lambda a: (a.day, a.index), reverse=True)
