"""An article without a date dated by its own titles (actors.titled-office-holders-date-the-article).

A title before a name ("Prime Minister Tony Blair", "Chancellor Gordon Brown") says that the person held a
government office when the article was written. The dictionaries' dated codes and the office holders table give the
terms in which each such person held one; the article was written when every titled person held theirs, the span
in which all those terms overlap. A person the article names bare ("Mr Brown") is then coded as of that span's
middle day, not with the dictionary's undated code (an elite, ELI, for anyone who has left office since). No titled
office holder, or titles whose terms never overlap, and the article stays undated."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from . import doc_memo
from .actor_codes import split_code
from .lexicons import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

DATED = "actors.titled-office-holders-date-the-article"
_OFFICE_TITLES = words("title_words", "office-title")
# "former Prime Minister John Major", "shadow Chancellor Oliver Letwin": a title not held when the article was written
_NOT_CURRENT = (words("title_words", "not-current") | words("title_words", "no-longer")
                | words("title_words", "shadow"))
_HONORIFICS = words("title_words", "honorific")
# the last day of the office holders table: an open term (still in office) is counted to it
HORIZON = date(2025, 3, 31)

Span_ = tuple[date, date]
# the government terms of a person named by these words (upper case), from the dictionaries and the table
TermsOf = Callable[[Sequence[str]], list[Span_]]


def titled_names(doc: Doc) -> list[list[Token]]:
    """The names a government title stands before ("Foreign Secretary Jack Straw" -> Jack Straw), of two words or
    more (a surname alone may be someone else's), unless the title is former, shadow or the like."""
    out: list[list[Token]] = []
    for tok in doc:
        if tok.lower_ not in _OFFICE_TITLES or tok.i + 2 > len(doc):
            continue
        before = {t.lower_.strip("-") for t in doc[max(0, tok.i - 3) : tok.i]}
        if before & _NOT_CURRENT:
            continue
        name: list[Token] = []
        for t in doc[tok.i + 1 :]:
            if t.pos_ != "PROPN" or not t.text[:1].isupper() or t.lower_ in _OFFICE_TITLES:
                break
            if name or t.text.upper().rstrip(".") not in _HONORIFICS:  # "Deputy Prime Minister Mr Prescott"
                name.append(t)
        if len(name) >= 2:
            out.append(name)
    return out


def overlap(spans: Iterable[list[Span_]]) -> list[Span_]:
    """The days in every one of the unions of ``spans`` (each a list of inclusive spans), as spans."""
    common: list[Span_] | None = None
    for union in spans:
        if common is None:
            common = sorted(union)
            continue
        common = sorted((max(a[0], b[0]), min(a[1], b[1])) for a in common for b in union
                        if max(a[0], b[0]) <= min(a[1], b[1]))
    return common or []


def article_day(doc: Doc, owner: object, terms_of: TermsOf) -> tuple[date | None, frozenset[str]]:
    """The middle day of the longest span in which every office holder the article titles held office (None without
    such a person or when their terms never overlap), and the titled names (upper case). Worked out once per
    document (``doc_memo``)."""
    memo: dict[Hashable, tuple[date | None, frozenset[str]]] = doc_memo.table(doc, owner, "article_day")
    if "day" not in memo:
        names = [" ".join(t.text.upper() for t in name) for name in titled_names(doc)]
        unions = [u for u in (terms_of(name.split()) for name in names) if u]
        common = overlap(unions) if unions else []
        day = None
        if common:
            first, last = max(common, key=lambda s: s[1] - s[0])
            day = first + (last - first) / 2
        memo["day"] = (day, frozenset(names))
    return memo["day"]


def government_spans(codes: Iterable[tuple[str, date | None, date | None]]) -> list[Span_]:
    """The dated terms among ``codes`` (code, start, end) in which the person held a government office (GOV); an
    open term runs to the table's last day."""
    return [(start, end or max(start, HORIZON)) for code, start, end in codes
            if start is not None and "GOV" in split_code(code)[1]]
