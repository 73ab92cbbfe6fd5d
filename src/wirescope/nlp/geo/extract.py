"""Which entity mentions are place mentions, and how resolved toponyms become ``Place`` records."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ...records import Place, Sentence
from .resolve import Resolved, Toponym

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..resources.gazetteer import Gazetteer

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# A mention under another label is a place only with a cue in front of it ("the town of Kfar Kila") and a
# populated place of that name in the gazetteer.
_CUE = re.compile(r"\b(town|village|city|hamlet|suburb|district|province|region|port|municipality|"
                  r"neighbou?rhood|camp|settlement|kibbutz|capital)\s+of\s+$", re.IGNORECASE)
_AIRPORT_TAIL = re.compile(r"^\s+(international\s+)?(airport|air\s+base|airbase|air\s+field|airfield)\b",
                           re.IGNORECASE)
_BASE_NAME = re.compile(r"^(RAF|NAS|RAAF|RCAF)\s+\w|\b(Airport|Air Base|Airbase|Air Force Base|AFB)$")


def toponyms_from_mentions(mentions: Iterable[tuple[int, int, str, str]], text: str) -> list[Toponym]:
    """Place mentions among ``(start, end, text, label)`` entity mentions of ``text``.

    GPE, LOC and FAC mentions are places; NORP mentions are kept for demonyms; an ORG or FAC named like an airport or
    air base ("RAF Lakenheath", "Al Asad Air Base") is a place; a "Baghdad" followed by "airport" becomes "Baghdad
    airport"; a PERSON or ORG mention after a cue such as "town of" is a candidate place.
    """
    mentions = sorted(mentions)
    # A surname the NER model also tagged as a place elsewhere ("Soleimani") is a person, not a place.
    person_words = {w for _, _, t, label in mentions if label == "PERSON" for w in t.split() if len(t.split()) > 1}
    out: list[Toponym] = []
    seen: set[tuple[int, int]] = set()
    for start, end, span_text, label in mentions:
        if label in PLACE_LABELS and span_text in person_words:
            continue
        if label in PLACE_LABELS or label == "NORP" or (label == "ORG" and _BASE_NAME.search(span_text)):
            tail = _AIRPORT_TAIL.match(text[end:end + 30])
            if tail and label in ("GPE", "LOC"):
                end = end + tail.end()
                span_text = text[start:end]
            out_label = "NORP" if label == "NORP" else label
        elif label in ("PERSON", "ORG") and _CUE.search(text[max(0, start - 40):start]):
            out_label = "CUED"
        else:
            continue
        if (start, end) not in seen:
            seen.add((start, end))
            out.append(Toponym(start, end, span_text, out_label))
    return out


def toponyms_from_doc(doc: Doc) -> list[Toponym]:
    return toponyms_from_mentions(((e.start_char, e.end_char, e.text, e.label_) for e in doc.ents), doc.text)


def keep(resolved: Resolved) -> bool:
    """Whether a resolution becomes a record: places found, and explicit no-matches for true place mentions."""
    label = resolved.toponym.label
    if resolved.reason == "not-a-place":
        return False
    if resolved.candidate is None:
        return label in PLACE_LABELS
    if label == "NORP":
        return resolved.reason == "demonym"
    if label == "CUED":
        return resolved.candidate.fclass == "P"
    return True


def sentence_index(sentences: Sequence[Sentence], start: int) -> int | None:
    for s in sentences:
        if s.start <= start < s.end:
            return s.index
    return None


def to_place(resolved: Resolved, gazetteer: Gazetteer, sentences: Sequence[Sentence] = ()) -> Place:
    t, c = resolved.toponym, resolved.candidate
    sentence = sentence_index(sentences, t.start)
    if c is None:
        return Place(start=t.start, end=t.end, text=t.text, confidence=0.0, sentence=sentence)
    country = gazetteer.country(c.country)
    return Place(
        start=t.start, end=t.end, text=t.text, name=c.name, geonameid=c.geonameid, lat=round(c.lat, 5),
        lon=round(c.lon, 5), feature=c.feature, country=c.country, country3=country[0] if country else None,
        admin1=gazetteer.admin1_name(c.country, c.admin1) if c.fcode != "ADM1" else c.name if c.fclass == "A"
        else None, confidence=resolved.confidence, sentence=sentence,
    )
