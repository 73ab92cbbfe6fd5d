"""Key terms for story clustering: tokens, a light stemmer and sparse-vector helpers.

Kept dependency-free (no spaCy) so clustering runs on stored articles without re-analysis.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import cache
from itertools import repeat
from typing import Any

_TOKEN = re.compile(r"[^\W_][\w'’.\-]*[^\W_]|[^\W_]", re.UNICODE)


@cache
def stopwords() -> frozenset[str]:
    """English stopwords (spaCy's list) plus news boilerplate words that carry no story signal."""
    return frozenset(_spacy_stop_words()) | _NEWS_STOPWORDS


def _spacy_stop_words() -> set[str]:
    """spaCy's English stopword list, read from its module file without importing spaCy itself (about a second,
    which an incremental aggregation of a few articles would otherwise spend before its first article)."""
    import importlib.util
    from pathlib import Path

    found = importlib.util.find_spec("spacy")
    for root in (found.submodule_search_locations or []) if found else []:
        path = Path(root) / "lang" / "en" / "stop_words.py"
        spec = importlib.util.spec_from_file_location("_wirescope_en_stop_words", path)
        if path.is_file() and spec is not None and spec.loader is not None:
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            return set(module.STOP_WORDS)
    from spacy.lang.en.stop_words import STOP_WORDS

    return set(STOP_WORDS)


_NEWS_STOPWORDS = frozenset(
    {
        "said",
        "says",
        "say",
        "told",
        "tell",
        "according",
        "reported",
        "report",
        "reports",
        "news",
        "new",
        "year",
        "years",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "time",
        "times",
        "people",
        "like",
        "just",
        "also",
        "would",
        "could",
        "one",
        "two",
        "first",
        "last",
        "mr",
        "mrs",
        "ms",
        "dr",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "image",
        "images",
        "photo",
        "photos",
        "getty",
        "reuters",
        "ap",
        "afp",
        "read",
        "more",
        "click",
        "share",
        "video",
        "copyright",
        "advertisement",
        "story",
        "stories",
        "include",
        "including",
        "going",
        "make",
        "made",
        "get",
        "got",
        "way",
        "lot",
        "still",
        "think",
        "know",
        "want",
        "see",
        "use",
        "used",
        "back",
        "well",
        "many",
        "much",
        "even",
        "take",
        "took",
    }
)


def stem(word: str) -> str:
    """A deliberately light stemmer: folds plurals and possessives, leaves everything else alone."""
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def terms(text: str) -> list[str]:
    """Lower-cased, stemmed content tokens of ``text`` (stopwords and one-character tokens dropped)."""
    # A token's term depends on the token alone: it is worked out once and looked up after (news repeats its
    # vocabulary, so this is one dict lookup per token instead of a strip, set test, digit test and stem). The
    # cache is emptied when it grows large, so memory stays bounded on a store of any size.
    known = _TERM_OF
    if len(known) > _TERM_CACHE:
        known.clear()
    toks = _TOKEN.findall(text.lower())
    found = list(map(known.get, toks, repeat(_UNSEEN, len(toks))))  # in C: no interpreter loop per token
    if _UNSEEN in found:
        found = [term if term is not _UNSEEN else known.setdefault(tok, _term(tok))
                 for tok, term in zip(toks, found, strict=True)]
    return list(filter(None, found))  # a term is never empty: this drops the stopwords' None


def _term(token: str) -> str | None:
    """The term of one token, or None for a stopword, a one-character token or a short number."""
    tok = token.strip(".'’-")
    if len(tok) < 2 or tok in stopwords():
        return None
    if tok.replace(".", "").replace(",", "").isdigit() and len(tok) < 3:
        return None
    return stem(tok)


_UNSEEN: Any = object()
_TERM_OF: dict[str, str | None] = {}
_TERM_CACHE = 500_000  # distinct tokens kept (about 100 MB at most)


def entity_key(name: str) -> str:
    """Normalised key of an entity name: case, a leading article and possessives folded."""
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


def l2_normalise(vec: Mapping[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vec.values()))
    if norm == 0.0:
        return {}
    return {t: v / norm for t, v in vec.items()}
