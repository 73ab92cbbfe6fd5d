"""The coder's lexicons are data files: every one validates, and a bad line is an error naming file and line."""

from __future__ import annotations

import pytest

from wirescope.errors import ConfigError
from wirescope.nlp.coding.lexicons import KINDS, codes, dictionary_entries, entries, parse, parse_dictionary, words


@pytest.mark.parametrize("name", sorted(KINDS))
def test_every_lexicon_validates_with_a_comment_per_entry(name: str) -> None:
    found = entries(name)
    assert found
    assert all(e.comment.strip() and e.word == e.word.strip() for e in found)
    assert len({(e.word, e.kind) for e in found}) == len(found)  # a word once per role


def test_lexicons_feed_the_coder() -> None:
    from wirescope.nlp.coding import lexicon, modal_cues, source_finders

    assert words("verb_classes", "light") == lexicon.LIGHT_VERBS and "take" in lexicon.LIGHT_VERBS
    assert lexicon.EVENT_NOUNS["talk"] == "046" and codes("event_nouns", "nominal")["attack"] == "ATTACK"
    assert "likely" in modal_cues._HEDGES and "in" in lexicon.PLACE_PREPS
    assert codes("event_nouns", "nominal") == source_finders.NOMINAL


@pytest.mark.parametrize(("line", "message"), [
    ("take\tlight", "3 tab-separated columns"),
    ("take\tlight\t ", "none empty"),
    ("take\theavy\tnot a class", "unknown class 'heavy'"),
    ("hope\tintent\tone\nhope\tintent\ttwice", "listed twice"),
    ("take\tlight\tin the dictionary", "kept in wirescope/data/events/light_verbs.txt"),
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


def test_light_verbs_and_event_nouns_are_petrarch_verb_blocks() -> None:
    """light_verbs.txt is PETRARCH verb format: the standard reader sees its verbs and patterns, and the lexicon
    serves the same words from it (a verb of a block is one class, a noun of its patterns another)."""
    from importlib import resources

    from wirescope.nlp.resources.petrarch import Dictionaries, read_verbs

    parsed = Dictionaries()
    read_verbs(resources.files("wirescope.data").joinpath("events/light_verbs.txt").read_text("utf-8"), parsed)
    assert {e.lemma.lower() for e in parsed.verbs["HOLD"]} == {"hold"} and "hold" in words("verb_classes", "light")
    assert any(p.post == ("TALK",) and p.code == "046" for p in parsed.patterns["LIGHT"])
    assert codes("event_nouns", "act")["assassination"] == "186" and "wage" in words("verb_classes", "perform")
    assert {file for file, _ in dictionary_entries()} == {"verb_classes", "event_nouns"}


@pytest.mark.parametrize(("text", "message"), [
    ("HOLD  # no block", "block header"),
    ("--- HEAVY [---] ---\nHOLD  # x", "unknown block 'HEAVY'"),
    ("--- LIGHT [---] ---\nHOLD", "'#' comment"),
    ("--- LIGHT [---] ---\n- * TALK [046]  # a\n- * TALK [046]  # b", "listed twice"),
    ("--- LIGHT [---] ---\n- * PEACE TALK [046]  # two nouns", "one noun"),
    ("--- LIGHT [---] ---\nHOLD [040]  # own code", "one noun"),
])
def test_a_bad_dictionary_line_names_file_and_line(text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message) as info:
        parse_dictionary("# header\n" + text, "light_verbs.txt")
    assert "light_verbs.txt:" in str(info.value)
