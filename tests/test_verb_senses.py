"""Verb senses from the bundled verb supplement: a verb's non-event sense codes nothing (data, not rules)."""

from __future__ import annotations

import pytest

from wirescope.nlp.pipeline import Pipeline
from wirescope.records import Article


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _codes(pipeline: Pipeline, sentence: str) -> list[tuple[str, str | None]]:
    from datetime import date

    article = Article(id="t", text=sentence, title="Headline", published=date(2019, 1, 3))
    analysis = pipeline.analyze(article)
    return [(e.code, e.target.code if e.target else None) for e in analysis.events]


@pytest.mark.parametrize("sentence", [
    "Iranian President Hassan Rouhani commanded considerable influence over the militias.",
    "The Russian defence minister commands the respect of the army.",
    "Turkish President Recep Tayyip Erdogan commanded a majority in parliament.",
])
def test_command_in_the_sense_of_having_codes_nothing(pipeline: Pipeline, sentence: str) -> None:
    assert _codes(pipeline, sentence) == []


def test_command_of_forces_is_still_coded(pipeline: Pipeline) -> None:
    assert [c for c, _ in _codes(pipeline, "Iranian President Hassan Rouhani commanded the militias.")] == ["060"]
