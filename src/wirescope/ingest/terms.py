"""Key terms of an article's text: tokens, stopwords and a light stemmer, and the article's term counts as stored
at ingest (``articles.terms``), so that story clustering reads counts instead of tokenising every text again
(issue 20: tokenising was about a fifth of a placed article's CPU at the 200k density).

Kept dependency-free (no spaCy) so clustering runs on stored articles without re-analysis.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
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


# -- the counts stored with an article ---------------------------------------------------------------------------

_PROBE = ("The ministers' talks in Geneva's U.N. offices: 2,400 troops, 17 cities, and Iran’s allies. "
          "Policies, companies and buses; a co-operation deal signed on Monday.")


@cache
def terms_tag() -> str:
    """What stored counts were made with: a digest of the token pattern, the stopword list and the terms of a probe
    text (plurals, possessives, numbers, punctuation). Counts stored under another tag are ignored and the text is
    tokenised again, so a change of the tokeniser, the stemmer or spaCy's stopword list never mixes two kinds of
    counts in one clustering."""
    parts = [_TOKEN.pattern, " ".join(sorted(stopwords())), " ".join(terms(_PROBE))]
    return hashlib.blake2b("\n".join(parts).encode("utf-8"), digest_size=6).hexdigest()


def encode_counts(title: str | None, text: str) -> str:
    """The title's and the text's term counts, each in the order terms are first seen, as one string:
    ``tag<TAB>term count term count ...<TAB>term count ...`` (a term holds no whitespace: see ``_TOKEN``)."""
    return "\t".join((terms_tag(), _pairs(Counter(terms(title or ""))), _pairs(Counter(terms(text)))))


def _pairs(counts: Counter[str]) -> str:
    return " ".join(f"{term} {n}" for term, n in counts.items())


def decode_counts(encoded: str | None) -> tuple[dict[str, int], dict[str, int]] | None:
    """The title's and the text's counts of :func:`encode_counts`, or None when there are none or they were made
    with another tokeniser (:func:`terms_tag`)."""
    if not encoded:
        return None
    tag, title, body = encoded.split("\t")
    if tag != terms_tag():
        return None
    return _unpairs(title), _unpairs(body)


def _unpairs(part: str) -> dict[str, int]:
    if not part:
        return {}
    tokens = part.split(" ")
    return dict(zip(tokens[::2], map(int, tokens[1::2]), strict=True))
