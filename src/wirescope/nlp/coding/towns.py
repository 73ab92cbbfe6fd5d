"""The country of a town, province or region named as a place, from the offline gazetteer (``nlp.geo``).

The actor dictionaries code countries, capitals and a few cities; the towns and provinces where armed groups fight
("near Deir ez-Zor", "in Hajin", "north of Idlib city") are not in them, so a rule that asks for the country where
a group acts found none there and fell back on the country the article names most. The gazetteer the ``places``
stage resolves with knows them. Read without the article's context (the coder asks for one name at a time), a name
is taken only when it is unambiguous: its best reading is a populated place of some size, an administrative
division or a region, and no reading in another country comes near it ("Tripoli" is Libya's capital before
Lebanon's city by far; "Kandahar" in Afghanistan and a town of that name in India are too close to choose, so
none; "Kurdistan" is an Iranian province and an Iraqi region, none). A country's own name is the dictionaries'
business, not this look-up's.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..geo.resolve import Resolver, prior
from ..resources.gazetteer import Candidate, load_gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Token

# a reading in another country within this much prior of the best leaves the name ambiguous (0.9 per tenfold
# population: a rival about twelve times smaller, or a division beside a city, is too close to choose)
_MARGIN = 1.0
_WELL_KNOWN = 100_000
_MIN_POPULATION = 10_000  # a hamlet's name is too often another place's or a person's (unless it has no other)
# readings that are a place of events: populated places, administrative divisions, regions and land features
# (a province, "Sinai", "the Gaza Strip"), not airports or buildings (S), waters (H) or countries (PCL*)
_PLACE_CLASSES = frozenset({"P", "A", "L", "T"})


@functools.lru_cache(maxsize=4)
def _resolver(path: Path | None) -> Resolver:
    return Resolver(load_gazetteer(path))


@dataclass(frozen=True, slots=True)
class Town:
    """The country of a place name (ISO 3166 alpha-3), and whether the name is well known by itself: a city of
    ``_WELL_KNOWN`` people or more or a province under its own name ("Deir ez-Zor", "Mosul"), which needs no
    other word of the article to be read; a smaller town ("Hajin", "Afrin") is taken only where the article
    names its country too (the coder's business: one small place may share its name with another abroad)."""

    country: str
    well_known: bool


@functools.lru_cache(maxsize=4096)
def town_country(name: str, path: Path | None = None) -> Town | None:
    """The country of the town, province or region ``name`` (the gazetteer at ``path``, else the default index)
    when its reading is clear (see the module docstring); else None."""
    resolver = _resolver(path)
    found, how = resolver.candidates(name, "GPE")
    if how not in ("name", "spelling") or not found:
        return None  # a demonym, a name found inside a longer one ("Ras al-Ain": Ain, France), none
    best = found[0]
    if not _a_place(best, alone=len(found) == 1) or best.country is None:
        return None
    rivals = [c for c in found[1:] if c.country != best.country and prior(c) > prior(best) - _MARGIN]
    if rivals:
        return None
    country = resolver.gazetteer.country(best.country)
    if country is None:
        return None
    own = best.kind == 0  # under its own name, not an alternate or old one ("Azzan": Azzano Decimo, Italy)
    return Town(country[0], own and (best.population >= _WELL_KNOWN or best.fcode in ("ADM1", "ADM2")))


def _a_place(c: Candidate, alone: bool) -> bool:
    """A reading that is a town of some size, a division or a region, not a country (the dictionaries' own); a
    town of unknown or small population only when it is the name's one reading ("Tal Afar", "al-Hawl")."""
    if c.fclass not in _PLACE_CLASSES or c.fcode.startswith("PCL") or c.fcode == "CONT":
        return False
    return c.fclass != "P" or c.population >= _MIN_POPULATION or alone


def name_text(tok: Token) -> str:
    """The text of the proper name ending at ``tok``: the named entity it ends when there is one ("Deir ez-Zor",
    "Tal Afar"), else the run of proper nouns and hyphens before it; without a leading "the"."""
    doc = tok.doc
    if tok.ent_type_ and tok.ent_iob_ != "O":
        ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
        if ent is not None:
            words_ = [t for t in ent if t.i <= tok.i and t.lower_ != "the"]
            return "".join(t.text_with_ws for t in words_).strip()
    start = tok.i
    while start > tok.sent.start and (doc[start - 1].pos_ == "PROPN" or doc[start - 1].text in ("-", "al-")):
        start -= 1
    return doc[start : tok.i + 1].text
