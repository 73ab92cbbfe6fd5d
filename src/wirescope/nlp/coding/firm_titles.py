"""A title held in a firm is business, not government (``actors.title-in-a-firm-is-business``): the agents
dictionary gives PRESIDENT, CHIEF EXECUTIVE and DIRECTOR GENERAL the government role (GOV), which is right for a
state's president and wrong for "Ken Mayland, president of ClearView Economics" (coded USAGOV), "Rod Eddington,
BA's chief executive" (GBRGOV) or "Sony president Kaz Hirai". Where the title says whose it is, by an "of", "at" or
"for" phrase, a possessor or a name before it, and that is a firm, the role is the firm's (BUS). Word lists are data
(lexicons/senses.tsv: firm-noun, public-body-noun)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .actor_codes import split_code
from .actor_matching import Fire, Match
from .lexicons import words

if TYPE_CHECKING:
    from spacy.tokens import Token

RULE = "actors.title-in-a-firm-is-business"
_FIRM_NOUNS = words("senses", "firm-noun")
_PUBLIC_BODIES = words("senses", "public-body-noun")
# roles of a dictionary actor that make it a firm, and those that make it something else whatever its sector
_FIRM_ROLES = frozenset({"BUS", "MNC"})
_NOT_FIRM_ROLES = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "IGO", "PTY", "NGO"})
# prepositions that say whose the title is ("president of", "economist at", "chief executive for")
_OWNER_PREPS = frozenset({"of", "at", "for"})
# the last words of titles a firm has as a state does: not the words of a body ("ministry", "embassy") nor titles
# of a state alone ("minister", "secretary")
_FIRM_TITLES = words("title_words", "firm-title")


def title_in_a_firm(agents: list[Match], actors: Sequence[Match], toks: Sequence[Token], fire: Fire) -> list[Match]:
    """The agents of a phrase with each government title (GOV) whose owner is a firm made business (BUS)."""
    if not any(a.code == "GOV" and not a.prefix for a in agents) or getattr(toks[0], "doc", None) is None:
        return agents  # words of a bare string (no parse) say nobody's title is whose
    by_index = {t.i: t for t in toks}
    out = []
    for a in agents:
        title = by_index.get(a.end - 1)
        if a.code == "GOV" and not a.prefix and title is not None and title.lower_ in _FIRM_TITLES \
                and any(_firm(o, (actors, agents)) for o in _owners(title) if o.i in by_index) and fire(RULE):
            a = Match(a.start, a.end, "BUS", a.name, a.prefix)
        out.append(a)
    return out


def _owners(title: Token) -> list[Token]:
    """Whose the title is: the object of its "of/at/for" phrase ("president of ClearView Economics"), its
    possessor ("BA's chief executive") or a name compounded before it ("GM chief executive"); for an object that is
    a part of a firm, the firm owning it ("chief executive for BT's wireless broadband")."""
    found = [g for c in title.children if c.dep_ == "prep" and c.lower_ in _OWNER_PREPS
             for g in c.children if g.dep_ == "pobj"]
    found += [c for c in title.children if c.i < title.i and (c.dep_ == "poss" or (
        c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"))]
    found += [p for g in list(found) if g.pos_ != "PROPN" for p in g.children if p.dep_ == "poss"]
    return found


def _firm(owner: Token, matches: tuple[Sequence[Match], Sequence[Match]]) -> bool:
    """The owner is a firm: a dictionary actor with a business role and no state or organisation role (Sony), or
    a name the dictionaries do not know with a business agent word ("British Airways") or that the parser calls an
    organisation, or a firm noun ("the airline"), with no word of a public body ("UK Film Council", "the Federal
    Reserve Bank")."""
    actors, agents = matches
    name = [t for t in owner.subtree if t.i <= owner.i and t.dep_ in ("compound", "flat", "amod")] + [owner]
    coded = [m for m in actors if any(m.start <= t.i < m.end for t in name)]
    roles = {r for m in coded for r in split_code(m.code)[1]}
    if roles:  # "Sony Computer Entertainment America": Sony's MNC (America, a bare country, has no role)
        return bool(roles & _FIRM_ROLES) and not roles & _NOT_FIRM_ROLES
    if any(m.start <= owner.i < m.end for m in coded):
        return False  # the owner's head word names a country ("Arnor's president", an ORG to the parser), not a firm
    lemmas = {t.lemma_.lower() for t in name} | {t.lower_ for t in name}
    if lemmas & _PUBLIC_BODIES:
        return False
    business = any(a.code in _FIRM_ROLES and any(a.start <= t.i < a.end for t in name) for a in agents)
    return business or owner.lemma_.lower() in _FIRM_NOUNS or (owner.pos_ == "PROPN" and owner.ent_type_ == "ORG")
