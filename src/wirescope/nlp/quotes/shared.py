"""A document's quotations, found once for every stage that reads them, with the user's quote settings.

Two stages read the quotation extractor's answer for the same document: the events coder (a "we" inside a
quotation is its speaker, ``actors.we-in-a-quotation-is-the-speaker``) and the quotes stage, which runs after it.
Before, the coder ran an extractor of its own with the bundled cues and every rule on, whatever the user had
switched off (``Settings.disabled_quote_rules``), and the quotes stage extracted the same document again. A
``DocQuotes`` holds the extractor configuration of one pipeline and keeps the last document's answer: the quotes
stage makes it, the pipeline hands it to the events stage (``share_quotes``), and whichever reads a document first
extracts it. The extractor keeps a rule trace while it works, so each thread has its own (the API server analyses
in threads); the answer kept is per thread too.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from .cues import load_lexicon
from .extract import QuoteExtractor
from .rules import check_quote_rule_ids

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

    from spacy.tokens import Doc

    from .found import FoundQuote


class DocQuotes:
    """``quotes(doc)``: the quotations ``QuoteExtractor(load_lexicon(cues), disabled=disabled)`` finds in ``doc``,
    extracted once per document (the last document of each thread is kept; the answer is shared, never change it)."""

    def __init__(self, cues: Path | None = None, disabled: Iterable[str] = ()) -> None:
        self.lexicon = load_lexicon(cues)  # a bad file fails here, at start
        self.disabled = check_quote_rule_ids(disabled).disabled  # an unknown id fails here, at start
        self._local = threading.local()

    @property
    def extractor(self) -> QuoteExtractor:
        """This thread's extractor (built on the thread's first use)."""
        extractor: QuoteExtractor | None = getattr(self._local, "extractor", None)
        if extractor is None:
            extractor = self._local.extractor = QuoteExtractor(self.lexicon, disabled=self.disabled)
        return extractor

    def __call__(self, doc: Doc) -> tuple[FoundQuote, ...]:
        last = getattr(self._local, "last", None)
        # the same Doc object (held here, so its id cannot be reused) with the same tokens: the same answer
        if last is not None and last[0] is doc and last[1] == len(doc):
            return last[2]
        found = tuple(self.extractor.extract(doc))
        self._local.last = (doc, len(doc), found)
        return found
