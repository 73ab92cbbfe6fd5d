"""Tests of a trigger token for the event coder (``engine.EventCoder``): whether a token may trigger at all,
whether a clause obliges its subject, "came under attack", a participle that describes its noun, a claim made by
an indicative complement, and a passive verb's logical object."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .consultation_nouns import CONSULT_NOUNS, FIGHTING_NOUNS
from .lexicons import words
from .source_finders import NOMINAL, reduced_passive

if TYPE_CHECKING:
    from spacy.tokens import Token


_OBLIGATION_VERBS = words("verb_classes", "obligation")
_ADVICE_AUX = words("modal_cues", "advice")  # "should"
_ADVICE_STATES = words("modal_cues", "advice-state")  # "should know", "should face justice": nothing asked
# a view held is no act (code.held-view-is-no-act): "the SNP argues Scotland should hold a referendum"
_VIEW_VERBS = words("senses", "view-verb") | words("senses", "knowing-verb")
# a subject that names no one to ask: "No politician should ...", "A judge should look into ..." (any judge)
_NO_ONE_DETS = frozenset({"a", "an", "no", "any", "every", "each"})
_NO_ONE = frozenset({"nobody", "anyone", "anybody", "everyone", "everybody", "none", "one"})
# what one comes under when attacked ("came under a rocket attack"): event_nouns instruments
_ASSAULT_NOUNS = words("event_nouns", "instrument")


def _may_trigger(tok: Token) -> bool:
    """Whether ``_code_trigger`` can code ``tok`` at all: a cheap test that skips most tokens (nine in ten) before
    the dictionary look-ups. It admits every token the first tests there let through: a verb or auxiliary (verb
    entries, a light verb's event noun), a form of "be" (the copula of "are in talks"), a noun with a nominal
    verb entry, a consultation noun or a noun of fighting; any other token gets no verb entry and no light-verb
    code there."""
    pos = tok.pos_
    if pos in ("VERB", "AUX") or tok.lemma_ == "be":
        return True
    lemma = tok.lemma_.lower()
    return pos == "NOUN" and (lemma in NOMINAL or lemma in CONSULT_NOUNS or lemma in FIGHTING_NOUNS)


def _obliged(clause: Token) -> bool:
    """A clause that says its subject must act: "Y must stop", "Y needs to stop" (deontic necessity)."""
    return any(a.dep_ == "aux" and a.lower_ == "must" for a in clause.children) or (
        clause.lemma_.lower() in _OBLIGATION_VERBS and any(c.dep_ == "xcomp" for c in clause.children))


def _advised(clause: Token) -> bool:
    """A clause that says its active subject should act: "Britain should take back its citizens" (advice; the
    appeal is made to the subject). Not "should have acted" (a reproach of what was not done), not a passive ("Blair
    should be sacked": its subject undergoes the act and is not the one asked), not a question or condition ("asked
    whether Iran should ..."), not a state, a perception or what befalls the subject ("should be happy", "should know
    by now", "should face justice"; lexicons/modal_cues.tsv advice-state), not a subject that names no one ("No
    politician should", "A judge should look into it"), not a view held ("thinks the BBC should leave the matter
    alone", "argues Scotland should hold a referendum": code.held-view-is-no-act)."""
    aux = [a for a in clause.children if a.dep_ == "aux"]
    subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if subj is None or clause.lemma_.lower() in _ADVICE_STATES or clause.lemma_.lower() == "be" or _no_one(subj) \
            or clause.head.lemma_.lower() in _VIEW_VERBS:
        return False  # "the Kurds should be happy", "should know by now": a state, no act asked
    return any(a.lower_ in _ADVICE_AUX for a in aux) and not any(a.lemma_ == "have" for a in aux) \
        and not any(c.dep_ in ("nsubjpass", "auxpass") or (c.dep_ == "mark" and c.lower_ in ("if", "whether"))
                    for c in clause.children)


def _no_one(subj: Token) -> bool:
    """A subject that names no one in particular: "No politician should make the mistake", "A judge should look
    into the controversy" (whoever is appointed), "anyone"."""
    return subj.lower_ in _NO_ONE or any(d.dep_ == "det" and d.lower_ in _NO_ONE_DETS for d in subj.children)


def _under_attack(verb: Token) -> bool:
    """ "came under attack (from X)", "came under rocket attack": the subject is the target of an act of force."""
    return verb.lemma_.lower() == "come" and any(
        p.dep_ == "prep" and p.lower_ == "under" and any(o.dep_ == "pobj" and o.lemma_.lower() in _ASSAULT_NOUNS
                                                         for o in p.children) for p in verb.children)


def _description(verb: Token, code: str) -> bool:
    """A participle describing a noun by a standing relation, not an act reported as news: "militants backed by
    Iran", "an uprising led by Khomeini" (cooperation, statements); acts of conflict so reported are news ("a
    soldier arrested in Turkey")."""
    return reduced_passive(verb) and code[:2] in _DESCRIPTIVE_ROOTS


_DESCRIPTIVE_ROOTS = frozenset(f"{n:02d}" for n in range(1, 11))  # statements to demands: 01-10
# verbs that demand, quarrel or reject with an object or a mandative complement, and claim with an indicative one
_CLAIM_OR_DEMAND = words("verb_classes", "claim-or-demand")
_MANDATIVE = words("modal_cues", "mandative")
_EPISTEMIC = words("modal_cues", "epistemic")
_DEMANDING = words("wishes", "demanding-verb")
_DEMANDED_ACTS = words("wishes", "demanded-act")


def _indicative_report(verb: Token) -> bool:
    """The verb reports a fact or a guess, not a wish: its complement clause is indicative ("insisted that Isis
    remained a threat", "suggested tens of thousands may die"), not mandative ("demanded that he resign", "urged
    that they should leave") or infinitival ("urged them to leave")."""
    if verb.lemma_.lower() not in _CLAIM_OR_DEMAND or any(c.dep_ in ("xcomp", "dobj", "obj", "dative")
                                                          for c in verb.children):
        return False
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
    if not clauses:
        return False
    for clause in clauses:
        aux = {a.lower_ for a in clause.children if a.dep_ in ("aux", "auxpass")}
        if _present_demand(verb, clause, aux):
            return False
        if aux & _MANDATIVE or not (clause.tag_ in ("VBD", "VBZ") or aux & _EPISTEMIC
                                    or any(a.tag_ in ("VBD", "VBZ") for a in clause.children
                                           if a.dep_ in ("aux", "auxpass"))):
            return False
    return True


def _present_demand(verb: Token, clause: Token, aux: set[str]) -> bool:
    """British English puts the mandative in the indicative after a verb of demanding: "insist that the electoral
    commission resigns", "demand that the president steps down" ask for an act one party demands of another
    (wishes.tsv demanded-act), not a claim (review 10 #7); a pronoun subject is the speaker's own side."""
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    return verb.lemma_.lower() in _DEMANDING and clause.tag_ == "VBZ" and not aux and subject is not None \
        and subject.pos_ != "PRON" and clause.lemma_.lower() in _DEMANDED_ACTS \
        and not any(c.dep_ == "neg" for c in clause.children)


_RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})


def _relative(tok: Token) -> bool:
    return tok.tag_ in _RELATIVE_TAGS or tok.lower_ in ("that", "which", "who", "whom")


def _logical_object(verb: Token) -> Token | None:
    """The noun that is a verb's logical object when it has no object of its own: the subject of a passive
    ("sanctions were imposed"), or the noun an object relative clause modifies ("the sanctions Washington imposed",
    "the tariff that was levied"). A subject relative ("the sanctions that hurt") has its noun as subject: none."""
    kids = list(verb.children)
    objects = [c for c in kids if c.dep_ in ("dobj", "obj")]
    if any(not _relative(c) for c in objects):
        return None
    passive = next((c for c in kids if c.dep_ == "nsubjpass"), None)
    if passive is not None and not _relative(passive):
        return passive
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return None
    subj = next((c for c in kids if c.dep_ == "nsubj"), None)
    if objects or passive is not None or (subj is not None and not _relative(subj)):
        return verb.head
    return None
