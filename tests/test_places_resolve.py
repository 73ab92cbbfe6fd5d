"""Toponym resolution: traps, demonyms, airports and bases, cues, qualifiers, the GeoNames dump build."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from wirescope.errors import ConfigError, InputError
from wirescope.nlp.geo.extract import keep, toponyms_from_mentions
from wirescope.nlp.geo.resolve import Resolver, Toponym
from wirescope.nlp.resources.gazetteer import Gazetteer, load_gazetteer
from wirescope.nlp.resources.gazetteer_build import build_from_geonames


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver(load_gazetteer(None))


def resolve_text(resolver: Resolver, text: str, spans: list[tuple[str, str | None]]):  # type: ignore[no-untyped-def]
    toponyms, pos = [], 0
    for phrase, label in spans:
        start = text.index(phrase, pos)
        toponyms.append(Toponym(start, start + len(phrase), phrase, label))
        pos = start + len(phrase)
    return {r.toponym.text: r for r in resolver.resolve(toponyms, text)}


@pytest.mark.parametrize(
    "name,country,fclass",
    [
        ("Lebanon", "LB", "A"),
        ("Russia", "RU", "A"),
        ("Middle East", None, "L"),
        ("Iraq", "IQ", "A"),
        ("Golan Heights", "SY", "L"),
        ("West Bank", "PS", "L"),
    ],
)
def test_countries_and_regions_beat_small_towns_of_the_same_name(
    resolver: Resolver, name: str, country: str | None, fclass: str
) -> None:
    r = resolver.resolve([Toponym(0, len(name), name, "GPE")])[0]
    assert r.candidate is not None
    assert (r.candidate.country, r.candidate.fclass) == (country, fclass)


def test_lebanon_stays_the_country_next_to_middle_east_places(resolver: Resolver) -> None:
    text = "Troops gathered in Israel and Lebanon as Syria watched."
    got = resolve_text(resolver, text, [("Israel", "GPE"), ("Lebanon", "GPE"), ("Syria", "GPE")])
    assert got["Lebanon"].candidate.fcode == "PCLI"  # type: ignore[union-attr]


@pytest.mark.parametrize("word,iso2", [("Lebanese", "LB"), ("Iranians", "IR"), ("Israeli", "IL"), ("American", "US")])
def test_demonyms_resolve_to_their_country(resolver: Resolver, word: str, iso2: str) -> None:
    r = resolver.resolve([Toponym(0, len(word), word, "NORP")])[0]
    assert r.reason == "demonym" and r.candidate is not None and r.candidate.country == iso2
    assert keep(r)


def test_a_norp_that_is_no_demonym_is_no_place(resolver: Resolver) -> None:
    r = resolver.resolve([Toponym(0, 6, "Shiite", "NORP")])[0]
    assert r.candidate is None and not keep(r)


@pytest.mark.parametrize(
    "text,iso2,fcode",
    [
        ("Baghdad airport", "IQ", "AIRP"),
        ("Baghdad International Airport", "IQ", "AIRP"),
        ("Baghadad airport", "IQ", "AIRP"),
        ("RAF Lakenheath", "GB", "AIRB"),
        ("RAF Mildenhall", "GB", "AIRB"),
    ],
)
def test_airports_and_air_bases(resolver: Resolver, text: str, iso2: str, fcode: str) -> None:
    r = resolver.resolve([Toponym(0, len(text), text, "FAC")])[0]
    assert r.candidate is not None and (r.candidate.country, r.candidate.fcode) == (iso2, fcode)


def test_location_followed_by_airport_becomes_the_airport() -> None:
    text = "He left Baghdad airport at night."
    got = toponyms_from_mentions([(8, 15, "Baghdad", "GPE")], text)
    assert [(t.text, t.start, t.end) for t in got] == [("Baghdad airport", 8, 23)]


def test_outlet_name_is_not_a_place(resolver: Resolver) -> None:
    r = resolver.resolve([Toponym(0, 11, "Metro.co.uk", "GPE")])[0]
    assert r.candidate is None and r.reason == "not-a-place" and not keep(r)


def test_town_tagged_as_person_is_found_after_a_cue(resolver: Resolver) -> None:
    text = "the border between the southern Lebanese town of Kfar Kila and the Israeli town of Metullah."
    start = text.index("Kfar Kila")
    mentions = [
        (start, start + 9, "Kfar Kila", "PERSON"),
        (text.index("Metullah"), text.index("Metullah") + 8, "Metullah", "GPE"),
    ]
    toponyms = toponyms_from_mentions(mentions, text)
    got = {r.toponym.text: r for r in resolver.resolve(toponyms, text)}
    assert got["Kfar Kila"].candidate is not None and got["Kfar Kila"].candidate.country == "LB"
    assert keep(got["Kfar Kila"])
    metula = got["Metullah"].candidate
    assert metula is not None and metula.name == "Metula" and metula.country == "IL"


def test_person_without_cue_is_not_a_place() -> None:
    text = "Kfar Kila said so."
    assert toponyms_from_mentions([(0, 9, "Kfar Kila", "PERSON")], text) == []


def test_surname_tagged_as_place_is_dropped_when_the_person_is_named() -> None:
    text = "Qasem Soleimani was killed. Soleimani led the force."
    mentions = [(0, 15, "Qasem Soleimani", "PERSON"), (28, 37, "Soleimani", "GPE")]
    assert toponyms_from_mentions(mentions, text) == []


def test_qualifier_picks_the_town_in_the_named_state(resolver: Resolver) -> None:
    text = "Officers met in Paris, Tenn. on Monday."
    got = resolve_text(resolver, text, [("Paris", "GPE"), ("Tenn.", "GPE")])
    paris = got["Paris"].candidate
    assert paris is not None and (paris.country, paris.admin1) == ("US", "TN")


def test_local_focus_picks_the_nearby_namesake(resolver: Resolver) -> None:
    text = "Deputies from Lamar County searched Paris and Reno, Texas, after the Sulphur Springs report."
    got = resolve_text(
        resolver,
        text,
        [("Lamar County", "GPE"), ("Paris", "GPE"), ("Reno", "GPE"), ("Texas", "GPE"), ("Sulphur Springs", "GPE")],
    )
    paris = got["Paris"].candidate
    assert paris is not None and (paris.country, paris.admin1) == ("US", "TX")


def test_whole_name_is_tried_before_dropping_a_direction(resolver: Resolver) -> None:
    r = resolver.resolve([Toponym(0, 9, "West Bank", "GPE")])[0]
    assert r.candidate is not None and r.candidate.name == "West Bank"


def test_missing_custom_index_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        Gazetteer(tmp_path / "nope.sqlite")


def _geonames_row(
    gid: int, name: str, alt: str, lat: float, lon: float, fclass: str, fcode: str, cc: str, admin1: str, pop: int
) -> str:
    cols = [
        str(gid),
        name,
        name,
        alt,
        str(lat),
        str(lon),
        fclass,
        fcode,
        cc,
        "",
        admin1,
        "",
        "",
        "",
        str(pop),
        "",
        "10",
        "Europe/Test",
        "2024-01-01",
    ]
    return "\t".join(cols)


def test_build_from_a_geonames_dump(tmp_path: Path) -> None:
    rows = [
        _geonames_row(900001, "Testhaven", "Testhafen,Port Test", 50.5, 7.25, "P", "PPL", "DE", "07", 12000),
        _geonames_row(900002, "Testland Region", "", 50.0, 7.0, "A", "ADM1", "DE", "07", 0),
        _geonames_row(900003, "Test Creek", "", 50.1, 7.1, "H", "STM", "DE", "07", 0),  # a stream: not kept
        _geonames_row(2921044, "Germany", "Deutschland", 51.5, 10.5, "A", "PCLI", "DE", "00", 83000000),
    ]
    dump = tmp_path / "DE.zip"
    with zipfile.ZipFile(dump, "w") as zf:
        zf.writestr("DE.txt", "\n".join(rows) + "\n")
        zf.writestr("readme.txt", "not a table")
    path, kept = build_from_geonames(dump, tmp_path / "full.sqlite")
    assert kept == 3
    gaz = Gazetteer(path)
    assert gaz.meta["source"] == "geonames:DE.zip"
    hit = Resolver(gaz).resolve([Toponym(0, 9, "Testhafen", "GPE")])[0]
    assert hit.candidate is not None and hit.candidate.geonameid == 900001
    assert gaz.admin1_name("DE", "07") == "Testland Region"
    assert not gaz.lookup("test creek")
    germany = gaz.country_place("DE")
    assert germany is not None and (germany.lat, germany.lon) == (51.5, 10.5)


def test_a_malformed_dump_names_the_line(tmp_path: Path) -> None:
    dump = tmp_path / "bad.txt"
    dump.write_text(_geonames_row(1, "Ok", "", 1.0, 1.0, "P", "PPL", "DE", "01", 5) + "\nonly\tthree\tcolumns\n")
    with pytest.raises(InputError, match=r"bad.txt:2"):
        build_from_geonames(dump, tmp_path / "x.sqlite")


def test_dateline_in_capitals_is_a_place(resolver: Resolver) -> None:
    text = "Fire destroys barn. TORRINGTON — Firefighters from Hartford and Litchfield fought the blaze."
    mentions = [
        (text.index("Hartford"), text.index("Hartford") + 8, "Hartford", "GPE"),
        (text.index("Litchfield"), text.index("Litchfield") + 10, "Litchfield", "GPE"),
    ]
    toponyms = toponyms_from_mentions(mentions, text)
    assert [t.label for t in toponyms] == ["DATELINE", "GPE", "GPE"]
    got = {r.toponym.text: r for r in resolver.resolve(toponyms, text)}
    town = got["TORRINGTON"].candidate
    assert keep(got["TORRINGTON"]) and town is not None and (town.country, town.admin1) == ("US", "CT")


def test_town_mislabelled_as_org_is_kept_only_when_the_context_agrees(resolver: Resolver) -> None:
    text = "Deputies in Walker County said Huntsville police and Boeing staff met near Conroe, Texas."
    spans = [("Walker County", "GPE"), ("Huntsville", "ORG"), ("Boeing", "ORG"), ("Conroe", "GPE"), ("Texas", "GPE")]
    mentions, pos = [], 0
    for phrase, label in spans:
        start = text.index(phrase, pos)
        mentions.append((start, start + len(phrase), phrase, label))
        pos = start + len(phrase)
    toponyms = toponyms_from_mentions(mentions, text)
    got = {r.toponym.text: r for r in resolver.resolve(toponyms, text)}
    huntsville = got["Huntsville"]
    assert huntsville.toponym.label == "MAYBE" and keep(huntsville)
    assert huntsville.candidate is not None and huntsville.candidate.admin1 == "TX"
    assert not keep(got["Boeing"])


def test_org_words_and_acronyms_are_not_place_candidates() -> None:
    text = "Huntsville Police Department and NATO and Apple Inc met."
    mentions = [(0, 28, "Huntsville Police Department", "ORG"), (33, 37, "NATO", "ORG"), (42, 51, "Apple Inc", "ORG")]
    # Only the place a local institution is named after is a candidate, and an uncertain one.
    assert [(t.text, t.label) for t in toponyms_from_mentions(mentions, text)] == [("Huntsville", "MAYBE")]


def test_county_names_are_places_whatever_the_ner_said() -> None:
    text = "Crews in Kanawha County and McDowell County worked late."
    assert [(t.text, t.label) for t in toponyms_from_mentions([], text)] == [
        ("Kanawha County", "GPE"),
        ("McDowell County", "GPE"),
    ]


def test_gazetteer_build_cli_with_a_geonames_file(tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from wirescope.cli.main import build_app

    dump = tmp_path / "XX.txt"
    dump.write_text(_geonames_row(900101, "Clitown", "", 10.0, 10.0, "P", "PPL", "NG", "01", 900) + "\n")
    out_path = tmp_path / "g.sqlite"
    runner = CliRunner()
    out = runner.invoke(build_app(), ["gazetteer", "build", "--geonames", str(dump), "--output", str(out_path)])
    assert out.exit_code == 0, out.output
    assert "kept 1 GeoNames rows" in out.output and out_path.is_file()
    info = runner.invoke(build_app(), ["gazetteer", "info", "--path", str(out_path)])
    assert json.loads(info.output)["source"] == "geonames:XX.txt"
    missing = runner.invoke(
        build_app(), ["gazetteer", "build", "--geonames", str(tmp_path / "nope.zip"), "--output", str(out_path)]
    )
    assert missing.exit_code == 2 and "not found" in missing.output


def test_untagged_name_after_a_preposition_is_an_uncertain_candidate(resolver: Resolver) -> None:
    text = "Deputies met in Gainesville on Monday, Alachua County officials said. Forces in Lebanon waited."
    unifil = (text.index("Forces"), text.index(" waited"), "Forces in Lebanon", "ORG")
    toponyms = toponyms_from_mentions([unifil], text)
    assert [(t.text, t.label) for t in toponyms] == [("Gainesville", "MAYBE"), ("Alachua County", "GPE")]
    got = {r.toponym.text: r for r in resolver.resolve(toponyms, text)}
    assert keep(got["Gainesville"]) and got["Gainesville"].candidate.admin1 == "FL"  # type: ignore[union-attr]


@pytest.mark.parametrize("text,name", [
    ("University of California", "California"), ("Walker County Sheriff's Office", "Walker County"),
    ("Dubai World Trade Centre", "Dubai"), ("US Federal Reserve", "United States"),
])
def test_place_inside_a_longer_name(resolver: Resolver, text: str, name: str) -> None:
    r = resolver.resolve([Toponym(0, len(text), text, "FAC")])[0]
    assert r.reason == "embedded" and r.candidate is not None and r.candidate.name.startswith(name)
    assert r.confidence < 0.6


@pytest.mark.parametrize("text", ["Hard Rock", "Emirates Stadium", "Us Weekly", "Russian Embassy", "Mall of Asia",
                                  "No. 2 Detention Centre"])
def test_a_common_word_inside_a_name_is_no_place(resolver: Resolver, text: str) -> None:
    assert resolver.resolve([Toponym(0, len(text), text, "FAC")])[0].candidate is None


def test_landmarks_beat_small_towns_of_the_same_name(resolver: Resolver) -> None:
    r = resolver.resolve([Toponym(0, 15, "the White House", "FAC")])[0]
    assert r.candidate is not None and (r.candidate.fcode, r.candidate.country) == ("BLDG", "US")


def test_an_institution_in_a_town_is_at_the_town(resolver: Resolver) -> None:
    text = ("A researcher at Loyola University in Los Angeles and a professor at the University of Kentucky, "
            "Lexington spoke at the Palais des Nations in Geneva.")
    found = resolve_text(resolver, text, [("Loyola University", "ORG"), ("Los Angeles", "GPE"),
                                          ("University of Kentucky", "ORG"), ("Lexington", "GPE"),
                                          ("Palais des Nations", "FAC"), ("Geneva", "GPE")])
    for name, town in (("Loyola University", "Los Angeles"), ("University of Kentucky", "Lexington"),
                       ("Palais des Nations", "Geneva")):
        r = found[name]
        assert r.reason == "context" and r.candidate is not None and r.candidate.name == town, (name, r)
        assert r.confidence < 0.5
    # Without a town after it, the place inside the name stands, and nothing is taken from unrelated mentions.
    alone = resolve_text(resolver, "He studied at the University of Kentucky.", [("University of Kentucky", "ORG")])
    assert alone["University of Kentucky"].reason == "embedded"


def test_an_unknown_site_is_placed_at_the_nearest_local_place(resolver: Resolver) -> None:
    text = "Police in London said the bus was attacked in Liverpool as it reached Zorblax Stadium on Tuesday."
    found = resolve_text(resolver, text, [("London", "GPE"), ("Liverpool", "GPE"), ("Zorblax Stadium", "FAC")])
    r = found["Zorblax Stadium"]
    assert r.reason == "context" and r.candidate is not None and r.candidate.name == "Liverpool"
    # A nationality, a direction or a name only weak evidence calls a place gets no place from its neighbours.
    others = resolve_text(resolver, "Zorblaxian fans and the West met Zorblax in Liverpool.",
                          [("Zorblaxian", "NORP"), ("West", "LOC"), ("Zorblax", "MAYBE"), ("Liverpool", "GPE")])
    assert all(others[k].candidate is None for k in ("Zorblaxian", "West", "Zorblax"))
    # With no town or site in the article there is nothing to take.
    lone = resolve_text(resolver, "Fans gathered at Zorblax Stadium in Britain.", [("Zorblax Stadium", "FAC"),
                                                                                   ("Britain", "GPE")])
    assert lone["Zorblax Stadium"].candidate is None


def test_context_places_become_records_marked_as_such(resolver: Resolver) -> None:
    from wirescope.nlp.geo.extract import to_place

    text = "The bus was attacked outside Zorblax Stadium in Liverpool."
    found = resolve_text(resolver, text, [("Zorblax Stadium", "FAC"), ("Liverpool", "GPE")])
    place = to_place(found["Zorblax Stadium"], resolver.gazetteer)
    assert keep(found["Zorblax Stadium"]) and place.match == "context" and place.name == "Liverpool"
