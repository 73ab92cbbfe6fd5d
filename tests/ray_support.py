"""Helpers shared by the Ray engine tests: compare two stores table by table."""

from __future__ import annotations

from typing import Any

from wirescope.runners.parquet import partition_tables
from wirescope.store import Store

ALL_STAGES = ("entities", "times", "places", "events", "quotes", "locate")
# Columns that name the run or the moment of writing, which differ between any two runs by design.
RUN_COLUMNS = {"articles": ("run_id", "ingested_at"), "failures": ("run_id", "failed_at")}


def table_rows(store: Store, table: str) -> list[tuple[Any, ...]]:
    skip = RUN_COLUMNS.get(table, ())
    cols = [c for c in store.columns(table) if c not in skip]
    select = ", ".join(f'"{c}"' for c in cols)
    return sorted(store.con.execute(f"SELECT {select} FROM {table}").fetchall(), key=repr)


def assert_same_records(local: Store, other: Store) -> dict[str, int]:
    """Every per-article table holds the same rows in both stores (run ids and write times aside)."""
    counts = {}
    for table in partition_tables():
        expected, got = table_rows(local, table), table_rows(other, table)
        assert len(got) == len(expected), f"{table}: {len(got)} rows, local engine has {len(expected)}"
        for e, g in zip(expected, got, strict=True):
            assert g == e, f"{table} differs:\nlocal {e!r}\nother {g!r}"
        counts[table] = len(expected)
    return counts
