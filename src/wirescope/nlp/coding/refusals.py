"""Refusals told by a negated act of cooperation (real news): "Turkey will not buy any more U.S. aircraft", "Iran said
it would not negotiate with Washington", "the opposition voted not to attend the conference", "I'm not going to bend",
"the US does not plan to pull its troops out". The text does not report an act that failed to happen (a negated act,
set aside) but a party's stated refusal of it, which CAMEO codes as rejection, the mirror of the cooperation refused
(lexicons/announced.tsv, class refusal: a meeting or talks 125, material cooperation 121x, aid 122x, a concession
124x), as UD-PETRARCH's coding ontology reads "not" of those acts and as the real-news gold codes "will not succumb to
pressure" (124) and "not going to bend" (1244). A refusal on a condition ("if this happens, Turkey will not buy")
commits to it on that condition, a threat, as ``modal_cues.conditional_act`` reads "will strike if". A past
negation ("did not attend", "has never condemned") tells no refusal and stays negated; so do an act of another
root (a refused attack is no rejection) and a refusal the text only supposes ("if Iran will not negotiate")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .announcements import prefix_code
from .lexicons import codes, words
from .modal_clauses import FUTURE_AUX
from .negated_acts import negated

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .context import DocContext

REFUSAL = "code.announced-refusal-is-a-rejection"
# negated act's code (longest prefix: 4 digits, 3, the root) -> the rejection it amounts to
_REFUSED = codes("announced", "refusal")
# aid or cooperation announced to end ("will no longer supply arms") is a cut (162x), which ``announced`` then codes
# as the threat of it (1311), as "will cut aid"
_STOPPED = codes("announced", "ended")
# verbs of decision or commitment whose negated infinitive is a refusal decided ("voted not to attend")
_DECISION = words("verb_classes", "decision")
# verbs and adjectives of intention that, negated, state a refusal ("does not plan to", "is not willing to")
_UNWILLING = words("verb_classes", "unwilling-when-negated")
_NEG = words("modal_cues", "negation")
_CONDITIONAL = words("modal_cues", "conditional")
# verbs of permitting whose negation is a prohibition ("will not allow a terror corridor", "will not tolerate
# attacks"), a warning to whoever would do it, not a concession refused to a party: no refusal to yield (124)
_PROHIBITING = words("verb_classes", "permitting")
_YIELD = "124"
# "would" is the future of a reported or quoted statement ("said it would not negotiate")
_REPORTED_WOULD = frozenset({"would", "'d"})


def refusal(verb: Token, code: str, ctx: DocContext) -> tuple[str, str] | None:
    """(rejection code, modality) of a negated act ``verb`` of ``code`` that a party states it will not do, or None.
    The modality is ``threatened`` when a condition governs the refusal, else ``asserted``."""
    refused = prefix_code(_REFUSED, code)
    if refused is None or _passive(verb) or (refused == _YIELD and verb.lemma_.lower() in _PROHIBITING):
        return None
    holder = _refusing_clause(verb)
    if holder is None or _supposed(verb, holder) or not ctx.fire(REFUSAL):
        return None
    stopped = prefix_code(_STOPPED, code) if _no_longer(verb) else None
    if stopped is not None:
        return stopped, "threatened"  # "would no longer supply arms": a cut of aid announced (code.announced-...)
    return refused, "threatened" if _conditioned(verb, holder) else "asserted"


def _no_longer(verb: Token) -> bool:
    """ "Will no longer supply": the act goes on until now, and its end is announced."""
    return any(c.dep_ == "advmod" and c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children)
               for c in verb.children)


def _refusing_clause(verb: Token) -> Token | None:
    """The verb that carries the stated refusal of ``verb``'s act: ``verb`` itself ("will not buy"), "going" ("is
    not going to bend"), the negated verb of intention ("does not plan to pull") or the verb of decision ("voted not
    to attend"); None when the negation tells no refusal ("did not attend", "if not, they will be released")."""
    if _future_negated(verb):
        return verb
    head = verb.head
    if verb.dep_ != "xcomp" or head.i == verb.i:
        return None
    if head.lemma_.lower() == "go" and head.tag_ == "VBG" and _negated_after(head, {"be", "am", "is", "are", "'m",
                                                                                   "'re", "'s", "was", "were"}):
        return head
    if head.lemma_.lower() in _UNWILLING and (negated(head) or (head.dep_ == "acomp" and negated(head.head))):
        return head  # "does not plan to", "is not willing to"
    if head.lemma_.lower() in _DECISION and _own_not_to(verb) and not negated(head):
        return head
    return None


def _future_negated(verb: Token) -> bool:
    """A future auxiliary with the negation after it: "will not buy", "won't meet", "would never negotiate" (a
    "would" only in a reported clause: "said it would not")."""
    future = FUTURE_AUX | (_REPORTED_WOULD if verb.dep_ == "ccomp" else frozenset())
    return _negated_after(verb, future)


def _negated_after(verb: Token, auxes: frozenset[str] | set[str]) -> bool:
    """An auxiliary of ``auxes`` on ``verb`` with a negation between it and the verb ("will not", "won't", "will no
    longer", "is not going"); a negation before it belongs elsewhere ("if not, they will be released")."""
    aux = [c.i for c in verb.children if c.dep_ == "aux" and c.lower_ in auxes]
    return bool(aux) and any(aux[0] < c.i < verb.i and _is_negation(c) for c in verb.children)


def _is_negation(tok: Token) -> bool:
    """A negation word, or an adverb it negates ("no longer")."""
    return tok.dep_ == "neg" or tok.lower_ in _NEG or (
        tok.dep_ == "advmod" and any(g.dep_ == "neg" or g.lower_ in _NEG for g in tok.children))


def _own_not_to(verb: Token) -> bool:
    """The infinitive has its own negation before its "to": "not to attend", "never to return"."""
    to = [c.i for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"]
    return bool(to) and any(c.dep_ == "neg" and c.i < to[0] for c in verb.children)


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _supposed(verb: Token, holder: Token) -> bool:
    """The refusal itself sits in a clause of condition or question ("if Iran will not negotiate", "whether Turkey
    would not buy"): supposed, not stated."""
    clauses = {verb, holder, holder.head if holder.dep_ == "acomp" else holder}  # "if it is not willing to meet"
    return any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL for t in clauses for c in t.children)


def _conditioned(verb: Token, holder: Token) -> bool:
    """A clause of condition hangs on the refusal: "if this happens, Turkey will not buy", "will not negotiate
    unless the sanctions go"."""
    return any(a.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONDITIONAL for m in a.children)
               for t in {verb, holder} for a in t.children)
