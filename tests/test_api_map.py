"""The map through the API (issue 19, item 3): each event's place precision (place, admin area, country), the
"located in" filter (the place's country, not the actors'), the precision filter, the slider's date range and the
export of the current view. ``map_store`` is shared with the dashboard tests (tests/test_web_map.py)."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import api_support
from aggregate_support import analysis, event
from wirescope.api import create_app
from wirescope.records import Place
from wirescope.store.places import precision_of

DAMASCUS = Place(0, 8, "Damascus", "Damascus", 170654, 33.51, 36.29, "P.PPLC", "SY", "SYR", None, 0.9)
DUMAYR = Place(0, 6, "Dumayr", "Dumayr", 170000, 33.64, 36.69, "P.PPL", "SY", "SYR", None, 0.9)
IDLIB = Place(0, 5, "Idlib", "Idlib Governorate", 169388, 35.75, 36.63, "A.ADM1", "SY", "SYR", None, 0.8)
SYRIA = Place(0, 5, "Syria", "Syria", 163843, 35.0, 38.5, "A.PCLI", "SY", "SYR", None, 0.9)
ANKARA = Place(0, 6, "Ankara", "Ankara", 323786, 39.92, 32.85, "P.PPLC", "TR", "TUR", None, 0.9)
BAGHDAD = Place(0, 7, "Baghdad", "Baghdad", 98182, 33.34, 44.40, "P.PPLC", "IQ", "IRQ", None, 0.9)


def map_analyses() -> list:  # type: ignore[type-arg]
    """Syria: 3 events at Damascus, 1 at Dumayr (close by: one cluster until zoomed in), 2 in Idlib Governorate (an
    admin area), 4 located only in Syria (its centroid); a Syrian act located in Ankara; 1 event in Baghdad."""
    rows = [
        ("d1", DAMASCUS, "SYR", "REB", "2020-02-01"), ("d2", DAMASCUS, "SYR", "REB", "2020-02-02"),
        ("d3", DAMASCUS, "RUS", "SYR", "2020-02-03"), ("d4", DUMAYR, "SYR", "REB", "2020-02-03"),
        ("i1", IDLIB, "TUR", "SYR", "2020-02-10"), ("i2", IDLIB, "SYR", "TUR", "2020-02-11"),
        ("c1", SYRIA, "USA", "SYR", "2020-02-05"), ("c2", SYRIA, "SYR", "ISR", "2020-02-06"),
        ("c3", SYRIA, "RUS", "SYR", "2020-02-07"), ("c4", SYRIA, "IRN", "SYR", "2020-02-08"),
        ("a1", ANKARA, "SYR", "TUR", "2020-02-12"), ("b1", BAGHDAD, "USA", "IRQ", "2020-03-15"),
    ]
    return [
        analysis(aid, f"{src} 190 {tgt} in {place.name}.",
                 (event(aid, "190", src, tgt, day=day, place=place, confidence=0.9),),
                 title=f"{src} in {place.name}", published=date.fromisoformat(day), source="Test Wire")
        for aid, place, src, tgt, day in rows
    ]


def map_store(path: Path) -> Path:
    return api_support.write_store(path, map_analyses(), aggregate=False)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    return TestClient(create_app(map_store(tmp_path_factory.mktemp("map") / "store.duckdb")))


def _view(client: TestClient, **params: object) -> dict:  # type: ignore[type-arg]
    r = client.get("/api/map/view", params=params)  # type: ignore[arg-type]
    assert r.status_code == 200, r.text
    return dict(r.json())


def test_precision_from_the_gazetteer_feature() -> None:
    assert [precision_of(f) for f in ("P.PPLC", "S.AIRP", None, "A.ADM1", "A.ADM2", "A.PCLI", "A.PCLD", "L.RGN")] == [
        "place", "place", "place", "admin", "admin", "country", "country", "country"]


def test_each_cell_says_its_precision(client: TestClient) -> None:
    body = _view(client)
    by_name = {p["name"]: p for p in body["points"]}
    assert by_name["Damascus"]["precision"] == "place" and by_name["Damascus"]["events"] == 3
    assert by_name["Idlib Governorate"]["precision"] == "admin"
    assert by_name["Syria"]["precision"] == "country" and by_name["Syria"]["events"] == 4
    assert body["precisions"] == {"place": 6, "admin": 2, "country": 4}
    assert (body["first_day"], body["last_day"]) == ("2020-02-01", "2020-03-15")


def test_precision_filter(client: TestClient) -> None:
    body = _view(client, precision=["place", "admin"])
    assert {p["precision"] for p in body["points"]} == {"place", "admin"}
    events = client.get("/api/events", params={"precision": "country"}).json()["items"]
    assert sorted(e["article_id"] for e in events) == ["c1", "c2", "c3", "c4"]
    r = client.get("/api/map/view", params={"precision": "street"})
    assert r.status_code == 400 and r.json()["code"] == "bad_precision"


def test_located_in_syria_filters_by_place_not_actor(client: TestClient) -> None:
    located = client.get("/api/events", params={"located_in": "SYR", "limit": 100}).json()["items"]
    assert {e["place_country3"] for e in located} == {"SYR"}
    assert "a1" not in {e["article_id"] for e in located}  # a Syrian act in Ankara is not located in Syria
    assert len(located) == 10
    either = {e["article_id"] for e in client.get("/api/events", params={"country": "SYR", "limit": 100}).json()[
        "items"]}
    assert "a1" in either  # `country` still means either actor or the place
    assert {p["country"] for p in _view(client, located_in="SY")["points"]} == {"SYR"}  # ISO2 works too
    r = client.get("/api/events", params={"located_in": "XX"})
    assert r.status_code == 400 and r.json()["code"] == "bad_located_in"


def test_slider_range_ignores_the_dates_but_not_other_filters(client: TestClient) -> None:
    body = _view(client, since="2020-02-05", until="2020-02-08")
    assert sum(p["events"] for p in body["points"]) == 4
    assert (body["first_day"], body["last_day"]) == ("2020-02-01", "2020-03-15")
    assert _view(client, located_in="IRQ")["first_day"] == "2020-03-15"


def test_export_of_the_view(client: TestClient) -> None:
    params = {"bbox": "35,32,40,37", "precision": ["place", "admin"], "format": "geojson"}
    r = client.get("/api/map/export", params=params)  # type: ignore[arg-type]
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/geo+json")
    assert "attachment" in r.headers["content-disposition"]
    features = r.json()["features"]
    assert sorted(f["properties"]["article_id"] for f in features) == ["d1", "d2", "d3", "d4", "i1", "i2"]
    assert {f["properties"]["precision"] for f in features} == {"place", "admin"}
    assert all(f["geometry"]["type"] == "Point" and len(f["geometry"]["coordinates"]) == 2 for f in features)
    r = client.get("/api/map/export", params={**params, "format": "csv"})  # type: ignore[dict-item]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert sorted(row["article_id"] for row in rows) == ["d1", "d2", "d3", "d4", "i1", "i2"]
    assert {"precision", "lat", "lon", "place_name"} <= set(rows[0])
