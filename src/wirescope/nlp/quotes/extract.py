"""Quotation extraction over a spaCy parse: cue verbs with their source and content, quote-mark spans, floating
continuations, embedded social posts and chants.

Span conventions follow the PolNeAR guidelines so that evaluation is meaningful: the source is the full noun
phrase (determiners, titles, appositions); the cue is the verb group (auxiliaries, negation, particles, the
preposition that links it to its content, a colon that introduces speech); the content includes a leading *that*
and the quote marks, but not the sentence's final full stop. Nested attributions are dropped (the outermost wins).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..doctext import text_of
from .continuations import Continuations
from .found import FoundQuote
from .marks import find_quotations
from .nested import drop_nested

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["FoundQuote", "QuoteExtractor"]


class QuoteExtractor(Continuations):
    """Find quotations in a parsed Doc. ``attribution=True`` reports PolNeAR's wider notion (beliefs, intents,
    evidence, decrees with plain objects); the default reports quotations: speech and belief cues with a clausal
    complement or a quoted fragment."""

    def extract(self, doc: Doc) -> list[FoundQuote]:
        text = text_of(doc)
        quotations = find_quotations(text)
        sents = list(doc.sents)
        sent_of = {i: k for k, s in enumerate(sents) for i in range(s.start, s.end)}
        found: list[FoundQuote] = []
        candidates = self._cue_candidates(doc)
        for i in candidates:
            self._begin()
            q = self._from_cue(doc, doc[i], quotations, sent_of)
            if q is not None:
                found.append(q)
        if len(doc) and (not candidates or candidates[-1] != len(doc) - 1):
            self._begin()  # the trace as every token was tried: a last token that is no cue left it empty
        found.extend(self._chant_nouns(doc, quotations, sent_of))
        found.extend(self._that_nouns(doc, quotations, sent_of))
        found.extend(self._labels(doc, sent_of))
        found = drop_nested(found, self._fire)
        found.extend(self._embedded_posts(doc, sent_of, found))
        found = drop_nested(found, self._fire)
        found = self._continuations(doc, quotations, found, sent_of)
        return sorted(found, key=lambda q: q.start)

