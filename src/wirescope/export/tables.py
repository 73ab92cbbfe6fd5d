"""Export store tables as JSON Lines, Parquet or CSV with DuckDB's writers (one file per table), and the GDELT
layouts.

Names accepted by :func:`export_tables` (``wirescope export --tables``): every store table and view (``articles``,
``mentions`` = entity mentions, ``entities``, ``events`` = per-article coded events, ``quotes``, ``places``,
``merged_events``, ``event_mentions``, ``stories`` — with an ``article_ids`` list column —, ``escalation``,
``alerts``, ...) plus ``gdelt-events`` and ``gdelt-mentions``, which are always GDELT 2.0 tab-separated files
(``events.export.tsv``, ``mentions.export.tsv``; see :mod:`wirescope.export.gdelt` and docs/exports.md) whatever the
format. Parquet files carry ``wirescope_export_version`` in their key-value metadata.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import duckdb

from ..errors import ConfigError, StoreError

EXPORT_VERSION = "1"
FORMATS = {
    "jsonl": "(FORMAT JSON)",
    "parquet": f"(FORMAT PARQUET, KV_METADATA {{wirescope_export_version: '{EXPORT_VERSION}'}})",
    "csv": "(FORMAT CSV, HEADER)",
}
GDELT_TABLES = ("gdelt-events", "gdelt-mentions")
# Raw inputs and MinHash signatures are for re-processing, not for exchange.
_EXCLUDE = {"articles": ("raw", "minhash")}
# Internal state of the incremental story clusterer, not data.
_SKIP = {"schema_migrations", "story_vectors", "story_df"}


def exportable_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY table_name"
    ).fetchall()
    return [r[0] for r in rows if r[0] not in _SKIP and not r[0].startswith("_")]


def export_query(con: duckdb.DuckDBPyConnection, table: str) -> str:
    """The SELECT behind an exported table."""
    if table == "stories" and "story_articles" in exportable_tables(con):
        return (
            "SELECT s.*, coalesce(list(a.article_id ORDER BY a.article_id) FILTER (WHERE a.article_id IS NOT NULL),"
            " []) AS article_ids FROM stories s LEFT JOIN story_articles a ON a.story_id = s.id GROUP BY ALL"
            " ORDER BY s.size DESC, s.id"
        )
    exclude = _EXCLUDE.get(table)
    return f"SELECT * EXCLUDE ({', '.join(exclude)}) FROM {table}" if exclude else f"SELECT * FROM {table}"


def export_tables(
    con: duckdb.DuckDBPyConnection, out_dir: Path, fmt: str, tables: Sequence[str] | None = None
) -> list[tuple[Path, int]]:
    """Write each table to ``out_dir/<table>.<fmt>``; return (path, rows) pairs."""
    from .gdelt import write_gdelt_events, write_gdelt_mentions

    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    available = exportable_tables(con)
    chosen = [t.strip() for t in tables] if tables else available
    unknown = [t for t in chosen if t not in available and t not in GDELT_TABLES]
    if unknown:
        raise ConfigError(f"no table(s) {unknown} in the store; available: {', '.join(available + list(GDELT_TABLES))}")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for table in chosen:
        if table == "gdelt-events":
            written.append(write_gdelt_events(con, out_dir / "events.export.tsv"))
            continue
        if table == "gdelt-mentions":
            written.append(write_gdelt_mentions(con, out_dir / "mentions.export.tsv"))
            continue
        path = out_dir / f"{table}.{fmt}"
        select = export_query(con, table)
        target = path.as_posix().replace("'", "''")
        try:
            con.execute(f"COPY ({select}) TO '{target}' {FORMATS[fmt]}")
            row = con.execute(f"SELECT count(*) FROM ({select})").fetchone()
        except duckdb.Error as exc:
            raise StoreError(f"exporting {table} to {path} failed: {exc}") from exc
        written.append((path, int(row[0]) if row else 0))
    return written
