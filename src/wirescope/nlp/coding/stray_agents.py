"""The "by" phrase of an event noun that the parser hung elsewhere (``source.stray-by-phrase-of-an-event-noun``).

A noun of an act takes its doer in a "by" phrase, as a passive does: "the seizure of a British tanker by Iranian
forces", "the bombing of a French base by Ivorian jets", "the hijacking of a train by Baloch militants". The parser
often attaches that phrase to the nearest noun before it, the noun of the act's own "of"/"on" complement ("a tanker
by Iranian forces", "the embassy by Ukrainian drones"), or to the active verb that governs the act noun
("condemned the hijacking of a train by Baloch militants", "lost their lives in Tuesday's hijacking by armed
militants"). A tanker, a base or an embassy has no agent, and an active verb has no "by" agent of its own, so the
phrase names the act's doer. Not when the complement noun is a work, whose "by" phrase names its author ("the
banning of a novel by Salman Rushdie"), or an act with a "by" doer of its own; not a "by" of place ("a base by the
border") nor of means or time ("by firing missiles", "by Friday"), which name no party; and not on a passive verb,
whose "by" phrase is its own agent.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicons import words

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .context import DocContext
    from .nominals import NounArgumentFinder
    from .phrase_actors import ActorRef

RULE = "source.stray-by-phrase-of-an-event-noun"
_WORK_NOUNS = words("senses", "work-noun")  # "a novel by Salman Rushdie": its author
_PLACE_NOUNS = words("place_words", "place-noun")  # "a base by the border": a place
_PLACE_TYPES = frozenset({"LOC", "FAC"})
_NOUN_TAGS = frozenset({"NOUN", "PROPN"})


def stray_agent(finder: NounArgumentFinder, noun: Token, events: frozenset[str] | dict[str, str],
                ctx: DocContext) -> list[ActorRef]:
    """The doer named by a "by" phrase that belongs to ``noun`` (an event noun with no doer of its own phrase) but
    hangs on its complement's noun or on the verb that governs it; ``events`` holds the lemmas of event nouns.
    Real news only (the PETRARCH suites' conventions code a noun's own phrase)."""
    if not finder.real_news or finder.ud_petrarch:
        return []
    for by in _stray_phrases(noun, events):
        party = next(g for g in by.children if g.dep_ == "pobj")
        if party.lemma_.lower() in _PLACE_NOUNS or party.ent_type_ in _PLACE_TYPES:
            continue
        found = finder.actors_inside(by, ctx)
        if found and ctx.fire(RULE):
            return found
    return []


def _stray_phrases(noun: Token, events: frozenset[str] | dict[str, str]) -> list[Token]:
    """The "by" phrases with a noun object that may be ``noun``'s: on a noun of its complement, or right after its
    phrase on the active verb that governs it."""
    out = []
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ != "by"):
        for comp in (g for g in prep.children if g.dep_ == "pobj"):
            lemma = comp.lemma_.lower()
            if lemma not in _WORK_NOUNS and lemma not in events:
                out += [c for c in comp.children if _by_phrase(c)]
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    if noun.dep_ in ("dobj", "obj", "pobj") and verb.pos_ == "VERB" and not _passive(verb):
        out += [c for c in verb.children if _by_phrase(c) and c.i == noun.right_edge.i + 1]
    return out


def _by_phrase(tok: Token) -> bool:
    return tok.dep_ == "prep" and tok.lower_ == "by" and any(
        g.dep_ == "pobj" and g.pos_ in _NOUN_TAGS for g in tok.children)


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass", "agent") for c in verb.children)
