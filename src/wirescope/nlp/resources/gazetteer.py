"""The gazetteer: a compact SQLite index compiled once from installed packages and cached.

The default index lives in the user cache folder (``$XDG_CACHE_HOME/wirescope`` or ``~/.cache/wirescope``) under a
file name that carries a digest of the source package versions and the bundled tables, so upgrading a package or
editing a table builds a new index on first use. ``Settings.gazetteer`` points at another index, e.g. one built by
``wirescope gazetteer build --geonames allCountries.zip``. Opening an index reads nothing up front: lookups query the
file, so loading takes milliseconds and memory stays small.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ...errors import ConfigError
from . import gazetteer_build as geo_build
from . import startup


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a name can refer to."""

    pid: int
    geonameid: int | None
    name: str
    lat: float
    lon: float
    fclass: str
    fcode: str
    country: str | None
    admin1: str | None
    population: int
    radius_km: float
    kind: int  # how the name matched: 0 primary, 1 alternate, 2 alias, 3 weak (see gazetteer_build)
    extra: str | None = None

    @property
    def feature(self) -> str:
        return f"{self.fclass}.{self.fcode}"


CACHE_ENV = "WIRESCOPE_CACHE_DIR"


def cache_dir() -> Path:
    """Where wirescope keeps what it builds per user: ``$WIRESCOPE_CACHE_DIR`` when set (tests, shared installs),
    else ``$XDG_CACHE_HOME/wirescope`` or ``~/.cache/wirescope``."""
    own = os.environ.get(CACHE_ENV)
    if own:
        return Path(own)
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / "wirescope"


def index_key() -> str:
    """Digest of everything the default index is built from."""
    versions = geo_build.package_versions()
    text = "|".join([geo_build.BUILD_VERSION, geo_build.bundled_tables_digest(),
                     *(f"{k}={v}" for k, v in sorted(versions.items()))])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def default_index_path() -> Path:
    return cache_dir() / f"gazetteer-{index_key()}.sqlite"


_BUILD_LOCK = threading.Lock()


def ensure_default_index(*, force: bool = False, why: str | None = None) -> tuple[Path, bool]:
    """The default index's path, built first when it is missing (or ``force``); and whether it was built here.
    The build is a visible start-up stage (``startup.stage``): it takes tens of seconds, and ``wirescope setup``
    (run by ``make install``) does it ahead so that no analysis waits for it."""
    path = default_index_path()
    if path.is_file() and not force:
        return path, False
    with _BUILD_LOCK:
        if path.is_file() and not force:
            return path, False
        why = why or ("rebuild asked" if force else ("first use after install or upgrade: the index is missing; "
                                                     "`wirescope setup` builds it ahead"))
        with startup.stage(f"building the gazetteer index {path}", why=why, loud=True):
            geo_build.build_from_packages(path)
        _remove_stale(path)
    return path, True


def _remove_stale(current: Path) -> None:
    """Default indexes of older package versions are never read again; remove them (not custom indexes)."""
    for old in current.parent.glob("gazetteer-" + "[0-9a-f]" * 16 + ".sqlite"):
        if old != current:
            old.unlink(missing_ok=True)

# thread-local connections a forked process inherited and never uses (``Gazetteer._con``)
_INHERITED: list[threading.local] = []
_SELECT = ("SELECT p.pid, p.geonameid, p.name, p.lat, p.lon, p.fclass, p.fcode, p.country, p.admin1, p.population, "
           "p.radius_km, n.kind, p.extra FROM names n JOIN places p ON p.pid = n.pid WHERE n.{column} = ?")


class Gazetteer:
    """Read-only access to a compiled index. Thread-safe for reads (one connection per thread)."""

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            path, _ = ensure_default_index()
        elif not path.is_file():
            raise ConfigError(f"gazetteer index {path} does not exist; build one with `wirescope gazetteer build "
                              f"--output {path}` or leave the gazetteer setting empty to use the default index")
        self.path = path
        self._local = threading.local()
        self._pid = os.getpid()
        try:
            meta = dict(self._con().execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.DatabaseError as exc:
            raise ConfigError(f"{path} is not a wirescope gazetteer index ({exc}); rebuild it with "
                              f"`wirescope gazetteer build`") from None
        self.meta: dict[str, str] = meta
        self._lookup = lru_cache(maxsize=50_000)(self._lookup_uncached)
        # an admin1 region's name, asked for every place resolved in it (the index is read-only: cached as lookups)
        self._admin1 = lru_cache(maxsize=50_000)(self._admin1_uncached)
        self._countries = {row[0]: (row[1], row[2], row[3]) for row in
                           self._con().execute("SELECT iso2, iso3, name, pid FROM countries")}
        self._demonyms = dict(self._con().execute("SELECT key, iso2 FROM demonyms").fetchall())

    def _con(self) -> sqlite3.Connection:
        if self._pid != os.getpid():
            # forked (the workers fork from a server that opened the index, ``runners/preload.py``): a connection
            # is not carried across a fork; the inherited one is kept unused (closing it here could release locks)
            _INHERITED.append(self._local)
            self._local, self._pid = threading.local(), os.getpid()
        con: sqlite3.Connection | None = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.con = con
        return con

    def _lookup_uncached(self, key: str, column: str) -> tuple[Candidate, ...]:
        rows = self._con().execute(_SELECT.format(column=column), (key,)).fetchall()
        best: dict[int, Candidate] = {}
        for row in rows:
            cand = Candidate(*row)
            if cand.pid not in best or cand.kind < best[cand.pid].kind:
                best[cand.pid] = cand
        return tuple(best.values())

    def lookup(self, key: str) -> tuple[Candidate, ...]:
        """Entries whose normalised name (see ``names.name_key``) equals ``key``."""
        return self._lookup(key, "key")

    def lookup_skeleton(self, skel: str) -> tuple[Candidate, ...]:
        """Entries whose coarse spelling key equals ``skel`` (transliteration variants)."""
        return self._lookup(skel, "skel")

    def country(self, iso2: str | None) -> tuple[str, str, int] | None:
        """(iso3, name, pid) of a country code."""
        return self._countries.get(iso2) if iso2 else None

    def country_place(self, iso2: str) -> Candidate | None:
        info = self._countries.get(iso2)
        return self.place(info[2], kind=0) if info else None

    def demonym(self, key: str) -> str | None:
        """ISO2 code of the country a demonym names ("lebanese" -> "LB")."""
        return self._demonyms.get(key)

    def admin1_name(self, country: str | None, code: str | None) -> str | None:
        if not country or not code:
            return None
        return self._admin1(country, code)

    def _admin1_uncached(self, country: str, code: str) -> str | None:
        row = self._con().execute("SELECT name FROM admin1 WHERE country = ? AND code = ?", (country, code)).fetchone()
        return str(row[0]) if row else None

    def place(self, pid: int, *, kind: int = 0) -> Candidate | None:
        row = self._con().execute(
            "SELECT pid, geonameid, name, lat, lon, fclass, fcode, country, admin1, population, radius_km, ?, extra "
            "FROM places WHERE pid = ?", (kind, pid)).fetchone()
        return Candidate(*row) if row else None

    def places(self, *, country: str | None = None, limit: int | None = None) -> list[Candidate]:
        sql = ("SELECT pid, geonameid, name, lat, lon, fclass, fcode, country, admin1, population, radius_km, 0, "
               "extra FROM places")
        params: list[object] = []
        if country:
            sql += " WHERE country = ?"
            params.append(country.upper())
        sql += " ORDER BY population DESC, name"
        if limit:
            sql += " LIMIT ?"
            params.append(limit)
        return [Candidate(*row) for row in self._con().execute(sql, params)]

    def stats(self) -> dict[str, int]:
        con = self._con()
        return {"places": con.execute("SELECT count(*) FROM places").fetchone()[0],
                "names": con.execute("SELECT count(*) FROM names").fetchone()[0]}


@lru_cache(maxsize=4)
def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """One shared read-only gazetteer per index path (the index is immutable once built)."""
    return Gazetteer(path)
