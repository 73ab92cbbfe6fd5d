"""`wirescope index`: store maintenance that keeps the HTTP API's full-text search fast on a large store."""

from __future__ import annotations

import json
import time
from dataclasses import asdict
from pathlib import Path

import typer

from ..errors import WirescopeError
from .common import DbOption, JsonOption, fail


def register(app: typer.Typer) -> None:
    app.command(name="index")(index)


def index(db: DbOption = Path("wirescope.duckdb"), json_out: JsonOption = False) -> None:
    """Re-sort the search index by term so a search reads only its words' postings (run after a large ingest)."""
    from ..store import Store
    from ..store.search import cluster

    if not db.exists():
        fail(f"no wirescope database at {db}; run `wirescope ingest` first or pass --db PATH")
    t0 = time.perf_counter()
    try:
        with Store(db) as store:
            stats = cluster(store.con)
    except WirescopeError as exc:
        fail(str(exc))
    seconds = time.perf_counter() - t0
    if json_out:
        typer.echo(json.dumps({**asdict(stats), "seconds": round(seconds, 2)}))
    else:
        typer.echo(
            f"search index clustered in {seconds:.1f} s: {stats.postings:,} postings of {stats.terms:,} terms "
            f"over {stats.documents:,} articles in {stats.row_groups:,} row groups"
        )
