"""Events in the DuckDB store and the `wirescope events` command."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from wirescope import Settings
from wirescope.errors import StoreError
from wirescope.nlp.stages.events import EventStage
from wirescope.records import Analysis, Article, Provenance
from wirescope.store import Store
from wirescope.store.events import query_events
from wirescope.store.tables import analysis_rows

TEXT = "Israel attacked Hamas on Monday. Iran may attack Israel. Iran threatened the United States."


@pytest.fixture(scope="module")
def analysis(nlp) -> Analysis:  # type: ignore[no-untyped-def]
    art = Article(id="a1", text=TEXT, published=date(2020, 1, 3))
    return EventStage(Settings())(nlp(TEXT), Analysis(article=art, provenance=Provenance("0", "m", ())))


def test_rows_and_queries(tmp_path: Path, analysis: Analysis) -> None:
    assert len(analysis_rows(analysis)["events"]) == len(analysis.events) >= 3
    db = tmp_path / "w.duckdb"
    with Store(db) as store:
        store.write([analysis], run_id=None)
        everything = query_events(store.con)
        # The reader gives back the records that were written (their order aside).
        assert sorted(everything, key=lambda e: e.sentence) == sorted(analysis.events, key=lambda e: e.sentence)
        assert {e.modality for e in query_events(store.con, actor="IRN")} >= {"hypothetical", "threatened"}
        assert all(e.code.startswith("19") for e in query_events(store.con, root="19"))
        assert query_events(store.con, since=date(2020, 1, 4)) == []
        assert all(e.modality == "threatened" for e in query_events(store.con, modality="threatened"))
        with pytest.raises(StoreError, match="unknown modality"):
            query_events(store.con, modality="maybe")
        store.write([analysis], run_id=None)  # re-analysis replaces, does not duplicate
        assert len(query_events(store.con)) == len(analysis.events)


def test_cli_events(tmp_path: Path, analysis: Analysis) -> None:
    from typer.testing import CliRunner

    from wirescope.cli.main import build_app

    db = tmp_path / "w.duckdb"
    with Store(db) as store:
        store.write([analysis], run_id=None)
    res = CliRunner().invoke(build_app(), ["events", "--db", str(db), "--actor", "ISR", "--root", "19", "--json"])
    assert res.exit_code == 0, res.output
    lines = [json.loads(line) for line in res.output.splitlines() if line.strip()]
    assert lines and all(e["code"].startswith("19") for e in lines)
    bad = CliRunner().invoke(build_app(), ["events", "--db", str(db), "--since", "yesterday"])
    assert bad.exit_code == 2
