"""The actor inside an object that names no actor itself (target.actor-inside-the-object). PETRARCH's convention
takes the first coded phrase anywhere in the object ("criticized the closure of guest houses in Bree" targets
Bree, "restore ties with X", "condemned the detention of journalists"). On real news most of its firings were an
actor named in passing inside a long object, in a phrase that is no argument of the object's head: a clause
hanging on a noun ("a force trained by the United States", "guarantees that Turkey would not attack"), an
adjective's own phrase ("Putin-sponsored talks", "a system similar to Australia's"), a place ("plans to limit
casinos in the UK", "attacks in 29 countries other than Iraq and Syria"), or a relation between two others ("the
links between local people and the police"). The search below does not enter those; it still goes down the
object's own phrases (of, with, on, for, against, to, by ...), so "the closure of the embassy of Iran" and "thousands
of people" are found as before. Two exceptions keep what is right there: the author of words a participle credits
them to ("rejected the allegations made by Pakistan"), and for acts done to a place (force, coercion, a visit) the
place and the holder of a place ("attacked rebel positions near Idlib", "shelled the rebel-held town of Douma")."""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

from .lexicon import PLACE_PREPS
from .lexicons import words
from .phrase_actors import ActorRef
from .syntax import NOUN_HEAD

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .context import DocContext

# (head, ctx) -> the actors of a noun phrase and its conjuncts (``PhraseActors._actors`` with direct=False)
Coder = Callable[["Token", "DocContext"], list[ActorRef]]

# clauses hanging on a noun: a reduced or full relative clause, a content clause, an adverbial or prepositional
# clause; what they name are parties of another predication than the act's
_CLAUSES = frozenset({"acl", "relcl", "ccomp", "advcl", "pcomp", "xcomp", "csubj"})
# a relation between two others is no party of the act ("increase the links between local people and the police")
_BETWEEN = frozenset({"between", "among", "amongst"})
# nouns of information or discussion, whose of-phrase is what is told (stances.tsv, topic-noun)
_TOPICS = words("stances", "topic-noun")
# "seize land owned by a British company", "struck targets belonging to Hezbollah", "areas controlled by jihadists":
# a participle of possession names the holder of the thing an act of force or coercion is done to, who suffers it
_HOLDING = frozenset({"own", "control", "occupy", "hold", "run", "operate", "belong"})
# "rejected the allegations made by Pakistan", "criticised a report written by a German journalist": words and
# decisions, credited by a participle's by-phrase to their author, the one a response to them is aimed at
_WORDS = frozenset({*words("stances", "stance-noun"), *words("denials", "claim-noun"), "report"})


def actors_inside(obj: Token, places: bool, coder: Coder, ctx: DocContext,
                  exclude: AbstractSet[int] = frozenset()) -> list[ActorRef]:
    """The first coded noun phrase(s) inside the object ``obj`` (breadth first) reached through its own phrases,
    not through a clause hanging on a noun, an adjective's phrase, a relation between others, or (unless
    ``places``: the act is done to a place) a place phrase. Then the author of words a participle credits them to."""
    queue = [c for c in obj.children if _enters(c, places)]
    while queue:
        tok = queue.pop(0)
        if tok.i in exclude:
            continue
        if tok.pos_ in NOUN_HEAD and tok.dep_ not in ("compound", "amod", "poss", "det"):
            found = coder(tok, ctx)
            if found:
                return found
        queue.extend(c for c in tok.children if _enters(c, places))
    return (_holder(obj, coder, ctx) if places else []) or _author(obj, coder, ctx)


def _holder(obj: Token, coder: Coder, ctx: DocContext) -> list[ActorRef]:
    """For an act done to a place or thing (force, coercion, seizure): the holder a participle of possession names
    ("seize land owned by a British company", "struck targets belonging to Hezbollah in Syria", "shelled areas
    held by the rebels"); the thing is theirs, and the act is done to them (review 15 of fd09095)."""
    owner = _participle_party(obj, lambda acl: acl.lemma_.lower() in _HOLDING, ("agent", "to"))
    return coder(owner, ctx) if owner is not None else []


def _participle_party(obj: Token, accepts: Callable[[Token], bool], via: tuple[str, ...]) -> Token | None:
    """The object of the by-phrase (``"agent"``) or of a preposition in ``via`` of the first participle clause on
    ``obj`` that ``accepts``: "land owned by a British company", "targets belonging to Hezbollah"."""
    for acl in obj.children:
        if acl.dep_ != "acl" or not accepts(acl):
            continue
        for c in acl.children:
            if c.dep_ in via or (c.dep_ == "prep" and c.lower_ in via):
                owner = next((g for g in c.children if g.dep_ == "pobj"), None)
                if owner is not None:
                    return owner
    return None


def _enters(tok: Token, places: bool) -> bool:
    """The search goes on into ``tok``'s phrase."""
    if tok.dep_ in _CLAUSES or tok.dep_ == "punct":
        return False
    if tok.dep_ == "amod" and not places:
        return False  # "Putin-sponsored talks"; for force, "the rebel-held town" is the rebels'
    if tok.dep_ == "prep" and (tok.lower_ in _BETWEEN or (tok.lower_ == "of" and tok.head.lemma_.lower() in _TOPICS)):
        return False  # "the links between X and Y"; "revealed details of his talks with Putin": what is told
    return places or not (tok.dep_ == "prep" and tok.lower_ in PLACE_PREPS)


def _author(obj: Token, coder: Coder, ctx: DocContext) -> list[ActorRef]:
    """The author words or a decision are credited to by a participle's by-phrase: "rejected the allegations made
    by Pakistan", "criticised a report written by a German journalist". (Another noun's participle only describes
    it: "destroy a force trained by the United States" is not aimed at the trainer.)"""
    if obj.lemma_.lower() not in _WORDS:
        return []
    agent = _participle_party(obj, lambda acl: acl.tag_ == "VBN", ("agent",))
    return coder(agent, ctx) if agent is not None else []
