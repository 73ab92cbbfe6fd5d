"""Golden files for the entities stage on the bundled examples. Regenerate with ``pytest --update-golden`` and
review the diff."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from wirescope import article_from_text
from wirescope.config import Settings
from wirescope.nlp.pipeline import Pipeline

GOLDEN = Path(__file__).parent / "golden"
EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.txt"))


def _entities(analysis: Any) -> list[dict[str, Any]]:
    return [
        {"name": e.name, "type": e.type, "mentions": [[m.start, m.end, m.text] for m in e.mentions]}
        for e in analysis.entities
    ]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    # Its own model: other stages' configure_nlp on the shared fixture would change what NER sees.
    return Pipeline(Settings(stages=("entities",)))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_entities_match_golden_file(path: Path, pipeline: Pipeline, update_golden: bool) -> None:
    got = _entities(pipeline.analyze(article_from_text(path.read_text(encoding="utf-8"))))
    golden = GOLDEN / f"entities_{path.stem}.json"
    if update_golden or not golden.exists():
        # One entity per line: diffs stay readable.
        lines = ",\n".join(json.dumps(e, ensure_ascii=False) for e in got)
        golden.write_text(f"[\n{lines}\n]\n", encoding="utf-8")
        if not update_golden:
            pytest.fail(f"{golden.name} did not exist and was written; review it and rerun")
    assert got == json.loads(golden.read_text(encoding="utf-8"))
