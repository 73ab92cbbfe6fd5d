"""A noun phrase ends where a clause with a subject of its own begins after its 'of' ("details of where British
intelligence believes ..."): whoever that clause names is no part of the noun's name (syntax.phrase_tokens), so
'gave no details of where British intelligence believes Cantlie is held' has no GBRSPY target."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.tokens import Doc

from wirescope.nlp.coding.rules.examples import example_coder
from wirescope.nlp.coding.syntax import phrase_tokens


def _doc(nlp, words: list[str], heads: list[int], deps: list[str]) -> Doc:  # type: ignore[no-untyped-def]
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps)


def test_a_wh_clause_after_of_is_no_part_of_the_phrase(nlp) -> None:  # type: ignore[no-untyped-def]
    # details of [where British intelligence believes]: 'believes' a pcomp with its own subject
    doc = _doc(nlp, ["details", "of", "where", "British", "intelligence", "believes"],
               [0, 0, 5, 4, 5, 1], ["ROOT", "prep", "advmod", "amod", "nsubj", "pcomp"])
    assert [t.text for t in phrase_tokens(doc[0])] == ["details", "of"]


def test_a_gerund_and_a_noun_after_of_stay_in_the_phrase(nlp) -> None:  # type: ignore[no-untyped-def]
    # the cost of [fighting Isis]: a gerund without a subject of its own is read as before
    gerund = _doc(nlp, ["cost", "of", "fighting", "Isis"], [0, 0, 1, 2], ["ROOT", "prep", "pcomp", "dobj"])
    assert [t.text for t in phrase_tokens(gerund[0])] == ["cost", "of", "fighting", "Isis"]
    noun = _doc(nlp, ["government", "of", "Iraq"], [0, 0, 1], ["ROOT", "prep", "pobj"])
    assert [t.text for t in phrase_tokens(noun[0])] == ["government", "of", "Iraq"]


@pytest.mark.parametrize("text", [
    "He declined to give details of where British intelligence believes Cantlie is still held by Isis.",
    "The minister refused to give details of how Russian intelligence had obtained the files.",
    "The ministry declined to give details of what French officials had discussed.",
])
def test_the_clause_s_subject_is_no_target_of_the_refusal(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    targets = [c.target.code for c in example_coder().code_doc(doc, date(2019, 1, 1)) if c.target is not None]
    assert not any(code and code[3:6] in ("SPY", "GOV") and code[:3] in ("GBR", "RUS", "FRA") for code in targets)
