"""``open_pipeline`` runs each stage's ``prepare()`` as a named start-up stage (nlp/stage.py): what a stage would
load inside its first article (dateparser's data for the times stage) is loaded, and said, before any article."""

from __future__ import annotations

import pytest

from wirescope.config import Settings
from wirescope.nlp.resources import startup
from wirescope.runners import startup as runner_startup


class _Stage:
    name = "fake"

    def __init__(self) -> None:
        self.prepared = 0

    def prepare(self) -> None:
        self.prepared += 1


class _Pipeline:
    def __init__(self) -> None:
        self.stages = (_Stage(), object())  # a stage without prepare() is left alone


def test_each_stage_is_prepared_as_a_named_start_up_stage(monkeypatch: pytest.MonkeyPatch) -> None:
    loaded = _Pipeline()
    monkeypatch.setattr(runner_startup, "_load", lambda s: loaded)
    said: list[str | None] = []
    times: list[runner_startup.StageTime] = []
    with startup.listening(said.append):
        pipeline = runner_startup.open_pipeline(Settings(stages=("entities",)), times=times)
    assert pipeline is loaded and loaded.stages[0].prepared == 1
    assert any(s and "preparing the fake stage" in s for s in said), said
    assert [t.label for t in times][-1] == "fake stage"


def test_the_times_stage_loads_dateparser_when_prepared() -> None:
    from wirescope.nlp.stages.times import TimeStage
    from wirescope.nlp.timex import normalize

    normalize._date_parser.cache_clear()
    TimeStage(Settings()).prepare()
    assert normalize._date_parser.cache_info().currsize == 1  # the parser exists: no article builds it
