"""``/api/changes``: the change counter the dashboard polls (counts, newest article, a version that moves)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import api_support
from aggregate_support import analysis, event
from wirescope.api import create_app, routes_live
from wirescope.api.ingest import IngestRequest, IngestResult
from wirescope.store import Store

TOKEN = "live-api-test-token"


def ingester(request: IngestRequest, store: Store) -> IngestResult:
    """Each posted text becomes an article with one event of the posted confidence (its title, as a number)."""
    ids = []
    for i, item in enumerate(request.texts):
        aid = f"post{abs(hash(item.text)) % 10**8:08d}{i}"
        confidence = float(item.title or "0.8")
        a = analysis(aid, item.text, (event(aid, "190", "RUSMIL", "UKRMIL", confidence=confidence),))
        store.write([replace(a, article=replace(a.article, source=item.source))], run_id=None)
        ids.append(aid)
    return IngestResult(received=len(ids), stored=ids, counts={"new": len(ids)}, failed=[])


@pytest.fixture()
def client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> TestClient:
    monkeypatch.setattr(routes_live, "TTL_SECONDS", 0.0)  # every poll reads the store (the sharing is tested below)
    db = api_support.write_store(tmp_path / "s.duckdb")
    return TestClient(create_app(db, token=TOKEN, ingester=ingester))


def _post(client: TestClient, text: str, confidence: float) -> None:
    r = client.post("/api/ingest", json={"texts": [{"text": text, "title": str(confidence), "source": "x"}]},
                    headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200, r.text


def _changes(client: TestClient) -> dict[str, object]:
    r = client.get("/api/changes")
    assert r.status_code == 200 and r.headers["cache-control"] == "no-store"
    body: dict[str, object] = r.json()
    return body


def test_counts_and_version_follow_the_store(client: TestClient) -> None:
    first = _changes(client)
    counts = first["counts"]
    assert isinstance(counts, dict)
    assert set(counts) == {"articles", "events", "quotes", "merged_events", "stories", "alerts"}
    assert str(first["latest_ingested_at"]).endswith("+00:00")

    _post(client, "Russian forces struck a depot near Kharkiv.", 0.8)
    second = _changes(client)
    assert second["version"] != first["version"]
    assert second["counts"]["articles"] == counts["articles"] + 1  # type: ignore[index]
    assert second["counts"]["events"] == counts["events"] + 1  # type: ignore[index]
    assert _changes(client)["version"] == second["version"]  # nothing changed: the same version

    # a candidate below the listings' threshold is no new event to show, but the new article still moves the version
    _post(client, "Russian forces may have struck a depot.", 0.1)
    third = _changes(client)
    assert third["counts"]["events"] == second["counts"]["events"]  # type: ignore[index]
    assert third["counts"]["articles"] == second["counts"]["articles"] + 1  # type: ignore[index]
    assert third["version"] != second["version"]


def test_one_answer_is_shared_for_a_short_time(client: TestClient) -> None:
    client.get("/api/changes")
    watch = client.app.state.change_watch  # type: ignore[attr-defined]
    assert isinstance(watch, routes_live.ChangeWatch)
    watch.ttl = 3600.0
    before = client.get("/api/changes").json()
    _post(client, "Russian forces struck a depot near Kharkiv.", 0.8)
    assert client.get("/api/changes").json() == before  # within the shared answer's lifetime
    watch.ttl = 0.0
    assert client.get("/api/changes").json()["version"] != before["version"]
