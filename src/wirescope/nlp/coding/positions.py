"""Policy positions that the coder would take for intents between actors (issue 17, cause 4; called by
``senses.sense_code``).

Domestic political news is mostly parties and ministers saying what they want done: "Labour wants to cut taxes for
families", "the Tories promised an upper limit on the number of people allowed into Britain", "the home secretary
wants to introduce a points system for economic migrants". The coder codes the announced act as an intent (03, or a
threat 13 for a conflictual one) toward the group of the public the policy is about, found inside the object
("for families", "of people"). That is no act between actors: the policy is addressed to voters, the public it is
about is no party to it. The gold's intents (03: "will visit", "plans to meet", "pledged aid") are acts toward an
actor that the speaker will do; an intent toward a public of another country ("Britain is to give a grant to
help Rwandan survivors"), toward an actor named as the object ("will meet voters in Leeds") or an institution
stays an event (``code.policy-for-own-people-is-no-intent``), and so does any conflictual act announced against
one's own people ("vowed to seize land from white farmers", "plans to evict thousands of farmers").

Word lists are data (lexicons/senses.tsv: position-verb, public-role).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .actor_codes import split_code
from .lexicons import words
from .views import OBJECTS, RECIPIENTS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .context import DocContext
    from .phrase_actors import ActorRef

POSITION_VERBS = words("senses", "position-verb")
PUBLIC_ROLES = words("senses", "public-role")
POSITION = "code.policy-for-own-people-is-no-intent"
_DIRECT = (*OBJECTS, *RECIPIENTS, "nsubjpass")


def position_code(verb: Token, code: str, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]],
                  ctx: DocContext) -> str:
    """``code``, or "" for a policy position toward the source's own public."""
    sources, targets = parties
    if not targets or not sources or not (code[:2] == "03" or _announced(verb)):
        return code
    if not code[:2].isdigit() or int(code[:2]) > 9:
        return code  # "Mugabe vowed to seize land from white farmers": coercion of one's own people is news
        # (review 8 #3); a position is an intent to help or give
    if all(_own_public(s, t, verb) for s in sources for t in targets) and ctx.fire(POSITION):
        return ""
    return code


def _announced(verb: Token) -> bool:
    """The act is the infinitive of a verb of stating a position ("wants to cut", "plans to scrap")."""
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in POSITION_VERBS


def _own_public(source: ActorRef, target: ActorRef, verb: Token) -> bool:
    """The target is a public (roles only of people, workers, pupils ...) of the source's own country or of no
    country named, inside a phrase rather than as the verb's own object ("a points system for migrants", not
    "meet voters")."""
    country, _ = split_code(source.code)
    t_country, roles = split_code(target.code)
    # a public without a country ("people", "families") is the public where the story is, given its country later
    if country is None or t_country not in (None, country) or not roles or not set(roles) <= PUBLIC_ROLES:
        return False
    head = verb.doc[target.head]
    return not (head.head.i == verb.i and head.dep_ in _DIRECT)
