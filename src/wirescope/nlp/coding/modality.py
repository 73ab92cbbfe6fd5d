"""Modality of a coded event: asserted, threatened (or promised), hypothetical, negated, reported.

Decided from the dependency parse around the trigger, strongest first:

* **negated**: a negation on the trigger or on the verb that governs it ("did not attack", "never signed"), a
  governing refusal ("refused to lift"), or a verb of prevention it hangs on ("barred X from entering");
* **hypothetical**: the aim of an act, an infinitive of purpose or of a noun ("deployed troops to protect
  civilians", "an agreement to combat smuggling"); an act under a word of ability ("is capable of striking");
  an act an accusation or a denial is about ("accused X of aiding rebels", "denied providing sanctuary"); a
  demanded or proposed act in a mandative clause ("demanded that Russia withdraw"); a modal of possibility
  ("may", "might", "could", "would", "should"), a conditional clause ("if", "unless", or an inverted "had/were/
  should" before the subject) on the trigger's clause or the clause it belongs to, or a governing "likely/possible";
* **threatened**: a CAMEO threat code (root 13), a governing verb of threat or promise ("vowed to", "threatened
  to", "pledged to", "warned of"), of intention ("plans to", "is willing to"), or a future auxiliary ("will",
  "shall", "going to"), also when the act is made conditional ("will boycott the vote unless ...");
* **reported**: the trigger sits in a clause reported by a speech or cognition verb ("officials said the strike
  was ordered") or inside quotation marks;
* otherwise **asserted**.

A hypothetical inside a quotation stays hypothetical: it is never promoted to an actual event.

Each rule is a function of the trigger's clauses (``modal_clauses.ModalClauses``) named after its rule id, in
``negated_acts.py``, ``unrealised_acts.py`` (hypothetical by what the act is said under) and ``modal_cues.py``
(modals, conditions, hedges, future, threat, intention, speech, quotes) and ``modal_scope.py`` (how far a cue
reaches: a past clause keeps its tense, a clause of time shares a future, an adjective its copula's modal, an aim
"is to" is intended); ``MODALITY_RULES`` here is their order.
The negated codes of a PICO ontology are read in ``pico_ontology.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .governed_nouns import event_noun_follows_its_governor, event_noun_under_an_unrealising_noun
from .lexicons import words
from .modal_clauses import Decision, ModalClauses, conjunct_head, is_to_infinitive, modal_clauses
from .modal_cues import (
    adverbial_clause_keeps_its_tense,
    conditional_act,
    conjunct_shares_its_auxiliary,
    expected_conflict_is_a_prediction,
    future_tense,
    hedge_or_condition_above,
    hedge_word,
    indefinite_act_under_if_or_whether,
    inside_quotes,
    intention,
    inverted_condition,
    possibility_adverb,
    possibility_or_condition,
    reported_speech,
    threat_code,
    threat_on_a_condition,
    threat_or_promise_verb,
    trying_to_cooperate,
)
from .modal_scope import (
    adjective_shares_its_copula,
    aim_is_an_intention,
    past_clause_keeps_its_tense,
    time_clause_shares_the_future,
)
from .negated_acts import (
    negated_governor,
    negation,
    negative_subject,
    prevented_act,
    refusal,
    stopped_act,
    unasserted_under_a_negated_belief,
    without_is_not_done,
)
from .told_purposes import purpose_done_in_its_act
from .unrealised_acts import (
    act_inside_an_aim,
    capability_is_no_act,
    demanded_act,
    designed_act_is_an_aim,
    disputed_act,
    force_sent_for_is_told_done,
    going_on_to_is_the_act_told,
    obligation_is_not_done,
    proposed_act,
    purpose_is_an_aim,
    request_is_not_done,
    warned_against_act_is_not_done,
    yes_no_question,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .context import DocContext


def means_shares_its_act(c: ModalClauses) -> Decision:
    # "could end the war by withdrawing its troops", "would punish Hamas by bombing Gaza": the means of an act is
    # done only if the act is; it takes the act's modality ("retaliated by shelling" stays asserted)
    t = conjunct_head(c.trigger)
    by = t.head
    if t.dep_ != "pcomp" or by.lower_ != "by" or by.dep_ != "prep" or by.head.i == by.i:
        return None
    act = by.head
    if act.pos_ not in ("VERB", "AUX"):
        return None
    mode = modality(act, "", c.sent)
    return ("modality.means-shares-its-act", mode) if mode not in ("asserted", "reported") else None


# prepositions whose gerund is an act its clause's subject did (lexicons/place_words.tsv, done-time)
_DONE_TIME = words("place_words", "done-time")
# main verbs that stop what "before" their subject could do ("was arrested before carrying out an attack")
_STOPPING = words("verb_classes", "prevention") | words("verb_classes", "police-act")


def gerund_after_a_time_is_done(c: ModalClauses) -> Decision:
    # "Iran says it did not 'seek war' after launching more than a dozen missiles at bases housing Americans": the
    # gerund of "after"/"before" is an act the main clause's subject did, presupposed by the adjunct, so it keeps
    # neither the main verb's negation nor its denial; a speech verb over the main clause makes it reported. A
    # future, a modal or a condition over the main clause is shared ("should think carefully before heading an
    # inquiry", "will speak before visiting Japan"), as the means of an act shares the act's.
    t = c.trigger
    prep = t.head
    if t.dep_ != "pcomp" or t.tag_ != "VBG" or prep.lower_ not in _DONE_TIME or prep.dep_ != "prep":
        return None
    act = prep.head
    if act.pos_ not in ("VERB", "AUX") and act.dep_ in ("npadvmod", "advmod", "pobj"):
        act = act.head  # "married him ten days after arriving in the city"
    if act.pos_ not in ("VERB", "AUX") or act.i == t.i:
        return None
    if prep.lower_ == "before" and (act.lemma_.lower() in _STOPPING or any(
            k.dep_ in ("nsubjpass", "auxpass") for k in act.children)):
        # "was arrested before carrying out an attack", "stopped him before crossing": the act may never have been
        return "modality.gerund-after-a-time-is-done", "hypothetical"
    mode = modality(act, "", c.sent)
    if mode in ("threatened", "hypothetical"):
        return "modality.gerund-after-a-time-is-done", mode
    clauses = modal_clauses(act, "", c.sent)
    said = reported_speech(clauses) or inside_quotes(clauses)
    return "modality.gerund-after-a-time-is-done", "reported" if said else "asserted"


# prepositions whose gerund is the complement of its verb ("tasked with monitoring", "focus on rebuilding",
# "succeed in capturing"); not those of a reason ("for", "over"), a time or a means (gerund-after-a-time-is-done,
# means-shares-its-act), nor "without", "despite", "instead of" (read by their own rules or told as done)
# (lexicons/function_words.tsv complement-preposition)
_COMPLEMENT_PREPS = words("function_words", "complement-preposition")
# a negated verb is left out: "had the government not prevaricated in introducing the ban", "did not hesitate in
# striking" tell the act as done
_SAID_OR_UNDONE = frozenset({"hypothetical", "threatened", "reported"})


def gerund_complement_shares_its_verb(c: ModalClauses) -> Decision:
    # "Trump said US soldiers in Iraq would be tasked with monitoring Iran", "US troops will be tasked with monitoring
    # Iran", "could succeed in capturing the town": the gerund a verb takes through a preposition is that verb's
    # complement, done only if the verb's act is; the modal, future or report of the verb reaches it (the clause
    # rules stop at the preposition, so it was asserted). A verb told as done or negated leaves the gerund to the
    # other rules.
    t = conjunct_head(c.trigger)
    prep = t.head
    if t.dep_ != "pcomp" or t.tag_ != "VBG" or prep.dep_ != "prep" or prep.lower_ not in _COMPLEMENT_PREPS \
            or prep.head.i == prep.i:
        return None
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i == t.i:
        return None
    mode = modality(verb, "", c.sent)
    return ("modality.gerund-complement-shares-its-verb", mode) if mode in _SAID_OR_UNDONE else None


def result_participle_shares_its_verb(c: ModalClauses) -> Decision:
    # "Israel could strike Iran next week, killing hundreds of soldiers", "Russia will attack Kyiv again, targeting
    # the power grid": a participle clause with no subordinator tells what the act of its verb does or brings about,
    # so it happens only if that act does; it takes the verb's hypothetical or threatened modality (it was asserted:
    # the clause rules do not read the verb's modal or future). A verb told as done, reported or negated is left to
    # the other rules ("struck Gaza, killing 20": asserted; "did not attend, citing ...": the citing is done).
    t = conjunct_head(c.trigger)
    verb = t.head
    if t.dep_ != "advcl" or t.tag_ != "VBG" or verb.i == t.i or verb.pos_ not in ("VERB", "AUX") \
            or any(k.dep_ in ("mark", "aux", "auxpass", "nsubj") for k in t.children):
        return None
    # set off by a comma: without one the participle is mostly a reduced relative on the object ("prosecute their
    # citizens fighting in Syria": the fighting goes on); the aim of an act ("bent forward to pray, pressing their
    # foreheads to the carpet") is hypothetical as an aim, not what the act brings about
    if t.i == 0 or t.doc[t.i - 1].text != "," or (verb.dep_ == "advcl" and is_to_infinitive(verb)):
        return None
    mode = modality(verb, "", c.sent)
    return ("modality.result-participle-shares-its-verb", mode) if mode in ("hypothetical", "threatened") else None


MODALITY_RULES: tuple[Callable[[ModalClauses], Decision], ...] = (
    request_is_not_done, warned_against_act_is_not_done, negative_subject, negation, without_is_not_done,
    means_shares_its_act, yes_no_question, negated_governor, unasserted_under_a_negated_belief, refusal,
    stopped_act, prevented_act, inverted_condition,
    past_clause_keeps_its_tense, aim_is_an_intention, adjective_shares_its_copula, force_sent_for_is_told_done,
    going_on_to_is_the_act_told, purpose_done_in_its_act, purpose_is_an_aim, designed_act_is_an_aim,
    act_inside_an_aim, capability_is_no_act, disputed_act, demanded_act, obligation_is_not_done, proposed_act,
    possibility_adverb, possibility_or_condition, conjunct_shares_its_auxiliary,
    indefinite_act_under_if_or_whether, hedge_or_condition_above,
    hedge_word, threat_on_a_condition, conditional_act, event_noun_under_an_unrealising_noun,
    event_noun_follows_its_governor, threat_code,
    adverbial_clause_keeps_its_tense,
    time_clause_shares_the_future,
    future_tense, threat_or_promise_verb, expected_conflict_is_a_prediction, intention, trying_to_cooperate,
    gerund_after_a_time_is_done, gerund_complement_shares_its_verb, result_participle_shares_its_verb,
    reported_speech, inside_quotes,
)


def modality(trigger: Token, code: str, sent: Span, ctx: DocContext | None = None) -> str:
    """The modality of an event of ``code`` triggered by ``trigger``: the first rule that decides, else
    asserted. A rule that ``ctx`` switches off is passed over."""
    clause = modal_clauses(trigger, code, sent)
    for rule in MODALITY_RULES:
        decision = rule(clause)
        if decision is not None and (ctx is None or ctx.fire(decision[0])):
            return decision[1]
    return "asserted"
