"""Verbs of undertaking whose code the dictionary gives by a pattern on what is undertaken, read by what it is
(``senses.sense_code``; issue 17, readable news).

* ``code.preparing-a-thing-is-no-intent``: the PREPARE block codes "prepare" as an intent to cooperate (030, its bare
  verb and its "PLAN" pattern). Readying oneself or a thing is no intent toward anyone: "businesses need to prepare
  themselves for a jolt ahead as the Bank of England reacts", "a body to prepare a constitution and elections in
  Syria": no event. An act prepared is no cooperation either ("Iran is preparing an attack" is no 030; its patterns
  code the threats: "INCURSION", "AIRSTRIKE" 138). An infinitive ("prepared to launch attacks", the act intended,
  coded on its own), a person or party prepared ("prepare them") and a thing prepared with a partner ("preparing a
  new plan with India") are not this rule's.
* ``code.military-campaign-is-force``: "launch a campaign" is an appeal (020, LAUNCH's "CAMPAIGN"), and "campaign
  against" criticism (111, listed before "&MILITARY CAMPAIGN"); a campaign that is military by its modifier ("Turkey
  launched a military campaign against the Kurdish militia", "an air campaign", "a bombing campaign") or, launched by
  a state or armed party, named for the place it is fought in ("Turkey said it was launching the Afrin campaign to
  clear out the YPG") is the use of force (190). "Labour launched its campaign against the Conservatives" stays.

Word lists are data (lexicons/senses.tsv preparing-verb, launching-verb, campaign-noun, military-mark).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .actor_codes import split_code
from .lexicon import ARMED_FORCES
from .lexicons import words
from .views import OBJECTS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .context import DocContext
    from .phrase_actors import ActorRef

PREPARED = "code.preparing-a-thing-is-no-intent"
CAMPAIGN = "code.military-campaign-is-force"
_PREPARING_VERBS = words("senses", "preparing-verb")
_LAUNCHING_VERBS = words("senses", "launching-verb")
_CAMPAIGNS = words("senses", "campaign-noun")
_MILITARY_MARKS = words("senses", "military-mark")
INTENT, FORCE = "030", "190"
_PARTNERED = frozenset({"with", "alongside"})
_REFLEXIVES = frozenset({"itself", "themselves", "himself", "herself", "ourselves", "myself", "yourself"})
_PLACE_ENTS = frozenset({"GPE", "LOC", "NORP"})
# roles of a state or an armed party that fights a campaign named for a place
_FIGHTING_ROLES = ARMED_FORCES | {"GOV", "SEP"}


def prepared_a_thing(verb: Token, code: str, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]],
                     ctx: DocContext) -> str | None:
    """No event ("") for "prepare" coded as an intent to cooperate (030) whose every object is a reflexive or a thing
    that names no event (see the module); None otherwise."""
    if code != INTENT or verb.lemma_.lower() not in _PREPARING_VERBS:
        return None
    objects = [c for c in verb.children if c.dep_ in OBJECTS]
    if not objects or any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):
        return None  # "prepared to launch attacks": the infinitive is the act intended
    if not all(o.lower_ in _REFLEXIVES or o.pos_ == "NOUN" for o in objects):
        return None  # "prepare them", "prepare Iraq for elections"
    if any(c.dep_ == "prep" and c.lower_ in _PARTNERED for t in (verb, *objects) for c in t.children):
        return None  # "preparing a new plan with India": prepared together, an intent to cooperate
    return "" if ctx.fire(PREPARED) else None


def military_campaign(verb: Token, code: str, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]],
                      ctx: DocContext) -> str | None:
    """Force (190) for a verb of launching coded as an appeal (02) or criticism (11) whose object is a military
    campaign (see the module); None otherwise."""
    if code[:2] not in ("02", "11") or verb.lemma_.lower() not in _LAUNCHING_VERBS:
        return None
    campaigns = [c for c in verb.children if c.dep_ in OBJECTS and c.lemma_.lower() in _CAMPAIGNS]
    if not any(_military(c, parties[0]) for c in campaigns):
        return None
    return FORCE if ctx.fire(CAMPAIGN) else None


def _military(campaign: Token, sources: Sequence[ActorRef]) -> bool:
    """A campaign military by a modifier ("a military campaign", "an air campaign"), or named for a place ("the Afrin
    campaign") by a state or an armed party."""
    mods = [c for c in campaign.children if c.dep_ in ("amod", "compound", "nmod")]
    if any(m.lemma_.lower() in _MILITARY_MARKS or m.lower_ in _MILITARY_MARKS for m in mods):
        return True
    # (a place's name: the recogniser may call "Afrin" a nationality, and a stored parse has no entities)
    named = any(m.ent_type_ in _PLACE_ENTS or (m.pos_ == "PROPN" and m.dep_ == "compound") for m in mods)
    return named and bool(sources) and all(_state_or_armed(s.code) for s in sources)


def _state_or_armed(code: str | None) -> bool:
    """A state named alone, its government or military, or an armed party."""
    country, roles = split_code(code or "")
    return (code or "").startswith("IMG") or (country is not None and (not roles or bool(_FIGHTING_ROLES & set(roles))))
