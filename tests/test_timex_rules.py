"""The news rules that answer in dateparser's place give dateparser's answer (issue 20: the times stage calls
dateparser only for the forms no rule reads).

Each form the rules take is generated over every month spelling, days that exist and days that do not, and
references with and without a publication date, and compared with what dateparser itself makes of it
(``normalize._dateparser``, the call the rules stand in for)."""

from __future__ import annotations

from datetime import date

import pytest

from wirescope.nlp.timex import normalize as timex
from wirescope.nlp.timex.normalize import MONTHS, Normalized, normalize

pytest.importorskip("dateparser")

REFS = (None, date(2020, 1, 6), date(2017, 12, 31))
MONTH_SPELLINGS = (*MONTHS, *(m[:3] for m in MONTHS), "sept", "jan.", "sept.")
DAYS = (1, 2, 3, 9, 11, 12, 13, 21, 22, 23, 28, 29, 30, 31, 32)
YEARS = (1953, 2004, 2019, 2020)


def _suffix(day: int) -> str:
    return "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _exists(year: int, month: str, day: int) -> bool:
    try:
        date(year, timex._MONTH_ABBR[month[:3]], day)
    except ValueError:
        return False
    return True


def _full_dates() -> list[tuple[str, bool]]:
    """(text, whether that day exists) for each spelling of a full date."""
    out = []
    for month in MONTH_SPELLINGS:
        for day in (*DAYS, 29):
            for year in YEARS if day == 29 else YEARS[(day + len(month)) % len(YEARS):][:1]:
                nth = f"{day}{_suffix(day)}"
                texts = [f"{day} {month} {year}", f"{nth} {month} {year}", f"{nth} of {month}, {year}",
                         f"{month} {day}, {year}", f"{month} {nth} {year}", f"{month} {day} {year}"]
                out += [(text, _exists(year, month, day)) for text in texts]
    return out


def _month_years() -> list[tuple[str, bool]]:
    return [(f"{month}, {year}", True) for month in MONTH_SPELLINGS for year in YEARS] + [
        (f"year {y}", True) for y in YEARS]


@pytest.mark.parametrize("ref", REFS[:2])
def test_full_dates_are_read_as_dateparser_reads_them(ref: date | None) -> None:
    taken = 0
    for text, exists in _full_dates() + _month_years():
        ours = timex._full_date(text)
        assert (ours is not None) == exists, text  # an impossible day is left to dateparser, asked as before
        if ours is None:
            continue
        taken += 1
        assert ours == timex._dateparser(text, ref, has_year=True), text
    assert taken > 1000


@pytest.mark.parametrize("ref", REFS)
def test_lone_time_words_name_no_date_for_dateparser_either(ref: date | None) -> None:
    for word in timex._NO_DATE:
        assert timex._dateparser(word, ref, has_year=False) == Normalized(None, None, None, "date"), word
        assert normalize(word, ref) == Normalized(None, None, None, "date"), word


def test_the_rules_answer_without_dateparser(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("dateparser asked")

    monkeypatch.setattr(timex, "_dateparser", refuse)
    normalize.cache_clear()
    ref = date(2020, 1, 6)
    assert normalize("3 January 2020", ref) == Normalized("2020-01-03", "2020-01-03", "day", "date")
    assert normalize("Jan. 3, 2020", ref) == Normalized("2020-01-03", "2020-01-03", "day", "date")
    assert normalize("the 3rd of January, 2020", None) == Normalized("2020-01-03", "2020-01-03", "day", "date")
    assert normalize("August, 2004", ref) == Normalized("2004-08-01", "2004-08-31", "month", "date")
    assert normalize("the year 2004", ref) == Normalized("2004-01-01", "2004-12-31", "year", "date")
    assert normalize("morning", ref) == Normalized(None, None, None, "date")
    with pytest.raises(AssertionError, match="dateparser asked"):
        normalize("31 February 2020", ref)  # no such day: dateparser's to answer
    normalize.cache_clear()


def test_answers_are_kept_per_text_and_reference_date() -> None:
    normalize.cache_clear()
    first = normalize("last Tuesday", date(2020, 1, 6))
    assert normalize("last Tuesday", date(2020, 1, 6)) is first
    assert normalize("last Tuesday", date(2020, 1, 13)) != first  # another reference, another answer
    assert normalize.cache_info().hits == 1
