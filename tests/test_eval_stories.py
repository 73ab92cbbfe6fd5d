"""Story clustering metrics (unit) and the evaluation gate on the gold sets (marked eval)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirescope.errors import EvalError
from wirescope.eval.stories import adjusted_rand, bcubed, evaluate_stories, read_wikiref, spacy_entities

FLOORS = json.loads((Path(__file__).parent / "floors" / "stories.json").read_text())


def test_bcubed_perfect_and_all_in_one() -> None:
    gold = ["a", "a", "b", "b"]
    assert bcubed(gold, [1, 1, 2, 2]) == (1.0, 1.0, 1.0)
    p, r, f = bcubed(gold, [0, 0, 0, 0])
    assert (p, r) == (0.5, 1.0) and f == pytest.approx(2 / 3)
    p, r, _ = bcubed(gold, [0, 1, 2, 3])
    assert (p, r) == (1.0, 0.5)


def test_bcubed_worked_example() -> None:
    # gold {1,2,3} {4,5}; predicted {1,2} {3,4,5}
    p, r, _ = bcubed(["x", "x", "x", "y", "y"], [1, 1, 2, 2, 2])
    assert p == pytest.approx((1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5)
    assert r == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5)


def test_adjusted_rand() -> None:
    assert adjusted_rand([0, 0, 1, 1], ["b", "b", "a", "a"]) == pytest.approx(1.0)
    assert adjusted_rand([0, 0, 1, 1], [0, 1, 0, 1]) < 0  # worse than chance
    # by hand: index 2, expected 6*3/15 = 1.2, max 4.5 -> (2 - 1.2) / (4.5 - 1.2)
    assert adjusted_rand([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2]) == pytest.approx(0.242424, abs=1e-5)


def test_bcubed_length_mismatch() -> None:
    with pytest.raises(EvalError):
        bcubed(["a"], [1, 2])


def test_bad_gold_files(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="no such file"):
        evaluate_stories("giveme5w1h", tmp_path / "missing.jsonl")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"title": "x", "text": "y"}\n')
    with pytest.raises(EvalError, match="event_id"):
        evaluate_stories("giveme5w1h", bad)
    with pytest.raises(EvalError, match="unknown story gold format"):
        evaluate_stories("nope", bad)


def test_wikiref_labels_and_noise(tmp_path: Path) -> None:
    for name in [
        "premier.league.1.txt",
        "premier.league.2.txt",
        "ParisAttacks2015 (1).txt",
        "ParisAttacks2015 (2).txt",
        "U2.149.txt",
    ]:
        (tmp_path / name).write_text("some text " + name)
    docs = read_wikiref(tmp_path, noise_max=1)
    labels = {d.doc.article_id: d.label for d in docs}
    assert labels["premier.league.1.txt"] == "premier.league"
    assert labels["ParisAttacks2015 (2).txt"] == "parisattacks2015"
    assert labels["U2.149.txt"] is None
    single = read_wikiref(tmp_path, noise_max=1, noise="singleton")
    assert {d.label for d in single if d.doc.article_id == "U2.149.txt"} == {"noise:U2.149.txt"}


def test_giveme5w1h_small_file_end_to_end(tmp_path: Path) -> None:
    rows = [
        {
            "title": "Volcano erupts on island, villages evacuated",
            "text": "The volcano erupted on Sunday. Lava "
            "flows forced the evacuation of villages near the crater, officials said.",
            "date_publish": "2018-01-01",
            "source_domain": "a.com",
            "event_id": "v",
            "dId": "1",
        },
        {
            "title": "Island volcano eruption forces evacuations",
            "text": "Villages near the erupting volcano were evacuated as lava flows advanced from the crater.",
            "date_publish": "2018-01-02",
            "source_domain": "b.com",
            "event_id": "v",
            "dId": "2",
        },
        {
            "title": "Central bank raises interest rates",
            "text": "The central bank raised its benchmark interest rate by a quarter point, citing inflation.",
            "date_publish": "2018-01-02",
            "source_domain": "c.com",
            "event_id": "r",
            "dId": "3",
        },
    ]
    path = tmp_path / "g.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    scores = evaluate_stories("giveme5w1h", path).to_json()
    assert {"articles", "clusters", "bcubed_precision", "bcubed_recall", "bcubed_f1", "ari"} <= set(scores)
    assert scores["articles"] == 3 and scores["clusters"] == 2 and scores["bcubed_f1"] == 1.0


@pytest.mark.eval
def test_gate_giveme5w1h_dev(shared_data: Path) -> None:
    path = shared_data / "stories" / "giveme5w1h_news_cluster_dev.jsonl"
    scores = evaluate_stories("giveme5w1h", path, enrich=spacy_entities()).to_json()
    for key, floor in FLOORS["giveme5w1h_dev"].items():
        assert scores[key] >= floor, f"{key} {scores[key]} fell below its floor {floor}"


@pytest.mark.eval
def test_gate_wikiref220(shared_data: Path) -> None:
    scores = evaluate_stories(
        "wikiref", shared_data / "stories" / "wikiref" / "WikiRef220", enrich=spacy_entities()
    ).to_json()
    for key, floor in FLOORS["wikiref220"].items():
        assert scores[key] >= floor, f"{key} {scores[key]} fell below its floor {floor}"
