"""The event coder's rules of one phase, confidence, in the order the coder meets them; ``..registry`` joins the
phases in their order."""

from __future__ import annotations

from ..base import PHASES, Rule

_CONF = PHASES[5]

CONFIDENCE: tuple[Rule, ...] = (
    Rule("confidence.embedded-clause-is-weaker", _CONF,
         "-0.1 when the trigger is not the sentence's main predicate (or a conjunct of it): an embedded clause "
         "rests on a longer, less reliable parse path."),
    Rule("confidence.inferred-event-is-weaker", _CONF,
         "-0.1 for an inferred event: the converse of a paired code [042:043] or the code a negation amounts to."),
    Rule("confidence.uncertain-event-is-halved", _CONF, "The score of a hypothetical or negated event is halved."),
)
