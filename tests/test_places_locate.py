"""Event locations: one hand-built sentence per rule of the locate stage, and the strike on the examples."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from wirescope.config import Settings
from wirescope.nlp.geo.resolve import distance_km
from wirescope.nlp.pipeline import Pipeline
from wirescope.nlp.stages.locate import LocateStage
from wirescope.records import Actor, Analysis, Article, Event, Span


@pytest.fixture(scope="module")
def pipeline():  # type: ignore[no-untyped-def]
    return Pipeline(Settings(stages=("entities", "times", "places")))


def _actor(analysis: Analysis, text: str, country: str | None = None) -> Actor:
    start = analysis.article.text.index(text)
    entity = next((e.id for e in analysis.entities for m in e.mentions if start <= m.start < start + len(text)), None)
    return Actor(start, start + len(text), text, entity_id=entity, country=country)


def _event(
    analysis: Analysis, trigger: str, source: Actor | None = None, target: Actor | None = None, code: str = "190"
) -> Event:
    context, _, trigger = trigger.rpartition("|")
    start = analysis.article.text.index(context + trigger) + len(context)
    return Event(
        article_id="t",
        sentence=0,
        code=code,
        root_code=code[:2],
        base_code=code[:3],
        quad_class=4,
        goldstein=-10.0,
        trigger=Span(start, start + len(trigger), trigger),
        source=source,
        target=target,
    )


def _run(nlp, pipeline, text: str, build) -> list[Event]:  # type: ignore[no-untyped-def]
    analysis = pipeline.analyze(Article(id="t", text=text, published=date(2020, 1, 3)))
    events = tuple(build(analysis))
    return list(LocateStage()(nlp(text), dataclasses.replace(analysis, events=events)).events)


def test_prepositional_phrase_and_the_most_specific_attached_place(nlp, pipeline) -> None:  # type: ignore[no-untyped-def]
    (event,) = _run(
        nlp,
        pipeline,
        "Rebels attacked a convoy near Mosul in northern Iraq on Monday.",
        lambda a: [_event(a, "attacked")],
    )
    assert event.place is not None and (event.place.name, event.place_source) == ("Mosul", "trigger")


def test_object_of_a_movement_in_an_adverbial_clause(nlp, pipeline) -> None:  # type: ignore[no-untyped-def]
    (event,) = _run(nlp, pipeline, "The minister was shot as he left Kabul airport.", lambda a: [_event(a, "shot")])
    assert event.place is not None and event.place_source == "trigger"
    assert event.place.feature == "S.AIRP" and event.place.country == "AF"


@pytest.mark.parametrize(
    "text", ["The senator was attacked outside Baghadad airport.", "Rockets were fired at Baghdad airport overnight."]
)
def test_baghdad_airport_is_the_airport_even_misspelt(nlp, pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    (event,) = _run(nlp, pipeline, text, lambda a: [_event(a, "attacked" if "attacked" in text else "fired")])
    assert event.place is not None and event.place.name == "Baghdad International Airport"
    assert event.place.feature == "S.AIRP" and event.place.country == "IQ"


def test_the_actor_s_country_adjective_is_not_the_location(nlp, pipeline) -> None:  # type: ignore[no-untyped-def]
    (event,) = _run(
        nlp,
        pipeline,
        "A US drone strike killed two commanders in Syria.",
        lambda a: [_event(a, "killed", source=_actor(a, "A US drone strike", "USA"))],
    )
    assert event.place is not None and event.place.name == "Syria"


def test_an_actor_alone_or_a_demonym_falls_back_to_the_focus(nlp, pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Iran threatened the United States. Iranian officials protested. Crowds gathered in Tehran and Iran."
    threatened, protested = _run(
        nlp,
        pipeline,
        text,
        lambda a: [
            _event(a, "threatened", source=_actor(a, "Iran", "IRN"), target=_actor(a, "the United States", "USA")),
            _event(a, "protested", source=_actor(a, "Iranian officials", "IRN")),
        ],
    )
    for event in (threatened, protested):
        assert event.place_source == "article-focus" and event.place is not None and event.place.country == "IR"


def test_unattached_places_the_most_specific_in_the_sentence(nlp, pipeline) -> None:  # type: ignore[no-untyped-def]
    city, country = _run(
        nlp,
        pipeline,
        "Police arrested three men who had travelled to Amman in Jordan. "
        "Police arrested two men who had travelled through the Middle East to Jordan.",
        lambda a: [_event(a, "|arrested three"), _event(a, "|arrested two")],
    )
    assert city.place is not None and (city.place.name, city.place_source) == ("Amman", "sentence")
    assert country.place is not None and (country.place.name, country.place_source) == ("Jordan", "sentence")


_KARIMI = "Gunmen killed Ahmed Karimi in Afghanistan on Monday.{gap}{who} was killed as he left {where} airport."


def _killed(nlp, pipeline, text: str) -> Event:  # type: ignore[no-untyped-def]
    (event,) = _run(nlp, pipeline, text, lambda a: [_event(a, "killed", target=_actor(a, "Ahmed Karimi", "AFG"))])
    return event


def test_a_repeated_mention_of_the_event_refines_the_country(nlp, pipeline) -> None:  # type: ignore[no-untyped-def]
    event = _killed(nlp, pipeline, _KARIMI.format(gap=" ", who="Karimi", where="Kabul"))
    assert event.place is not None and event.place_source == "coreferent"
    assert event.place.feature == "S.AIRP" and event.place.country == "AF"


@pytest.mark.parametrize(
    "gap, who, where",
    [
        (" ", "Omar Haidari", "Kabul"),  # another victim: another event
        ("\n\n", "Karimi", "Kabul"),  # another paragraph
        (" ", "Karimi", "Baghdad"),  # not inside the event's own place
    ],
)
def test_a_repeated_mention_must_share_a_participant_and_fit(nlp, pipeline, gap, who, where) -> None:  # type: ignore[no-untyped-def]
    event = _killed(nlp, pipeline, _KARIMI.format(gap=gap, who=who, where=where))
    assert event.place is not None and (event.place.name, event.place_source) == ("Afghanistan", "trigger")


def test_the_strike_on_the_examples_is_at_baghdad(examples) -> None:  # type: ignore[no-untyped-def]
    pipeline = Pipeline(Settings())
    text = examples[0].read_text(encoding="utf-8")
    analysis = pipeline.analyze(Article(id="ex0", text=text))
    strikes = [
        e
        for e in analysis.events
        if e.root_code == "19"
        and e.modality == "asserted"
        and e.target is not None
        and (e.target.name == "Qasem Soleimani" or e.target.country == "IRN")
    ]
    assert strikes, [(e.code, e.trigger.text, e.target) for e in analysis.events]
    located = [e.place for e in strikes if e.place is not None and e.place.lat is not None and e.place.lon is not None]
    assert located and all(p.country == "IQ" for p in located), [(p.name, p.country) for p in located]
    assert any(
        distance_km(p.lat or 0.0, p.lon or 0.0, 33.26, 44.23) <= 161 and "Baghdad" in (p.name or "") for p in located
    ), [p.name for p in located]
