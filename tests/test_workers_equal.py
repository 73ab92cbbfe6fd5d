"""Issue 20, item 2: spaCy and the stages run in worker processes, and the store is the same for any worker count.

The examples plus a few VOA stories (the dev file, not the gold) are ingested with one process and with two worker
processes; every stored table (events, quotes, places, entities, ... and the aggregates built on them) must hold
the same rows, apart from the run's own id and clock columns.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import islice
from pathlib import Path
from typing import Any

import pytest

from wirescope.config import Settings
from wirescope.runners.workers import WORKER_BYTES, default_workers

ROOT = Path(__file__).resolve().parents[1]
VOA_DEV = ROOT / "data" / "voa2025" / "voa_2025_dev.jsonl"
VOLATILE = ("run_id", "ingested_at", "created_at", "updated_at", "started_at", "finished_at", "seconds", "built_at")


def test_default_workers_is_the_usable_cores_memory_permitting() -> None:
    assert default_workers(cores=4, memory=None) == 4
    assert default_workers(cores=4, memory=64 * WORKER_BYTES) == 4
    assert default_workers(cores=8, memory=3 * WORKER_BYTES + 1) == 3  # memory caps the count
    assert default_workers(cores=2, memory=WORKER_BYTES // 2) == 1  # never fewer than one
    assert default_workers() >= 1


def _articles(tmp: Path) -> list[Any]:
    from wirescope.ingest.sources import read_inputs
    from wirescope.records import Article

    stories = tmp / "voa_dev_head.jsonl"
    with VOA_DEV.open(encoding="utf-8") as fh:
        stories.write_text("".join(islice(fh, 6)), encoding="utf-8")
    inputs = [*sorted(str(p) for p in (ROOT / "examples").glob("*.txt")), str(stories)]
    return [item for item in read_inputs(inputs) if isinstance(item, Article)]


def _tables(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    import duckdb

    con = duckdb.connect(str(path), read_only=True)
    try:
        out = {}
        names = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables "
                                           "WHERE table_type = 'BASE TABLE' ORDER BY 1").fetchall()]
        for name in names:
            if name in ("runs", "schema_migrations"):
                continue
            cols = [r[0] for r in con.execute(f"DESCRIBE \"{name}\"").fetchall() if r[0] not in VOLATILE]
            listed = ", ".join(f'"{c}"' for c in cols)
            out[name] = sorted(con.execute(f'SELECT {listed} FROM "{name}"').fetchall(), key=repr)
        return out
    finally:
        con.close()


def _ingest(path: Path, workers: int, articles: list[Any]) -> dict[str, list[tuple[Any, ...]]]:
    from wirescope.aggregate.build import aggregate_store
    from wirescope.runners.local import ingest_articles
    from wirescope.store import Store

    settings = replace(Settings(), n_process=workers, batch_size=2)  # small batches: several pieces per worker
    with Store(path) as store:
        report = ingest_articles(articles, store, settings)
        assert report.new == len(articles), report.failures
        aggregate_store(store.con)
    return _tables(path)


@pytest.mark.slow
@pytest.mark.skipif(not VOA_DEV.is_file(), reason="data/voa2025/voa_2025_dev.jsonl is absent")
def test_one_and_two_workers_store_the_same(tmp_path: Path) -> None:
    articles = _articles(tmp_path)
    assert len(articles) >= 8
    one = _ingest(tmp_path / "one.duckdb", 1, articles)
    two = _ingest(tmp_path / "two.duckdb", 2, articles)
    for table in ("events", "quotes", "places"):
        assert one.get(table), f"no {table} stored: the comparison would prove nothing"
    assert one.keys() == two.keys()
    for name in one:
        assert one[name] == two[name], f"table {name} differs between 1 and 2 workers"
