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

from ..errors import StoreError

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


def actor_fields(code: str | None, name: str | None, text: str | None, country: str | None) -> list[str]:
    """Actor<N>Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1, Religion2, Type1..3."""
    if not code and not name and not text:
        return [""] * 10
    code = (code or "").upper()
    known = ""
    rest = code
    if country and code.startswith(country):
        rest = code[len(country) :]
    elif code[:3] in _GROUP_PREFIXES:
        known, rest = code[3:6], code[:3] + code[6:]
    elif len(code) >= 3 and not country:
        rest = code[3:]
        country = code[:3] if code[:3].isalpha() else None
    types = [rest[i : i + 3] for i in range(0, len(rest), 3) if len(rest[i : i + 3]) == 3][:3]
    types += [""] * (3 - len(types))
    return [code, (name or text or "").upper(), _s(country), known, "", "", "", *types]


def geo_fields(
    name: str | None, country3: str | None, lat: float | None, lon: float | None, geonameid: int | None
) -> list[str]:
    """ActionGeo Type, FullName, CountryCode, ADM1, ADM2, Lat, Long, FeatureID."""
    if name is None and lat is None:
        return [""] * 8
    if geonameid is None and lat is None:
        kind = ""
    elif country3 == "USA":
        kind = "3"
    else:
        kind = "4"
    return [kind, _s(name), _s(country3), "", "", _s(lat), _s(lon), _s(geonameid)]


def event_row(r: dict[str, Any]) -> list[str]:
    day: date | None = r["date"]
    fraction = f"{day.year + (day.month * 30 + day.day) / 365:.4f}" if day else ""
    first_seen: date | None = r["first_seen"]
    return [
        r["id"],
        _ymd(day),
        day.strftime("%Y%m") if day else "",
        str(day.year) if day else "",
        fraction,
        *actor_fields(r["source_code"], r["source_name"], r["source_text"], r["source_country"]),
        *actor_fields(r["target_code"], r["target_name"], r["target_text"], r["target_country"]),
        "1" if r["is_root_event"] else "0",
        r["code"],
        r["base_code"],
        r["root_code"],
        str(r["quad_class"]),
        str(r["goldstein"]),
        str(r["num_mentions"]),
        str(r["num_sources"]),
        str(r["num_articles"]),
        "",
        *([""] * 8),
        *([""] * 8),
        *geo_fields(r["place_name"], r["place_country3"], r["place_lat"], r["place_lon"], r["place_geonameid"]),
        (_ymd(first_seen) + "000000") if first_seen else "",
        r["first_url"] or f"wirescope:article/{r['first_article']}",
    ]


def mention_row(r: dict[str, Any]) -> list[str]:
    event_added = r["event_first_seen"]
    published = r["published"]
    return [
        r["event_id"],
        (_ymd(event_added) + "000000") if event_added else "",
        (_ymd(published) + "000000") if published else "",
        "1" if r["url"] else "2",
        r["source_key"],
        r["url"] or f"wirescope:article/{r['article_id']}",
        str(r["sentence"] + 1),
        _s(r["source_start"]),
        _s(r["target_start"]),
        str(r["trigger_start"]) if r["trigger_start"] is not None and r["trigger_start"] >= 0 else "",
        "1",
        str(round(100 * float(r["confidence"]))),
        _s(r["doc_length"]),
        "",
        "",
        f"wirescope_article={r['article_id']}" + (f";duplicate_of={r['duplicate_of']}" if r["duplicate_of"] else ""),
    ]


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> Iterator[dict[str, Any]]:
    try:
        cur = con.execute(sql)
    except duckdb.CatalogException as exc:
        raise StoreError(f"no aggregate tables to export ({exc}); run `wirescope aggregate` first") from exc
    names = [d[0] for d in cur.description or []]
    while batch := cur.fetchmany(10_000):
        for values in batch:
            yield dict(zip(names, values, strict=True))


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
    rows = (event_row(r) for r in _rows(con, "SELECT * FROM merged_events ORDER BY date NULLS LAST, id"))
    return _write(path, EVENT_FIELDS if header else None, rows)


def write_gdelt_mentions(con: duckdb.DuckDBPyConnection, path: Path, *, header: bool = False) -> tuple[Path, int]:
    """The event mentions as a GDELT Mentions file."""
    sql = (
        "SELECT m.*, e.first_seen AS event_first_seen FROM event_mentions m JOIN merged_events e ON e.id = m.event_id "
        "ORDER BY m.event_id, m.published NULLS LAST, m.article_id, m.sentence"
    )
    return _write(path, MENTION_FIELDS if header else None, (mention_row(r) for r in _rows(con, sql)))
