"""A verb whose lemma the model gets wrong ("rearrested" -> "rearreste") is still found in the verb dictionary by
the stems of its regular inflection."""

from __future__ import annotations

import pytest

from wirescope.nlp.coding.syntax import regular_stems


@pytest.mark.parametrize(("form", "stem"), [
    ("REARRESTED", "REARREST"), ("NEUTRALIZED", "NEUTRALIZE"), ("RELAUNCHING", "RELAUNCH"),
    ("SANCTIONS", "SANCTION"), ("MOBILIZES", "MOBILIZE"),
])
def test_a_regular_form_gives_its_stem(form: str, stem: str) -> None:
    assert stem in regular_stems(form)


def test_short_or_uninflected_forms_give_none() -> None:
    assert regular_stems("LED") == ()
    assert regular_stems("ATTACK") == ()
