"""Periods news names loosely: parts of years ("late 2017", "late last year"), seasons ("last summer"), a month
relative to the publication ("last July"), edges of months and years ("the end of January"), centuries.

Seasons are the northern meteorological ones (spring March-May, summer June-August, autumn September-November,
winter December-February), the convention of the English-language press this project reads.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .normalize import Normalized

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_PART = re.compile(r"^(early|mid|late|(?:the )?(?:start|beginning|middle|end) of)[- ]?\s*(.+)$")
_SEASON = re.compile(r"^(last |this |next |the )?(spring|summer|autumn|fall|winter)(?: of)?(?: (\d{4}))?$")
_REL_MONTH = re.compile(rf"^(last|this|next) ({'|'.join(MONTHS)})$")
_CENTURY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)[- ]century$|^(first|second|third|fourth|fifth|sixth|seventh|eighth|"
                      r"ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|"
                      r"nineteenth|twentieth|twenty-first)[- ]century$")
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
             "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
             "nineteenth", "twentieth", "twenty-first")


def _month_end(year: int, month: int) -> date:
    return (date(year, month, 28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def _range(a: date, b: date, granularity: str, kind: str = "range") -> Normalized:
    from .normalize import Normalized

    return Normalized(a.isoformat(), b.isoformat(), granularity, kind)


def _unresolved(granularity: str, kind: str = "range") -> Normalized:
    from .normalize import Normalized

    return Normalized(None, None, granularity, kind)


def _year_of(text: str, ref: date | None) -> int | bool | None:
    """A year named by ``text``: an int, None when it needs a missing reference, False when it names no year."""
    m = re.fullmatch(r"(\d{4})", text)
    if m:
        return int(m.group(1))
    offsets = {"last year": -1, "this year": 0, "next year": 1, "the year": 0, "the previous year": -1}
    if text in offsets:
        return ref.year + offsets[text] if ref else None
    return False


def period(t: str, ref: date | None) -> Normalized | None:
    """Normalise one of the loose periods of the module doc string, or None when ``t`` is none of them."""
    m = _PART.match(t)
    if m:
        return _part(m.group(1), m.group(2).strip(), ref)
    m = _SEASON.match(t)
    if m:
        return _season(m.group(1), m.group(2), m.group(3), ref)
    m = _REL_MONTH.match(t)
    if m:
        if ref is None:
            return _unresolved("month", "date")
        month = MONTHS.index(m.group(2)) + 1
        which = m.group(1)
        year = ref.year if month < ref.month or (which == "this" and month <= ref.month) else ref.year - 1
        if which == "next":
            year = ref.year if month > ref.month else ref.year + 1
        return _range(date(year, month, 1), _month_end(year, month), "month", "date")
    m = _CENTURY.match(t)
    if m:
        n = int(m.group(1)) if m.group(1) else _ORDINALS.index(m.group(2)) + 1
        start = max(1, (n - 1) * 100 + 1)
        return _range(date(start, 1, 1), date(min(n * 100, 9999), 12, 31), "century")
    return None


def _part(which: str, rest: str, ref: date | None) -> Normalized | None:
    part = which.split()[-2] if which.endswith(" of") else which
    year = _year_of(rest, ref)
    if year is not False:
        if year is None:
            return _unresolved("year-part")
        assert isinstance(year, int)
        months = {"early": (1, 4), "start": (1, 3), "beginning": (1, 3), "mid": (5, 8), "middle": (5, 8),
                  "late": (9, 12), "end": (10, 12)}[part]
        return _range(date(year, months[0], 1), _month_end(year, months[1]), "year-part")
    m = re.fullmatch(rf"({'|'.join(MONTHS)})(?: (\d{{4}}))?", rest)
    if m:
        month = MONTHS.index(m.group(1)) + 1
        if m.group(2):
            year = int(m.group(2))
        elif ref is None:
            return _unresolved("month-part")
        else:
            year = ref.year if month <= ref.month else ref.year - 1
        days = {"early": (1, 10), "start": (1, 7), "beginning": (1, 7), "mid": (11, 20), "middle": (11, 20),
                "late": (21, 31), "end": (22, 31)}[part]
        last = _month_end(year, month).day
        return _range(date(year, month, days[0]), date(year, month, min(days[1], last)), "month-part")
    return None


def _season(which: str | None, season: str, year_text: str | None, ref: date | None) -> Normalized:
    start_month = _SEASON_START[season]
    which = (which or "").strip()
    if year_text:
        year = int(year_text)
    elif ref is None:
        return _unresolved("season")
    else:
        # Bare: the occurrence that started most recently; "this": the current year's (winter: the one that began in
        # December before a January/February reference); "last": the one before the latest ended; "next".
        year = ref.year if date(ref.year, start_month, 1) <= ref else ref.year - 1
        if which == "this" and start_month != 12:
            year = ref.year
        if which == "last":
            end = _season_end(year, start_month)
            year = year - 1 if end >= ref else year
        elif which == "next":
            year += 1
    return _range(date(year, start_month, 1), _season_end(year, start_month), "season")


def _season_end(year: int, start_month: int) -> date:
    end_month = start_month + 2
    if end_month > 12:
        return _month_end(year + 1, end_month - 12)
    return _month_end(year, end_month)
