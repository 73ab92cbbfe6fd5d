"""Office holders by date: the bundled table's checks, lookups, the user file, bad files and the CLI."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pycountry
import pytest
from typer.testing import CliRunner

from wirescope.cli.main import build_app
from wirescope.config import Settings
from wirescope.errors import ConfigError
from wirescope.nlp.resources.offices import (
    BUNDLED,
    COLUMNS,
    NON_STATE,
    OFFICES,
    OfficeTable,
    load_office_table,
    name_key,
    overlap_problems,
    read_terms,
)

HEADER = "\t".join(COLUMNS) + "\n"
G20_P5 = ("ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR", "MEX", "RUS", "SAU",
          "ZAF", "TUR", "GBR", "USA")


@pytest.fixture(scope="module")
def table() -> OfficeTable:
    return load_office_table()


def _row(person: str, country: str, office: str, start: str, end: str = "", *, aliases: str = "",
         code: str | None = None, precision: str = "day", acting: str = "0", source: str = "test") -> str:
    return "\t".join([person, aliases, country, office, code or f"{country}GOV", start, end, precision, acting,
                      source]) + "\n"


def _write(tmp_path: Path, *rows: str, header: str = HEADER) -> Path:
    path = tmp_path / "offices.tsv"
    path.write_text("# a user table\n" + header + "".join(rows), encoding="utf-8")
    return path


# ---------------------------------------------------------------------------------------------- the bundled table


def test_bundled_table_is_valid() -> None:
    terms = read_terms(BUNDLED)  # raises on any problem, naming file:line
    assert len(terms) >= 500
    iso3 = {c.alpha_3 for c in pycountry.countries}
    for t in terms:
        assert t.country in iso3 or t.country in NON_STATE, t.origin
        assert t.end is None or t.start <= t.end, t.origin
        assert set(t.offices) <= OFFICES, t.origin
        assert t.source, t.origin
        if t.country in iso3:
            assert t.code.startswith(t.country), t.origin
    assert overlap_problems(terms) == []


def test_every_g20_and_p5_member_has_all_four_offices_filled(table: OfficeTable) -> None:
    # Sampled twice a year over the table's span; a gap would mean a missing or mis-dated row. The monarch of
    # Australia and Canada is the British one, listed only for GBR.
    days = [date(y, m, 15) for y in range(2015, 2025) for m in (3, 9)] + [date(2025, 3, 15)]
    missing = [(c, o, d) for c in G20_P5 for o in ("head_of_state", "head_of_government", "foreign_minister",
                                                   "defence_minister")
               if not (o == "head_of_state" and c in ("AUS", "CAN"))
               for d in days if table.holder_of(c, o, d) is None]
    assert missing == []


def test_heads_of_the_main_igos_and_armed_groups_are_there(table: OfficeTable) -> None:
    day = date(2020, 6, 1)
    for body in ("UN", "EU", "NATO", "IAEA", "WHO", "IMF", "WBG", "AU", "LAS", "OPEC"):
        assert table.holder_of(body, "igo_head", day) is not None, body
    assert table.holder_of("ICC", "prosecutor", day) is not None
    for group in ("TALIBAN", "ISIS", "AQ", "SHABAAB", "HEZBOLLAH", "HAMAS", "HOUTHIS", "HTS", "PKK", "SDF",
                  "BOKOHARAM", "WAGNER"):
        assert table.holder_of(group, "group_leader", day) is not None, group


# ---------------------------------------------------------------------------------------------- well-known facts


def _persons(table: OfficeTable, country: str, office: str, day: date) -> list[str]:
    return [t.person for t in table.holders_of(country, office, day)]


def test_us_presidents(table: OfficeTable) -> None:
    for day in (date(2019, 6, 1), date(2025, 3, 1)):
        assert _persons(table, "USA", "head_of_state", day) == ["Donald Trump"]
    assert _persons(table, "USA", "head_of_state", date(2022, 6, 1)) == ["Joe Biden"]
    assert _persons(table, "USA", "head_of_government", date(2022, 6, 1)) == ["Joe Biden"]
    trump = table.holders("Trump", on=date(2019, 6, 1))
    assert [(t.country, t.code) for t in trump] == [("USA", "USAGOV")]
    assert table.holders("Trump", on=date(2022, 6, 1)) == []
    # on the handover day the incoming holder holds the office
    assert _persons(table, "USA", "head_of_state", date(2021, 1, 20)) == ["Joe Biden"]


def test_iran_un_and_other_spot_checks(table: OfficeTable) -> None:
    assert _persons(table, "IRN", "head_of_government", date(2019, 6, 1)) == ["Hassan Rouhani"]
    assert _persons(table, "IRN", "head_of_government", date(2025, 3, 1)) == ["Masoud Pezeshkian"]
    assert _persons(table, "IRN", "head_of_state", date(2020, 1, 8)) == ["Ali Khamenei"]
    assert _persons(table, "UN", "igo_head", date(2020, 1, 8)) == ["António Guterres"]
    assert _persons(table, "UN", "igo_head", date(2016, 1, 1)) == ["Ban Ki-moon"]
    assert _persons(table, "GBR", "head_of_government", date(2020, 1, 8)) == ["Boris Johnson"]
    assert _persons(table, "RUS", "foreign_minister", date(2023, 1, 1)) == ["Sergey Lavrov"]
    assert _persons(table, "USA", "defence_minister", date(2020, 1, 8)) == ["Mark Esper"]


def test_taliban_leader_is_coded_as_a_rebel_then_as_the_government(table: OfficeTable) -> None:
    before = table.holder_of("TALIBAN", "group_leader", date(2020, 1, 1))
    after = table.holder_of("TALIBAN", "group_leader", date(2022, 1, 1))
    assert before is not None and after is not None
    assert before.person == after.person == "Hibatullah Akhundzada"
    assert (before.code, after.code) == ("AFGREB", "AFGGOV")
    assert _persons(table, "AFG", "head_of_state", date(2022, 1, 1)) == ["Hibatullah Akhundzada"]


def test_an_acting_holder_who_stood_in_comes_first(table: OfficeTable) -> None:
    # Park Geun-hye was impeached on 2016-12-09; Prime Minister Hwang Kyo-ahn acted until 2017-05-10
    found = table.holders_of("KOR", "head_of_state", date(2017, 1, 1))
    assert [t.person for t in found] == ["Hwang Kyo-ahn", "Park Geun-hye"]
    assert found[0].acting and not found[1].acting
    assert table.holder_of("KOR", "head_of_state", date(2017, 4, 1)).person == "Hwang Kyo-ahn"  # type: ignore[union-attr]


def test_names_match_without_case_diacritics_or_honorifics(table: OfficeTable) -> None:
    day = date(2020, 1, 1)
    assert name_key("Recep Tayyip Erdoğan") == name_key("recep tayyip erdogan")
    assert {t.person for t in table.holders("ERDOGAN", on=day)} == {"Recep Tayyip Erdoğan"}
    assert [t.person for t in table.holders("Mr Abe", on=day)] == ["Shinzo Abe"]
    assert [t.person for t in table.holders("al-Baghdadi", on=date(2017, 1, 1))] == ["Abu Bakr al-Baghdadi"]
    assert table.holders("Zelenskyy", on=date(2015, 1, 1)) == []
    assert len(table.holders("Lavrov")) == 1  # no date: every term


def test_unknown_office_is_an_error(table: OfficeTable) -> None:
    with pytest.raises(ConfigError, match="unknown office 'president'"):
        table.holder_of("USA", "president", date(2020, 1, 1))


# ---------------------------------------------------------------------------------------------- the user file


def test_user_file_extends_and_overrides_the_bundled_table(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        # a holder after the table's last day cuts the open bundled term short
        _row("Friedrich Merz", "DEU", "head_of_government", "2025-05-06", aliases="Merz"),
        # a restated term replaces the bundled one (here with a made-up end, to see it win)
        _row("António Guterres", "UN", "igo_head", "2017-01-01", "2024-12-31", code="IGOUNO"),
        # a country the bundled table does not cover
        _row("Hilda Heine", "MHL", "head_of_government", "2024-01-02"),
    )
    assert Settings(office_holders_file=path).office_holders_file == path
    table = load_office_table(path)
    assert _persons(table, "DEU", "head_of_government", date(2025, 6, 1)) == ["Friedrich Merz"]
    assert _persons(table, "DEU", "head_of_government", date(2024, 6, 1)) == ["Olaf Scholz"]
    scholz = table.holders("Scholz")[0]
    assert scholz.end == date(2025, 5, 6)
    assert table.holder_of("UN", "igo_head", date(2025, 2, 1)) is None
    assert [t.origin for t in table.holders("Guterres")] == [f"{path}:4"]  # bundled aliases kept
    assert _persons(table, "MHL", "head_of_government", date(2025, 1, 1)) == ["Hilda Heine"]
    # the bundled table itself is unchanged
    assert _persons(load_office_table(), "UN", "igo_head", date(2025, 2, 1)) == ["António Guterres"]


def test_a_missing_user_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_office_table(tmp_path / "nope.tsv")


# ---------------------------------------------------------------------------------------------- bad files


@pytest.mark.parametrize(("row", "message"), [
    (_row("X", "XYZ", "head_of_state", "2020-01-01"), "country 'XYZ' is neither"),
    (_row("X", "FRA", "head_of_state", "2020-01-01", "2019-01-01"), "start 2020-01-01 is after end 2019-01-01"),
    (_row("X", "FRA", "president", "2020-01-01"), "office 'president' is not one of"),
    (_row("X", "FRA", "head_of_state", "2020-02-30"), "start '2020-02-30' is not a date"),
    (_row("X", "FRA", "head_of_state", "2020-01-01", code="DEUGOV"), "does not start with the row's country FRA"),
    (_row("X", "FRA", "head_of_state", "2020-01-01", code="fragov"), "is not a CAMEO actor code"),
    (_row("X", "FRA", "head_of_state", "2020-01-01", acting="yes"), "acting 'yes' is not 0 or 1"),
    (_row("X", "FRA", "head_of_state", "2020-01-01", source=""), "source is empty"),
    (_row("X", "FRA", "head_of_state", "2020-01-05", precision="month"), "neither date is the first of a month"),
    ("X\tFRA\thead_of_state\n", "3 tab-separated columns, expected 10"),
])
def test_bad_rows_are_named_by_file_and_line(tmp_path: Path, row: str, message: str) -> None:
    path = _write(tmp_path, _row("Fine", "FRA", "head_of_state", "2010-01-01", "2011-01-01"), row)
    with pytest.raises(ConfigError) as err:
        read_terms(path)
    assert f"{path}:4: " in str(err.value)
    assert message in str(err.value)


def test_overlapping_terms_are_an_error_unless_one_is_acting(tmp_path: Path) -> None:
    first = _row("A", "FRA", "head_of_state", "2010-01-01", "2015-01-01")
    second = _row("B", "FRA", "head_of_state|head_of_government", "2014-06-01")
    with pytest.raises(ConfigError, match=r":4: head_of_state of FRA: B from 2014-06-01 overlaps A"):
        read_terms(_write(tmp_path, first, second))
    acting = _row("B", "FRA", "head_of_state", "2014-06-01", "2015-01-01", acting="1")
    assert len(read_terms(_write(tmp_path, first, acting))) == 2
    # other offices of the same country and the same office of another country do not collide
    other = _row("C", "FRA", "foreign_minister", "2012-01-01") + _row("D", "DEU", "head_of_state", "2012-01-01")
    assert len(read_terms(_write(tmp_path, first, other))) == 3


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    path = _write(tmp_path, _row("X", "XYZ", "head_of_state", "2020-01-01"),
                  _row("Y", "FRA", "head_of_state", "2020-01-01", "2019-01-01"))
    with pytest.raises(ConfigError, match="2 problem") as err:
        read_terms(path)
    assert f"{path}:3" in str(err.value) and f"{path}:4" in str(err.value)


def test_a_file_without_the_header_is_rejected(tmp_path: Path) -> None:
    path = _write(tmp_path, _row("X", "FRA", "head_of_state", "2020-01-01"), header="")
    with pytest.raises(ConfigError, match=r"offices.tsv:2: the first non-comment line must be the header"):
        read_terms(path)


# ---------------------------------------------------------------------------------------------- the CLI


runner = CliRunner()


def test_cli_lookup_shows_the_terms_and_the_dictionary_code() -> None:
    result = runner.invoke(build_app(), ["actors", "lookup", "Rouhani", "--on", "2019-06-01", "--json"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert found["on"] == "2019-06-01"
    assert [(t["person"], t["country"], t["offices"]) for t in found["office_terms"]] == [
        ("Hassan Rouhani", "IRN", ["head_of_government"])]
    assert found["dictionary"]["code"] == "IRNGOV"

    text = runner.invoke(build_app(), ["actors", "lookup", "Pezeshkian", "--on", "2019-06-01"])
    assert text.exit_code == 0
    assert "no office holder named 'Pezeshkian' on 2019-06-01" in text.stdout


def test_cli_lookup_with_a_user_file_and_a_bad_date(tmp_path: Path) -> None:
    path = _write(tmp_path, _row("Friedrich Merz", "DEU", "head_of_government", "2025-05-06", aliases="Merz"))
    result = runner.invoke(build_app(), ["actors", "lookup", "Merz", "--office-holders", str(path)])
    assert result.exit_code == 0, result.output
    assert "Friedrich Merz: head_of_government of DEU as DEUGOV, 2025-05-06 to open" in result.stdout
    bad = runner.invoke(build_app(), ["actors", "lookup", "Merz", "--on", "2025-13-01"])
    assert bad.exit_code == 2
    broken = _write(tmp_path, _row("X", "XYZ", "head_of_state", "2020-01-01"))
    failed = runner.invoke(build_app(), ["actors", "lookup", "X", "--office-holders", str(broken)])
    assert failed.exit_code == 2
    assert "country 'XYZ'" in failed.output
