"""The on-demand anchors of the pattern rules (``rules/patterns.py``, ``Anchors.has``) give spaCy's
``DependencyMatcher`` answers, token by token, on every rule example's stored parse and on the model's parse of the
same texts; a pattern the walk cannot read is left to spaCy."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from wirescope.nlp.coding.rules import RULES
from wirescope.nlp.coding.rules.examples import doc_from_conllu, load_examples
from wirescope.nlp.coding.rules.patterns import Anchors, _compiled, _nodes, dependency_patterns

if TYPE_CHECKING:
    from spacy.tokens import Doc

EXAMPLES = [e for r in RULES for e in load_examples(r.id)]


def _agree(doc: Doc) -> int:
    """Checks ``has`` against spaCy's matcher for every pattern rule and token; the number of anchors found."""
    anchors = Anchors(doc)
    spacy_answers = {rule_id: anchors[rule_id] for rule_id in anchors}  # the DependencyMatcher over the doc
    lazy = Anchors(doc)
    for rule_id, found in spacy_answers.items():
        assert {tok.i for tok in doc if lazy.has(rule_id, tok)} == found, (rule_id, doc.text)
    return sum(len(v) for v in spacy_answers.values())


def test_every_pattern_is_read_by_the_walk() -> None:
    assert set(_compiled()) == set(dependency_patterns())


def test_stored_example_parses_agree_with_spacy() -> None:
    assert EXAMPLES
    found = sum(_agree(doc_from_conllu(e.conllu)) for e in EXAMPLES)
    assert found > len(dependency_patterns())  # the examples do anchor the pattern rules


def test_model_parses_agree_with_spacy(nlp) -> None:  # type: ignore[no-untyped-def]
    found = sum(_agree(doc) for doc in nlp.pipe(e.text for e in EXAMPLES))
    assert found > len(dependency_patterns())


def test_a_doc_without_a_parse_anchors_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    import spacy

    doc = spacy.blank("en")("They called him a hero after leaving Eriador.")
    anchors = Anchors(doc)
    assert not any(anchors.has(rule_id, tok) for rule_id in dependency_patterns() for tok in doc)
    assert all(not anchors[rule_id] for rule_id in anchors)


@pytest.mark.parametrize("node", [
    {"LEFT_ID": "a", "REL_OP": ">>", "RIGHT_ID": "b", "RIGHT_ATTRS": {"DEP": "dobj"}},  # another operator
    {"LEFT_ID": "a", "REL_OP": ">", "RIGHT_ID": "b", "RIGHT_ATTRS": {"DEP": {"NOT_IN": ["dobj"]}}},  # predicate
    {"LEFT_ID": "a", "REL_OP": ">", "RIGHT_ID": "b", "RIGHT_ATTRS": {"IS_TITLE": True}},  # another attribute
])
def test_a_pattern_the_walk_cannot_read_is_left_to_spacy(node: dict) -> None:  # type: ignore[type-arg]
    anchor = {"RIGHT_ID": "a", "RIGHT_ATTRS": {"POS": "VERB"}}
    assert _nodes([anchor, node]) is None  # type: ignore[list-item]
    assert _nodes([anchor, {**node, "REL_OP": ">", "RIGHT_ATTRS": {"DEP": "dobj"}}]) is not None  # type: ignore[list-item]
