"""Actors resolved across the article (``nlp/coding/referents.py``) and coded as of the article's date (the office
holders table): the mention keeps its own span, the trace names the rule, and ``actors lookup`` agrees."""

from __future__ import annotations

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from wirescope.cli.main import build_app
from wirescope.nlp.coding.actors import default_actor_coder
from wirescope.nlp.coding.rules.examples import example_coder

runner = CliRunner()


def _events(nlp, text: str, day: date | None = None):  # type: ignore[no-untyped-def]
    doc = nlp(text)
    return doc, example_coder().code_doc(doc, day)


def _by_trigger(doc, codings, word: str):  # type: ignore[no-untyped-def]
    return [c for c in codings if doc[c.trigger].text == word]


def test_surname_pronoun_and_role_take_the_actor_named_before(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Pakistani Prime Minister Imran Khan visited Kabul on Monday. Khan criticized India. "
            "He praised China. The prime minister condemned Israel.")
    doc, codings = _events(nlp, text)
    # "He" after a person named in full with a title resolves through the person's own rule
    # (actors.pronoun-refers-to-a-person-named-in-full) or the general one; either way it is Khan's Pakistan.
    for word, rules in (("criticized", {"actors.surname-refers-back"}),
                        ("praised", {"actors.pronoun-refers-back", "actors.pronoun-refers-to-a-person-named-in-full"}),
                        ("condemned", {"actors.role-refers-back"})):
        [c] = _by_trigger(doc, codings, word)
        assert (c.source.code or "").startswith("PAK"), (word, c.source)
        assert rules & set(c.trace), (word, c.trace)
        # the event keeps the mention's own span ("Khan", "He", "The prime minister"), not the antecedent's
        assert c.source.start > doc[c.trigger].sent.start - 1 and c.source.end <= doc[c.trigger].i


def test_a_role_in_the_lead_is_not_the_country_named_beside_it(nlp) -> None:  # type: ignore[no-untyped-def]
    _doc, codings = _events(nlp, "Japan wants China to release the fishermen.")
    assert all("actors.role-takes-the-article-country" not in c.trace or not c.target
               or not (c.target.code or "").startswith("CHN") for c in codings)


def test_without_an_earlier_name_nothing_is_resolved(nlp) -> None:  # type: ignore[no-untyped-def]
    _doc, codings = _events(nlp, "He criticized Russia. Khan praised India.")
    assert not any(c.source.code and c.source.code[:3] in ("PAK", "GBR") for c in codings)


@pytest.mark.parametrize(("name", "day", "code"), [
    ("Donald Trump", date(2018, 5, 1), "USAGOV"),
    ("Donald Trump", date(2023, 5, 1), "USAELI"),  # between his terms: a former leader
    ("Donald Trump", date(2025, 3, 1), "USAGOV"),
    ("Shinzo Abe", date(2023, 1, 10), "JPNELI"),
    ("Olaf Scholz", date(2023, 3, 1), "DEUGOV"),
    ("Mark Rutte", date(2020, 3, 1), "NLDGOV"),
    ("Mark Rutte", date(2025, 3, 1), "IGOWSTNAT"),  # NATO's secretary general since October 2024
    ("Taliban", date(2019, 3, 1), "AFGREB"),
    ("Taliban", date(2025, 3, 1), "AFGGOV"),  # Afghanistan's government since 15 August 2021
])
def test_people_are_coded_as_of_the_article_date(name: str, day: date, code: str) -> None:
    assert default_actor_coder().code_actor(name, article_date=day).code == code


def test_the_president_of_the_article_country_is_its_holder_that_day(nlp) -> None:  # type: ignore[no-untyped-def]
    coder = default_actor_coder()
    doc = nlp("The president spoke.")
    assert coder.office_holder_code("USA", doc[1], date(2018, 5, 1)) == "USAGOV"
    assert coder.office_holder_code("USA", doc[1], None) is None
    assert coder.office_holder_code("USA", nlp("The ambassador spoke.")[1], date(2018, 5, 1)) is None


def test_cli_lookup_shows_the_coder_s_resolution() -> None:
    result = runner.invoke(build_app(), ["actors", "lookup", "Olaf Scholz", "--on", "2023-03-01", "--json"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert found["dictionary"]["code"] == default_actor_coder().code_actor("Olaf Scholz",
                                                                            article_date=date(2023, 3, 1)).code
    assert found["dictionary"]["code"] == "DEUGOV"


def test_the_article_country_prefers_the_subjects_of_earlier_sentences(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Germany praised Kenya for its role in the talks with Somalia. The ministry thanked France."
    doc, codings = _events(nlp, text)
    [c] = _by_trigger(doc, codings, "thanked")
    assert c.source.code == "DEUGOV"  # the subject Germany, not Somalia, named last as an object
    assert "actors.role-takes-the-article-country" in c.trace


def test_a_news_outlet_named_before_gives_no_article_country(nlp) -> None:  # type: ignore[no-untyped-def]
    # "told the BBC" twice would outnumber Kenya, but the channel of the news is no party to it
    text = ("Kenyan officials told the BBC that the election was fair. The BBC reported that Ruto had won. "
            "Police arrested the protesters.")
    doc, codings = _events(nlp, text)
    [c] = _by_trigger(doc, codings, "arrested")
    assert c.source.code == "KENCOP"
    assert "actors.role-takes-the-article-country" in c.trace


@pytest.mark.parametrize(("text", "trigger", "code"), [
    ("Iran denied the charge. Sara Sendek, a spokesperson for DHS, accused Tehran of hacking.", "accused", "USAGOV"),
    ("Syria denied it. Mark Smith, a spokesman for the Pentagon, accused Damascus of lying.", "accused", "USAMIL"),
])
def test_a_person_in_apposition_with_a_spokesman_speaks_for_the_owner(  # type: ignore[no-untyped-def]
        nlp, text: str, trigger: str, code: str) -> None:
    # the appositive's own phrase leaves out its "for" phrase, so the article's country made her IRNMED
    doc, codings = _events(nlp, text)
    [c] = _by_trigger(doc, codings, trigger)
    assert c.source.code == code
    assert "actors.spokesman-speaks-for-the-owner" in c.trace


def test_quotation_speakers_resolve_through_the_same_mechanism() -> None:
    import wirescope

    text = ("Pakistani Prime Minister Imran Khan visited Kabul on Monday.\n\n"
            "\"This is a good day for both countries,\" the prime minister said.")
    analysis = wirescope.analyze(text, published="2019-06-01")
    [quote] = analysis.quotes
    assert quote.speaker is not None and quote.speaker.text == "the prime minister"  # the mention's own span
    assert quote.speaker.code == "PAKGOV"


def test_speakers_known_by_their_title_take_the_events_actor() -> None:
    """A person the dictionaries do not know, described by a title in the article ("Finance Minister Muhammad
    Aurangzeb"), is coded as the event coder codes them, as a speaker too: the surname and the pronoun after it."""
    import wirescope

    text = ("Pakistan's Finance Minister Muhammad Aurangzeb met IMF officials in Washington on Monday.\n\n"
            "\"The talks were constructive,\" Aurangzeb said.\n\n"
            "\"We will meet again next month,\" he said. Aurangzeb criticized India.")
    analysis = wirescope.analyze(text, published="2024-06-01")
    codes = {q.speaker.text: q.speaker.code for q in analysis.quotes if q.speaker is not None}
    [event] = [e for e in analysis.events if e.trigger.text == "criticized"]
    assert event.source is not None and (event.source.code or "").startswith("PAK")
    assert codes.get("Aurangzeb") == event.source.code
    assert codes.get("he") == event.source.code


@pytest.mark.parametrize("published", [None, "2005-02-07"])
def test_a_speaker_guessed_by_surname_is_resolved_as_the_events_are(published: str | None) -> None:
    """"Mr Howard" is John Howard (AUS) by the dictionaries' last-name guess; after "Michael Howard", whom they
    do not list, the speaker is no one they know (actors.surname-refers-back), as an event's actor is, even where
    the article names Australia (an "Australian-style" system); where the article names John Howard, he stays."""
    import wirescope

    tory = ("Tory plans to cut immigration are not racist, Michael Howard has said. The Tories also want an "
            "Australian-style points system.\n\n\"It's not racist to talk about controlling immigration,\" Mr Howard "
            "said. He spoke in London.")
    visit = ("Australia's Prime Minister John Howard visited London on Monday.\n\n\"Britain is a friend,\" "
             "Mr Howard said. He met the Queen.")
    [tory_quote] = [q for q in wirescope.analyze(tory, published=published).quotes
                    if q.speaker is not None and q.speaker.text == "Mr Howard"]
    assert tory_quote.speaker is not None and tory_quote.speaker.code is None
    [visit_quote] = [q for q in wirescope.analyze(visit, published=published).quotes
                     if q.speaker is not None and q.speaker.text == "Mr Howard"]
    assert visit_quote.speaker is not None and (visit_quote.speaker.code or "").startswith("AUS")


def test_a_definite_description_repeats_its_antecedent_s_noun(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Protesters attacked the US embassy in Baghdad on Tuesday. Iran praised the attack. "
            "Later, police surrounded the embassy.")
    doc, codings = _events(nlp, text)
    [c] = _by_trigger(doc, codings, "surrounded")
    assert c.target is not None and c.target.code == "USAGOV"  # the US embassy, not Iran's government
    assert "actors.role-refers-back" in c.trace


def test_a_sponsor_named_in_the_phrase_blocks_the_article_country(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Iran condemned the strike on Monday. Iran-backed militia attacked the base."
    doc, codings = _events(nlp, text)
    assert all(not (c.source.code or "").startswith("IRN") for c in _by_trigger(doc, codings, "attacked"))


def test_a_role_is_placed_by_its_possessor_s_office_on_the_date(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Prime Minister Shehbaz Sharif's administration rejected the resolution.")
    head = next(t for t in doc if t.text == "administration")
    coder = default_actor_coder()
    toks = [t for t in doc[: head.i + 1]]
    assert coder.code_tokens(toks, date(2024, 6, 1), head)[0] == "PAKGOV"
    assert coder.code_tokens(toks, date(2020, 6, 1), head)[0] != "PAKGOV"  # not yet in office: no country


def test_the_wire_abbreviation_of_the_central_african_republic() -> None:
    assert default_actor_coder().code_actor("C.A.R.").code == "CAF"


def test_a_subject_pronoun_continues_the_subject_before_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Iranian Foreign Minister Javad Zarif met Russian President Vladimir Putin in Moscow. He criticized Israel."
    doc, codings = _events(nlp, text)
    [c] = _by_trigger(doc, codings, "criticized")
    assert (c.source.code or "").startswith("IRN")  # Zarif, the subject, not Putin, named last as the object


def test_foreign_roles_are_not_the_story_s_but_the_foreign_minister_is(nlp) -> None:  # type: ignore[no-untyped-def]
    doc, codings = _events(nlp, "India opened its telecom market on Monday. Foreign investors criticized the rules.")
    assert all(not (c.source.code or "").startswith("IND") for c in _by_trigger(doc, codings, "criticized"))
    doc, codings = _events(nlp, "India opened its telecom market on Monday. The foreign minister criticized Pakistan.")
    [c] = _by_trigger(doc, codings, "criticized")
    assert (c.source.code or "").startswith("IND")


@pytest.mark.parametrize(("text", "code"), [
    ("\"We will not change course,\" a Foreign Office spokesman said.", "GBRGOV"),
    ("\"The talks were useful,\" an EU spokesman said.", "IGOEUREEC"),
    ("\"The talks were useful,\" UN spokesman Stéphane Dujarric said.", "IGOUNO"),
    ("\"We regret it,\" said a South Wales Police spokeswoman.", "GBRCOP"),
    ("\"They will pay,\" an Iraqi militia spokesman said.", "IRQUAF"),
    ("\"It was a mistake,\" a BBC spokesman said.", "GBRMED"),
    ("\"No comment,\" a spokesman said.", None),
])
def test_a_spokesman_speaker_has_the_role_of_the_body(text: str, code: str | None) -> None:
    # the agents dictionary codes the word "spokesman" as the media (MED); a spokesman speaks for the body he is
    # of, and a news outlet's spokesman is the media still (actors.spokesman-has-the-role-of-the-body)
    import wirescope

    [quote] = wirescope.analyze(text).quotes
    assert quote.speaker is not None and quote.speaker.code == code


@pytest.mark.parametrize(("text", "code"), [
    ("But the Home Office defended the measures. A spokesman said: \"These men cannot be prosecuted.\"", "GBRGOV"),
    ("The BBC has said the show will not return. \"There are no plans for another series,\" a spokeswoman said.",
     "GBRMED"),
    ("Tony Blair met the Russian president. \"The talks were useful,\" a spokesman said.", None),
    ("\"We will appeal,\" a spokesman for the family said after the Home Office defended the measures.", None),
])
def test_a_bare_spokesman_speaks_for_the_body_before(text: str, code: str | None) -> None:
    # "a spokesman" with no body named is the spokesman of the body the report was about: the subject before him
    # (actors.bare-spokesman-speaks-for-the-body-before); a person is no body, one named with him is his own
    import wirescope

    [quote] = [q for q in wirescope.analyze(text).quotes if q.speaker is not None and "spokes" in q.speaker.text]
    assert quote.speaker is not None and quote.speaker.code == code
