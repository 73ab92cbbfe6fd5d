"""Senses that the verb's object or particle decides (``senses.sense_code``; issue 17, the CASE and PLOVER tuning
halves and readable news): the dictionary gives these verbs one default code whatever they act on.

* ``code.mobilising-no-force-is-no-show-of-force``: the MOBILIZE block (mobilise, marshal, muster, garner, rally,
  drum up, call up) codes its bare verb as a show of force (150). What is mobilised says whether it is one:
  troops, reservists, firepower ("Iran mobilized a quarter of a million troops", "a Nato army is marshaling all
  the overwhelming firepower") is; public opinion, outrage, pressure groups, efforts, votes are not ("it will
  mobilise public opinion", "Saudi Arabia has mobilized pressure groups in the United States", "the military
  mobilized efforts to help people trapped by the floods"): no event of the verb's own (a purpose clause keeps its
  own, "to help support the rights of Palestinians"), unless what is mobilised is a protest, which is the act
  (CAMEO 14, demonstrate or rally: "he would mobilize public protests"). With no object the code stands ("the army
  mobilised").
* ``code.pushing-along-a-way-is-no-demand``: "push" is a demand (100) when a party is pressed to act ("should push
  Turkey and the YPG to make some difficult choices"); with a particle or a phrase of direction it moves something
  along a way: "Labour has pushed through plans", "the US has pushed Japan off the top of the chart" are no demand
  (no event); pushing with a fighting party on either side is fighting (190: "the Yemeni forces pushed them back",
  "Isis was pushed back by the Syrian Democratic Forces", "sent troops to push back Boko Haram").

Word lists are data (lexicons/senses.tsv mobilising-verb, mobilised-force, pushing-verb, pushing-way).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .actor_codes import split_code
from .lexicon import event_noun_code
from .lexicons import words
from .views import OBJECTS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .context import DocContext
    from .phrase_actors import ActorRef

MOBILISED = "code.mobilising-no-force-is-no-show-of-force"
PUSHED = "code.pushing-along-a-way-is-no-demand"
_MOBILISING_VERBS = words("senses", "mobilising-verb")
# what a show of force mobilises: the forces a dispatch verb sends, and their reserves and arms
_FORCES = words("senses", "sent-force") | words("senses", "mobilised-force")
_PUSHING_VERBS = words("senses", "pushing-verb")
_WAYS = words("senses", "pushing-way")
SHOW_OF_FORCE, DEMAND, FORCE, PROTEST = "150", "100", "190", "14"
# roles of parties that fight (not police, whose pushing back of a crowd is no war)
_FIGHTING_ROLES = frozenset({"MIL", "REB", "UAF", "INS", "SEP", "RAD"})
_PATIENT_DEPS = (*OBJECTS, "nsubjpass")


def mobilised_no_force(verb: Token, code: str, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]],
                       ctx: DocContext) -> str | None:
    """No event ("") for a mobilising verb coded as a bare show of force whose object names no force and no armed
    party, or the code of the protest it names; None when the code stands (see the module)."""
    if code != SHOW_OF_FORCE or verb.lemma_.lower() not in _MOBILISING_VERBS:
        return None
    objects = [c for c in verb.children if c.dep_ in _PATIENT_DEPS and c.pos_ in ("NOUN", "PROPN", "PRON")]
    if not objects or any(_names_a_force(o) for o in objects):
        return None  # "the army mobilised", "mobilized a quarter of a million troops"
    # an armed party by its code: "mustered the militias"; a passive subject is coded as the source ("the National
    # Guard was mobilised")
    if any(_fighting(t.code) for t in parties[1]) or (any(o.dep_ == "nsubjpass" for o in objects)
                                                       and any(_fighting(s.code) for s in parties[0])):
        return None
    if not ctx.fire(MOBILISED):
        return None
    # "would mobilize public protests": the protest organised is the act (CAMEO 14: demonstrate or rally)
    protest = next((c for o in objects if (c := event_noun_code(o)) is not None and c[:2] == PROTEST), None)
    return protest or ""


def _names_a_force(obj: Token) -> bool:
    """The object phrase, up to its head and through 'of' ("a quarter of a million troops"), names a force."""
    if obj.pos_ == "PRON":
        return True  # "mobilised them": who they are is not told here; the code stands
    node: Token | None = obj
    while node is not None:
        if node.lemma_.lower() in _FORCES or any(c.dep_ == "compound" and c.lemma_.lower() in _FORCES
                                                 for c in node.children):
            return True
        node = next((g for c in node.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj"), None)
    return False


def pushed_along_a_way(verb: Token, code: str, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]],
                       ctx: DocContext) -> str | None:
    """Force (190) or no event ("") for "push" coded as a demand (10x) with a particle or a phrase of direction ("pushed
    them back", "pushed through plans", "pushed Japan off the top"); None when the demand stands."""
    if code[:2] != DEMAND[:2] or verb.lemma_.lower() not in _PUSHING_VERBS:
        return None
    if not any(c.dep_ in ("prt", "prep", "advmod") and c.lower_ in _WAYS for c in verb.children):
        return None  # "push Turkey to make choices", "push his Syrian plan", "pushed for talks"
    if not ctx.fire(PUSHED):
        return None
    # pushing a fighting party back, or a fighting party pushing, is fighting: "the Yemeni forces pushed them back",
    # "sent troops to push back Boko Haram"
    return FORCE if any(_fighting(p.code) for p in (*parties[0], *parties[1])) else ""


def _fighting(code: str | None) -> bool:
    """A party coded with a role of those who fight, or an armed group with no country ("IMGMUSISI")."""
    roles = split_code(code or "")[1]
    return (code or "").startswith("IMG") or ("GOV" not in roles and bool(_FIGHTING_ROLES.intersection(roles)))
