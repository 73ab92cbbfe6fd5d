"""The read-time confidence threshold (issue 17, item 5): every candidate is stored with its confidence; event
listings (store, CLI, API) leave out the events below the documented default unless asked (0 shows all); the
aggregation (merged events, escalation index, alerts) reads only the events at or above it."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from aggregate_support import analysis, event
from wirescope.aggregate.build import AggregateSettings, aggregate_analyses, aggregate_store
from wirescope.api import create_app
from wirescope.cli.main import build_app
from wirescope.config import DEFAULT_MIN_CONFIDENCE, Settings
from wirescope.errors import ConfigError, InputError
from wirescope.store import Store
from wirescope.store.events import query_events, read_events
from wirescope.store.filters import EventFilter

LOW = round(DEFAULT_MIN_CONFIDENCE / 2, 3)  # below the threshold
HIGH = round((1 + DEFAULT_MIN_CONFIDENCE) / 2, 3)  # above it
STRIKE = "US forces killed the commander in a strike. The strike hit the convoy near the airport."
CLASH = "Fighters attacked a border post, residents said. The clash lasted an hour."
runner = CliRunner()
app = build_app()


def _analyses() -> list:  # type: ignore[type-arg]
    """A strike reported by two outlets with trusted confidence, and a doubtful attack (a dyad of its own) reported
    in three sentences by three outlets: without the threshold it merges, drives the index and raises an alert."""
    strike = [
        analysis(f"s{i}", STRIKE, (event(f"s{i}", "190", "USAMIL", "IRNMIL", confidence=HIGH, mentions=(0, 1)),),
                 title="US strike kills commander", source=f"wire-{i}")
        for i in (1, 2)
    ]
    doubtful = [
        analysis(f"d{i}", CLASH, (event(f"d{i}", "190", "SYRREB", "TURMIL", confidence=LOW, mentions=(0, 1)),),
                 title="Border post attacked", source=f"paper-{i}")
        for i in (1, 2, 3)
    ]
    return strike + doubtful


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "threshold.duckdb"
    with Store(path) as store:
        store.write(_analyses(), run_id=None)
        aggregate_store(store.con)
    return path


def test_the_default_is_one_documented_setting() -> None:
    assert Settings().min_confidence == DEFAULT_MIN_CONFIDENCE
    assert 0 < DEFAULT_MIN_CONFIDENCE < 1
    assert EventFilter().confidence_floor == DEFAULT_MIN_CONFIDENCE
    assert EventFilter(min_confidence=0).confidence_floor == 0
    doc = (Path(__file__).resolve().parents[1] / "docs" / "events.md").read_text(encoding="utf-8")
    assert f"{DEFAULT_MIN_CONFIDENCE}" in doc and "--min-confidence 0" in doc
    with pytest.raises(ConfigError, match="min_confidence"):
        Settings(min_confidence=1.5)
    with pytest.raises(InputError, match="min_confidence"):
        EventFilter(min_confidence=-0.1)
    with pytest.raises(ConfigError, match="min_confidence"):
        AggregateSettings(min_confidence=2)


def test_below_threshold_events_are_stored_but_not_listed_by_default(db: Path) -> None:
    with duckdb.connect(str(db), read_only=True) as con:
        stored = con.execute("SELECT article_id, confidence FROM events ORDER BY article_id").fetchall()
        assert [a for a, _ in stored] == ["d1", "d2", "d3", "s1", "s2"]  # every candidate, with its confidence
        assert sorted({c for _, c in stored}) == [LOW, HIGH]
        assert {e.article_id for e in read_events(con)} == {"s1", "s2"}
        assert {e.article_id for e in query_events(con)} == {"s1", "s2"}  # what `wirescope events` calls
        assert len(read_events(con, EventFilter(min_confidence=0))) == 5
        assert {e.article_id for e in read_events(con, EventFilter(min_confidence=0.99))} == set()


def test_the_cli_listing_applies_the_default(db: Path) -> None:
    result = runner.invoke(app, ["events", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert sorted(r["article_id"] for r in rows) == ["s1", "s2"]
    assert all(r["confidence"] >= DEFAULT_MIN_CONFIDENCE for r in rows)
    everything = runner.invoke(app, ["events", "--db", str(db), "--json", "--min-confidence", "0"])
    assert everything.exit_code == 0, everything.output
    assert sorted(json.loads(line)["article_id"] for line in everything.stdout.splitlines() if line.strip()) == [
        "d1", "d2", "d3", "s1", "s2"]


def test_the_api_applies_the_default_and_0_shows_all(db: Path) -> None:
    with TestClient(create_app(db)) as client:
        def ids(**params: object) -> list[str]:
            r = client.get("/api/events", params={"limit": 100, **params})
            assert r.status_code == 200, r.text
            return sorted(e["article_id"] for e in r.json()["items"])

        assert ids() == ["s1", "s2"]
        assert ids(min_confidence=0) == ["d1", "d2", "d3", "s1", "s2"]
        assert ids(min_confidence=0.99) == []
        network = client.get("/api/network").json()
        assert {n["id"] for n in network["nodes"]} == {"USAMIL", "IRNMIL"}  # no SYRREB, TURMIL
        assert client.get("/api/events", params={"min_confidence": 2}).status_code in (400, 422)
        schema = client.get("/api/openapi.json").json()
        params = {p["name"]: p for p in schema["paths"]["/api/events"]["get"]["parameters"]}
        assert params["min_confidence"]["schema"]["default"] == DEFAULT_MIN_CONFIDENCE
        assert "0 shows every" in params["min_confidence"]["description"]


def test_the_aggregation_reads_only_events_at_or_above_the_threshold(db: Path) -> None:
    with duckdb.connect(str(db), read_only=True) as con:
        merged = con.execute("SELECT source_country, target_country, num_sources FROM merged_events").fetchall()
        assert merged == [("USA", "IRN", 2)]
        dyads = {(s, t) for s, t in con.execute("SELECT DISTINCT source, target FROM escalation").fetchall()}
        assert ("SYR", "TUR") not in dyads and ("USA", "IRN") in dyads
        alerts = {(s, t) for s, t in con.execute("SELECT source, target FROM alerts").fetchall()}
        assert ("SYR", "TUR") not in alerts
        mentions = con.execute("SELECT DISTINCT article_id FROM event_mentions ORDER BY 1").fetchall()
        assert [m for (m,) in mentions] == ["s1", "s2"]


def test_with_threshold_0_the_doubtful_attack_would_raise_an_alert(db: Path) -> None:
    """The contrast that makes the test above mean something: the same store, every candidate read."""
    with Store(db) as store:
        report = aggregate_store(store.con, AggregateSettings(min_confidence=0.0), rebuild=True)
        alerts = {(s, t) for s, t in store.con.execute("SELECT source, target FROM alerts").fetchall()}
    assert report.merged_events == 2
    assert ("SYR", "TUR") in alerts


def test_raising_the_threshold_drops_stored_merged_events(db: Path) -> None:
    """An incremental run after the threshold rose: merged events whose mentions are all below it disappear."""
    with Store(db) as store:
        aggregate_store(store.con, AggregateSettings(min_confidence=0.0), rebuild=True)
        report = aggregate_store(store.con)
        left = store.con.execute("SELECT source_country FROM merged_events").fetchall()
    assert report.incremental and left == [("USA",)]


def test_lowering_the_threshold_merges_the_placed_articles_events(db: Path) -> None:
    """An incremental run after the threshold fell, with no new article: the placed articles' events between the two
    thresholds are read (an incremental run otherwise reads only the new articles' events), as a rebuild reads them."""
    with Store(db) as store:
        report = aggregate_store(store.con, AggregateSettings(min_confidence=0.0))
        got = store.con.execute("SELECT source_country, num_mentions FROM merged_events ORDER BY 1").fetchall()
        alerts = {(s, t) for s, t in store.con.execute("SELECT source, target FROM alerts").fetchall()}
        aggregate_store(store.con, AggregateSettings(min_confidence=0.0), rebuild=True)
        rebuilt = store.con.execute("SELECT source_country, num_mentions FROM merged_events ORDER BY 1").fetchall()
    assert report.incremental and report.new_articles == 0
    assert got == rebuilt == [("SYR", 6), ("USA", 4)]
    assert ("SYR", "TUR") in alerts


def test_in_memory_aggregation_uses_the_same_threshold() -> None:
    picture = aggregate_analyses(_analyses())
    assert [(e.source.country, e.target.country) for e in picture.events  # type: ignore[union-attr]
            ] == [("USA", "IRN")]
    assert not any(a.source == "SYR" for a in picture.alerts)
    everything = aggregate_analyses(_analyses(), AggregateSettings(min_confidence=0))
    assert any(a.source == "SYR" for a in everything.alerts)
    # the merge settings' own threshold still counts when it is the stricter one
    strict = AggregateSettings(merge=replace(AggregateSettings().merge, min_confidence=0.99))
    assert strict.merging.min_confidence == 0.99 and aggregate_analyses(_analyses(), strict).events == []


def test_quotations_are_not_filtered(tmp_path: Path) -> None:
    """Quotations carry the extractor's confidence, not the verifier's calibrated one: the event threshold does not
    apply to them."""
    from wirescope.records import Quote
    from wirescope.store.quotes import query_quotes

    text = 'He said "we will respond" and left.'
    quote = Quote("q1", 9, 24, "we will respond", "direct", confidence=LOW, sentence=0)
    with Store(tmp_path / "q.duckdb") as store:
        store.write([analysis("q1", text, quotes=(quote,))], run_id=None)
        found = query_quotes(store.con)
    assert [q.text for q in found] == ["we will respond"] and found[0].confidence == LOW
