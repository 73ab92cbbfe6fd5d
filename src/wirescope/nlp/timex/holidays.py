"""Holidays news names by name, resolved to the occurrence nearest the publication date (the past preferred)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .normalize import Normalized

# name pattern -> (month, day) for fixed dates
_FIXED: dict[str, tuple[int, int]] = {
    r"new year'?s? eve": (12, 31),
    r"new year'?s?( day)?": (1, 1),
    r"christmas eve": (12, 24),
    r"christmas( day)?|xmas": (12, 25),
    r"boxing day": (12, 26),
    r"valentine'?s? day": (2, 14),
    r"st\.? patrick'?s? day|saint patrick'?s? day": (3, 17),
    r"may day": (5, 1),
    r"independence day|the fourth of july|fourth of july|july fourth|the 4th of july": (7, 4),
    r"bastille day": (7, 14),
    r"halloween": (10, 31),
    r"guy fawkes night|bonfire night": (11, 5),
    r"armistice day|veterans day|veterans' day|remembrance day": (11, 11),
    r"christmas and new year": (12, 25),
}


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    if n > 0:
        d = date(year, month, 1)
        d += timedelta(days=(weekday - d.weekday()) % 7)
        return d + timedelta(weeks=n - 1)
    last = (date(year, month, 28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month = (h + m - 7 * n + 114) // 31
    day = (h + m - 7 * n + 114) % 31 + 1
    return date(year, month, day)


_MOVABLE = {
    r"thanksgiving( day)?": lambda y: _nth_weekday(y, 11, 3, 4),
    r"memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    r"labou?r day": lambda y: _nth_weekday(y, 9, 0, 1),
    r"martin luther king( jr\.?)? day|mlk day": lambda y: _nth_weekday(y, 1, 0, 3),
    r"presidents'? day": lambda y: _nth_weekday(y, 2, 0, 3),
    r"easter( sunday)?": easter,
    r"good friday": lambda y: easter(y) - timedelta(days=2),
    r"easter monday": lambda y: easter(y) + timedelta(days=1),
    r"black friday": lambda y: _nth_weekday(y, 11, 3, 4) + timedelta(days=1),
}


def holiday_date(text: str, ref: date | None) -> Normalized | None:
    """The holiday ``text`` names, with an optional year ("Christmas 2019"); None when it names no holiday."""
    from .normalize import Normalized, nearest_year

    m = re.fullmatch(r"(.+?)(,?\s+(\d{4}))?", text.strip())
    if not m:
        return None
    name, year = m.group(1).strip(), int(m.group(3)) if m.group(3) else None
    for pattern, (month, day) in _FIXED.items():
        if re.fullmatch(pattern, name):
            if year is not None:
                d = date(year, month, day)
            elif ref is None:
                return Normalized(None, None, "day", "date")
            else:
                found = nearest_year(month, day, ref)
                if found is None:
                    return None
                d = found
            return Normalized(d.isoformat(), d.isoformat(), "day", "date")
    for pattern, rule in _MOVABLE.items():
        if re.fullmatch(pattern, name):
            if year is None and ref is None:
                return Normalized(None, None, "day", "date")
            if year is not None:
                d = rule(year)
            else:
                assert ref is not None
                options = [rule(y) for y in (ref.year - 1, ref.year, ref.year + 1)]
                past = [o for o in options if o <= ref]
                future = [o for o in options if o > ref]
                d = max(past) if past else min(future)
                if future and past and (min(future) - ref).days * 4 < (ref - max(past)).days:
                    d = min(future)
            return Normalized(d.isoformat(), d.isoformat(), "day", "date")
    return None
