"""The trigger seen from the rules of modality (``modality.MODALITY_RULES``): the clauses that embed it, the clause
it belongs to, and the small tests of a clause's verb several rules share (its auxiliaries, a to-infinitive, the
head of a coordination, a governor among given lemmas), with the word lists more than one group of rules reads."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .lexicons import words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

FUTURE_AUX = words("modal_cues", "future")
INTENTION_VERBS = words("verb_classes", "intention")
THREAT_VERBS = words("verb_classes", "threat")
REPORT_VERBS = words("verb_classes", "report")
_CLAUSE_UP = frozenset({"xcomp", "ccomp", "advcl", "conj", "relcl", "acl", "pcomp", "csubj"})


@dataclass(frozen=True, slots=True)
class ModalClauses:
    """The trigger seen from modality's rules: the clauses that embed it and the clause it belongs to."""

    trigger: Token
    code: str
    sent: Span
    chain: tuple[Token, ...]  # the trigger and the clauses that embed it, innermost first
    own: tuple[Token, ...]  # the trigger's own clause (with its governor for conjuncts, infinitives, purposes)
    reported_future: bool  # "said they would blockade Paris": "would" under a past speech verb is a future


def modal_clauses(trigger: Token, code: str, sent: Span) -> ModalClauses:
    """The clauses of ``trigger`` (of an event of ``code`` in ``sent``) as modality's rules read them."""
    # walk from the trigger up through the clauses that embed it
    chain: list[Token] = [trigger]
    tok = trigger
    while tok.dep_ in _CLAUSE_UP and tok.head.i != tok.i and len(chain) < 6:
        tok = tok.head
        chain.append(tok)
    # a coordinated verb, a controlled infinitive and a purpose infinitive share their governor's modality ("may
    # feel emboldened to launch an assault")
    purpose = trigger.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children)
    own = chain[:2] if trigger.dep_ in ("conj", "xcomp") or purpose else chain[:1]
    # ... and under a past verb of threat or promise ("swore that Iran would retaliate", "vowed it would respond")
    reported_future = any(t.dep_ == "ccomp" and t.head.lemma_.lower() in REPORT_VERBS | THREAT_VERBS for t in own)
    return ModalClauses(trigger, code, sent, tuple(chain), tuple(own), reported_future)


# Each rule of modality looks at the trigger's clauses and gives (rule id, modality) or None; the first that
# gives one decides (``MODALITY_RULES`` is their order, strongest first).
Decision = tuple[str, str] | None


def auxiliaries(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}


def is_to_infinitive(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def conjunct_head(tok: Token) -> Token:
    """The first of the verbs ``tok`` is coordinated with, when they share one subject: "urged Israel to halt the
    offensive and withdraw" (withdraw -> halt); a conjunct with a subject of its own stops the walk ("urged X to
    halt, and Israel withdrew")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i and not any(c.dep_ in ("nsubj", "nsubjpass")
                                                                  for c in tok.children):
        tok = tok.head
    return tok


def governed_by(trigger: Token, lemmas: frozenset[str], levels: int = 4) -> bool:
    """One of ``trigger``'s nearest ``levels`` governors has a lemma in ``lemmas``."""
    anc = trigger
    for _ in range(levels):
        if anc.head.i == anc.i:
            return False
        anc = anc.head
        if anc.lemma_.lower() in lemmas:
            return True
    return False


# verbs that tell someone something to their face, whose "that" clause saying what must or should be done is a
# demand addressed to the one told (lexicons/verb_classes.tsv, telling)
_TELLING = words("verb_classes", "telling")
# the subjects by which a clause told to someone names that someone (not "we", "I": the speaker's own side)
_TOLD_PRONOUNS = frozenset({"it", "they", "he", "she", "you"})
_SHOULD = frozenset({"should", "must", "ought"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})


def _may_stand_for(pronoun: Token, told: Token, clause: Token) -> bool:
    """Whether the clause's pronoun subject can be the one told: "it" is no one in "told reporters it must be clear
    that ...", "told the BBC it should be possible to ..." (an anticipatory "it" of a copula with an adjective or noun
    and a clause), and a pronoun must agree with the one told: "it" or "he"/"she" is not "reporters" or "Iraqi
    leaders" (it stands for a third party, or the speaker: "told reporters it must stop enriching uranium"). (Whether
    "it" is a person is not asked: the tagger takes capitals for persons, "told Kiev it must stop".)"""
    word = pronoun.lower_
    if word == "it" and clause.lemma_ == "be" and any(c.dep_ in ("acomp", "attr") for c in clause.children) \
            and any(c.dep_ in ("ccomp", "xcomp") for c in clause.children):
        return False
    return not (word in ("it", "he", "she") and told.tag_ in _PLURAL_TAGS)
TOLD = "code.telling-someone-they-must-act-is-a-demand"


def told_to_act(verb: Token, clause: Token) -> bool:
    """ "told the EU it must take back its fighters", "told Turkey that it should withdraw its troops": a verb of
    telling with an addressee and a complement whose pronoun subject (the one told: not "we" or "I") must, should
    or has to act. With a subject of its own ("told reporters Iran must stop") the clause names whom it asks."""
    subj = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    told = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
    if verb.lemma_.lower() not in _TELLING or told is None \
            or not subj or subj[0].lower_ not in _TOLD_PRONOUNS or subj[0].dep_ == "nsubjpass" \
            or not _may_stand_for(subj[0], told, clause):
        return False
    aux = {a.lower_ for a in clause.children if a.dep_ == "aux"}
    must = clause.lemma_.lower() == "have" and any(c.dep_ == "xcomp" for c in clause.children) \
        and clause.tag_ in ("VBZ", "VBP")
    return bool(aux & _SHOULD) or must
