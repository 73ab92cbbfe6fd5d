"""The Ray engine end to end on a local two-worker Ray instance: its records equal the local engine's.

The default test runs the examples plus 40 BBC articles (about half a minute); the slow one a few hundred.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ray_support import ALL_STAGES, assert_same_records
from wirescope.config import Settings
from wirescope.runners.local import ingest as local_ingest
from wirescope.runners.parquet import DONE, load
from wirescope.store import Store

ray = pytest.importorskip("ray")

pytestmark = pytest.mark.ray


@pytest.fixture(scope="module")
def ray_instance() -> Iterator[None]:
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def _inputs(tmp_path: Path, examples: list[Path], shared: Path | None, count: int) -> list[str]:
    inputs = [str(p) for p in examples]
    corpus = shared / "corpora" / "bbc2225.jsonl" if shared else None
    if corpus and corpus.is_file():
        # A slice in a temporary file: the corpus is read by path and never copied into the repository.
        with corpus.open(encoding="utf-8") as fh:
            lines = [next(fh) for _ in range(count)]
        (tmp_path / "bbc.jsonl").write_text("".join(lines), encoding="utf-8")
        inputs.append(str(tmp_path / "bbc.jsonl"))
    return inputs


def _shared_or_none(request: pytest.FixtureRequest) -> Path | None:
    try:
        return Path(request.getfixturevalue("shared_data"))
    except pytest.skip.Exception:
        return None  # examples alone when the gold data folder is absent


def _compare(tmp_path: Path, inputs: list[str], *, partition_size: int) -> dict[str, int]:
    from wirescope.runners.ray import run_ray_ingest

    settings = Settings(stages=ALL_STAGES)
    with Store(tmp_path / "local.duckdb") as local:
        local_report = local_ingest(inputs, local, settings)
    report = run_ray_ingest(inputs, settings, workers=2, out=tmp_path / "out", partition_size=partition_size)
    assert report.processed == report.partitions > 1 and report.skipped == 0
    assert report.read == local_report.read and report.failed == local_report.failed
    with Store(tmp_path / "ray.duckdb") as merged:
        loaded = load(tmp_path / "out", merged)
        assert loaded.articles == local_report.new
        with Store(tmp_path / "local.duckdb", read_only=True) as local:
            return assert_same_records(local, merged)


def test_ray_records_equal_local_engine(
    ray_instance: None, tmp_path: Path, examples: list[Path], request: pytest.FixtureRequest
) -> None:
    inputs = _inputs(tmp_path, examples, _shared_or_none(request), 40)
    counts = _compare(tmp_path, inputs, partition_size=10)
    assert counts["articles"] >= 2 and counts["mentions"] > 0 and counts["events"] > 0


@pytest.mark.slow
def test_ray_records_equal_local_engine_bbc_300(
    ray_instance: None, tmp_path: Path, examples: list[Path], shared_data: Path
) -> None:
    counts = _compare(tmp_path, _inputs(tmp_path, examples, shared_data, 300), partition_size=50)
    assert counts["articles"] >= 290


def test_rerun_skips_complete_partitions_and_redoes_the_rest(
    ray_instance: None, tmp_path: Path, examples: list[Path]
) -> None:
    from wirescope.cli.main import build_app
    from wirescope.runners.ray import run_ray_ingest

    settings = Settings(stages=("entities",))
    inputs = [str(p) for p in examples]
    out = tmp_path / "out"
    first = run_ray_ingest(inputs, settings, workers=2, out=out, partition_size=1)
    assert (first.partitions, first.processed, first.new) == (2, 2, 2)
    again = run_ray_ingest(inputs, settings, workers=2, out=out, partition_size=1)
    assert (again.skipped, again.processed) == (2, 0)
    # A partition whose marker is missing (a worker died before writing it) is done again, and only that one.
    marker = sorted((out / DONE).iterdir())[0]
    marker.unlink()
    third = run_ray_ingest(inputs, settings, workers=2, out=out, partition_size=1)
    assert (third.skipped, third.processed, third.new) == (1, 1, 1)
    assert marker.exists()

    result = CliRunner().invoke(build_app(), ["load", str(out), "--db", str(tmp_path / "w.duckdb"), "--json"])
    assert result.exit_code == 0, result.output
    assert '"articles": 2' in result.output and '"partitions": 2' in result.output
