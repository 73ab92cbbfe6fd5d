"""The one builder of event filter clauses, shared by the CLI listings, the store's queries and the HTTP API.

Both event tables (``events``, per article, and ``merged_events``) name their columns the same way (their specs share
the CAMEO, actor and place columns), so one :class:`EventFilter` turns into SQL for either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..config import DEFAULT_MIN_CONFIDENCE
from ..errors import InputError
from ..records import MODALITIES, QUAD_CLASSES


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to keep. Every field is optional; set fields are combined with AND.

    ``actor``/``source``/``target``: ``USA`` (three capitals) a country or code prefix; ``USAGOV`` (capitals and
    digits) an actor code prefix; anything else a part of the actor's name (or text), or its entity id.
    ``root`` is a CAMEO root ("19"; "4" means "04"), ``code`` a code prefix ("190"). ``country`` (ISO3 or ISO2)
    matches either actor or the place. ``place`` a part of the place name, or a GeoNames id.
    ``bbox`` is (min_lon, min_lat, max_lon, max_lat) and may cross the antimeridian.
    ``min_confidence``: events below it are left out; None (not given) is the documented default,
    :data:`~wirescope.config.DEFAULT_MIN_CONFIDENCE`, so a caller that asks nothing sees the events the verifier
    keeps, and 0 shows every stored candidate.
    """

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    country: str | None = None
    code: str | None = None
    root: str | None = None
    quad_class: tuple[int, ...] = ()
    since: date | None = None
    until: date | None = None
    place: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    min_confidence: float | None = None
    modality: tuple[str, ...] = ()
    article_id: str | None = None  # an article id prefix (``first_article`` for merged events)

    def __post_init__(self) -> None:
        bad = [m for m in self.modality if m not in MODALITIES]
        if bad:
            raise InputError("modality", f"unknown modality {bad}; choose from {', '.join(MODALITIES)}")
        if any(q not in QUAD_CLASSES for q in self.quad_class):
            raise InputError("quad_class", f"quad_class must be 1, 2, 3 or 4, not {list(self.quad_class)}")
        if self.min_confidence is not None and not 0.0 <= self.min_confidence <= 1.0:
            raise InputError("min_confidence", f"min_confidence must be in [0, 1], not {self.min_confidence}")

    @property
    def confidence_floor(self) -> float:
        """The confidence an event needs: the caller's ``min_confidence``, else the default threshold."""
        return DEFAULT_MIN_CONFIDENCE if self.min_confidence is None else self.min_confidence


@dataclass(slots=True)
class Where:
    """Conditions and their parameters, joined with AND."""

    conditions: list[str]
    params: list[Any]

    def add(self, condition: str, *params: Any) -> None:
        self.conditions.append(condition)
        self.params.extend(params)

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(f"({c})" for c in self.conditions)) if self.conditions else ""


def iso3(code: str) -> str:
    """ISO 3166 alpha-3 for an alpha-3 or alpha-2 code."""
    code = code.upper()
    if len(code) == 3:
        return code
    import pycountry

    found = pycountry.countries.get(alpha_2=code)
    if found is None:
        raise InputError("country", f"unknown country code {code!r}; use ISO 3166 alpha-3 such as IRN")
    return str(found.alpha_3)


def actor_condition(side: str, value: str, alias: str = "") -> tuple[str, list[Any]]:
    """Match one side (``source`` or ``target``) of an event; see :class:`EventFilter`."""
    p = alias
    if re.fullmatch(r"[A-Z]{3}", value):
        return f"{p}{side}_country = ? OR starts_with({p}{side}_code, ?)", [value, value]
    if re.fullmatch(r"[A-Z0-9]{4,}", value):
        return f"starts_with({p}{side}_code, ?)", [value]
    return (
        f"contains(lower(coalesce({p}{side}_name, {p}{side}_text)), ?) OR {p}{side}_entity_id = ?",
        [value.lower(), value],
    )


def event_where(f: EventFilter, *, alias: str = "", article_column: str = "article_id") -> Where:
    """The clauses of ``f`` over an event table (aliased ``alias``, e.g. "t.")."""
    w = Where([], [])
    _actors(w, f, alias)
    _codes(w, f, alias)
    _places(w, f, alias)
    if f.since:
        w.add(f"{alias}date >= ?", f.since)
    if f.until:
        w.add(f"{alias}date <= ?", f.until)
    if f.confidence_floor > 0:  # applied at read time: every candidate is stored with its confidence
        w.add(f"{alias}confidence >= ?", f.confidence_floor)
    if f.modality:
        w.add(f"{alias}modality IN ({', '.join('?' * len(f.modality))})", *f.modality)
    if f.article_id:
        w.add(f"starts_with({alias}{article_column}, ?)", f.article_id)
    return w


def _actors(w: Where, f: EventFilter, p: str) -> None:
    if f.actor:
        s_cond, s_params = actor_condition("source", f.actor, p)
        t_cond, t_params = actor_condition("target", f.actor, p)
        w.add(f"({s_cond}) OR ({t_cond})", *s_params, *t_params)
    for side, value in (("source", f.source), ("target", f.target)):
        if value:
            cond, params = actor_condition(side, value, p)
            w.add(cond, *params)
    if f.country:
        code = iso3(f.country)
        w.add(f"{p}source_country = ? OR {p}target_country = ? OR {p}place_country3 = ?", code, code, code)


def _codes(w: Where, f: EventFilter, p: str) -> None:
    if f.code:
        w.add(f"starts_with({p}code, ?)", f.code)
    if f.root:
        w.add(f"{p}root_code = ?", f.root.zfill(2))
    if f.quad_class:
        w.add(f"{p}quad_class IN ({', '.join('?' * len(f.quad_class))})", *f.quad_class)


def _places(w: Where, f: EventFilter, p: str) -> None:
    if f.place:
        if f.place.isdigit():
            w.add(f"{p}place_geonameid = ?", int(f.place))
        else:
            w.add(f"contains(lower(coalesce({p}place_name, '')), lower(?))", f.place)
    if f.bbox:
        min_lon, min_lat, max_lon, max_lat = f.bbox
        lat, lon = f"{p}place_lat", f"{p}place_lon"
        if min_lon <= max_lon:
            w.add(f"{lat} BETWEEN ? AND ? AND {lon} BETWEEN ? AND ?", min_lat, max_lat, min_lon, max_lon)
        else:  # the box crosses the antimeridian
            w.add(f"{lat} BETWEEN ? AND ? AND ({lon} >= ? OR {lon} <= ?)", min_lat, max_lat, min_lon, max_lon)
