from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from wirescope import article_from_text
from wirescope.nlp.grouping import RawMention, country_name, entity_id, group_mentions, name_key
from wirescope.nlp.pipeline import Pipeline
from wirescope.records import Mention


def raw(text: str, label: str, start: int, before: str = "", hint: str | None = None) -> RawMention:
    return RawMention(Mention("a", 0, start, start + len(text), text, label), hint, before)


def test_surname_misspelling_and_possessive_join_the_full_name() -> None:
    entities = group_mentions([
        raw("Soleimani's", "GPE", 0),
        raw("Qasem Soleimani", "PERSON", 50, before="General"),
        raw("Solemani", "PERSON", 120),
        raw("Trump", "PERSON", 150),
        raw("the General", "TITLE", 200),
    ])
    by_name = {e.name: e for e in entities}
    assert set(by_name) == {"Qasem Soleimani", "Trump"}
    soleimani = by_name["Qasem Soleimani"]
    assert soleimani.type == "PERSON"
    assert [m.text for m in soleimani.mentions] == ["Soleimani's", "Qasem Soleimani", "Solemani", "the General"]


def test_title_without_a_titled_person_is_dropped() -> None:
    entities = group_mentions([raw("Mark Esper", "PERSON", 0, before="Secretary"), raw("the General", "TITLE", 40)])
    assert [e.name for e in entities] == ["Mark Esper"]
    assert len(entities[0].mentions) == 1


def test_acronym_joins_its_organisation_but_not_a_person() -> None:
    entities = group_mentions([
        raw("the Popular Mobilisation Units", "ORG", 0),
        raw("PMU", "ORG", 40),
        raw("Paul Martin Underwood", "PERSON", 60),
    ])
    pmu = next(e for e in entities if e.type == "ORG")
    assert [m.text for m in pmu.mentions] == ["the Popular Mobilisation Units", "PMU"]


def test_two_people_sharing_a_surname_are_not_merged_by_it() -> None:
    entities = group_mentions([raw("Ali Khamenei", "PERSON", 0), raw("Hassan Khamenei", "PERSON", 20),
                               raw("Khamenei", "PERSON", 40)])
    assert sorted(len(e.mentions) for e in entities) == [1, 1, 1]


def test_country_variants_share_one_canonical_name() -> None:
    assert country_name("U.S.") == country_name("America") == country_name("the United States") == "United States"
    assert country_name("Soleimani") is None
    entities = group_mentions([raw("US", "GPE", 0), raw("America", "GPE", 10), raw("the United States", "GPE", 20)])
    assert [(e.name, len(e.mentions)) for e in entities] == [("United States", 3)]


def test_entity_ids_are_corpus_wide_and_spelling_tolerant() -> None:
    assert name_key("Qassem Soleimani") == name_key("Qasem Soleimani")
    assert entity_id("Qassem Soleimani", "PERSON") == entity_id("Qasem Soleimani", "PERSON")
    assert entity_id("Qasem Soleimani", "PERSON") != entity_id("Qasem Soleimani", "ORG")


@pytest.fixture(scope="module")
def example_analyses(nlp: Any, examples: list[Path]) -> list[Any]:
    pipeline = Pipeline(nlp=nlp)
    return [pipeline.analyze(article_from_text(p.read_text(encoding="utf-8"))) for p in examples]


def test_examples_group_soleimani_variants_into_one_entity(example_analyses: list[Any]) -> None:
    for analysis in example_analyses:
        people = [e for e in analysis.entities if "soleimani" in name_key(e.name) and e.type == "PERSON"]
        assert len(people) == 1, [e.name for e in people]
        texts = {m.text for m in people[0].mentions}
        assert len(texts) >= 2
    first = example_analyses[0]
    soleimani = next(e for e in first.entities if e.name == "Qasem Soleimani")
    assert {"Qasem Soleimani", "Solemani", "General"} <= {m.text for m in soleimani.mentions}
    # The same canonical entity id in both articles despite "Qassem" in the second.
    ids = {e.id for a in example_analyses for e in a.entities if "soleimani" in name_key(e.name)}
    assert len(ids) == 1


def test_examples_tag_conflict_organisations(example_analyses: list[Any]) -> None:
    names = {(e.name, e.type) for a in example_analyses for e in a.entities}
    assert ("Quds Force", "ORG") in names
    assert ("Popular Mobilisation Units", "ORG") in names
    assert ("Islamic Revolutionary Guard Corps", "ORG") in names
    assert ("Hezbollah", "ORG") in names


def test_mentions_point_at_their_text(example_analyses: list[Any]) -> None:
    for analysis in example_analyses:
        text = analysis.article.text
        for entity in analysis.entities:
            for m in entity.mentions:
                assert text[m.start:m.end] == m.text
                sentence = analysis.sentences[m.sentence]
                assert sentence.start <= m.start < sentence.end


def test_titled_surname_joins_the_full_name() -> None:
    entities = group_mentions([raw("Bob Allard", "PERSON", 0), raw("Mr Allard", "PERSON", 30),
                               raw("the President", "TITLE", 60)])
    assert [(e.name, len(e.mentions)) for e in entities] == [("Bob Allard", 2)]
