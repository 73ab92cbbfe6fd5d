"""An undated article dated by the office holders it titles (actors.titled-office-holders-date-the-article)."""

from __future__ import annotations

from datetime import date

from wirescope.nlp.coding.actors import default_actor_coder
from wirescope.nlp.coding.article_dating import article_day, overlap, titled_names


def test_overlap_keeps_the_days_of_every_union() -> None:
    blair = [(date(1997, 5, 2), date(2007, 6, 27))]
    brown = [(date(1968, 1, 1), date(2000, 1, 1)), (date(2003, 1, 1), date(2010, 7, 11))]
    assert overlap([blair, brown]) == [(date(1997, 5, 2), date(2000, 1, 1)), (date(2003, 1, 1), date(2007, 6, 27))]
    assert overlap([blair, [(date(2010, 5, 11), date(2016, 7, 13))]]) == []


def test_titled_names_skip_former_shadow_and_honorifics(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Prime Minister Tony Blair met former President Bill Clinton, shadow Chancellor Oliver Letwin and "
              "Deputy Prime Minister Mr John Prescott.")
    assert [" ".join(t.text for t in n) for n in titled_names(doc)] == ["Tony Blair", "John Prescott"]


def test_article_day_from_overlapping_terms(nlp) -> None:  # type: ignore[no-untyped-def]
    coder = default_actor_coder()
    doc = nlp("Prime Minister Tony Blair and Chancellor Gordon Brown met Ariel Sharon.")
    day, titled = article_day(doc, coder, coder._government_terms)
    assert titled == {"TONY BLAIR", "GORDON BROWN"}
    assert day is not None and date(2003, 1, 1) <= day <= date(2007, 6, 30)
    # the terms of Blair (to 2007) and Cameron (from 2010) never overlap: no date
    doc = nlp("Prime Minister Tony Blair praised Prime Minister David Cameron.")
    assert article_day(doc, coder, coder._government_terms)[0] is None
    # no titled office holder: no date
    assert article_day(nlp("Tony Blair met Ariel Sharon."), coder, coder._government_terms)[0] is None
