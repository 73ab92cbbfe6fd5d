"""Verb lemmas the model's lemmatiser gets wrong, corrected for the coder while it codes a document.

The model strips the silent e of some verbs, taking the form for one of a shorter verb it knows: "hoped", "hopes",
"hoping" -> "hop"; "staged" -> "stag"; "waged" -> "wag"; "fined" -> "fin"; "raped" -> "rap"; "raging" -> "rag".
Every word list that names the verb then misses it ("hope" is a verb of intention: "Iran hopes to meet Saudi
officials" announces a meeting, and a view: "hopes that ..."). English spelling tells the two verbs apart: a
one-syllable verb ending in a single vowel and a consonant doubles the consonant before -ed and -ing ("hop" ->
"hopped", "hopping") and takes a bare -s ("hops"); a form that adds -ed, -es or -ing to such a lemma without doubling
is a form of the verb with the silent e ("hoped" is of "hope"). On BBC and Guardian news every such correction is
right (hoped, staged, fined, waged, raged, coping, riding, spared, scared ..., the commonest "hope" with 143 of 169).

The lemmas are written back when the document is coded: the other stages (quotations, the verifier) see the model's
own lemmas, as before (``candidates.lemma-keeps-its-silent-e``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from .doc_memo import forget

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .context import DocContext

RULE = "candidates.lemma-keeps-its-silent-e"
# a one-syllable lemma ending in one vowel and one consonant that doubles (not w, x or y: "showed", "fixed")
_DOUBLING = re.compile(r"^[^aeiou]*[aeiou][^aeiouwxy]$")
_ENDINGS = ("ed", "es", "ing")


def silent_e_lemma(form: str, lemma: str) -> str | None:
    """The lemma with its silent e when ``form`` is a form of it rather than of ``lemma`` ("hoped", "hop" ->
    "hope"; "hopped", "hop" -> None)."""
    if not _DOUBLING.match(lemma) or not any(form == lemma + end for end in _ENDINGS):
        return None
    return lemma + "e"


@contextmanager
def corrected_lemmas(doc: Doc, ctx: DocContext) -> Iterator[None]:
    """Within the block, the verbs of ``doc`` whose lemma lost its silent e have it back (their indexes in
    ``ctx.relemmatised``); afterwards the model's lemmas are restored."""
    import numpy as np
    from spacy.attrs import LEMMA, POS
    from spacy.symbols import AUX, VERB

    # the verbs read off the doc's arrays, so that a Token is made only for a verb whose lemma could have lost its e
    # (each lemma's string tested once), not for every word or verb of the article
    arr = doc.to_array([POS, LEMMA]) if len(doc) else np.zeros((0, 2), dtype=np.uint64)
    verbs = np.flatnonzero(np.isin(arr[:, 0], np.array([VERB, AUX], dtype=np.uint64)))
    lemmas = arr[verbs, 1].tolist()
    strings = doc.vocab.strings
    doubling = {lemma for lemma in set(lemmas) if _DOUBLING.match(strings[lemma].lower())}
    fixes = [(tok, lemma) for i, k in zip(verbs.tolist(), lemmas, strict=True) if k in doubling
             and (lemma := silent_e_lemma((tok := doc[i]).lower_, tok.lemma_.lower())) is not None]
    if not fixes or RULE in ctx.rules.disabled:
        yield
        return
    before = [tok.lemma_ for tok, _ in fixes]
    for tok, lemma in fixes:
        tok.lemma_ = lemma
    forget(doc)  # what was worked out with the model's lemmas does not hold for the corrected ones
    ctx.relemmatised = frozenset(tok.i for tok, _ in fixes)
    try:
        yield
    finally:
        ctx.relemmatised = frozenset()
        for (tok, _), old in zip(fixes, before, strict=True):
            tok.lemma_ = old
        forget(doc)  # nor the other way round


def trace_correction(verb: Token, ctx: DocContext) -> None:
    """Name the rule in the trace of a trigger whose lemma, or its governor's, was corrected ("hopes to meet": the
    meeting is an intent because "hopes" is "hope")."""
    if ctx.relemmatised and {verb.i, verb.head.i, verb.head.head.i} & ctx.relemmatised:
        ctx.fire(RULE)
