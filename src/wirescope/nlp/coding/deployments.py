"""Forces a state sends or deploys (issue 17, cause 4: a verb in a frame its object and place change).

The verb dictionary codes "send ... &MILITARY" first as military cooperation (062; "dispatch" as economic
cooperation, 061), and the coder then took for its target whatever it found after the pattern: the forces sent
("India deployed thousands of soldiers in Kashmir": IND -> soldiers) or the place they went to, the sender's own
country among them ("Sheinbaum sent 10,000 troops to Mexico's northern border": MEX -> MEX 062). A sending of one's
own forces is no cooperation, which CAMEO keeps for exchanges of two parties (joint exercises, arms deals); it is a
deployment, CAMEO 154 ("mobilize or increase armed forces", aimed at the party against whom the move is directed).

* ``code.sending-own-forces-is-a-deployment``: a verb of sending forces (lexicons/senses.tsv dispatch-verb) whose
  object, or passive subject, is a force (sent-force: troops, soldiers, warships ...) loses the targets that are the
  forces themselves and those that are a destination of the sender's own country: a deployment at home is coded
  without a target (the VOA gold: "Sheinbaum sent 10,000 troops to Mexico's northern border" 154 MEX -> none).
  Coded as cooperation (06), it is a deployment (154) when it goes to its own country or "into" another's (an
  entry into another's territory: "Turkey sent troops into Syria in 2016" TUR -> SYR 154), or when no destination
  of another country is left. Sent "to" another country it keeps the dictionary's code: "the Pentagon is sending
  troops to Saudi Arabia" is help to its host as often as a posture against a third party, which the sentence must
  name. A purpose of support ("to support Assad", support-purpose) is military aid to its party, which the
  dictionary's code and the purpose's own event already say: left alone. A purpose of force is dispatch.py's.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .actor_codes import split_code
from .dispatch import force_purpose
from .lexicons import words

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .context import DocContext
    from .phrase_actors import ActorRef

DEPLOYMENT = "code.sending-own-forces-is-a-deployment"
MOBILISE = "154"
_DISPATCH_VERBS = words("senses", "dispatch-verb")
_FORCES = words("senses", "sent-force")
_SUPPORT = words("senses", "support-purpose")
# roots the dictionary gives a sending of forces that may be aimed at the forces sent: cooperation (06) and a show
# of force (15)
_ROOTS = ("06", "15")
_DESTINATION_PREPS = frozenset({"to", "into", "in", "inside", "across", "along", "on", "at", "toward", "towards"})
_ENTRY_PREPS = frozenset({"into", "inside"})


def deployment(verb: Token, code: str, sources: Sequence[ActorRef], targets: Sequence[ActorRef],
               ctx: DocContext) -> tuple[str, list[ActorRef]] | None:
    """The (code, targets) of a sending of the sender's own forces (see the module), else None (unchanged)."""
    forward = code.partition(":")[0]
    if verb.lemma_.lower() not in _DISPATCH_VERBS or forward[:2] not in _ROOTS or _supported(verb) \
            or force_purpose(verb) is not None:
        return None  # support is aid the purpose's own event tells; force is dispatch.py's
    forces = _forces_sent(verb)
    if forces is None:
        return None
    own = {split_code(s.code)[0] for s in sources} - {None}
    places = _destinations(verb, forces)
    home = [t for t in targets if split_code(t.code)[0] in own and _within(t, places)]
    kept = [t for t in targets if not _is_forces(t, forces) and t not in home]
    abroad = [t for t in kept if _within(t, places)]
    entered = [t for t in abroad if _within(t, [p for p in places if p.lower_ in _ENTRY_PREPS])]
    recoded = MOBILISE if forward[:2] == "06" and (home or entered or not abroad) else forward
    if (recoded, len(kept)) == (forward, len(targets)) or not ctx.fire(DEPLOYMENT):
        return None
    return recoded, kept


def _forces_sent(verb: Token) -> Token | None:
    """The force the verb sends: its object ("sent troops"), or its passive subject ("troops were deployed")."""
    return next((c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass") and _force(c)), None)


def _force(noun: Token) -> bool:
    """A noun of armed forces, or a quantity of them ("thousands of soldiers", "a battalion of marines")."""
    if noun.lemma_.lower() in _FORCES or noun.lower_ in _FORCES:
        return True
    return any(p.dep_ == "prep" and p.lower_ == "of" and any(
        o.dep_ == "pobj" and (o.lemma_.lower() in _FORCES or o.lower_ in _FORCES) for o in p.children)
        for p in noun.children)


def _is_forces(ref: ActorRef, forces: Token) -> bool:
    """``ref`` is the forces sent: headed by their noun or by the noun of their quantity's "of" phrase."""
    quantified = {t.i for p in forces.children if p.dep_ == "prep" and p.lower_ == "of" for t in p.subtree}
    return ref.head == forces.i or ref.head in quantified


def _destinations(verb: Token, forces: Token) -> list[Token]:
    """The prepositions of the phrases of destination or place of the verb or of the forces (the parser often
    hangs "to Lebanon" on "troops"): "to the border", "into Syria"."""
    return [c for h in (verb, forces) for c in h.children
            if c.dep_ in ("prep", "dative") and c.lower_ in _DESTINATION_PREPS]  # "sent troops [to Lebanon]": dative


def _within(ref: ActorRef, heads: Sequence[Token]) -> bool:
    """``ref``'s head lies inside the phrase of one of ``heads``."""
    return any(h.left_edge.i <= ref.head <= h.right_edge.i for h in heads)


def _supported(verb: Token) -> bool:
    """A purpose infinitive of support ("deployed troops to Syria to support Assad", "sent marines to help the
    army")."""
    return any(c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in _SUPPORT
               and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in verb.children)
