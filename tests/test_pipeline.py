from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from wirescope.config import Settings
from wirescope.errors import ConfigError, PipelineError
from wirescope.nlp.pipeline import Pipeline, check_chain
from wirescope.nlp.stages import build_stage
from wirescope.records import Analysis, Article, Failure


class FakeStage:
    version = "1"

    def __init__(self, name: str, requires: tuple[str, ...], assigns: tuple[str, ...], fail_on: str = "") -> None:
        self.name, self.requires, self.assigns, self.fail_on = name, requires, assigns, fail_on

    def configure_nlp(self, nlp: Any) -> None:
        pass

    def __call__(self, doc: Any, analysis: Analysis) -> Analysis:
        if self.fail_on and self.fail_on in analysis.article.text:
            raise ValueError("cannot handle this text")
        return replace(analysis, notes=(*analysis.notes, self.name))


def test_chain_accepts_requirements_met_by_earlier_stages() -> None:
    check_chain([FakeStage("a", ("sentences",), ("entities",)), FakeStage("b", ("entities",), ("events",))])


def test_chain_rejects_missing_requirement_and_names_the_stage() -> None:
    with pytest.raises(PipelineError, match=r"'b' requires \['events'\]"):
        check_chain([FakeStage("b", ("events",), ("quotes",))])


def test_chain_rejects_unknown_fields() -> None:
    with pytest.raises(PipelineError, match="unknown fields"):
        check_chain([FakeStage("x", ("sentences",), ("colours",))])


def test_unknown_stage_lists_known_ones() -> None:
    with pytest.raises(PipelineError, match=r"known stages: .*entities"):
        build_stage("nonsense", Settings())


def test_settings_validate_values() -> None:
    with pytest.raises(ConfigError, match="batch_size"):
        Settings(batch_size=0)


def test_unknown_model_says_how_to_install() -> None:
    with pytest.raises(ConfigError, match="pip install"):
        Pipeline(Settings(model="no_such_model_xyz", stages=()))


def _pipeline_with(nlp: Any, *stages: FakeStage) -> Pipeline:
    pipeline = Pipeline(Settings(stages=()), nlp=nlp)
    pipeline.stages = list(stages)
    return pipeline


def test_analyze_many_keeps_going_after_a_stage_error(nlp: Any) -> None:
    pipeline = _pipeline_with(nlp, FakeStage("picky", ("sentences",), (), fail_on="poison"))
    articles = [
        Article(id="1", text="A fine text. Two sentences.", input="one.txt"),
        Article(id="2", text="This one has poison in it.", input="two.txt"),
        Article(id="3", text="Another fine text.", input="three.txt"),
    ]
    results = list(pipeline.analyze_many(articles))
    assert [type(r) for r in results] == [Analysis, Failure, Analysis]
    failure = results[1]
    assert isinstance(failure, Failure)
    assert failure.item == "two.txt" and "picky" in failure.reason and "cannot handle" in failure.reason
    first = results[0]
    assert isinstance(first, Analysis)
    assert [(s.start, s.end) for s in first.sentences] == [(0, 12), (13, 27)]


def test_non_english_articles_are_flagged_not_analysed(nlp: Any) -> None:
    pipeline = _pipeline_with(nlp, FakeStage("s", ("sentences",), ()))
    articles = [
        Article(id="de", text="Das ist ein deutscher Text über Politik.", language="de"),
        Article(id="en", text="This is English.", language="en"),
    ]
    results = {r.article.id: r for r in pipeline.analyze_many(articles) if isinstance(r, Analysis)}
    assert results["de"].sentences == () and "not English" in results["de"].notes[0]
    assert results["en"].notes == ("s",)


@pytest.mark.slow
def test_worker_processes_give_the_same_records(nlp: Any, examples: list[Any]) -> None:
    from wirescope import article_from_text

    articles = [article_from_text(p.read_text(encoding="utf-8")) for p in examples] * 2
    pipeline = Pipeline(Settings(stages=("entities",)), nlp=nlp)
    one = list(pipeline.analyze_many(articles, n_process=1, batch_size=2))
    two = list(pipeline.analyze_many(articles, n_process=2, batch_size=2))
    assert one == two and all(isinstance(r, Analysis) and r.entities for r in one)
