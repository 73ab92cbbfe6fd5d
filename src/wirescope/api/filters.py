"""The event filters of the event list, the map, the network, the dyads and the merged events: query parameters
parsed into the store's :class:`~wirescope.store.filters.EventFilter` (the one where-clause builder)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import Query

from ..config import DEFAULT_MIN_CONFIDENCE
from ..errors import InputError
from ..records import EVENT_TIMINGS, MODALITIES
from ..store.filters import EventFilter, event_where, iso3
from ..store.places import PRECISIONS, precision_condition
from .db import Database
from .errors import ApiError
from .paging import Key, newest_first
from .paging import Query as Q
from .views import filter_story


@dataclass(frozen=True, slots=True)
class EventFilters:
    """The store's filter plus the story (which needs the story tables), the country the event is located in (its
    place's, not its actors') and the place precisions to keep."""

    events: EventFilter
    story: str | None = None
    located_in: str | None = None  # ISO3
    precision: tuple[str, ...] = ()
    timing: tuple[str, ...] = ("current",)  # () for every timing


def event_filters(
    actor: Annotated[
        str | None,
        Query(max_length=200, description="source or target: name part, code prefix (USAGOV, IRN) or entity id"),
    ] = None,
    source: Annotated[str | None, Query(max_length=200, description="source actor (as actor)")] = None,
    target: Annotated[str | None, Query(max_length=200, description="target actor (as actor)")] = None,
    country: Annotated[
        str | None, Query(pattern=r"^[A-Za-z]{2,3}$", description="ISO3 (or ISO2) country of either actor or the place")
    ] = None,
    code: Annotated[str | None, Query(pattern=r"^\d{2,4}$", description="CAMEO code or code prefix")] = None,
    root: Annotated[str | None, Query(pattern=r"^\d{1,2}$", description="CAMEO root code, 01-20")] = None,
    quad_class: Annotated[list[int] | None, Query(description="1-4, repeatable")] = None,
    since: date | None = None,
    until: date | None = None,
    place: Annotated[str | None, Query(max_length=200, description="place name part or GeoNames id")] = None,
    bbox: Annotated[str | None, Query(max_length=200, description="min_lon,min_lat,max_lon,max_lat")] = None,
    story: Annotated[str | None, Query(max_length=100)] = None,
    min_confidence: Annotated[float, Query(
        ge=0, le=1, description="only events with at least this confidence (the verifier's calibrated probability "
        f"that the event is right); by default {DEFAULT_MIN_CONFIDENCE}, the documented threshold; 0 shows every "
        "stored candidate")] = DEFAULT_MIN_CONFIDENCE,
    modality: Annotated[list[str] | None, Query(description=", ".join(MODALITIES) + "; repeatable")] = None,
    article_id: Annotated[str | None, Query(max_length=64)] = None,
    located_in: Annotated[str | None, Query(
        pattern=r"^[A-Za-z]{2,3}$", description="ISO3 (or ISO2) country where the event took place (its place's "
        "country; unlike `country`, the actors' countries do not count)")] = None,
    precision: Annotated[list[str] | None, Query(
        description="how precisely the event is located, repeatable: place (a city, village, site), admin (an "
        "administrative area) or country (only the country: drawn on its centroid)")] = None,
    timing: Annotated[list[str] | None, Query(
        description="news of the day or not, repeatable: current (the default), historical (background dated before "
        "its article's window), planned (announced for after it), or all")] = None,
) -> EventFilters:
    try:
        f = EventFilter(
            actor=actor, source=source, target=target, country=country.upper() if country else None, code=code,
            root=root.zfill(2) if root else None, quad_class=tuple(quad_class or ()), since=since, until=until,
            place=place, bbox=_bbox(bbox), min_confidence=min_confidence,
            modality=tuple(m.lower() for m in modality or ()), article_id=article_id,
        )
        located = iso3(located_in) if located_in else None
    except InputError as exc:
        item = "located_in" if exc.item == "country" else exc.item  # the country filter is checked later
        raise ApiError(400, f"bad_{item}", exc.reason) from exc
    bad = [p for p in precision or () if p not in PRECISIONS]
    if bad:
        raise ApiError(400, "bad_precision", f"unknown precision {bad}; choose from {', '.join(PRECISIONS)}")
    return EventFilters(f, story, located, tuple(dict.fromkeys(precision or ())), _timing(timing))


def _timing(values: list[str] | None) -> tuple[str, ...]:
    """The timings asked for: current news by default (flagged background never shows as news), () for all."""
    asked = tuple(dict.fromkeys(values or ("current",)))
    if "all" in asked:
        return ()
    bad = [t for t in asked if t not in EVENT_TIMINGS]
    if bad:
        raise ApiError(400, "bad_timing", f"unknown timing {bad}; choose from {', '.join(EVENT_TIMINGS)} or all")
    return asked


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    try:
        parts = tuple(float(p) for p in value.split(","))
    except ValueError:
        parts = ()
    if len(parts) != 4 or not (
        -180 <= parts[0] <= 180 and -180 <= parts[2] <= 180 and -90 <= parts[1] <= parts[3] <= 90
    ):
        raise ApiError(400, "bad_bbox", f"bbox must be min_lon,min_lat,max_lon,max_lat in degrees, not {value!r}")
    return parts[0], parts[1], parts[2], parts[3]


def apply(db: Database, q: Q, f: EventFilters, *, article_column: str = "article_id") -> None:
    """Add the filters' conditions to ``q`` over an event table aliased ``t``."""
    try:
        where = event_where(f.events, alias="t.", article_column=article_column)
    except InputError as exc:  # an unknown ISO2 country
        raise ApiError(400, f"bad_{exc.item}", exc.reason) from exc
    for condition in where.conditions:
        q.where.append(condition)
    q.params.extend(where.params)
    if f.story:
        filter_story(db, q, f.story, f"t.{article_column}")
    if f.located_in:
        q.add("t.place_country3 = ?", f.located_in)
    if f.precision and set(f.precision) != set(PRECISIONS):
        if article_column != "article_id":  # merged events keep no place feature
            raise ApiError(400, "bad_precision", "the place precision filter applies to article events only")
        q.add(precision_condition("t.place_feature", f.precision))
    if f.timing and article_column == "article_id":  # merged events are built from current events only
        q.add(f"coalesce(t.timing, 'current') IN ({', '.join('?' * len(f.timing))})", *f.timing)


def event_keys() -> tuple[Key, ...]:
    """Newest first, then by article and event number: the order of the event list (every key non-NULL)."""
    return newest_first("t.date"), Key("t.article_id"), Key("t.idx")
