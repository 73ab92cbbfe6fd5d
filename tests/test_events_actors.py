"""Actor coding with the bundled production dictionaries, descriptors, dates and user actor files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from wirescope.errors import ConfigError
from wirescope.nlp.coding.actor_codes import compose, split_code
from wirescope.nlp.coding.actors import ActorCoder, load_actor_file
from wirescope.nlp.resources.petrarch import load_bundled

DAY = date(2020, 1, 3)


@pytest.fixture(scope="module")
def actors() -> ActorCoder:
    return ActorCoder(load_bundled())


def span(nlp, text: str, phrase: str):  # type: ignore[no-untyped-def]
    doc = nlp(text)
    start = text.index(phrase)
    return doc.char_span(start, start + len(phrase), alignment_mode="expand")


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        ("US President Donald Trump ordered the strike.", "US President Donald Trump", "USAGOV"),
        ("Israeli forces bulked up their presence.", "Israeli forces", "ISRMIL"),
        ("Iranian military commander General Qasem Soleimani was killed.",
         "Iranian military commander General Qasem Soleimani", "IRNMIL"),
        ("Thousands of protesters gathered.", "protesters", "---OPP"),
        ("The Iranian government responded.", "The Iranian government", "IRNGOV"),
        ("UN Secretary General Antonio Guterres pleaded for restraint.", "UN Secretary General Antonio Guterres",
         "IGOUNO"),
        # a carrier alone is a company (an airline), its naval formation armed forces
        ("Budget carriers cut their fares.", "Budget carriers", "---BUS"),
        ("A US carrier strike group attacked the camps.", "A US carrier strike group", "USAMIL"),
        ("Two British carrier groups sailed for the Gulf.", "Two British carrier groups", "GBRMIL"),
        # rights organisations are rights groups; the West as a bloc is the region WST, its governments WSTGOV
        ("Rights organizations condemned the arrests.", "Rights organizations", "---HRI"),
        ("Media rights organisations criticised the ban.", "Media rights organisations", "---HRI"),
        ("Western politicians called on China to limit its support.", "Western politicians", "WSTGOV"),
        ("Western powers accused Iran of violating the deal.", "Western powers", "WST"),
        ("Western countries imposed sanctions.", "Western countries", "WST"),
        # the adjective alone is no bloc: a region of a country, a state of Australia
        ("Fighting continued in western Iraq.", "western Iraq", "IRQ"),
        ("Western Australia's premier spoke.", "Western Australia's premier", "AUSGOV"),
        # the British prime minister's office by its address, as the White House and the Kremlin
        ("Downing Street has rejected the call.", "Downing Street", "GBRGOV"),
        ("The hunger strike near 10 Downing Street went on.", "10 Downing Street", "GBRGOV"),
        # British ministries and the London police, named without their country by British news
        ("The Home Office declined to comment.", "The Home Office", "GBRGOV"),
        ("Metropolitan police arrested the man.", "Metropolitan police", "GBRCOP"),
        # Germany's foreign ministry by its English name, not the British "Foreign Office" inside it
        ("The Federal Foreign Office summoned the envoy.", "The Federal Foreign Office", "DEUGOV"),
        ("Germany's Federal Foreign Office summoned the envoy.", "Germany's Federal Foreign Office", "DEUGOV"),
        ("The Foreign Office summoned the envoy.", "The Foreign Office", "GBRGOV"),
        # non-state armed groups take the country they are based in and fight in, role REB (actors_supplement.yaml)
        ("The Kurdish-led Syrian Democratic Forces captured the town.", "The Kurdish-led Syrian Democratic Forces",
         "SYRREB"),
        ("The SDF captured the town.", "The SDF", "SYRREB"),
        ("Kurdish People's Protection Units fighters shelled the base.",
         "Kurdish People's Protection Units fighters", "SYRREB"),
        ("The YPG denies any affiliation to the PKK.", "The YPG", "SYRREB"),
        ("HTS fighters seized the town.", "HTS fighters", "SYRREB"),
        ("Houthi rebels fired a missile.", "Houthi rebels", "YEMREB"),
        ("Ansar Allah fired a missile.", "Ansar Allah", "YEMREB"),
        # the Guardian's typographic apostrophe is the dictionaries' straight one
        ("Kurdish People’s Protection Units fighters shelled the base.",
         "Kurdish People’s Protection Units fighters", "SYRREB"),
        ("Police arrested members of Turkey’s Republican People’s Party.",
         "Turkey’s Republican People’s Party", "TURPTY"),
        # people of 2017-2020 news the dictionaries missed, coded on DAY (2020-01-03)
        ("The Home Secretary, Sajid Javid, spoke.", "Sajid Javid", "GBRGOV"),
        ("Senator Lindsey Graham spoke.", "Lindsey Graham", "USALEG"),
        ("Saddam Hussein's regime fell.", "Saddam Hussein", "IRQELI"),
        ("The PYD denies it.", "The PYD", "SYRPTY"),
    ],
)
def test_descriptors(nlp, actors: ActorCoder, text: str, phrase: str, code: str) -> None:  # type: ignore[no-untyped-def]
    assert actors.code_actor(span(nlp, text, phrase), article_date=DAY).code == code


def test_sponsor_is_not_the_actor(nlp, actors: ActorCoder) -> None:  # type: ignore[no-untyped-def]
    a = actors.code_actor(span(nlp, "An Iran-backed militia attacked the base.", "An Iran-backed militia"),
                          article_date=DAY)
    assert a.country is None and a.code is not None and a.code.startswith("---")


def test_person_modifier_is_not_the_actor(nlp, actors: ActorCoder) -> None:  # type: ignore[no-untyped-def]
    a = actors.code_actor(span(nlp, "A Trump ally spoke.", "A Trump ally"), article_date=DAY)
    assert a.code is None


def test_title_inside_a_dictionary_name_gives_the_office(actors: ActorCoder) -> None:
    # the dictionaries list "Russian President Vladimir Putin" as a name of Putin (RUSELI undated): the title is in
    # the name's match; undated text still says he is president
    assert actors.code_actor("Russian President Vladimir Putin").code == "RUSGOV"
    assert actors.code_actor("President Vladimir Putin").code == "RUSGOV"
    assert actors.code_actor("Vladimir Putin").code == "RUSELI"
    assert actors.code_actor("former Russian President Yeltsin").code == "RUSELI"


def test_supporters_of_a_titled_person_hold_no_office(nlp, actors: ActorCoder) -> None:  # type: ignore[no-untyped-def]
    s = span(nlp, "Supporters of President Vladimir Putin marched.", "Supporters of President Vladimir Putin")
    assert actors.code_actor(s).code == "RUSELI"


def test_date_bounded_office(nlp, actors: ActorCoder) -> None:  # type: ignore[no-untyped-def]
    s = span(nlp, "Trump spoke.", "Trump")
    assert actors.code_actor(s, article_date=date(2019, 5, 1)).code == "USAGOV"
    assert actors.code_actor(s, article_date=date(2022, 5, 1)).code == "USAELI"


def test_hts_before_and_after_it_took_damascus(nlp, actors: ActorCoder) -> None:  # type: ignore[no-untyped-def]
    s = span(nlp, "Hayat Tahrir al-Sham announced a curfew.", "Hayat Tahrir al-Sham")
    assert actors.code_actor(s, article_date=date(2019, 5, 1)).code == "SYRREB"
    assert actors.code_actor(s, article_date=date(2025, 1, 10)).code == "SYRGOV"


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        # news agencies and broadcasters are of their home country, never the article's (a role without a country
        # took it: "Reuters" KORMED, "AFP" SYRMED, "the BBC News website" KENMED)
        ("Pyongyang fired a missile, Reuters reported.", "Reuters", "GBRMED"),
        ("The AFP news agency said the town fell.", "The AFP news agency", "FRAMED"),
        ("Agence France-Presse said the town fell.", "Agence France-Presse", "FRAMED"),
        ("The minister told the Associated Press that talks went on.", "the Associated Press", "USAMED"),
        ("He told the BBC News website that he would stay.", "the BBC News website", "GBRMED"),
        # the adjective of Sweden, as "Danish" and "Norwegian" are of theirs
        ("Swedish police arrested the man.", "Swedish police", "SWECOP"),
        # a finance ministry is a government body (its country from the article or the phrase), its bonds are not
        ("The Treasury said the plan was fair.", "The Treasury", "---GOV"),
        ("The US Treasury said the plan was fair.", "The US Treasury", "USAGOV"),
        ("Treasury bonds rose.", "Treasury bonds", None),
    ],
)
def test_media_demonyms_and_a_finance_ministry(nlp, actors: ActorCoder, text: str, phrase: str,  # type: ignore[no-untyped-def]
                                                code: str | None) -> None:
    assert actors.code_actor(span(nlp, text, phrase), article_date=DAY).code == code


@pytest.mark.parametrize(("text", "phrase", "code"), [
    ("Ahmed al-Assadi said the strike was a crime.", "Ahmed al-Assadi", None),  # not Bashar al-Assad
    ("Anna Lavrova criticised Ukraine.", "Anna Lavrova", None),  # not Sergey Lavrov
    ("Bashar al-Assad said the strike was a crime.", "Bashar al-Assad", "SYRGOV"),
    ("Assad said the strike was a crime.", "Assad", "SYRGOV"),
])
def test_a_listed_last_name_matches_whole(nlp, actors: ActorCoder, text: str, phrase: str,  # type: ignore[no-untyped-def]
                                          code: str | None) -> None:
    assert actors.code_actor(span(nlp, text, phrase), article_date=DAY).code == code


def test_plain_text_and_record_fields(actors: ActorCoder) -> None:
    a = actors.code_actor("Israeli troops", article_date=DAY)
    assert (a.code, a.country, a.roles, a.start, a.end) == ("ISRMIL", "ISR", ("MIL",), 0, 14)


def test_user_actor_file_extends_and_overrides(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "actors.yaml"
    path.write_text(
        "actors:\n"
        "  - name: Zorblax Front\n    code: XYZREB\n    aliases: [the Front]\n"
        "  - name: Iran\n    code: IRNTST\n"
    )
    coder = ActorCoder(load_bundled(), path)
    assert coder.code_actor(span(nlp, "The Zorblax Front attacked.", "The Zorblax Front")).code == "XYZREB"
    assert coder.code_actor(span(nlp, "Iran attacked.", "Iran")).code == "IRNTST"
    csv_path = tmp_path / "actors.csv"
    csv_path.write_text("name,code,aliases,start,end\nJane Roe,GBRGOV,Roe,2019-01-01,2020-12-31\n")
    ((names, entry),) = load_actor_file(csv_path)
    assert names == ["Jane Roe", "Roe"] and entry.code_on(date(2020, 1, 1)) == "GBRGOV"
    assert entry.code_on(date(2021, 1, 1)) is None


def test_bad_actor_files(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("actors:\n  - name: X\n")
    with pytest.raises(ConfigError, match="entry 1"):
        load_actor_file(bad)
    with pytest.raises(ConfigError, match="unknown format"):
        load_actor_file(tmp_path.joinpath("a.txt").resolve() if tmp_path.joinpath("a.txt").write_text("x") else bad)
    with pytest.raises(ConfigError, match="does not exist"):
        load_actor_file(tmp_path / "missing.csv")


def test_compose_and_split() -> None:
    assert compose("USA", [("GOV", False)]) == "USAGOV"
    assert compose(None, [("OPP", False)]) == "---OPP"
    assert compose("ARN", [("NGO", True), ("GOV", False)]) == "NGOARNGOV"
    assert split_code("IRNMIL") == ("IRN", ("MIL",))
    assert split_code("IGOUNO") == (None, ("IGO", "UNO"))
    assert split_code("---OPP") == (None, ("OPP",))


def test_module_level_code_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    from wirescope.nlp.coding.actors import code_actor

    doc = nlp("Iranian President Hassan Rouhani spoke.")
    actor = code_actor(doc[0:4], doc, DAY)
    assert actor.code == "IRNGOV" and actor.country == "IRN" and actor.text == "Iranian President Hassan Rouhani"
    assert code_actor("Hezbollah").code == "LBNREB"
    assert code_actor("the weather").code is None


@pytest.mark.parametrize(("text", "phrase", "code"), [
    ("The Iraqi government condemned the attack.", "The Iraqi government", "IRQGOV"),
    ("Iraqi troops entered Falluja.", "Iraqi troops", "IRQMIL"),
    ("Baghdad rejected the claim.", "Baghdad", "IRQ"),
    ("Officials in Basra said the town was calm.", "Basra", "IRQ"),
    ("The Kurdistan Regional Government welcomed the vote.", "The Kurdistan Regional Government", "IRQGOV"),
])
def test_iraq_keeps_its_country_in_the_occupation_years(nlp, actors: ActorCoder, text: str,  # type: ignore[no-untyped-def]
                                                        phrase: str, code: str) -> None:
    # Phoenix's [IRQOCC 1920030320-20060520] has a malformed date: the supplement keeps Iraq IRQ from 2003 to 2006
    for day in (date(2002, 6, 1), date(2005, 1, 10), date(2008, 6, 1)):
        assert actors.code_actor(span(nlp, text, phrase), article_date=day).code == code
