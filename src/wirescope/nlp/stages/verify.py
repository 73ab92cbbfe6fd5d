"""Verify stage: every coded event's confidence becomes the calibrated probability that it is right.

Runs after ``events``. The rules propose candidates; this stage scores each with the learned verifier
(``nlp.verify``: features of the event and its parse, a logistic regression and a calibration map trained by
``scripts/train_verifier.py`` on the tuning part of the real-news gold and the PETRARCH suites) and sets
``Event.confidence`` to the probability that the event matches a gold event on the real-news scorer's key
(sentence, source country, target country, root); a hypothetical or negated event, which that scorer sets aside,
gets its modality's measured rate (``Verifier.set_aside``). Nothing is dropped here: every candidate keeps its
record, and readers filter at a threshold. The event's trace gets ``verify.calibrated`` so that a stored confidence says
which scale it is on (the rule-based score before, the calibrated probability after).

The last of the default stages (``config.DEFAULT_STAGES``), so that it scores the events as the other stages left
them; ``--stages`` without it keeps the coder's rule-based confidence. Readers filter at
``config.DEFAULT_MIN_CONFIDENCE`` (``docs/events.md``, "Confidence: the verifier and the read-time threshold").
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ...config import Settings
from ...records import Analysis, Entity, Event
from ..parsing import ParseNeed, no_parse
from ..verify.extra import EXTRA_VERSION, article_actors, extra_features
from ..verify.features import FEATURES_VERSION, Features, SensesFn, article_view, dictionary_senses, event_features
from ..verify.model import Verifier, load_verifier

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

TRACE_MARK = "verify.calibrated"
# An act the text does not tell as done (hypothetical, negated): the real-news scorer sets such events aside
# (docs/events-gold.md, section 5), so the verifier, trained on the scorer's factual candidates only, never learned
# what its probability means for them ("Britain should take its fair share of refugees", "in case they need to help
# evacuate UK citizens", "no passengers were killed"; on readable news in session 27, 7 of 65 such events shown at
# 0.3 were real). The model file gives each such modality its measured rate instead (``Verifier.set_aside``,
# scripts/verifier_aside.py), and the trace says so.
SET_ASIDE_MARK = "verify.set-aside-modality-rate"


class VerifyStage:
    name = "verify"
    requires: tuple[str, ...] = ("events",)
    assigns: tuple[str, ...] = ("events",)

    def __init__(self, settings: Settings | None = None, verifier: Verifier | None = None) -> None:
        self.settings = settings or Settings()
        self.verifier = verifier if verifier is not None else load_verifier()  # a broken model fails at start
        self.version = f"{self.verifier.version or 'custom'}-f{FEATURES_VERSION}x{EXTRA_VERSION}"
        self._senses: SensesFn | None = None

    @property
    def senses(self) -> SensesFn:
        """Senses per verb from the dictionaries the events stage codes with (cached there, loaded on first use)."""
        if self._senses is None:
            from ..resources.petrarch import load_dictionaries

            dicts = load_dictionaries(self.settings.dictionaries)
            self._senses = dictionary_senses(dicts.verbs, dicts.patterns)
        return self._senses

    def configure_nlp(self, nlp: Language) -> None:
        """The features read the parse and entity labels every English pipeline makes."""

    def features_of(self, doc: Doc, events: tuple[Event, ...], entities: tuple[Entity, ...] = ()) -> list[Features]:
        """Per event: its own features (``features.py``) and the article-level ones (``extra.py``)."""
        view = article_view(doc, events)
        actors = article_actors(events, entities)
        return [event_features(e, doc, view, self.senses) | extra_features(e, actors) for e in events]

    def parse_need(self) -> ParseNeed:
        """No sentence's parse of its own (``nlp/parsing.py``)."""
        return no_parse("reads the parse of event sentences only, which the events stage's need covers")

    def __call__(self, doc: Doc, analysis: Analysis) -> Analysis:
        if not analysis.events:
            return analysis
        scored = []
        features = self.features_of(doc, analysis.events, analysis.entities)
        for event, feats in zip(analysis.events, features, strict=True):
            p = self.verifier.probability_for(event.modality, feats)
            aside = event.modality in self.verifier.set_aside
            # the scale's mark last, once, however often the stage runs
            trace = (*(t for t in event.trace if t not in (TRACE_MARK, SET_ASIDE_MARK)),
                     *((SET_ASIDE_MARK,) if aside else ()), TRACE_MARK)
            scored.append(replace(event, confidence=round(p, 3), trace=trace))
        return replace(analysis, events=tuple(scored))
