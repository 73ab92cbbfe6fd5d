"""Fallbacks of the actor coder for names the dictionaries lack: provinces named with a division word, and named
non-governmental bodies. Used with the bundled (production) dictionaries only."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .lexicons import words

if TYPE_CHECKING:
    from spacy.tokens import Token

ADMIN1 = Path(__file__).resolve().parents[2] / "data" / "events" / "admin1_countries.tsv"


# Heads of the names of non-governmental bodies (governments, parties, armed groups and IGOs are in the dictionaries).
NGO_HEADS = words("title_words", "ngo-head")


def unknown_body(toks: Sequence[Token]) -> str | None:
    """The upper-case name of a body named with an NGO head ("Association of African Jurists", "Third World Water
    Forum"): a capitalised head word with another capitalised word in the same name. None if there is none."""
    for k, tok in enumerate(toks):
        if tok.text.lower() not in NGO_HEADS or not tok.text[:1].isupper():
            continue
        start = k
        while start > 0 and toks[start - 1].text[:1].isupper() and toks[start - 1].text.isalpha():
            start -= 1
        end = k + 1
        if end + 1 < len(toks) and toks[end].text == "of" and toks[end + 1].text[:1].isupper():
            end += 1
            while end < len(toks) and toks[end].text[:1].isupper() and toks[end].text.isalpha():
                end += 1
        if end - start >= 2 and (k > 0 or end > k + 1) and (start < k or end > k + 1):
            return " ".join(t.text.upper() for t in toks[start:end])
    return None


# Words that say the name next to them is a first-level division ("Sindh province", "the province of Sindh").
_DIVISION_WORDS = words("title_words", "division")


@functools.cache
def division_table() -> dict[tuple[str, ...], str]:
    """Upper-case words of first-level division names -> ISO3 (bundled ``admin1_countries.tsv``)."""
    out: dict[tuple[str, ...], str] = {}
    with ADMIN1.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or line.startswith("name\t") or "\t" not in line:
                continue
            name, country = line.rstrip("\n").split("\t")[:2]
            out[tuple(name.upper().replace("-", " ").split())] = country
    return out


def division(toks: Sequence[Token], i: int) -> tuple[int, str | None, str] | None:
    """A province or state named with a division word ("the government of Sindh province", "the province of
    Sindh") -> the country it is in, when the name belongs to one country only."""
    if not toks[i].text[:1].isupper():
        return None
    words: list[str] = []
    ends: list[int] = []
    j = i
    while j < len(toks) and len(words) < 3:
        text = toks[j].text
        if text == "-" and words:
            j += 1
            continue
        if not (text[:1].isupper() and text.replace("-", "").isalpha()):
            break
        words.extend(text.upper().split("-"))
        j += 1
        ends.append(j)
    table = division_table()
    before = toks[i - 2].text.lower() if i >= 2 and toks[i - 1].text.lower() == "of" else ""
    for n in range(len(ends), 0, -1):
        end = ends[n - 1]
        key = tuple(w for t in toks[i:end] for w in t.text.upper().split("-") if w and w != "-")
        after = toks[end].text.lower() if end < len(toks) else ""
        if key in table and (after in _DIVISION_WORDS or before in _DIVISION_WORDS):
            return end, table[key], " ".join(key)
    return None


FOLDS = Path(__file__).resolve().parents[2] / "data" / "actors" / "folds.tsv"
# roles under which a capital stands for its government: what it does and what is done to it, not where
_ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "dobj", "dative", "compound"})
# prepositions whose object is a party to the act ("tension with Washington", "sanctions on Moscow", "by Beijing")
_PARTY_PREPS = frozenset({"by", "with", "against", "on", "toward", "towards"})
# verbs whose object is a place gone to or from ("visited Beijing", "left Kabul"): the city, not its government
_PLACE_OBJECT_VERBS = words("place_words", "place-object-verb") | words("verb_classes", "arrival") \
    | words("verb_classes", "departure")


@functools.cache
def capitals() -> dict[str, str]:
    """Capital city name (lower case) -> the ISO3 code of its country, from the actor folds' "capital as metonym"
    rows (GeoNames countryInfo)."""
    out: dict[str, str] = {}
    for line in FOLDS.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if not line.startswith("#") and len(cols) >= 4 and cols[2] == "capital as metonym" and cols[3]:
            out[cols[0].lower()] = cols[3]
    return out


def capital_as_actor(head: Token, toks: Sequence[Token], code: str) -> bool:
    """The phrase is a country's capital alone ("Ankara", "New Delhi") coded as that country, in a place where a
    party to the act stands (subject, possessor, object, "with"/"against"/"by" X): news uses the capital for the
    government seated there ("Ankara is warning Washington", "Beijing sanctioned Copenhagen")."""
    names = [t for t in toks if t.pos_ == "PROPN"]
    if not names or any(t.pos_ not in ("PROPN", "DET", "PART", "PUNCT") for t in toks):
        return False
    if capitals().get(" ".join(t.text for t in names).lower()) != code:
        return False
    if head.dep_ == "pobj":
        return head.head.lower_ in _PARTY_PREPS
    if head.dep_ == "dobj" and head.head.lemma_.lower() in _PLACE_OBJECT_VERBS:
        return False
    return head.dep_ in _ACTOR_DEPS



@functools.cache
def country_names() -> dict[str, str]:
    """A country's own name or short form (lower case: "kenya", "the united states" without the article, "u.s.",
    "britain", "c.a.r") -> its ISO3 code, from the actor folds' "name" and "alias" rows; not demonyms, capitals or
    the names of bodies."""
    out: dict[str, str] = {}
    for line in FOLDS.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if not line.startswith("#") and len(cols) >= 4 and cols[2] in ("name", "alias") and len(cols[3]) == 3:
            out[cols[0].lower()] = cols[3]
    return out
