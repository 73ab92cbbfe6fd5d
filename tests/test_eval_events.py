"""Event-coding evaluation: readers and scorers on small hand-made inputs, and the gate on the gold sets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirescope.errors import EvalError
from wirescope.eval.events import (
    PetrRecord,
    Produced,
    evaluate_petr,
    evaluate_plover,
    make_coder,
    read_petr_xml,
    read_plover_json,
    score_petr,
)

FLOORS = json.loads((Path(__file__).parent / "floors" / "events.json").read_text())

XML = """<Validation><Sentences>
<!-- a comment -- with dashes -->
<Sentence category="DEMO" date="19950101" id="A-1" evaluate="true">
<EventCoding eventcode="050" sourcecode="ARN" targetcode="GON" />
<Text>Arnor restored
 ties with Gondor.</Text><Parse>1 x</Parse></Sentence>
<Sentence category="DEMO" date="19950102" id="A-2" evaluate="false">
<EventCoding eventcode="190" sourcecode="ARN" targetcode="GON" /><Text>Skipped.</Text></Sentence>
<Sentence category="VERB" date="19950103" id="A-3">
<EventCoding noevents="True" /><Text>Nothing &amp; nobody.</Text></Sentence>
</Sentences></Validation>"""


def test_read_petr_xml(tmp_path: Path) -> None:
    path = tmp_path / "gold.xml"
    path.write_text(XML)
    recs = read_petr_xml(path)
    assert [r.id for r in recs] == ["A-1", "A-3"]  # evaluate="false" skipped
    assert recs[0].text == "Arnor restored ties with Gondor." and recs[0].date.isoformat() == "1995-01-01"
    assert recs[0].expected == {("ARN", "GON", "050")} and recs[1].expected == frozenset()
    assert recs[1].text == "Nothing & nobody."
    with pytest.raises(EvalError, match="does not exist"):
        read_petr_xml(tmp_path / "missing.xml")
    (tmp_path / "empty.xml").write_text("<Validation/>")
    with pytest.raises(EvalError, match="no <Sentence>"):
        read_petr_xml(tmp_path / "empty.xml")


def test_score_petr_counts() -> None:
    recs = [
        PetrRecord("1", "A", None, "t", frozenset({("X", "Y", "010"), ("X", "Z", "020")})),
        PetrRecord("2", "B", None, "t", frozenset()),
        PetrRecord("3", "B", None, "t", frozenset({("X", "Y", "190")})),
    ]
    produced = [
        [Produced("X", "Y", "010", 0.9), Produced("Q", "Y", "010", 0.2)],
        [],
        [Produced("X", "Y", "190", 0.8)],
    ]
    s = score_petr(recs, produced)
    assert (s["records"], s["correct"], s["uncoded"], s["extra"]) == (3, 2, 1, 1)
    assert s["event_recall"] == round(2 / 3, 4) and s["extra_rate"] == round(1 / 3, 4)
    assert s["exact_records"] == round(2 / 3, 4)
    assert s["categories"]["B"]["exact_records"] == 1.0
    assert s["confidence"][">=0.7"] == {"events": 2, "precision": 1.0}


def test_read_plover_json(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text(json.dumps([
        {"id": "h", "event": "DOCUMENT"},
        {"id": "r1", "event": "DEMAND", "text": "X demanded Y.", "date": "2000-01-01",
         "source": [{"actorText": "X", "code": "USAGOV", "sector": "GOV"}],
         "target": [{"actorText": "Y", "code": "IRN"}]},
    ]))
    (rec,) = read_plover_json(path)
    assert rec.plover == "REQUEST" and rec.source_countries == ("USA",) and rec.target_countries == ("IRN",)
    path.write_text("{not json")
    with pytest.raises(EvalError, match="not valid JSON"):
        read_plover_json(path)


def test_plover_gold_old_country_codes(tmp_path: Path) -> None:
    # older gold records use retired codes (JAP for Japan): they are mapped to the ISO codes the coder gives
    path = tmp_path / "p.json"
    path.write_text(json.dumps([
        {"id": "r1", "event": "AGREE", "text": "X agreed.", "source": [{"code": "VTN"}], "target": [{"code": "JAP"}]},
    ]))
    (rec,) = read_plover_json(path)
    assert rec.source_countries == ("VNM",) and rec.target_countries == ("JPN",)


def _gold(shared_data: Path, *parts: str) -> Path:
    path = shared_data.joinpath("events", *parts)
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return path


@pytest.mark.eval
def test_gate_udpetr(shared_data: Path) -> None:
    path = _gold(shared_data, "udpetr_validate_2_02", "PETR_Validate_records_2_02.xml")
    res = evaluate_petr(path, make_coder(path.parent))
    floor = FLOORS["udpetr_validate_2_02"]
    assert res["records"] == 264
    assert res["event_recall"] >= floor["event_recall"], res
    assert res["exact_records"] >= floor["exact_records"], res
    assert res["extra_rate"] <= floor["max_extra_rate"], res
    # the confidence means something: high-confidence events are more often right than all events
    conf = res["confidence"]
    assert conf[">=0.7"]["precision"] > conf[">=0.0"]["precision"]


@pytest.mark.eval
def test_gate_petr_unittest(shared_data: Path) -> None:
    path = _gold(shared_data, "petr_unittest", "PETR.UnitTest.records.xml")
    res = evaluate_petr(path, make_coder(path.parent))
    floor = FLOORS["petr_unittest"]
    assert res["exact_records"] >= floor["exact_records"], res
    assert res["event_recall"] >= floor["event_recall"], res


@pytest.mark.eval
def test_gate_plover(shared_data: Path) -> None:
    path = _gold(shared_data, "plover", "PLOVER_GSR_dev.json")
    res = evaluate_plover(path, make_coder(None, require_target=False))
    floor = FLOORS["PLOVER_GSR_dev"]
    assert res["class_accuracy"] >= floor["class_accuracy"], res
    assert res["source_country_accuracy"] >= floor["source_country_accuracy"], res


def test_cli_eval_events(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from wirescope.cli.main import build_app

    dicts = Path(__file__).parent / "fixtures" / "events" / "dicts"
    gold = tmp_path / "gold.xml"
    gold.write_text(XML.replace("Arnor restored\n ties with Gondor.", "Arnor restored relations with Gondor."))
    runner = CliRunner()
    res = runner.invoke(build_app(), ["eval", "events", "--format", "petr-xml", str(gold), "--dictionaries",
                                      str(dicts), "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert {"records", "correct", "uncoded", "extra", "event_recall", "extra_rate", "exact_records",
            "categories"} <= set(out)
    assert out["records"] == 2 and out["correct"] == 1 and out["exact_records"] == 1.0
    bad = runner.invoke(build_app(), ["eval", "events", "--format", "nope", str(gold)])
    assert bad.exit_code == 2 and "unknown --format" in bad.output
