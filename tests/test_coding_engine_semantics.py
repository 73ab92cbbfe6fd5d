"""PETRARCH dictionary semantics of the coding engine, each on hand-built sentences and a tiny dictionary folder
written by the test: "^" skips a noun phrase, multi-code actors, the PICO negation ontology, the "role in X and Y"
parse repair, nominal events whose "in" phrase is a place, and the main-clause confidence bonus."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from spacy.tokens import Doc

from wirescope.nlp.coding.actors import ActorCoder
from wirescope.nlp.coding.engine import EventCoder
from wirescope.nlp.coding.pico_ontology import find_ontology, negation_codes
from wirescope.nlp.resources.petrarch import load_folder

ACTORS = """\
ARNOR_ [ARN]
+ARNORIAN
GONDOR_ [GON]
MORDOR_ [MOR]
ROHAN_ [ROH]
THE_SHIRE [FRO/BIL/SAM]
PRINCE_OF_DOL [DOL]
"""
AGENTS = """\
LAWMAKER [~LEG]
OFFICIAL [~GOV]
SOLDIER [~MIL]
"""
VERBS = """\
--- CELEBRATE [017] ---
CELEBRATE
- * FEAST (IN ^) + [045]
- * FEAST (AT ^ ^) + [044]

--- WARN [160] ---
WARN
- * AT ^ + [162]

--- CLASH [190] ---
CLASH
- * (OVER EFFORTS) [110]

--- CONDEMN [111] ---
CONDEMN

--- WELCOME [041] ---
WELCOME

--- ATTACK [190] ---
ATTACK

--- SAY [010] ---
SAY {SAYS SAID SAYING}

--- URGE [020] ---
URGE

--- RESPOND [010] ---
RESPOND

--- SIGN [057] ---
SIGN
- * ACCORD [056]

--- MEET [040] ---
MEET

--- ALLOW [066] ---
ALLOW

--- CALL [020] ---
CALL

--- MARCH [152] ---
MARCH

--- VISIT [042] ---
VISIT
- RECENTLY * [043]
- ENVOYS * [044]
- * {FORMAL TIES} [046]

--- RECEIVE [033] ---
RECEIVE
- + * MONEY $ [071]

--- HONOR [056] ---
HONOR
- * TREATY $ [057]

--- LEAVE [012] ---
LEAVE

--- REGRET [111] ---
REGRET
- NOTED + * [115]

--- HOST [036] ---
HOST
- * WARMLY [042:043]
"""
ONTOLOGY = """\
# PICO test ontology: hex code per CAMEO code; a negation is written with 0xFFFF
010:0x1000#Make Public Statement
011:0x1000-0xFFFF
050:0x0080#DiplomaticCoop
057:0x0087
110:0x1007f#0xFFFF+0x0080#0x7000#Disapprove
170:0x10086#0x0087+0xFFFF#0x9000#Coerce
190:0xA000#Fight
"""


def _folder(tmp: Path, ontology: bool) -> Path:
    tmp.mkdir(parents=True, exist_ok=True)
    (tmp / "t.actors.txt").write_text(ACTORS, encoding="utf-8")
    (tmp / "t.agents.txt").write_text(AGENTS, encoding="utf-8")
    (tmp / "t.verbs.txt").write_text(VERBS, encoding="utf-8")
    (tmp / "t.discards.txt").write_text("", encoding="utf-8")
    if ontology:
        (tmp / "t_Coding_Ontology.txt").write_text(ONTOLOGY, encoding="utf-8")
    return tmp


@pytest.fixture(scope="module")
def coders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, EventCoder]:
    out = {}
    for name, onto in (("plain", False), ("pico", True)):
        d = load_folder(_folder(tmp_path_factory.mktemp(name), onto))
        out[name] = EventCoder(d, ActorCoder(d, supplement=False))
    out["loose"] = EventCoder(d, ActorCoder(d, supplement=False), require_target=False)  # targetless events too
    return out


def code(nlp, coder: EventCoder, text: str) -> set[tuple[str | None, str | None, str]]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    return {(c.source.code, c.target.code if c.target else None, c.code) for c in coder.code_doc(doc, date(2000, 1, 1))}


def code_parse(nlp, coder: EventCoder, words: list[str], pos: list[str], lemmas: list[str],  # type: ignore[no-untyped-def]
               heads: list[int], deps: list[str]) -> set[tuple[str | None, str | None, str]]:
    """``code`` of a parse given by hand (the small model's misparse, or one it may give): every word followed by
    a space but the last two (a final word and its full stop)."""
    doc = Doc(nlp.vocab, words=words, spaces=[True] * (len(words) - 2) + [False, False], pos=pos, lemmas=lemmas,
              heads=heads, deps=deps)
    return {(c.source.code, c.target.code if c.target else None, c.code) for c in coder.code_doc(doc, None)}


def test_caret_skips_a_noun_phrase(nlp, coders) -> None:  # type: ignore[no-untyped-def]
    # "IN ^ +": the place after "in" is skipped; the target is the actor after it
    got = code(nlp, coders["plain"], "Arnor celebrated the feast in the capital with Gondor.")
    assert ("ARN", "GON", "045") in got
    # "AT ^ +": "the Mordor" is skipped, the Prince is the target
    got = code(nlp, coders["plain"], "Rohan warned at the Mordor of the Prince of Dol.")
    assert got == {("ROH", "DOL", "162")}
    # a "^" before a preposition skips the whole prepositional phrase ("with the lawmakers"), so the target is the
    # actor after it (Gondor), not the lawmakers
    got = code(nlp, coders["plain"], "Arnor celebrated the feast at Mordor with the lawmakers of Gondor.")
    assert ("ARN", "GON", "044") in got and ("ARN", "GONLEG", "044") not in got


def test_actor_with_several_codes_stands_for_each(nlp, coders) -> None:  # type: ignore[no-untyped-def]
    got = code(nlp, coders["plain"], "The Shire condemned Mordor.")
    assert got == {("FRO", "MOR", "111"), ("BIL", "MOR", "111"), ("SAM", "MOR", "111")}


def test_negation_ontology_is_read_both_ways(tmp_path: Path) -> None:
    folder = _folder(tmp_path, ontology=True)
    path = find_ontology(folder)
    assert path is not None
    neg = negation_codes(path)
    assert neg["110"] == "050" and neg["050"] == "110"  # disapprove = not cooperate
    assert neg["170"] == "057" and neg["057"] == "170"
    assert neg["011"] == "010" and neg["010"] == "011"  # decline comment = no statement
    assert "190" not in neg  # no negation listed: nothing to map
    assert find_ontology(tmp_path / "absent") is None


def test_negated_verb_takes_the_code_of_its_negation(nlp, coders) -> None:  # type: ignore[no-untyped-def]
    text = "Arnor didn't clash over the efforts of Gondor."
    assert code(nlp, coders["pico"], text) == {("ARN", "GON", "050")}
    # without an ontology the negated act keeps its code (its modality says it is negated)
    assert code(nlp, coders["plain"], text) == {("ARN", "GON", "110")}
    doc = nlp(text)
    (ev,) = coders["plain"].code_doc(doc, None)
    assert ev.modality == "negated"
    (ev,) = coders["pico"].code_doc(doc, None)
    assert ev.modality == "asserted"
    # an affirmative clash is untouched
    assert code(nlp, coders["pico"], "Arnor clashed over the efforts of Gondor.") == {("ARN", "GON", "110")}


def test_role_in_two_places_misparse_is_repaired(nlp, coders) -> None:  # type: ignore[no-untyped-def]
    got = code(nlp, coders["plain"], "Lawmakers in Arnor and Gondor welcomed Mordor.")
    assert got == {("ARNLEG", "MOR", "041"), ("GONLEG", "MOR", "041")}
    # the small model's misparse of the same sentence: "Gondor" hangs on "Lawmakers" instead of on "Arnor"
    words = ["Lawmakers", "in", "Arnor", "and", "Gondor", "welcomed", "Mordor", "."]
    got = code_parse(nlp, coders["plain"], words,
                     pos=["NOUN", "ADP", "PROPN", "CCONJ", "PROPN", "VERB", "PROPN", "PUNCT"],
                     lemmas=["lawmaker", "in", "Arnor", "and", "Gondor", "welcome", "Mordor", "."],
                     heads=[5, 0, 1, 0, 0, 5, 5, 5],
                     deps=["nsubj", "prep", "pobj", "cc", "conj", "ROOT", "dobj", "punct"])
    assert got == {("ARNLEG", "MOR", "041"), ("GONLEG", "MOR", "041")}
    # two named actors are two actors, not places of a role
    got = code(nlp, coders["plain"], "Arnor and Gondor welcomed Mordor.")
    assert got == {("ARN", "MOR", "041"), ("GON", "MOR", "041")}


def test_nominal_event_in_a_place_has_no_target(nlp, coders) -> None:  # type: ignore[no-untyped-def]
    # "an attack by Mordor soldiers in Arnor": Arnor is where, not whom; only the condemnation is coded
    got = code(nlp, coders["plain"], "Rohan condemned an attack by Mordor soldiers in Arnor.")
    assert got == {("ROH", "MORMIL", "111")}
    # "an attack on Arnor" names the target
    got = code(nlp, coders["plain"], "Rohan condemned the attack by Mordor on Arnor.")
    assert ("MOR", "ARN", "190") in got


def test_name_parsed_as_a_nominal_modifier_is_the_doer(nlp, coders) -> None:  # type: ignore[no-untyped-def]
    # "Ankara military backing of the GNA": the parser hangs the name on the noun as "nmod", not as a compound;
    # it names the doer as a compound or a possessor does
    words = ["Mordor", "military", "attacks", "on", "Arnor", "angered", "Gondor", "."]
    got = code_parse(nlp, coders["plain"], words,
                     pos=["PROPN", "ADJ", "NOUN", "ADP", "PROPN", "VERB", "PROPN", "PUNCT"],
                     lemmas=["Mordor", "military", "attack", "on", "Arnor", "anger", "Gondor", "."],
                     heads=[2, 2, 5, 2, 3, 5, 5, 5],
                     deps=["nmod", "amod", "nsubj", "prep", "pobj", "ROOT", "dobj", "punct"])
    assert ("MOR", "ARN", "190") in got


def test_negation_on_an_adverb_of_the_verb(nlp, coders) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Arnor did not even ever clash over the efforts of Gondor.")
    assert {(c.code, c.modality) for c in coders["plain"].code_doc(doc, None)} == {("110", "negated")}
    # "not only ... but also" adds an act, it does not negate it
    doc = nlp("Arnor not only clashed over the efforts of Gondor.")
    assert {c.modality for c in coders["plain"].code_doc(doc, None)} == {"asserted"}
    # a negated governing verb is not the negation of the act it governs: no PICO code for "won't try to clash"
    assert code(nlp, coders["pico"], "Arnor won't try to clash over the efforts of Gondor.") == {("ARN", "GON", "110")}


def test_object_control(nlp, coders) -> None:  # type: ignore[no-untyped-def]
    # "wanted Gondor to respond": Gondor responds (not Arnor)
    got = code(nlp, coders["plain"], "Arnor wanted Gondor to respond to Mordor.")
    assert ("GON", "MOR", "010") in got and ("ARN", "MOR", "010") not in got


def test_what_an_appeal_asks_for_is_not_an_event(nlp, coders) -> None:  # type: ignore[no-untyped-def]
    # the urging is the event; the response it asks for has not happened
    got = code(nlp, coders["plain"], "Arnor urged Gondor to respond to Mordor.")
    assert got == {("ARN", "GON", "020")}


def test_purpose_clause_gives_the_target(nlp, coders) -> None:  # type: ignore[no-untyped-def]
    got = code(nlp, coders["plain"], "Arnor signed an accord on Thursday to supply Gondor with wheat.")
    assert got == {("ARN", "GON", "056")}


def test_coordinated_modifiers_give_one_actor_each(nlp, coders) -> None:  # type: ignore[no-untyped-def]
    got = code(nlp, coders["plain"], "Mordor will meet Arnorian and Rohan leaders.")
    assert {("MOR", "ARN", "040"), ("MOR", "ROH", "040")} <= got


def test_passive_infinitive_does_not_inherit_its_governor(nlp, coders) -> None:  # type: ignore[no-untyped-def]
    # Arnor asks to *be* allowed: Arnor is not the one who allows
    got = code(nlp, coders["loose"], "Arnor called on Gondor to be allowed to leave.")
    assert not any(c == "066" for _, _, c in got)
    # an active infinitive still inherits its governor's subject
    got = code(nlp, coders["loose"], "Arnor wanted to allow Mordor.")
    assert ("ARN", "MOR", "066") in got


def test_complex_preposition_gives_the_target(nlp, coders) -> None:  # type: ignore[no-untyped-def]
    got = code(nlp, coders["plain"], "Arnor has marched very close to the border with Gondor.")
    assert got == {("ARN", "GON", "152")}


def test_negated_governor_of_a_bare_infinitive(nlp, coders) -> None:  # type: ignore[no-untyped-def]
    # "will not help clash": one predicate, negated as a whole (PICO: not 110 = 050)
    got = code(nlp, coders["pico"], "Arnor will not help clash over the efforts of Gondor.")
    assert got == {("ARN", "GON", "050")}


def test_main_clause_events_are_more_confident(nlp, coders) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Rohan said that Arnor condemned Mordor.")
    main = {c.code: c for c in coders["plain"].code_doc(nlp("Arnor condemned Mordor."), None)}
    embedded = {c.code: c for c in coders["plain"].code_doc(doc, None)}
    assert main["111"].confidence > embedded["111"].confidence


def test_detached_prefix_keeps_its_word(nlp, coders) -> None:  # type: ignore[no-untyped-def]
    # "an anti- Gondor parade": the small model makes the detached prefix "anti-" the object and hangs
    # "Gondor parade" under it as a clause; the prefixed words still belong to the object's phrase
    words = ["Rohan", "condemned", "an", "anti-", "Gondor", "parade", "."]
    got = code_parse(nlp, coders["plain"], words,
                     pos=["PROPN", "VERB", "DET", "NOUN", "PROPN", "NOUN", "PUNCT"],
                     lemmas=["Rohan", "condemn", "an", "anti-", "Gondor", "parade", "."],
                     heads=[1, 1, 3, 1, 5, 3, 1], deps=["nsubj", "ROOT", "det", "dobj", "compound", "relcl", "punct"])
    assert got == {("ROH", "GON", "111")}
    # and from raw text, whatever the parse
    assert code(nlp, coders["plain"], "Rohan condemned an anti- Gondor parade.") == {("ROH", "GON", "111")}
    # a plain hyphenated word is not a prefix: nothing is pulled in from the next phrase
    assert code(nlp, coders["plain"], "Rohan condemned the parade - Gondor said.") == set()


def test_multi_code_actor_stays_whole_with_ud_petrarch_dictionaries(nlp, coders) -> None:  # type: ignore[no-untyped-def]
    # a folder with a PICO ontology is UD-PETRARCH's, which writes "THE_SHIRE [FRO/BIL/SAM]" as one actor code
    assert code(nlp, coders["pico"], "The Shire condemned Mordor.") == {("FRO/BIL/SAM", "MOR", "111")}


def test_ud_petrarch_looks_for_pre_verb_words_in_the_subject(nlp, coders) -> None:  # type: ignore[no-untyped-def]
    # PETRARCH 2 matches "RECENTLY *" on the adverb before the verb; UD-PETRARCH (a folder with a PICO ontology)
    # looks for a pattern's pre-verb words in the verb's subject only, so the adverb leaves the default code
    assert code(nlp, coders["plain"], "Arnor recently visited Gondor.") == {("ARN", "GON", "043")}
    assert code(nlp, coders["pico"], "Arnor recently visited Gondor.") == {("ARN", "GON", "042")}
    # a word of the subject's phrase matches in both
    for name in ("plain", "pico"):
        assert code(nlp, coders[name], "Arnor envoys visited Gondor.") == {("ARN", "GON", "044")}


def _confidences(nlp, coder: EventCoder, text: str) -> dict[tuple[str | None, str | None, str], float]:  # type: ignore[no-untyped-def]
    return {(c.source.code, c.target.code if c.target else None, c.code): c.confidence
            for c in coder.code_doc(nlp(text), None)}


def test_a_loosely_matched_phrase_is_weaker_evidence(nlp, coders) -> None:  # type: ignore[no-untyped-def]
    # "{FORMAL TIES}" matches "formal ties" as written and, with a word between, "formal diplomatic ties": same
    # code, but the loose match does not earn the specific-pattern bonus
    tight = _confidences(nlp, coders["plain"], "Arnor visited Gondor over formal ties.")
    loose = _confidences(nlp, coders["plain"], "Arnor visited Gondor over formal diplomatic ties.")
    assert set(tight) == set(loose) == {("ARN", "GON", "046")}
    assert loose[("ARN", "GON", "046")] < tight[("ARN", "GON", "046")]


def test_inferred_events_are_less_confident(nlp, coders) -> None:  # type: ignore[no-untyped-def]
    # the converse of a paired code [042:043] is inferred from the dictionary, not stated
    got = _confidences(nlp, coders["plain"], "Arnor hosted Gondor warmly.")
    assert set(got) == {("ARN", "GON", "042"), ("GON", "ARN", "043")}
    assert got[("GON", "ARN", "043")] < got[("ARN", "GON", "042")]
    # so is the code a negation amounts to in the PICO ontology ("did not clash" -> 050)
    neg = _confidences(nlp, coders["pico"], "Arnor didn't clash over the efforts of Gondor.")
    pos = _confidences(nlp, coders["pico"], "Arnor clashed over the efforts of Gondor.")
    assert neg[("ARN", "GON", "050")] < pos[("ARN", "GON", "110")]


def test_target_marked_before_the_verb(nlp, coders) -> None:  # type: ignore[no-untyped-def]
    # "NOTED + * [115]": the target is the actor after "noted" (the verb's own subject), so the source is the
    # subject of the clause that governs the verb
    got = code(nlp, coders["plain"], "Rohan noted that Arnor regretted the refusal of Gondor.")
    assert got == {("ROH", "ARN", "115")}
    # without the pattern word the verb's own subject regrets
    got = code(nlp, coders["plain"], "Rohan knew that Arnor regretted the refusal of Gondor.")
    assert ("ARN", "GON", "111") in got and not any(c == "115" for _, _, c in got)


def test_gerund_after_a_temporal_preposition_is_background(nlp, coders) -> None:  # type: ignore[no-untyped-def]
    got = code(nlp, coders["plain"], "Arnor celebrated with Gondor since leaving Mordor.")
    assert ("ARN", "GON", "017") in got and not any(c == "012" for _, _, c in got)
    # "after"/"before" tell an act the subject did (modality.gerund-after-a-time-is-done): coded as its own
    assert ("ARN", "MOR", "012") in code(nlp, coders["plain"], "Arnor celebrated with Gondor after leaving Mordor.")
    # the same act as the sentence's own event is coded
    assert code(nlp, coders["plain"], "Arnor left Mordor after the talks.") == {("ARN", "MOR", "012")}
    # "by" (means, not time) keeps it: "responded by leaving Mordor" is the response
    assert ("ARN", "MOR", "012") in code(nlp, coders["plain"], "Arnor responded by leaving Mordor.")


def test_plus_before_the_verb_makes_the_subject_the_target(nlp, coders) -> None:  # type: ignore[no-untyped-def]
    # "+ * MONEY $ [071]": whoever receives money is the target of the aid, the "$" actor gives it
    assert code(nlp, coders["plain"], "Arnor received money from Gondor.") == {("GON", "ARN", "071")}
    # the verb's default keeps the subject as source
    assert code(nlp, coders["plain"], "Arnor received Gondor.") == {("ARN", "GON", "033")}


def test_source_placed_after_the_verb_makes_the_subject_the_target(nlp, coders) -> None:  # type: ignore[no-untyped-def]
    # "* TREATY $ [057]": the actor after "treaty" is the source, so the subject is the target
    assert code(nlp, coders["plain"], "Arnor honored the treaty with Gondor.") == {("GON", "ARN", "057")}
    # an inherited subject too ("wanted to honor")
    assert ("GON", "ARN", "057") in code(nlp, coders["plain"], "Arnor wanted to honor the treaty with Gondor.")


def test_ud_petrarch_passive_without_agent(nlp, coders) -> None:  # type: ignore[no-untyped-def]
    # UD-PETRARCH codes a passive without a "by" agent with the actor of a prepositional phrase as source
    text = "Arnor was condemned over its dispute with Gondor."
    assert code(nlp, coders["pico"], text) == {("GON", "ARN", "111")}
    # PETRARCH 2 dictionaries: the doer is unknown, nothing is coded
    assert code(nlp, coders["plain"], text) == set()
    # a "by" agent is the source in both
    assert code(nlp, coders["pico"], "Arnor was condemned by Gondor.") == {("GON", "ARN", "111")}
