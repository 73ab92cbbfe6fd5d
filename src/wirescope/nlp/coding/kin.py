"""Relatives as actors (actors.relative-takes-only-the-country): "the father of Shamima Begum", "the family of a
former British soldier", "Jack Letts's parents" name a relative of someone, not that person. The relative shares
the person's country (the nationality a CAMEO coder gives a private person) but neither the person's name nor
their role: Begum's father is no Begum, a soldier's family is no army."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicons import words

if TYPE_CHECKING:
    from spacy.tokens import Token


KIN_HEADS = words("title_words", "kin-head")
RELATIVE = "actors.relative-takes-only-the-country"


def kin_of(head: Token) -> Token | None:
    """The noun whose relative ``head`` names: the object of its "of" phrase ("the father of Shamima Begum") or a
    noun possessor ("Begum's father"); None for another head, or a pronoun possessor ("her father": whose, only
    the pronoun's resolution would say, and it is left as it was)."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in KIN_HEADS:
        return None
    for c in head.children:
        if kin_link(c):
            return c if c.dep_ == "poss" else next(p for p in c.children if p.dep_ == "pobj")
    return None


def kin_link(child: Token) -> bool:
    """``child`` links a relative noun to whose relative it is: its "of" phrase with an object, or a noun
    possessor."""
    head = child.head
    if head.i == child.i or head.pos_ != "NOUN" or head.lemma_.lower() not in KIN_HEADS:
        return False
    if child.dep_ == "poss":
        return child.pos_ in ("PROPN", "NOUN")
    return child.dep_ == "prep" and child.lower_ == "of" and any(p.dep_ == "pobj" for p in child.children)
