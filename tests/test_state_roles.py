"""The data behind actors.country-acting-as-a-state-is-its-government and actors.envoy-is-of-the-country-sending-them
(their behaviour on sentences is checked by their rule examples, tests/test_rules_examples.py)."""

from __future__ import annotations

from wirescope.nlp.coding.actor_fallbacks import country_names
from wirescope.nlp.coding.envoys import ENVOY_WORDS
from wirescope.nlp.coding.state_roles import SOURCE_ROOTS, STATE_ACTS, TARGET_ROOTS


def test_country_names_are_names_and_short_forms_not_demonyms_or_capitals() -> None:
    names = country_names()
    assert names["kenya"] == "KEN"
    assert names["u.s."] == "USA" and names["britain"] == "GBR" and names["c.a.r"] == "CAF"
    for not_a_name in ("kenyan", "chinese", "nairobi", "beijing"):
        assert not_a_name not in names, not_a_name
    assert all(len(code) == 3 and code.isupper() for code in names.values())


def test_force_and_coercion_are_not_a_governments_by_name_alone() -> None:
    # "France destroyed the air force": its military, which the name does not say; a strike lands on the country
    assert not {"17", "18", "19", "20"} & SOURCE_ROOTS
    assert not {"06", "07", "08", "16", "17", "18", "19", "20"} & TARGET_ROOTS
    assert TARGET_ROOTS <= SOURCE_ROOTS


def test_lexicon_classes_are_loaded() -> None:
    assert {"proposal", "request", "decision"} <= STATE_ACTS
    assert {"ambassador", "envoy", "mission", "delegation"} <= ENVOY_WORDS
    assert "leader" not in ENVOY_WORDS
