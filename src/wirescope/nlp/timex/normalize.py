"""Normalise one DATE/TIME expression (an NER span) relative to the publication date.

Rules run before dateparser because news needs them and dateparser gets them wrong or cannot know them:

* ages ("62", "62-year-old") are not time expressions (``None``); durations ("three days") and sets ("every
  Friday") are typed as such and carry no date;
* a weekday equal to the publication weekday is the publication day; another weekday is the most recent one before
  it; a weekday with a month and day picks the year in which they agree;
* a month and day without a year pick the nearer of the past and next occurrence, the past unless the future one is
  much nearer (``"December 29"`` in an article of 3 January is 29 December of the year before);
* holidays ("New Year's Day", "Christmas", "Thanksgiving", "Easter"...);
* relative periods ("earlier this week", "last week", "this morning", "last night", "the past three days") are ranges
  with a granularity; bare years and decades are years and ranges.

Without a publication date, expressions that need one stay unresolved (``value`` None) instead of being guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from .holidays import holiday_date
from .periods import period

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "few": 3,
                 "a few": 3, "couple": 2, "a couple of": 2, "dozen": 12, "a dozen": 12}
_UNIT = r"(second|minute|hour|day|night|week|fortnight|month|year|decade|century|centuries)s?"
_NUM = r"(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|a few|a couple of|" \
       r"couple of|dozens of|a dozen|dozen|many|some|hundreds of|thousands of)"
_AGE = re.compile(r"^(aged\s+)?\d{1,3}(\s*-?\s*years?\s*-?\s*old)?$|^(his|her|their)\s+\d{2}s$|"
                  r"^(the\s+)?ages?\s+of\s+\d{1,3}$|^[\w-]+[- ](year|month|week|day)s?[- ]old$|"
                  r"^\w+\s+(years?|months?|weeks?)\s+old$")
# Adjectives a duration may carry ("four long years"), but not the words that make it relative ("last week").
_ADJ = r"(?!(?:last|next|this|past|coming|previous|following|upcoming|recent|early|late|same|other|that)\b)"
_HEDGE = re.compile(r"^(only|just|about|around|nearly|almost|roughly|some|at least|at most|less than|more than|"
                    r"fewer than|over|under|within|up to|barely|a mere)\s+")
_DURATION = re.compile(
    rf"^(for\s+)?(the\s+first\s+)?{_NUM}(\s+(or|to|and|-)\s+{_NUM})?(\s+and\s+a\s+half)?\s+({_ADJ}[a-z]+\s+){{0,2}}?{_UNIT}"
    rf"(\s+long)?$|^(decades|years|months|weeks|days|hours|minutes)$|^(a\s+|an\s+)?([a-z]+\s+)?({_NUM}[- ](day|week|"
    rf"month|year|hour)s?([- ]long)?|(day|week|month|year)[- ]long)$")
_SET = re.compile(r"^(every|each)\s+[\w ]+$|^(daily|weekly|monthly|annual|annually|yearly|nightly|hourly)$")
_PAST_N = re.compile(rf"^(the\s+)?(past|last|previous|preceding)\s+{_NUM}\s+{_UNIT}$|"
                     rf"^(the\s+)?(past|previous|preceding)\s+{_UNIT}$")
_NEXT_N = re.compile(rf"^(the\s+)?(next|coming|following|upcoming)\s+({_NUM}\s+)?{_UNIT}$")
_CLOCK = re.compile(r"^(about\s+|around\s+|at\s+)?(\d{1,2}([:.]\d\d)?\s*(am|pm|a\.m|p\.m|a\.m\.|p\.m\.|o'clock)|noon|"
                    r"midday|midnight|\d{1,2}:\d\d)(\s+(local time|gmt|utc|[a-z]{2,4}t))?$")
_AGO = re.compile(rf"^{_NUM}\s+{_UNIT}\s+(ago|earlier|before)$")
_YEAR = re.compile(r"^(in\s+)?(the\s+year\s+)?(1[5-9]\d\d|20\d\d)$")
_DECADE = re.compile(r"^(the\s+)?(early\s+|mid-?\s*|late\s+)?(1[5-9]\d0|20\d0)s$")
_SHORT_DECADE = re.compile(r"^(the\s+)?'?(\d)0s$")
_YEAR_RANGE = re.compile(r"^(1[5-9]\d\d|20\d\d)\s*[-–/]\s*(\d\d|1[5-9]\d\d|20\d\d)$")
_CLEAN = re.compile(r"^(the|on|in|at|by|since|from|until|during|of)\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Normalized:
    value: str | None
    value_end: str | None
    granularity: str | None
    kind: str  # date | range | duration | set


def _n(word: str | None) -> int:
    if not word:
        return 1
    word = word.strip()
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word, _NUMBER_WORDS.get(word.replace(" of", ""), 3))


def _unit_days(unit: str) -> int:
    unit = unit.rstrip("s")
    return {"second": 0, "minute": 0, "hour": 0, "day": 1, "night": 1, "week": 7, "fortnight": 14, "month": 30,
            "year": 365, "decade": 3650, "century": 36500, "centurie": 36500}.get(unit, 1)


def _day(d: date, granularity: str = "day", kind: str = "date") -> Normalized:
    return Normalized(d.isoformat(), d.isoformat(), granularity, kind)


def _span(a: date, b: date, granularity: str, kind: str = "range") -> Normalized:
    return Normalized(a.isoformat(), b.isoformat(), granularity, kind)


def nearest_year(month: int, day: int, ref: date) -> date | None:
    """The occurrence of month/day nearest the reference, the past one unless the next is far nearer."""
    options = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            options.append(date(year, month, day))
        except ValueError:
            continue
    past = [d for d in options if d <= ref]
    future = [d for d in options if d > ref]
    p = max(past) if past else None
    f = min(future) if future else None
    if p and f and (f - ref).days * 4 < (ref - p).days:
        return f
    return p or f


def _weekday_before(weekday: int, ref: date) -> date:
    return ref - timedelta(days=(ref.weekday() - weekday) % 7)


def _month_day(text: str) -> tuple[int, int] | None:
    m = re.search(r"\b([a-z]{3,9})\.?\s+(\d{1,2})(st|nd|rd|th)?\b", text)
    if m and m.group(1)[:3] in _MONTH_ABBR and (m.group(1) in MONTHS or m.group(1)[:4] in (*_MONTH_ABBR, "sept")):
        return _MONTH_ABBR[m.group(1)[:3]], int(m.group(2))
    m = re.search(r"\b(\d{1,2})(st|nd|rd|th)?\s+(of\s+)?([a-z]{3,9})\b", text)
    if m and m.group(4)[:3] in _MONTH_ABBR:
        return _MONTH_ABBR[m.group(4)[:3]], int(m.group(1))
    return None


@lru_cache(maxsize=8192)
def normalize(text: str, ref: date | None) -> Normalized | None:
    """Normalise one expression; ``None`` means it is not a time expression at all (an age).

    The answer depends on the text and the reference date alone, so it is kept per (text, date): an article names
    "Tuesday" or "last year" several times, and a corpus of one day names the same dates in every article."""
    t = _cleaned(text)
    if t is None:
        return None
    if _SET.match(t):
        return Normalized(None, None, _set_granularity(t), "set")
    for step in (holiday_date, period, _relative, _counted, _years):
        found = step(t, ref)
        if found is not None:
            return found
    return _calendar(t, ref)


def _cleaned(text: str) -> str | None:
    """The expression lower-cased, without punctuation, fillers and hedges; None for an age or nothing."""
    t = text.strip().strip(".,;:()\"'“”").lower().replace("’", "'")
    t = re.sub(r"'s$", "", t)
    previous = None
    while previous != t:
        previous = t
        t = _CLEAN.sub("", t).strip()
    if not t or _AGE.match(t):
        return None
    while _HEDGE.match(t):
        t = _HEDGE.sub("", t, count=1)
    return None if _AGE.match(t) else t


def _counted(t: str, ref: date | None) -> Normalized | None:
    """"the past three days", "the next two weeks", clock times and durations."""
    m = _PAST_N.match(t)
    if m:
        days = _n(m.group(3)) * _unit_days(m.group(4)) if m.group(4) else _unit_days(m.group(7))
        if ref is None:
            return Normalized(None, None, "day", "range")
        return _span(ref - timedelta(days=max(days, 1)), ref, "day")
    m = _NEXT_N.match(t)
    if m:
        days = _n(m.group(4)) * _unit_days(m.group(5))
        if ref is None:
            return Normalized(None, None, "day", "range")
        return _span(ref, ref + timedelta(days=max(days, 1)), "day")
    if _CLOCK.match(t):
        return Normalized(ref.isoformat(), ref.isoformat(), "time", "date") if ref else Normalized(
            None, None, "time", "date")
    if _DURATION.match(t):
        unit = re.search(_UNIT, t)
        return Normalized(None, None, unit.group(1).rstrip("s") if unit else None, "duration")
    return None


def _years(t: str, ref: date | None) -> Normalized | None:
    """A year, a decade ("the 1990s", "the 90s") or a range of years ("2019-20")."""
    m = _YEAR.match(t)
    if m:
        year = int(m.group(3))
        return _span(date(year, 1, 1), date(year, 12, 31), "year", "date")
    m = _DECADE.match(t)
    if m:
        start = int(m.group(3))
        return _span(date(start, 1, 1), date(start + 9, 12, 31), "decade")
    m = _SHORT_DECADE.match(t)
    if m:
        # "the 90s": the latest such decade that has begun by the reference (or by 2000 without one).
        base = (ref.year if ref else 2000) // 100 * 100 + int(m.group(2)) * 10
        start = base if base <= (ref.year if ref else 2000) else base - 100
        return _span(date(start, 1, 1), date(start + 9, 12, 31), "decade")
    m = _YEAR_RANGE.match(t)
    if m:
        first, second = int(m.group(1)), m.group(2)
        last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
        if last > first:
            return _span(date(first, 1, 1), date(last, 12, 31), "year")
    return None


def _set_granularity(t: str) -> str:
    if any(w in t for w in ("day", "daily", "night")) or any(w in t for w in WEEKDAYS):
        return "day"
    for unit in ("week", "month", "year"):
        if unit in t:
            return unit
    return "year" if "annual" in t else "day"


# Words relative to the publication date, with the granularity and kind of what they denote.
_RELATIVE_WORDS: dict[str, tuple[str, str]] = {
    "today": ("day", "date"), "yesterday": ("day", "date"), "tomorrow": ("day", "date"),
    "this morning": ("part-of-day", "range"), "this afternoon": ("part-of-day", "range"),
    "this evening": ("part-of-day", "range"), "tonight": ("part-of-day", "range"),
    "last night": ("part-of-day", "range"), "overnight": ("part-of-day", "range"),
    "yesterday morning": ("part-of-day", "range"), "yesterday afternoon": ("part-of-day", "range"),
    "yesterday evening": ("part-of-day", "range"), "earlier today": ("part-of-day", "range"),
    "this week": ("week", "range"), "earlier this week": ("week", "range"), "last week": ("week", "range"),
    "next week": ("week", "range"), "this month": ("month", "range"), "earlier this month": ("month", "range"),
    "last month": ("month", "date"), "next month": ("month", "date"), "this year": ("year", "range"),
    "earlier this year": ("year", "range"), "last year": ("year", "date"), "next year": ("year", "date"),
    "recent days": ("day", "range"), "recent weeks": ("week", "range"), "recent months": ("month", "range"),
    "the weekend": ("day", "range"), "weekend": ("day", "range"), "this weekend": ("day", "range"),
    "last weekend": ("day", "range"),
    "the day before yesterday": ("day", "date"), "day before yesterday": ("day", "date"),
}
_WEEKDAY_WORD = re.compile(rf"^(last\s+|this\s+|early\s+|late\s+)?({'|'.join(WEEKDAYS)})(\s+(morning|afternoon|"
                           rf"evening|night))?$")
_EARLY_HOURS = re.compile(r"^(the\s+)?(early|small|wee)\s+hours\s+(of\s+)?")


def _relative(t: str, ref: date | None) -> Normalized | None:
    """Expressions relative to the publication date. Returns an unresolved record when there is no date."""
    word = t.replace("'s", "").strip()
    if early := _EARLY_HOURS.match(word):
        rest = _CLEAN.sub("", word[early.end():]).strip()
        inner = _relative(rest, ref) if rest else None
        if inner is None or inner.value is None:
            return Normalized(None, None, "part-of-day", "range") if inner else None
        return Normalized(inner.value, inner.value_end, "part-of-day", "range")
    if m_weekday := _WEEKDAY_WORD.match(word):
        return _weekday_word(m_weekday, ref)
    if m_ago := _AGO.match(word):
        if ref is None:
            return Normalized(None, None, "day", "date")
        unit = m_ago.group(2).rstrip("s")
        d = ref - timedelta(days=_n(m_ago.group(1)) * _unit_days(unit))
        granularity = unit if unit in ("week", "month", "year") else "year" if unit in ("decade", "century") else "day"
        return _day(d, granularity)
    if word not in _RELATIVE_WORDS:
        return None
    granularity, kind = _RELATIVE_WORDS[word]
    if ref is None:
        return Normalized(None, None, granularity, kind)
    return _days_around(word, ref, granularity, kind) or _periods_around(word, ref, granularity, kind)


def _weekday_word(m: re.Match[str], ref: date | None) -> Normalized:
    """"Tuesday", "last Friday", "Monday night": the latest such day up to the reference."""
    part = m.group(4)
    granularity, kind = ("part-of-day", "range") if part else ("day", "date")
    if ref is None:
        return Normalized(None, None, granularity, kind)
    weekday = WEEKDAYS.index(m.group(2))
    d = _weekday_before(weekday, ref)
    if (m.group(1) or "").strip() == "last" and d == ref:
        d -= timedelta(days=7)
    if part == "night" and d == ref:
        return _span(d - timedelta(days=1) if d == ref and weekday != ref.weekday() else d, d, granularity)
    return Normalized(d.isoformat(), d.isoformat(), granularity, kind)


def _days_around(word: str, ref: date, granularity: str, kind: str) -> Normalized | None:
    """Days and parts of days: today, yesterday, tomorrow, last night, the weekend."""
    one = timedelta(days=1)
    if word in ("today", "this morning", "this afternoon", "this evening", "tonight", "earlier today"):
        return Normalized(ref.isoformat(), ref.isoformat(), granularity, kind)
    if word == "yesterday" or word.startswith("yesterday "):
        return Normalized((ref - one).isoformat(), (ref - one).isoformat(), granularity, kind)
    if word in ("the day before yesterday", "day before yesterday"):
        return _day(ref - 2 * one)
    if word == "tomorrow":
        return _day(ref + one)
    if word in ("last night", "overnight"):
        return _span(ref - one, ref, granularity)
    if word in ("the weekend", "weekend", "this weekend", "last weekend"):
        saturday = _weekday_before(5, ref)
        if word == "last weekend" and ref.weekday() >= 5:
            saturday -= 7 * one
        return _span(saturday, min(saturday + one, ref) if saturday + one > ref else saturday + one, granularity)
    return None


def _periods_around(word: str, ref: date, granularity: str, kind: str) -> Normalized:
    """Weeks, months and years around the reference, and "recent days/weeks/months"."""
    one = timedelta(days=1)
    monday = ref - timedelta(days=ref.weekday())
    first = ref.replace(day=1)
    if word in ("this week", "earlier this week"):
        return _span(monday, ref, granularity)
    if word == "last week":
        return _span(monday - 7 * one, monday - one, granularity)
    if word == "next week":
        return _span(monday + 7 * one, monday + 13 * one, granularity)
    if word in ("this month", "earlier this month"):
        return _span(first, ref, granularity)
    if word == "last month":
        prev_last = first - one
        return _span(prev_last.replace(day=1), prev_last, granularity, kind)
    if word == "next month":
        nxt = (first + timedelta(days=32)).replace(day=1)
        return _span(nxt, (nxt + timedelta(days=32)).replace(day=1) - one, granularity, kind)
    if word in ("this year", "earlier this year"):
        return _span(date(ref.year, 1, 1), ref, granularity)
    if word == "last year":
        return _span(date(ref.year - 1, 1, 1), date(ref.year - 1, 12, 31), granularity, kind)
    if word == "next year":
        return _span(date(ref.year + 1, 1, 1), date(ref.year + 1, 12, 31), granularity, kind)
    back = {"recent days": 7, "recent weeks": 28, "recent months": 90}[word]
    return _span(ref - timedelta(days=back), ref, granularity)


def _calendar(t: str, ref: date | None) -> Normalized:
    """Calendar dates: weekday + month/day, month/day, month + year, full dates (dateparser for the rest)."""
    weekday = next((i for i, w in enumerate(WEEKDAYS) if re.search(rf"\b{w}\b", t)), None)
    year_m = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", t)
    md = _month_day(t)
    if md and not year_m:
        if ref is None:
            return Normalized(None, None, "day", "date")
        month, day = md
        if weekday is not None:
            for year in (ref.year, ref.year - 1, ref.year + 1, ref.year - 2):
                try:
                    d = date(year, month, day)
                except ValueError:
                    break
                if d.weekday() == weekday:
                    return _day(d)
        d2 = nearest_year(month, day, ref)
        if d2 is not None:
            return _day(d2)
    month_only = re.fullmatch(r"(early\s+|mid-?\s*|late\s+)?([a-z]+)\.?(\s+(of\s+)?(\d{4}))?", t)
    if month_only and month_only.group(2)[:3] in _MONTH_ABBR and month_only.group(2).startswith(
            tuple(m[:3] for m in MONTHS)):
        month = _MONTH_ABBR[month_only.group(2)[:3]]
        if month_only.group(5):
            year = int(month_only.group(5))
        elif ref is not None:
            year = ref.year if month <= ref.month else ref.year - 1
        else:
            return Normalized(None, None, "month", "date")
        first = date(year, month, 1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        return _span(first, last, "month", "date")
    if year_m:
        found = _full_date(t)
        if found is not None:
            return found
    if t in _NO_DATE:
        return Normalized(None, None, None, "date")
    return _dateparser(t, ref, has_year=bool(year_m))


# A whole date as news writes it: "8 April 2013", "3rd of January, 2020", "January 3, 2020", "Jan. 3 2020";
# a month with its year after a comma ("August, 2004"); "year 2004" (what is left of "the year 2004"). dateparser
# reads them as these rules do (``tests/test_timex_rules.py`` compares the two on every month, day and spelling),
# at a fraction of its cost; any other form with a year still goes to dateparser.
_MONTH_WORD = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|" \
              r"august|september|october|november|december)"
_DAY_MONTH_YEAR = re.compile(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_WORD}\.?,?\s+(1[5-9]\d\d|20\d\d)")
_MONTH_DAY_YEAR = re.compile(rf"{_MONTH_WORD}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(1[5-9]\d\d|20\d\d)")
_MONTH_COMMA_YEAR = re.compile(rf"{_MONTH_WORD}\.?,\s+(1[5-9]\d\d|20\d\d)")
_YEAR_WORD = re.compile(r"year\s+(1[5-9]\d\d|20\d\d)")
# Lone words that name a part of a day or a unit of time, no date: dateparser finds none in them either (the
# same test asks it), so they are answered without it.
_NO_DATE = frozenset({"day", "night", "morning", "afternoon", "evening", "week", "month", "year"})


def _full_date(t: str) -> Normalized | None:
    """A full date, a month of a year after a comma, or "year 2004" (the rules above); None for anything else,
    an impossible day ("31 February 2020") included, which is dateparser's to answer."""
    if m := _DAY_MONTH_YEAR.fullmatch(t):
        day, month, year = int(m.group(1)), m.group(2), int(m.group(3))
    elif m := _MONTH_DAY_YEAR.fullmatch(t):
        month, day, year = m.group(1), int(m.group(2)), int(m.group(3))
    elif m := _MONTH_COMMA_YEAR.fullmatch(t):
        first = date(int(m.group(2)), _MONTH_ABBR[m.group(1)[:3]], 1)
        return _span(first, (first + timedelta(days=32)).replace(day=1) - timedelta(days=1), "month", "date")
    elif m := _YEAR_WORD.fullmatch(t):
        year = int(m.group(1))
        return _span(date(year, 1, 1), date(year, 12, 31), "year", "date")
    else:
        return None
    try:
        return _day(date(year, _MONTH_ABBR[month[:3]], day))
    except ValueError:
        return None


def _dateparser(t: str, ref: date | None, *, has_year: bool) -> Normalized:
    if ref is None and not has_year:
        return Normalized(None, None, None, "date")
    data = _date_parser(ref).get_date_data(t)
    if data is None or data.date_obj is None:
        return Normalized(None, None, None, "date")
    d = data.date_obj.date()
    granularity = data.period or "day"
    if granularity == "month":
        first = d.replace(day=1)
        return _span(first, (first + timedelta(days=32)).replace(day=1) - timedelta(days=1), "month", "date")
    if granularity == "year":
        return _span(date(d.year, 1, 1), date(d.year, 12, 31), "year", "date")
    if granularity == "week":
        monday = d - timedelta(days=d.weekday())
        return _span(monday, monday + timedelta(days=6), "week", "date")
    return _day(d, "time" if granularity == "time" else "day")


def prepare() -> None:
    """Import dateparser and load its English data (about 0.15 s, once per process) by reading one date; the
    first span an article sends to dateparser would pay it otherwise. Its answers do not change."""
    _date_parser(None).get_date_data("5 December 2019")


@lru_cache(maxsize=64)
def _date_parser(ref: date | None) -> DateDataParser:
    """dateparser, used only on NER spans; one parser per reference date (dateparser is slow to set up)."""
    from dateparser.date import DateDataParser

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if ref is not None:
        settings["RELATIVE_BASE"] = datetime(ref.year, ref.month, ref.day, 12)
    return DateDataParser(languages=["en"], settings=settings)
