"""Joining a fight or another's forces, read by what is joined (``senses.sense_code``; issue 17, causes 1 and 4:
the verb's default sense invents a partner or miscodes the act).

* ``code.joining-a-fight-has-no-partner-in-its-place``: "join" with a fight as its object ("joined the war", "the
  fight", "the battle for Mosul") is military cooperation (062) in the dictionary ("JOIN &FIGHT"), coded with
  whatever actor the sentence names. The war's place, or the joiners listed, are no partners: "an estimated 850
  Britons believed to have joined the war in Syria and Iraq on the side of Isis" (Syria, Iraq), "other members of
  Isis' foreign legion had joined the fight, including Algerians and Moroccans", "French jihadists joined the
  battle for Mosul": no event (the fighting, where told, is coded by its own verbs). A partner named as a side
  ("on the side of Russia", "alongside Syrian government forces", "with the Kurds") stays.
* ``code.joining-another-force-is-military-cooperation``: "join" with an armed party as its object is a show of
  force (154, "JOIN &MILITARY", made for forces that reinforce their own) or, through "forces", economic
  cooperation (060, "JOIN FORCES"). Joining the forces of another country or group is fighting beside them,
  military cooperation (062): "Turkey saying it has joined allied Syrian rebel fighters to take control of a series
  of YPG military points", "Russian troops joined Syrian government forces near Palmyra", "Hezbollah fighters joined
  the Syrian army in the offensive on Qusair". "Russian marines joined the Russian forces in Syria" reinforces
  one's own (154 stays); the bare idiom "joined forces with" is not this rule's (company_senses.py).

Word lists are data (lexicons/senses.tsv joined-fight, side-preposition, side-noun).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .actor_codes import split_code
from .lexicon import ARMED_PARTIES
from .lexicons import words
from .views import OBJECTS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .context import DocContext
    from .phrase_actors import ActorRef

FIGHT_JOINED = "code.joining-a-fight-has-no-partner-in-its-place"
FORCE_JOINED = "code.joining-another-force-is-military-cooperation"
MILITARY_COOPERATION = "062"
_FIGHTS = words("senses", "joined-fight")
# a partner named as a side: "alongside X", "with X", "on the side of X"
_SIDE_PREPOSITIONS = frozenset({"with", "alongside", "beside"})
_SIDE_NOUNS = frozenset({"side"})
# codes of joining an armed party: the dictionary's "&MILITARY" show of force and "FORCES" cooperation
_FORCE_CODES = frozenset({"154", "060"})
# roles of those who fight (roles.tsv armed-force, armed-cause)
_FIGHTING_ROLES = ARMED_PARTIES


def joined_a_fight(verb: Token, code: str, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]],
                   ctx: DocContext) -> str | None:
    """No event ("") for 'join' coded as cooperation (06) whose object is a fight and whose targets are none of
    its sides (see the module); None otherwise."""
    if code[:2] != "06" or verb.lemma_.lower() != "join":
        return None
    if not any(c.dep_ in OBJECTS and c.lemma_.lower() in _FIGHTS for c in verb.children):
        return None
    sides = _sides(verb)
    if not parties[1] or any(t.head in sides for t in parties[1]):
        return None  # "joined the war on the side of Russia", "joined the fight alongside Syrian government forces"
    return "" if ctx.fire(FIGHT_JOINED) else None


def _sides(verb: Token) -> set[int]:
    """The tokens of the phrases naming a side of the fight, under the verb or its object: "with/alongside X",
    "on the side of X"."""
    phrases = [t for t in verb.subtree if (t.dep_ == "prep" and t.lower_ in _SIDE_PREPOSITIONS)
               or t.lemma_.lower() in _SIDE_NOUNS]
    return {t.i for p in phrases for t in p.subtree}


def joined_another_force(verb: Token, code: str, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]],
                         ctx: DocContext) -> str | None:
    """Military cooperation (062) for 'join' coded as a show of force or cooperation (154, 060) whose object is an
    armed party of another country or group than every source's, or names one as the side it joins (see the
    module); None otherwise."""
    if code not in _FORCE_CODES or verb.lemma_.lower() != "join":
        return None
    # the object joined, or the side named of a fight joined ("joined the fight alongside Syrian government forces")
    objects = {c.i for c in verb.children if c.dep_ in OBJECTS} | _sides(verb)
    joined = [t for t in parties[1] if t.head in objects and _fighting(t.code)]
    if not joined or not parties[0]:
        return None
    own = {_side(s.code) for s in parties[0]}
    if any(_side(t.code) in own for t in joined):
        return None  # "Russian marines joined the Russian forces in Syria": reinforcement
    return MILITARY_COOPERATION if ctx.fire(FORCE_JOINED) else None


def _fighting(code: str | None) -> bool:
    return bool(_FIGHTING_ROLES.intersection(split_code(code or "")[1]))


def _side(code: str | None) -> str:
    """A party's side: its country, or its code's first part when it has none ("IMG", "---")."""
    return split_code(code)[0] or (code or "")[:3]
