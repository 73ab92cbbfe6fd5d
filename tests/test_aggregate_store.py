"""Aggregation on a temporary store: build, incremental update, CLI commands, exports."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from aggregate_support import BAGHDAD, analysis, event
from wirescope.aggregate.build import aggregate_store
from wirescope.cli.main import build_app
from wirescope.export.gdelt import EVENT_FIELDS, MENTION_FIELDS
from wirescope.records import Actor, Article, Quote
from wirescope.store import Store

runner = CliRunner()
app = build_app()

STRIKE = (
    "A US drone strike near Baghdad airport killed Iranian commander Qasem Soleimani, officials said. "
    "The Pentagon confirmed the strike on Soleimani and the Quds Force."
)
TALKS = (
    "Finance ministers met in Brussels to discuss the budget deficit and new fiscal rules for the euro area. "
    "Ministers agreed to continue budget talks next month."
)


def _first(day: int) -> list:  # type: ignore[type-arg]
    d = f"2020-01-{day:02d}"
    khamenei = Actor(0, 8, "Khamenei", name="Ali Khamenei", code="IRNGOV", country="IRN")
    revenge = Quote("s2", 0, 14, "severe revenge", "direct", speaker=khamenei, confidence=0.9, sentence=2)
    return [
        analysis(
            "s1",
            STRIKE,
            (event("s1", "190", "USAMIL", "IRNMIL", day=d, place=BAGHDAD, mentions=(1,)),),
            title="US strike kills Soleimani in Baghdad",
            published=date(2020, 1, day),
            source="wire-a",
        ),
        analysis(
            "s2",
            STRIKE + " Iran vowed revenge.",
            (
                event("s2", "195", "USAMIL", "IRNMIL", day=d, place=BAGHDAD, confidence=0.6),
                event("s2", "138", "IRNGOV", "USAGOV", day=d, modality="threatened", sentence=2, start=200),
            ),
            title="Soleimani killed in US drone strike at Baghdad airport",
            published=date(2020, 1, day),
            source="wire-b",
            quotes=(revenge,),
        ),
        analysis(
            "t1",
            TALKS,
            (event("t1", "042", "FRAGOV", "DEUGOV", day="2020-01-01"),),
            title="Ministers discuss budget rules",
            published=date(2020, 1, 1),
            source="wire-c",
        ),
    ]


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "agg.duckdb"
    with Store(path) as store:
        dup = Article(
            id="s1copy",
            text=STRIKE,
            title="US strike kills Soleimani in Baghdad",
            published=date(2020, 1, 3),
            source="reposter",
        )
        store.write(_first(3), run_id=None, others=[(dup, "near-duplicate", "s1", 0.95)])
        report = aggregate_store(store.con)
    assert report.merged_events == 3 and report.stories == 2 and not report.incremental
    return path


def test_build_merges_and_clusters(db: Path) -> None:
    with duckdb.connect(str(db), read_only=True) as con:
        strike = con.execute(
            "SELECT num_mentions, num_articles, num_sources, root_code FROM merged_events WHERE root_code = '19'"
        ).fetchall()
        # s1 (2 sentences), its near-duplicate (the same 2, with s1's source) and s2 (1): 3 articles, 2 sources
        assert strike == [(5, 3, 2, "19")]
        groups = con.execute(
            "SELECT list(article_id ORDER BY article_id) FROM story_articles GROUP BY story_id ORDER BY 1"
        ).fetchall()
        assert [g[0] for g in groups] == [["s1", "s1copy", "s2"], ["t1"]]
        alert = con.execute("SELECT source, target, day, driving_events FROM alerts WHERE level = 'country'")
        rows = alert.fetchall()
        assert ("USA", "IRN", date(2020, 1, 3)) in [r[:3] for r in rows]


def test_incremental_update_keeps_ids(db: Path) -> None:
    with duckdb.connect(str(db), read_only=True) as con:
        before = con.execute("SELECT id FROM merged_events WHERE root_code = '19'").fetchone()
        story_before = con.execute("SELECT story_id FROM story_articles WHERE article_id = 's1'").fetchone()
    with Store(db) as store:
        new = analysis(
            "s3",
            STRIKE + " Crowds mourned.",
            (event("s3", "190", "USAMIL", "IRNMIL", day="2020-01-04"),),
            title="Mourners gather after Soleimani strike",
            published=date(2020, 1, 4),
            source="wire-d",
        )
        store.write([new], run_id=None)
        report = aggregate_store(store.con)
        assert report.incremental and report.new_articles == 1 and report.new_stories == 0
        after = store.con.execute("SELECT id, num_sources FROM merged_events WHERE root_code = '19'").fetchall()
        assert after == [(before[0], 3)]  # type: ignore[index]
        story = store.con.execute("SELECT story_id FROM story_articles WHERE article_id = 's3'").fetchone()
        assert story == story_before
        assert store.con.execute("SELECT count(*) FROM story_vectors").fetchone()[0] > 0  # type: ignore[index]
        saved = store.con.execute("SELECT story_id, article_id FROM story_articles ORDER BY 2").fetchall()
        # Without the saved vectors (a store aggregated before 007), stories are re-seeded from their articles.
        store.con.execute("DELETE FROM story_df")
        aggregate_store(store.con)
        assert store.con.execute("SELECT story_id, article_id FROM story_articles ORDER BY 2").fetchall() == saved
        rebuilt = aggregate_store(store.con, rebuild=True)
        assert not rebuilt.incremental and rebuilt.stories == 2


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_cli_commands(db: Path, tmp_path: Path) -> None:
    code, out, err = run("escalation", "USA", "IRN", "--db", str(db), "--json", "--plot", str(tmp_path / "e.png"))
    assert code == 0, err
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows[0]["day"] == "2020-01-03" and rows[0]["index_value"] > 50
    assert (tmp_path / "e.png").stat().st_size > 1000
    code, out, _ = run("alerts", "--db", str(db), "--json")
    assert code == 0 and any(json.loads(x)["source"] == "USA" for x in out.splitlines())
    code, out, _ = run("stories", "--db", str(db), "--json")
    stories = [json.loads(x) for x in out.splitlines()]
    assert code == 0 and stories[0]["size"] == 3
    code, out, _ = run("timeline", "--story", stories[0]["id"], "--db", str(db), "--json")
    items = [json.loads(x) for x in out.splitlines()]
    assert code == 0 and items and items[0]["kind"] == "event" and items[0]["evidence"]
    quotes = [i for i in items if i["kind"] == "quote"]
    assert [(q["text"], q["speaker_name"]) for q in quotes] == [("severe revenge", "Ali Khamenei")]
    code, out, _ = run("timeline", "--actor", "Khamenei", "--db", str(db), "--json")
    assert code == 0 and [json.loads(x)["kind"] for x in out.splitlines()] == ["quote"]
    code, out, _ = run("timeline", "--actor", "IRN", "--db", str(db), "--json")
    assert code == 0 and len([x for x in out.splitlines() if '"event"' in x]) == 2
    code, _, err = run("escalation", "USA", "CHN", "--db", str(db))
    assert code == 1 and "no events" in err
    code, _, err = run("timeline", "--db", str(db))
    assert code == 2 and "--story" in err
    code, _, err = run("aggregate", "--db", str(tmp_path / "none.duckdb"))
    assert code == 2 and "no wirescope database" in err


def test_gdelt_export_layout(db: Path, tmp_path: Path) -> None:
    code, _, err = run("export-gdelt", "--out", str(tmp_path), "--db", str(db))
    assert code == 0, err
    with (tmp_path / "events.export.tsv").open(encoding="utf-8") as fh:
        rows = [dict(zip(EVENT_FIELDS, r, strict=True)) for r in csv.reader(fh, delimiter="\t")]
    assert len(rows) == 3 and all(len(r) == 61 for r in rows)
    strike = next(r for r in rows if r["EventRootCode"] == "19")
    assert strike["SQLDATE"] == "20200103" and strike["Actor1CountryCode"] == "USA"
    assert strike["Actor1Type1Code"] == "MIL" and strike["NumSources"] == "2" and strike["ActionGeo_FeatureID"]
    assert strike["AvgTone"] == "" and strike["FractionDate"] == "2020.0904"
    with (tmp_path / "mentions.export.tsv").open(encoding="utf-8") as fh:
        mentions = list(csv.reader(fh, delimiter="\t"))
    assert all(len(m) == len(MENTION_FIELDS) for m in mentions)
    assert {m[0] for m in mentions} == {r["GLOBALEVENTID"] for r in rows}


def test_gdelt_fields_match_codebook(shared_data: Path) -> None:
    docs = shared_data / "gdelt" / "field_docs"
    with (docs / "events2.csv").open(encoding="utf-8") as fh:
        assert tuple(r["name"] for r in csv.DictReader(fh)) == EVENT_FIELDS
    with (docs / "mentions.csv").open(encoding="utf-8") as fh:
        assert tuple(r["name"] for r in csv.DictReader(fh)) == MENTION_FIELDS


def test_gdelt_tsv_reads_back_with_codebook_fields(db: Path, tmp_path: Path, shared_data: Path) -> None:
    with (shared_data / "gdelt" / "field_docs" / "events2.csv").open(encoding="utf-8") as fh:
        fields = [(r["name"], r["type"]) for r in csv.DictReader(fh)]
    run("export-gdelt", "--out", str(tmp_path), "--db", str(db))
    types = {"INTEGER": "BIGINT", "FLOAT": "DOUBLE", "STRING": "VARCHAR"}
    # GLOBALEVENTID holds our string ids, so it is read as text; every other column with its codebook type.
    columns = ", ".join(f"'{n}': '{'VARCHAR' if n == 'GLOBALEVENTID' else types[t]}'" for n, t in fields)
    with duckdb.connect() as con:
        rows = con.execute(
            f"SELECT EventCode, NumMentions, GoldsteinScale, SQLDATE FROM read_csv('{tmp_path / 'events.export.tsv'}',"
            f" delim='\t', header=false, quote='', columns={{{columns}}}) ORDER BY SQLDATE, EventCode"
        ).fetchall()
    assert ("190", 5, -10.0, 20200103) in rows


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_table_exports(db: Path, tmp_path: Path, fmt: str) -> None:
    code, _, err = run(
        "export",
        "--db",
        str(db),
        "--format",
        fmt,
        "--out",
        str(tmp_path),
        "--tables",
        "merged_events,event_mentions,stories,events,entities,gdelt-events",
    )
    assert code == 0, err
    reader = {"jsonl": "read_json_auto", "parquet": "read_parquet"}[fmt]
    with duckdb.connect() as con:
        n = con.execute(f"SELECT count(*) FROM {reader}('{tmp_path / ('merged_events.' + fmt)}')").fetchone()
        ids = con.execute(f"SELECT article_ids FROM {reader}('{tmp_path / ('stories.' + fmt)}') ORDER BY size DESC")
        first = ids.fetchone()
    assert n == (3,) and first is not None and sorted(first[0]) == ["s1", "s1copy", "s2"]
    assert (tmp_path / "events.export.tsv").exists()


def test_story_prefix_is_a_prefix_not_a_pattern(db: Path) -> None:
    """A story is found by its id or a unique prefix of it; '%' and '_' in the request are characters, not
    wildcards (with LIKE, '%' and the rest of an id found that story)."""
    from wirescope.aggregate.queries import story_detail

    with duckdb.connect(str(db), read_only=True) as con:
        ids = [r[0] for r in con.execute("SELECT id FROM stories ORDER BY id").fetchall()]
        found = story_detail(con, ids[0])
        assert found is not None and found.story.id == ids[0]
        assert story_detail(con, ids[0][:6]) is not None or ids[1].startswith(ids[0][:6])
        assert story_detail(con, "%" + ids[0][1:]) is None
        assert story_detail(con, "_" * len(ids[0])) is None
