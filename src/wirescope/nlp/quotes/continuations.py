"""Floating continuations (mixin of ``extract.QuoteExtractor``): a quotation no cue claims, standing as its own
sentence(s) right after a quotation with a speaker, continues that speaker."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..doctext import text_of
from .found import FoundQuote
from .layout_quotes import LayoutQuotes
from .spans import overlaps, sentence_at, split_paragraphs, stands_alone

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .marks import QuotedSpan

# titles and initials whose full stop does not end a sentence ("Mr. Guerrero said")
_ABBREVIATION = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sens?|Gov|Reps?|Gen|Lt|Col|Sgt|Jr|Sr|St|Prof|Rev|Adm|Capt)\.|\b[A-Z]\.")


class Continuations(LayoutQuotes):
    """Mixin of ``QuoteExtractor``: quotations that continue the one before (``_continuations``)."""

    def _continuations(
        self, doc: Doc, quotations: list[QuotedSpan], found: list[FoundQuote], sent_of: dict[int, int]
    ) -> list[FoundQuote]:
        """A quotation that is not claimed by a cue, stands as its own sentence(s) and directly follows a quotation
        with a speaker (nothing but other such quotations between) continues that speaker."""
        text = text_of(doc)
        out = list(found)
        for qs in quotations:
            if any(overlaps((qs.start, qs.end), (f.start, f.end)) for f in out):
                continue
            if not stands_alone(doc, qs):
                continue
            prev = max((f for f in out if f.end <= qs.start), key=lambda f: f.end, default=None)
            if prev is not None and prev.type == "indirect" and prev.cue is not None and prev.speaker is not None:
                # "“…,” Mr. Hedge said, referring to the two resorts. “…”": the participle's own attribution sits
                # between; the quotation continues the direct one its speaker made just before
                main = max((f for f in out if f.end <= prev.cue[0]), key=lambda f: f.end, default=None)
                if main is not None and main.speaker == prev.speaker and main.type in ("direct", "floating"):
                    prev = main
            if prev is None or prev.type not in ("direct", "floating", "mixed"):
                continue
            gap = text[prev.end : qs.start]
            if not _only_attribution_tail(text, prev.end, qs.start, prev):
                continue
            if "\n" in gap and prev.type == "mixed":
                continue
            self._begin()
            if not self._fire("quotes.floating-continuation"):
                continue
            out.append(replace(
                prev, spans=split_paragraphs(text, (qs.start, qs.end)), type="floating",
                confidence=round(prev.confidence * 0.85, 2), continues=True,
                sentence=sentence_at(doc, qs.start, sent_of, prev.sentence), trace=(*prev.trace, *self._trace),
            ))
        return out



def _only_attribution_tail(text: str, start: int, end: int, prev: FoundQuote) -> bool:
    """Between the previous quotation and this one: nothing, or only the rest of that attribution's own sentence
    (its source and cue, e.g. "he said.")."""
    gap = text[start:end]
    if not re.sub(r"[\s.,;:]+", "", gap):
        return True
    inner = _ABBREVIATION.sub("", gap.strip().rstrip(".:,"))  # "Mr. Guerrero said" is still one sentence
    if re.search(r"[.!?\n]", inner) or len(inner) > 300:
        return False
    return prev.cue is not None and start <= prev.cue[0] and prev.cue[1] <= end

