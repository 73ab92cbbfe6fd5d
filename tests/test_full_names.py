"""The persons an article names in full (``nlp/coding/full_names.py``), from stored hand-checked parses."""

from __future__ import annotations

from wirescope.nlp.coding.actors import default_actor_coder
from wirescope.nlp.coding.full_names import FullNames, owner
from wirescope.nlp.coding.rules.examples import doc_from_conllu, load_examples


def _doc(rule: str, number: int):  # type: ignore[no-untyped-def]
    example = next(e for e in load_examples(rule) if e.number == number)
    return doc_from_conllu(example.conllu)


def test_owner_of_codes() -> None:
    assert owner("IRNMIL") == "IRN"
    assert owner("IGOUNO") == "IGO"  # an organisation owns its officials, though it has no country
    assert owner("---GOV") is None
    assert owner(None) is None


def test_described_person_and_their_surname() -> None:
    # "Marta Velikova, Bulgaria's foreign minister, spoke ... Velikova criticized Russia."
    doc = _doc("actors.surname-of-a-person-named-in-full", 2)
    names = FullNames(doc, default_actor_coder(), None)
    assert [(m.words, m.code) for m in names.names] == [(("marta", "velikova"), "BGRGOV")]
    later = next(t for t in doc if t.text == "Velikova" and t.i > names.names[0].end)
    assert names.person(later) is names.names[0]


def test_a_surname_match_alone_is_not_the_full_name() -> None:
    # "Maj. Gen. Karim Nasser, the army's spokesman, ...": the dictionaries know "Nasser" (Egypt), not this man;
    # his description gives a role without a country
    doc = _doc("actors.surname-of-a-person-named-in-full", 5)
    names = FullNames(doc, default_actor_coder(), None)
    assert len(names.names) == 1 and owner(names.names[0].code) is None


def test_names_with_two_countries_resolve_to_nobody() -> None:
    # "Pakistani minister Ali Khan and Afghan minister Amir Khan spoke ... Khan criticized India."
    doc = _doc("actors.surname-of-a-person-named-in-full", 4)
    names = FullNames(doc, default_actor_coder(), None)
    lone = [t for t in doc if t.text == "Khan"][-1]
    assert names.person(lone) is None


def test_pronoun_antecedent_is_the_nearest_subject() -> None:
    # "Karim Haddad, a senior Hezbollah commander, spoke on Sunday. He condemned Israel."
    doc = _doc("actors.pronoun-refers-to-a-person-named-in-full", 1)
    names = FullNames(doc, default_actor_coder(), None)
    he = next(t for t in doc if t.lower_ == "he")
    found = names.person_before(he, 2)
    assert found is not None and found.words == ("karim", "haddad") and found.subject
