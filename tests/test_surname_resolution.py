"""A lone surname resolves to the person the article names in full, and a full name that is not the dictionary
person's does not match them (issue 17, actors resolved across the article).

The bug these guard against: "Mr Howard" (UK Conservative leader Michael Howard) was coded as Australia's John
Howard, and "Mr Kennedy" (Charles Kennedy) as John F. Kennedy, because a second "Mr Howard" in the article counted
as the fuller name a lone surname refers back to, and that mention carried the dictionaries' guess by surname.
"""

from __future__ import annotations

from wirescope.nlp.coding.rules.examples import example_coder


def _sources(nlp, text: str) -> dict[str, str | None]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    return {doc[c.trigger].text: (c.source.code if c.source else None) for c in example_coder().code_doc(doc, None)}


def test_repeated_honorific_surname_is_not_the_listed_namesake(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Tory plans to cut immigration are fair, Michael Howard has said. Mr Howard said they would smash the "
            "gangs. Mr Howard criticised France.")
    codes = _sources(nlp, text)
    assert not any((c or "").startswith("AUS") for c in codes.values()), codes


def test_a_different_given_name_is_another_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Liberal Democrat leader Charles Kennedy said the war was wrong. Mr Kennedy met Tony Blair. "
            "Mr Kennedy criticised France.")
    codes = _sources(nlp, text)
    assert not any((c or "").startswith("USA") for c in codes.values()), codes


def test_the_same_given_name_is_the_listed_person(nlp) -> None:  # type: ignore[no-untyped-def]
    # the dictionaries list "William Jefferson Hague": "William Hague" and then "Mr Hague" are him
    text = "Former Conservative leader William Hague spoke on Monday. Mr Hague criticised France."
    codes = _sources(nlp, text)
    assert (codes.get("criticised") or "").startswith("GBR"), codes


def test_a_surname_still_refers_back_to_a_known_full_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Japanese Prime Minister Shinzo Abe visited China. Mr Abe met officials. Abe criticised France."
    codes = _sources(nlp, text)
    assert (codes.get("criticised") or "").startswith("JPN"), codes
