"""Which words are quotation cues, and the rule firing every part of the extractor shares (base of
``extract.QuoteExtractor``): a rule fires as the last test of its condition, is counted and traced, and is skipped
when the user switched it off."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np
from spacy.attrs import LEMMA, LOWER, POS
from spacy.parts_of_speech import ADJ, AUX, VERB

from .cues import CueLexicon, bundled_lexicon
from .found import FoundQuote
from .rules import check_quote_rule_ids

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Doc, Token

_NAMING_VERBS = {"call", "know", "name", "dub", "label", "term", "describe", "brand", "nickname", "title"}
_LEMMA_FIXES = {"retweete": "retweet"}  # the model's lemmatizer gets "retweeted" wrong
_CUE_POS = frozenset({ADJ, AUX, VERB})  # the parts of speech a cue word may have (``_cue_class``)
_CUE_POS_IDS = np.array(sorted(_CUE_POS), dtype=np.uint64)
# the lower-case words ``_cue_class`` reads before a token's lemma ("according to", "so-called", "hoping")
_READ_FIRST = ("according", "called", "hoping", "hoped")
_MAY_CUE_MAX = 65536  # lemma ids ``QuoteExtractor._may_cue`` keeps


class CueWords:
    """Base of ``QuoteExtractor``: its settings, the rule firing and trace, and which tokens head a cue."""

    def __init__(
        self, lexicon: CueLexicon | None = None, *, attribution: bool = False, disabled: Iterable[str] = ()
    ) -> None:
        self.lexicon = lexicon or bundled_lexicon()
        self.attribution = attribution
        self.disabled = check_quote_rule_ids(disabled).disabled  # an unknown id fails here, at start
        self.firings: Counter[str] = Counter()  # how often each rule decided (``nlp.quotes.rules``)
        self._trace: list[str] = []  # the rules that decided for the quotation being made
        # the lemmas ``_cue_class`` looks at beyond its part-of-speech test: a cue's (one word, or the first of
        # several), a naming verb's (a rule that fires) and those it corrects first; by lemma id, whether the
        # lemma is one of them (``_cue_candidates``)
        self._cue_words = frozenset({*self.lexicon.single, *(w[0] for w in self.lexicon.multi), *_NAMING_VERBS,
                                     *_LEMMA_FIXES})
        self._may_cue: dict[int, bool] = {}

    def _fire(self, rule_id: str, *, trace: bool = True) -> bool:
        """Record that ``rule_id`` decides here and return True, or return False when it is switched off (the
        caller then goes on as if its condition did not hold). Call it last in the rule's condition. A rule that
        only stops a word from being a cue is counted but not traced (the word may be any quotation's neighbour)."""
        if rule_id in self.disabled:
            return False
        if trace:
            self._trace.append(rule_id)
        self.firings[rule_id] += 1
        return True

    def _traced(self, q: FoundQuote | None, rule_id: str | None = None) -> FoundQuote | None:
        """``q`` with the rules fired since the last ``_begin`` (and ``rule_id``, when it fires) as its trace."""
        if q is None or (rule_id is not None and not self._fire(rule_id)):
            return None
        return replace(q, trace=(*q.trace, *self._trace))

    def _begin(self) -> None:
        self._trace = []


    def _cue_candidates(self, doc: Doc) -> list[int]:
        """The indexes of ``_cue_candidates`` whose lemma ``_cue_class`` may take (``_cue_words``), or whose word
        it reads before the lemma ("according", "called", "hoping", "hoped"): for any other it returns None and
        fires no rule, so it is not tried (most of an article's verbs and adjectives: "rose", "new", "is")."""
        candidates = _cue_candidates(doc)
        if not candidates:
            return candidates
        strings, may_cue, words = doc.vocab.strings, self._may_cue, self._cue_words
        read_first = {strings[w] for w in _READ_FIRST}
        out = []
        for i, (lemma, lower) in zip(candidates, doc.to_array([LEMMA, LOWER])[candidates].tolist(), strict=True):
            found = may_cue.get(lemma)
            if found is None:
                if len(may_cue) >= _MAY_CUE_MAX:
                    may_cue.clear()  # (a bounded cache: the vocabulary's lemmas keep coming)
                found = may_cue[lemma] = strings[lemma].lower() in words
            if found or lower in read_first:
                out.append(i)
        return out

    def _is_cue(self, tok: Token) -> bool:
        return self._cue_class(tok) is not None

    def _cue_class(self, tok: Token) -> tuple[str, str] | None:
        """(lemma, class) when ``tok`` heads a cue, including multi-word ones (according to, call for)."""
        low = tok.lower_
        if low == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            return "according to", "speech"
        if tok.pos_ == "ADJ":
            # "is confident that …": an adjective after a copula, with a complement
            if tok.dep_ != "acomp" or not any(c.dep_ in ("ccomp", "xcomp", "prep") for c in tok.children):
                return None
        elif tok.pos_ != "VERB" and not (tok.pos_ == "AUX" and tok.lemma_ == "say"):
            return None
        if tok.tag_ == "VBN" and tok.dep_ == "acl" and tok.lemma_.lower() in _NAMING_VERBS and not (
            tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in ("for", "on")
        ) and self._fire("quotes.naming-is-not-a-cue", trace=False):
            return None  # "a group known as Fancy Bear", "the program, called EB-5": naming, not attribution
        if low == "called" and tok.i >= 2 and tok.doc[tok.i - 1].text == "-" and tok.doc[tok.i - 2].lower_ == "so" \
                and self._fire("quotes.so-called-marks-scare-quotes", trace=False):
            return None  # "so-called" marks scare quotes, not speech
        lemma = "hope" if low in ("hoping", "hoped") else tok.lemma_.lower()
        lemma = _LEMMA_FIXES.get(lemma, lemma)
        for child in tok.children:
            if child.dep_ in ("prt", "prep", "dobj") and (lemma, child.lemma_.lower()) in self.lexicon.multi:
                return f"{lemma} {child.lower_}", self.lexicon.multi[(lemma, child.lemma_.lower())]
        cls = self.lexicon.cls(lemma)
        return (lemma, cls) if cls else None



def _cue_candidates(doc: Doc) -> list[int]:
    """Indexes of the tokens ``_cue_class`` can take for a cue: a verb, an adjective, an auxiliary ("say" tagged
    AUX) or "according". Any other token is no cue and fires no rule, so it is not tried: read from the doc's
    arrays, without making a Token object for each of the article's words (most are none of these)."""
    if not len(doc):
        return []
    arr = doc.to_array([POS, LOWER])  # (compared as arrays: a Python loop over every word was the cost)
    keep = np.isin(arr[:, 0], _CUE_POS_IDS) | (arr[:, 1] == doc.vocab.strings["according"])
    return [int(i) for i in np.flatnonzero(keep)]

