"""Export store tables as JSON Lines, Parquet or CSV with DuckDB's writers (one file per table)."""

from __future__ import annotations

from pathlib import Path

import duckdb

from ..errors import ConfigError

FORMATS = {"jsonl": "(FORMAT JSON)", "parquet": "(FORMAT PARQUET)", "csv": "(FORMAT CSV, HEADER)"}
# Raw inputs and MinHash signatures are for re-processing, not for exchange.
_EXCLUDE = {"articles": ("raw", "minhash")}
_SKIP = {"schema_migrations"}


def exportable_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY table_name"
    ).fetchall()
    return [r[0] for r in rows if r[0] not in _SKIP and not r[0].startswith("_")]


def export_tables(
    con: duckdb.DuckDBPyConnection, out_dir: Path, fmt: str, tables: list[str] | None = None
) -> list[tuple[Path, int]]:
    """Write each table to ``out_dir/<table>.<fmt>``; return (path, rows) pairs."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    available = exportable_tables(con)
    chosen = tables or available
    unknown = [t for t in chosen if t not in available]
    if unknown:
        raise ConfigError(f"no table(s) {unknown} in the store; available: {', '.join(available)}")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for table in chosen:
        path = out_dir / f"{table}.{fmt}"
        exclude = _EXCLUDE.get(table)
        select = f"SELECT * EXCLUDE ({', '.join(exclude)}) FROM {table}" if exclude else f"SELECT * FROM {table}"
        con.execute(f"COPY ({select}) TO '{path.as_posix()}' {FORMATS[fmt]}")
        row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
        written.append((path, int(row[0]) if row else 0))
    return written
