"""Event merging across articles: rules, counts, near-duplicates, incremental restore."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from aggregate_support import BAGHDAD, BAGHDAD_AIRPORT, IRAQ, TEHRAN, event
from wirescope.aggregate.merge import ArticleMeta, EventMerger, MergeSettings, merge_events, places_compatible
from wirescope.errors import ConfigError


def meta(aid: str, day: date = date(2020, 1, 3), source: str | None = None, dup: str | None = None) -> ArticleMeta:
    return ArticleMeta(aid, day, source, f"https://{source}/{aid}" if source else None, dup, 1000)


def test_repeated_reports_merge_into_one_event_with_sources() -> None:
    merged = merge_events(
        [
            (
                meta("a1", source="bbc.co.uk"),
                [event("a1", "190", "USAMIL", "IRNMIL", place=BAGHDAD_AIRPORT, mentions=(4,))],
            ),
            (
                meta("a2", date(2020, 1, 4), "cnn.com"),
                [event("a2", "195", "USAMIL", "IRNMIL", day="2020-01-04", place=BAGHDAD, confidence=0.6)],
            ),
            (meta("a3", source="bbc.co.uk"), [event("a3", "190", "USAMIL", "IRNMIL", place=IRAQ)]),
        ]
    )
    assert len(merged) == 1
    e = merged[0]
    assert (e.num_mentions, e.num_articles, e.num_sources) == (4, 3, 2)
    assert e.code == "190" and e.root_code == "19" and e.date == date(2020, 1, 3)
    assert e.first_seen == date(2020, 1, 3) and e.last_seen == date(2020, 1, 4)
    assert e.confidence == pytest.approx(1 - (1 - 0.8) * (1 - 0.6))
    assert {m.article_id for m in e.mentions} == {"a1", "a2", "a3"}
    assert e.place is not None and e.place.geonameid == BAGHDAD.geonameid  # most confident sub-country place


def test_rules_keep_different_events_apart() -> None:
    merged = merge_events(
        [
            (meta("a1"), [event("a1", "190", "USAMIL", "IRNMIL", place=BAGHDAD)]),
            (meta("a2"), [event("a2", "190", "USAMIL", "IRNMIL", place=TEHRAN)]),  # far away
            (meta("a3"), [event("a3", "190", "IRNMIL", "USAMIL")]),  # other direction
            (meta("a4"), [event("a4", "190", "USAMIL", "IRNMIL", day="2020-01-09")]),  # outside the date window
            (meta("a5"), [event("a5", "190", "USAMIL", "IRNMIL", modality="threatened")]),  # a threat
            (meta("a6"), [event("a6", "042", "USAMIL", "IRNMIL")]),  # another root code
        ]
    )
    assert len(merged) == 6


def test_settings_are_configurable_and_checked() -> None:
    arts = [
        (meta("a1"), [event("a1", "190", "USAMIL", "IRNMIL")]),
        (meta("a2"), [event("a2", "195", "USAGOV", "IRNMIL")]),
    ]
    assert len(merge_events(arts)) == 1  # default: actors agree at country level
    assert len(merge_events(arts, MergeSettings(actor_level="code"))) == 2
    assert len(merge_events(arts, MergeSettings(code_level="code"))) == 2
    with pytest.raises(ConfigError, match="actor_level"):
        MergeSettings(actor_level="nope")
    with pytest.raises(ConfigError):
        MergeSettings(date_window_days=-1)


def test_near_duplicate_counts_as_one_source() -> None:
    merger = EventMerger()
    merger.add_article(meta("orig", source="bbc.co.uk"), [event("orig", "190", "USAMIL", "IRNMIL")])
    merger.add_article(meta("other", source="cnn.com"), [event("other", "190", "USAMIL", "IRNMIL")])
    added = merger.add_duplicate(meta("copy", source="syndicator.com"), "orig")
    assert added == 1
    (e,) = merger.events()
    assert e.num_articles == 3 and e.num_sources == 2
    copy = [m for m in e.mentions if m.article_id == "copy"]
    assert copy[0].duplicate_of == "orig" and copy[0].source_key == "bbc.co.uk"


def test_incremental_restore_keeps_ids_and_merges_new_reports() -> None:
    first = EventMerger()
    ev1 = event("a1", "190", "USAMIL", "IRNMIL")
    first.add_article(meta("a1", source="x.com"), [ev1])
    (stored,) = first.events()
    again = EventMerger()
    again.restore(stored.id, meta("a1", source="x.com"), ev1)
    again.add_article(meta("a1", source="x.com"), [ev1])  # already known: no double count
    again.add_article(meta("a2", source="y.com"), [event("a2", "193", "USAMIL", "IRNMIL")])
    (e,) = again.events()
    assert e.id == stored.id and e.num_articles == 2 and e.num_sources == 2 and e.num_mentions == 2


def test_undated_events_only_merge_with_undated() -> None:
    merged = merge_events(
        [
            (ArticleMeta("a1"), [event("a1", "190", "USAMIL", "IRNMIL", day=None)]),
            (ArticleMeta("a2"), [event("a2", "190", "USAMIL", "IRNMIL", day=None)]),
            (meta("a3"), [event("a3", "190", "USAMIL", "IRNMIL")]),
        ]
    )
    assert sorted(e.num_articles for e in merged) == [1, 2]


def test_places_compatible() -> None:
    assert places_compatible(BAGHDAD, BAGHDAD_AIRPORT, 150)
    assert not places_compatible(BAGHDAD, TEHRAN, 150)
    assert places_compatible(None, TEHRAN, 150)
    # Country-level places are too coarse (and often the actor's country) to keep reports apart.
    assert places_compatible(BAGHDAD, IRAQ, 10)
    assert places_compatible(TEHRAN, IRAQ, 10)
    unknown_kind = dataclasses.replace(TEHRAN, feature=None)
    assert places_compatible(BAGHDAD, unknown_kind, 10)


def test_a_deciding_merger_counts_mentions_and_decides_alike() -> None:
    """``decide_only``: mentions counted, not made (an incremental run's deciding pass), the same decisions. A report
    with no place, compatible with an event in Baghdad and one in Tehran on its day, joins the one with more
    mentions: Tehran's, once repeated reports (a repeated sentence, a copy) have made it the larger."""
    articles = [
        (meta("a1"), [event("a1", "190", "USAMIL", "IRNMIL", place=BAGHDAD, mentions=(3,))]),
        (meta("a2"), [event("a2", "190", "USAMIL", "IRNMIL", place=TEHRAN)]),
        (meta("a3"), [event("a3", "190", "USAMIL", "IRNMIL", place=TEHRAN, mentions=(2, 5))]),
        (meta("a4"), [event("a4", "190", "USAMIL", "IRNMIL")]),
    ]
    assigned = []
    for merger in (EventMerger(), EventMerger(decide_only=True)):
        for m, evs in articles:
            merger.add_article(m, evs)
        merger.add_duplicate(meta("c3", dup="a3"), "a3")
        merger.add_article(meta("a5"), [event("a5", "190", "USAMIL", "IRNMIL", sentence=1)])
        assigned.append(dict(merger.assigned))
    full, counted = assigned
    assert counted == full
    tehran = full[("a2", 0, "190", 0)]
    assert full[("a4", 0, "190", 0)] == tehran  # 4 mentions against Baghdad's 2
    assert full[("a5", 1, "190", 0)] == tehran
