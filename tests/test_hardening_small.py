"""The smaller items of the hardening issue (15, item 7): crafted cursors, the Host header, `serve`'s exposure
rules, markup in headlines, UTF-16 without a BOM, script text in headings, stable story descriptors, the failures
command, and one-sentence snippets."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import api_support
from wirescope.api import create_app
from wirescope.api.paging import encode_cursor
from wirescope.cli.main import build_app
from wirescope.cli.serve import allowed_hosts, exposure_problem
from wirescope.config import Settings
from wirescope.ingest.decode import decode_bytes
from wirescope.ingest.html import read_html
from wirescope.records import Article, Failure
from wirescope.runners.local import ingest
from wirescope.store import Store

runner = CliRunner()
LISTINGS = ["/api/articles", "/api/events", "/api/entities", "/api/quotes", "/api/speakers", "/api/places",
            "/api/stories", "/api/alerts", "/api/merged-events", "/api/search?q=iran"]
CRAFTED = [["x", "y"], [10**30, 10**30], [1e308, -1e308], ["2020-13-45", "x"], [-1, -1], ["'; DROP TABLE x; --", 1],
           [1.5, "z"]]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return api_support.write_store(tmp_path_factory.mktemp("small") / "s.duckdb")


def test_crafted_cursors_are_refused_with_a_4xx_that_echoes_no_sql(store_path: Path) -> None:
    with TestClient(create_app(store_path)) as c:
        for url in LISTINGS:
            for values in CRAFTED:
                sep = "&" if "?" in url else "?"
                r = c.get(f"{url}{sep}cursor={encode_cursor(values)}")
                # A cursor of the right shape and types simply pages from there; any other is the client's error.
                assert r.status_code in (200, 400), (url, values, r.status_code, r.text[:300])
                assert "SELECT" not in r.text and "WHERE" not in r.text and "Binder" not in r.text
            for values in (["x", "y", "z"], ["a"]):
                r = c.get(f"{url}{sep}cursor={encode_cursor(values)}")
                assert r.status_code == 400 and r.json()["code"] == "bad_cursor"
        assert c.get("/api/articles", params={"cursor": "!!not-base64!!"}).json()["code"] == "bad_cursor"


def test_a_failing_query_echoes_no_sql() -> None:
    import asyncio

    import duckdb
    from fastapi import FastAPI

    from wirescope.api import errors

    app = FastAPI()
    errors.install(app)
    handler = app.exception_handlers[duckdb.Error]
    response = asyncio.run(handler(None, duckdb.BinderException("Binder Error: SELECT secret FROM t")))  # type: ignore[arg-type]
    assert response.status_code == 500 and b"SELECT" not in response.body and b"BinderException" in response.body


def test_host_header_allow_list(store_path: Path) -> None:
    hosts = allowed_hosts("0.0.0.0", ["news-desk.example"])
    assert hosts == ["localhost", "127.0.0.1", "[::1]", "0.0.0.0", "news-desk.example"]
    assert allowed_hosts("::1", []) == ["localhost", "127.0.0.1", "[::1]"]
    with TestClient(create_app(store_path, allowed_hosts=hosts)) as c:
        for host in ("localhost:8000", "127.0.0.1:8000", "[::1]:8000", "News-Desk.example", "localhost"):
            assert c.get("/api/stats", headers={"Host": host}).status_code == 200, host
        for host in ("evil.example", "evil.example:8000", "localhost.evil.example", "127.0.0.1.nip.io", ""):
            r = c.get("/api/stats", headers={"Host": host})
            assert r.status_code == 400 and r.json()["code"] == "bad_host", host
        assert c.get("/", headers={"Host": "rebind.attacker.example"}).status_code == 400  # the dashboard too


def test_serve_refuses_exposure_without_a_token_and_cors_star_with_one(tmp_path: Path) -> None:
    assert exposure_problem("127.0.0.1", None, (), insecure=False) is None
    assert exposure_problem("::1", None, (), insecure=False) is None
    assert "--insecure" in (exposure_problem("0.0.0.0", None, (), insecure=False) or "")
    assert "--insecure" in (exposure_problem("192.168.1.5", None, (), insecure=False) or "")
    assert exposure_problem("0.0.0.0", None, (), insecure=True) is None
    assert exposure_problem("0.0.0.0", "long-enough-token", (), insecure=False) is None
    assert "--cors" in (exposure_problem("127.0.0.1", "long-enough-token", ("*",), insecure=False) or "")
    assert exposure_problem("127.0.0.1", None, ("*",), insecure=False) is None  # read-only: no write to forge
    db = api_support.write_store(tmp_path / "s.duckdb", aggregate=False)
    cli = str(Path(sys.executable).with_name("wirescope"))
    for args, needle in ((["--host", "0.0.0.0"], "--insecure"),
                         (["--token", "long-enough-token", "--cors", "*"], "--cors")):
        run = subprocess.run([cli, "serve", "--db", str(db), *args], capture_output=True, text=True, timeout=60)
        assert run.returncode == 2 and needle in run.stderr, run.stderr


HEADLINE = "Talks [/] resume [bold]in[/bold] Geneva [link=http://x]"


def test_a_headline_with_markup_prints_as_written(tmp_path: Path) -> None:
    text = f"{HEADLINE}\n\nIran and the United States resumed talks in Geneva on Monday, officials said."
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(build_app(), ["analyze", str(path), "--stages", "entities"])
    assert result.exit_code == 0, result.output
    assert HEADLINE in result.output
    db = tmp_path / "s.duckdb"
    assert runner.invoke(build_app(), ["ingest", str(path), "--db", str(db), "--stages", "entities"]).exit_code == 0
    listed = runner.invoke(build_app(), ["articles", "--db", str(db)], terminal_width=400)
    assert listed.exit_code == 0 and "[/]" in listed.output, listed.output
    with Store(db, read_only=True) as store:
        (aid,) = store.con.execute("SELECT id FROM articles").fetchone()  # type: ignore[misc]
    shown = runner.invoke(build_app(), ["show", aid, "--db", str(db)])
    assert shown.exit_code == 0 and HEADLINE in shown.output, shown.output


def test_utf16_without_a_byte_order_mark_is_text(tmp_path: Path) -> None:
    text = "Talks resume\n\nIran said on Monday that talks with Oman would resume in Muscat — naïve café."
    for encoding in ("utf-16-le", "utf-16-be"):
        assert decode_bytes(text.encode(encoding), "x.txt") == text
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(text.encode(encoding))
        from wirescope.ingest.sources import read_inputs

        [article] = list(read_inputs([str(path)]))
        assert isinstance(article, Article) and article.title == "Talks resume"
    with pytest.raises(Exception, match="binary"):
        decode_bytes(b"\x00\x01\x02\x03" * 500 + os.urandom(2000), "blob.bin")


def test_script_text_in_a_heading_stays_out_of_the_title() -> None:
    body = "<p>" + "Officials in Geneva said on Monday that the talks would resume next week after a pause. " * 3
    pages = [
        f'<html><body><h1>Talks resume<script>window.leak = "SCRIPT TEXT";</script></h1><article>{body}</p>'
        "</article></body></html>",
        f"<html><head><title>Talks <script>x()</script>resume</title></head><body><h1>Talks <style>.a{{}}</style>"
        f"resume</h1><article>{body}</p></article></body></html>",
        f'<?xml version="1.0" encoding="utf-8"?><html><body><h1>Talks resume<noscript>JS needed</noscript></h1>'
        f"{body}</p></body></html>",
    ]
    for html in pages:
        article = read_html(html, "page.html")
        assert isinstance(article, Article) and article.title == "Talks resume", article
        assert "SCRIPT" not in article.text and "leak" not in article.text
    ld = ('<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "LD headline", '
          '"datePublished": "2021-03-14"}</script></head><body><article>' + body + "</p></article></body></html>")
    article = read_html(ld, "ld.html")
    assert isinstance(article, Article) and str(article.published) == "2021-03-14"  # JSON-LD metadata kept


def test_story_descriptors_are_the_same_in_two_clean_runs(tmp_path: Path) -> None:
    base = api_support.write_store(tmp_path / "base.duckdb", aggregate=False)
    code = """
import sys, json, duckdb
from wirescope.aggregate.build import aggregate_store
con = duckdb.connect(sys.argv[1]); aggregate_store(con)
print(json.dumps([list(map(str, r)) for r in con.execute("SELECT * FROM stories ORDER BY id").fetchall()]))
"""
    outputs = []
    for seed in ("1", "2", "3", "4"):  # set iteration order follows the hash seed
        copy = tmp_path / f"run{seed}.duckdb"
        shutil.copy(base, copy)
        run = subprocess.run([sys.executable, "-c", code, str(copy)], capture_output=True, text=True, timeout=300,
                             env={**os.environ, "PYTHONHASHSEED": seed})
        assert run.returncode == 0, run.stderr[-2000:]
        outputs.append(json.loads(run.stdout))
    assert all(o == outputs[0] for o in outputs[1:])
    assert any("Qasem Soleimani" in row[7] for row in outputs[0])


def test_failures_command(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "in" / "rows.jsonl").write_text('{"text": "Iran and Oman held talks in Muscat on Monday."}\n{bad\n',
                                                 encoding="utf-8")
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        report = ingest([str(tmp_path / "in")], store, Settings(stages=("entities",)))
    assert report.failed == 2
    listed = runner.invoke(build_app(), ["failures", "--db", str(db)], terminal_width=300)
    assert listed.exit_code == 0 and "empty file" in listed.output and "malformed JSON" in listed.output
    as_json = runner.invoke(build_app(), ["failures", "--db", str(db), "--json"])
    rows = [json.loads(line) for line in as_json.output.splitlines()]
    assert {Path(r["item"]).name for r in rows} == {"empty.txt", "rows.jsonl:2"}
    assert all(r["run_id"] == report.run_id and r["stage"] == "ingest" and r["reason"] for r in rows)
    only = runner.invoke(build_app(), ["failures", "--db", str(db), "--json", "--stage", "analyze"])
    assert only.exit_code == 0 and only.output.strip() == ""


SNIPPET = "Iran fired missiles at a US base at dawn."  # one sentence, 41 characters


def test_one_sentence_snippets_are_articles(tmp_path: Path) -> None:
    assert 40 <= len(SNIPPET) <= 41
    page = f"<html><head><title>Flash</title></head><body><article><p>{SNIPPET}</p></article></body></html>"
    assert isinstance(read_html(page, "flash.html"), Article)
    assert isinstance(read_html("<html><body><nav>Home Sign in</nav></body></html>", "nav.html"), Failure)
    (tmp_path / "flash.html").write_text(page, encoding="utf-8")
    (tmp_path / "flash.jsonl").write_text(json.dumps({"text": SNIPPET}) + "\n", encoding="utf-8")
    (tmp_path / "flash.txt").write_text(SNIPPET.replace("Iran", "Iraq"), encoding="utf-8")
    with Store(tmp_path / "s.duckdb") as store:
        report = ingest([str(tmp_path)], store, Settings(stages=("entities", "times", "places", "events")))
        assert (report.new, report.failed) == (2, 0) and report.duplicates == 1  # the HTML and JSONL are one text
        statuses = store.con.execute("SELECT status FROM articles").fetchall()
        assert statuses == [("analysed",), ("analysed",)]
    with TestClient(create_app(api_support.write_store(tmp_path / "api.duckdb", aggregate=False),
                               token="s3cret-token")) as c:
        r = c.post("/api/ingest", json={"texts": [{"text": SNIPPET}]}, headers={"Authorization": "Bearer s3cret-token"})
        assert r.status_code == 200 and len(r.json()["stored"]) == 1, r.text
