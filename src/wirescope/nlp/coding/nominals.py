"""Event nouns as triggers ("US sanctions on Iran", "Pakistan's allegations against Kabul", "a visit by Starmer to
the White House"): which nouns are events, the code each takes, and which of the noun's dependents name its doer
and its target.

A noun's arguments are not a verb's: there is no subject or object, only a possessor or modifier ("Israel's
attack", "US sanctions"), a ``by`` agent, and prepositional phrases whose meaning depends on the noun. For most
event nouns the ``of``/``on``/``against`` phrase is the one acted on ("the invasion of Ukraine", "sanctions on
Iran", "an attack against the base"), but for speech acts the ``of`` phrase is their content ("threats of
sanctions", "a demand of payment") and the addressee comes with ``to`` ("a warning to Iran"), and for moves it is
the destination ("a visit to Riyadh"). Those nouns list their target prepositions (``lexicons/event_nouns.tsv``,
nominal-target). For nouns of acts done to a person (arrest, killing, release) the possessor is the one the act is
done to ("his arrest", "the girls' release") unless an ``of`` phrase names that one ("the army's killing of
protesters"): nominal-patient.

The code of a nominal trigger is its verb's dictionary entry (the nominal class's code column names the verb:
"assassination" -> ASSASSINATE), or, for a noun without a verb of its own sense in the dictionary ("tariff",
"crackdown"), a CAMEO code given directly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from .lexicons import codes, words

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .arguments import ActorRef
    from .context import DocContext

__all__ = ["NOMINAL", "nominal_arguments", "nominal_code"]

# event noun -> the verb whose dictionary entry codes it, or a CAMEO code (lexicons/event_nouns.tsv, nominal)
NOMINAL = codes("event_nouns", "nominal")
# event noun -> the prepositions ("to+against") whose object is its target, instead of of/on/against
_TARGET_PREPS = {w: frozenset(p.split("+")) for w, p in codes("event_nouns", "nominal-target").items()}
_DEFAULT_PREPS = frozenset({"of", "on", "against"})
# event nouns whose possessor undergoes the act ("his arrest"), unless "of" names who does
_PATIENT_POSSESSOR = words("event_nouns", "nominal-patient")
_MODIFIERS = ("poss", "compound", "amod")


class _Finder(Protocol):
    """What ``nominal_arguments`` needs of the coder (``arguments.ArgumentFinder``)."""

    def _actors(self, head: Token, ctx: DocContext, *, direct: bool) -> list[ActorRef]: ...

    def _deep(self, root: Token, ctx: DocContext) -> list[ActorRef]: ...


def nominal_code(noun: Token) -> str | None:
    """The CAMEO code an event noun gives directly ("tariff" -> 163), or None when a verb entry codes it (or it is
    no event noun)."""
    code = NOMINAL.get(noun.lemma_.lower())
    return code if code is not None and code.isdigit() else None


def nominal_arguments(finder: _Finder, noun: Token, ctx: DocContext) -> tuple[list[ActorRef], list[ActorRef]]:
    """Sources and targets of an event noun: "the assassination of X by Y", "Israel's attack on Gaza", "a US
    strike on Iraq", "Pakistan's allegations against Afghanistan", "a visit by Starmer to the White House"."""
    lemma = noun.lemma_.lower()
    preps = _TARGET_PREPS.get(lemma, _DEFAULT_PREPS)
    # "his arrest", "the girls' release": the possessor undergoes the act, unless "of" names who does
    patient = lemma in _PATIENT_POSSESSOR and not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
    sources: list[ActorRef] = []
    targets: list[ActorRef] = []
    for c in noun.children:
        if c.dep_ == "poss" and patient:  # a weaker clue than an "of" phrase (as source.authorities-arrest-and-try)
            targets = targets or finder._actors(c, ctx, direct=False)
        elif c.dep_ in _MODIFIERS and not sources:
            sources = finder._actors(c, ctx, direct=True)
        # "an attack in X" names a place, not a target
        elif c.dep_ == "prep" and c.lower_ in preps and not targets:
            targets = finder._deep(c, ctx)
        elif c.dep_ == "prep" and c.lower_ == "by":
            sources = finder._deep(c, ctx)
    return sources, targets
