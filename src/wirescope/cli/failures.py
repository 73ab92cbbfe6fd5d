"""`wirescope failures`: the items that could not be ingested or analysed, with the reason."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import duckdb
import typer

from .common import DbOption, JsonOption, WideOption, fail, open_reader, print_rows

COLUMNS = ("failed_at", "run_id", "stage", "item", "reason")


def register(app: typer.Typer) -> None:
    app.command()(failures)


def failures(
    db: DbOption = Path("wirescope.duckdb"),
    run: Annotated[str | None, typer.Option(help="Only this run (its id or a unique prefix)")] = None,
    stage: Annotated[str | None, typer.Option(help="Only this stage: ingest (reading) or analyze")] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="At most this many rows, newest first")] = None,
    json_out: JsonOption = False,
    wide: WideOption = False,
) -> None:
    """List failures (newest first): when, which run, which stage, which item, and why."""
    if stage is not None and stage not in ("ingest", "analyze"):
        fail(f"unknown --stage {stage!r}; choose ingest or analyze")
    with open_reader(db) as store:
        rows = list_failures(store.con, run=run, stage=stage, limit=limit)
    # the table leads with what failed and why: a narrow terminal leaves out the run id on the right
    print_rows(rows, json_out, columns=("failed_at", "stage", "item", "reason", "run_id"), wide=wide)


def list_failures(
    con: duckdb.DuckDBPyConnection, *, run: str | None = None, stage: str | None = None, limit: int | None = None
) -> list[dict[str, Any]]:
    """Rows of the failures table, newest first, optionally of one run (id prefix) or stage."""
    sql = f"SELECT {', '.join(COLUMNS)} FROM failures"
    conditions: list[str] = []
    params: list[object] = []
    if run:
        conditions.append("starts_with(run_id, ?)")
        params.append(run)
    if stage:
        conditions.append("stage = ?")
        params.append(stage)
    if conditions:
        sql += " WHERE " + " AND ".join(conditions)
    sql += " ORDER BY failed_at DESC, item"
    if limit:
        sql += " LIMIT ?"
        params.append(int(limit))
    cur = con.execute(sql, params)
    names = [d[0] for d in cur.description or []]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
