"""Export store tables as JSON Lines, Parquet or CSV with DuckDB's writers (one file per table), and the GDELT
layouts.

Names accepted by :func:`export_tables` (``wirescope export --tables``): every store table and view (``articles``,
``mentions`` = entity mentions, ``entities``, ``events`` = per-article coded events, ``quotes``, ``places``,
``merged_events``, ``event_mentions``, ``stories`` — with an ``article_ids`` list column —, ``escalation``,
``alerts``, ...) plus ``gdelt-events`` and ``gdelt-mentions``, which are always GDELT 2.0 tab-separated files
(``events.export.tsv``, ``mentions.export.tsv``; see :mod:`wirescope.export.gdelt` and docs/exports.md) whatever the
format. Parquet files carry ``wirescope_export_version`` in their key-value metadata. Every table is exported with
the columns of its spec (:mod:`wirescope.store.tables`, :mod:`wirescope.aggregate.tables`); a CSV file comes with
``<table>.columns.csv`` describing each column and ``<table>.csv-metadata.json``, the same description as CSV on
the Web metadata (:mod:`wirescope.export.csvw`), in which list columns are their items joined by ``;``. Codes are
text in every format: CAMEO codes such as "042" keep their leading zero (``json`` is one JSON array per table).
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

import duckdb

from ..aggregate.tables import ALL_TABLES
from ..errors import ConfigError, StoreError
from ..store.spec import Column
from .csvw import LIST_SEPARATOR, CsvwMetadata, csvw_metadata, is_list, write_csvw

EXPORT_VERSION = "1"
FORMATS = {
    "jsonl": "(FORMAT JSON)",
    "json": "(FORMAT JSON, ARRAY true)",
    "parquet": f"(FORMAT PARQUET, KV_METADATA {{wirescope_export_version: '{EXPORT_VERSION}'}})",
    "csv": "(FORMAT CSV, HEADER)",
}
GDELT_TABLES = ("gdelt-events", "gdelt-mentions")
# Raw inputs and MinHash signatures are for re-processing, not for exchange.
_EXCLUDE = {"articles": ("raw", "minhash")}
_SKIP = {name for name, spec in ALL_TABLES.items() if spec.internal}


def exportable_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The tables with a spec that this store has (a store made by an older release may lack some)."""
    rows = con.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()
    present = {r[0] for r in rows}
    return sorted(name for name in ALL_TABLES if name in present and name not in _SKIP)


def export_columns(table: str) -> list[Column]:
    """The columns a table is exported with, from its spec (``stories`` gains its ``article_ids``)."""
    columns = [c for c in ALL_TABLES[table].columns if c.name not in _EXCLUDE.get(table, ())]
    if table == "stories":
        columns.append(Column("article_ids", "VARCHAR[]", "ids of the story's articles (story_articles)"))
    return columns


def export_query(con: duckdb.DuckDBPyConnection, table: str) -> str:
    """The SELECT behind an exported table: its spec's columns, in the spec's order (a column a store made by an
    older release lacks is exported as a typed NULL, so every export of a table has the same columns)."""
    present = {r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]).fetchall()}
    names = ", ".join(
        f't."{c.name}"' if c.name in present else f'CAST(NULL AS {c.type}) AS "{c.name}"'
        for c in export_columns(table)
        if c.name != "article_ids"
    )
    if table == "stories":
        members = "list(a.article_id ORDER BY a.article_id) FILTER (WHERE a.article_id IS NOT NULL)"
        return (
            f"SELECT {names}, coalesce({members}, []) AS article_ids FROM stories t "
            "LEFT JOIN story_articles a ON a.story_id = t.id GROUP BY ALL ORDER BY t.size DESC, t.id"
        )
    return f"SELECT {names} FROM {table} t"


def write_column_descriptions(table: str, path: Path) -> Path:
    """``<table>.columns.csv`` next to a CSV export: name, type and description of each column (from the spec)."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["column", "type", "description"])
        for c in export_columns(table):
            writer.writerow([c.name, c.type, c.description])
    return path


def table_csvw(table: str) -> CsvwMetadata:
    """The CSVW metadata of a table's CSV export, from its spec (:mod:`wirescope.export.csvw`)."""
    spec = ALL_TABLES[table]
    return csvw_metadata(table, spec.description, export_columns(table), spec.key, f"{table}.csv")


def export_tables(
    con: duckdb.DuckDBPyConnection, out_dir: Path, fmt: str, tables: Sequence[str] | None = None
) -> list[tuple[Path, int]]:
    """Write each table to ``out_dir/<table>.<fmt>`` (CSV with ``<table>.columns.csv``); return (path, rows)."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    available = exportable_tables(con)
    chosen = [t.strip() for t in tables] if tables else available
    unknown = [t for t in chosen if t not in available and t not in GDELT_TABLES]
    if unknown:
        raise ConfigError(f"no table(s) {unknown} in the store; available: {', '.join(available + list(GDELT_TABLES))}")
    out_dir.mkdir(parents=True, exist_ok=True)
    return [_export(con, out_dir, fmt, table) for table in chosen]


def _export(con: duckdb.DuckDBPyConnection, out_dir: Path, fmt: str, table: str) -> tuple[Path, int]:
    from .gdelt import write_gdelt_events, write_gdelt_mentions

    if table == "gdelt-events":
        return write_gdelt_events(con, out_dir / "events.export.tsv")
    if table == "gdelt-mentions":
        return write_gdelt_mentions(con, out_dir / "mentions.export.tsv")
    path = out_dir / f"{table}.{fmt}"
    select = export_query(con, table)
    if fmt == "csv":  # a list column becomes its items joined by ';', as its CSVW description says
        lists = [c.name for c in export_columns(table) if is_list(c)]
        if lists:
            joined = ", ".join(f"array_to_string(\"{n}\", '{LIST_SEPARATOR}') AS \"{n}\"" for n in lists)
            select = f"SELECT * REPLACE ({joined}) FROM ({select})"
    target = path.as_posix().replace("'", "''")
    try:
        con.execute(f"COPY ({select}) TO '{target}' {FORMATS[fmt]}")
        row = con.execute(f"SELECT count(*) FROM ({select})").fetchone()
    except duckdb.Error as exc:
        raise StoreError(f"exporting {table} to {path} failed: {exc}") from exc
    if fmt == "csv":
        write_column_descriptions(table, out_dir / f"{table}.columns.csv")
        write_csvw(out_dir / f"{table}.csv-metadata.json", table_csvw(table))
    return path, int(row[0]) if row else 0
