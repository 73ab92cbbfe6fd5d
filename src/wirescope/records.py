"""Typed records that flow through wirescope.

Every record is a frozen dataclass. Offsets are character offsets into ``Article.text`` (the text as stored),
half-open ``[start, end)``. Every extracted record can be traced back to its article and sentence.

``to_json()`` on each record gives the public JSON shape used by ``wirescope analyze --json``, the exports and the
HTTP API; changing a key there is a breaking change.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypedDict

# -- vocabularies: each defined once here; the store's table specs, the API schema (and through it the dashboard),
# the CLI and the exports take them from here.

# How an article's publication date was found (``Article.published_source``).
DATE_SOURCES = ("marker", "date-line", "metadata", "html", "feed", "unknown")
# What the writer did with an article (``articles.status``).
ARTICLE_STATUSES = ("analysed", "near-duplicate", "not-english")
# How certain the text is that an event happened (``Event.modality``).
MODALITIES = ("asserted", "threatened", "hypothetical", "negated", "reported")
# CAMEO quad classes (``Event.quad_class``), by number.
QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
# How an event's date was chosen (``Event.date_source``).
EVENT_DATE_SOURCES = ("time-expression", "publication")
# Whether an event is news of the day (``Event.timing``): dated outside its article's window [published - 60 days,
# published + 2 days] it is background or a plan, by the text (``nlp/timex/window.py``); only current events are
# listed and aggregated as news by default.
EVENT_TIMINGS = ("current", "historical", "planned")
# How an event's place was chosen, most precise first (``Event.place_source``).
PLACE_SOURCES = ("trigger", "coreferent", "sentence", "article-focus")
# Kinds of quotation (``Quote.type``).
QUOTE_TYPES = ("direct", "mixed", "indirect", "floating", "embedded", "chant")
# Who said a quotation, as far as the article tells (``Quote.speaker_status``): resolved to a named speaker;
# described by a phrase that names nobody ("officials", "the spokesperson"); unresolved: no speaker was found, or
# the speaker is a pronoun ("he", "I", "some") whose antecedent was not found, which is never shown as a speaker.
SPEAKER_STATUSES = ("resolved", "described", "unresolved")
# Pronouns that cannot be a speaker's name: personal, demonstrative, relative and indefinite (lower case).
PRONOUNS = frozenset({
    "i", "me", "you", "he", "him", "she", "her", "it", "we", "us", "they", "them", "one", "this", "that", "these",
    "those", "who", "which", "some", "others", "another", "someone", "somebody", "anyone", "anybody", "everyone",
    "everybody", "no one", "nobody", "none", "many", "few", "several", "all", "both", "each", "most",
})
# Kinds of time expression (``TimeRef.kind``).
TIME_KINDS = ("date", "range", "duration", "set")


def json_value(value: Any) -> Any:
    """The public JSON form of a record field: records by their ``to_json()``, tuples as lists, dates in ISO."""
    if hasattr(value, "to_json"):
        return value.to_json()
    if isinstance(value, tuple | list):
        return [json_value(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


class JsonForm(TypedDict):
    """Field metadata stating a field's JSON form: rounded to ``json_digits``, or (a tuple) spread under
    ``json_keys``."""

    json_digits: int | None
    json_keys: tuple[str, ...]


def json_form(*, digits: int | None = None, keys: tuple[str, ...] = ()) -> JsonForm:
    """``field(metadata=json_form(digits=4))``: the field's JSON form (see ``JsonForm``)."""
    return {"json_digits": digits, "json_keys": keys}


def record_json(record: Any, *, exclude: tuple[str, ...] = ()) -> dict[str, Any]:
    """The JSON shape shared by every record: its fields in declaration order, less ``exclude``.

    Records whose public shape is exactly their fields call this instead of listing the keys again; a field made
    with ``json_form`` metadata is rounded, or spread under named keys, in place.
    """
    out: dict[str, Any] = {}
    for f in dataclasses.fields(record):
        if f.name in exclude:
            continue
        value, digits = getattr(record, f.name), f.metadata.get("json_digits")
        if f.metadata.get("json_keys"):
            out.update((k, _rounded(v, digits)) for k, v in zip(f.metadata["json_keys"], value, strict=True))
        else:
            out[f.name] = _rounded(json_value(value), digits)
    return out


def _rounded(value: Any, digits: int | None) -> Any:
    return round(value, digits) if digits is not None and isinstance(value, float) else value


@dataclass(frozen=True, slots=True)
class Provenance:
    """Which code made a record: the package version, the spaCy model and the stages that ran."""

    pipeline_version: str
    model: str
    stages: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return record_json(self)


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as ingested: normalised text plus metadata and the raw input it came from."""

    id: str  # stable: hash of the normalised text (see ingest.normalize.article_id)
    text: str
    title: str | None = None
    published: date | None = None
    published_source: str = "unknown"  # one of DATE_SOURCES
    source: str | None = None  # outlet or site name
    url: str | None = None
    author: str | None = None
    # read from the text at ingest, before the analysis masks them: the names of a "By ..." line, and the news
    # agencies credited for the text (dateline, byline, credit line), by their names in data/hygiene/wires.tsv
    byline: str | None = None
    wires: tuple[str, ...] = ()
    language: str | None = None  # ISO 639-1 code, or None when undetectable
    input: str = ""  # where it was read from: a path, "path:line", a URL or "<stdin>"
    input_format: str = "text"  # text | jsonl | json | csv | html | feed | parquet | warc
    raw: str = ""  # the raw input record as read (decoded), kept for re-processing

    @property
    def is_english(self) -> bool:
        return self.language in (None, "en")

    def to_json(self, *, include_text: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "published_source": self.published_source,
            "source": self.source,
            "url": self.url,
            "author": self.author,
            "byline": self.byline,
            "wires": list(self.wires),
            "language": self.language,
            "input": self.input,
            "input_format": self.input_format,
        }
        if include_text:
            out["text"] = self.text
        return out


@dataclass(frozen=True, slots=True)
class Sentence:
    article_id: str
    index: int
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        return record_json(self, exclude=("article_id",))


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity mention: a span of the article text with its NER label."""

    article_id: str
    sentence: int
    start: int
    end: int
    text: str
    label: str  # spaCy label (PERSON, ORG, GPE, NORP, ...) or the entity ruler's

    def to_json(self) -> dict[str, Any]:
        return record_json(self, exclude=("article_id",))


@dataclass(frozen=True, slots=True)
class Entity:
    """Mentions of one real-world thing within an article, grouped under a canonical name.

    ``id`` is corpus-wide: the same canonical name and type give the same id in every article, so the store can
    count an entity across the corpus.
    """

    id: str
    name: str
    type: str  # PERSON | ORG | GPE | LOC | NORP | FAC | EVENT | ...
    mentions: tuple[Mention, ...]
    aliases: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return record_json(self)


@dataclass(frozen=True, slots=True)
class Span:
    """A bare character span with its text (event triggers, quote cues)."""

    start: int
    end: int
    text: str

    def to_json(self) -> dict[str, Any]:
        return record_json(self)


@dataclass(frozen=True, slots=True)
class Actor:
    """A coded actor mention: the span, its canonical entity and a CAMEO-style code (country + roles)."""

    start: int
    end: int
    text: str
    name: str | None = None  # canonical name (the entity's, or the dictionary's)
    entity_id: str | None = None
    code: str | None = None  # e.g. "USAGOV", "IRNMIL", "IGOUNO"
    country: str | None = None  # ISO3, or None for non-state actors
    roles: tuple[str, ...] = ()  # e.g. ("GOV",), ("MIL",)

    def to_json(self) -> dict[str, Any]:
        return record_json(self)


@dataclass(frozen=True, slots=True)
class Place:
    """A place mention resolved against the gazetteer, or an explicit no-match (``geonameid`` and ``lat`` None)."""

    start: int
    end: int
    text: str
    name: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None  # feature class.code, e.g. "P.PPLC", "A.PCLI", "S.AIRP"
    country: str | None = None  # ISO2
    country3: str | None = None  # ISO3
    admin1: str | None = None
    confidence: float = 0.0
    sentence: int | None = None
    match: str | None = None  # how it matched: name|alternate|alias|demonym|spelling|embedded|context; None: none

    def to_json(self) -> dict[str, Any]:
        return record_json(self)


@dataclass(frozen=True, slots=True)
class TimeRef:
    """A normalised time expression. ``value``/``value_end`` are ISO dates or None when unresolved."""

    start: int
    end: int
    text: str
    value: str | None
    value_end: str | None
    granularity: str | None  # day | week | month | year | part-of-day | ...
    kind: str  # date | range | duration | set
    sentence: int | None = None

    def to_json(self) -> dict[str, Any]:
        return record_json(self)


# The sentence index of an article's title given apart from its text (``Event.sentence`` and ``Event.mentions``).
TITLE_SENTENCE = -1


@dataclass(frozen=True, slots=True)
class Event:
    """A coded political event with its evidence. ``sentence`` is an index into the article's sentences, or
    ``TITLE_SENTENCE`` for an event of the article's title given apart from its text (a JSON ``title``, a CSV
    column, an HTML ``<title>``): its trigger's and actors' offsets are then into ``Article.title``, and its
    ``sentence_text`` is the title. ``mentions`` holds ``TITLE_SENTENCE`` when the title tells the event again."""

    article_id: str
    sentence: int
    code: str  # CAMEO code, 3-4 digits ("190", "1823")
    root_code: str  # first two digits
    base_code: str  # first three digits
    quad_class: int  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    goldstein: float
    trigger: Span
    source: Actor | None
    target: Actor | None
    modality: str = "asserted"  # asserted | threatened | hypothetical | negated | reported
    confidence: float = 0.0
    plover: str | None = None
    plover_mode: str | None = None
    plover_context: str | None = None
    date: str | None = None  # ISO date
    date_source: str | None = None  # time-expression | publication | None
    timing: str = "current"  # current | historical | planned (EVENT_TIMINGS)
    date_note: str | None = None  # why the date was flagged or moved by the article's window, if it was
    place: Place | None = None
    place_source: str | None = None  # trigger | coreferent | sentence | article-focus | None
    sentence_text: str = ""
    mentions: tuple[int, ...] = ()  # sentence indexes of repeated mentions of the same triple in the article
    # how it was coded: ids of the coder's rules that made or changed it, in order (``wirescope rules``), ids of
    # the dictionary entries used (a hash of each entry's text), and the events stage version that coded it
    trace: tuple[str, ...] = ()
    dictionary_entries: tuple[str, ...] = ()
    stage_version: str | None = None

    def to_json(self) -> dict[str, Any]:
        return record_json(self, exclude=("article_id",))


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation with its cue and resolved speaker."""

    article_id: str
    start: int  # covers all pieces
    end: int
    text: str
    type: str  # direct | mixed | indirect | floating | embedded | chant
    spans: tuple[Span, ...] = ()  # the pieces, when the content is discontinuous
    cue: Span | None = None
    cue_lemma: str | None = None
    speaker: Actor | None = None  # speaker mention, resolved name/entity/code
    confidence: float = 0.0
    sentence: int | None = None
    # ids of the quotation extractor's rules that made it, in order (``nlp.quotes.rules``); stored and served by the
    # API, not part of the ``--json`` quotation shape
    trace: tuple[str, ...] = ()

    @property
    def speaker_status(self) -> str:
        """One of :data:`SPEAKER_STATUSES`: a pronoun with no resolved name is unresolved, never a speaker."""
        sp = self.speaker
        if sp is None:
            return "unresolved"
        if sp.name:
            return "resolved"
        words = " ".join(sp.text.lower().split()).strip(" .,;:")
        return "unresolved" if not words or words in PRONOUNS else "described"

    def to_json(self) -> dict[str, Any]:
        speaker = None
        if self.speaker is not None:
            speaker = {
                "text": self.speaker.text,
                "start": self.speaker.start,
                "end": self.speaker.end,
                "name": self.speaker.name,
                "entity_id": self.speaker.entity_id,
                "code": self.speaker.code,
            }
        cue = None
        if self.cue is not None:
            cue = {**self.cue.to_json(), "lemma": self.cue_lemma}
        return {
            "text": self.text,
            "type": self.type,
            "start": self.start,
            "end": self.end,
            "spans": [s.to_json() for s in self.spans],
            "cue": cue,
            "speaker": speaker,
            "confidence": self.confidence,
            "sentence": self.sentence,
        }


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the pipeline found in one article. Stages return a copy with their fields filled."""

    article: Article
    provenance: Provenance
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[TimeRef, ...] = ()
    notes: tuple[str, ...] = field(default=())  # why something was not analysed (e.g. non-English)

    def mentions(self) -> list[Mention]:
        return sorted((m for e in self.entities for m in e.mentions), key=lambda m: (m.start, m.end))

    def to_json(self) -> dict[str, Any]:
        return {
            "article": self.article.to_json(),
            "provenance": self.provenance.to_json(),
            "notes": list(self.notes),
            "sentences": [s.to_json() for s in self.sentences],
            "entities": [e.to_json() for e in self.entities],
            "events": [e.to_json() for e in self.events],
            "quotes": [q.to_json() for q in self.quotes],
            "places": [p.to_json() for p in self.places],
            "times": [t.to_json() for t in self.times],
        }


# Fields of Analysis that stages may declare in ``requires`` / ``assigns``.
ANALYSIS_FIELDS = ("sentences", "entities", "events", "quotes", "places", "times")


@dataclass(frozen=True, slots=True)
class Failure:
    """An input item that could not be ingested or analysed, with the reason."""

    item: str
    reason: str
    stage: str = "ingest"

    def __str__(self) -> str:
        return f"{self.item}: {self.reason}"
