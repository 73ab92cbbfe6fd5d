"""The ``places`` stage: place mentions among the entities, resolved against the gazetteer into ``Place`` records.

A mention the gazetteer cannot place by itself may take a place from the article (``match="context"``, see
``wirescope.nlp.geo.context``). Place mentions left unresolved (GPE/LOC/FAC with no gazetteer entry and no local place
in the article) are kept as explicit no-match records (``geonameid`` and ``lat`` None, confidence 0), so a reader can
tell "not found" from "not a place".
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from ...config import Settings
from ..geo.extract import keep, to_place, toponyms_from_mentions
from ..geo.resolve import Resolver
from ..parsing import ParseNeed, no_parse

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from ...records import Analysis
    from ..resources.gazetteer import Gazetteer


class PlaceStage:
    name = "places"
    version = "2"
    requires: tuple[str, ...] = ("sentences", "entities")
    assigns: tuple[str, ...] = ("places",)

    def __init__(self, settings: Settings | None = None, *, gazetteer: Gazetteer | None = None) -> None:
        settings = settings or Settings()
        self._gazetteer_path: Path | None = settings.gazetteer
        self._gazetteer = gazetteer
        self._resolver: Resolver | None = None

    @property
    def resolver(self) -> Resolver:
        if self._resolver is None:
            if self._gazetteer is None:
                from ..resources.gazetteer import load_gazetteer

                self._gazetteer = load_gazetteer(self._gazetteer_path)
            self._resolver = Resolver(self._gazetteer)
        return self._resolver

    def configure_nlp(self, nlp: Language) -> None:
        """Nothing to add: the stage reads the entities the entity stage found."""

    def parse_need(self) -> ParseNeed:
        """No sentence's parse of its own (``nlp/parsing.py``)."""
        return no_parse("reads place entities, no parse")

    def __call__(self, doc: Doc, analysis: Analysis) -> Analysis:
        text = analysis.article.text
        mentions = [(m.start, m.end, m.text, m.label) for m in analysis.mentions()]
        toponyms = toponyms_from_mentions(mentions, text)
        resolver = self.resolver
        resolved = resolver.resolve(toponyms, text)
        places = tuple(to_place(r, resolver.gazetteer, analysis.sentences) for r in resolved if keep(r))
        return dataclasses.replace(analysis, places=places)
