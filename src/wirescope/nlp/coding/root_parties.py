"""The parties of a verb coded only by the root its dictionary patterns share (``code.dominant-pattern-root``).

No pattern of such a verb matched, so nothing in the sentence says the verb is used in the sense its patterns code
("refused to meet X" is a rejection, "refused to show a series" a programming choice; "shut off gas supplies to
Ukraine" a cut in relations, "shut its doors for Kazakh citizens" a closure). What the root's sense needs is an act
done to a party: the root is kept only for a target the verb's own phrase names as the one it is done to, or the
act it refuses or vows (``named_party``), or one an accusation it answers names ("Moscow denied it": the accuser).
A party found elsewhere (a preposition on an act with no object: "risen to the rank of lieutenant", "flying from
the United States"; the subject of a clause: "vowed the nine men would remain in prison"; an earlier sentence), or
none at all ("refused to be pinned down", "has not ruled out a return"), leaves the sense unconfirmed: no event.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .lexicons import words
from .phrase_actors import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Token

# an object of a verb: "burning captives alive", "deny people the relaxed hours"
_OBJECT_DEPS = frozenset({"dobj", "obj", "dative"})
# a preposition of place says where the act is done, not to whom ("refused to take the test in Athens")
_PLACE_PREPOSITIONS = words("place_words", "preposition")
# entity labels of places: 'at' one of them says where, not at whom
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
# the links of a phrase (not of a clause of its own) from a party up to the act that holds it
_PHRASE_DEPS = frozenset({"dobj", "obj", "dative", "pobj", "prep", "poss", "compound", "amod", "npadvmod", "nmod",
                          "appos", "conj", "nsubj", "ccomp", "xcomp"})


def _argument_head(tok: Token) -> Token:
    """The first conjunct of a coordination ("fighters and their wives": the wives stand where the fighters do)."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _object_of(tok: Token, act: Token) -> bool:
    return tok.dep_ in _OBJECT_DEPS and tok.head.i == act.i


def _party_of_act(head: Token, act: Token) -> bool:
    """``head`` names the one ``act`` is done to in the act's own phrase: its object ("burning captives alive", "to
    meet Bolton"), the possessor of its object ("dismantled the rebels' network", "to accept Syria's denials"), the
    object of a preposition on its object ("ignored a resolution by the EU's parliament", "to attend a hearing by
    the court"), or, when it has an object, of a preposition on the act ("cut fuel deliveries to Gaza", "unleashed
    missiles at American forces"): not of a preposition of place ("to take the test in Athens"), nor on an act
    with no object ("had risen to the rank of lieutenant", "flying from the United States", "were answering to
    Suleimani"), nor a word of a clause inside it ("to put their names to their thoughts, which ... would be
    marked by heavy input from Iran")."""
    if head.dep_ in _OBJECT_DEPS:
        return head.head.i == act.i
    if head.dep_ == "poss":
        return _object_of(head.head, act)
    prep = head.head
    if head.dep_ != "pobj" or prep.dep_ != "prep" or (prep.lower_ in _PLACE_PREPOSITIONS and not _aimed_at(prep, head)):
        return False
    if prep.head.i == act.i:
        return any(_object_of(c, act) for c in act.children)
    return _object_of(prep.head, act)


def _aimed_at(prep: Token, head: Token) -> bool:
    """'at' naming a party, not a place, is what an act is aimed at ("unleashed more than 20 missiles at American
    forces", review 17): a place named ("at the base", "at Ain al-Asad") stays where the act was done."""
    return prep.lower_ == "at" and head.ent_type_ not in _PLACE_ENTS


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _in_refused_act(head: Token, act: Token) -> bool:
    """``head`` is a party anywhere in the phrase of the act a verb refuses or vows, along objects, prepositions
    (not of place), modifiers and to-infinitives ("refused to commit to any direct assistance to the US-led war",
    "refused to allow United Nations planes to land"); not inside a clause of its own (a relative clause, an
    adverbial clause: "... their thoughts, which they believed would be marked by heavy input from Iran")."""
    tok = head
    while tok.i != act.i:
        if tok.dep_ not in _PHRASE_DEPS or (tok.dep_ == "prep" and tok.lower_ in _PLACE_PREPOSITIONS):
            return False
        if (tok.dep_ == "nsubj" and not _infinitive(tok.head)) or (tok.dep_ == "ccomp" and not _infinitive(tok)):
            return False  # the subject of a finite clause, a finite clause: a clause of its own
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return True


def named_party(verb: Token, target: ActorRef) -> bool:
    """Whether ``target`` is named by the verb's own phrase as the one its act is done to (``_party_of_act``), or in
    the phrase of an infinitive complement: the act it refuses or vows (``_in_refused_act``: "refused to meet
    Bolton")."""
    head = _argument_head(verb.doc[target.head])
    acts = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
    return _party_of_act(head, verb) or any(_in_refused_act(head, act) for act in acts)


def named_parties(verb: Token, targets: Sequence[ActorRef]) -> list[ActorRef]:
    return [t for t in targets if named_party(verb, t)]
