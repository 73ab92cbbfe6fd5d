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
# ORG/PERSON mentions that may be towns the model mislabelled; these words mark real organisations.
_ORG_WORD = re.compile(
    r"\b(Inc|Corp|Co|Company|Ltd|LLC|University|College|School|Academy|Department|Dept|Police|Sheriff|Office|Council|"
    r"Board|Association|Club|Church|Hospital|Bank|Party|Committee|Commission|Agency|Court|Senate|House|Times|News|"
    r"Post|Journal|Herald|Tribune|Gazette|Press|Institute|Foundation|Center|Centre|Group|Ministry|Army|Force|Forces|"
    r"Guard|Team|FC|Fire|Rescue|Library|Museum|Society|Union|Authority|Service|Services|Network|Airlines?|Motors|"
    r"Brigade|Corps|Movement|Front|Federation|Organi[sz]ation|Institution|Hall|Assembly)\b")
_ACRONYM = re.compile(r"^[A-Z]{2,5}$")
# Companies and movements are not named after where they are (Apple Inc), unlike police, schools and papers.
_BUSINESS_WORDS = frozenset({"Inc", "Corp", "Co", "Company", "Ltd", "LLC", "Group", "Motors", "Airlines", "Airline",
                             "Network", "Party", "Movement", "Front", "Team", "FC", "Club", "Bank", "Union"})
# A dateline: a place in capitals opening the text, a paragraph or the body after the headline, then a dash.
_DATELINE = re.compile(r"(?:^|\n|\.\s)\s*([A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+){0,3})(?:,\s+([A-Z][A-Za-z.]+(?: [A-Z]"
                       r"[A-Za-z.]+)?))?\s*(?:\([^)\n]{1,30}\)\s*)?(?:—|–|--?)\s")
_CUED_NAME = re.compile(r"\b(?:in|at|near|outside|from|of|to|into|across|around)\s+((?:[A-Z][a-z]+|Mc[A-Z][a-z]+)"
                        r"(?:\s(?:[A-Z][a-z]+))?)\b")
_NOT_NAMES = frozenset({"January", "February", "March", "April", "May", "June", "July", "August", "September",
                        "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                        "Saturday", "Sunday", "The", "A", "An", "This", "That", "These", "Those", "His", "Her", "Their",
                        "Our", "Its", "Mr", "Mrs", "Ms", "Dr", "President", "General", "Congress", "Parliament"})
_ADMIN_NAME = re.compile(
    r"\b(?:[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?|Mc[A-Z][a-z]+|De[A-Z][a-z]+) (?:County|Parish|Borough)\b")


def toponyms_from_mentions(mentions: Iterable[tuple[int, int, str, str]], text: str) -> list[Toponym]:
    """Place mentions among ``(start, end, text, label)`` entity mentions of ``text``.

    GPE, LOC and FAC mentions are places; NORP mentions are kept for demonyms; an ORG or FAC named like an airport or
    air base ("RAF Lakenheath", "Al Asad Air Base") is a place; a "Baghdad" followed by "airport" becomes "Baghdad
    airport"; a PERSON or ORG mention after a cue such as "town of" is a candidate place.
    """
    mentions = sorted(mentions)
    out = _from_entities(mentions, text)
    _add_from_patterns(out, [(m[0], m[1]) for m in mentions], text)
    out.sort(key=lambda t: (t.start, t.end))
    return out


def _from_entities(mentions: list[tuple[int, int, str, str]], text: str) -> list[Toponym]:
    """Toponyms from the NER model's mentions: places, demonyms, airports and bases, cued and possible names."""
    # A surname the NER model also tagged as a place elsewhere ("Soleimani") is a person, not a place.
    person_words = {w for _, _, t, label in mentions if label == "PERSON" for w in t.split() if len(t.split()) > 1}
    out: list[Toponym] = []
    seen: set[tuple[int, int]] = set()
    for start, end, span_text, label in mentions:
        if label in PLACE_LABELS and span_text in person_words:
            continue
        found = _classify(start, end, span_text, label, text, person_words)
        if found is not None and (found.start, found.end) not in seen:
            seen.add((found.start, found.end))
            out.append(found)
    return out


def _classify(start: int, end: int, span_text: str, label: str, text: str, person_words: set[str]) -> Toponym | None:
    if label in PLACE_LABELS or label == "NORP" or (label == "ORG" and _BASE_NAME.search(span_text)):
        tail = _AIRPORT_TAIL.match(text[end:end + 30])
        if tail and label in ("GPE", "LOC"):
            end = end + tail.end()
            span_text = text[start:end]
        return Toponym(start, end, span_text, "NORP" if label == "NORP" else label)
    if label in ("PERSON", "ORG") and _CUE.search(text[max(0, start - 40):start]):
        return Toponym(start, end, span_text, "CUED")
    if label in ("PERSON", "ORG") and _maybe_place(span_text, person_words):
        return Toponym(start, end, span_text, "MAYBE")
    if label == "ORG" and (prefix := _place_prefix(span_text)):
        # "Huntsville Police Department", "Kentucky State Police": the place the organisation is named after.
        return Toponym(start, start + len(prefix), prefix, "MAYBE")
    return None


def _add_from_patterns(out: list[Toponym], entity_spans: list[tuple[int, int]], text: str) -> None:
    """Toponyms the NER model missed: administrative names, cued names, datelines (never over a found one)."""
    covered = [(t.start, t.end) for t in out]
    for m in _ADMIN_NAME.finditer(text):
        # "Kanawha County" is a place whatever the NER model made of it.
        if not any(a < m.end() and m.start() < b for a, b in covered):
            out.append(Toponym(m.start(), m.end(), m.group(0), "GPE"))
            covered.append((m.start(), m.end()))
    for m in _CUED_NAME.finditer(text):
        # "in Gainesville" that the model left untagged: an uncertain candidate, kept only with context.
        start, end = m.start(1), m.end(1)
        name = m.group(1)
        if not any(a < end and start < b for a, b in covered + entity_spans) and name.split()[0] not in _NOT_NAMES:
            out.append(Toponym(start, end, name, "MAYBE"))
            covered.append((start, end))
    for m in _DATELINE.finditer(text):
        for group in (1, 2):
            start, end = m.start(group), m.end(group)
            if start < 0 or any(a < end and start < b for a, b in covered):
                continue
            span_text = text[start:end].rstrip(".") if group == 1 else text[start:end]
            out.append(Toponym(start, start + len(span_text), span_text, "DATELINE"))
            covered.append((start, end))


def _place_prefix(span_text: str) -> str | None:
    """The capitalised words before the first organisation word, when there are any."""
    m = _ORG_WORD.search(span_text)
    if not m or m.group(0) in _BUSINESS_WORDS:
        return None
    prefix = span_text[:m.start()].strip().removeprefix("the ").removeprefix("The ").strip()
    words = prefix.split()
    if not words or len(words) > 3 or not all(w[:1].isupper() for w in words) or _ACRONYM.match(prefix):
        return None
    return prefix if span_text.startswith(prefix) else None


def _maybe_place(span_text: str, person_words: set[str]) -> bool:
    """An ORG or PERSON mention worth looking up as a place: no organisation word, not an acronym, not part of a
    person's full name mentioned elsewhere, and capitalised like a name."""
    if _ORG_WORD.search(span_text) or _ACRONYM.match(span_text) or not span_text[:1].isupper():
        return False
    words = span_text.split()
    return len(words) <= 4 and not any(w in person_words for w in words)


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
    if label in ("MAYBE", "DATELINE"):
        # Kept only when the gazetteer and the article's other places agree on it, by the place's own name (an
        # organisation called "Google" is not Topeka, whatever its alternate names say; "Russian Co." no place).
        return (resolved.candidate.fclass in ("P", "A") and resolved.support and resolved.reason == "name"
                and resolved.candidate.kind in (0, 2, 3))
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
        else None, confidence=resolved.confidence, sentence=sentence, match=_match(resolved),
    )


def _match(resolved: Resolved) -> str:
    if resolved.reason in ("demonym", "spelling", "embedded", "context"):
        return resolved.reason
    kind = resolved.candidate.kind if resolved.candidate is not None else 0
    return "alias" if kind in (2, 3) else "alternate" if kind in (1, 4, 5) else "name"
