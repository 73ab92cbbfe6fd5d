"""Dates you can trust (issue 19, item 1): an event dated outside its article's window [published - 60 days,
published + 2 days] is flagged historical or planned from the text, or dated by its article; flagged events are not
listed as current news; story timelines keep to the story's window with the background folded and undated items
flagged, and long timelines page."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from api_support import sample, strike_analysis, write_store
from wirescope.nlp.timex.window import date_event, in_window, tense, window
from wirescope.records import EVENT_TIMINGS, Failure

PUB = date(2020, 1, 3)
REPO = Path(__file__).resolve().parents[1]


def test_window_bounds() -> None:
    assert window(PUB) == (date(2019, 11, 4), date(2020, 1, 5))
    assert in_window(date(2019, 11, 4), PUB) and not in_window(date(2019, 11, 3), PUB)


@pytest.mark.parametrize(
    ("value", "value_end", "text", "verb", "expected"),
    [
        ("2020-01-02", None, "Thursday", "past", ("2020-01-02", "time-expression", "current")),
        ("1979-01-01", "1979-12-31", "1979", "past", ("1979-01-01", "time-expression", "historical")),
        ("2021-01-01", "2021-12-31", "next year", "future", ("2021-01-01", "time-expression", "planned")),
        ("2021-01-01", "2021-12-31", "next year", "present", ("2021-01-01", "time-expression", "planned")),
        # a period reaching into the window: its latest day there, not after publication
        ("2019-01-01", "2019-12-31", "last year", "past", ("2019-12-31", "time-expression", "current")),
        ("2020-01-01", "2020-12-31", "this year", "past", ("2020-01-01", "time-expression", "current")),
        # contradictions: dated by the article, with the reason
        ("2030-01-01", "2030-12-31", "a decade later", "past", ("2020-01-03", "publication", "current")),
        ("2015-01-01", "2015-12-31", "2015", "future", ("2020-01-03", "publication", "current")),
        # "is due to meet in January" (November): the next January
        ("2019-01-01", "2019-01-31", "January", "future", ("2020-01-01", "time-expression", "planned")),
    ],
)
def test_date_event(value: str, value_end: str | None, text: str, verb: str, expected: tuple[str, str, str]) -> None:
    pub = date(2019, 11, 25) if text == "January" else PUB
    got = date_event(value, value_end, text, pub, verb)
    assert (got.date, got.source, got.timing) == expected
    moved = got.date != value or got.timing != "current"
    assert (got.note is not None) == moved, got.note  # every flag or move says why


def test_no_publication_date_keeps_the_expression_with_a_note() -> None:
    got = date_event("1979-01-01", None, "1979", None, "past")
    assert got.date == "1979-01-01" and got.timing == "current" and got.note and "no publication date" in got.note


@given(
    pub=st.dates(date(1990, 1, 1), date(2030, 12, 31)),
    offset=st.integers(-20_000, 20_000),
    length=st.integers(0, 400),
    verb=st.sampled_from(["past", "present", "future"]),
    text=st.sampled_from(["1979", "January", "last year", "next month", "a decade later"]),
)
def test_property_no_current_event_outside_its_window(pub: date, offset: int, length: int, verb: str,
                                                     text: str) -> None:
    start = pub + timedelta(days=offset)
    got = date_event(start.isoformat(), (start + timedelta(days=length)).isoformat(), text, pub, verb)
    assert got.timing in EVENT_TIMINGS
    if got.timing == "current":
        assert got.date is not None and in_window(date.fromisoformat(got.date), pub)
    else:
        assert got.date is not None and not in_window(date.fromisoformat(got.date), pub) and got.note


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        ("The United States killed the general in 2011.", "killed", "past"),
        ("Iran will attack the base next year.", "attack", "future"),
        ("Putin is due to meet Erdogan in January.", "meet", "future"),
        ("The minister has vowed to cut emissions by 2050.", "vowed", "past"),
        ("Protesters march in the capital.", "march", "present"),
    ],
)
def test_tense(nlp, sentence: str, trigger: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(sentence)
    token = next(t for t in doc if t.text == trigger)
    assert tense(token) == expected


def _historical(analysis):  # type: ignore[no-untyped-def]
    """The strike article with one more event: the 1979 embassy siege it recalls, flagged historical."""
    old = replace(analysis.events[0], code="1724", root_code="17", base_code="172", date="1979-11-04",
                  date_source="time-expression", timing="historical", date_note="'1979' ... background")
    return replace(analysis, events=(*analysis.events, old))


def test_store_lists_current_news_by_default(tmp_path: Path) -> None:
    from wirescope.store import Store
    from wirescope.store.events import query_events, read_events

    db = write_store(tmp_path / "w.duckdb", [_historical(strike_analysis())], aggregate=False)
    with Store(db) as store:
        listed = query_events(store.con)
        assert listed and all(e.timing == "current" for e in listed)
        everything = read_events(store.con, timing=())
        flagged = [e for e in everything if e.timing == "historical"]
        assert len(everything) == len(listed) + 1 and flagged[0].date == "1979-11-04" and flagged[0].date_note
        assert [e.date for e in read_events(store.con, timing=("historical",))] == ["1979-11-04"]


def test_api_lists_current_news_by_default(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from wirescope.api import create_app

    db = write_store(tmp_path / "w.duckdb", [_historical(strike_analysis())], aggregate=False)
    with TestClient(create_app(db)) as client:
        def dates(**params: object) -> list[str]:
            answer = client.get("/api/events", params={"min_confidence": 0, **params})
            assert answer.status_code == 200, answer.text
            return [row["date"] for row in answer.json()["items"]]

        current = dates()
        assert current and "1979-11-04" not in current
        assert dates(timing="historical") == ["1979-11-04"]
        assert sorted(dates(timing="all")) == sorted([*current, "1979-11-04"])
        assert client.get("/api/events", params={"timing": "someday"}).status_code == 400


def test_background_is_merged_but_never_escalates() -> None:
    """The recalled 1979 siege stays a merged event (the story's timeline folds it apart) but makes no dyad-day."""
    from wirescope.aggregate.build import AggregateSettings, aggregate_analyses

    picture = aggregate_analyses([_historical(strike_analysis())], AggregateSettings(min_confidence=0))
    assert date(1979, 11, 4) in {e.date for e in picture.events}
    assert picture.escalation and all(row.day.year == 2020 for row in picture.escalation)


def test_story_timeline_folds_background_and_pages(tmp_path: Path) -> None:
    from wirescope.aggregate.queries import query_stories, story_timeline, timeline
    from wirescope.store import Store

    analyses = [_historical(a) if a.article.id.startswith("a1") else a for a in sample()]
    db = write_store(tmp_path / "w.duckdb", analyses)
    with Store(db) as store:
        story = next(s for s in query_stories(store.con) if "a1strike0000001" in s.article_ids)
        full = story_timeline(store.con, story.id)
        assert full.window == (date(2019, 11, 4), date(2020, 1, 6))
        assert full.items and all(full.window[0] <= i.date <= full.window[1] for i in full.items if i.date)
        assert [i.date for i in full.background] == [date(1979, 11, 4)]  # the recalled siege, folded apart
        assert full.undated == () and full.next_offset is None and full.total == len(full.items)
        first = story_timeline(store.con, story.id, limit=2)
        assert len(first.items) == 2 and first.next_offset == 2 and first.total == full.total
        rest = story_timeline(store.con, story.id, offset=2, limit=1000)
        assert first.items + rest.items == full.items
        assert date(1979, 11, 4) not in {i.date for i in timeline(store.con, story=story.id)}
        with pytest.raises(Exception, match="limit"):
            story_timeline(store.con, story.id, limit=0)


STAGES = ("entities", "times", "places", "events", "quotes", "locate")


@pytest.mark.slow
def test_no_event_dated_outside_its_window_unless_flagged(nlp) -> None:  # type: ignore[no-untyped-def]
    """The examples and the bundled VOA stories through the whole pipeline."""
    from wirescope import Settings, article_from_text
    from wirescope.nlp.pipeline import Pipeline

    articles = [article_from_text(p.read_text(encoding="utf-8")) for p in sorted((REPO / "examples").glob("*.txt"))]
    for line in (REPO / "data" / "voa2025" / "voa_2025_dev.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        articles.append(article_from_text(row["text"], title=row["title"], published=row["published"][:10]))
    pipeline = Pipeline(Settings(stages=STAGES), nlp=nlp)
    flagged = dated = 0
    for analysis in pipeline.analyze_many(articles):
        assert not isinstance(analysis, Failure), str(analysis)
        pub = analysis.article.published
        for event in analysis.events:
            if event.date is None or pub is None:
                continue
            dated += 1
            inside = in_window(date.fromisoformat(event.date), pub)
            assert inside or event.timing != "current", (event.date, pub, event.sentence_text)
            assert inside == (event.timing == "current"), (event.timing, event.date, pub, event.date_note)
            flagged += event.timing != "current"
    assert dated > 300 and flagged >= 5  # the VOA stories recall background ("in 2022", "in April")
