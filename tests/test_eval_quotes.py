"""Quotation evaluation: the PolNeAR reader and scorer (unit tests) and the gate on PolNeAR dev (marked eval)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from wirescope.errors import EvalError
from wirescope.eval.quotes import Attribution, QuoteScores, evaluate_polnear, parse_ann, read_polnear

FIXTURE = Path(__file__).parent / "fixtures" / "quotes" / "polnear"
FLOORS = json.loads((Path(__file__).parent / "floors" / "quotes.json").read_text())


def test_reader_uses_one_annotation_file_and_keeps_discontinuous_content() -> None:
    [art] = list(read_polnear(FIXTURE))
    assert art.annotation_file == "a1_ab12.ann"  # the first of the two annotators, in sorted order
    first, second = art.attributions
    assert [art.text[a:b] for a, b in first.content] == ["“We will not back down,”", "“Never.”"]
    assert art.text[slice(*second.source[0])] == "Officials"  # a span text with a line break does not derail it


def test_scores_exact_and_overlap() -> None:
    [art] = list(read_polnear(FIXTURE))
    perfect = QuoteScores()
    perfect.add(art.text, art.attributions, art.attributions)
    out = perfect.to_json()
    assert all(out[k][r]["f1"] == 1.0 for k in ("exact", "overlap") for r in ("source", "cue", "content"))
    partial = QuoteScores()
    src = art.attributions[1].source[0]
    partial.add(art.text, art.attributions, [Attribution(source=((src[0], src[1] - 2),), cue=(), content=())])
    out = partial.to_json()
    assert out["exact"]["source"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert out["overlap"]["source"]["precision"] == 1.0 and 0 < out["overlap"]["source"]["recall"] < 1


def test_bad_input_names_the_file_and_line(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match=r"x\.ann:2: not a brat standoff line"):
        parse_ann("some text", "T1\tSource 0 4\tsome\nT2\tCue zero four\tbad\n", "x.ann")
    with pytest.raises(EvalError, match="outside the text"):
        parse_ann("short", "T1\tContent 0 40\tx\nE1\tAttribution:T9 Content:T1\n", "y.ann")
    with pytest.raises(EvalError, match="not a PolNeAR-format folder"):
        list(read_polnear(tmp_path))


def test_extractor_on_the_fixture(nlp: Any) -> None:
    res = evaluate_polnear(FIXTURE)
    assert res["exact"]["cue"]["f1"] == 1.0, res
    assert res["exact"]["source"]["f1"] == 1.0, res


@pytest.mark.eval
def test_gate_polnear_dev(shared_data: Path) -> None:
    folder = shared_data / "quotes" / "polnear" / "dev"
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    res = evaluate_polnear(folder)
    floor = FLOORS["polnear_dev"]
    assert res["articles"] == 84
    for kind in ("exact", "overlap"):
        for role in ("source", "cue", "content"):
            assert res[kind][role]["f1"] >= floor[kind][role], (kind, role, res)
