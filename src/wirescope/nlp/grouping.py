"""Within-article grouping of entity mentions into canonical entities.

Mentions join a cluster when they are the same name up to case, possessive, a leading "the" and doubled letters
("Qassem"/"Qasem"); a part of a person's full name ("Soleimani" in "Qasem Soleimani"); a close misspelling of a
person's surname ("Solemani"); an acronym of an organisation's name ("PMU"); the same entry of the conflict-actor
table; or a bare title the article gave that person ("the General"). Longer mentions seed clusters first, so the
canonical name is the fullest form. Entity ids hash the type and a spelling-tolerant key of the canonical name, so
the same entity gets the same id in every article.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache, lru_cache
from operator import itemgetter

from ..records import Entity, Mention

ENTITY_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART", "LANGUAGE"}
)
TITLE_WORDS = frozenset(
    {
        "General", "President", "Minister", "Secretary", "Ayatollah", "Commander", "Colonel", "Admiral", "Captain",
        "Chancellor", "Senator", "Governor", "Premier", "King", "Queen", "Prince", "Sheikh", "Emir", "Pope", "Cardinal",
        "Archbishop", "Bishop", "Judge", "Justice", "Mayor", "Ambassador", "Envoy", "Dr", "Mr", "Mrs", "Ms", "Sergeant",
        "Lieutenant", "Major", "Marshal", "Brigadier", "Sultan", "Chairman",
    }
)
_SMALL_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "al", "de", "du", "la", "le"})
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")

# News names for countries that ISO tables spell otherwise. Keys are casefolded, without dots.
_COUNTRY_ALIASES = {
    "us": "United States", "usa": "United States", "america": "United States", "united states": "United States",
    "united states of america": "United States", "uk": "United Kingdom", "britain": "United Kingdom",
    "great britain": "United Kingdom", "united kingdom": "United Kingdom", "russia": "Russia",
    "russian federation": "Russia", "iran": "Iran", "islamic republic of iran": "Iran", "syria": "Syria",
    "south korea": "South Korea", "north korea": "North Korea", "vietnam": "Vietnam", "venezuela": "Venezuela",
    "bolivia": "Bolivia", "tanzania": "Tanzania", "taiwan": "Taiwan", "moldova": "Moldova", "laos": "Laos",
    "palestine": "Palestine", "uae": "United Arab Emirates", "drc": "DR Congo", "czech republic": "Czechia",
    "turkey": "Turkey", "turkiye": "Turkey", "ivory coast": "Côte d'Ivoire",
}


@dataclass(frozen=True, slots=True)
class RawMention:
    mention: Mention
    canonical_hint: str | None  # canonical name from the entity ruler's table
    title_before: str  # the token before the mention, to learn titles ("General" Soleimani)


@dataclass
class _Cluster:
    hint: str | None
    keys: set[str] = field(default_factory=set)
    tokens: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)
    members: list[RawMention] = field(default_factory=list)
    # the labels of the members but titles, counted as ``_add`` adds them (asked of every cluster for every mention)
    label_counts: Counter[str] = field(default_factory=Counter)

    def labels(self) -> Counter[str]:
        return self.label_counts

    @property
    def is_person(self) -> bool:
        labels = self.label_counts
        # the most common label, the first counted among equals: ``most_common(1)``, without its heap machinery
        return bool(labels) and max(labels.items(), key=itemgetter(1))[0] == "PERSON"


@lru_cache(maxsize=1 << 16)
def surface(text: str) -> str:
    """The name as written, without a leading "the", a possessive or surrounding punctuation."""
    text = " ".join(text.split())
    text = re.sub(r"^(?:the|The|THE)\s+", "", text)
    text = _POSSESSIVE.sub("", text)
    return text.strip(" .,;:-–—\"'“”‘’()")


def strip_titles(name: str) -> tuple[str, list[str]]:
    """("Mr Allard") -> ("Allard", ["Mr"]): leading titles split off a person's name."""
    words = name.split()
    titles = []
    while len(words) > 1 and words[0].rstrip(".") in TITLE_WORDS:
        titles.append(words.pop(0).rstrip("."))
    return " ".join(words), titles


def _name(raw: RawMention) -> str:
    """The mention's name for matching: the surface, without leading titles for people."""
    name = surface(raw.mention.text)
    return strip_titles(name)[0] if raw.mention.label == "PERSON" else name


@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """Spelling-tolerant key: case-folded, accents and punctuation removed, doubled letters collapsed."""
    text = unicodedata.normalize("NFKD", surface(text)).casefold()
    text = "".join(c for c in text if c.isalnum() or c.isspace())
    return re.sub(r"(.)\1+", r"\1", " ".join(text.split()))


@cache
def country_name(text: str) -> str | None:
    """Canonical country name for a country mention ("U.S." -> "United States"), or None."""
    key = surface(text).replace(".", "").casefold()
    if key in _COUNTRY_ALIASES:
        return _COUNTRY_ALIASES[key]
    import pycountry

    try:
        country = pycountry.countries.lookup(key)
    except LookupError:
        return None
    return str(getattr(country, "common_name", None) or country.name)


@lru_cache(maxsize=1 << 16)
def _initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w and w.casefold() not in _SMALL_WORDS).upper()


def _similar(a: str, b: str) -> bool:
    if len(a) < 5 or len(b) < 5:
        return False
    # the quick ratios are upper bounds of ``ratio()``: most pairs of words fail them, without the full match
    matcher = SequenceMatcher(None, a, b)
    return matcher.real_quick_ratio() >= 0.85 and matcher.quick_ratio() >= 0.85 and matcher.ratio() >= 0.85


def _find(clusters: list[_Cluster], raw: RawMention) -> _Cluster | None:
    m = raw.mention
    if raw.canonical_hint:
        return next((c for c in clusters if c.hint == raw.canonical_hint), None)
    name = _name(raw)
    key = name_key(name)
    if m.label == "GPE" and (country := country_name(name)):
        key = name_key(country)
    for c in clusters:
        if key in c.keys:
            return c
    words = key.split()
    if m.label in ("PERSON", "GPE", "LOC", "ORG") and not country_name(name):
        person_clusters = [c for c in clusters if c.is_person]  # (only this test reads them)
        # A part of a full name: "Soleimani" of "Qasem Soleimani" (NER labels a bare surname inconsistently).
        part_of = [c for c in person_clusters if set(words) <= c.tokens]
        if len(part_of) == 1:
            return part_of[0]
        if len(words) == 1:
            close = [c for c in person_clusters if any(_similar(words[0], t) for t in c.tokens)]
            if len(close) == 1:
                return close[0]
    if name.isupper() and 2 <= len(name) <= 6:
        for c in clusters:
            if not c.is_person and any(_initials(surface(r.mention.text)) == name for r in c.members):
                return c
    return None


def _add(cluster: _Cluster, raw: RawMention) -> None:
    name = _name(raw)
    if raw.mention.label == "PERSON":
        cluster.titles.update(strip_titles(surface(raw.mention.text))[1])
    if raw.mention.label == "GPE" and (country := country_name(name)):
        cluster.keys.add(name_key(country))
    key = name_key(name)
    cluster.keys.add(key)
    cluster.tokens.update(key.split())
    if raw.title_before in TITLE_WORDS:
        cluster.titles.add(raw.title_before)
    cluster.members.append(raw)
    if raw.mention.label != "TITLE":
        cluster.label_counts[raw.mention.label] += 1


def _canonical(cluster: _Cluster) -> tuple[str, str]:
    labels = cluster.labels()
    label = labels.most_common(1)[0][0] if labels else "PERSON"
    if any(r.mention.label == "PERSON" and len(_name(r).split()) > 1 for r in cluster.members):
        label = "PERSON"
    if cluster.hint:
        return cluster.hint, label
    names = [_name(r) for r in cluster.members if r.mention.label == label] or [_name(r) for r in cluster.members]
    if label == "GPE":
        countries = [c for n in names if (c := country_name(n))]
        if countries:
            return Counter(countries).most_common(1)[0][0], label
    longest = max(len(n.split()) for n in names)
    best = Counter(n for n in names if len(n.split()) == longest).most_common(1)[0][0]
    return best, label


def _only_titles(raw: RawMention) -> bool:
    """A mention that is only a title ("Major-General") is not a name; NER models sometimes tag one."""
    words = [w for w in re.split(r"[\s-]+", surface(raw.mention.text)) if w]
    return all(w in TITLE_WORDS for w in words)


def entity_id(name: str, label: str) -> str:
    return hashlib.sha1(f"{label}|{name_key(name)}".encode()).hexdigest()[:16]


def group_mentions(raw: list[RawMention]) -> tuple[Entity, ...]:
    clusters: list[_Cluster] = []
    names = [r for r in raw if r.mention.label != "TITLE" and surface(r.mention.text) and not _only_titles(r)]
    # Full names first, so that surnames and acronyms find the cluster they belong to.
    names.sort(key=lambda r: (-len(_name(r).split()), r.mention.start))
    for r in names:
        cluster = _find(clusters, r)
        if cluster is None:
            cluster = _Cluster(hint=r.canonical_hint)
            clusters.append(cluster)
        _add(cluster, r)
    for r in (r for r in raw if r.mention.label == "TITLE"):
        # "the General": the person the article last gave that title before this point; none -> dropped.
        title = surface(r.mention.text)
        titled = [
            (max(m.mention.start for m in c.members if m.mention.start < r.mention.start), c)
            for c in clusters
            if title in c.titles and any(m.mention.start < r.mention.start for m in c.members)
        ]
        if titled:
            max(titled, key=lambda pair: pair[0])[1].members.append(r)
    entities = []
    for c in clusters:
        name, label = _canonical(c)
        mentions = tuple(sorted((r.mention for r in c.members), key=lambda m: (m.start, m.end)))
        aliases = tuple(sorted({surface(m.text) for m in mentions} - {name}))
        entities.append(Entity(id=entity_id(name, label), name=name, type=label, mentions=mentions, aliases=aliases))
    entities.sort(key=lambda e: e.mentions[0].start)
    return tuple(entities)
