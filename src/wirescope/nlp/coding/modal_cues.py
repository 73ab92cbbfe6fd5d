"""Rules of modality that read the words of the trigger's clauses (``modality.MODALITY_RULES``): an adverb or a
modal of possibility, a condition, a hedge ("it is likely that ...") make an act hypothetical; a threat code, a
future auxiliary, a verb of threat, promise or intention make it threatened (announced), and a finite adverbial
clause keeps its own tense ("vowed revenge after Israel killed its general"); a speech verb above it or quotation
marks around it make it reported."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from .lexicons import words
from .modal_clauses import (
    FUTURE_AUX,
    INTENTION_VERBS,
    REPORT_VERBS,
    THREAT_VERBS,
    Decision,
    ModalClauses,
    auxiliaries,
    governed_by,
    is_to_infinitive,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_POSSIBLE = words("modal_cues", "possible")
_CONDITIONAL = words("modal_cues", "conditional")
_CAUSAL = words("modal_cues", "causal")
_HEDGES = words("hedges", "hedge")
_INVERTING = words("modal_cues", "inverted-condition")
_INDEFINITE = words("modal_cues", "indefinite-determiner")
_EXPECTING = words("senses", "expecting")
_CLAUSE_UP = frozenset({"xcomp", "ccomp", "advcl", "conj", "pcomp", "csubj", "csubjpass"})


def possibility_adverb(c: ModalClauses) -> Decision:
    # "maybe some got caught", "the police likely prevented the escape", "perhaps they attacked first": an adverb
    # of possibility on the act's own clause says it may have happened, not that it did
    if any(a.dep_ == "advmod" and a.lower_ in _POSSIBLE for t in c.own for a in t.children):
        return "modality.possibility-adverb", "hypothetical"
    return None


def possibility_or_condition(c: ModalClauses) -> Decision:
    for t in c.own:
        modals = auxiliaries(t) & _POSSIBLE
        if c.reported_future:
            modals -= {"would"}
        if modals or any(m.dep_ == "mark" and m.lower_ in _CONDITIONAL for m in t.children):
            return "modality.possibility-or-condition", "hypothetical"
        if c.reported_future and "would" in auxiliaries(t):
            return "modality.reported-future", "threatened"
    return None


def conjunct_shares_its_auxiliary(c: ModalClauses) -> Decision:
    # "Turkey will attack Afrin and shell Kurdish positions", "the US would counterbalance Iran and continue to
    # battle Isis": a bare verb coordinated under one auxiliary is in its scope; the auxiliary hangs on the first
    # conjunct only, so the second was read as an act done
    for t in c.own:
        if t.dep_ != "conj" or t.tag_ != "VB" or any(
                ch.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for ch in t.children):
            continue
        first = t.head
        while first.dep_ == "conj" and first.tag_ == "VB" and not auxiliaries(first) and first.head.i != first.i:
            first = first.head  # "will attack, shell and occupy": the auxiliary is on the first
        aux = auxiliaries(first)
        reported = c.reported_future or (first.dep_ == "ccomp" and first.head.lemma_.lower() in REPORT_VERBS)
        if (reported and "would" in aux) or aux & FUTURE_AUX:
            return "modality.conjunct-shares-its-auxiliary", "threatened"
        if aux & _POSSIBLE:
            return "modality.conjunct-shares-its-auxiliary", "hypothetical"
    return None


def _inverted_condition(clause: Token) -> bool:
    """``clause`` is an adverbial clause opened by "had", "were" or "should" before its subject, with no marker
    ("Had the US struck Iran", "Were Britain to withdraw", "should they come back"), hanging on a clause with a
    modal or a future (the consequence of a condition: "would have retaliated", "will respond"). Only leading
    adverbs or conjunctions may come before the auxiliary, so a negative inversion ("Not only had Iran seized the
    ship, ...") is no condition."""
    if clause.dep_ != "advcl" or any(m.dep_ == "mark" for m in clause.children):
        return False
    aux = next((a for a in clause.children if a.dep_ in ("aux", "auxpass") and a.i < clause.i), None)
    opener = aux if aux is not None else clause  # "Were Britain to withdraw": the copula heads its clause
    if opener.lower_ not in _INVERTING:
        return False
    before = clause.doc[clause.left_edge.i:opener.i]
    if any(t.dep_ not in ("advmod", "cc", "punct") or t.lower_ in ("not", "only", "never") for t in before):
        return False
    subject = next((s for s in clause.children if s.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subject is None or subject.i < opener.i:
        return False
    return bool(auxiliaries(clause.head) & (_POSSIBLE | FUTURE_AUX))


def inverted_condition(c: ModalClauses) -> Decision:
    # "Had the US struck Iran, Tehran would have retaliated", "Were Britain to withdraw its troops, the insurgents
    # would attack", "Should Iran attack, the US will respond": an auxiliary before the subject opens a condition as
    # "if" does; the act of the condition, and every act its clause embeds, is supposed, not told (a counterfactual
    # "had" even says it did not happen)
    if any(_inverted_condition(t) for t in c.chain[:4]):
        return "modality.inverted-condition", "hypothetical"
    return None


def _verb_of(noun: Token) -> Token | None:
    """The verb whose clause a noun is in: up through prepositions, conjunctions and compounds ("join a US attack
    on Iran" -> join; "if a US strike on Syria threatened ..." -> threatened)."""
    tok = noun
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return tok if tok.pos_ in ("VERB", "AUX") else None


def indefinite_act_under_if_or_whether(c: ModalClauses) -> Decision:
    # "if a US strike on Syria threatened Russian personnel", "refused to say whether Britain would join a US attack
    # on Iran": an act named by an indefinite noun in a clause of 'if', 'unless' or 'whether' is supposed or asked
    # about, as the clause's verb is (modality.possibility-or-condition reads the clauses of verbs only); a
    # definite one ("whether the attack on the convoy was legal") is presupposed and left alone
    t = c.trigger
    if t.pos_ != "NOUN" or not any(d.dep_ == "det" and d.lower_ in _INDEFINITE for d in t.children):
        return None
    verb = _verb_of(t)
    for _ in range(3):
        if verb is None:
            return None
        if any(m.dep_ == "mark" and m.lower_ in _CONDITIONAL for m in verb.children):
            return "modality.indefinite-act-under-if-or-whether", "hypothetical"
        verb = verb.head if verb.dep_ in _CLAUSE_UP and verb.head.i != verb.i else None
    return None


def hedge_or_condition_above(c: ModalClauses) -> Decision:
    for t in c.chain[1:]:
        if t.lemma_.lower() in _HEDGES or any(a.dep_ == "acomp" and a.lemma_.lower() in _HEDGES for a in t.children):
            return "modality.hedged-clause", "hypothetical"  # "it is likely that ...", "it is unclear whether ..."
        if any(m.dep_ == "mark" and m.lower_ in _CONDITIONAL for m in t.children) and t.dep_ != "ROOT":
            return "modality.conditional-clause-above", "hypothetical"
    return None


def hedge_word(c: ModalClauses) -> Decision:
    # "the growing possibility of attacks", "likely to strike"
    return ("modality.hedge-word", "hypothetical") if governed_by(c.trigger, _HEDGES) else None


def conditional_act(c: ModalClauses) -> Decision:
    t = c.trigger
    if not _conditioned(t):
        return None
    # an act made conditional: "X will strike if Y", "said it would boycott the vote unless ..." commits to it
    # on a condition (a threat or a promise); "X strikes if Y" only states a rule
    return "modality.conditional-act", "threatened" if _committed(c) else "hypothetical"


def threat_on_a_condition(c: ModalClauses) -> Decision:
    # "is warning Washington of severe consequences if it has to turn to Moscow", "threatened to hit back if
    # Erdogan advances": the condition is what the threat says, and the threat itself is made (a threat with a
    # future, "will threaten ... if", is committed anyway: modality.conditional-act); the threat is the verb of
    # threat or warning, or the act it governs ("threatened to hit back if")
    t = c.trigger
    uttered = t.lemma_.lower() in THREAT_VERBS or (t.dep_ == "xcomp" and t.head.lemma_.lower() in THREAT_VERBS)
    if c.code[:2] != "13" or not uttered or not _conditioned(t) or _committed(c):
        return None  # "Ghana attacks Togo if it is provoked": a rule stated, no threat uttered
    return "modality.threat-on-a-condition-is-made", "threatened"


def _conditioned(t: Token) -> bool:
    return any(a.dep_ == "advcl" and any(m.lower_ in _CONDITIONAL for m in a.children) for a in t.children)


def _committed(c: ModalClauses) -> bool:
    return bool(auxiliaries(c.trigger) & FUTURE_AUX) or (c.reported_future and "would" in auxiliaries(c.trigger))


# links by which a finite clause hangs on another as an adverbial or a relative clause ("after Israel killed ...",
# "because Iran attacked ...", "which Russia seized in 2014"): it has its own tense and mood
_ADJUNCT_CLAUSE = frozenset({"advcl", "relcl", "acl"})
_FINITE = frozenset({"VBD", "VBZ", "VBP"})


def _finite_adjunct(tok: Token) -> bool:
    """``tok`` heads a finite adverbial or relative clause (a past or present verb, or one with its own subject),
    not an infinitive of purpose or a participle."""
    if tok.dep_ not in _ADJUNCT_CLAUSE or is_to_infinitive(tok):
        return False
    return tok.tag_ in _FINITE or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


_PAST_AUX = frozenset({"has", "have", "had", "was", "were"})


def _past_or_causal(tok: Token) -> bool:
    """``tok`` heads a past clause ("killed", "has/had attacked", "was bombed") or a causal one ("because Iran
    attacks"). A present verb after "when", "after", "once", "until" or "if" speaks of the future ("will retaliate
    when Israel attacks again") and shares its governor's modality."""
    if tok.tag_ == "VBD" or (tok.tag_ == "VBN" and auxiliaries(tok) & _PAST_AUX):
        return True
    return any(m.dep_ == "mark" and m.lower_ in _CAUSAL for m in tok.children)


def _commits(tok: Token) -> bool:
    """``tok`` would make what it governs threatened or promised: a future auxiliary, a verb of threat or promise,
    or a verb of intention ("will", "vowed", "plans")."""
    return bool(auxiliaries(tok) & FUTURE_AUX) or tok.lemma_.lower() in THREAT_VERBS | INTENTION_VERBS


def adverbial_clause_keeps_its_tense(c: ModalClauses) -> Decision:
    # "Iran vowed revenge after Israel killed its general", "Trump threatened the EU with tariffs after the EU
    # levied a tariff on whiskey", "will retaliate because Iran attacked": a finite adverbial or relative clause
    # says on its own when its act happened; the future, threat or intention of the clause it hangs on is not
    # its own (it may still be reported or quoted). Only a past or causal clause: "when Israel attacks again" is future
    for k, child in enumerate(c.chain[:2]):
        if auxiliaries(child) & FUTURE_AUX or (child.dep_ in _ADJUNCT_CLAUSE and not _finite_adjunct(child)):
            return None  # its own future ("after it will ..."), or a purpose or participle that shares its governor's
        if _finite_adjunct(child):
            if not _past_or_causal(child) or not any(_commits(g) for g in c.chain[k + 1:3]):
                return None
            below = reported_speech(c) or inside_quotes(c)
            return "modality.adverbial-clause-keeps-its-tense", below[1] if below else "asserted"
    return None


def threat_code(c: ModalClauses) -> Decision:
    return ("modality.threat-code", "threatened") if c.code[:2] == "13" else None


# a present "be" of "going to", also contracted ("we're going to protect", "I'm going to meet", in quotations most
# of all): a past "was going to" is a plan that may have been dropped
_PRESENT_BE = frozenset({"be", "is", "are", "am", "'re", "'m", "'s", "’re", "’m", "’s"})


def future_tense(c: ModalClauses) -> Decision:
    t = c.trigger
    future = any(auxiliaries(x) & FUTURE_AUX for x in c.chain[:3]
                 if x.i == t.i or x.dep_ != "ROOT" or t.dep_ == "xcomp")
    going = t.dep_ == "xcomp" and t.head.lemma_ == "go" and auxiliaries(t.head) & _PRESENT_BE
    return ("modality.future", "threatened") if future or going else None


def threat_or_promise_verb(c: ModalClauses) -> Decision:
    if any(t.lemma_.lower() in THREAT_VERBS for t in c.chain[1:3]):
        return "modality.threat-or-promise-verb", "threatened"
    return None


# roots of conflict (demand to mass violence): announced, they are threats (lexicons/announced.tsv)
_CONFLICT_ROOTS = frozenset({"10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20"})
_TRYING_VERBS = words("verb_classes", "trying")


def expected_conflict_is_a_prediction(c: ModalClauses) -> Decision:
    # "Iran is expected to retaliate against American forces", "activists were expected to demonstrate", "China is
    # expected to announce new tariffs": the passive "is expected to" gives what others foresee of its subject, not
    # what the subject announced; a conflictual act foreseen is no threat made (a threat is the threatener's own
    # words), only a prediction. A cooperative act expected stays planned ("Bolton is expected to hold talks with
    # Turkish officials": a scheduled meeting, intention)
    if c.code.lstrip("~")[:2] not in _CONFLICT_ROOTS:
        return None
    for child, t in itertools.pairwise(c.chain[:3]):
        if child.dep_ == "xcomp" and t.lemma_.lower() in _EXPECTING and any(a.dep_ == "auxpass" for a in t.children):
            return "modality.expected-conflict-is-a-prediction", "hypothetical"
    return None


def intention(c: ModalClauses) -> Decision:
    # "plans to impose", "is prepared to", "agreed to send", "is willing to send material to help defend X":
    # an announced intention, and what it is meant to do
    if any(child.dep_ == "xcomp" and t.lemma_.lower() in INTENTION_VERBS for child, t in itertools.pairwise(c.chain)):
        return "modality.intention", "threatened"
    return ("modality.intention", "threatened") if _looked_forward_to(c.trigger) else None


def trying_to_cooperate(c: ModalClauses) -> Decision:
    # "is trying to strike a deal with France", "attempted to broker a ceasefire": a cooperative act tried is sought,
    # not done, as after "strives to" (modality.intention); an attempted attack is an attack (a conflictual act
    # tried keeps the modality it is told with: "rebels tried to storm the embassy")
    if c.code.lstrip("~")[:2] in _CONFLICT_ROOTS:
        return None
    if any(child.dep_ == "xcomp" and t.lemma_.lower() in _TRYING_VERBS for child, t in itertools.pairwise(c.chain)):
        return "modality.trying-to-cooperate-is-no-deed", "threatened"
    return None


def _looked_forward_to(trigger: Token) -> bool:
    """The gerund of 'look forward to V-ing' ("We look forward to working with the new government", "is looking
    forward to cooperating with France"): an act hoped for, as after 'hopes to', not one done. The parser hangs
    'to' on 'look' with 'forward' beside it, or on 'forward'; the clause chain stops at the preposition."""
    to = trigger.head
    if trigger.dep_ != "pcomp" or to.lower_ != "to" or to.dep_ != "prep":
        return False
    look = to.head.head if to.head.lower_ == "forward" else to.head
    return look.lemma_.lower() == "look" and (look is not to.head or any(k.lower_ == "forward" for k in look.children))


def reported_speech(c: ModalClauses) -> Decision:
    for child, t in itertools.pairwise(c.chain):
        # reported when embedded under a speech verb, not when merely coordinated with one ("revealed X, and Y
        # branded ...")
        if t.lemma_.lower() in REPORT_VERBS and t.pos_ in ("VERB", "AUX") and child.dep_ != "conj":
            return "modality.reported-speech", "reported"
    return None


def _odd_quotes_before(tok: Token, sent: Span) -> bool:
    """True when an odd number of quotation marks precede the token in its sentence."""
    count = 0
    for t in sent:
        if t.i >= tok.i:
            break
        if t.text in ("\"", "“", "”") or (t.text in ("‘", "’") and t.whitespace_ == "" and t.i + 1 < tok.i):
            count += 1
    return count % 2 == 1


def inside_quotes(c: ModalClauses) -> Decision:
    return ("modality.inside-quotes", "reported") if _odd_quotes_before(c.trigger, c.sent) else None
