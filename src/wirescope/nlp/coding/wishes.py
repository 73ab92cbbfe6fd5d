"""Hopes, expectations and a metaphor of holding: what a party wishes or foresees is not the act it names, but
some of these words are acts of their own (issue 17; review 9's leftovers, session 10).

* A hope to cooperate is an intent (``code.hope-to-cooperate-is-an-intent``): "India hopes to sign a trade deal
  with Britain", "Pakistan hopes to improve relations with India" express the intent to cooperate with the party
  named (030), whether or not the act hoped for codes on its own; a hope for any other act ("hopes to double
  Iraq's output", "hopes to beat Ghana in the final") is no act of its own
  (``code.hoping-to-act-is-no-act-of-its-own``, no_act_senses.py), and when the act hoped for is coded, the hope yields
  to it (``trigger_yields.TriggerYields._yields``: "hopes to meet Saudi officials" is the meeting, intended, 036).
* Expecting another party to act is a prediction (``code.expecting-another-to-act-is-a-prediction``): "Moscow
  expects Kyiv to launch a counteroffensive", "Israel expects Hezbollah to retaliate" foresee an adversary's act;
  the expecter intends nothing (the dictionary's 030 is for "expects to sign", the expecter's own act) and asks
  nothing: no event. A demand remains where the act expected is compliance ("Kenya expects Somalia to respect the
  ruling", ``code.expecting-another-to-act-is-a-demand``) unless the sentence forecasts it ("expects Russia to
  withdraw from the plant soon, officials predicted"). Any other act or state of things expected of another
  party ("fully expected Iranian retaliation", "expects its sales in India to grow") is foreseen or hoped for, and
  no intent of the expecter's either (``code.expecting-of-another-is-no-intent``): no event.
* Holding a thing hostage is a metaphor (``code.holding-a-thing-hostage-is-no-event``): "Republicans are holding
  the budget hostage", "Bulgaria is holding North Macedonia's EU membership bid hostage" block a process; no
  person is seized (CAMEO 181 needs people held).

Word lists are data (lexicons/wishes.tsv). Real-news conventions only (the bundled dictionaries).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .lexicons import words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .context import DocContext
    from .phrase_actors import ActorRef

COOPERATIVE_ACTS = words("wishes", "cooperative-act")
PREDICTION_CUES = words("wishes", "prediction-cue")
HELD_THINGS = words("wishes", "held-thing")
ADVERSARY_ACTS = words("wishes", "adversary-act")
_HOPING_VERBS = words("senses", "hoping")
# "wants to see a withdrawal": what is seen done is another party's act, asked of them
_SEEING_DONE = words("senses", "seeing-done")
_EXPECTING_VERBS = words("senses", "expecting")
_HOLDING_VERBS = words("senses", "holding")
_HOSTAGE_NOUNS = words("senses", "hostage-noun")
HOPED = "code.hope-to-cooperate-is-an-intent"
PREDICTED = "code.expecting-another-to-act-is-a-prediction"
METAPHOR = "code.holding-a-thing-hostage-is-no-event"
EXPECTED_OF_ANOTHER = "code.expecting-of-another-is-no-intent"
# acts of compliance: expected of another party, a demand (senses.py, code.expecting-another-to-act-is-a-demand)
_COMPLIANCE = words("senses", "compliance")
_OBJECTS = ("dobj", "obj", "dative")
# prepositions of place: a party named in such a phrase of the hoped-for act is where it would be, not a partner
_PLACE_PREPOSITIONS = frozenset({"in", "across", "over", "throughout", "inside", "within", "near", "at"})
_NAME_TYPES = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC"})
# what a thing held hostage hangs on: the verb's object, or (as the parser often has it) a modifier of "hostage"
_HELD_DEPS = frozenset({"dobj", "obj", "nsubjpass", "compound", "poss", "nmod", "npadvmod", "oprd", "attr"})


def hoped_cooperation(verb: Token, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]],
                      ctx: DocContext) -> bool:
    """A verb of hoping whose infinitive is an act of cooperation (lexicons/wishes.tsv) with a coded party of
    another code than every source's: "India hopes to sign a trade deal with Britain" (the hope's target is the
    party of the act). Not a negated hope, nor a hope with no other party ("hopes to sign a deal")."""
    if verb.lemma_.lower() not in _HOPING_VERBS or any(c.dep_ == "neg" for c in verb.children):
        return False
    act = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
    if act is None or act.lemma_.lower() not in COOPERATIVE_ACTS or any(c.dep_ == "neg" for c in act.children):
        return False
    sources, targets = parties
    own = {s.code for s in sources}
    return any(t.code and t.code not in own and not _placed_party(verb.doc[t.start:t.end], act) for t in targets) \
        and ctx.fire(HOPED)


def _placed_party(span: Span, act: Token) -> bool:
    """Every name of the party's phrase is in a place phrase of the act (the phrase may be the act's whole object,
    "a caliphate in Iraq and Syria", coded by the places inside it)."""
    names = [t for t in span if t.pos_ == "PROPN" or t.ent_type_ in _NAME_TYPES] or [span.root]
    return all(_placed(n, act) for n in names)


def _placed(head: Token, act: Token) -> bool:
    """The party is named in a place phrase of the act ("hopes to build a caliphate in Iraq and Syria", "to
    establish an Islamic state in northern Mali"): where the act would be, not a partner of it (review 10 #5)."""
    tok = head
    while tok.i != act.i and tok.head.i != tok.i:
        if tok.dep_ == "pobj" and tok.head.lower_ in _PLACE_PREPOSITIONS:
            return True
        tok = tok.head
    return False


def hope_yields(verb: Token, coded: set[int]) -> bool:
    """A verb of hoping whose infinitive is itself a coded trigger: the act hoped for is the event (intended)."""
    return verb.lemma_.lower() in _HOPING_VERBS and any(
        c.dep_ == "xcomp" and c.i in coded and not seeing_done(c) for c in verb.children)


def seeing_done(comp: Token) -> bool:
    """The complement of a wish is 'see' with an object or a clause ("wants to see a phased withdrawal of UK
    troops", "want to see the text changed"): what is seen done is another party's act, asked of them, as in
    "wants Britain to use its influence"; the wish is no intent of the subject's own act (review 12)."""
    return comp.lemma_.lower() in _SEEING_DONE and any(c.dep_ in (*_OBJECTS, "ccomp") for c in comp.children)


def wish_code(verb: Token, code: str, ctx: DocContext) -> str | None:
    """"" (no event) for a prediction of another party's act or a thing held hostage, else None (no decision)."""
    if code[:2] == "03" and _predicts_another(verb) and ctx.fire(PREDICTED):
        return ""  # "Moscow expects Kyiv to launch a counteroffensive": foreseen, neither intended nor asked
    if code[:2] == "03" and _expects_of_another(verb) and ctx.fire(EXPECTED_OF_ANOTHER):
        return ""  # "expected Iranian retaliation", "expects its sales to grow": no intent of the expecter's
    if _thing_held_hostage(verb) and ctx.fire(METAPHOR):
        return ""  # "holding the budget hostage": no one seized
    return None


def _expected_act(verb: Token) -> Token | None:
    """The infinitive of 'X expects Y to V' whose doer is another party: a subject of its own (the parser's
    "expects [Y to V]") or the expecting verb's object."""
    if verb.lemma_.lower() not in _EXPECTING_VERBS:
        return None
    has_object = any(c.dep_ in _OBJECTS for c in verb.children)
    return next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp")
                 and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                 and (has_object or any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children))), None)


def _expects_of_another(verb: Token) -> bool:
    """'Expect' with an object or an infinitive with a subject of its own, other than an act of compliance (a
    demand: senses.py): what is expected is another party's act or a state of things ("fully expected Iranian
    retaliation", "Hyundai expects its sales in India to grow", "the Israelis were entitled to expect
    Palestinians to give up terrorism", "Australians would expect us to do"), foreseen or hoped for, not the
    expecter's intent to cooperate with anyone (the dictionary's 030 is for "expects to sign", its own act)."""
    if verb.lemma_.lower() not in _EXPECTING_VERBS:
        return False
    act = _expected_act(verb)
    if act is not None:
        return act.lemma_.lower() not in _COMPLIANCE or any(a.dep_ == "auxpass" for a in act.children)
    return any(c.dep_ in _OBJECTS and c.pos_ in ("NOUN", "PROPN") for c in verb.children)


def _predicts_another(verb: Token) -> bool:
    """'X expects Y to V' where V is an act of conflict or contest ("to launch a counteroffensive", "to retaliate":
    lexicons/wishes.tsv adversary-act) or a passive ("expected Isis to be defeated"), or an act the sentence
    forecasts (an adverb such as "soon", a governing "predicted"). Other acts ("expected the US to show goodwill
    towards Turkey") are left to the demand rule and to ``_expects_of_another``."""
    act = _expected_act(verb)
    if act is None:
        return False
    if act.lemma_.lower() in ADVERSARY_ACTS or any(a.dep_ == "auxpass" for a in act.children):
        return True
    cues = [*act.children, *verb.children]
    heads = [verb.head] if verb.dep_ in ("ccomp", "parataxis") else []
    return any(t.lemma_.lower() in PREDICTION_CUES or t.lower_ in PREDICTION_CUES for t in (*cues, *heads))


def _thing_held_hostage(verb: Token) -> bool:
    """'Hold X hostage' where X is a thing (a bid, a budget, a bill: lexicons/wishes.tsv held-thing), as the
    object of the verb or a modifier the parser hangs on "hostage" ("holding [North Macedonia's EU membership bid
    hostage]")."""
    if verb.lemma_.lower() not in _HOLDING_VERBS:
        return False
    hostage = [c for c in verb.children if c.lemma_.lower() in _HOSTAGE_NOUNS]
    if not hostage:
        return False
    held = [c for c in (*verb.children, *(g for h in hostage for g in h.children))
            if c.dep_ in _HELD_DEPS and c.lemma_.lower() not in _HOSTAGE_NOUNS]
    return any(h.lemma_.lower() in HELD_THINGS or h.lower_ in HELD_THINGS for h in held)
