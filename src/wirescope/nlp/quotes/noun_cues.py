"""Quotations cued by a noun (mixin of ``extract.QuoteExtractor``): "with chants of “death to America”",
"Trump's claim that …"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from spacy.attrs import POS
from spacy.parts_of_speech import NOUN

from ..doctext import text_of
from .cue_quotes import CueQuotes
from .found import FoundQuote
from .spans import char_range, extend_over_quotations, np_span, split_paragraphs

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .marks import QuotedSpan

_THAT_NOUNS = {
    "claim", "assertion", "allegation", "argument", "belief", "view", "suggestion", "warning", "promise", "pledge",
    "statement", "insistence", "contention", "prediction", "concern", "fear", "hope", "complaint", "charge",
}
_CHANT_NOUNS = {"chant", "chants", "slogan", "slogans", "cry", "cries", "shout", "shouts"}


class NounCues(CueQuotes):
    """Mixin of ``QuoteExtractor``: chants and that-clauses of nouns (``_chant_nouns``, ``_that_nouns``)."""

    # -- noun cues with a that-clause: "Trump's claim that …", "his view that …" ------------------------------------
    def _that_nouns(self, doc: Doc, quotations: list[QuotedSpan], sent_of: dict[int, int]) -> list[FoundQuote]:
        out = []
        for tok in _nouns(doc):
            if tok.lemma_.lower() not in _THAT_NOUNS:
                continue
            clause = next(
                (c for c in tok.children if c.dep_ in ("acl", "ccomp", "relcl", "appos") and c.i > tok.i
                 and any(m.dep_ == "mark" and m.lower_ == "that" and m.i == tok.i + 1 for m in c.children)),
                None,
            )
            if clause is None:
                continue
            content = char_range(list(clause.subtree))
            if content is None:
                continue
            content = extend_over_quotations(content, quotations)
            poss = next((c for c in tok.children if c.dep_ == "poss"), None)
            if content is None or (poss is None and not self.attribution):
                continue
            has_quote = any(q.start < content[1] and content[0] < q.end for q in quotations)
            self._begin()
            if not self._fire("quotes.that-noun"):
                continue
            out.append(FoundQuote(
                spans=split_paragraphs(text_of(doc), content), type="mixed" if has_quote else "indirect",
                cue=(tok.idx, tok.idx + len(tok)), cue_lemma=tok.lemma_.lower(), cue_class="speech",
                speaker=np_span(poss) if poss is not None else None, speaker_head=poss.i if poss is not None else None,
                confidence=0.5, sentence=sent_of.get(tok.i, 0), trace=tuple(self._trace),
            ))
        return out

    def _chant_nouns(self, doc: Doc, quotations: list[QuotedSpan], sent_of: dict[int, int]) -> list[FoundQuote]:
        out = []
        for tok in _nouns(doc):
            if tok.lower_ not in _CHANT_NOUNS:
                continue
            after = text_of(doc)[tok.idx + len(tok) : tok.idx + len(tok) + 6]
            m = re.match(r"\s+of\s+", after)
            start = tok.idx + len(tok) + (m.end() if m else 0)
            while start < len(text_of(doc)) and text_of(doc)[start] == " ":
                start += 1
            q = next((q for q in quotations if q.start == start), None)
            self._begin()
            if q is None or not self._fire("quotes.chant-noun"):
                continue
            verb = tok.head
            # compare indices: spaCy makes a new Token object on every access, so "head is verb" never holds and a
            # sentence rooted in a noun looped for ever
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
            src = self._source(verb) if verb.pos_ in ("VERB", "AUX") else None
            cue_end = tok.idx + len(tok) + (len(m.group(0).rstrip()) if m else 0)
            out.append(FoundQuote(
                spans=q.pieces, type="chant", cue=(tok.idx, cue_end), cue_lemma=tok.lemma_.lower(),
                cue_class="speech", speaker=np_span(src) if src is not None else None,
                speaker_head=src.i if src is not None else None, confidence=0.7,
                sentence=sent_of.get(tok.i, 0), trace=tuple(self._trace),
            ))
        return out



def _nouns(doc: Doc) -> Iterator[Token]:
    """The doc's common nouns (POS NOUN), in order; found in its arrays, so no Token is made for another word."""
    for i, pos in enumerate(doc.to_array(POS).tolist()):
        if pos == NOUN:
            yield doc[i]

