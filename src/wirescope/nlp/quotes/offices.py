"""A definite description of an office ("the culture secretary", "The Tory leader") as a quotation's speaker: the
person the article named before with that office (``speaker.the-office-is-its-holder-named-before``).

News names a person once with the office ("Culture Secretary Tessa Jowell", "Tessa Jowell, the culture
secretary", "Tory leader Michael Howard") and then often calls them by the office alone: "The culture secretary
said ...". The office's words must all be among those the article gave the person ("the minister" is "rural affairs
minister Alun Michael"; "the prime minister" is not "Minister Richard Caborn"); the latest person so named before
the phrase is taken, but not one given another office with the same noun ("deputy prime minister John
Prescott", "Diane Abbott, the shadow home secretary", "former home secretary David Blunkett" for "the prime
minister", "the home secretary"). A person the article never gave the office is not guessed ("the prime
minister" after "Mr Blair" alone names no one): another person with no office may stand nearer.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..coding.lexicons import words
from .speaker_names import Mentions, Referent, etype, word_list

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

OFFICE = "speaker.the-office-is-its-holder-named-before"

# offices a person holds, the coder's person titles; a spokesman is mostly not named ("A Downing Street spokesman
# said ... The spokesman said"): no office of a person the article names
_OFFICES = words("title_words", "person-title") - {"spokesman", "spokeswoman", "spokesperson"}
# words before an office's noun that make it another office ("deputy prime minister", "shadow home secretary",
# "former home secretary"): a person given one holds the office the noun alone names only if the phrase has it too
_OTHER = word_list("other_offices") | words("title_words", "shadow") | words("title_words", "no-longer") \
    | words("title_words", "not-current")
_TITLE_DEPS = frozenset({"compound", "amod", "nmod"})  # the words of an office before its noun ("Tory", "shadow")


def is_office(head: Token) -> bool:
    """The speaker's phrase is "the" and an office's noun, singular ("the prime minister", "The Culture
    Secretary", "the former Labour leader"; not "a minister", "ministers", "the minister's aide")."""
    return head.tag_ in ("NN", "NNP") and head.lower_ in _OFFICES and head.dep_ != "poss" \
        and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)


def holder(doc: Doc, head: Token, start: int, mentions: Mentions) -> Referent | None:
    """The person named before ``start`` with all the words of the office headed by ``head`` (the latest)."""
    office = _office_words(head, ())
    best = None
    for m, e in mentions:
        if m.end > start:
            break
        if etype(e) != "PERSON":
            continue
        titles = _titles(doc, m.start, m.end)
        if office <= titles and not (titles - office) & _OTHER:
            best = Referent(start, e.name, e.id, "PERSON", m.start, m.end, rules=(OFFICE,))
    return best


def _office_words(noun: Token, skip: Iterable[int]) -> frozenset[str]:
    """The noun and the words that make its office ("culture secretary", "shadow foreign secretary"), lower case;
    not the tokens ``skip`` (a name inside)."""
    left = set(skip)
    return frozenset({noun.lower_} | {t.lower_ for t in noun.subtree
                                       if t.i < noun.i and t.dep_ in _TITLE_DEPS and t.i not in left})


def _titles(doc: Doc, start: int, end: int) -> frozenset[str]:
    """The words of the offices the mention ``[start, end)`` is given: before the name ("Tory leader Michael
    Howard"), in apposition after it ("Tessa Jowell, the culture secretary") or before it ("The shadow foreign
    secretary, Michael Ancram")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return frozenset()
    root = span.root
    inside = range(span.start, span.end)
    out: set[str] = {t.lower_ for t in root.subtree if t.i < span.start and t.dep_ in _TITLE_DEPS}
    for c in root.children:
        if c.dep_ == "appos" and c.i >= span.end:
            out |= _office_words(c, inside)
    if root.dep_ == "appos" and root.head.i < span.start:
        out |= _office_words(root.head, {t.i for t in root.subtree})
    return frozenset(out)
