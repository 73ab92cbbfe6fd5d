"""Describing and blaming in the sense their objects give them (``no_act_senses.no_act_rule``; issue 17, cause 1:
verbs a resolved "it" exposed in senses that are no act, session 17).

"Describe" tells what something is; the dictionary codes it by a word of what is described (its block,
EXPLAIN_VERBAL, is shared with "express", whose object is a feeling: "expressed concern" is 012), so "which it
described as a unit of 300 to 500 fighters" or "describing days-long battles against Isis snipers" became a
pessimistic comment (012, by "fighters", "battles"). A description is a statement, an event only when it judges a
party's act (``judgements``: "described the jailbreak as deplorable" is criticism, 111); otherwise no event.

"Blame" accuses a party; blaming a thing names a cause: "It blamed continuing uncertainties such as fluctuating
oil prices", "The carmaker blamed the fall in profits on high launch costs", "had only themselves to blame" (the
subject is the one at fault). With no party blamed (no coded target) and what is blamed a common noun, or "to
blame" said of its own subject, there is no accusation (112) and no event.

Words are data (lexicons/senses.tsv: describing-verb, blaming-verb).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .judgements import judged_code
from .lexicons import words

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .context import DocContext
    from .phrase_actors import ActorRef

DESCRIBING_VERBS = words("senses", "describing-verb")
DESCRIBED = "code.describing-is-no-act-unless-it-judges"
PLAIN_STATEMENT = "010"
BLAMING_VERBS = words("senses", "blaming-verb")
BLAMED_CAUSE = "code.blaming-a-cause-is-no-accusation"
_OBJECTS = ("dobj", "obj")
# verbs of which "to blame" is a predicate of the subject: "X is to blame", "have only themselves to blame"
_TO_BLAME_HEADS = frozenset({"be", "have"})


def attribution_rule(verb: Token, code: str, targets: Sequence[ActorRef], ctx: DocContext) -> str | None:
    """The rule by which a verb of describing or blaming is no act (its id), else None. A plain statement (010, the
    default of "describe") is filters.plain-statement-is-no-event's."""
    if code != PLAIN_STATEMENT and description_only(verb) and ctx.fire(DESCRIBED):
        return DESCRIBED  # "which it described as a unit of 300 to 500 fighters": a statement, no 012
    if code[:2] == "11" and cause_blamed(verb, targets) and ctx.fire(BLAMED_CAUSE):
        return BLAMED_CAUSE  # "It blamed continuing uncertainties such as fluctuating oil prices": a cause
    return None


def description_only(verb: Token) -> bool:
    """A verb of describing whose predicate judges no party's act (``judgements.judged_code``): a statement of what
    something is, no event."""
    return verb.lemma_.lower() in DESCRIBING_VERBS and judged_code(verb) is None


def cause_blamed(verb: Token, targets: Sequence[ActorRef]) -> bool:
    """A verb of blaming with no party blamed: what is blamed is a thing (a common noun that codes as no one: "blamed
    geological problems ... at its deep mines for its worsening fortunes", "blamed the fall in profits on high launch
    costs"), or "to blame" is said of the subject itself ("were partly to blame for the rise in claims", "had only
    themselves to blame"). A "for" on the verb itself ("blamed high fuel prices for a drop in profits") is left to
    target.uncoded-addressee-leaves-no-event, which drops an accusation whose accused has no code."""
    if verb.lemma_.lower() not in BLAMING_VERBS or targets:
        return False
    if verb.dep_ in ("xcomp", "relcl", "acl") and verb.head.lemma_.lower() in _TO_BLAME_HEADS \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return True  # "X is to blame": the subject is the one at fault, blamed by no one named
    if any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children):
        return False  # "blamed high fuel prices for a drop in profits": target.uncoded-addressee-leaves-no-event
    objects = [c for c in verb.children if c.dep_ in _OBJECTS]
    return bool(objects) and all(o.pos_ == "NOUN" for o in objects)
