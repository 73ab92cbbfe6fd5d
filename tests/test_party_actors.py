"""Major national political parties in the bundled actor supplement (PTY with their country), and the readings a
linguist would flag as not the party: common nouns, other countries' parties, the US Congress."""

from __future__ import annotations

from datetime import date

import pytest

from wirescope.nlp.coding.actors import ActorCoder, default_actor_coder

DAY = date(2005, 3, 1)


@pytest.fixture(scope="module")
def actors() -> ActorCoder:
    return default_actor_coder()


def code(nlp, actors: ActorCoder, text: str, phrase: str) -> str | None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    start = text.index(phrase)
    return actors.code_actor(doc.char_span(start, start + len(phrase), alignment_mode="expand"),
                             article_date=DAY).code


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Labour accused the Tories of lying about taxes.", "Labour", "GBRPTY"),
        ("Labour accused the Tories of lying about taxes.", "the Tories", "GBRPTY"),
        ("The Liberal Democrats criticised the Conservatives.", "The Liberal Democrats", "GBRPTY"),
        ("The Liberal Democrats criticised the Conservatives.", "the Conservatives", "GBRPTY"),
        ("UKIP officials said they would stand in every seat.", "UKIP officials", "GBRPTY"),
        ("The SNP demanded a second referendum.", "The SNP", "GBRPTY"),
        ("Plaid Cymru backed the bill in Cardiff.", "Plaid Cymru", "GBRPTY"),
        ("Reform UK won the by-election.", "Reform UK", "GBRPTY"),
        ("Tory leader Michael Howard attacked the plans.", "Tory leader Michael Howard", "GBRPTY"),
        ("Republicans blocked the spending bill.", "Republicans", "USAPTY"),
        ("The Democrats accused the White House of delay.", "The Democrats", "USAPTY"),
        ("The GOP blocked the nomination in the Senate.", "The GOP", "USAPTY"),
        ("The BJP won the state election in Gujarat.", "The BJP", "INDPTY"),
        ("The Congress party lost ground in Delhi.", "The Congress party", "INDPTY"),
        ("The ANC expelled the former president.", "The ANC", "ZAFPTY"),
        ("The CDU and the SPD agreed a coalition.", "The CDU", "DEUPTY"),
        ("The AfD gained seats in Saxony.", "The AfD", "DEUPTY"),
        ("The LDP chose a new leader in Tokyo.", "The LDP", "JPNPTY"),
        ("The CHP accused the AKP of fraud.", "the AKP", "TURPTY"),
        ("Likud voted against the plan.", "Likud", "ISRPTY"),
        ("The PML-N and the PTI traded accusations.", "the PTI", "PAKPTY"),
        ("The MDC boycotted the vote.", "The MDC", "ZWEPTY"),
        ("The ODM rejected the results.", "The ODM", "KENPTY"),
    ],
)
def test_parties(nlp, actors: ActorCoder, text: str, phrase: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert code(nlp, actors, text, phrase) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "not_expected"),
    [
        # common nouns: lower case in a capitalised text
        ("The labour market tightened as wages rose.", "The labour market", "GBRPTY"),
        ("The report condemned child labour in the mines.", "child labour", "GBRPTY"),
        ("Many conservatives opposed the ruling.", "Many conservatives", "GBRPTY"),
        ("Irish republicans marched in Belfast.", "Irish republicans", "USAPTY"),
        # other countries' parties whose names contain an alias
        ("The Sweden Democrats gained seats.", "The Sweden Democrats", "USAPTY"),
        ("The Social Democrats won in Denmark.", "The Social Democrats", "USAPTY"),
        ("Republican Guard units attacked the town.", "Republican Guard units", "USAPTY"),
        ("The Liberal Democratic Party of Russia backed the law.", "The Liberal Democratic Party of Russia",
         "JPNPTY"),
        # bare "Congress" stays the (US) legislature
        ("Congress passed the bill on Friday.", "Congress", "INDPTY"),
    ],
)
def test_not_the_party(nlp, actors: ActorCoder, text: str, phrase: str, not_expected: str) -> None:  # type: ignore[no-untyped-def]
    assert code(nlp, actors, text, phrase) != not_expected


def test_other_parties_keep_their_country(nlp, actors: ActorCoder) -> None:  # type: ignore[no-untyped-def]
    assert code(nlp, actors, "The Sweden Democrats gained seats.", "The Sweden Democrats") == "SWEPTY"
    assert code(nlp, actors, "Congress passed the bill on Friday.", "Congress") == "---LEG"
    assert code(nlp, actors, "The African National Congress won.", "The African National Congress") == "ZAFPTY"


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # a country named as the party's possessor, demonym or "of" phrase owns it (review 7, finding 4)
        ("New Zealand's Labour Party criticised Australia.", "New Zealand's Labour Party", "NZLPTY"),
        ("Norway's Labour Party accused Sweden of dumping fish.", "Norway's Labour Party", "NORPTY"),
        ("The Conservative Party of Canada accused France of meddling.", "The Conservative Party of Canada",
         "CANPTY"),
        ("Japan's Democrats criticised China over the gas field.", "Japan's Democrats", "JPNPTY"),
        ("Britain's Labour Party criticised France.", "Britain's Labour Party", "GBRPTY"),
        # Northern Ireland's dissident republicans are no US party
        ("Dissident Republicans attacked a police station in Belfast.", "Dissident Republicans", "GBRREB"),
    ],
)
def test_named_country_owns_the_party(nlp, actors: ActorCoder, text: str, phrase: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert code(nlp, actors, text, phrase) == expected
