"""Gender agreement of personal pronouns (nlp/gender.py): what the article says of a person, and nothing else."""

from __future__ import annotations

from typing import Any

import pytest

from wirescope.nlp.gender import FEM, MASC, Genders, agrees, gendered_words, pronoun_gender


def _tok(doc: Any, word: str) -> Any:
    return next(t for t in doc if t.text == word)


def test_the_table_has_titles_and_role_nouns_of_both_genders() -> None:
    words = gendered_words()
    assert words["title"]["mrs"] == FEM and words["title"]["mr"] == MASC
    assert words["role"]["spokeswoman"] == FEM and words["role"]["son"] == MASC
    assert "chairman" not in words["role"] and "spokesman" not in words["role"]  # said of women too


@pytest.mark.parametrize(("text", "name", "want"), [
    ("Mr Blair met Ms Hewitt in London.", "blair", MASC),
    ("Mr Blair met Ms Hewitt in London.", "hewitt", FEM),
    ("Baroness Boothroyd spoke on Sunday.", "boothroyd", FEM),
    ("Foreign Office spokeswoman Jane Doe said so.", "doe", FEM),
    ("Jane Doe, the actress, said so.", "doe", FEM),
    ("Ruth Kelly spoke to Tim Collins.", "kelly", None),  # a given name tells nothing here
    ("Mr Blair and his wife, Cherie Blair, arrived.", "blair", None),  # both genders said of the surname
])
def test_the_article_gives_a_person_s_gender(nlp: Any, text: str, name: str, want: str | None) -> None:
    assert Genders(nlp(text)).of([name]) == want


def test_a_full_name_keeps_what_is_said_of_it(nlp: Any) -> None:
    genders = Genders(nlp("Mr Blair and his wife, Cherie Blair, arrived."))
    assert genders.of(["cherie", "blair"]) == FEM and genders.of(["tony", "blair"]) is None


def test_pronouns_ask_their_gender_and_unknown_agrees(nlp: Any) -> None:
    doc = nlp("She said he would go and they agreed it was right.")
    she, he, they, it = (_tok(doc, w) for w in ("She", "he", "they", "it"))
    assert pronoun_gender(she) == FEM and pronoun_gender(he) == MASC
    assert pronoun_gender(they) is None and pronoun_gender(it) is None
    assert not agrees(she, MASC) and not agrees(he, FEM) and agrees(she, None) and agrees(they, MASC)


@pytest.mark.parametrize(("text", "name", "want"), [
    ("Sajid Javid defended his decision on Tuesday.", "javid", MASC),
    ("Angela Merkel announced her resignation.", "merkel", FEM),
    ("Sajid Javid met her on Tuesday.", "javid", None),  # an object "her" is someone else
    ("Sajid Javid said the girl's mother had lost her daughter.", "javid", None),  # another subject binds it
    ("Mr Javid defended her decision.", "javid", MASC),  # a title outweighs a pronoun
])
def test_a_person_binds_the_possessives_of_their_clause(nlp: Any, text: str, name: str, want: str | None) -> None:
    assert Genders(nlp(text)).of([name]) == want


def test_a_surname_shared_by_two_persons_says_nothing_of_either(nlp: Any) -> None:
    genders = Genders(nlp("Ozzy Osbourne said his family would stop. His wife Sharon agreed. Sharon Osbourne is a "
                          "judge on the show."))
    assert genders.of(["sharon", "osbourne"]) is None and genders.of(["osbourne"]) is None
    assert genders.of(["ozzy", "osbourne"]) == MASC


def test_an_office_before_the_name_is_no_first_name(nlp: Any) -> None:
    genders = Genders(nlp("Prime Minister Yulia Tymoshenko spoke. Ms Tymoshenko said the list was final."))
    assert genders.of(["prime", "minister", "yulia", "tymoshenko"]) == FEM and genders.of(["tymoshenko"]) == FEM
