"""The ingest endpoint takes posted texts and http(s) URLs only, and hands articles to ``ingest_articles`` directly
(issue 15, item 1; issue 16, item 3)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import api_support
import wirescope
from wirescope.api import create_app
from wirescope.api.ingest import IngestRequest, IngestResult
from wirescope.store import Store

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


class RecordingIngester:
    def __init__(self) -> None:
        self.calls: list[IngestRequest] = []

    def __call__(self, request: IngestRequest, store: Store) -> IngestResult:
        self.calls.append(request)
        return IngestResult(received=len(request.urls), stored=[], failed=[])


@pytest.mark.parametrize("spec", ["/etc/passwd", "some/folder", "-", "file:///etc/passwd", "C:\\secret.txt",
                                  "ftp://example.org/x", "http://"])
def test_local_paths_folders_and_stdin_are_refused_with_a_reason(tmp_path: Path, spec: str) -> None:
    fake = RecordingIngester()
    path = api_support.write_store(tmp_path / "w.duckdb", aggregate=False)
    with TestClient(create_app(path, token=TOKEN, ingester=fake)) as c:
        r = c.post("/api/ingest", json={"urls": ["https://news.example/a", spec]}, headers=AUTH)
    assert r.status_code == 422, r.text
    assert "urls" in r.json()["message"]
    assert ("command line only" in r.json()["message"]) or ("no host" in r.json()["message"])
    assert fake.calls == []  # refused before anything is read or fetched


def test_a_server_file_is_never_read_or_served(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("Top secret server file\n\nThe root password of this server is hunter2, officials said.",
                      encoding="utf-8")
    path = api_support.write_store(tmp_path / "p.duckdb", aggregate=False)
    with TestClient(create_app(path, token=TOKEN)) as c:
        r = c.post("/api/ingest", json={"urls": [str(secret), str(tmp_path)]}, headers=AUTH)
        assert r.status_code == 422 and "command line only" in r.json()["message"]
        assert c.get("/api/search", params={"q": "hunter2"}).json()["items"] == []


def test_posted_texts_go_through_ingest_articles_without_a_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_temp_files(*args: object, **kwargs: object) -> None:
        raise AssertionError("the ingest endpoint must not write posted texts to a temporary file")

    monkeypatch.setattr(tempfile, "TemporaryDirectory", no_temp_files)
    monkeypatch.setattr(tempfile, "NamedTemporaryFile", no_temp_files)
    path = api_support.write_store(tmp_path / "t.duckdb", aggregate=False)
    text = "Iran warns Washington\n\nIran's foreign minister Javad Zarif met officials in Baghdad on Monday."
    with TestClient(create_app(path, token=TOKEN)) as c:
        r = c.post("/api/ingest", json={"texts": [{"text": text, "published": "2020-01-06"}, {"text": " \n "}]},
                   headers=AUTH)
        assert r.status_code == 200, r.text
        body = r.json()
        (new_id,) = body["stored"]
        assert body["failed"] == [{"item": "texts[1]", "reason": body["failed"][0]["reason"]}]
        article = c.get(f"/api/articles/{new_id}").json()
        assert article["title"] == "Iran warns Washington" and article["published"] == "2020-01-06"


def test_ingest_articles_is_public_and_takes_records(tmp_path: Path) -> None:
    assert {"ingest", "ingest_articles"} <= set(wirescope.__all__)
    first = wirescope.article_from_text("Talks resume\n\nIran and the United States resumed talks in Oman on Monday.")
    second = wirescope.article_from_text("Strike\n\nA drone strike hit a convoy near Baghdad airport on Friday.")
    settings = wirescope.Settings(stages=("entities",))
    with Store(tmp_path / "s.duckdb") as store:
        report = wirescope.ingest_articles(iter([first, second, first]), store, settings)
        assert (report.new, report.duplicates, report.failed) == (2, 1, 0)
        stored = {r[0] for r in store.con.execute("SELECT id FROM articles").fetchall()}
        status = store.con.execute("SELECT status FROM runs WHERE id = ?", [report.run_id]).fetchone()
    assert stored == {first.id, second.id} and status == ("finished",)
