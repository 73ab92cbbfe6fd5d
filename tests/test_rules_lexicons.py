"""The coder's lexicons are data files: every one validates, and a bad line is an error naming file and line."""

from __future__ import annotations

import pytest

from wirescope.errors import ConfigError
from wirescope.nlp.coding.lexicons import KINDS, codes, entries, parse, words


@pytest.mark.parametrize("name", sorted(KINDS))
def test_every_lexicon_validates_with_a_comment_per_entry(name: str) -> None:
    found = entries(name)
    assert found
    assert all(e.comment.strip() and e.word == e.word.strip() for e in found)
    assert len({(e.word, e.kind) for e in found}) == len(found)  # a word once per role


def test_lexicons_feed_the_coder() -> None:
    from wirescope.nlp.coding import arguments, lexicon, modality

    assert words("verb_classes", "light") == lexicon.LIGHT_VERBS and "take" in lexicon.LIGHT_VERBS
    assert lexicon.EVENT_NOUNS["talk"] == "046" and codes("event_nouns", "nominal")["attack"] == "ATTACK"
    assert "likely" in modality._HEDGES and "in" in lexicon.PLACE_PREPS
    assert codes("event_nouns", "nominal") == arguments.NOMINAL


@pytest.mark.parametrize(("line", "message"), [
    ("take\tlight", "3 tab-separated columns"),
    ("take\tlight\t ", "none empty"),
    ("take\theavy\tnot a class", "unknown class 'heavy'"),
    ("take\tlight\tone\ntake\tlight\ttwice", "listed twice"),
])
def test_a_bad_line_names_file_and_line(line: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message) as info:
        parse("# header\n" + line, "verb_classes", "verb_classes.tsv")
    assert "verb_classes.tsv:" in str(info.value)


def test_unknown_lexicon_or_class() -> None:
    with pytest.raises(ConfigError, match="unknown lexicon"):
        entries("verbs")
    with pytest.raises(ConfigError, match="no class"):
        words("verb_classes", "heavy")
