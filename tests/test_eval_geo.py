"""Evaluation gate for toponym resolution (gold spans) on the `_dev` files, plus the time gold file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wirescope.cli.main import build_app
from wirescope.errors import EvalError
from wirescope.eval.geo import evaluate_geo, read_gold
from wirescope.eval.time import evaluate_time

FLOORS = json.loads((Path(__file__).parent / "floors" / "geo.json").read_text())
TIME_GOLD = Path(__file__).parent / "fixtures" / "time" / "time_gold.jsonl"
METRICS = ("toponyms", "acc161", "exact_id_accuracy", "country_accuracy", "mean_error_km", "median_error_km")


@pytest.mark.eval
@pytest.mark.parametrize("name", [k for k in FLOORS if not k.startswith("_")])
def test_geo_floor(shared_data: Path, name: str) -> None:
    floor = FLOORS[name]
    result = evaluate_geo(shared_data / "geo" / name, floor["format"], "gold-spans")
    assert set(METRICS) <= set(result)
    assert result["toponyms"] > 500
    for metric, minimum in floor.items():
        if metric != "format":
            assert result[metric] >= minimum, f"{name} {metric} {result[metric]} below floor {minimum}"


@pytest.mark.eval
def test_eval_geo_cli_json(shared_data: Path) -> None:
    out = CliRunner().invoke(build_app(), ["eval", "geo", "--format", "lgl-xml",
                                           str(shared_data / "geo" / "TR-News_dev.xml"), "--json"])
    assert out.exit_code == 0, out.output
    result = json.loads(out.output)
    assert set(METRICS) <= set(result) and result["mode"] == "gold-spans"


def test_bad_gold_file_is_an_eval_error(tmp_path: Path) -> None:
    bad = tmp_path / "x.xml"
    bad.write_text("<articles><oops></articles>")
    with pytest.raises(EvalError, match="not well-formed"):
        read_gold(bad, "lgl-xml")
    with pytest.raises(EvalError, match="unknown geo gold format"):
        read_gold(bad, "csv")


def test_eval_geo_cli_rejects_unknown_mode(tmp_path: Path) -> None:
    out = CliRunner().invoke(build_app(), ["eval", "geo", str(tmp_path / "x.xml"), "--mode", "fast"])
    assert out.exit_code == 2 and "unknown --mode" in out.output


def test_time_gold_file_scores() -> None:
    result = evaluate_time(TIME_GOLD)
    assert result["expressions"] >= 40
    assert result["exact"] >= 0.95, result["errors"]


def test_eval_time_cli(tmp_path: Path) -> None:
    out = CliRunner().invoke(build_app(), ["eval", "time", str(TIME_GOLD), "--json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["expressions"] >= 40
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "Friday"}\n')
    out = CliRunner().invoke(build_app(), ["eval", "time", str(bad)])
    assert out.exit_code == 2 and "bad.jsonl:1" in out.output
