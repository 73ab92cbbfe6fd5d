"""`make demo` (issue 19, item 9): the library path of scripts/demo.py, without serving."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[1]


def _demo() -> ModuleType:
    spec = importlib.util.spec_from_file_location("wirescope_demo", REPO / "scripts" / "demo.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the script is loaded
    spec.loader.exec_module(module)
    return module


def test_make_demo_runs_the_script() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\ndemo:", 1)[1].split("\n\n", 1)[0]
    assert "scripts/demo.py" in recipe
    demo = _demo()
    assert all(p.exists() for p in demo.INPUTS)  # the credited VOA copy and the examples, in the repository


def test_closing_lines_say_when_nothing_fired() -> None:
    demo = _demo()
    quiet = demo.Situation(2, 0, 1, (), ())
    assert quiet.closing_lines()[-2:] == [
        "Busiest dyads: no event between two countries was coded.",
        "Alerts: none fired (no dyad's hostility rose far above its own recent days).",
    ]
    busy = demo.Situation(3, 5, 2, (demo.Dyad("USA", "IRN", 4, 9),), ("United States (USA) → Iran ...",))
    lines = busy.closing_lines()
    assert "United States (USA) → Iran, Islamic Republic of (IRN) (4 events, 9 mentions)" in lines[1]
    assert lines[2:] == ["Top alerts:", "  United States (USA) → Iran ..."]


@pytest.mark.slow
def test_demo_shows_the_voa_situation(tmp_path: Path) -> None:
    demo = _demo()
    db = tmp_path / "demo.duckdb"
    picture = demo.situation(db)
    assert picture.articles == 51  # 49 VOA stories and the two examples
    assert picture.events > 100 and picture.stories > 5
    assert picture.dyads and all(d.source != d.target and d.events >= 1 for d in picture.dyads)
    lines = picture.closing_lines()
    assert lines[1].startswith("Busiest dyads: ") and re.search(r"\(\w{3}\) → .*\(\w{3}\)", lines[1])
    assert lines[2] == "Top alerts:" or lines[2].startswith("Alerts: none fired")
    for alert in lines[3:]:  # the dashboard's plain words (escalation.alert_sentence), not the statistics
        assert re.fullmatch(r"  .+ → .+: (most|first) hostile day .*\(on \d{4}-\d\d-\d\d\)", alert), alert
        assert "z=" not in alert and "trailing" not in alert
    again = demo.situation(db)  # a rerun skips the stored articles and gives the same picture
    assert again == picture
