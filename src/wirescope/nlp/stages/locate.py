"""The ``locate`` stage: each event's place and date from the article's places and times.

Place: the place attached to the trigger (inside a prepositional phrase headed by the trigger, or in the trigger's
clause), else the most specific place in the sentence, else the article's focus (its most mentioned country).
Date: the time expression attached to the trigger (same clause), else one in the sentence, else the publication
date, each marked in ``date_source``; never the ingest date.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from typing import TYPE_CHECKING

from ...config import Settings
from ...records import Event, Place, TimeRef

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

    from ...records import Analysis

# Lower is more specific.
_SPECIFICITY = {"S": 0, "P": 1, "A.ADM2": 2, "A.ADM1": 3, "T": 4, "L": 5, "H": 5, "A.PCLI": 6}


def specificity(place: Place) -> int:
    feature = place.feature or ""
    return _SPECIFICITY.get(feature, _SPECIFICITY.get(feature[:1], 4 if feature.startswith("A.ADM") else 6))


class LocateStage:
    name = "locate"
    version = "1"
    requires: tuple[str, ...] = ("events", "places", "times")
    assigns: tuple[str, ...] = ("events",)

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()

    def configure_nlp(self, nlp: Language) -> None:
        """Nothing to add."""

    def __call__(self, doc: Doc, analysis: Analysis) -> Analysis:
        places = [p for p in analysis.places if p.lat is not None and p.feature != "L.CONT"]
        focus = article_focus(places)
        published = analysis.article.published
        events = tuple(self._locate(doc, e, places, analysis.times, focus, published.isoformat() if published
                                    else None) for e in analysis.events)
        return dataclasses.replace(analysis, events=events)

    def _locate(self, doc: Doc, event: Event, places: list[Place], times: tuple[TimeRef, ...],
                focus: Place | None, published: str | None) -> Event:
        sentence = _sentence_bounds(doc, event)
        in_sentence = [p for p in places if sentence[0] <= p.start < sentence[1]]
        clause = _clause_span(doc, event)
        place, place_source = None, None
        attached = [p for p in in_sentence if _attached(doc, event, p.start, p.end, clause)]
        if attached:
            place, place_source = min(attached, key=lambda p: (specificity(p), abs(p.start - event.trigger.start))), \
                "trigger"
        elif in_sentence:
            place, place_source = min(in_sentence, key=lambda p: (specificity(p), p.start)), "sentence"
        elif focus is not None:
            place, place_source = focus, "article-focus"
        dated = [t for t in times if t.value and t.kind in ("date", "range") and sentence[0] <= t.start < sentence[1]]
        date_attached = [t for t in dated if _attached(doc, event, t.start, t.end, clause)]
        if date_attached:
            ref = min(date_attached, key=lambda t: abs(t.start - event.trigger.start))
            date, date_source = ref.value, "time-expression"
        elif dated:
            ref = min(dated, key=lambda t: abs(t.start - event.trigger.start))
            date, date_source = ref.value, "sentence"
        elif published:
            date, date_source = published, "publication"
        else:
            date, date_source = None, None
        return dataclasses.replace(event, place=place, place_source=place_source, date=date, date_source=date_source)


def article_focus(places: list[Place]) -> Place | None:
    """The most mentioned country (by its places) as a country-level place, else the most mentioned place."""
    countries = Counter(p.country for p in places if p.country)
    if not countries:
        return None
    top, _ = countries.most_common(1)[0]
    country_level = [p for p in places if p.country == top and (p.feature or "").startswith("A.PCL")]
    if country_level:
        return country_level[0]
    return Counter(p for p in places if p.country == top).most_common(1)[0][0]


def _sentence_bounds(doc: Doc, event: Event) -> tuple[int, int]:
    token = _token_at(doc, event.trigger.start)
    if token is None:
        return (0, len(doc.text))
    sent = token.sent
    return (sent.start_char, sent.end_char)


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _clause_span(doc: Doc, event: Event) -> tuple[int, int]:
    """Characters of the trigger's clause: the subtree of the nearest verb governing the trigger."""
    token = _token_at(doc, event.trigger.start)
    if token is None:
        return (event.trigger.start, event.trigger.end)
    head = token
    while head.pos_ != "VERB" and head.head is not head:
        head = head.head
    subtree = list(head.subtree)
    return (subtree[0].idx, subtree[-1].idx + len(subtree[-1].text))


def _attached(doc: Doc, event: Event, start: int, end: int, clause: tuple[int, int]) -> bool:
    """A span is attached to the trigger when its head hangs off the trigger (directly or through a preposition,
    e.g. "strike *near Baghdad airport*") or lies in the trigger's clause."""
    trigger = _token_at(doc, event.trigger.start)
    span = doc.char_span(start, end, alignment_mode="expand")
    if trigger is None or span is None or not len(span):
        return False
    head = span.root
    for _ in range(4):
        if head is trigger:
            return True
        if head.head is head:
            break
        head = head.head
    return clause[0] <= start and end <= clause[1]
