"""Words after a stance prefix ("anti-government", "pro-Russian", "non-government"): the prefixed word modifies the
noun after it and names what its bearer is against or for, not what a verb is done to; a verb pattern that matched
it ("BEAT * GOVERNMENT", "ATTACK * GOVERNMENT", "FIGHT * GOVERNMENT") is matched again without it
(code.word-after-a-stance-prefix-is-no-pattern-word; the prefixes: lexicons/function_words.tsv stance-prefix)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .lexicons import words

if TYPE_CHECKING:
    from spacy.tokens import Token

STANCE_WORD = "code.word-after-a-stance-prefix-is-no-pattern-word"
_PREFIXES = words("function_words", "stance-prefix")


def stance_prefix_start(tok: Token) -> int | None:
    """Index of the stance prefix ``tok`` is joined to ("anti" of "anti - government", "pro-" of "pro- government"),
    else None."""
    doc, i = tok.doc, tok.i
    if i >= 1 and doc[i - 1].text.endswith("-") and doc[i - 1].text[:-1].lower() in _PREFIXES:
        return i - 1  # "anti-" one token (a prefix written apart: "anti- government")
    if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in _PREFIXES \
            and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_:
        return i - 2  # "anti", "-", "government"
    return None


def without_stance_words(after: Sequence[Token], last: int | None) -> list[Token] | None:
    """The words after a verb without every stance prefix and its word, when one such word lies no later than the
    last word a pattern matched (``last``), else None (nothing to match again)."""
    if last is None:
        return None
    dropped: set[int] = set()
    for tok in after:
        start = stance_prefix_start(tok) if tok.i <= last else None
        if start is not None:
            dropped.update(range(start, tok.i + 1))
    return [t for t in after if t.i not in dropped] if dropped else None
