"""Forces sent to use force (issue 17, the leads study's class C6): "Russia has sent in aircraft to attack
rebel-held areas of Idlib in its first major assault for months".

* The sending is the means of the force it is for, not aid or cooperation (``code.sending-forces-to-attack-is-no-
  aid``): the dictionary codes "send ... aircraft" as military aid (072) and "send ... warplanes" as military
  cooperation (062) with whoever its purpose clause names, which here is the one attacked. A verb of sending forces
  (lexicons/senses.tsv dispatch-verb) whose purpose infinitive is a verb of force (force-purpose) and whose
  targets the coder found inside that purpose is no event of its own; the force is coded from the infinitive.
  "Sent troops to help the army", "sent aid to Idlib" and "sent soldiers to Somalia to fight al-Shabaab" (a
  target of the sending's own) stay.
* The force is done when the sentence names it as an assault that happened (``modality.force-sent-for-is-told-
  done``): a purpose is an aim (``modality.purpose-is-an-aim``), but "in its first major assault", "in a new
  offensive" (assault-noun) on the sending or the force tells that the assault took place; the force then takes
  the sending's modality (asserted, reported, or what the sending is).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicons import words

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Token

    from .context import DocContext
    from .phrase_actors import ActorRef

SENT_TO_ATTACK = "code.sending-forces-to-attack-is-no-aid"
TOLD_DONE = "modality.force-sent-for-is-told-done"
_DISPATCH_VERBS = words("senses", "dispatch-verb")
_FORCE_PURPOSES = words("senses", "force-purpose")
_ASSAULT_NOUNS = words("senses", "assault-noun")
# what a sending with a purpose of force may still be: a show of force (15), force itself (18-20)
_FORCE_ROOTS = ("15", "18", "19", "20")


def sent_to_attack(verb: Token, code: str, targets: Sequence[ActorRef], ctx: DocContext) -> bool:
    """A verb of sending forces, coded as anything but force or a show of force, whose purpose infinitive is a verb
    of force ("sent in aircraft to attack", "dispatched jets to bomb") and whose targets are all found inside that
    purpose (those attacked, or the place of the attack) or are what it sends ("sent troops": its own forces): no
    event of its own. A sending with a target of its own
    ("Kenya sent soldiers to Somalia to fight al-Shabaab": to Somalia) is kept."""
    if verb.lemma_.lower() not in _DISPATCH_VERBS or code[:2] in _FORCE_ROOTS:
        return False
    purpose = force_purpose(verb)
    if purpose is None or not all(purpose.left_edge.i <= t.head <= purpose.right_edge.i or _sent(verb, t.head)
                                  for t in targets):
        return False
    return ctx.fire(SENT_TO_ATTACK)


def _sent(verb: Token, i: int) -> bool:
    """Token ``i`` is what ``verb`` sends, its object ("sent troops"): the sender's own forces, no party to it."""
    tok = verb.doc[i]
    return tok.head.i == verb.i and tok.dep_ in ("dobj", "obj")


def force_purpose(verb: Token) -> Token | None:
    """The purpose infinitive of ``verb`` that names force ("to attack", "to strike"), or None."""
    return next((c for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in _FORCE_PURPOSES
                 and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)


def dispatched_force(trigger: Token) -> Token | None:
    """The verb of sending whose purpose ``trigger`` is, when the sentence names that force as an assault that
    happened: an assault noun as the object of a preposition on the trigger or the sending ("to attack Idlib in its
    first major assault", "sent troops in a new offensive to ..."). None otherwise."""
    gov = trigger.head
    if gov.i == trigger.i or gov.lemma_.lower() not in _DISPATCH_VERBS or (force_purpose(gov) or gov).i != trigger.i:
        return None
    told = any(p.dep_ == "prep" and p.lower_ in ("in", "during") and any(
        o.dep_ == "pobj" and _assault(o) for o in p.children) for h in (trigger, gov) for p in h.children)
    return gov if told else None


def _assault(noun: Token) -> bool:
    """A noun of assault, or a quantity of them ("a wave of airstrikes", "a series of raids")."""
    if noun.lemma_.lower() in _ASSAULT_NOUNS:
        return True
    return any(p.dep_ == "prep" and p.lower_ == "of" and any(o.dep_ == "pobj" and o.lemma_.lower() in _ASSAULT_NOUNS
                                                             for o in p.children) for p in noun.children)
