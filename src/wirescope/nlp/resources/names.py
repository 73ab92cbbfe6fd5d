"""Name keys shared by the gazetteer builder and the resolver, so that both sides normalise the same way."""

from __future__ import annotations

import re
import unicodedata

_APOS = str.maketrans({"’": "'", "‘": "'", "`": "'", "–": "-", "—": "-"})
_NON_KEY = re.compile(r"[^a-z0-9' ]+")
_SPACES = re.compile(r"\s+")
# Abbreviated tokens that news and GeoNames spell both ways.
_TOKEN_EXPANSIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "point"}


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_key(text: str) -> str:
    """Lower-case, accent-free, punctuation-free key: "St. Louis" and "Saint-Louis" give "saint louis"."""
    text = strip_accents(text.translate(_APOS)).lower()
    text = text.replace("-", " ").replace(".", " ").replace("'s ", " ").replace("'", "")
    text = _NON_KEY.sub(" ", text)
    tokens = [_TOKEN_EXPANSIONS.get(t, t) for t in _SPACES.split(text.strip()) if t]
    return " ".join(tokens)


def is_latin(text: str) -> bool:
    """True when the name is written in Latin script (other scripts never match English news text)."""
    return all("a" <= ch.lower() <= "z" for ch in strip_accents(text) if ch.isalpha())


def skeleton(key: str) -> str:
    """A coarse key used at build time to index transliteration variants: doubled letters squeezed, final h dropped."""
    out = re.sub(r"([a-z])\1+", r"\1", key)
    return " ".join(t[:-1] if len(t) > 3 and t.endswith("h") and t[-2] in "aeiou" else t for t in out.split())
