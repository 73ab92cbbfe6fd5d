"""Groups named by what they campaign for (agents_supplement.txt): roles that take the country where they act, so the
acts they do are coded with a source (issue 17: the doer of an act found). Data, not rules."""

from __future__ import annotations

from datetime import date

import pytest

from wirescope.nlp.pipeline import Pipeline
from wirescope.records import Article


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _dyads(pipeline: Pipeline, sentence: str) -> list[tuple[str, str | None, str | None]]:
    article = Article(id="t", text=sentence, title="Headline", published=date(2019, 1, 3))
    return [(e.code, e.source.code if e.source else None, e.target.code if e.target else None)
            for e in pipeline.analyze(article).events]


@pytest.mark.parametrize(("sentence", "source"), [
    ("Several environment groups accused the Spanish company of trying to influence the talks.", "---ENV"),
    ("Environmental groups accused the Spanish company of greenwashing.", "---ENV"),
    ("Campaign groups criticised the Home Office over the deportations.", "---NGO"),
    ("Aid agencies called on Israel to open the crossings.", "---NGO"),
    ("Press freedom groups condemned Turkey over the arrests.", "---HRI"),
    ("Business groups urged the chancellor to cut taxes.", "---BUS"),
    ("The unions condemned the decision by British Airways.", "---LAB"),
    ("The TUC accused the government of betraying workers.", "---LAB"),
])
def test_a_group_named_by_its_cause_is_the_source(pipeline: Pipeline, sentence: str, source: str) -> None:
    assert source in {s for _, s, _ in _dyads(pipeline, sentence)}


def test_public_sector_unions_are_labour_not_government(pipeline: Pipeline) -> None:
    # PUBLIC_SECTOR alone is [~GOV]: the unions' members work for the state, the unions are no part of it
    dyads = _dyads(pipeline, "Five public sector unions will hold private talks with Deputy Prime Minister John "
                             "Prescott at Labour's spring conference in Gateshead.")
    assert [(c, (s or "")[3:]) for c, s, _ in dyads] == [("036", "LAB")]


def test_a_union_alone_is_no_trade_union(pipeline: Pipeline) -> None:
    # only the plural: "the Union" is as often the European Union
    assert all(s != "---LAB" for _, s, _ in _dyads(pipeline, "The Union condemned the decision by British Airways."))


@pytest.mark.parametrize(("sentence", "source"), [
    # a region's states or leaders as a group: the CAMEO region code (docs/events-gold.md, section 2)
    ("European countries condemned Russia over the attack.", "EUR"),
    ("Several south European countries are planning re-opening for vaccinated American tourists.", "EUR"),
    ("European leaders have openly blamed the US for the sharp rise in the value of the euro.", "EURGOV"),
    ("African leaders condemned the coup in Niger.", "AFRGOV"),
])
def test_a_regions_states_as_a_group_are_the_region(pipeline: Pipeline, sentence: str, source: str) -> None:
    assert source in {s for _, s, _ in _dyads(pipeline, sentence)}


def test_a_regions_adjective_alone_is_no_actor(pipeline: Pipeline) -> None:
    assert _dyads(pipeline, "Shares in European markets rose.") == []
