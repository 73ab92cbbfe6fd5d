"""The places, times and locate stages on the example articles (spaCy model + hand-built events)."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from wirescope.config import Settings
from wirescope.nlp.pipeline import Pipeline
from wirescope.nlp.stages.locate import LocateStage
from wirescope.nlp.stages.places import PlaceStage
from wirescope.nlp.stages.times import TimeStage
from wirescope.records import Analysis, Article, Event, Span


@pytest.fixture(scope="module")
def pipeline():  # type: ignore[no-untyped-def]
    # Its own model: the times stage adds a holiday ruler, which must not leak into the shared session model.
    return Pipeline(Settings(stages=("entities", "times", "places")))


def _article(examples, index: int) -> Article:  # type: ignore[no-untyped-def]
    text = examples[index].read_text(encoding="utf-8")
    published = None
    if text.startswith(" date "):
        _, _, stamp, text = text.split(" ", 3)
        published = date.fromisoformat(stamp)
    return Article(id=f"ex{index}", text=text, published=published)


@pytest.fixture(scope="module")
def metro(pipeline, examples) -> Analysis:  # type: ignore[no-untyped-def]
    return pipeline.analyze(_article(examples, 1))


@pytest.fixture(scope="module")
def express(pipeline, examples) -> Analysis:  # type: ignore[no-untyped-def]
    return pipeline.analyze(_article(examples, 0))


def _place(analysis: Analysis, text: str):  # type: ignore[no-untyped-def]
    found = [p for p in analysis.places if p.text == text]
    assert found, f"no place record for {text!r}: {[p.text for p in analysis.places]}"
    return found[0]


def test_stage_contracts() -> None:
    assert (PlaceStage.name, PlaceStage.requires, PlaceStage.assigns) == (
        "places",
        ("sentences", "entities"),
        ("places",),
    )
    assert (TimeStage.name, TimeStage.requires, TimeStage.assigns) == ("times", ("sentences",), ("times",))
    assert (LocateStage.name, LocateStage.requires, LocateStage.assigns) == (
        "locate",
        ("events", "places", "times"),
        ("events",),
    )


def test_example_places(metro: Analysis) -> None:
    kfar = _place(metro, "Kfar Kila")
    assert (kfar.country, kfar.country3, kfar.feature) == ("LB", "LBN", "P.PPL")
    metula = _place(metro, "Metullah")
    assert (metula.name, metula.country) == ("Metula", "IL")
    lakenheath = _place(metro, "RAF Lakenheath")
    assert (lakenheath.country, lakenheath.feature) == ("GB", "S.AIRB")
    assert _place(metro, "Suffolk").country == "GB"
    golan = _place(metro, "Golan Heights")
    assert golan.feature == "L.RGN" and golan.country == "SY"
    assert _place(metro, "Lebanon").feature == "A.PCLI"
    assert all("Metro.co.uk" not in p.text for p in metro.places)
    assert all(p.sentence is not None for p in metro.places)
    json_keys = set(metro.places[0].to_json())
    assert {
        "text",
        "start",
        "end",
        "name",
        "geonameid",
        "lat",
        "lon",
        "feature",
        "country",
        "admin1",
        "confidence",
    } <= json_keys


def test_example_baghdad_airport(express: Analysis) -> None:
    airport = _place(express, "Baghdad airport")
    assert (airport.name, airport.country, airport.feature) == ("Baghdad International Airport", "IQ", "S.AIRP")
    assert _place(express, "Russia").feature == "A.PCLI"


def test_example_times_with_publication_date(metro: Analysis) -> None:
    by_text = {t.text: t for t in metro.times}
    assert by_text["January 3, 2020"].value == "2020-01-03"
    night = next(t for t in metro.times if "last night" in t.text)
    assert (night.value, night.value_end, night.kind) == ("2020-01-02", "2020-01-03", "range")
    assert by_text["1967"].granularity == "year"
    mourning = next(t for t in metro.times if "three days" in t.text)
    assert mourning.kind == "duration" and mourning.value is None


def test_example_times_without_publication_date(express: Analysis) -> None:
    assert express.article.published is None
    by_text = {t.text: t for t in express.times}
    assert all(t.text != "62" for t in express.times)  # an age
    early = by_text["the early hours of Friday"]  # a TIME and a DATE span joined
    assert early.value is None and early.kind == "range"  # relative and no publication date: unresolved
    holiday = next(t for t in express.times if "New Year" in t.text)
    assert holiday.value is None and holiday.kind == "date"


def test_times_resolve_relative_to_a_publication_date(pipeline, examples) -> None:  # type: ignore[no-untyped-def]
    article = dataclasses.replace(_article(examples, 0), published=date(2020, 1, 3))
    times = {t.text: t for t in pipeline.analyze(article).times}
    assert times["the early hours of Friday"].value == "2020-01-03"
    assert times["Sunday, December 29"].value == "2019-12-29"
    assert times["New Year’s Day"].value == "2020-01-01"
    week = times["earlier this week"]
    assert (week.value, week.value_end, week.granularity) == ("2019-12-30", "2020-01-03", "week")
    assert times["this morning"].granularity == "part-of-day"


def _event(analysis: Analysis, trigger: str, sentence: int = 0) -> Event:
    context, _, trigger = trigger.rpartition("|")
    start = analysis.article.text.index(context + trigger) + len(context)
    return Event(
        article_id=analysis.article.id,
        sentence=sentence,
        code="190",
        root_code="19",
        base_code="190",
        quad_class=4,
        goldstein=-10.0,
        trigger=Span(start, start + len(trigger), trigger),
        source=None,
        target=None,
    )


def _locate(nlp, analysis: Analysis, *triggers: str) -> list[Event]:  # type: ignore[no-untyped-def]
    doc = nlp(analysis.article.text)
    events = tuple(_event(analysis, t) for t in triggers)
    return list(LocateStage()(doc, dataclasses.replace(analysis, events=events)).events)


def test_locate_events_in_the_metro_example(nlp, metro: Analysis) -> None:  # type: ignore[no-untyped-def]
    patrol, landing, bulked = _locate(nlp, metro, "patrols", "landing", "bulked up")
    assert patrol.place is not None and patrol.place.country in ("LB", "IL")
    assert patrol.place.feature == "P.PPL" and patrol.place_source in ("trigger", "sentence")
    assert landing.place is not None and landing.place.text == "RAF Lakenheath" and landing.place_source == "trigger"
    assert bulked.place is not None and bulked.place.text == "Golan Heights"
    assert patrol.date == "2020-01-03" and patrol.date_source == "publication"


def test_locate_strike_at_baghdad_airport(nlp, express: Analysis) -> None:  # type: ignore[no-untyped-def]
    (killed,) = _locate(nlp, express, "The General was |killed")
    assert killed.place is not None and killed.place.name == "Baghdad International Airport"
    assert killed.place.country == "IQ" and killed.place_source == "trigger"
    assert killed.date is None and killed.date_source is None  # no publication date and no attached date


def test_locate_falls_back_to_the_article_focus(nlp, metro: Analysis) -> None:  # type: ignore[no-untyped-def]
    (event,) = _locate(nlp, metro, "Experts have warned")
    assert event.place_source == "article-focus" and event.place is not None
    assert event.place.feature == "A.PCLI"


def test_event_date_from_an_attached_time_expression(nlp, pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Protesters stormed the embassy in Baghdad on Tuesday. Officials spoke later."
    analysis = pipeline.analyze(Article(id="t", text=text, published=date(2020, 1, 3)))
    (event,) = _locate(nlp, analysis, "stormed")
    assert (event.date, event.date_source) == ("2019-12-31", "time-expression")
    assert event.place is not None and event.place.name == "Baghdad"


def test_relative_clause_dates_and_quoted_places_are_not_the_event_s(nlp, pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Israeli forces have bulked up their presence in the Golan Heights, which the country seized from Syria "
            "in 1967. Crowds marched in Tehran chanting ‘death to America’.")
    analysis = pipeline.analyze(Article(id="t2", text=text, published=date(2020, 1, 3)))
    bulked, marched = _locate(nlp, analysis, "bulked up", "marched")
    assert bulked.place is not None and bulked.place.name == "Golan Heights" and bulked.place_source == "trigger"
    assert (bulked.date, bulked.date_source) == ("2020-01-03", "publication")
    assert marched.place is not None and marched.place.name == "Tehran"
