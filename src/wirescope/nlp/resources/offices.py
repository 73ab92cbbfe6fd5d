"""Office holders by date: who was head of state, head of government, foreign or defence minister, head of an
international organisation or leader of an armed group on a given day.

The bundled table is ``data/events/office_holders.tsv`` (written by the wirescope developers from the public record,
2015-01-01 to 2025-03-31; every row names its source). ``Settings.office_holders_file`` names a user file of the same
format that extends and overrides it (see ``merge``). The format is documented in the bundled file's comment header:

    person  aliases  country  office  code  start  end  precision  acting  source

* ``aliases``: ``|``-separated other spellings, surname-only forms included where they are unambiguous;
* ``country``: an ISO 3166 alpha-3 code, or for bodies that are not states one of ``NON_STATE`` (``UN``, ``NATO``,
  ``ISIS``, ...);
* ``office``: one of ``OFFICES``, or several joined by ``|`` when one person holds them at once (a president who is
  both head of state and of government);
* ``code``: the CAMEO actor code the holder gets in that term (``USAGOV``, ``IGOUNO``, ``AFGREB``);
* ``start``/``end``: ``YYYY-MM-DD``; ``end`` is the day the term ended (the successor's first day, as the list
  articles give it), empty when still in office on the table's last day. A holder is in office on
  ``start <= day < end``; on a handover day the incoming holder holds the office;
* ``precision``: how exact the row's least exact date is: ``day``; ``month`` (that date is written as the first of
  its month); ``year`` (written as 1 January);
* ``acting``: ``1`` for acting, interim or de facto holders, who may overlap a substantive term; else ``0``.

Validation collects every problem of a file and raises one ``ConfigError`` naming each ``file:line``.
"""

from __future__ import annotations

import functools
import itertools
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from ...errors import ConfigError

BUNDLED = Path(__file__).resolve().parents[2] / "data" / "events" / "office_holders.tsv"
COLUMNS = ("person", "aliases", "country", "office", "code", "start", "end", "precision", "acting", "source")
# igo_head: the chief executive of an international organisation (UN Secretary-General, European Commission
# president, NATO Secretary General, ...); council_president: the European Council's president; prosecutor: the
# ICC prosecutor; foreign_minister of EU: the High Representative for Foreign Affairs and Security Policy.
OFFICES = frozenset({"head_of_state", "head_of_government", "foreign_minister", "defence_minister", "igo_head",
                     "council_president", "prosecutor", "group_leader"})
PRECISIONS = frozenset({"day", "month", "year"})
# Codes of the "country" column for bodies that are not states (international organisations and armed groups).
NON_STATE: dict[str, str] = {
    "UN": "United Nations", "EU": "European Union", "NATO": "North Atlantic Treaty Organization",
    "IAEA": "International Atomic Energy Agency", "WHO": "World Health Organization",
    "IMF": "International Monetary Fund", "WBG": "World Bank Group", "AU": "African Union Commission",
    "LAS": "League of Arab States", "OPEC": "Organization of the Petroleum Exporting Countries",
    "ICC": "International Criminal Court",
    "TALIBAN": "Taliban", "ISIS": "Islamic State", "AQ": "al-Qaeda", "SHABAAB": "al-Shabaab",
    "HEZBOLLAH": "Hezbollah", "HAMAS": "Hamas", "HOUTHIS": "Houthis (Ansar Allah)", "HTS": "Hayat Tahrir al-Sham",
    "PKK": "Kurdistan Workers' Party", "SDF": "Syrian Democratic Forces", "BOKOHARAM": "Boko Haram",
    "WAGNER": "Wagner Group",
}
# Words before a name that do not belong to it ("Mr Abe", "President Macron" is left to the actor coder).
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady"})


@dataclass(frozen=True, slots=True)
class OfficeTerm:
    """One person's term in one office (or several offices held together)."""

    person: str
    aliases: tuple[str, ...]
    country: str
    offices: tuple[str, ...]
    code: str
    start: date
    end: date | None  # None: still in office on the table's last day
    precision: str
    acting: bool
    source: str
    origin: str  # "file:line" the row came from

    def in_office(self, day: date) -> bool:
        if day < self.start:
            return False
        return self.end is None or day < self.end or day == self.start == self.end

    def names(self) -> tuple[str, ...]:
        return (self.person, *self.aliases)

    def overlaps(self, other: OfficeTerm) -> bool:
        far = date.max
        return self.start < (other.end or far) and other.start < (self.end or far)

    def to_json(self) -> dict[str, Any]:
        return {"person": self.person, "aliases": list(self.aliases), "country": self.country,
                "offices": list(self.offices), "code": self.code, "start": self.start.isoformat(),
                "end": self.end.isoformat() if self.end else None, "precision": self.precision,
                "acting": self.acting, "source": self.source, "origin": self.origin}


def name_key(name: str) -> str:
    """Case-, diacritics- and punctuation-insensitive key: "Recep Tayyip Erdoğan" == "recep tayyip erdogan",
    "al-Assad" == "Al Assad"; a leading honorific is dropped ("Mr Abe" == "Abe")."""
    folded = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    folded = folded.replace("ı", "i").replace("ø", "o").replace("ł", "l").replace("đ", "d").replace("ß", "ss")
    words = "".join(ch if ch.isalnum() else " " for ch in folded.casefold()).split()
    while len(words) > 1 and words[0] in _HONORIFICS:
        words = words[1:]
    return " ".join(words)


def _valid_countries() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries) | frozenset(NON_STATE)


def _parse_date(text: str, column: str, problems: list[str]) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        problems.append(f"{column} {text!r} is not a date (YYYY-MM-DD)")
        return None


def _check_fields(values: dict[str, str], countries: frozenset[str], problems: list[str]) -> None:
    if not values["person"]:
        problems.append("person is empty")
    if values["country"] not in countries:
        problems.append(f"country {values['country']!r} is neither an ISO 3166 alpha-3 code nor one of "
                        f"{', '.join(sorted(NON_STATE))}")
    for office in values["office"].split("|"):
        if office not in OFFICES:
            problems.append(f"office {office!r} is not one of {', '.join(sorted(OFFICES))}")
    code = values["code"]
    if not (code.isalpha() and code.isupper() and len(code) % 3 == 0 and 3 <= len(code) <= 15):
        problems.append(f"code {code!r} is not a CAMEO actor code (upper-case letters in groups of three)")
    elif len(values["country"]) == 3 and values["country"] not in NON_STATE and code[:3] != values["country"]:
        problems.append(f"code {code!r} does not start with the row's country {values['country']}")
    if values["precision"] not in PRECISIONS:
        problems.append(f"precision {values['precision']!r} is not one of {', '.join(sorted(PRECISIONS))}")
    if values["acting"] not in ("0", "1"):
        problems.append(f"acting {values['acting']!r} is not 0 or 1")
    if not values["source"]:
        problems.append("source is empty: every row names where its facts come from")


def _term(values: dict[str, str], origin: str, countries: frozenset[str], problems: list[str]) -> OfficeTerm | None:
    _check_fields(values, countries, problems)
    start = _parse_date(values["start"], "start", problems)
    end = _parse_date(values["end"], "end", problems) if values["end"] else None
    if start and end and end < start:
        problems.append(f"start {start} is after end {end}")
    if start and values["precision"] in ("month", "year") and start.day != 1 and (end is None or end.day != 1):
        problems.append(f"precision is {values['precision']} but neither date is the first of a month")
    if problems or start is None:
        return None
    aliases = tuple(a.strip() for a in values["aliases"].split("|") if a.strip())
    return OfficeTerm(values["person"], aliases, values["country"], tuple(values["office"].split("|")),
                      values["code"], start, end, values["precision"], values["acting"] == "1", values["source"],
                      origin)


def _rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"office holders file {path} cannot be read: {exc}") from None
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("#"):
            yield n, [cell.strip() for cell in line.split("\t")]


def read_terms(path: Path) -> list[OfficeTerm]:
    """Parse and check one office holders file (every problem is reported at once, ``file:line: problem``)."""
    countries = _valid_countries()
    rows = _rows(path)
    header = next(rows, None)
    if header is None or tuple(header[1]) != COLUMNS:
        line = f"{path}:{header[0]}" if header else str(path)
        raise ConfigError(f"{line}: the first non-comment line must be the header "
                          f"{' '.join(COLUMNS)!r} (tab-separated)")
    terms: list[OfficeTerm] = []
    problems: list[str] = []
    for n, cells in rows:
        origin = f"{path}:{n}"
        if len(cells) != len(COLUMNS):
            problems.append(f"{origin}: {len(cells)} tab-separated columns, expected {len(COLUMNS)}")
            continue
        found: list[str] = []
        term = _term(dict(zip(COLUMNS, cells, strict=True)), origin, countries, found)
        problems.extend(f"{origin}: {p}" for p in found)
        if term is not None:
            terms.append(term)
    problems.extend(overlap_problems(terms))
    if problems:
        shown = problems[:20] + ([f"... and {len(problems) - 20} more"] if len(problems) > 20 else [])
        raise ConfigError(f"office holders file {path} has {len(problems)} problem(s):\n  " + "\n  ".join(shown))
    return terms


def overlap_problems(terms: Iterable[OfficeTerm]) -> list[str]:
    """Two substantive (not acting) terms of one office of one country that overlap in time."""
    by_office: dict[tuple[str, str], list[OfficeTerm]] = {}
    for term in terms:
        if not term.acting:
            for office in term.offices:
                by_office.setdefault((term.country, office), []).append(term)
    problems = []
    for (country, office), group in by_office.items():
        group.sort(key=lambda t: t.start)
        for a, b in itertools.pairwise(group):
            if a.overlaps(b):
                problems.append(f"{b.origin}: {office} of {country}: {b.person} from {b.start} overlaps "
                                f"{a.person} ({a.start} to {a.end or 'open'}, {a.origin}); flag one as acting "
                                f"(acting column 1) if both are right")
    return problems


def merge(bundled: Iterable[OfficeTerm], user: Iterable[OfficeTerm]) -> list[OfficeTerm]:
    """The user file wins: its rows restate every bundled term of the same person in the same office of the same
    country (those are dropped), and a substantive user term cuts short the bundled substantive terms of that
    office it overlaps (a bundled term that starts earlier ends on the user term's start; a later one is dropped).
    So a user row can correct a date, add a holder after the table's last day, or add a country."""
    bundled, user = list(bundled), list(user)
    restated = {(name_key(t.person), t.country, o) for t in user for o in t.offices}
    user = [_with_bundled_aliases(t, bundled) for t in user]
    out: list[OfficeTerm] = []
    for term in bundled:
        if any((name_key(term.person), term.country, o) in restated for o in term.offices):
            continue
        kept: OfficeTerm | None = term
        for new in user:
            if kept is None or new.acting or kept.acting or new.country != kept.country:
                continue
            if set(new.offices) & set(kept.offices) and kept.overlaps(new):
                kept = replace(kept, end=new.start) if kept.start < new.start else None
        if kept is not None:
            out.append(kept)
    return out + user


def _with_bundled_aliases(term: OfficeTerm, bundled: list[OfficeTerm]) -> OfficeTerm:
    """A user row about a person the bundled table knows keeps the bundled spellings of the name too."""
    key = name_key(term.person)
    known = {name_key(a) for a in term.names()}
    extra: list[str] = []
    for other in bundled:
        if name_key(other.person) != key:
            continue
        for alias in other.aliases:
            if name_key(alias) not in known:
                known.add(name_key(alias))
                extra.append(alias)
    return replace(term, aliases=term.aliases + tuple(extra)) if extra else term


class OfficeTable:
    """Office terms with lookups by name and by office. Build with ``load_office_table``."""

    def __init__(self, terms: Iterable[OfficeTerm]) -> None:
        self.terms: tuple[OfficeTerm, ...] = tuple(sorted(terms, key=lambda t: (t.country, t.offices, t.start)))
        self._by_name: dict[str, list[OfficeTerm]] = {}
        self._by_office: dict[tuple[str, str], list[OfficeTerm]] = {}
        for term in self.terms:
            for key in {name_key(n) for n in term.names()}:
                self._by_name.setdefault(key, []).append(term)
            for office in term.offices:
                self._by_office.setdefault((term.country, office), []).append(term)

    def __len__(self) -> int:
        return len(self.terms)

    def holders(self, name: str, on: date | None = None) -> list[OfficeTerm]:
        """Terms of the people whose name or alias is ``name`` (case and diacritics ignored); with ``on``, only the
        terms that were running that day. A surname shared by several office holders gives all of them."""
        found = self._by_name.get(name_key(name), [])
        return [t for t in found if on is None or t.in_office(on)]

    def holders_of(self, country: str, office: str, on: date) -> list[OfficeTerm]:
        """Every term of ``office`` in ``country`` running on ``on``, the most recently begun first (an acting
        holder who stood in during a substantive term comes before it)."""
        if office not in OFFICES:
            raise ConfigError(f"unknown office {office!r}; choose one of {', '.join(sorted(OFFICES))}")
        found = [t for t in self._by_office.get((country.upper(), office), []) if t.in_office(on)]
        return sorted(found, key=lambda t: t.start, reverse=True)

    def holder_of(self, country: str, office: str, on: date) -> OfficeTerm | None:
        """Who held ``office`` of ``country`` (ISO3 or a ``NON_STATE`` code) on ``on``; the acting holder when one
        stood in that day; None when the table does not know."""
        found = self.holders_of(country, office, on)
        return found[0] if found else None


@functools.lru_cache(maxsize=8)
def _load(user_file: str | None, stamp: tuple[int, int] | None = None) -> OfficeTable:
    if not BUNDLED.is_file():
        raise ConfigError(f"bundled office holders table {BUNDLED} is missing; reinstall wirescope")
    terms = read_terms(BUNDLED)
    if user_file is not None:
        path = Path(user_file)
        if not path.is_file():
            raise ConfigError(f"office holders file {path} does not exist (setting office_holders_file)")
        user = read_terms(path)
        terms = merge(terms, user)
        problems = overlap_problems(terms)
        if problems:
            raise ConfigError(f"office holders file {path} conflicts with the bundled table:\n  "
                              + "\n  ".join(problems[:20]))
    return OfficeTable(terms)


def load_office_table(user_file: Path | None = None) -> OfficeTable:
    """The bundled table, extended and overridden by ``user_file`` (``Settings.office_holders_file``); built once
    per process and version of the file (its modification time and size are part of the cache key)."""
    if user_file is None:
        return _load(None)
    path = Path(user_file).resolve()
    stat = path.stat() if path.is_file() else None
    return _load(str(path), (stat.st_mtime_ns, stat.st_size) if stat else None)
