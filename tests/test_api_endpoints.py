"""The HTTP API against a temporary store filled with hand-built records through Store.write."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient

import api_support  # tests/ is on sys.path under pytest (rootdir-relative imports)
from wirescope.api import create_app
from wirescope.api.ingest import IngestRequest, IngestResult
from wirescope.store import Store, migrations


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return api_support.write_store(tmp_path_factory.mktemp("api") / "store.duckdb")


@pytest.fixture(scope="module")
def client(db_path: Path) -> TestClient:
    with TestClient(create_app(db_path)) as c:
        yield c  # type: ignore[misc]


def all_events(client: TestClient, **params: object) -> list[dict]:
    r = client.get("/api/events", params={"limit": 1000, **params})
    assert r.status_code == 200, r.text
    return r.json()["items"]


def test_stats_counts_every_table(client: TestClient) -> None:
    body = client.get("/api/stats").json()
    assert body["tables"]["articles"] == 4
    assert body["tables"]["events"] == 6
    assert body["events_by_quad_class"] == {"1": 2, "3": 1, "4": 3}
    assert body["views"]["events"] is True and body["views"]["stories"] is True
    assert "stories" in body["tables"] and "story_meta" not in body["tables"]  # the clusterer's state is no data


def test_articles_newest_first_and_detail_has_every_record(client: TestClient) -> None:
    items = client.get("/api/articles").json()["items"]
    assert [a["published"] for a in items] == ["2020-01-05", "2020-01-04", "2020-01-03", "2020-01-03"]
    assert [a["id"] for a in items][2:] == ["a1strike0000001", "a4report000004"]  # ties in id order
    detail = client.get("/api/articles/a1strike").json()  # a unique prefix is enough
    assert detail["id"] == "a1strike0000001"
    text = detail["text"]
    for key, start, end in (
        ("mentions", "start_char", "end_char"),
        ("quotes", "start", "end"),
        ("places", "start_char", "end_char"),  # the places table's column names (was start, end)
        ("events", "trigger_start", "trigger_end"),
    ):
        assert detail[key], key
        for rec in detail[key]:
            assert 0 <= rec[start] < rec[end] <= len(text)
    assert text[detail["quotes"][0]["start"] : detail["quotes"][0]["end"]].startswith("Harsh vengeance")
    assert {e["code"] for e in detail["events"]} == {"190", "138"}


@pytest.mark.parametrize(
    ("params", "codes"),
    [
        ({"actor": "IRNMIL"}, {"190"}),
        ({"actor": "united kingdom"}, {"025"}),
        ({"source": "GBR", "target": "USA"}, {"025"}),
        ({"country": "IRQ"}, {"190"}),  # the place's country
        ({"country": "IQ"}, {"190"}),  # ISO2 accepted
        ({"root": "19"}, {"190", "192"}),
        ({"code": "13"}, {"138"}),
        ({"quad_class": [3, 4]}, {"190", "138", "192"}),
        ({"modality": "threatened"}, {"138"}),
        ({"since": "2020-01-04", "until": "2020-01-04"}, {"025"}),
        ({"bbox": "44,33,45,34"}, {"190"}),
        ({"place": "baghdad"}, {"190"}),
        ({"place": "98182"}, {"190"}),
        ({"min_confidence": 0.8}, {"190", "025", "192"}),
        ({"article_id": "a2appeal"}, {"025"}),
    ],
)
def test_event_filters(client: TestClient, params: dict, codes: set[str]) -> None:
    assert {e["code"] for e in all_events(client, **params)} == codes


def test_min_confidence_excludes(client: TestClient) -> None:
    events = all_events(client, min_confidence=0.8)
    assert all(e["confidence"] >= 0.8 for e in events) and len(events) == 4


def test_events_carry_their_evidence(client: TestClient) -> None:
    strike = all_events(client, code="190")[0]
    assert strike["sentence_text"].startswith("A US drone strike killed General Qasem Soleimani")
    assert strike["trigger_text"] == "killed" and strike["article_title"].startswith("US drone strike")
    assert (strike["place_lat"], strike["place_lon"]) == (33.2625, 44.2346)  # the events table's names (was lat, lon)


def test_cursor_walks_the_whole_set_in_order(client: TestClient) -> None:
    expected = [(e["article_id"], e["idx"]) for e in all_events(client)]
    seen, cursor, pages = [], None, 0
    while True:
        body = client.get("/api/events", params={"limit": 2, **({"cursor": cursor} if cursor else {})}).json()
        seen += [(e["article_id"], e["idx"]) for e in body["items"]]
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == expected and len(seen) == 6 and pages == 3


def test_downloads_hold_the_whole_filtered_set(client: TestClient) -> None:
    expected = {(e["article_id"], e["idx"]) for e in all_events(client, quad_class=[1, 4])}
    r = client.get("/api/events", params={"quad_class": [1, 4], "format": "csv", "limit": 1})
    assert r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert {(row["article_id"], int(row["idx"])) for row in rows} == expected
    lines = client.get("/api/events", params={"quad_class": [1, 4], "format": "jsonl"}).text.splitlines()
    assert {(d["article_id"], d["idx"]) for d in map(json.loads, lines)} == expected
    r = client.get("/api/events", params={"quad_class": [1, 4], "format": "parquet"})
    table = pq.read_table(io.BytesIO(r.content))
    assert set(zip(table["article_id"].to_pylist(), table["idx"].to_pylist(), strict=True)) == expected


def test_empty_csv_still_has_a_header(client: TestClient) -> None:
    text = client.get("/api/events", params={"actor": "nobody-at-all", "format": "csv"}).text
    assert text.splitlines()[0].startswith("article_id,")


def test_map_network_dyads_and_escalation(client: TestClient) -> None:
    points = client.get("/api/map").json()["points"]
    baghdad = next(p for p in points if "Baghdad" in p["name"])
    assert baghdad["q4"] == 2 and baghdad["events"] == 2  # both reports of the strike
    edges = client.get("/api/network").json()["edges"]
    assert {"source": "United Kingdom", "target": "Iran"}.items() <= next(
        e for e in edges if e["target"] == "Iran"
    ).items()
    country_edges = client.get("/api/network", params={"level": "country"}).json()["edges"]
    assert {(e["source"], e["target"]) for e in country_edges} == {("USA", "IRN"), ("GBR", "IRN"), ("GBR", "USA")}
    dyads = client.get("/api/dyads").json()["items"]
    assert ("USA", "IRN") in {(d["source"], d["target"]) for d in dyads}
    series = client.get("/api/escalation", params={"source": "USA", "target": "IRN"}).json()["series"]
    day = {"day": "2020-01-03", "events": 2, "goldstein_sum": -20.0, "goldstein_mean": -10.0}
    assert series[0]["points"] == [{**day, "q1": 0, "q2": 0, "q3": 0, "q4": 2}]
    assert series[1]["source"] == "IRN" and series[1]["points"] == []
    index = series[0]["index"]  # the aggregation's stored index for the country dyad
    assert [(r["day"], r["alert"]) for r in index] == [("2020-01-03", True)] and index[0]["level"] == "country"


def test_stories_timeline_and_alerts(client: TestClient) -> None:
    stories = client.get("/api/stories").json()["items"]
    strike = next(s for s in stories if s["title"].startswith("US drone strike"))
    assert strike["size"] == 3 and stories[0] == strike  # biggest first
    story = client.get(f"/api/stories/{strike['id']}").json()
    assert {a["id"] for a in story["articles"]} == {"a1strike0000001", "a2appeal000002", "a4report000004"}
    assert [e["date"] for e in story["events"]] == sorted(e["date"] for e in story["events"])
    assert {e["code"] for e in story["events"]} == {"190", "138", "025"}
    assert {q["speaker_name"] for q in story["quotes"]} == {"Ali Khamenei", "Dominic Raab"}
    assert {e["code"] for e in all_events(client, story=strike["id"])} == {"190", "138", "025"}
    alerts = client.get("/api/alerts").json()["items"]
    assert ("USA", "IRN", "2020-01-03") in {(a["source"], a["target"], a["day"]) for a in alerts}
    assert client.get("/api/articles", params={"story": strike["id"]}).json()["items"][0]["id"] == "a2appeal000002"


def test_quotes_speakers_places(client: TestClient) -> None:
    quotes = client.get("/api/quotes", params={"speaker": "khamenei"}).json()["items"]
    assert [q["text"] for q in quotes] == ["Harsh vengeance awaits the criminals,"]
    speakers = {s["speaker"]: s["quotes"] for s in client.get("/api/speakers").json()["items"]}
    assert speakers["Ali Khamenei"] == 1 and speakers["Dominic Raab"] == 1
    places = client.get("/api/places", params={"country": "IQ"}).json()["items"]
    assert [p["name"] for p in places] == ["Baghdad International Airport"]


def test_search_ranks_and_requires_every_word(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "restraint Britain"}).json()["items"]
    assert [h["id"] for h in hits] == ["a2appeal000002"] and "restraint" in hits[0]["snippet"]
    assert client.get("/api/search", params={"q": "restraint Soleimani"}).json()["items"] == []
    hits = client.get("/api/search", params={"q": "strike"}).json()["items"]
    assert hits[0]["id"] == "a1strike0000001"  # in the title and twice in the text
    r = client.get("/api/search", params={"q": "the of"})
    assert r.status_code == 400 and r.json()["code"] == "empty_query"


def test_entities(client: TestClient) -> None:
    items = client.get("/api/entities", params={"type": "gpe"}).json()["items"]
    assert items[0]["name"] == "Iran" and items[0]["article_count"] == 2


@pytest.mark.parametrize(
    ("url", "status", "code"),
    [
        ("/api/articles/ffffffffffff", 404, "not_found"),
        ("/api/events?quad_class=7", 400, "bad_quad_class"),
        ("/api/events?bbox=1,2,3", 400, "bad_bbox"),
        ("/api/events?modality=maybe", 400, "bad_modality"),
        ("/api/events?cursor=bm90LWEtY3Vyc29y", 400, "bad_cursor"),
        ("/api/events?limit=0", 422, "invalid_parameter"),
        ("/api/events?since=yesterday", 422, "invalid_parameter"),
        ("/api/stories/no-such-story", 404, "not_found"),
        ("/api/nothing-here", 404, "not_found"),
    ],
)
def test_errors_are_json_with_code_and_message(client: TestClient, url: str, status: int, code: str) -> None:
    r = client.get(url)
    assert r.status_code == status, r.text
    body = r.json()
    assert body["code"] == code and body["message"]


def test_openapi_schema_lists_the_endpoints(client: TestClient) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    for path in (
        "/api/events",
        "/api/quotes",
        "/api/entities",
        "/api/places",
        "/api/stories",
        "/api/escalation",
        "/api/alerts",
        "/api/search",
        "/api/stats",
        "/api/articles/{article_id}",
        "/api/map",
    ):
        assert path in paths
    assert "/api/ingest" not in paths


def test_read_only_by_default(client: TestClient, db_path: Path) -> None:
    assert client.post("/api/ingest", json={"texts": [{"text": "x"}]}).status_code in (404, 405)
    con = client.app.state.db.store.con  # type: ignore[attr-defined]
    with pytest.raises(duckdb.Error):
        con.execute("DELETE FROM articles")


def test_cors_off_by_default_and_on_when_asked(client: TestClient, tmp_path: Path) -> None:
    headers = {"Origin": "http://elsewhere.example"}
    assert "access-control-allow-origin" not in client.get("/api/stats", headers=headers).headers
    path = api_support.write_store(tmp_path / "cors.duckdb")
    with TestClient(create_app(path, cors_origins=("http://elsewhere.example",))) as other:
        r = other.get("/api/stats", headers=headers)
        assert r.headers["access-control-allow-origin"] == "http://elsewhere.example"


def core_only_store(path: Path) -> Path:
    """A store with only the core migration applied (as made before any later task's tables)."""
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)")
    version, name, sql = migrations()[0]
    con.execute(sql)
    con.execute("INSERT INTO schema_migrations VALUES (?, ?, now())", [version, name])
    con.execute(
        "INSERT INTO articles (id, title, text, published_source, status, ingested_at) VALUES "
        "('c1', 'Drone strike', 'A drone strike hit the airport.', 'unknown', 'analysed', now())"
    )
    con.close()
    return path


def test_a_core_only_store_is_served(tmp_path: Path) -> None:
    with TestClient(create_app(core_only_store(tmp_path / "core.duckdb"))) as c:
        assert c.get("/api/stats").json()["views"]["events"] is False
        assert [a["id"] for a in c.get("/api/articles").json()["items"]] == ["c1"]
        assert [a["id"] for a in c.get("/api/search", params={"q": "airport drone"}).json()["items"]] == ["c1"]
        assert c.get("/api/search", params={"q": "airports"}).json()["items"] == []  # whole words
        for url in ("/api/events", "/api/map", "/api/quotes", "/api/places", "/api/alerts"):
            r = c.get(url)
            assert r.status_code == 404 and r.json()["code"].startswith("no_"), url
        assert c.get("/api/articles/c1").json()["events"] == []


class FakeIngester:
    def __init__(self) -> None:
        self.calls: list[IngestRequest] = []

    def __call__(self, request: IngestRequest, store: Store) -> IngestResult:
        self.calls.append(request)
        return IngestResult(received=len(request.texts), stored=[], failed=[])


def test_ingest_exists_only_with_a_token_and_requires_it(tmp_path: Path) -> None:
    path = api_support.write_store(tmp_path / "w.duckdb")
    fake = FakeIngester()
    with TestClient(create_app(path, token="s3cret-token", ingester=fake)) as c:
        body = {"texts": [{"text": "Iran said it would respond."}]}
        assert c.post("/api/ingest", json=body).status_code == 401
        r = c.post("/api/ingest", json=body, headers={"Authorization": "Bearer wrong-token"})
        assert r.status_code == 401 and r.json()["code"] == "unauthorized"
        r = c.post("/api/ingest", json=body, headers={"Authorization": "Bearer s3cret-token"})
        assert r.status_code == 200 and r.json()["received"] == 1 and len(fake.calls) == 1
        r = c.post("/api/ingest", json={"texts": []}, headers={"Authorization": "Bearer s3cret-token"})
        assert r.status_code == 400 and r.json()["code"] == "nothing_to_ingest"
        assert "/api/ingest" in c.get("/api/openapi.json").json()["paths"]


def test_ingest_runs_the_pipeline_and_the_new_article_is_served(tmp_path: Path) -> None:
    path = api_support.write_store(tmp_path / "p.duckdb")
    text = "Iran threatens the United States\n\nIran's foreign minister Javad Zarif met officials in Baghdad on Monday."
    with TestClient(create_app(path, token="s3cret-token")) as c:
        r = c.post(
            "/api/ingest",
            json={"texts": [{"text": text, "published": "2020-01-06"}]},
            headers={"Authorization": "Bearer s3cret-token"},
        )
        assert r.status_code == 200, r.text
        (new_id,) = r.json()["stored"]
        article = c.get(f"/api/articles/{new_id}").json()
        assert article["published"] == "2020-01-06" and article["title"] == "Iran threatens the United States"
        assert any(m["text"] == "Javad Zarif" for m in article["mentions"])
        assert [h["id"] for h in c.get("/api/search", params={"q": "zarif"}).json()["items"]] == [new_id]


def test_merged_events_with_their_mentions(client: TestClient) -> None:
    merged = client.get("/api/merged-events", params={"root": "19"}).json()["items"]
    strike = next(e for e in merged if e["code"] == "190")
    assert (strike["num_mentions"], strike["num_sources"]) == (2, 2) and strike["first_article"] == "a1strike0000001"
    detail = client.get(f"/api/merged-events/{strike['id']}").json()
    assert sorted(m["article_id"] for m in detail["mentions"]) == ["a1strike0000001", "a4report000004"]
    assert detail["mentions"][0]["sentence_text"].startswith("A US drone strike killed")
    assert client.get("/api/merged-events/nope").json()["code"] == "not_found"
