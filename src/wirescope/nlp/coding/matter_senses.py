"""Verbs whose object is a matter, not a party (``senses.sense_code``; issue 17, causes 1 and 4: the verb's
default sense invents an event or miscodes it).

* ``code.dealing-with-a-matter-is-no-act``: "deal" is diplomatic cooperation (050) by default in the dictionary
  (the BARGAIN block, made for "dealt with the rebels"). Dealing with a matter is handling it, no act toward anyone:
  "as a Northern Ireland minister he dealt with education and later security", "failing to properly deal with the
  issue of British teenagers who have left to join Isis", "the country dealt with an earthquake on the border with
  Iran": no event, whoever is named inside the matter's phrase (the teenagers, Iran). Nor is the other sense of the
  verb, dealing something out to someone ("his military had dealt the United States a slap in the face"), any
  cooperation: the blow itself, where it is told, is coded by its own words, and the dictionary's "dealt a blow"
  patterns (011, 110) are not this rule's. A party dealt with stays: "Crocker dealt with Suleimani indirectly",
  "terrorists must be dealt with".
* ``code.defending-a-decision-is-verbal``: "defend" is military protection (074) by default. Defending a decision,
  a purchase, a plan or a record is defending it in words (052, "defend verbally": "defend or justify policies,
  actions, or person of another actor"): "Russia's president has defended the purchase of Yukos' key production
  unit by state-owned oil firm Rosneft", "Brandon Lewis defended Javid's decision to strip Begum of her
  citizenship", "the Home Office defended the measures", "the Iraqi army defended its purchase of Russian tanks"
  (an army defends a purchase in words too). A place, a people or oneself defended is not this rule's: "Kurdish
  forces defended the city of Kobane", "Iran will defend itself against any aggression".

Word lists are data (lexicons/senses.tsv defended-matter).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .actor_codes import split_code
from .lexicons import words

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .context import DocContext
    from .phrase_actors import ActorRef

DEALT = "code.dealing-with-a-matter-is-no-act"
DEFENDED = "code.defending-a-decision-is-verbal"
_DEALING = "050"  # the BARGAIN block's default code ("DEAL")
_PROTECTION, _VERBAL_DEFENCE = "074", "052"
_DEFENDED_MATTERS = words("senses", "defended-matter")
_ACTOR_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# the verb's own object: direct, or the indirect one of "dealt the United States a slap"
_DEALT_OUT = frozenset({"dobj", "obj", "dative"})


def dealt_with_a_matter(verb: Token, code: str, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]],
                        ctx: DocContext) -> str | None:
    """No event ("") for 'deal' coded as its dictionary default (050) that deals with a matter or deals something
    out (see the module); None otherwise."""
    if code != _DEALING or verb.pos_ != "VERB" or verb.lemma_.lower() != "deal":
        return None
    withs = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"]
    if not withs:
        # "dealt the United States a slap in the face": something dealt out, no bargain
        dealt_out = any(c.dep_ in _DEALT_OUT for c in verb.children)
        return "" if dealt_out and ctx.fire(DEALT) else None
    dealt_with = [g for w in withs for g in w.children if g.dep_ == "pobj"]
    if not dealt_with:
        return None  # "terrorists must be dealt with": the passive's subject is dealt with
    heads = [t for g in dealt_with for t in (g, *g.conjuncts)]
    if any(_named(h) for h in heads) or any(t.head in {h.i for h in heads} and split_code(t.code or "")[1]
                                            for t in parties[1]):
        return None  # "dealt with Suleimani", "deal with radicalised Britons", "dealt with the rebels": a party
    return "" if ctx.fire(DEALT) else None


def _named(head: Token) -> bool:
    """A name, a pronoun or a people ("Suleimani", "them", "Britons"), coded or not; a common noun is a party only
    when it is coded by a role of its own ("the rebels", "returnees"), not by a country named inside its phrase
    ("the issue of British teenagers": GBR, no role)."""
    return head.pos_ in ("PROPN", "PRON") or head.ent_type_ in _ACTOR_ENTS


def defended_a_decision(verb: Token, code: str, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]],
                        ctx: DocContext) -> str | None:
    """Verbal defence (052) for 'defend' coded as military protection (074) whose every object is a decision, an
    act, a plan or a record (see the module); None otherwise."""
    if code != _PROTECTION or verb.pos_ != "VERB" or verb.lemma_.lower() != "defend":
        return None
    defended = [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    if not defended or not all(d.pos_ == "NOUN" and d.lemma_.lower() in _DEFENDED_MATTERS for d in defended):
        return None  # "defended the city of Kobane", "defend itself", "defended Mr McConnell"
    return _VERBAL_DEFENCE if ctx.fire(DEFENDED) else None
