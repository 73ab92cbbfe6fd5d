"""The model's own lemmas, each word form computed once: a cache in front of spaCy's rule lemmatizer.

spaCy's rule lemmatizer spends most of its time per token in Python (11.6% of the default model's CPU time on 100
BBC articles, as much as the dependency parser), and caches only the forms it had to derive, not the base forms it
recognises first (a singular noun, an infinitive), which are most tokens. Its answer depends only on the token's
form, part of speech and morphology (``rule`` mode: ``rule_lemmatize`` and ``is_base_form`` read nothing else;
``lookup`` mode: the form alone), so this component keeps the lemma per (form, POS, morphology) and writes a
document's lemmas in one array operation. The lemmas are the model's, token for token (``tests/test_model_speedups.py``
compares them); a lemmatizer of another class (another language's may read more of the token) or mode is left as
it is.

A form the cache has not seen yet goes to spaCy's own ``rule_lemmatize``, run over a copy of its tables in which
each part of speech's index of known lemmas is a set (spaCy keeps lists of up to 57,000 words and tests
membership in them with ``in``): the same code and the same answers, about 7 times faster on the forms a new
worker process meets first (``tests/test_model_speedups.py`` compares the two on every token of a text).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.pipeline import Lemmatizer

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc, Token

COMPONENT = "wirescope_lemmas"
MODES = ("rule", "lookup")  # the modes whose answer is a function of (form, POS, morphology)
MAX_ENTRIES = 500_000  # forms kept before the cache starts over (a long run meets new names without end)


class IndexedRules:
    """spaCy's ``rule_lemmatize`` of ``lemmatizer``, run on a stand-in that has the lemmatizer's tables with each
    ``lemma_index`` entry as a frozenset (``rule_lemmatize`` only tests ``form in index``), its own cache, and the
    lemmatizer's ``is_base_form``: the function reads nothing else of ``self``, so its answers are the same."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lookups = Lookups()
        for name in lemmatizer.lookups.tables:
            table = lemmatizer.lookups.get_table(name)
            indexed = name == "lemma_index"
            self.lookups.add_table(name, {key: frozenset(value) if indexed else value for key, value in table.items()})
        self.cache: dict[Any, list[str]] = {}
        self.is_base_form = lemmatizer.is_base_form
        self._rule_lemmatize = type(lemmatizer).rule_lemmatize

    def __call__(self, token: Token) -> list[str]:
        return self._rule_lemmatize(self, token)  # type: ignore[arg-type]


class CachedLemmas:
    """Sets every token's lemma (keeping one already set, as the lemmatizer does unless it overwrites) from a cache
    filled by calling ``lemmatizer`` once per (form, POS, morphology)."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.cache: dict[tuple[int, int, int], int] = {}
        # a form not cached yet: the lemmatizer's own function, over set-indexed tables in rule mode
        self.lemmatize: Callable[[Token], list[str]] = (
            IndexedRules(lemmatizer) if lemmatizer.mode == "rule" else lemmatizer.lemmatize)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        overwrite = self.lemmatizer.overwrite
        if len(self.cache) > MAX_ENTRIES:
            self.cache.clear()
            if isinstance(self.lemmatize, IndexedRules):
                self.lemmatize.cache.clear()
        cache, strings, lemmatize = self.cache, doc.vocab.strings, self.lemmatize
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            value = cache.get(key)
            if value is None:
                value = cache[key] = strings.add(lemmatize(doc[i])[0])
            lemmas[i] = value
        doc.from_array([LEMMA], numpy.asarray(lemmas, dtype="uint64"))  # type: ignore[arg-type]
        return doc


@Language.factory(COMPONENT, default_config={"lemmatizer": "lemmatizer"})
def make_cached_lemmas(nlp: Language, name: str, lemmatizer: str) -> CachedLemmas:
    pipe = nlp.get_pipe(lemmatizer)
    if not isinstance(pipe, Lemmatizer):
        raise TypeError(f"{lemmatizer!r} is a {type(pipe).__name__}, not a spaCy Lemmatizer")
    return CachedLemmas(pipe)


def add_to(nlp: Language) -> bool:
    """Put the cache in place of the pipeline's ``lemmatizer`` (disabled, kept as the cache's source) when it is
    spaCy's own in a mode the cache reproduces; True when it did."""
    if COMPONENT in nlp.pipe_names:
        return True
    if "lemmatizer" not in nlp.pipe_names:
        return False
    pipe = nlp.get_pipe("lemmatizer")
    if not isinstance(pipe, Lemmatizer) or type(pipe) not in (Lemmatizer, EnglishLemmatizer) or pipe.mode not in MODES:
        return False
    nlp.add_pipe(COMPONENT, after="lemmatizer")
    nlp.disable_pipe("lemmatizer")
    return True
