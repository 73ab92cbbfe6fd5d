"""A dictionary word matches a token as a stem, but after the verb of a protest pattern (CAMEO 14) not as the stem
of the token's agent noun (patterns._keys): "police detained protesters" is no "held a protest" (issue 17)."""

from wirescope.nlp.coding.patterns import _keys


def test_agent_noun_after_the_verb_is_not_its_event_noun() -> None:
    after = _keys("PROTESTERS", "protester", True)
    assert "PROTEST" not in after
    assert {"PROTESTER", "PROTESTERS"} <= after
    assert "FIGHT" not in _keys("FIGHTERS", "fighter", True)


def test_the_stem_still_matches_before_the_verb_and_other_endings() -> None:
    assert "PROTEST" in _keys("PROTESTERS", "protester")  # "PROTEST * ( WITH )": protesters clashed with police
    assert "PROTEST" in _keys("PROTESTS", "protest", True)
    assert "DEMONSTRAT" in _keys("DEMONSTRATIONS", "demonstration", True)
