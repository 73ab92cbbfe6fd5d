"""Two parties the actor codes cannot tell apart are still two parties (``target.rival-parties-of-one-code``).

CAMEO actor codes classify: Labour and the Conservatives are both British parties (GBRPTY), Democrats and
Republicans both American ones (USAPTY), two ministers of one cabinet both GBRGOV. An event between them was dropped
as if its target were its source ("a target with the source's own code"). But the two phrases name two different
parties, and the act between them is a real domestic event: the real-news gold codes it with the source's and the
target's country (docs/events-gold.md: "a war veteran-turned-politician who criticized the country's president" is
ZWE -> ZWE 111), which is what the news reports ("Labour accused the Conservatives of scaremongering"). Only an
event whose target is the source itself is none: a pronoun resolved to it or the same name again. So a pair with
one code in verbal conflict (demand, disapproval, rejection, threat) is kept when both phrases are names of
political rivals (parties, opposition, legislators, politicians:
not two officials of one government, nor a place coded as its country) and the names differ.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .actor_codes import split_code

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .context import DocContext
    from .phrase_actors import ActorRef

RULE = "target.rival-parties-of-one-code"
_NAMED = frozenset({"PERSON", "ORG", "NORP"})
_PLACES = frozenset({"GPE", "LOC", "FAC"})
# roles of political rivals: parties, the opposition, legislators, politicians; two officials of one government
# acting together ("Rubio will join national security adviser Mike Waltz") are one side, not two
_POLITICAL = frozenset({"PTY", "OPP", "LEG", "ELI"})
# what rivals of one country do to each other in the news: demand, criticise, reject, threaten (CAMEO quad class 3);
# other acts between two politicians of one code were mostly misread on BBC politics 001-299 ("was speaking to MPs
# amid rumours of a rift with Gordon Brown": no talks with Brown; "suggested Mr Blair should reinstate Mr Brown")
_VERBAL_CONFLICT = frozenset({"10", "11", "12", "13"})


def rival_parties(source: ActorRef, target: ActorRef, code: str, verb: Token, ctx: DocContext) -> bool:
    """``source`` and ``target``, of one code, are two named parties in verbal conflict (``code``): both heads
    names, by different names."""
    if code.lstrip("~")[:2] not in _VERBAL_CONFLICT:
        return False
    doc = verb.doc
    if not all(_named(doc[a.head]) and _POLITICAL.intersection(split_code(a.code)[1]) for a in (source, target)):
        return False
    if not source.name or not target.name or _key(source.name) == _key(target.name):
        return False
    return ctx.fire(RULE)


def _named(head: Token) -> bool:
    """A name of a person or body, not of a place ("the Amur Region", coded as its country)."""
    return head.ent_type_ in _NAMED or (head.pos_ == "PROPN" and head.ent_type_ not in _PLACES)


def _key(name: str) -> str:
    return " ".join(name.lower().replace("the ", " ").split())
