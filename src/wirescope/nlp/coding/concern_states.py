"""Being concerned: a predicate adjective of concern after a copula, with what the concern is about ("Turkey is
concerned about continued YPG dominance near its borders", "we are concerned about the Turkish incidents in
northern Syria", "the YPG is worried about a repeat of the Turkish occupation of Afrin"). To say so is to express
concern, CAMEO 012 (make pessimistic comment), as the dictionary codes "expressed concern over" (EXPRESS) and
"remains concerned about" (ENDURE); the copula is the trigger, as for "are in talks" (rule
``code.being-concerned-is-a-concern``). The adjectives are data (lexicons/event_nouns.tsv, concern-adjective).

The concern must be about something named: an "about/over/by/at" phrase or a that-clause. Without one ("as far as
investors are concerned", "the countries concerned") the adjective says whom a matter touches, and "concerned
with" or "for" says what one deals with or cares for ("the committee is concerned with education", "was concerned
for his son's mental state")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicons import codes

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .arguments import ArgumentFinder
    from .context import DocContext
    from .patterns import PatternMatch
    from .target_finders import TargetsFound, TargetView

BEING_CONCERNED = "code.being-concerned-is-a-concern"
CONCERN_TARGET = "target.what-one-is-concerned-about"
_CONCERN = codes("event_nouns", "concern-adjective")
_ABOUT = frozenset({"about", "over", "by", "at"})


def concern_code(copula: Token) -> str | None:
    """The code (012) of a copula whose predicate adjective is one of concern about something named, else None."""
    adj = _concern_adjective(copula)
    return _CONCERN[adj.lower_] if adj is not None and _about_something(adj) else None


def being_concerned(tok: Token, match: PatternMatch) -> bool:
    """``tok`` is a copula coded by this module: what the concern is about is another act, not what it reports."""
    return match.inferred == "noun" and tok.lemma_ == "be" and concern_code(tok) is not None


def _concern_adjective(copula: Token) -> Token | None:
    return next((a for a in copula.children if a.dep_ == "acomp" and a.lower_ in _CONCERN), None)


def _about_something(adj: Token) -> bool:
    return any(_what_about(c) is not None for c in adj.children)


def _what_about(c: Token) -> Token | None:
    """The head of what a concern is about, when ``c`` (a child of the adjective) names it: the object of an
    "about/over/by/at" phrase, or the subject of a that-clause ("concerned that Russia will attack")."""
    if c.dep_ == "prep" and c.lower_ in _ABOUT:
        return next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
    if c.dep_ == "ccomp":
        return next((s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")), c)
    return None


def concern_target(finder: ArgumentFinder, v: TargetView, ctx: DocContext) -> TargetsFound:
    """A target finder: the party a concern is about, in the adjective's "about/over/by/at" phrase (the phrase's own
    head first: "concerned about the Turkish incidents in northern Syria" is about Turkey; else its first coded noun
    phrase, breadth first: "about the conditions facing 23,000 people") or the subject of its that-clause (rule
    ``target.what-one-is-concerned-about``)."""
    adj = _concern_adjective(v.verb) if v.match.inferred == "noun" and v.verb.lemma_ == "be" else None
    if adj is None:
        return None
    for c in adj.children:
        head = _what_about(c)
        found = [] if head is None else [a for a in (finder.phrase_actors(head, ctx, direct=False)
                                                     or finder.actors_inside(head, ctx)) if a.head not in v.src_heads]
        if found:
            return CONCERN_TARGET, found
    return None
