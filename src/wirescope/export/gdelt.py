"""GDELT Event 2.0 (61 columns) and Mentions (16 columns) tab-separated exports of the merged events.

Column mapping (also in docs/exports.md): our ids go in GLOBALEVENTID (strings such as ``e1a2b...``, not GDELT's
integers); dates come from the merged event's date; actors from its representative source/target (code split into
country, known group and up to three role codes); counts from the merge; the action location from the event's
resolved place (GeoNames id in the FeatureID column, ISO 3166 alpha-3 country in the CountryCode column where
GDELT has FIPS 10-4); DATEADDED is the first-seen publication date at 00:00:00; SOURCEURL the first article's URL or,
without one, ``wirescope:article/<id>``. Fields we do not produce (AvgTone, actor geography, ethnic and religion
codes, ADM1/ADM2) are empty.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

from ..aggregate.merge import EventMention, MergedEvent
from ..aggregate.tables import EVENT_MENTIONS, MERGED_EVENTS
from ..errors import StoreError
from ..nlp.coding.actor_codes import split_code
from ..records import Actor, Place
from ..store.spec import TableSpec, select_list

EVENT_FIELDS = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
)
MENTION_FIELDS = (
    "GLOBALEVENTID",
    "EventTimeDate",
    "MentionTimeDate",
    "MentionType",
    "MentionSourceName",
    "MentionIdentifier",
    "SentenceID",
    "Actor1CharOffset",
    "Actor2CharOffset",
    "ActionCharOffset",
    "InRawText",
    "Confidence",
    "MentionDocLen",
    "MentionDocTone",
    "MentionDocTranslationInfo",
    "Extras",
)
# Non-state CAMEO actor prefixes: the code's next three letters are the known group (IGOUNO -> IGO + UNO).
_GROUP_PREFIXES = ("IGO", "NGO", "IMG", "MNC", "NGM")


def _s(value: Any) -> str:
    return "" if value is None else str(value)


def _ymd(day: date | None) -> str:
    return day.strftime("%Y%m%d") if day else ""


def actor_fields(actor: Actor | None) -> list[str]:
    """Actor<N>Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1, Religion2, Type1..3.

    The code is split into country and roles by the actor coder's own rule (``split_code``); a non-state prefix
    (IGO, NGO, ...) is followed by its known group (IGOUNO: group UNO, type IGO)."""
    if actor is None or not (actor.code or actor.name or actor.text):
        return [""] * 10
    country, roles = split_code(actor.code)
    country = actor.country or country
    known = ""
    if len(roles) > 1 and roles[0] in _GROUP_PREFIXES:
        known, roles = roles[1], (roles[0], *roles[2:])
    types = [*roles[:3], *[""] * (3 - len(roles[:3]))]
    name = (actor.name or actor.text or "").upper()
    return [(actor.code or "").upper(), name, _s(country), known, "", "", "", *types]


def geo_fields(place: Place | None) -> list[str]:
    """ActionGeo Type, FullName, CountryCode, ADM1, ADM2, Lat, Long, FeatureID."""
    if place is None or (place.name is None and place.lat is None):
        return [""] * 8
    if place.geonameid is None and place.lat is None:
        kind = ""
    elif place.country3 == "USA":
        kind = "3"
    else:
        kind = "4"
    return [kind, _s(place.name), _s(place.country3), "", "", _s(place.lat), _s(place.lon), _s(place.geonameid)]


def event_row(e: MergedEvent) -> list[str]:
    day = e.date
    fraction = f"{day.year + (day.month * 30 + day.day) / 365:.4f}" if day else ""
    return [
        e.id,
        _ymd(day),
        day.strftime("%Y%m") if day else "",
        str(day.year) if day else "",
        fraction,
        *actor_fields(e.source),
        *actor_fields(e.target),
        "1" if e.is_root_event else "0",
        e.code,
        e.base_code,
        e.root_code,
        str(e.quad_class),
        str(e.goldstein),
        str(e.num_mentions),
        str(e.num_sources),
        str(e.num_articles),
        "",
        *([""] * 8),
        *([""] * 8),
        *geo_fields(e.place),
        (_ymd(e.first_seen) + "000000") if e.first_seen else "",
        e.first_url or f"wirescope:article/{e.first_article}",
    ]


def mention_row(m: EventMention, event_added: date | None) -> list[str]:
    return [
        m.event_id,
        (_ymd(event_added) + "000000") if event_added else "",
        (_ymd(m.published) + "000000") if m.published else "",
        "1" if m.url else "2",
        m.source_key,
        m.url or f"wirescope:article/{m.article_id}",
        # the title given apart from the text is sentence 0 (GDELT counts the text's sentences from 1); its
        # offsets are into the title, not the document, so they are left out
        str(m.sentence + 1),
        _s(m.source_start) if m.sentence >= 0 else "",
        _s(m.target_start) if m.sentence >= 0 else "",
        str(m.trigger_start) if m.trigger_start is not None and m.trigger_start >= 0 and m.sentence >= 0 else "",
        "1",
        str(round(100 * float(m.confidence))),
        _s(m.doc_length),
        "",
        "",
        f"wirescope_article={m.article_id}" + (f";duplicate_of={m.duplicate_of}" if m.duplicate_of else ""),
    ]


def _records(con: duckdb.DuckDBPyConnection, spec: TableSpec, sql: str) -> Iterator[tuple[Any, dict[str, Any]]]:
    """(record, row) pairs of a query over ``spec``'s table (aliased ``t``), in batches."""
    try:
        cur = con.execute(sql.format(columns=select_list(spec, "t")))
    except duckdb.CatalogException as exc:
        raise StoreError(f"no aggregate tables to export ({exc}); run `wirescope aggregate` first") from exc
    names = [d[0] for d in cur.description or []]
    while batch := cur.fetchmany(10_000):
        for values in batch:
            row = dict(zip(names, values, strict=True))
            yield spec.record_of(row), row


def _write(path: Path, header: tuple[str, ...] | None, rows: Iterator[list[str]]) -> tuple[Path, int]:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        # GDELT files are bare TSV (no quoting); tabs and newlines inside values become spaces.
        if header:
            fh.write("\t".join(header) + "\n")
        for row in rows:
            fh.write("\t".join(v.replace("\t", " ").replace("\n", " ").replace("\r", " ") for v in row) + "\n")
            count += 1
    return path, count


def write_gdelt_events(con: duckdb.DuckDBPyConnection, path: Path, *, header: bool = False) -> tuple[Path, int]:
    """The merged events as a GDELT Event 2.0 export file (no header, like GDELT's, unless ``header``)."""
    found = _records(con, MERGED_EVENTS, "SELECT {columns} FROM merged_events t ORDER BY t.date NULLS LAST, t.id")
    return _write(path, EVENT_FIELDS if header else None, (event_row(e) for e, _ in found))


def write_gdelt_mentions(con: duckdb.DuckDBPyConnection, path: Path, *, header: bool = False) -> tuple[Path, int]:
    """The event mentions as a GDELT Mentions file."""
    sql = (
        "SELECT {columns}, e.first_seen AS event_first_seen FROM event_mentions t JOIN merged_events e "
        "ON e.id = t.event_id ORDER BY t.event_id, t.published NULLS LAST, t.article_id, t.sentence"
    )
    rows = (mention_row(m, row["event_first_seen"]) for m, row in _records(con, EVENT_MENTIONS, sql))
    return _write(path, MENTION_FIELDS if header else None, rows)
