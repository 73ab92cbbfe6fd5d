"""A title one country's dictionary entry names, written with the portfolio of another country's office
(``actors.portfolio-title-is-no-us-office``).

The Phoenix dictionaries list "Secretary of State" alone as the United States' foreign minister (USAGOV), as
American news names him ("Secretary of State Marco Rubio"). Britain, and after it Canada, France and Haiti in
English, name ministers by their department after the same words: "the Secretary of State for Culture, Media and
Sport, Tessa Jowell", "the Secretary of State for Scotland", "Haiti's secretary of state for communication". The
American title never takes "for" and a portfolio, so the match is dropped there and the phrase keeps the role the
agents dictionary gives the title (SECRETARY OF STATE: GOV), whose country its own words ("the French Secretary of
State for European Affairs"), its holder's name or the article then give.

Word lists are data (lexicons/title_words.tsv one-country-title).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .lexicons import words

if TYPE_CHECKING:
    from spacy.tokens import Token

_TITLES = words("title_words", "one-country-title")


def portfolio_title(start: int, end: int, toks: Sequence[Token]) -> bool:
    """The document tokens ``start`` to ``end`` of a dictionary match are a title of one country's office alone
    (lexicons/title_words.tsv one-country-title: "Secretary of State", an article before it aside) and "for"
    follows them in the document: another country's minister of that portfolio."""
    doc = getattr(toks[0], "doc", None) if toks else None
    if doc is None or end >= len(doc) or doc[end].lower_ != "for":
        return False
    title = [t.text.upper() for t in doc[start:end] if t.lower_ not in ("the", "a")]
    return " ".join(title) in _TITLES
