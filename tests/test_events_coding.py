"""The coding engine on hand-built sentences, one construction each (unit-test dictionaries in fixtures)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from wirescope.nlp.coding.actors import ActorCoder
from wirescope.nlp.coding.engine import EventCoder
from wirescope.nlp.resources.petrarch import load_folder

DICTS = Path(__file__).parent / "fixtures" / "events" / "dicts"


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    d = load_folder(DICTS)
    return EventCoder(d, ActorCoder(d, supplement=False), require_target=True, targetless_roots=("13",))


def code(nlp, coder: EventCoder, text: str, day: date | None = None) -> set[tuple[str | None, str | None, str, str]]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    return {(c.source.code, c.target.code if c.target else None, c.code, c.modality) for c in coder.code_doc(doc, day)}


CASES = [
    ("simple with agents", "Gondorian soldiers killed Arnor's president.", {("GONMIL", "ARNGOV", "190", "asserted")}),
    (
        "compound source",
        "Arnor and Rohan condemned Mordor.",
        {("ARN", "MOR", "111", "asserted"), ("ROH", "MOR", "111", "asserted")},
    ),
    (
        "compound target",
        "Arnor condemned Rohan and Mordor.",
        {("ARN", "ROH", "111", "asserted"), ("ARN", "MOR", "111", "asserted")},
    ),
    ("role distributed over countries", "Soldiers in Arnor and Gondor condemned Mordor.",
     {("ARNMIL", "MOR", "111", "asserted"), ("GONMIL", "MOR", "111", "asserted")}),
    ("shared nationality modifier", "The Gondorian soldiers and government condemned Mordor.",
     {("GONMIL", "MOR", "111", "asserted"), ("GONGOV", "MOR", "111", "asserted")}),
    ("passive with by", "The president of Arnor was killed by Gondor.", {("GON", "ARNGOV", "190", "asserted")}),
    ("passive with instrument", "Arnor was attacked in a Gondor drone strike.", {("GON", "ARN", "190", "asserted")}),
    (
        "nominal event",
        "Rohan condemned the assassination of the Arnor president by Mordor.",
        {("MOR", "ARNGOV", "186", "asserted"), ("ROH", "MOR", "111", "asserted")},
    ),
    (
        "pattern with synset and target in a prepositional phrase",
        "Arnor restored relations with Gondor.",
        {("ARN", "GON", "050", "asserted")},
    ),
    ("paired code", "Arnor visited Gondor.", {("ARN", "GON", "042", "asserted"), ("GON", "ARN", "043", "asserted")}),
    (
        "reciprocal compound",
        "Arnor and Gondor met on Monday.",
        {("ARN", "GON", "040", "asserted"), ("GON", "ARN", "040", "asserted")},
    ),
    ("threat pattern without target", "Mordor vowed revenge.", {("MOR", None, "138", "threatened")}),
    ("modal hypothetical", "Mordor may attack Gondor.", {("MOR", "GON", "190", "hypothetical")}),
    (
        "conditional hypothetical",
        "If Mordor attacks Gondor, Rohan will be angry.",
        {("MOR", "GON", "190", "hypothetical")},
    ),
    ("negated", "Arnor did not condemn Gondor.", {("ARN", "GON", "111", "negated")}),
    ("reported, the speech verb yields", "Gondor said Mordor attacked Rohan.", {("MOR", "ROH", "190", "reported")}),
    (
        "two events in one sentence",
        "Arnor condemned Gondor and signed a treaty with Rohan.",
        {("ARN", "GON", "111", "asserted"), ("ARN", "ROH", "057", "asserted")},
    ),
    ("threat verb", "Mordor threatened Rohan.", {("MOR", "ROH", "130", "threatened")}),
    ("null-coded pattern", "Arnor killed a Gondorian in accident.", set()),
    ("multi-word verb", "Gondor called off talks with Arnor.", {("GON", "ARN", "125", "asserted")}),
    ("discarded sentence", "Arnor condemned Gondor over the lottery.", set()),
    # a light verb (outside the dictionary) whose object is an event noun: the noun's CAMEO code (046 negotiate)
    ("event noun object", "Arnor held talks with Gondor.", {("ARN", "GON", "046", "asserted")}),
    # talks take two: a compound subject without a target talks reciprocally, also after "be in"
    ("mutual event noun", "Arnor and Gondor held talks.",
     {("ARN", "GON", "046", "asserted"), ("GON", "ARN", "046", "asserted")}),
    ("copula with an event noun", "Arnor and Gondor are in talks.",
     {("ARN", "GON", "046", "asserted"), ("GON", "ARN", "046", "asserted")}),
    # a verb whose default codes nothing and no pattern matched: the root most of its patterns share (17)
    ("dominant pattern root", "Arnor blasted Gondor.", {("ARN", "GON", "170", "asserted")}),
    ("refusal negates the act", "Arnor refused to attack Gondor.", {("ARN", "GON", "190", "negated")}),
    ("anti- modifier is not the actor", "Anti-Gondor soldiers killed Arnor's president.",
     {("---MIL", "ARNGOV", "190", "asserted")}),
    ("no actor, no event", "The weather attacked the coast.", set()),
    # a travel verb coded as a consultation meets its destination, not the place it leaves nor a companion
    ("place left is no counterpart", "Arnor left Minas Tirith with Rohan.", set()),
    ("destination of a departure", "Arnor left for Gondor.",
     {("ARN", "GON", "042", "asserted"), ("GON", "ARN", "043", "asserted")}),
    # "take" means what it takes: an actor (the block's code), revenge (force), not a step or an action
    ("light verb with an actor", "Mordor took the president of Arnor.", {("MOR", "ARNGOV", "171", "asserted")}),
    ("light verb with a thing", "Mordor took all necessary action against Arnor.", set()),
    ("revenge taken is force", "Mordor took revenge on Arnor.", {("MOR", "ARN", "190", "asserted")}),
    # a verb coordinated with a passive shares its subject, the patient, not the "by" agent
    ("coordinated with a passive", "The president of Arnor was indicted by Gondor and condemned Mordor.",
     {("GON", "ARNGOV", "111", "asserted"), ("ARNGOV", "MOR", "111", "asserted")}),
    # the relative pronoun of a passive stands for its noun; an active relative clause describes its noun
    ("passive relative clause", "Gondor condemned Arnor's president, who was killed by Mordor.",
     {("GON", "ARNGOV", "111", "asserted"), ("MOR", "ARNGOV", "190", "asserted")}),
    ("active relative clause", "Gondor condemned the soldiers of Mordor who attacked Arnor.",
     {("GON", "MORMIL", "111", "asserted")}),
    # not the verb's own sense: a light verb with a particle outside the dictionary, naming
    ("phrasal light verb", "Mordor took on the president of Arnor.", set()),
    ("naming", "Gondor called Mordor a rogue state.", set()),
    ("calling", "Gondor called Mordor.", {("GON", "MOR", "041", "asserted")}),
    # a participle describing a noun by a standing relation
    ("description", "Soldiers of Gondor backed by Mordor attacked Arnor.", {("GONMIL", "ARN", "190", "asserted")}),
    # what talks are held about is no party to them; the place of talks is not who talks
    ("topic", "Arnor and Gondor met to discuss Mordor.",
     {("ARN", "GON", "040", "asserted"), ("GON", "ARN", "040", "asserted")}),
    ("place of talks", "The talks in Rohan threatened Mordor.", set()),
    # the place of an act of force stands for its unknown perpetrators (CAMEO practice)
    ("place of an attack", "An attack in Rohan killed the president of Arnor.",
     {("ROH", "ARNGOV", "190", "asserted")}),
    # an act committed to on a condition is a threat (or a promise), not a mere possibility
    ("conditional commitment", "Mordor said it will boycott Arnor unless Gondor leaves.",
     {("MOR", "ARN", "143", "threatened")}),
    # a target that is the source itself leaves a one-sided act, where the root may go without a target
    ("target is the source", "Mordor threatened the people of Mordor.", {("MOR", None, "130", "threatened")}),
    # dying: the subject undergoes the act; only a pattern names who caused it, as a converse ("[:183]")
    ("undergoer without a pattern", "Ten soldiers of Arnor died.", set()),
    ("undergoer in clashes", "Ten soldiers of Arnor died in clashes with Gondor.",
     {("ARNMIL", "GON", "190", "asserted"), ("GON", "ARNMIL", "190", "asserted")}),
    ("converse-only code", "The president of Arnor died in a bombing by Gondor.",
     {("GON", "ARNGOV", "183", "asserted")}),
    # a demand verb with an indicative complement reports a claim (a statement); a mandative one demands
    ("claim, not demand", "Arnor insisted that Gondor was a threat.", {("ARN", "GON", "010", "asserted")}),
    ("mandative demand", "Arnor insisted that Gondor leave.", {("ARN", "GON", "100", "asserted")}),
    ("modal demand", "Arnor insisted that Gondor should leave.", {("ARN", "GON", "100", "asserted")}),
    ("denial of a claim", "Arnor denied that Gondor was involved.", {("ARN", "GON", "010", "asserted")}),
    ("rejection", "Arnor denied Gondor's request.", {("ARN", "GON", "120", "asserted")}),
    # a participle modifying a noun: the noun undergoes the act
    ("reduced passive with agent", "A soldier of Arnor arrested by Gondor condemned Mordor.",
     {("GON", "ARNMIL", "173", "asserted"), ("ARNMIL", "MOR", "111", "asserted")}),
    ("reduced passive without agent", "Soldiers of Arnor arrested in Gondor condemned Mordor.",
     {("ARNMIL", "MOR", "111", "asserted")}),
    # where something happened is its target only for acts done to a place
    ("place is no target", "In Rohan, Arnor condemned the decision.", set()),
    ("place attacked", "Gondor attacked positions in Rohan.", {("GON", "ROH", "190", "asserted")}),
    # modality reaches down to what is asked, scheduled, doubted or meant to follow
    ("asked, not done", "Arnor warned Gondor not to attack Mordor.",
     {("ARN", "GON", "130", "threatened"), ("GON", "MOR", "190", "hypothetical")}),
    ("scheduled", "Arnor and Gondor are due to meet.",
     {("ARN", "GON", "040", "threatened"), ("GON", "ARN", "040", "threatened")}),
    ("doubted", "It is unclear when Mordor attacked Gondor.", {("MOR", "GON", "190", "hypothetical")}),
    ("purpose of a possible act", "Mordor may send soldiers to attack Gondor.",
     {("MOR", "GON", "190", "hypothetical")}),
    ("purpose of an intention", "Arnor is willing to send soldiers to help Gondor.",
     {("ARN", "GON", "070", "threatened")}),
]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_constructions(nlp, coder: EventCoder, name: str, text: str, expected: set) -> None:  # type: ignore[no-untyped-def]
    assert code(nlp, coder, text) == expected


def test_story_discard(nlp, coder: EventCoder) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Arnor condemned Gondor. The football match ended late.")
    assert coder.code_doc(doc, None) == []


def test_date_bounded_actor(nlp, coder: EventCoder) -> None:  # type: ignore[no-untyped-def]
    assert code(nlp, coder, "Saruman condemned Gondor.", date(1995, 1, 1)) == {("ISEGOV", "GON", "111", "asserted")}
    assert code(nlp, coder, "Saruman condemned Gondor.", date(2005, 1, 1)) == {("ISEELI", "GON", "111", "asserted")}


def test_title_gives_the_office_of_a_known_person(nlp, coder: EventCoder) -> None:  # type: ignore[no-untyped-def]
    # out of office by the dictionary's dates (ISEELI), but the text calls him president: the text is newer
    assert code(nlp, coder, "President Saruman condemned Gondor.", date(2005, 1, 1)) == {
        ("ISEGOV", "GON", "111", "asserted")}
    assert code(nlp, coder, "Former president Saruman condemned Gondor.", date(2005, 1, 1)) == {
        ("ISEELI", "GON", "111", "asserted")}
    # a title the dictionary lists as an actor of the same country names the office too (the actor is still the
    # person: a name after a title is not part of a longer name)
    doc = nlp("Isengard Council Chief Saruman condemned Gondor.")
    assert coder.actors.code_tokens(list(doc[:4]), date(2005, 1, 1), doc[3]) == ("ISEGOVLEG", "SARUMAN")


def test_the_subject_of_dying_is_no_doer(nlp) -> None:  # type: ignore[no-untyped-def]
    d = load_folder(DICTS)
    loose = EventCoder(d, ActorCoder(d, supplement=False), require_target=False)  # targetless events too
    assert code(nlp, loose, "Ten soldiers of Arnor died.") == set()
    assert code(nlp, loose, "Ten soldiers of Arnor attacked.") == {("ARNMIL", None, "190", "asserted")}


def test_one_word_of_a_longer_name_is_not_a_person(nlp, coder: EventCoder) -> None:  # type: ignore[no-untyped-def]
    assert code(nlp, coder, "President Elrond condemned Gondor.", date(1995, 1, 1)) == {
        ("RIVGOV", "GON", "111", "asserted")}
    # "Elrond" listed alone stands for one person; inside another person's full name it is only a given name
    assert code(nlp, coder, "President Omar Elrond Bashir condemned Gondor.", date(1995, 1, 1)) == {
        ("---GOV", "GON", "111", "asserted")}


def test_definite_attack_refers_to_the_last_one(nlp, coder: EventCoder) -> None:  # type: ignore[no-untyped-def]
    text = "Gondor soldiers attacked Arnor. The president of Arnor was killed in the attack."
    assert ("GONMIL", "ARNGOV", "190", "asserted") in code(nlp, coder, text)
    # an indefinite attack is another one, and without an earlier attack "the attack" names nobody
    assert not any(s == "GONMIL" and t == "ARNGOV" for s, t, _, _ in code(
        nlp, coder, "Gondor soldiers attacked Arnor. The president of Arnor was killed in an attack."))
    assert code(nlp, coder, "The president of Arnor was killed in the attack.") == set()
    # the last attacker belongs to its document: another document's sentence coded on its own does not see it
    coder.code_doc(nlp("Early on Monday morning in the north, Gondor soldiers attacked Arnor."), None)
    other = nlp("The president of Arnor was killed in the attack.")
    assert coder.code_sentence(next(iter(other.sents)), 0, None) == []


def test_evidence_and_confidence(nlp, coder: EventCoder) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Arnor restored relations with Gondor.")
    (c,) = coder.code_doc(doc, None)
    assert doc[c.trigger].text == "restored"
    assert c.source.text(doc) == "Arnor" and c.target is not None and c.target.text(doc) == "Gondor"
    assert c.pattern is not None and 0.7 <= c.confidence <= 1.0
    (weak,) = coder.code_doc(nlp("Mordor may attack Gondor."), None)
    assert weak.confidence < 0.5  # hypothetical events are halved


def test_speaker_demand(nlp, coder: EventCoder) -> None:  # type: ignore[no-untyped-def]
    got = code(nlp, coder, "Arnor said Gondor must leave.")
    assert ("ARN", "GON", "100", "asserted") in got


def test_intent_modality_and_plover(nlp, coder: EventCoder) -> None:  # type: ignore[no-untyped-def]
    from wirescope.nlp.resources.cameo import plover_for

    assert code(nlp, coder, "Mordor plans to attack Gondor.") == {("MOR", "GON", "190", "threatened")}
    assert code(nlp, coder, "Gondor said Mordor would attack Rohan.") == {("MOR", "ROH", "190", "threatened")}
    assert plover_for("190", "threatened")[0] == "THREATEN"
    assert plover_for("042", "threatened")[0] == "AGREE"
    assert plover_for("190", "asserted")[0] == "ASSAULT"
    assert plover_for("010", "asserted") == (None, None, None)


def test_unknown_country_from_place(nlp, coder: EventCoder) -> None:  # type: ignore[no-untyped-def]
    # a president of unknown country threatening a curfew in Gondor's capital is Gondor's; soldiers are not placed
    assert code(nlp, coder, "The president threatened a curfew in Minas Tirith.") == {
        ("GONGOV", "GON", "130", "threatened")}
    got = code(nlp, coder, "Soldiers attacked Arnor in Minas Tirith.")
    assert got == {("---MIL", "ARN", "190", "asserted")}


def test_statement_yields_to_its_demand(nlp, coder: EventCoder) -> None:  # type: ignore[no-untyped-def]
    got = code(nlp, coder, "Arnor said Gondor must leave.")
    assert got == {("ARN", "GON", "100", "asserted")}


def test_synset_expansion_does_not_depend_on_order() -> None:
    from wirescope.nlp.coding.patterns import PatternMatcher
    from wirescope.nlp.resources.petrarch import Dictionaries

    chain = {f"&S{i}": [(f"&S{i + 1}",), (f"WORD{i}",)] for i in range(7)}
    chain["&S7"] = [("LAST",)]
    first, second = PatternMatcher(Dictionaries(synsets=chain)), PatternMatcher(Dictionaries(synsets=chain))
    second.synset("&S3")  # a nested synset asked for first must not be cached cut short
    assert first.synset("&S0") == second.synset("&S0")
    assert ("LAST",) in first.synset("&S0")


def test_ethnic_group_coded_by_home_country(nlp, coder: EventCoder) -> None:  # type: ignore[no-untyped-def]
    assert code(nlp, coder, "The Arnorians of Gondor condemned Mordor.") == {("GON", "MOR", "111", "asserted")}
    assert code(nlp, coder, "Ethnic Arnorians in Gondor condemned Mordor.") == {("GON", "MOR", "111", "asserted")}
    # nationals abroad keep their nationality
    assert code(nlp, coder, "Arnorians in Gondor condemned Mordor.") == {("ARN", "MOR", "111", "asserted")}


def test_role_owned_by_a_pronoun(nlp, coder: EventCoder) -> None:  # type: ignore[no-untyped-def]
    # "its soldiers" belong to the subject of the embedding clause when that is a coded country
    assert code(nlp, coder, "Arnor said its soldiers attacked Gondor.") == {("ARNMIL", "GON", "190", "reported")}
    assert code(nlp, coder, "The weather said its soldiers attacked Gondor.") == set()
