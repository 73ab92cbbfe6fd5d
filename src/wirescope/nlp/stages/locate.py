"""The ``locate`` stage: each event's place and date from the article's places and times.

Place (``place_source`` says which rule chose it):

* ``trigger``: the place attached to the trigger (a prepositional phrase "killed *in/near/over* X", the object of a
  movement in an adverbial clause "killed as he *left* Baghdad airport", a nominal modifier), the most specific first;
* ``coreferent``: when the event's own place is only a country or region (or none), a more specific place attached
  to a repeated mention of the same event nearby in the same paragraph (the same predicate sharing a participant:
  "X was killed in a strike over Iraq. X was killed as he left Baghdad airport"), inside the event's own place;
* ``sentence``: else the most specific place in the sentence (an airport or city beats a country, a country beats a
  region);
* ``article-focus``: else the article's most mentioned country.

Never a place that only names an actor: the event's source or target span, a subject or possessive ("Iran threatened",
"Iran's general"), a country used as the actor's nationality ("a *US* drone strike" by the US), a demonym
("Iranian"), or a word inside a quotation.

Date: the time expression attached to the trigger (hanging off it in the parse, not inside a relative or reported
clause), else the publication date, marked in ``date_source``; never the ingest date, never a guess. A date outside
the article's window [published - 60 days, published + 2 days] flags the event ``historical`` or ``planned`` from the
verb's tense, or else the event is dated by its article, with the reason in ``date_note``
(:mod:`wirescope.nlp.timex.window`).

"Attached" means the span's head reaches the trigger through the dependency parse without crossing a relative clause,
complement clause or apposition.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from datetime import date
from typing import TYPE_CHECKING

import numpy as np
from spacy.attrs import LEMMA, POS

from ...config import Settings
from ...records import TITLE_SENTENCE, Event, Place, TimeRef
from ..doctext import text_of
from ..parsing import ParseNeed, no_parse
from ..timex.window import Dating, date_event, tense

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

    from ...records import Analysis

# Lower is more specific.
_SPECIFICITY = {"S": 0, "P": 1, "A.ADM2": 2, "A.ADM1": 3, "T": 4, "L": 5, "H": 5, "A.PCLI": 6}
_SPREAD = 7  # a region or sea spanning several states (no single country): less specific than a country


def specificity(place: Place) -> int:
    feature = place.feature or ""
    if feature[:1] in ("L", "H") and place.country is None:
        return _SPREAD  # Middle East, the Gulf; Golan Heights or Crimea (one country) stay below a country
    return _SPECIFICITY.get(feature, _SPECIFICITY.get(feature[:1], 4 if feature.startswith("A.ADM") else 6))


class LocateStage:
    name = "locate"
    version = "3"
    requires: tuple[str, ...] = ("events", "places", "times")
    assigns: tuple[str, ...] = ("events",)

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()

    def configure_nlp(self, nlp: Language) -> None:
        """Nothing to add."""

    def parse_need(self) -> ParseNeed:
        """No sentence's parse of its own (``nlp/parsing.py``)."""
        return no_parse("reads the parse of event sentences only, which the events stage's need covers")

    def __call__(self, doc: Doc, analysis: Analysis) -> Analysis:
        places = [p for p in analysis.places if p.lat is not None and p.feature != "L.CONT"]
        focus = article_focus(places)
        published = analysis.article.published
        events = list(analysis.events)
        spans = _participant_spans(analysis)
        chosen = [self._own_place(doc, e, places) for e in events]
        triggers = _Triggers(doc, events)
        for _ in range(2):  # twice, so that a mention refined in the first round passes its place on
            chosen = [_refine(doc, i, events, chosen, places, spans, triggers) for i in range(len(events))]
        located = []
        for event, (place, place_source) in zip(events, chosen, strict=True):
            if place is None and focus is not None:
                place, place_source = focus, "article-focus"
            located.append(
                self._date(doc, event, analysis.times, published, place, place_source)
            )
        return dataclasses.replace(analysis, events=tuple(located))

    def _own_place(self, doc: Doc, event: Event, places: list[Place]) -> tuple[Place | None, str | None]:
        trigger = _trigger_at(doc, event)
        if trigger is None:
            return None, None
        return attached_place(doc, trigger, places, _actors(event))

    def _date(
        self,
        doc: Doc,
        event: Event,
        times: tuple[TimeRef, ...],
        published: date | None,
        place: Place | None,
        place_source: str | None,
    ) -> Event:
        sentence = _sentence_bounds(doc, event)
        dated = [t for t in times if t.value and t.kind in ("date", "range") and sentence[0] <= t.start < sentence[1]]
        trigger = _trigger_at(doc, event)
        date_attached = [t for t in dated if trigger is not None and _path(doc, trigger, t.start, t.end)]
        if date_attached and trigger is not None:
            ref = min(date_attached, key=lambda t: abs(t.start - event.trigger.start))
            assert ref.value is not None  # dated above
            dating = date_event(ref.value, ref.value_end, ref.text, published, tense(trigger))
        elif published:
            dating = Dating(published.isoformat(), "publication")
        else:
            dating = Dating(None, None, note="the article has no publication date and the text gives none")
        return dataclasses.replace(event, place=place, place_source=place_source, date=dating.date,
                                   date_source=dating.source, timing=dating.timing, date_note=dating.note)


@dataclasses.dataclass(frozen=True, slots=True)
class _Actors:
    """What names the event's participants: their spans, entity ids and ISO3 countries."""

    spans: tuple[tuple[int, int], ...]
    entities: frozenset[str]
    countries: frozenset[str]


def _actors(event: Event) -> _Actors:
    actors = [a for a in (event.source, event.target) if a is not None]
    return _Actors(
        tuple((a.start, a.end) for a in actors),
        frozenset(a.entity_id for a in actors if a.entity_id),
        frozenset(a.country for a in actors if a.country),
    )


def attached_place(
    doc: Doc, trigger: Token, places: list[Place], actors: _Actors, *, attached_only: bool = False
) -> tuple[Place | None, str | None]:
    """The place of the trigger's statement and the rule that chose it (``trigger`` or ``sentence``), or (None, None).

    Rank: reached through a locative preposition or as the object of a movement, then any other attachment, then
    (unless ``attached_only``) unattached places of the sentence; within a rank the most specific, then the nearest.
    """
    sent = trigger.sent
    ranked = []
    for p in places:
        if not sent.start_char <= p.start < sent.end_char or p.match == "demonym":
            continue  # "Iranian commander": a nationality, not where it happened
        if _quoted(text_of(doc), sent.start_char, p.start):
            continue  # "chanting ‘death to America’": words said, not where it happened
        path = _path(doc, trigger, p.start, p.end)
        if path and _nationality(path[0], p):
            path = None  # "a US-backed raid on Basra": says who, not where; kept only as a sentence place
        if path and _locative(path):
            rank = 0  # "left Baghdad airport", "attacks on the embassy in Baghdad": even inside an actor's span
        elif any(a <= p.start and p.end <= b for a, b in actors.spans) or _actor_position(doc, p, actors):
            continue
        else:
            rank = 1 if path else 2
        if attached_only and rank == 2:
            continue
        ranked.append((rank, specificity(p), abs(p.start - trigger.idx), p))
    if not ranked:
        return None, None
    rank, _, _, place = min(ranked, key=lambda r: r[:3])
    return place, "trigger" if rank <= 1 else "sentence"


class _Triggers:
    """The events' trigger tokens, and the repeated mentions of each, worked out once per document: ``_refine`` asks
    for them for every event in both of its rounds (which made the stage quadratic in an article's events)."""

    def __init__(self, doc: Doc, events: list[Event]) -> None:
        self.doc = doc
        self.tokens = [_trigger_at(doc, e) for e in events]
        self.index = {t.i: j for j, t in enumerate(self.tokens) if t is not None}
        self._repeated: dict[int, list[Token]] = {}
        self._sents: list[Span] | None = None  # the doc's sentences and (lemma, POS) ids, on first need
        self._lemma_pos: np.ndarray = np.zeros((0, 2), dtype=np.uint64)

    def repeated(self, trigger: Token) -> list[Token]:
        found = self._repeated.get(trigger.i)
        if found is None:
            if self._sents is None:
                self._sents = list(self.doc.sents)
                # the ids as the doc's array: a tuple made per word of the article was the cost
                self._lemma_pos = self.doc.to_array([LEMMA, POS]).reshape(len(self.doc), 2)
            found = self._repeated[trigger.i] = _repeated_mentions(self.doc, trigger, self._sents, self._lemma_pos)
        return found


def _refine(
    doc: Doc,
    index: int,
    events: list[Event],
    chosen: list[tuple[Place | None, str | None]],
    places: list[Place],
    spans: list[tuple[int, int, str]],
    triggers: _Triggers,
) -> tuple[Place | None, str | None]:
    """A more specific place from a repeated mention of the same event nearby, inside the event's own place."""
    event = events[index]
    own, own_source = chosen[index]
    trigger = triggers.tokens[index]
    if trigger is None or (own is not None and specificity(own) <= _SPECIFICITY["A.ADM2"]):
        return own, own_source
    actors = _actors(event)
    best: Place | None = None
    for token in triggers.repeated(trigger):
        other = triggers.index.get(token.i)
        if other is not None:
            if not _same_occurrence(event, events[other]):
                continue
            candidate, source = chosen[other]
            if source not in ("trigger", "coreferent"):
                continue
        else:
            if not actors.entities & _token_participants(token, spans):
                continue
            candidate, _ = attached_place(doc, token, places, actors, attached_only=True)
        if candidate is None or (best is not None and specificity(candidate) >= specificity(best)):
            continue
        if own is not None and own_source == "trigger" and not _inside(candidate, own):
            continue
        if own is None or specificity(candidate) < specificity(own):
            best = candidate
    return (best, "coreferent") if best is not None else (own, own_source)


def _repeated_mentions(doc: Doc, trigger: Token, sents: list[Span], lemma_pos: np.ndarray) -> list[Token]:
    """Tokens with the trigger's lemma and part of speech up to two sentences away, in the same paragraph
    (``sents`` and ``lemma_pos`` are the doc's sentences and each token's lemma and POS ids, one row per token)."""
    here = next(i for i, s in enumerate(sents) if s.start <= trigger.i < s.end)
    found = []
    for i in range(max(0, here - 2), min(len(sents), here + 3)):
        lo, hi = sorted((sents[i].start_char, sents[here].start_char))
        if i == here or "\n\n" in text_of(doc)[lo:hi]:  # a paragraph break between them
            continue
        block = lemma_pos[sents[i].start : sents[i].end]
        same = (block[:, 0] == lemma_pos[trigger.i, 0]) & (block[:, 1] == lemma_pos[trigger.i, 1])
        found += [doc[sents[i].start + k] for k in np.flatnonzero(same).tolist()]
    return found


def _same_occurrence(a: Event, b: Event) -> bool:
    """Same kind of event with compatible participants, one of them the same entity or the same two countries."""
    if a.root_code != b.root_code:
        return False
    shared = False
    for x, y in ((a.source, b.source), (a.target, b.target)):
        if x is None or y is None:
            continue
        if x.entity_id and x.entity_id == y.entity_id:
            shared = True
        elif x.country != y.country:
            return False
    pairs = [(x, y) for x, y in ((a.source, b.source), (a.target, b.target)) if x is not None and y is not None]
    return shared or (len(pairs) == 2 and all(x.country for x, _ in pairs))


def _token_participants(token: Token, spans: list[tuple[int, int, str]]) -> set[str]:
    """Entity ids named by the token's subject, object or agent."""
    found: set[str] = set()
    for child in token.children:
        if child.dep_ == "agent":
            child = next((c for c in child.children if c.dep_ == "pobj"), child)
        elif child.dep_ not in ("nsubj", "nsubjpass", "dobj"):
            continue
        lo, hi = child.left_edge.idx, child.right_edge.idx + len(child.right_edge)
        found |= {e for a, b, e in spans if a < hi and lo < b}
    return found


def _participant_spans(analysis: Analysis) -> list[tuple[int, int, str]]:
    spans = [(m.start, m.end, e.id) for e in analysis.entities for m in e.mentions]
    for event in analysis.events:
        spans += [(a.start, a.end, a.entity_id) for a in (event.source, event.target) if a and a.entity_id]
    return spans


def _inside(place: Place, container: Place) -> bool:
    """Within the container's country, or any place for a container with no country (a region spanning several)."""
    return container.country is None or place.country == container.country


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
    token = _trigger_at(doc, event)
    if token is None:
        return (0, len(text_of(doc)))
    sent = token.sent
    return (sent.start_char, sent.end_char)


def _trigger_at(doc: Doc, event: Event) -> Token | None:
    """The event's trigger token in the text; None for an event of the title given apart from the text (its
    offsets are into the title): it is placed by the article's focus and dated by its publication."""
    return None if event.sentence == TITLE_SENTENCE else _token_at(doc, event.trigger.start)


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


_LOCATIVE = frozenset(
    {
        "in",
        "at",
        "near",
        "on",
        "over",
        "across",
        "outside",
        "inside",
        "into",
        "around",
        "throughout",
        "within",
        "along",
        "between",
        "off",
        "beyond",
        "towards",
        "toward",
        "onto",
        "through",
        "from",
    }
)
_MOVES = frozenset(
    {
        "leave",
        "enter",
        "reach",
        "visit",
        "land",
        "arrive",
        "cross",
        "storm",
        "raid",
        "attack",
        "strike",
        "hit",
        "bomb",
        "shell",
        "invade",
        "occupy",
        "besiege",
    }
)
# Dependency arcs that open another statement: a place or date inside one belongs to that statement, not the trigger.
_BOUNDARIES = frozenset({"relcl", "acl", "ccomp", "parataxis", "appos"})


def _path(doc: Doc, trigger: Token, start: int, end: int) -> list[Token] | None:
    """Tokens from the span's head up to the trigger, or None when the span does not hang off the trigger."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
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
    return (head.dep_ == "pobj" and head.head.lower_ in _LOCATIVE) or (
        head.dep_ == "dobj" and head.head.lemma_ in _MOVES
    )


def _actor_position(doc: Doc, place: Place, actors: _Actors) -> bool:
    """Subjects and possessives name who acted ("Iran threatened", "Iran's general"), not where; so does a country
    modifying a noun when it is a participant's country ("a US drone strike" by the US, "Iraqi forces")."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    dep = span.root.dep_
    if dep in ("nsubj", "nsubjpass", "poss", "agent"):
        return True
    return dep in _MODIFIER and place.country3 is not None and place.country3 in actors.countries


_MODIFIER = frozenset({"compound", "amod", "nmod", "npadvmod"})


def _nationality(head: Token, place: Place) -> bool:
    """A country used as a noun modifier ("US drone strike", "Iraq-based group") tells who, not where."""
    return head.dep_ in _MODIFIER and (place.feature or "").startswith("A.PCL")


def _quoted(text: str, sentence_start: int, start: int) -> bool:
    """Inside an opening quotation mark of the sentence ("chanting ‘death to America’")."""
    before = text[sentence_start:start]
    return (
        before.count("“") + before.count("‘") > before.count("”") + max(0, before.count("’") - before.count("’s"))
        or before.count('"') % 2 == 1
    )
