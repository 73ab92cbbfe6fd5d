"""The ``locate`` stage: each event's place and date from the article's places and times.

Place: the place attached to the trigger (inside a prepositional phrase headed by the trigger, or in the trigger's
clause), else the most specific place in the sentence, else the article's focus (its most mentioned country).
Date: the time expression attached to the trigger (hanging off it in the parse, not inside a relative or reported
clause), else the publication date, marked in ``date_source``; never the ingest date, never a guess.

"Attached" means the span's head reaches the trigger through the dependency parse without crossing a relative clause,
complement clause or apposition. Among places, one reached through a locative preposition ("strike *over* Iraq") or as
the object of a movement ("*left* Baghdad airport") comes first; places that name an actor (subject, possessive, the
event's source or target span) come last; demonyms and quoted words are not locations.
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
        actors = [(a.start, a.end) for a in (event.source, event.target) if a is not None]
        ranked = []
        for p in in_sentence:
            if p.match == "demonym":
                continue  # "Iranian commander": a nationality, not where it happened
            if _quoted(doc.text, sentence[0], p.start):
                continue  # "chanting ‘death to America’": words said, not where it happened
            actor = any(a <= p.start and p.end <= b for a, b in actors) or _actor_position(doc, p.start, p.end)
            path = _path(doc, event, p.start, p.end)
            rank = 0 if path and _locative(path) else 1 if path and not actor else 2 if not actor else 3
            ranked.append((rank, specificity(p), abs(p.start - event.trigger.start), p))
        place, place_source = None, None
        if ranked:
            rank, _, _, place = min(ranked, key=lambda r: r[:3])
            place_source = "trigger" if rank <= 1 else "sentence"
        elif focus is not None:
            place, place_source = focus, "article-focus"
        dated = [t for t in times if t.value and t.kind in ("date", "range") and sentence[0] <= t.start < sentence[1]]
        date_attached = [t for t in dated if _path(doc, event, t.start, t.end)]
        if date_attached:
            ref = min(date_attached, key=lambda t: abs(t.start - event.trigger.start))
            date, date_source = ref.value, "time-expression"
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


_LOCATIVE = frozenset({"in", "at", "near", "on", "over", "across", "outside", "inside", "into", "around", "throughout",
                       "within", "along", "between", "off", "beyond", "towards", "toward", "onto", "through", "from"})
_MOVES = frozenset({"leave", "enter", "reach", "visit", "land", "arrive", "cross", "storm", "raid", "attack", "strike",
                    "hit", "bomb", "shell", "invade", "occupy", "besiege"})
# Dependency arcs that open another statement: a place or date inside one belongs to that statement, not the trigger.
_BOUNDARIES = frozenset({"relcl", "acl", "ccomp", "parataxis", "appos"})


def _path(doc: Doc, event: Event, start: int, end: int) -> list[Token] | None:
    """Tokens from the span's head up to the trigger, or None when the span does not hang off the trigger."""
    trigger = _token_at(doc, event.trigger.start)
    span = doc.char_span(start, end, alignment_mode="expand")
    if trigger is None or span is None or not len(span):
        return None
    token, path = span.root, []
    for _ in range(8):
        path.append(token)
        if token.i == trigger.i:
            return path
        if token.dep_ in _BOUNDARIES or token.head.i == token.i:
            return None
        token = token.head
    return None


def _locative(path: list[Token]) -> bool:
    """Reached through a locative preposition ("strike *near* Baghdad airport") or as the object of a movement
    ("killed as he *left* Baghdad airport")."""
    head = path[0]  # the place's own attachment, not that of a noun it modifies ("a *US* strike over Iraq")
    return (head.dep_ == "pobj" and head.head.lower_ in _LOCATIVE) or (head.dep_ == "dobj" and head.head.lemma_ in
                                                                        _MOVES)


def _actor_position(doc: Doc, start: int, end: int) -> bool:
    """Subjects and possessives name who acted ("Iran threatened", "Iran's general"), not where."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.dep_ in ("nsubj", "nsubjpass", "poss", "agent")


def _quoted(text: str, sentence_start: int, start: int) -> bool:
    """Inside an opening quotation mark of the sentence ("chanting ‘death to America’")."""
    before = text[sentence_start:start]
    return before.count("“") + before.count("‘") > before.count("”") + max(0, before.count("’") - before.count("’s"))\
        or before.count('"') % 2 == 1
