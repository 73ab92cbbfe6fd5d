"""Rules of modality that find an act negated (``modality.MODALITY_RULES``): a negation on the trigger or on the
verb that governs it ("did not attack", "never signed"), a negative subject ("no passengers were killed"), an act
done "without" ("withdrew without firing a shot"), a governing refusal ("refused to lift"), a verb of ending
("stopped urging") or a verb of prevention it hangs on ("barred X from entering"); and the act of a clause that a
negated belief, implication or evidence governs ("did not mean that Libya had cut its ties", "no evidence that any
detainee was tortured"), which is not told at all (hypothetical)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicons import words
from .modal_clauses import Decision, ModalClauses, auxiliaries, conjunct_head

if TYPE_CHECKING:
    from spacy.tokens import Token

_REFUSAL = words("verb_classes", "refusal")
# aspectual verbs of ending ("stopped urging"): their gerund is an act that no longer goes on
_ENDING = words("verb_classes", "ending")
# auxiliaries of a stop not told as done ("must stop", "will stop", "to stop")
_UNDONE_AUX = frozenset({"to", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "'ll",
                         "'d"})
# verbs that stop someone from doing something ("barred X from entering"): the act stopped did not happen
_PREVENTION = words("verb_classes", "prevention")
_NEG = words("modal_cues", "negation")
_FOCUS = words("modal_cues", "focus")
# verbs (and the adjective "true") whose complement clause is not told as true when they are negated, and nouns of
# evidence whose clause is not when they are ("did not mean that ...", "no evidence that ...")
_UNASSERTING = words("modal_cues", "unasserting-when-negated")
_EVIDENCE = words("modal_cues", "evidence-noun")
# links by which a clause tells its own act (an adverbial, relative or subject clause, a preposition's gerund): a
# belief over the sentence does not reach into them ("I don't think that's fair, because Iran attacked")
_OWN_TELLING = frozenset({"advcl", "relcl", "pcomp", "csubj"})


# not commenting or not answering questions is declining comment (code.not-commenting-declines-comment)
NO_COMMENT, DECLINE_COMMENT = "code.not-commenting-declines-comment", "011"
_NOT_COMMENTING = words("senses", "not-commenting")


def negated(tok: Token, *, bare_infinitive: bool = False) -> bool:
    """A negation on the verb ("did not attack"), or on an adverb of the verb ("did not even ever clash"); with
    ``bare_infinitive``, also on the verb that governs a bare infinitive, which forms one predicate with it ("will
    not wire tap", "did not help rebuild"; but not "won't try to clash")."""
    if bare_infinitive and tok.dep_ == "xcomp" and tok.head.i != tok.i and negated(tok.head) and not any(
            c.dep_ in ("aux", "mark") and c.lower_ == "to" for c in tok.children):
        return True
    for c in tok.children:
        if c.dep_ == "neg" or (c.lower_ in _NEG and c.dep_ != "preconj"):  # "not only X but also Y": no negation
            return True
        if c.dep_ == "advmod" and c.lower_ not in _FOCUS and any(g.dep_ == "neg" or g.lower_ in _NEG
                                                                  for g in c.children):
            return True
    return False


def _negative(tok: Token) -> bool:
    """``tok`` is a negative quantifier phrase: "none", "nobody", "no passengers", "neither side", "neither X nor
    Y" (a correlative "neither" needs its "nor", so that "not only X but also Y" stays positive)."""
    if tok.lower_ in _NEG and tok.pos_ in ("PRON", "NOUN"):
        return True  # "none of the hostages", "nobody"
    kids = [k for k in tok.children if k.lower_ in _NEG]
    return any(k.dep_ == "det" for k in kids) or (
        any(k.dep_ == "preconj" for k in kids) and any(k.dep_ == "cc" for k in kids))


def negative_subject(c: ModalClauses) -> Decision:
    # "no passengers were killed", "none of the hostages was harmed", "neither side fired", "neither ICE nor DHS
    # has responded": the act is said of nobody, so it did not happen
    t = conjunct_head(c.trigger)
    if any(s.dep_ in ("nsubj", "nsubjpass") and _negative(s) for s in t.children):
        return "modality.negative-subject", "negated"
    return None


def without_is_not_done(c: ModalClauses) -> Decision:
    # "withdrew without firing a shot", "left the square without clashing with the police", "shelled the town
    # without warning": what is done without an act is done and the act is not
    t = conjunct_head(c.trigger)
    if t.dep_ in ("pcomp", "pobj") and t.head.lower_ == "without" and t.head.i != t.i:
        return "modality.without-is-not-done", "negated"
    return None


def negation(c: ModalClauses) -> Decision:
    if c.code == DECLINE_COMMENT and not_commenting(c.trigger):
        return NO_COMMENT, "asserted"  # "does not comment": the negation is the act, declining comment (011)
    return ("modality.negation", "negated") if negated(c.trigger) else None


def not_commenting(verb: Token) -> bool:
    """A negated verb of commenting: "does not comment on intelligence matters", "did not comment on the report".
    Not "did not respond to a request for comment", which the gold codes either way (docs/events-gold.md, section
    8), nor "did not respond to the attack"."""
    return verb.lemma_.lower() in _NOT_COMMENTING and negated(verb)


def negated_governor(c: ModalClauses) -> Decision:
    t = c.trigger
    if t.dep_ == "xcomp" and (any(g.dep_ == "neg" for g in t.head.children) or _negated_copula(t.head)):
        return "modality.negated-governor", "negated"  # "did not try to attack", "is not willing to negotiate"
    return None


def _negated_copula(adjective: Token) -> bool:
    """The negation of "is not willing to" sits on the copula, the adjective's head."""
    return adjective.dep_ == "acomp" and adjective.head.i != adjective.i and any(
        g.dep_ == "neg" for g in adjective.head.children)


def refusal(c: ModalClauses) -> Decision:
    # "refused to lift the curfew": the curfew stays (the refusal is coded on its own)
    t = c.trigger
    return ("modality.refusal", "negated") if t.dep_ == "xcomp" and t.head.lemma_.lower() in _REFUSAL else None


def stopped_act(c: ModalClauses) -> Decision:
    # "Khomeini stopped urging Iranians to export the revolution", "the rebels ceased firing on the city": the
    # gerund of a verb of ending is an act that no longer goes on, not one the sentence tells as done (the act
    # before the stop, if news, is told by its own words); "stopped to talk" (an infinitive of purpose) is not it
    t = c.trigger
    ending = t.dep_ == "xcomp" and t.tag_ == "VBG" and t.head.lemma_.lower() in _ENDING
    return ("modality.stopped-act-is-not-told", "negated") if ending and _told_stop(t.head) else None


def _told_stop(verb: Token) -> bool:
    """The stop itself is told as done: not asked for, owed, planned or denied ("wants China to stop arming
    Russia", "told Kiev it must stop shelling Donetsk", "did not stop attacking"), where what is to stop goes on."""
    return verb.dep_ != "xcomp" and not auxiliaries(verb) & _UNDONE_AUX and not negated(verb)


def prevented_act(c: ModalClauses) -> Decision:
    # "barred girls from attending school", "prevented the escape of ...": what is stopped did not happen (the
    # bar or the prevention is coded on its own)
    t = c.trigger
    stopped = t.dep_ == "pcomp" and t.head.lower_ == "from" and t.head.head.lemma_.lower() in _PREVENTION
    return ("modality.prevented-act", "negated") if stopped else None


def unasserted_under_a_negated_belief(c: ModalClauses) -> Decision:
    # "the withdrawal did not mean that Libya had cut its ties with the US", "I don't think he will give it away",
    # "said there was no evidence that any British detainee was tortured", "it is not true that Turkey invaded":
    # the clause is what the speaker does not believe, does not see implied or finds no evidence of, so its act is
    # not told as done (reported speech and a past tense had it reported or asserted)
    for low, gov in zip(c.chain, c.chain[1:], strict=False):
        if low.dep_ in _OWN_TELLING:
            return None
        if low.dep_ in ("ccomp", "acl") and _denies_its_clause(gov):
            return "modality.unasserted-under-a-negated-belief", "hypothetical"
    return None


def _denies_its_clause(gov: Token) -> bool:
    """``gov`` is a negated verb of belief or implication ("did not mean"), a negated "true" ("is not true"), or
    a noun of evidence with "no" or under a negated verb ("no evidence", "did not find any evidence")."""
    if gov.pos_ in ("NOUN", "PROPN"):
        if gov.lemma_.lower() not in _EVIDENCE:
            return False
        return any(k.dep_ == "det" and k.lower_ == "no" for k in gov.children) or (
            gov.head.i != gov.i and gov.head.pos_ in ("VERB", "AUX") and negated(gov.head))
    true = gov.lemma_.lower() == "be" and any(k.dep_ == "acomp" and k.lower_ in _UNASSERTING for k in gov.children)
    return (gov.lemma_.lower() in _UNASSERTING or true) and negated(gov)
