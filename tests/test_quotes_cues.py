"""The cue lexicon file format: lemma, class and an optional 'quoted' flag."""

from __future__ import annotations

import pytest

from wirescope.errors import ConfigError
from wirescope.nlp.quotes.cues import bundled_lexicon, parse_lexicon


def test_flag_marks_quoted_only_cues() -> None:
    lex = parse_lexicon("say\tspeech\ncontinue\tspeech\tquoted\ncall for\tspeech\n", "t.txt")
    assert lex.cls("say") == "speech" and lex.quoted_only == frozenset({"continue"})
    assert lex.multi == {("call", "for"): "speech"}
    assert "continue" in bundled_lexicon().quoted_only


def test_bad_class_or_flag_names_the_line() -> None:
    with pytest.raises(ConfigError, match=r"t\.txt:2: cue class 'talk'"):
        parse_lexicon("say\tspeech\nspeak\ttalk\n", "t.txt")
    with pytest.raises(ConfigError, match=r"t\.txt:1: unknown cue flag 'always'"):
        parse_lexicon("say\tspeech\talways\n", "t.txt")
