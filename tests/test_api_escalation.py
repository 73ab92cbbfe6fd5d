"""Escalation through the API (issue 19, item 2): one sign convention (higher = more hostile) stated in the schema,
the window applied to the chart's series, the stored index and the alerts, alerts in plain words with the events and
outlets behind them, up to four dyads with both directions. The store is hand-built and aggregated by the real
aggregation; ``escalation_store`` is shared with the dashboard tests (tests/test_web_escalation.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import api_support
from aggregate_support import analysis, event
from wirescope.api import create_app
from wirescope.api.escalation import alert_sentence


def escalation_analyses() -> list:  # type: ignore[type-arg]
    """USA -> IRN: a strike on 2020-01-01 (two outlets), an assault on 01-02, nothing on 01-03 and 01-04, a
    cooperative act on 01-05; IRN -> USA a threat on 01-06; ISR -> IRN a strike on 01-02."""
    rows = [
        ("s1", "190", "USA", "IRN", "2020-01-01", "Reuters"),
        ("s2", "190", "USA", "IRN", "2020-01-01", "BBC"),
        ("s3", "183", "USA", "IRN", "2020-01-02", "AP"),
        ("s4", "057", "USA", "IRN", "2020-01-05", "AP"),
        ("s5", "138", "IRN", "USA", "2020-01-06", "IRNA"),
        ("s6", "195", "ISR", "IRN", "2020-01-02", "Haaretz"),
    ]
    out = []
    for aid, code, src, tgt, day, outlet in rows:
        out.append(analysis(
            aid, f"{src} {code} {tgt}.", (event(aid, code, src, tgt, day=day, confidence=0.9),),
            title=f"{src} and {tgt} on {day}", published=date.fromisoformat(day), source=outlet,
        ))
    return out


def escalation_store(path: Path) -> Path:
    return api_support.write_store(path, escalation_analyses())


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    return TestClient(create_app(escalation_store(tmp_path_factory.mktemp("esc") / "store.duckdb")))


def _chart(client: TestClient, **params: object) -> dict:  # type: ignore[type-arg]
    r = client.get("/api/escalation/chart", params=params)  # type: ignore[arg-type]
    assert r.status_code == 200, r.text
    return dict(r.json())


def test_higher_is_more_hostile_in_chart_and_index(client: TestClient) -> None:
    body = _chart(client, dyad="USA-IRN")
    assert "higher = more hostile" in body["convention"]
    usa = body["series"][0]
    assert (usa["source"], usa["target"], usa["measure"]) == ("USA", "IRN", "stored")
    by_day = {p["day"]: p for p in usa["points"]}
    assert by_day["2020-01-01"]["index"] > 20 and by_day["2020-01-02"]["index"] > 0  # strike, assault
    assert by_day["2020-01-05"]["index"] < 0  # cooperation
    # The chart's values are the stored index's: the same sign and value for every day.
    stored = client.get("/api/escalation", params={"source": "USA", "target": "IRN"}).json()["series"][0]["index"]
    assert {r["day"]: round(r["index_value"], 2) for r in stored} == {d: p["index"] for d, p in by_day.items()}


def test_days_without_events_are_absent_not_zero(client: TestClient) -> None:
    days = [p["day"] for p in _chart(client, dyad="USA-IRN")["series"][0]["points"]]
    assert days == ["2020-01-01", "2020-01-02", "2020-01-05"]


def test_both_directions_and_up_to_four_dyads(client: TestClient) -> None:
    body = _chart(client, dyad=["USA-IRN", "ISR-IRN"])
    pairs = [(s["source"], s["target"]) for s in body["series"]]
    assert pairs == [("USA", "IRN"), ("IRN", "USA"), ("ISR", "IRN"), ("IRN", "ISR")]
    assert body["series"][1]["points"][0]["index"] > 0  # IRN's threat is hostile too
    one_way = _chart(client, dyad="USA-IRN", both="false")
    assert [(s["source"], s["target"]) for s in one_way["series"]] == [("USA", "IRN")]
    r = client.get("/api/escalation/chart", params={"dyad": ["USA-IRN", "A1-B1", "C1-D1", "E1-F1", "G1-H1"]})
    assert r.status_code == 400 and r.json()["code"] == "bad_dyad"
    r = client.get("/api/escalation/chart", params={"dyad": "USA"})
    assert r.status_code == 400 and "SOURCE-TARGET" in r.json()["message"]


def test_the_window_applies_to_chart_index_and_alerts(client: TestClient) -> None:
    body = _chart(client, dyad="USA-IRN", since="2020-01-02", until="2020-01-05")
    assert (body["since"], body["until"]) == ("2020-01-02", "2020-01-05")
    assert [p["day"] for p in body["series"][0]["points"]] == ["2020-01-02", "2020-01-05"]
    series = client.get("/api/escalation", params={"source": "USA", "target": "IRN", "since": "2020-01-02"}).json()
    assert [r["day"] for r in series["series"][0]["index"]] == ["2020-01-02", "2020-01-05"]
    assert all(p["day"] >= "2020-01-02" for p in series["series"][0]["points"])
    everything = client.get("/api/alerts", params={"source": "USA", "target": "IRN"}).json()["items"]
    assert [a["day"] for a in everything if a["level"] == "country"] == ["2020-01-01"]
    assert client.get("/api/alerts", params={"source": "USA", "target": "IRN", "since": "2020-01-02"}).json()[
        "items"] == []
    assert client.get("/api/alerts", params={"until": "2019-12-31"}).json()["items"] == []
    levels = {a["level"] for a in client.get("/api/alerts", params={"level": "country"}).json()["items"]}
    assert levels == {"country"}


def test_alerts_in_plain_words_with_their_events(client: TestClient) -> None:
    items = client.get("/api/alerts", params={"source": "USA", "target": "IRN"}).json()["items"]
    alert = next(a for a in items if a["level"] == "country")
    assert alert["summary"] == "US → Iran: first hostile day on record, 1 event from 2 outlets"
    assert "z=" not in alert["summary"]
    assert alert["driving_events"] and alert["events"] == 1 and alert["outlets"] == 2
    # The events it links to: the dyad's events of that day.
    events = client.get("/api/events", params={"source": "USA", "target": "IRN", "since": alert["day"],
                                               "until": alert["day"]}).json()["items"]
    assert {e["article_id"] for e in events} == {"s1", "s2"}


def test_alert_sentence_names_the_last_day_as_hostile() -> None:
    base = {"level": "country", "source": "USA", "target": "IRN", "day": "2020-02-01", "events": 3, "outlets": 5}
    assert alert_sentence({**base, "previous_peak": "2020-01-03", "first_day": "2019-12-01"}) == (
        "US → Iran: most hostile day since 2020-01-03, 3 events from 5 outlets")
    assert alert_sentence({**base, "previous_peak": None, "first_day": "2019-12-01"}) == (
        "US → Iran: most hostile day on record (since 2019-12-01), 3 events from 5 outlets")
    actor = {**base, "level": "actor", "source": "USAMIL", "target": "IRNMIL", "events": 1, "outlets": 1,
             "previous_peak": None, "first_day": "2020-02-01"}
    assert alert_sentence(actor) == "USAMIL → IRNMIL: first hostile day on record, 1 event from 1 outlet"


def test_schema_states_the_convention_once_per_field(client: TestClient) -> None:
    schemas = client.get("/api/openapi.json").json()["components"]["schemas"]
    assert "higher = more hostile" in schemas["ChartPoint"]["properties"]["index"]["description"]
    assert "higher = more hostile" in schemas["ChartBody"]["properties"]["convention"]["description"]
    assert "plain words" in schemas["AlertItem"]["properties"]["summary"]["description"]
