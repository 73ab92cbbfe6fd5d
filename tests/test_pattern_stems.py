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


def test_a_synset_word_matches_a_stem_only_before_an_inflection() -> None:
    """&CURRENCY's AFGHANI is no stem of "Afghanistan", AUSTRAL none of "Australian", &PEOPLE's PUBLIC none of
    "publication"; "dollars", "pounds", "probed" keep their stems, and a lemma is kept whatever its ending
    (patterns._inflected, used by synsets only: a plain pattern word is still a stem, "DEMONSTRAT")."""
    from wirescope.nlp.coding.patterns import _inflected

    def synset_keys(text: str, lemma: str) -> frozenset[str]:
        return _inflected(text, lemma.upper(), _keys(text, lemma))

    assert "AFGHANI" in _keys("AFGHANISTAN", "Afghanistan")
    assert "AFGHANI" not in synset_keys("AFGHANISTAN", "Afghanistan")
    assert "AUSTRAL" not in synset_keys("AUSTRALIAN", "australian")
    assert "PUBLIC" not in synset_keys("PUBLICATION", "publication")
    assert {"DOLLAR", "DOLLARS"} <= synset_keys("DOLLARS", "dollar")
    assert "POUND" in synset_keys("POUNDS", "pound")
    assert "PROBE" in synset_keys("PROBED", "probe")
    assert "CHILD" in synset_keys("CHILDREN", "child")
