"""Toponym resolution: candidates from the gazetteer, ranked by feature type, population and the article's context.

Ranking is a sum of evidence (no learned weights):

* a prior from the feature type (country > continent > first-level division > region/sea > capital > county >
  airport > populated place) plus the logarithm of the population, so small towns called Lebanon, Russia or Middle
  East never beat the country or region on name alone;
* how the name matched (own name, alternate name, alias, weak alias such as a county name without "County");
* the article's focus: the share of the other resolved places lying in the candidate's country and first-level
  division ("one focus per article", strong in local news), each place weighted by how clearly it was resolved, so a
  tie between two Walker Counties does not set the focus;
* closeness to the other places of the article (their current readings fully, their other readings half, any reading
  within 30 km fully: "Paris and Henry County" pull each other to Tennessee), and an explicit qualifier
  ("Cottonport, La.").

Same-surface mentions resolve together ("one sense per discourse"). Three rounds: a first pick from the priors, then
re-rankings with the context those picks give. The weights were set by hand on the development halves of LGL,
TR-News and GeoWebNews together (class attributes of ``Resolver``), never per record.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from itertools import pairwise

from ..resources.gazetteer import Candidate, Gazetteer
from ..resources.names import name_key, skeleton
from .context import CONTEXT_CONFIDENCE, context_places

_FEATURE_PRIOR = {
    "PCLI": 9.0, "PCL": 9.0, "PCLD": 8.5, "PCLF": 8.5, "PCLS": 8.5, "PCLIX": 8.0, "TERR": 7.5,
    "CONT": 8.5, "ADM1": 7.0, "RGN": 6.8, "SEA": 7.2, "GULF": 7.2, "STRT": 6.8, "PEN": 6.8, "LKS": 6.8, "OCN": 7.2,
    "STM": 5.0, "MTS": 6.0, "DSRT": 6.0, "LK": 5.0, "CNL": 5.5, "BLDG": 5.5,
    "PPLC": 4.0, "ADM2": 3.0, "AIRP": 2.5, "AIRB": 3.0,
}
_KIND_BONUS = {0: 0.6, 1: 0.0, 2: 0.4, 3: -1.2, 4: -5.0, 5: -6.0}  # 4: alternate name when some place has it as its own
_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)
# Tried only when the full name is unknown: "downtown Pineville" -> "Pineville" (but "West Bank" stays whole).
_QUALIFIER = re.compile(r"^(downtown|central|northern|southern|eastern|western|north|south|east|west|greater|"
                        r"rural|suburban|uptown|midtown|metro|metropolitan)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")
_DOMAIN = re.compile(r"\.(com|co\.uk|org|net|gov|edu|co|uk|ie|au|ca|in|io|tv)\b", re.IGNORECASE)
_SMALL_FEATURES = ("P", "S")
_ENVOY = re.compile(r"\b(embassy|consulate|high commission|mission to)\b")
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,5}$")
_JOINERS = frozenset({"of", "the", "and", "for", "in", "at", "on", "de", "du", "la", "le", "el", "al"})
UNCERTAIN_LABELS = frozenset({"MAYBE"})
# Words that name a place only inside a longer name; alone they are directions or institutions.
GENERIC_WORDS = frozenset({
    "west", "western", "east", "eastern", "north", "northern", "south", "southern", "central", "republic",
    "congress", "senate", "parliament", "government", "state", "city", "county", "capital",
    "downtown", "midwest region", "homeland", "nation", "region", "province", "district", "border", "coast",
    "centre", "center",
})
EARTH_RADIUS_KM = 6371.0
_KEPT_CANDIDATES = 50_000  # (text, label) pairs whose candidates a resolver keeps before it starts over


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def fast_distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Equirectangular approximation: good to a few percent below ~500 km, where nearness is measured."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return EARTH_RADIUS_KM * math.hypot(x, math.radians(lat2 - lat1))


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place mention to resolve: its span, text and (when known) the NER label."""

    start: int
    end: int
    text: str
    label: str | None = None


@dataclass(frozen=True, slots=True)
class Resolved:
    toponym: Toponym
    candidate: Candidate | None
    confidence: float
    reason: str  # "name" | "demonym" | "spelling" | "embedded" | "context" | "no-match" | "not-a-place"
    support: bool = False  # the article's other places agree (same division, nearby, or same-country focus)


def clean_name(text: str) -> str:
    text = text.strip().strip("\"'“”‘’()[],;:")
    text = _POSSESSIVE.sub("", text)
    return _ARTICLE.sub("", text).strip()


def prior(c: Candidate) -> float:
    score = _FEATURE_PRIOR.get(c.fcode, 0.0)
    if c.fclass == "P":
        score += 0.9 * math.log10(c.population + 1)
    elif c.fcode.startswith("PCL"):
        score += 0.1 * math.log10(c.population + 1)
    return score + _KIND_BONUS.get(c.kind, 0.0)


def _demote_namesake_divisions(found: list[Candidate]) -> list[Candidate]:
    """A division named after the city at its centre (Birmingham district, County Dublin) yields to the city: news
    naming "Birmingham" means the city."""
    cities = [c for c in found if c.fclass == "P" and c.kind == 0]
    if not cities:
        return found
    out = []
    for c in found:
        if c.fclass == "A" and c.fcode in ("ADM1", "ADM2") and any(
                p.country == c.country and distance_km(p.lat, p.lon, c.lat, c.lon) < 60 for p in cities):
            c = replace(c, kind=5)
        out.append(c)
    return out


class Resolver:
    """Resolves the toponyms of one article against a ``Gazetteer``."""

    # Weights of the context evidence (see the module doc string).
    w_country = 4.0
    w_admin1 = 5.0
    w_near = 3.0
    near_km = 100.0
    other_weight = 0.5  # weight of another name's readings that are not its current pick
    close_km = 30.0  # readings closer than this count fully, picked or not
    rounds = 3
    certainty_scale = 0.5
    use_context = True  # place names the gazetteer lacks by the article's other places (see ``context``)

    def __init__(self, gazetteer: Gazetteer, *, max_candidates: int = 40) -> None:
        self.gazetteer = gazetteer
        self.max_candidates = max_candidates
        # the candidates of a (text, label), which depend on nothing else: news names the same places again and
        # again, and working them out (lookups, spellings, demonyms, priors) was a third of the stage's time
        self._candidates: dict[tuple[str, str | None], tuple[tuple[Candidate, ...], str]] = {}

    # -- candidates ----------------------------------------------------------------------------------------------

    def candidates(self, text: str, label: str | None = None) -> tuple[list[Candidate], str]:
        """Gazetteer entries ``text`` may name, best prior first, with how they were found."""
        kept = self._candidates.get((text, label))
        if kept is None:
            if len(self._candidates) >= _KEPT_CANDIDATES:
                self._candidates.clear()
            found, reason = self._find_candidates(text, label)
            kept = self._candidates[(text, label)] = (tuple(found), reason)
        return list(kept[0]), kept[1]

    def _find_candidates(self, text: str, label: str | None) -> tuple[list[Candidate], str]:
        if _DOMAIN.search(text):
            return [], "not-a-place"
        name = clean_name(text)
        key = name_key(name)
        if not key or key in GENERIC_WORDS:
            return [], "no-match"
        country = self._demonym_country(key)
        if country is not None:
            return [country], "demonym"
        if label == "NORP":
            return [], "no-match"
        found = list(self.gazetteer.lookup(key))
        reason = "name"
        if not found and _ACRONYM.match(name):
            return [], "no-match"  # "UCLA" is no spelling of Uccle: letters in capitals are matched as written
        if not found:
            stripped = re.sub(r"\s+(county|parish|province|state|city|district|region|governorate|co|twp|"
                              r"township)$", "", key)
            stripped = name_key(_QUALIFIER.sub("", stripped))
            if stripped != key:
                found = list(self.gazetteer.lookup(stripped))
        if not found:
            found = list(self.gazetteer.lookup_skeleton(skeleton(key)))
            reason = "spelling"
        if not found and len(key) >= 6:
            found = self._typo_candidates(key)
        if not found and " " in key:
            found = self._embedded_candidates(key, name)
            reason = "embedded" if found else reason
        if not found:
            return [], "no-match"
        if any(c.kind == 0 for c in found):
            # A place's own name beats another place's alternate or historical name (Philadelphia vs Amman).
            found = [c if c.kind != 1 else replace(c, kind=4) for c in found]
        found = _demote_namesake_divisions(found)
        found.sort(key=prior, reverse=True)
        return found[: self.max_candidates], reason

    def _embedded_candidates(self, key: str, name: str = "") -> list[Candidate]:
        """The place inside a longer name nothing else matches ("University of California", "Walker County
        Sheriff's Office", "Dubai World Trade Centre"): the longest run of words that is a place's own name."""
        words = key.split()
        if _ENVOY.search(key):
            return []  # "Russian Embassy": the state it represents, not where it is
        for n in range(len(words) - 1, 0, -1):
            for i in range(len(words) - n + 1):
                sub = " ".join(words[i:i + n])
                if sub in GENERIC_WORDS or words[i] in _JOINERS or words[i + n - 1] in _JOINERS or (
                        len(sub) < 3 and n > 1):
                    continue
                demonym = self._demonym_country(sub)
                if demonym is not None:
                    return [demonym]
                if n == 1:
                    # One word inside a name ("Hard Rock", "Emirates Stadium") is a place only when it is a
                    # well-known one under its own name, or a country's short name ("US Federal Reserve").
                    # A country's short form counts in capitals only: "US Federal Reserve", not "Us Weekly" or
                    # "Emirates Stadium".
                    capitals = re.search(rf"\b{re.escape(sub.upper())}\b", name) is not None
                    own = [c for c in self.gazetteer.lookup(sub) if c.fcode != "CONT" and (
                        (c.kind == 0 and len(sub) >= 3) or (c.kind == 2 and capitals and c.fcode.startswith("PCL")))]
                    if any(c.fclass in ("A", "L", "H", "T") or c.population >= 100_000 for c in own):
                        # Well known, so a place; which one is for the context to say (Vienna, Virginia
                        # in an article about Manassas).
                        hits = [c for c in own if c.fclass in ("A", "L", "H", "T", "S") or c.population >= 1000]
                    else:
                        hits = []
                else:
                    hits = [c for c in self.gazetteer.lookup(sub) if c.kind in (0, 2) and c.fcode != "CONT"
                            and (c.fclass != "P" or c.population >= 1000)]
                if hits:
                    return hits
        return []

    def _typo_candidates(self, key: str) -> list[Candidate]:
        """One extra letter ("Baghadad airport"): accepted only for well-known places, where typos are unambiguous."""
        out: dict[int, Candidate] = {}
        for i in range(len(key)):
            if key[i] == " ":
                continue
            for c in self.gazetteer.lookup(key[:i] + key[i + 1:]):
                if c.kind in (0, 2) and (c.population >= 100_000 or c.fclass in ("A", "S", "L", "H")):
                    out[c.pid] = c
        return list(out.values())

    def _demonym_country(self, key: str) -> Candidate | None:
        target = self.gazetteer.demonym(key)
        if target is None and key.endswith("s"):
            target = self.gazetteer.demonym(key[:-1])
        if not target:
            return None
        if target.startswith("="):
            named = sorted(self.gazetteer.lookup(target[1:]), key=prior, reverse=True)
            return named[0] if named else None
        return self.gazetteer.country_place(target)

    # -- ranking -------------------------------------------------------------------------------------------------

    def resolve(self, toponyms: Sequence[Toponym], text: str | None = None) -> list[Resolved]:
        """Resolve all toponyms of one article together. ``text`` (the article) enables qualifier detection."""
        groups: dict[str, list[int]] = defaultdict(list)
        cands: dict[str, list[Candidate]] = {}
        reasons: dict[str, str] = {}
        for i, t in enumerate(toponyms):
            key = name_key(clean_name(t.text)) + ("#norp" if t.label == "NORP" else "")
            groups[key].append(i)
            if key not in cands:
                cands[key], reasons[key] = self.candidates(t.text, t.label)
        # Names only the weak evidence calls places (extract labels them MAYBE) take context but give none.
        uncertain = {k for k, idx in groups.items() if all(toponyms[i].label in UNCERTAIN_LABELS for i in idx)}
        qualifiers = self._qualifiers(toponyms, text, groups)
        picks: dict[str, Candidate | None] = {k: (v[0] if v else None) for k, v in cands.items()}
        scores: dict[str, list[float]] = {k: [prior(c) for c in v] for k, v in cands.items()}
        # Small features only (towns, sites, counties), the best few readings of each name: what nearness is about.
        local = {k: [c for c in v[:15] if c.fclass in _SMALL_FEATURES or c.fcode == "ADM2"] for k, v in cands.items()
                 if k not in uncertain}
        nearby = _Nearby(self, local)  # this article's distances, worked out once for all rounds
        for _ in range(self.rounds):
            focus_country, focus_admin1 = self._focus(picks, scores, groups, uncertain)
            new_picks: dict[str, Candidate | None] = {}
            for key, options in cands.items():
                if len(options) <= 1:
                    new_picks[key] = options[0] if options else None
                    continue
                scores[key] = [
                    self._score(c, key, picks, focus_country, focus_admin1, qualifiers.get(key, ()), nearby, j)
                    for j, c in enumerate(options)
                ]
                best = max(range(len(options)), key=lambda j: scores[key][j])
                new_picks[key] = options[best]
            picks = new_picks
        focus_country, focus_admin1 = self._focus(picks, scores, groups, uncertain)
        placed = context_places(toponyms, text, groups, picks, reasons, uncertain, GENERIC_WORDS) \
            if self.use_context else {}
        out: list[Resolved] = []
        for key, indexes in groups.items():
            best_c = picks[key]
            conf = self._confidence(scores.get(key, []), best_c is not None)
            if reasons[key] in ("embedded", "spelling"):
                conf = round(conf * 0.6, 3)  # a place named inside or near the mention, not by it
            if key in placed:
                best_c, conf, reasons[key] = placed[key], CONTEXT_CONFIDENCE, "context"
            support = best_c is not None and self._supported(best_c, key, picks, focus_country, focus_admin1,
                                                             uncertain, scores)
            for i in indexes:
                out.append(Resolved(toponyms[i], best_c, conf if best_c else 0.0,
                                    reasons[key] if best_c else reasons[key] if reasons[key] != "name" else "no-match",
                                    support))
        out.sort(key=lambda r: (r.toponym.start, r.toponym.end))
        return out

    @staticmethod
    def _confidence(values: list[float], found: bool) -> float:
        if not found:
            return 0.0
        if len(values) <= 1:
            return 0.9
        top = sorted(values, reverse=True)
        margin = top[0] - top[1]
        return round(1.0 / (1.0 + math.exp(-margin)), 3)

    def _supported(self, c: Candidate, key: str, picks: dict[str, Candidate | None],
                   focus_country: dict[str, dict[str, float]], focus_admin1: dict[str, dict[str, float]],
                   uncertain: AbstractSet[str], scores: dict[str, list[float]]) -> bool:
        """Whether the other (certain) places agree with this reading: same division as a good share of them,
        within ~75 km of one, or a country/division-level reading in the article's main country."""
        if key not in uncertain or c.fcode.startswith("PCL"):
            return True  # a country name is a place even when the model called it an organisation ("U.S.")
        if not any(k not in uncertain and p is not None for k, p in picks.items()):
            # No other place to agree with: only an unambiguous, sizeable place.
            conf = self._confidence(scores.get(key, []), True)
            return conf >= 0.8 and (c.fclass == "A" or c.population >= 20_000)
        if c.admin1 and focus_admin1.get(key, {}).get(f"{c.country}.{c.admin1}", 0.0) >= 0.3:
            return True
        if c.fclass == "A" and focus_country.get(key, {}).get(c.country or "", 0.0) >= 0.5:
            return True
        return any(k not in uncertain and k != key and p is not None and p.fclass in ("P", "S", "A")
                   and not p.fcode.startswith("PCL") and fast_distance_km(c.lat, c.lon, p.lat, p.lon) < 75
                   for k, p in picks.items())

    @staticmethod
    def _certainty(values: list[float]) -> float:
        """How clearly a name's best reading beats its second (1 for a single reading): a tie of two Walker
        Counties should not set the article's focus."""
        if len(values) <= 1:
            return 1.0
        top = sorted(values, reverse=True)
        return max(0.1, math.tanh((top[0] - top[1]) / 2 * Resolver.certainty_scale))

    @staticmethod
    def _focus(picks: dict[str, Candidate | None], scores: dict[str, list[float]], groups: dict[str, list[int]],
               uncertain: AbstractSet[str] = frozenset()) -> tuple[dict[str, dict[str, float]],
                                                                   dict[str, dict[str, float]]]:
        """Per name key: the country and division shares of the *other* picks (each weighted by its mentions)."""
        country_w: dict[str, float] = defaultdict(float)
        admin_w: dict[str, float] = defaultdict(float)
        contrib: dict[str, tuple[str | None, str | None, float]] = {}
        total = 0.0
        for key, c in picks.items():
            # Regions and seas span several countries: they say little about the article's focus.
            if c is None or c.fclass not in ("A", "P", "S") or key in uncertain:
                continue
            w = float(len(groups[key])) * Resolver._certainty(scores.get(key, []))
            country_w[c.country or ""] += w
            adm = f"{c.country}.{c.admin1}" if c.admin1 else None
            if adm:
                admin_w[adm] += w
            contrib[key] = (c.country, adm, w)
            total += w
        focus_country: dict[str, dict[str, float]] = {}
        focus_admin1: dict[str, dict[str, float]] = {}
        for key in picks:
            country, adm, w = contrib.get(key, (None, None, 0.0))
            rest = total - w
            if rest <= 0:
                focus_country[key], focus_admin1[key] = {}, {}
                continue
            fc = {k: (v - (w if k == (country or "") else 0.0)) / rest for k, v in country_w.items()}
            fa = {k: (v - (w if k == adm else 0.0)) / rest for k, v in admin_w.items()}
            focus_country[key], focus_admin1[key] = fc, fa
        return focus_country, focus_admin1

    def _score(self, c: Candidate, key: str, picks: dict[str, Candidate | None],
               focus_country: dict[str, dict[str, float]],
               focus_admin1: dict[str, dict[str, float]], qualifiers: Sequence[str],
               nearby: _Nearby, index: int) -> float:
        """``c``, the ``index``-th reading of the name ``key``, scored in the current round."""
        score = prior(c)
        fc = focus_country.get(key, {})
        score += self.w_country * fc.get(c.country or "", 0.0)
        if c.admin1:
            score += self.w_admin1 * focus_admin1.get(key, {}).get(f"{c.country}.{c.admin1}", 0.0)
        if c.fclass in _SMALL_FEATURES or c.fcode == "ADM2":
            score += min(nearby.nearness(c, key, index, picks), self.w_near)
        for q in qualifiers:
            if q == c.country or q == f"{c.country}.{c.admin1}":
                score += 4.0
        return score

    def _qualifiers(self, toponyms: Sequence[Toponym], text: str | None,
                    groups: dict[str, list[int]]) -> dict[str, tuple[str, ...]]:
        """'Cottonport, La.' -> the key of Cottonport is qualified by Louisiana (its best admin1/country reading)."""
        if not text:
            return {}
        order = sorted(range(len(toponyms)), key=lambda i: toponyms[i].start)
        index_key: dict[int, str] = {i: k for k, idx in groups.items() for i in idx}
        out: dict[str, set[str]] = defaultdict(set)
        for a, b in pairwise(order):
            ta, tb = toponyms[a], toponyms[b]
            between = text[ta.end:tb.start]
            if between.strip() != ",":
                continue
            options, _ = self.candidates(tb.text, tb.label)
            for c in options[:3]:
                if c.fcode == "ADM1" and c.admin1:
                    out[index_key[a]].add(f"{c.country}.{c.admin1}")
                elif c.fcode.startswith("PCL") and c.country:
                    out[index_key[a]].add(c.country)
        return {k: tuple(v) for k, v in out.items()}


class _Nearby:
    """Closeness to the other places: for each other name, its current pick counts fully and its other readings
    half, so two names that fit together ("Paris and Henry County") pull each other out of a wrong first pick.

    One article's nearness evidence: for a reading of a name, the other names' small
    readings within reach (4 ``near_km``), with their distance weights and whether they are close. Distances do not
    change between the resolution rounds (only the picks do), so each reading's are worked out once, on first use,
    and then read again each round. Lives for one ``resolve`` call (one article): keyed by (name key, reading's
    place in the name's options), nothing outlives the article."""

    def __init__(self, resolver: Resolver, local: dict[str, list[Candidate]]) -> None:
        self.resolver, self.local = resolver, local
        self._reach: dict[tuple[str, int], list[list[tuple[Candidate, float, bool]]]] = {}

    def _within(self, c: Candidate, key: str) -> list[list[tuple[Candidate, float, bool]]]:
        near_km, close_km = self.resolver.near_km, self.resolver.close_km
        out = []
        for other_key, options in self.local.items():
            if other_key == key:
                continue
            reach = []
            for o in options:
                d = fast_distance_km(c.lat, c.lon, o.lat, o.lon)
                if d < 4 * near_km:
                    reach.append((o, math.exp(-d / near_km), d < close_km))
            out.append(reach)
        return out

    def nearness(self, c: Candidate, key: str, index: int, picks: dict[str, Candidate | None]) -> float:
        """Nearness of ``c`` (the ``index``-th reading of ``key``) to the other names' readings with these picks."""
        within = self._reach.get((key, index))
        if within is None:
            within = self._reach[(key, index)] = self._within(c, key)
        other = self.resolver.other_weight
        others = (k for k in self.local if k != key)
        near = 0.0
        for other_key, reach in zip(others, within, strict=True):
            pick = picks.get(other_key)
            best = 0.0
            for o, weight, close in reach:
                best = max(best, weight * (1.0 if o is pick or close else other))
            near += best
        return near
