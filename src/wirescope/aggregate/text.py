"""Key terms for story clustering: entity keys, term weights and sparse-vector helpers (the tokeniser and stemmer
are :mod:`wirescope.ingest.terms`, which the ingest also uses to store an article's counts).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache
from itertools import repeat
from operator import mul

from ..ingest.terms import decode_counts, stem, stopwords, terms

__all__ = ["decode_counts", "entity_key", "l2_normalise", "stem", "stopwords", "sublinear", "terms",
           "weighted_counts", "weighted_stored_counts"]

@lru_cache(maxsize=1 << 16)
def entity_key(name: str) -> str:
    """Normalised key of an entity name: case, a leading article and possessives folded. Kept for the names seen
    last (a story's names recur in each of its reports; folding them again was a tenth of vectorising one)."""
    key = " ".join(name.lower().replace("’", "'").split())
    if key.startswith("the "):
        key = key[4:]
    if key.endswith("'s"):
        key = key[:-2]
    return key


class _Sublinear(dict[float, float]):
    """1 + log(c) of each count seen, computed by ``math.log`` once (the same value each time): an article's counts
    are a few small numbers, and a lookup in C costs less than a call of ``math.log`` from a comprehension."""

    def __missing__(self, count: float) -> float:
        if len(self) > _SUBLINEAR_KEPT:  # weighted counts of other weights are not few: bounded
            self.clear()
        value = self[count] = 1.0 + math.log(count)
        return value


_SUBLINEAR = _Sublinear()
_SUBLINEAR_KEPT = 10_000


def sublinear(counts: Mapping[str, float]) -> dict[str, float]:
    """1 + log(tf): a term repeated twenty times should not outweigh twenty distinct shared terms."""
    if counts and min(counts.values()) > 0:  # counts of tokens: the values looked up, the loops in C
        return dict(zip(counts, map(_SUBLINEAR.__getitem__, counts.values()), strict=True))
    return {t: 1.0 + math.log(c) for t, c in counts.items() if c > 0}


def weighted_counts(parts: Iterable[tuple[Iterable[str], float]]) -> dict[str, float]:
    """Sum token counts of several fields, each with its own weight (the title counts more than the body); keys in
    the order first seen. Counted in C (``Counter``), then weighted: the same sums as adding each token's weight.
    Fields of whole weights (the title's 3, the body's 1) are counted as one list with each field repeated that
    many times: the counts are the same whole numbers, the keys in the same order, and one ``Counter`` in C does
    it all."""
    parts = list(parts)
    if all(float(w).is_integer() and 0 < w <= _REPEAT_UP_TO for _, w in parts):
        tokens: list[str] = []
        for toks, weight in parts:
            tokens.extend(toks if weight == 1 else list(toks) * int(weight))
        return dict(Counter(tokens))  # whole counts: the same numbers as the weighted sums (sublinear reads them)
    total: dict[str, float] = {}
    for tokens_, weight in parts:
        for tok, n in Counter(tokens_).items():
            total[tok] = total.get(tok, 0.0) + n * weight
    return total


_REPEAT_UP_TO = 8  # a field's tokens repeated at most this many times (a larger whole weight is multiplied)


def weighted_stored_counts(parts: Iterable[tuple[Mapping[str, int], float]]) -> dict[str, float]:
    """:func:`weighted_counts` of fields already counted (the counts stored at ingest, ``decode_counts``): the
    same sums in the same key order (whole numbers when every weight is whole and at most ``_REPEAT_UP_TO``, as
    ``Counter`` gives them there; floats added field by field otherwise)."""
    parts = list(parts)
    total: dict[str, float] = {}
    if all(float(w).is_integer() and 0 < w <= _REPEAT_UP_TO for _, w in parts):
        # Whole numbers, so the order of the additions does not matter: a field's counts times its weight go in
        # by one update (new keys after the others, in the field's order), then the keys two fields share are set
        # to their sums (a few title words; adding token by token in the interpreter was most of vectorising).
        for counts, weight in parts:
            times = int(weight)
            scaled = counts if times == 1 else dict(zip(counts, map(mul, counts.values(), repeat(times)), strict=True))
            shared = {tok: total[tok] + scaled[tok] for tok in total.keys() & scaled.keys()}
            total.update(scaled)
            total.update(shared)
        return total
    for counts, weight in parts:
        for tok, n in counts.items():
            total[tok] = total.get(tok, 0.0) + n * weight
    return total


def l2_normalise(vec: Mapping[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vec.values()))
    if norm == 0.0:
        return {}
    return {t: v / norm for t, v in vec.items()}
