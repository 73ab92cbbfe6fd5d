"""End-to-end through the command line, on the bundled examples and a temporary store."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from wirescope.cli.main import build_app

runner = CliRunner()
app = build_app()
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "w.duckdb"
    code, _, err = run("ingest", str(EXAMPLES), "--db", str(path))
    assert code == 0, err
    assert "read" in err and "near-duplicates" in err
    return path


def test_ingest_twice_is_idempotent(db: Path) -> None:
    code, _, _err = run("ingest", str(EXAMPLES), "--db", str(db))
    assert code == 0
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (2,)
        assert con.execute("SELECT count(*) FROM runs").fetchone() == (2,)
        counts = json.loads(con.execute("SELECT counts FROM runs ORDER BY started_at DESC LIMIT 1").fetchone()[0])
    assert counts["duplicates"] == 2 and counts["new"] == 0


def test_articles_and_show(db: Path) -> None:
    code, out, _ = run("articles", "--db", str(db), "--json")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 2
    dated = {r["published"] for r in rows}
    assert dated == {None, "2020-01-03"}
    code, out, _ = run("show", rows[0]["id"][:8], "--db", str(db), "--json")
    assert code == 0
    detail = json.loads(out)
    assert all(detail["text"][m["start_char"]:m["end_char"]] == m["text"] for m in detail["mentions"])


def test_entities_listing(db: Path) -> None:
    code, out, _ = run("entities", "--db", str(db), "--type", "PERSON", "--top", "3", "--json")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 3 and rows[0]["name"] == "Qasem Soleimani" and rows[0]["article_count"] == 2


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export(db: Path, tmp_path: Path, fmt: str) -> None:
    code, _, err = run("export", "--db", str(db), "--format", fmt, "--out", str(tmp_path), "--tables",
                       "articles,mentions")
    assert code == 0, err
    with duckdb.connect() as con:
        reader = {"jsonl": "read_json_auto", "csv": "read_csv_auto", "parquet": "read_parquet"}[fmt]
        n = con.execute(f"SELECT count(*) FROM {reader}('{tmp_path / ('articles.' + fmt)}')").fetchone()
    assert n == (2,)


def test_stats(db: Path) -> None:
    code, out, _ = run("stats", "--db", str(db), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["articles_analysed"] == 2 and data["mentions"] > 50


def test_analyze_json_shape() -> None:
    code, out, err = run("analyze", str(EXAMPLES / "001_a4da5a4f492f7186.txt"), "--json")
    assert code == 0, err
    data = json.loads(out)
    article = data["article"]
    assert article["published"] == "2020-01-03" and article["language"] == "en"
    assert article["title"] is None  # the first line ends with a full stop: the lead, not a headline
    assert article["text"].startswith("Tanks have gathered")
    assert {"start", "end"} <= set(data["sentences"][0])
    for entity in data["entities"]:
        assert {"id", "name", "type", "mentions"} <= set(entity)
        for m in entity["mentions"]:
            assert article["text"][m["start"]:m["end"]] == m["text"]


def test_missing_path_is_reported_and_exit_is_nonzero(tmp_path: Path) -> None:
    code, _, err = run("ingest", str(tmp_path / "nope.txt"), "--db", str(tmp_path / "x.duckdb"))
    assert code != 0
    assert "nope.txt" in err


def test_partial_failure_exits_zero_and_records_failures(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text("Headline\n\nThe minister said the talks would resume.", "utf-8")
    (tmp_path / "in" / "bad.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    (tmp_path / "in" / "empty.txt").write_text("", "utf-8")
    db = tmp_path / "p.duckdb"
    code, _, err = run("ingest", str(tmp_path / "in"), "--db", str(db))
    assert code == 0
    assert "bad.txt" in err and "empty.txt" in err
    with duckdb.connect(str(db), read_only=True) as con:
        items = sorted(Path(r[0]).name for r in con.execute("SELECT item FROM failures").fetchall())
    assert items == ["bad.txt", "empty.txt"]


def test_misuse_is_an_error(tmp_path: Path) -> None:
    code, _, _ = run("ingest", str(EXAMPLES), "--db", str(tmp_path / "x.duckdb"), "--stages", "bogus")
    assert code == 2


def _corpus(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            body = " ".join(f"Sentence {j} of report {i} says officials in city{i} met envoy{j}." for j in range(8))
            fh.write(json.dumps({"title": f"Report {i}", "text": body, "date": f"2020-01-0{1 + i % 9}"}) + "\n")


@pytest.mark.slow
def _descendants(pid: int) -> list[int]:
    """The processes below ``pid`` (Linux /proc; none elsewhere)."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parents[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
    found, frontier = [], [pid]
    while frontier:
        kids = [child for child, parent in parents.items() if parent in frontier]
        found += kids
        frontier = kids
    return found


def test_resume_after_kill(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    _corpus(corpus, 400)
    db = tmp_path / "r.duckdb"
    cmd = [sys.executable, "-m", "wirescope", "ingest", str(corpus), "--db", str(db), "--batch-size", "4"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wal = Path(str(db) + ".wal")
    deadline = time.monotonic() + 120
    # Wait until some chunks are committed (the write-ahead log grows), then kill without warning.
    while time.monotonic() < deadline and proc.poll() is None:
        if wal.exists() and wal.stat().st_size > 200_000:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the run finished before it could be interrupted; make the corpus larger"
    helpers = _descendants(proc.pid)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    # the killed run's fork server and workers notice and end (runners.workers._exit_without), not linger
    gone_by = time.monotonic() + 30
    while time.monotonic() < gone_by and any(Path(f"/proc/{pid}").exists() for pid in helpers):
        time.sleep(0.2)
    assert not [pid for pid in helpers if Path(f"/proc/{pid}").exists()], "the killed run left processes behind"
    with duckdb.connect(str(db)) as con:
        kept = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 0 < kept < 400
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone() == (400, 400)
        statuses = dict(con.execute("SELECT status, count(*) FROM runs GROUP BY status").fetchall())
    assert statuses == {"interrupted": 1, "finished": 1}


def test_parse_option_selects_sentences_to_parse_and_rejects_unknown_values(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Strike\n\nThe United States killed Iran's top general in a drone strike on Friday.\n", "utf-8")
    code, out, err = run("analyze", str(article), "--json", "--parse", "needed")
    assert code == 0, err
    data = json.loads(out)
    assert data["provenance"]["model"].endswith("+parse=needed")  # the store and exports say how it was parsed
    assert [e["code"][:2] for e in data["events"]] == ["19"]  # a needed sentence: parsed, coded
    code, _, err = run("analyze", str(article), "--parse", "some")
    assert code == 2 and "parse must be 'all' or 'needed'" in err
    code, _, err = run("ingest", str(article), "--db", str(tmp_path / "w.duckdb"), "--parse", "sometimes")
    assert code == 2 and "parse must be" in err
