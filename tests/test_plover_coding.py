"""Coding of real-news phrasing measured by the PLOVER gold set: verb supplement, actor fallbacks, record scoring."""

from __future__ import annotations

from datetime import date

import pytest

from wirescope.eval.events import PloverRecord, Produced, _pick
from wirescope.nlp.coding.actors import ActorCoder
from wirescope.nlp.coding.engine import EventCoder
from wirescope.nlp.resources.cameo import plover_for
from wirescope.nlp.resources.petrarch import Dictionaries, load_dictionaries, read_verbs


@pytest.fixture(scope="module")
def dicts() -> Dictionaries:
    return load_dictionaries(None)


@pytest.fixture(scope="module")
def actors(dicts: Dictionaries) -> ActorCoder:
    return ActorCoder(dicts)


@pytest.fixture(scope="module")
def coder(dicts: Dictionaries, actors: ActorCoder) -> EventCoder:
    return EventCoder(dicts, actors, require_target=False)


def _codes(nlp, coder: EventCoder, text: str, day: date | None = None) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    return [(c.code, c.source.code) for c in coder.code_doc(doc, day)]


# --------------------------------------------------------------------------------------------------- dictionaries


def test_synset_after_a_block_is_not_read_as_verbs() -> None:
    d = Dictionaries()
    read_verbs("--- AVENGE [138] ---\nAVENGE\n\n&CALMING\n+CALM\n+SOOTHE\n\n--- ADOPT [081] ---\nADOPT\n", d)
    assert "CALM" not in d.verbs and "SOOTHE" not in d.verbs
    assert d.synsets["&CALMING"] == [("CALM",), ("SOOTHE",)]
    assert [e.code for e in d.verbs["ADOPT"]] == ["081"] and [e.code for e in d.verbs["AVENGE"]] == ["138"]


def test_verb_glued_to_its_neighbours_by_connectors() -> None:
    d = Dictionaries()
    read_verbs("--- MOVE [---] ---\nMOVE\n- *_OUT [074]\n- RECENTLY_* [025]\n- SO IN_AND_*_OUT_AGAIN NOW [074]\n", d)
    got = {(p.pre, p.post, p.code) for p in d.patterns["MOVE"]}
    assert got == {((), ("OUT",), "074"), (("RECENTLY",), (), "025"), (("SO", "IN_AND"), ("OUT_AGAIN", "NOW"), "074")}


def test_supplement_extends_bundled_verbs(dicts: Dictionaries) -> None:
    # the supplement's own block comes first (its default wins) and the bundled block's patterns still apply
    blocks = [e.block for e in dicts.verbs["EASE"]]
    assert blocks[0] == "EASE" and "FACILITATE" in blocks
    assert dicts.verbs["EASE"][0].code == "080"
    assert ("DE-ESCALATE",) in dicts.synsets["&DEESCALATE"]


@pytest.mark.parametrize(
    ("text", "code", "plover"),
    [
        ("Serbia eased restrictions on the press in Montenegro.", "081", "CONCEDE"),
        ("The government accepted demands from the rebels.", "083", "CONCEDE"),
        ("The rebels dismissed an appeal from the president to lay down their arms.", "120", "REJECT"),
        ("Angry farmers blocked the bridge between France and Germany.", "144", "PROTEST"),
    ],
)
def test_supplement_verb_classes(nlp, coder: EventCoder, text: str, code: str, plover: str) -> None:  # type: ignore[no-untyped-def]
    codes = [c for c, _ in _codes(nlp, coder, text, date(2000, 1, 1))]
    assert codes and codes[0] == code
    assert plover_for(code, "asserted")[0] == plover


# --------------------------------------------------------------------------------------------------- actors


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("APEC", "IGO"),
        ("Asia-Pacific Economic Cooperation", "IGO"),
        ("OSCE", "IGOEUR"),
        ("World Trade Organization", "IGOBUS"),  # not the group whose alias is the bare word "Organization"
        ("UNITA", "AGOREB"),  # ISO code, not the dictionary's "ANG"
        ("Third World Water Forum", "NGO"),
        ("Members of the Association of African Jurists", "NGO"),
    ],
)
def test_organisations(actors: ActorCoder, name: str, code: str) -> None:
    assert actors.code_actor(name).code == code


def test_generic_words_are_not_organisations(actors: ActorCoder) -> None:
    assert actors.code_actor("the forum").code is None
    assert actors.code_actor("Organization").code is None


def test_regional_group_takes_the_named_country(nlp, actors: ActorCoder) -> None:  # type: ignore[no-untyped-def]
    # the dictionary codes these groups by region (MEAREB); a country in or before the name is more precise
    assert actors.code_actor("Kach").code == "MEAREB"
    assert actors.code_actor("Palestinian Islamic Jihad").code == "PSEREB"
    doc = nlp("The Israeli Kach group said it would march.")
    assert actors.code_actor(doc[0:4]).code == "ISRREB"


def test_ethnic_group_in_a_federation_country(nlp, actors: ActorCoder) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The Albanians of southern Serbia are demanding autonomy.")
    # in 2001 Serbia is coded within Serbia and Montenegro (SCGSRB): still the country the group lives in
    assert actors.code_actor(doc[0:5], article_date=date(2001, 5, 1)).country == "SRB"


def test_surname_of_a_dictionary_person(actors: ActorCoder) -> None:
    assert actors.code_actor("President Mugabe", article_date=date(2002, 3, 1)).code == "ZWEGOV"
    assert actors.code_actor("Mr. Bouteflika", article_date=date(2001, 1, 1)).country == "DZA"
    # another first name is another person; a surname shared across countries names nobody
    assert actors.code_actor("Grace Mugabe").code is None
    assert actors.code_actor("Kim").code is None


def test_surname_fallback_is_off_for_suite_dictionaries(dicts: Dictionaries) -> None:
    suite = ActorCoder(dicts, supplement=False)
    assert suite.code_actor("President Mugabe").country is None


# --------------------------------------------------------------------------------------------------- scoring


def _record() -> PloverRecord:
    return PloverRecord("r", None, "text", "THREATEN", ("FRA",), ("DEU",), ("",), ("",))


def test_pick_prefers_the_same_threat_with_its_target() -> None:
    bare = Produced("FRAGOV", "", "130", plover="THREATEN", source_country="FRA")
    full = Produced("FRAGOV", "DEU", "1721", plover="THREATEN", source_country="FRA", target_country="DEU")
    other = Produced("DEUGOV", "FRA", "130", plover="THREATEN", source_country="DEU", target_country="FRA")
    assert _pick(_record(), [bare, full]) is full
    assert _pick(_record(), [bare, other]) is bare  # another source's event is another event
    assert _pick(_record(), [full, bare]) is full


def test_pick_keeps_class_order() -> None:
    statement = Produced("FRAGOV", "DEU", "010", plover=None, source_country="FRA", target_country="DEU")
    bare = Produced("FRAGOV", "", "130", plover="THREATEN", source_country="FRA")
    accuse = Produced("FRAGOV", "DEU", "111", plover="ACCUSE", source_country="FRA", target_country="DEU")
    assert _pick(_record(), [statement, bare, accuse]) is bare
    assert _pick(_record(), [statement]) is statement


def test_division_named_with_a_division_word(actors: ActorCoder) -> None:
    assert actors.code_actor("The government of Sindh province").code == "PAKGOV"
    assert actors.code_actor("the province of Sindh").code == "PAK"
    # without the word a name may be anything (a person, a company); a name in two countries names neither
    assert actors.code_actor("Sindh").code is None
    assert actors.code_actor("Punjab province").country is None


@pytest.mark.parametrize(
    ("name", "code"),
    [("Kampuchean guerrilla camps", "KHMREB"), ("the Emirates", "ARE"), ("Uighur activists", "CHNOPP"),
     ("Zairean troops", "CODMIL")],
)
def test_names_and_demonyms_missing_from_the_dictionaries(actors: ActorCoder, name: str, code: str) -> None:
    assert actors.code_actor(name).code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Kazakhstan and Russia negotiated a new border treaty.", "046"),
        ("Rebels freed 20 hostages on Monday.", "0841"),  # a release pattern of the bundled block
        ("Thousands of students rallied in the capital against the government.", "141"),
        ("The government agreed to the proposal by the opposition.", "030"),
        ("Kyrgyz Prime Minister Nikolai Tanaev received a mission of observers from the OSCE.", "0862"),
    ],
)
def test_news_senses(nlp, coder: EventCoder, text: str, code: str) -> None:  # type: ignore[no-untyped-def]
    codes = [c for c, _ in _codes(nlp, coder, text, date(2000, 1, 1))]
    assert codes and codes[0] == code, codes


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("President Chirac gave a warm welcome to the South African leader.", "043"),
        ("The minister delivered an ultimatum to the Israeli ambassador.", "139"),
        ("Thousands of Nigerian students gathered for a rally against the government.", "141"),
    ],
)
def test_light_verbs_take_the_event_noun(nlp, coder: EventCoder, text: str, code: str) -> None:  # type: ignore[no-untyped-def]
    codes = [c for c, _ in _codes(nlp, coder, text, date(2000, 1, 1))]
    assert codes and codes[0] == code, codes


def test_relation_heads_are_not_their_modifier(nlp, actors: ActorCoder) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Israel's militia ally in southern Lebanon fired rockets.")
    assert actors.code_actor(doc[0:8]).country == "LBN"
    doc = nlp("A Syrian proxy attacked the base.")
    assert actors.code_actor(doc[0:3]).country is None
    doc = nlp("Syrian forces attacked the base.")
    assert actors.code_actor(doc[0:2]).code == "SYRMIL"


def test_longer_dictionary_name_beats_shorter_user_name(dicts: Dictionaries, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "actors.yaml"
    path.write_text("actors:\n  - name: Palestinian\n    code: PSEOPP\n  - name: Hamas\n    code: PSEGOV\n",
                    encoding="utf-8")
    coder = ActorCoder(dicts, path)
    assert coder.code_actor("Palestinian").code == "PSEOPP"
    # the dictionary's three-word name (an armed group), not the user's one-word entry
    assert (coder.code_actor("Palestinian Islamic Jihad").code or "").endswith("REB")
    assert coder.code_actor("Hamas").code == "PSEGOV"  # same length: the user file overrides


def test_territory_is_not_the_country_in_its_name(actors: ActorCoder) -> None:
    assert actors.code_actor("Northern Ireland").code == "GBR"


def test_negated_cooperation_is_a_rejection() -> None:
    assert plover_for("080", "negated")[0] == "REJECT"  # "refused to allow ..."
    assert plover_for("036", "negated")[0] == "REJECT"  # "will not meet ..."
    assert plover_for("080", "asserted")[0] == "CONCEDE"
    assert plover_for("190", "negated")[0] == "ASSAULT"  # a conflict act keeps its class (its confidence is low)
    assert plover_for("020", "negated")[0] is None  # appeals have no PLOVER class


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Turkey-backed opposition forces attacked government troops in a village in northwest Syria.", "190"),
        ("Israeli military aircraft carried out a string of airstrikes on the Gaza Strip.", "195"),
        ("US forces carried out a drone strike in Yemen.", "195"),
        ("Iraqi police carried out a wave of arrests in Basra.", "173"),
    ],
)
def test_military_acts(nlp, coder: EventCoder, text: str, code: str) -> None:  # type: ignore[no-untyped-def]
    codes = [c for c, _ in _codes(nlp, coder, text, date(2015, 1, 1))]
    assert codes and codes[0] == code, codes


def test_mentioned_act_is_not_an_event(nlp, coder: EventCoder) -> None:  # type: ignore[no-untyped-def]
    # an act noun is an event when it is carried out, not when it is described or survived
    assert _codes(nlp, coder, "Witnesses described the attack on the Iraqi police.", date(2015, 1, 1)) == []


def test_missing_synonyms(nlp, coder: EventCoder) -> None:  # type: ignore[no-untyped-def]
    assert _codes(nlp, coder, "Militants lobbed a grenade at an Indian police vehicle.")[0][0] == "193"
    assert _codes(nlp, coder, "Syrian troops retook the town of Palmyra from the rebels.")[0][0] == "192"


@pytest.mark.parametrize(
    ("name", "code"),
    [("Iraqi officials", "IRQGOV"), ("the Montenegro Assembly", "MNELEG"), ("Qatar's emir", "QATGOV"),
     ("UN peacekeepers", "IGOUNOMIL"), ("a Palestinian prisoner", "PSECVL"), ("Kenyan herders", "KENAGR"),
     ("the attackers", "---UAF")],
)
def test_role_nouns_missing_from_the_agents(actors: ActorCoder, name: str, code: str) -> None:
    assert actors.code_actor(name).code == code


def test_capitalised_common_noun_is_not_a_surname(nlp, actors: ActorCoder) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Rice prices rose sharply in Asia.")
    assert actors.code_actor(doc[0:2]).code is None
