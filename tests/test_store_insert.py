"""The ingest's pandas-free chunk writer (``insert_chunk``) stores exactly what the Arrow writer (``insert_rows``)
stores, for every column type of every table, and an ingest process never imports pandas or pyarrow."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from wirescope.aggregate.tables import ALL_TABLES
from wirescope.store import Store
from wirescope.store.spec import TableSpec, insert_chunk, insert_rows

# Awkward values per stored type: quotes, non-ASCII, extremes, leap days, empty and nested lists.
_VALUES: dict[str, list[Any]] = {
    "VARCHAR": ["it's \"quoted\" é", "", "plain"],
    "INTEGER": [2**31 - 1, -7, 0],
    "BIGINT": [-(2**63) + 1, 2**62, 0],
    "DOUBLE": [0.1, -1e-300, 3.0],
    "DATE": [date(2024, 2, 29), date(1970, 1, 1), date(2031, 12, 31)],
    "TIMESTAMP": [datetime(2026, 12, 5, 3, 4, 5, 678901), datetime(2000, 1, 1), datetime(1999, 12, 31, 23, 59)],
    "BLOB": [b"\x00\xff\x10", b"", b"WSMH"],
    "JSON": ['{"a": [1, "é"], "b": null}', "[]", '"x"'],
    "VARCHAR[]": [["a", "b'c"], [], ["é"]],
    "INTEGER[]": [[1, 2, 3], [], [-4]],
    "DOUBLE[]": [[0.5, -2.25], [], [1e10]],
    "BOOLEAN": [True, False, True],
}


def _rows(spec: TableSpec) -> list[tuple[Any, ...]]:
    """Three rows with distinct keys; the third holds NULL in every nullable column."""
    rows = []
    for i in range(3):
        row = []
        for c in spec.columns:
            if c.choices:
                value: Any = c.choices[i % len(c.choices)]
            else:
                value = _VALUES[c.type][i]
            if c.type == "VARCHAR" and not c.choices:
                value = f"{value}{i}"  # distinct keys
            if i == 2 and c.nullable and c.name not in spec.key:
                value = None
            row.append(value)
        rows.append(tuple(row))
    return rows


TABLES = [name for name, spec in ALL_TABLES.items() if not spec.view]


@pytest.mark.parametrize("name", TABLES)
def test_insert_chunk_stores_what_insert_rows_stores(tmp_path: Path, name: str) -> None:
    spec = ALL_TABLES[name]
    rows = _rows(spec)
    stored = []
    for writer in (insert_rows, insert_chunk):
        with Store(tmp_path / f"{writer.__name__}.duckdb") as store:
            writer(store.con, spec, rows)
            stored.append(store.con.execute(f"SELECT * FROM {name} ORDER BY ALL").fetchall())
    assert stored[0] == stored[1]
    assert len(stored[1]) == 3


def test_insert_chunk_names_a_row_of_the_wrong_width(tmp_path: Path) -> None:
    spec = ALL_TABLES["sentences"]
    with Store(tmp_path / "s.duckdb") as store, pytest.raises(Exception, match="sentences: rows have 2 values"):
        insert_chunk(store.con, spec, [("a", 1)])


def test_ingest_writes_import_neither_pandas_nor_pyarrow(tmp_path: Path) -> None:
    # Either import costs 0.2-0.3 s of CPU in every ingesting process (issue 20); bare spaCy pays neither.
    script = f"""
import sys
from tests.test_store import make_analysis
from wirescope.config import Settings
from wirescope.ingest.dedup import Deduplicator
from wirescope.store import Store
with Store({str(tmp_path / "s.duckdb")!r}) as store:
    run = store.begin_run(Settings())
    dedup = Deduplicator()
    sig = dedup.add("a1", "Ann met Bob in Paris.")
    store.write([make_analysis("a1", "Ann met Bob in Paris.", ["Ann", "Bob"])], run_id=run, signatures={{"a1": sig}})
    assert store.con.execute("SELECT count(*) FROM mentions").fetchone() == (2,)
print(sorted(m for m in ("pandas", "pyarrow") if m in sys.modules))
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[1])
    assert out.stdout.strip() == "[]", out.stdout + out.stderr
