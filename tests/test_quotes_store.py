"""Quotations in the DuckDB store and the `wirescope quotes` / `wirescope eval quotes` commands."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from wirescope import Settings
from wirescope.errors import StoreError
from wirescope.nlp.stages.quotes import QuoteStage
from wirescope.records import Analysis, Article, Provenance
from wirescope.store import Store
from wirescope.store.quotes import query_quotes
from wirescope.store.tables import analysis_rows

TEXT = (
    "“Every time you say that,” Warren said, “you give them ammunition.”\n\n"
    "The Pentagon said the strike was necessary. Ali Khamenei vowed “severe revenge”."
)


@pytest.fixture(scope="module")
def analysis(nlp: Any) -> Analysis:
    art = Article(id="q1", text=TEXT)
    stage = QuoteStage(Settings(), code_actors=False)
    return stage(nlp(TEXT), Analysis(article=art, provenance=Provenance("0", "m", ())))


def test_rows_and_queries(tmp_path: Path, analysis: Analysis) -> None:
    assert len(analysis_rows(analysis)["quotes"]) == len(analysis.quotes) == 3
    with Store(tmp_path / "w.duckdb") as store:
        store.write([analysis], run_id=None)
        everything = query_quotes(store.con)
        assert [q.type for q in everything] == ["direct", "indirect", "direct"]
        assert [(s.start, s.end) for s in everything[0].spans] == [(0, 26), (40, 67)]
        [pentagon] = query_quotes(store.con, speaker="defense")
        assert pentagon.speaker is not None
        assert pentagon.speaker.name == "US Department of Defense" and pentagon.speaker.text == "The Pentagon"
        assert [q.speaker and q.speaker.name for q in query_quotes(store.con, speaker="KHAMENEI")] == ["Ali Khamenei"]
        # Everything but the pieces' text (stored as offsets) comes back as written.
        assert [replace(q, spans=()) for q in everything] == [replace(q, spans=()) for q in analysis.quotes]
        assert len(query_quotes(store.con, type="direct")) == 2
        with pytest.raises(StoreError, match="unknown quotation type"):
            query_quotes(store.con, type="rumour")
        store.write([analysis], run_id=None)  # re-analysis replaces, does not duplicate
        assert len(query_quotes(store.con)) == 3


def test_cli_quotes(tmp_path: Path, analysis: Analysis) -> None:
    from typer.testing import CliRunner

    from wirescope.cli.main import build_app

    db = tmp_path / "w.duckdb"
    with Store(db) as store:
        store.write([analysis], run_id=None)
    res = CliRunner().invoke(build_app(), ["quotes", "--db", str(db), "--speaker", "Warren", "--json"])
    assert res.exit_code == 0, res.output
    [line] = [json.loads(x) for x in res.output.splitlines() if x.strip()]
    assert line["cue_text"] == "said" and line["text"].startswith("“Every time")
    bad = CliRunner().invoke(build_app(), ["quotes", "--db", str(db), "--type", "rumour"])
    assert bad.exit_code == 2


def test_cli_eval_quotes_errors(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from wirescope.cli.main import build_app

    res = CliRunner().invoke(build_app(), ["eval", "quotes", "--format", "polnear", str(tmp_path), "--json"])
    assert res.exit_code == 2 and "not a PolNeAR-format folder" in res.output
    res = CliRunner().invoke(build_app(), ["eval", "quotes", "--format", "parc", str(tmp_path)])
    assert res.exit_code == 2 and "unknown --format" in res.output
