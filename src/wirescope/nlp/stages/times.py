"""The ``times`` stage: every DATE/TIME entity span normalised relative to the publication date.

dateparser runs on the NER spans only (never a free-text date search), after the news rules in
``wirescope.nlp.timex.normalize``. Ages ("62") are not time expressions and give no record; durations and sets are
typed and carry no date; with no publication date, relative expressions stay unresolved (``value`` None).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from ...config import Settings
from ...records import TimeRef
from ..doctext import text_of
from ..geo.extract import sentence_index
from ..parsing import ParseNeed, no_parse
from ..timex import normalize as timex
from ..timex.normalize import normalize

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from ...records import Analysis

TIME_LABELS = frozenset({"DATE", "TIME"})
RULER_NAME = "wirescope_time_ruler"
HOLIDAY_NAMES = ("new year's day", "new year's eve", "christmas", "christmas day", "christmas eve", "boxing day",
                 "thanksgiving", "thanksgiving day", "easter", "easter sunday", "good friday", "independence day",
                 "halloween", "valentine's day", "memorial day", "labor day", "labour day", "bastille day",
                 "armistice day", "veterans day", "remembrance day")


class TimeStage:
    name = "times"
    version = "1"
    requires: tuple[str, ...] = ("sentences",)
    assigns: tuple[str, ...] = ("times",)

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()

    def prepare(self) -> None:
        """Load dateparser now (a start-up stage, ``runners.startup``), not inside the first article that needs it."""
        timex.prepare()

    def configure_nlp(self, nlp: Language) -> None:
        """Add an entity ruler for holiday names, which the small NER model does not tag as DATE."""
        if RULER_NAME in nlp.pipe_names:
            return
        before = "ner" if "ner" in nlp.pipe_names else None
        ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, config={"phrase_matcher_attr": "LOWER"}, before=before)
        patterns = []
        for name in HOLIDAY_NAMES:
            for variant in {name, name.replace("'", "’")}:
                patterns.append({"label": "DATE", "pattern": variant})
        ruler.add_patterns(patterns)  # type: ignore[attr-defined]

    def parse_need(self) -> ParseNeed:
        """No sentence's parse of its own (``nlp/parsing.py``)."""
        return no_parse("reads time expressions and sentences, no parse")

    def __call__(self, doc: Doc, analysis: Analysis) -> Analysis:
        ref = analysis.article.published
        spans = _merge(sorted({_trim(e.start_char, e.end_char, e.text) for e in doc.ents
                               if e.label_ in TIME_LABELS}), text_of(doc))
        times: list[TimeRef] = []
        for start, end, text in spans:
            norm = normalize(text, ref)
            if norm is None:
                continue
            times.append(TimeRef(start=start, end=end, text=text, value=norm.value, value_end=norm.value_end,
                                 granularity=norm.granularity, kind=norm.kind,
                                 sentence=sentence_index(analysis.sentences, start)))
        return dataclasses.replace(analysis, times=tuple(times))


def _trim(start: int, end: int, text: str) -> tuple[int, int, str]:
    """NER spans sometimes carry surrounding whitespace ("January 3, 2020\n\n"); offsets follow the trimmed text."""
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    return start + lead, start + lead + len(stripped), stripped


def _merge(spans: list[tuple[int, int, str]], text: str) -> list[tuple[int, int, str]]:
    """Join "the early hours" + "of" + "Friday" (a TIME and a DATE span the model splits) into one expression."""
    out: list[tuple[int, int, str]] = []
    for start, end, span_text in spans:
        if out and text[out[-1][1]:start] in (" of ", " on "):
            prev_start = out[-1][0]
            out[-1] = (prev_start, end, text[prev_start:end])
        else:
            out.append((start, end, span_text))
    return out
