"""Time rules one by one, and the places/times tables: write, replace, query, `wirescope places`."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wirescope.cli.main import build_app
from wirescope.nlp.timex.holidays import easter
from wirescope.nlp.timex.normalize import normalize
from wirescope.records import Analysis, Article, Place, Provenance, Sentence, TimeRef
from wirescope.store import Store
from wirescope.store.places import query_places, query_times

FRI = date(2020, 1, 3)


def test_weekday_equal_to_publication_weekday_is_that_day() -> None:
    assert normalize("Friday", FRI).value == "2020-01-03"  # type: ignore[union-attr]
    assert normalize("Thursday", FRI).value == "2020-01-02"  # type: ignore[union-attr]


def test_weekday_with_month_and_day_picks_the_agreeing_year() -> None:
    assert normalize("Sunday, December 29", FRI).value == "2019-12-29"  # type: ignore[union-attr]
    assert normalize("Tuesday, March 3", date(2021, 3, 10)).value == "2020-03-03"  # type: ignore[union-attr]


def test_holidays() -> None:
    assert normalize("New Year's Day", FRI).value == "2020-01-01"  # type: ignore[union-attr]
    assert normalize("Christmas", FRI).value == "2019-12-25"  # type: ignore[union-attr]
    assert normalize("Good Friday", date(2024, 4, 2)).value == "2024-03-29"  # type: ignore[union-attr]
    assert easter(2020) == date(2020, 4, 12)


@pytest.mark.parametrize("text,start,end,granularity", [
    ("earlier this week", "2019-12-30", "2020-01-03", "week"),
    ("last week", "2019-12-23", "2019-12-29", "week"),
    ("this morning", "2020-01-03", "2020-01-03", "part-of-day"),
    ("last night", "2020-01-02", "2020-01-03", "part-of-day"),
])
def test_relative_periods_are_ranges_with_a_granularity(text: str, start: str, end: str, granularity: str) -> None:
    got = normalize(text, FRI)
    assert got is not None and (got.value, got.value_end, got.granularity, got.kind) == (start, end, granularity,
                                                                                         "range")


@pytest.mark.parametrize("text", ["three days", "24 hours", "a six-day", "decades"])
def test_durations_are_not_dates(text: str) -> None:
    got = normalize(text, FRI)
    assert got is not None and got.kind == "duration" and got.value is None


@pytest.mark.parametrize("text", ["62", "62-year-old", "aged 62"])
def test_ages_are_not_time_expressions(text: str) -> None:
    assert normalize(text, FRI) is None


def test_bare_years_and_decades() -> None:
    year = normalize("1967", None)
    assert year is not None and (year.value, year.value_end, year.granularity) == ("1967-01-01", "1967-12-31", "year")
    decade = normalize("the 1990s", FRI)
    assert decade is not None and decade.kind == "range" and decade.granularity == "decade"


@pytest.mark.parametrize("text", ["Friday", "last week", "December 29", "yesterday", "Christmas", "this morning"])
def test_no_publication_date_leaves_relative_expressions_unresolved(text: str) -> None:
    got = normalize(text, None)
    assert got is not None and got.value is None


def _analysis(article_id: str) -> Analysis:
    text = "Jets landed at RAF Lakenheath in Suffolk on Friday. Somewhere in Xyzzyland."
    return Analysis(
        article=Article(id=article_id, text=text, published=FRI, input="mem"),
        provenance=Provenance("0", "m", ("places@1",)),
        sentences=(Sentence(article_id, 0, 0, 51), Sentence(article_id, 1, 52, len(text))),
        places=(
            Place(15, 29, "RAF Lakenheath", "RAF Lakenheath", None, 52.4093, 0.561, "S.AIRB", "GB", "GBR", None, 0.9,
                  0),
            Place(33, 40, "Suffolk", "Suffolk", None, 52.2, 1.0, "A.ADM1", "GB", "GBR", "Suffolk", 0.8, 0),
            Place(65, 75, "Xyzzyland", sentence=1),
        ),
        times=(TimeRef(44, 50, "Friday", "2020-01-03", "2020-01-03", "day", "date", 0),),
    )


def test_store_round_trip_and_query(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    with Store(db) as store:
        store.write([_analysis("a1"), _analysis("a2")], run_id=None)
        store.write([_analysis("a1")], run_id=None)  # replacing an article replaces its rows
        gb = query_places(store.con, country="GBR")
        assert [(r.name, r.mentions, r.articles) for r in gb] == [("RAF Lakenheath", 2, 2), ("Suffolk", 2, 2)]
        assert query_places(store.con, country="gb", limit=1)[0].name == "RAF Lakenheath"
        unresolved = query_places(store.con, include_unresolved=True)
        assert any(r.name == "Xyzzyland" and r.lat is None for r in unresolved)
        times = query_times(store.con, article_id="a1")
        assert times == list(_analysis("a1").times)  # the records that were written
    out = CliRunner().invoke(build_app(), ["places", "--db", str(db), "--country", "GB", "--json"])
    assert out.exit_code == 0, out.output
    rows = [json.loads(line) for line in out.output.splitlines()]
    assert rows[0]["name"] == "RAF Lakenheath" and rows[0]["country3"] == "GBR"
