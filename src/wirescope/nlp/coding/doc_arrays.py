"""A document's dependency parse as lists of integers, read once per document (``arrays(doc)``).

Walking the parse through spaCy's Token objects makes a new Token at every ``doc[i]``, ``token.head``,
``token.children``, ``token.lefts`` and ``token.rights``, and a new string at every ``token.dep_``: in the events
stage about 1.7 million Tokens per 80 Guardian articles. A walk that only decides which tokens to keep (a clause, a
phrase) can read the parse from the document's arrays instead, and make a Token only for the tokens it returns. The
lists hold exactly what the Token attributes give: ``deps[i]`` and ``pos[i]`` the ids of ``doc[i].dep_`` and
``doc[i].pos_``, ``lefts(i)`` and ``rights(i)`` the indexes of ``doc[i].lefts`` and
``doc[i].rights`` in order.

The children are one flat list (every token's children, grouped by head, in order) with offsets, not a list per
token: two lists per token (about 1,000 per article) were most of what the events stage keeps per document, and
the garbage collector, which runs whenever some hundreds of container objects more have been made than freed, ran
mostly while they were made, walking the coder's dictionaries in its older generations each time (5% of the
stage's time, py-spy, 150 BBC articles). A child list is sliced from the flat one when asked, and freed at once.

The view is kept in the document's ``user_data`` (the document holds it, so it lives and dies with it) and made
again when the document's length changed. The parse does not change while the stages read a document (lemmas may,
``lemmas.corrected_lemmas``: the view holds none).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_KEY = "wirescope.arrays"


@dataclass(frozen=True, slots=True)
class DocArrays:
    """The parse of one document as lists of integers (module docstring)."""

    size: int
    deps: list[int]  # the id of each token's dependency label (``doc.vocab.strings[label]``)
    pos: list[int]  # each token's coarse part of speech (a spaCy symbol)
    kids: list[int]  # every token's children, grouped by head (in token order), each group in order
    first: list[int]  # ``kids[first[i]:first[i + 1]]`` are token i's children (``size + 1`` offsets)
    mid: list[int]  # ``kids[first[i]:mid[i]]`` are those before it, ``kids[mid[i]:first[i + 1]]`` those after

    def lefts(self, i: int) -> list[int]:
        """The indexes of ``doc[i].lefts``, in order."""
        return self.kids[self.first[i] : self.mid[i]]

    def rights(self, i: int) -> list[int]:
        """The indexes of ``doc[i].rights``, in order."""
        return self.kids[self.mid[i] : self.first[i + 1]]


def arrays(doc: Doc) -> DocArrays:
    """The document's ``DocArrays``, made on first use."""
    found: DocArrays | None = doc.user_data.get(_KEY)
    if found is None or found.size != len(doc):
        found = doc.user_data[_KEY] = _read(doc)
    return found


def _read(doc: Doc) -> DocArrays:
    from spacy.attrs import DEP, HEAD, POS

    n = len(doc)
    rows = doc.to_array([HEAD, DEP, POS]).tolist() if n else []
    heads = [i + (rel if rel < 2**63 else rel - 2**64) for i, (rel, _, _) in enumerate(rows)]
    # a stable sort by head keeps each head's children in token order
    kids = sorted((i for i in range(n) if heads[i] != i), key=heads.__getitem__)
    first = [0] * (n + 1)
    before = [0] * n
    for i, h in enumerate(heads):
        if h != i:
            first[h + 1] += 1
            if h > i:
                before[h] += 1
    for i in range(n):
        first[i + 1] += first[i]
    mid = [first[i] + before[i] for i in range(n)]
    return DocArrays(n, [r[1] for r in rows], [r[2] for r in rows], kids, first, mid)


def subtree_indexes(tok: Token) -> list[int]:
    """The indexes of ``tok.subtree``, in its order (left children's subtrees, the token, right children's), read
    from the document's arrays: spaCy's ``subtree`` makes a Token for every word of it and passes each up through a
    generator per level of the tree, which was the cost of the coder's sets of a phrase's token indexes."""
    out: list[int] = []
    _subtree(arrays(tok.doc), tok.i, out)
    return out


def child_subtrees(tok: Token, labels: frozenset[int]) -> set[int]:
    """The indexes of the subtrees of ``tok``'s children whose dependency label's id is among ``labels`` ("the
    tokens of the verb's subjects"), read from the document's arrays: no Token is made for the children."""
    parse = arrays(tok.doc)
    out: list[int] = []
    for child in parse.kids[parse.first[tok.i] : parse.first[tok.i + 1]]:
        if parse.deps[child] in labels:
            _subtree(parse, child, out)
    return set(out)


def _subtree(parse: DocArrays, i: int, out: list[int]) -> None:
    kids, first, mid = parse.kids, parse.first, parse.mid
    for child in kids[first[i] : mid[i]]:
        _subtree(parse, child, out)
    out.append(i)
    for child in kids[mid[i] : first[i + 1]]:
        _subtree(parse, child, out)
