"""The command line against a store `wirescope serve` holds: listings, `ingest` and `aggregate` go through the
server's API (issue 18, item 2); what cannot, or may not, fails saying what to do; a stale server file is ignored."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import api_support
from serve_support import TOKEN, run_cli, running
from wirescope.cli.remote import ServerInfo, find_server, held_message, server_file, write_server_file


def _json_lines(run: subprocess.CompletedProcess[str]) -> list[dict[str, object]]:
    assert run.returncode == 0, run.stderr
    return [json.loads(line) for line in run.stdout.splitlines() if line.strip()]


def test_the_server_file_is_private_and_a_dead_servers_file_is_ignored(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    path = write_server_file(db, "0.0.0.0", 8123, writes=True)
    assert path == server_file(db) and stat.S_IMODE(path.stat().st_mode) == 0o600
    data = json.loads(path.read_text())
    assert data == {"host": "0.0.0.0", "port": 8123, "pid": os.getpid(), "writes": True}  # no token
    found = find_server(db)
    assert found is not None and found.base_url == "http://127.0.0.1:8123"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    path.write_text(json.dumps({**data, "pid": int(dead.stdout)}))
    assert find_server(db) is None
    path.write_text("not json")
    assert find_server(db) is None


def test_messages_say_how() -> None:
    info = ServerInfo("::", 8000, 42, writes=False)
    assert info.base_url == "http://[::1]:8000"
    assert "restart it with --token" in held_message(info, "ingest")
    writer = ServerInfo("127.0.0.1", 8000, 42, writes=True)
    assert "pass --token" in held_message(writer, "aggregate") and "127.0.0.1:8000" in held_message(writer, "aggregate")
    assert "stop the server" in held_message(writer, "export")


@pytest.mark.slow
def test_listings_ingest_and_aggregate_go_through_the_server(tmp_path: Path) -> None:
    db = api_support.write_store(tmp_path / "s.duckdb")
    text = tmp_path / "new.txt"
    text.write_text("Army attacks rebels near Mosul\n\nThe Iraqi army attacked rebels near Mosul on Tuesday, the "
                    "defence ministry said.\n", encoding="utf-8")
    with running(["--db", str(db), "--token", TOKEN], tmp_path / "server.log") as server:
        assert find_server(db) is not None
        articles = _json_lines(run_cli("articles", "--db", str(db), "--json"))
        assert len(articles) == server.get("/api/stats")["tables"]["articles"] == 4
        events = _json_lines(run_cli("events", "--db", str(db), "--json", "--actor", "USA"))
        assert events and all("article_id" in e for e in events)
        # issue 19: --timing (the API lists every timing; the command keeps the asked one) and --until
        every = _json_lines(run_cli("events", "--db", str(db), "--json", "--timing", "all"))
        parts = {t: _json_lines(run_cli("events", "--db", str(db), "--json", "--timing", t))
                 for t in ("current", "historical", "planned")}
        assert every and sum(len(p) for p in parts.values()) == len(every)
        assert all((e.get("timing") or "current") == t for t, rows in parts.items() for e in rows)
        last = max(str(e["date"]) for e in every if e.get("date"))
        until = _json_lines(run_cli("events", "--db", str(db), "--json", "--timing", "all", "--until", last))
        assert until and all(str(e["date"]) <= last for e in until if e.get("date"))
        table = run_cli("events", "--db", str(db), env={"COLUMNS": "80"})
        assert table.returncode == 0 and all(len(line) <= 80 for line in table.stdout.splitlines())
        for command in (["quotes"], ["places"], ["stories"], ["alerts"], ["stats"], ["entities"],
                        ["escalation", "USA", "IRN"]):
            run = run_cli(*command, "--db", str(db), "--json")
            assert run.returncode == 0, (command, run.stderr)
        assert _json_lines(run_cli("quotes", "--db", str(db), "--json"))
        shown = _json_lines(run_cli("show", str(articles[0]["id"]), "--db", str(db), "--json"))
        assert shown[0]["id"] == articles[0]["id"] and shown[0]["text"]

        refused = run_cli("ingest", str(text), "--db", str(db), env={"WIRESCOPE_TOKEN": ""})
        assert refused.returncode == 2 and "pass --token" in refused.stderr and "wirescope serve" in refused.stderr
        done = run_cli("ingest", str(text), "--db", str(db), "--token", TOKEN)
        assert done.returncode == 0, done.stderr + server.output()
        assert server.get("/api/stats")["tables"]["articles"] == 5
        again = run_cli("ingest", str(text), "--db", str(db), env={"WIRESCOPE_TOKEN": TOKEN})
        assert again.returncode == 0 and server.get("/api/stats")["tables"]["articles"] == 5  # a duplicate
        report = _json_lines(run_cli("aggregate", "--db", str(db), "--token", TOKEN, "--json"))
        assert report and "merged_events" in report[0]
        wrong = run_cli("aggregate", "--db", str(db), "--token", "not-the-token")
        assert wrong.returncode == 2 and "401" in wrong.stderr

        export = run_cli("export", "--db", str(db), "--out", str(tmp_path / "out"))
        assert export.returncode == 2 and "held by `wirescope serve`" in export.stderr
        watch = run_cli("watch", "http://127.0.0.1:9/feed.xml", "--db", str(db), "--once")
        assert watch.returncode == 2 and "wirescope serve --watch" in watch.stderr
    assert not server_file(db).exists()
    with running(["--db", str(db)], tmp_path / "server.log"):  # read-only: readers open the store themselves
        assert len(_json_lines(run_cli("articles", "--db", str(db), "--json"))) == 5
        refused = run_cli("aggregate", "--db", str(db), "--token", TOKEN)
        assert refused.returncode == 2 and "takes no writes" in refused.stderr


def test_the_aggregate_endpoint_needs_the_token_and_runs_the_aggregation(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from wirescope.api.app import create_app

    db = api_support.write_store(tmp_path / "s.duckdb", aggregate=False)
    with TestClient(create_app(db, token=TOKEN)) as client:
        assert not client.get("/api/merged-events", params={"min_confidence": 0}).json()["items"]  # not yet
        refused = client.post("/api/aggregate", json={})
        assert refused.status_code == 401 and "--token" in refused.json()["message"]
        bad = client.post("/api/aggregate", json={"actor_level": "planet"},
                          headers={"Authorization": f"Bearer {TOKEN}"})
        assert bad.status_code == 400 and "planet" in bad.json()["message"]
        done = client.post("/api/aggregate", json={"date_window": 1},
                           headers={"Authorization": f"Bearer {TOKEN}"})
        assert done.status_code == 200 and done.json()["merged_events"] > 0
        assert client.get("/api/merged-events", params={"min_confidence": 0}).json()["items"]  # caches refreshed
    with TestClient(create_app(db)) as client:  # no token: no writing routes
        assert client.post("/api/aggregate", json={}).status_code in (404, 405)


@pytest.mark.slow
def test_timeline_reads_the_same_through_the_server(tmp_path: Path) -> None:
    """`wirescope timeline` through GET /api/timeline (issue 19): a story's pages, an actor's and a dyad's
    timeline print the same rows (JSON) and the same table as read from the store itself."""
    db = api_support.write_store(tmp_path / "s.duckdb")
    stories = _json_lines(run_cli("stories", "--db", str(db), "--json"))
    story = str(stories[0]["id"])
    asks = [["--story", story], ["--story", story[:6], "--limit", "1"], ["--story", story, "--limit", "1",
            "--offset", "1"], ["--actor", "IRN"], ["--dyad", "USA,IRN"], ["--actor", "USA", "--limit", "1"]]

    def outputs() -> list[tuple[str, str, str]]:
        runs = []
        for ask in asks:
            as_json = run_cli("timeline", *ask, "--db", str(db), "--json")
            table = run_cli("timeline", *ask, "--db", str(db), env={"COLUMNS": "120"})
            assert as_json.returncode == 0 and table.returncode == 0, (ask, as_json.stderr, table.stderr)
            runs.append((as_json.stdout, table.stdout, table.stderr))
        return runs

    local = outputs()
    assert all(json_out.strip() for json_out, _, _ in local)  # every ask lists something
    with running(["--db", str(db), "--token", TOKEN], tmp_path / "server.log") as server:
        assert find_server(db) is not None
        remote = outputs()
        missing = run_cli("timeline", "--story", "no-such-story", "--db", str(db))
        assert missing.returncode == 2 and "no story" in missing.stderr and "/api/timeline" in missing.stderr, (
            missing.stderr + server.output())
    for ask, here, there in zip(asks, local, remote, strict=True):
        assert [json.loads(x) for x in there[0].splitlines()] == [json.loads(x) for x in here[0].splitlines()], ask
        assert there[1:] == here[1:], ask
