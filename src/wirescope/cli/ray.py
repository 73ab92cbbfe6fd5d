"""`wirescope load`: merge the Parquet output of `ingest --engine ray` into a store; and the printing side of
`ingest --engine ray`, which `cli.core.ingest` calls through ``ingest_with_ray``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..errors import WirescopeError
from .common import DbOption, JsonOption

if TYPE_CHECKING:
    from ..config import Settings
    from ..ingest.tabular import FieldMapping

err = Console(stderr=True)


def fail(message: str, code: int = 2) -> NoReturn:
    """A one-line error. The message is plain text: `wirescope[ray]` must not be read as Rich markup."""
    err.print(Text.assemble(("error: ", "red"), message), highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def register(app: typer.Typer) -> None:
    app.command()(load)


def load(
    out: Annotated[str, typer.Argument(help="Output folder (or s3://… URI) of `wirescope ingest --engine ray`")],
    db: DbOption = Path("wirescope.duckdb"),
    json_out: JsonOption = False,
) -> None:
    """Merge Parquet partitions written by the Ray engine into a DuckDB store. Running it again adds nothing twice."""
    from ..runners.parquet import load as load_parquet
    from ..store import Store

    try:
        with Store(db) as store:
            report = load_parquet(out, store)
    except WirescopeError as exc:
        fail(str(exc))
    counts = report.counts()
    if json_out:
        sys.stdout.write(json.dumps(counts) + "\n")
        return
    table = Table(title=f"load {out} into {db}", show_header=True)
    for name in counts:
        table.add_column(name.replace("_", " "), justify="right")
    table.add_row(*(str(v) for v in counts.values()))
    err.print(table)


def ingest_with_ray(
    inputs: list[str],
    settings: Settings,
    *,
    address: str | None,
    workers: int,
    out: Path | str | None,
    mapping: FieldMapping | None = None,
    partition_size: int | None = None,
) -> None:
    """Run `ingest --engine ray` and print its closing table; exits 1 when nothing could be read."""
    from ..runners.partitions import DEFAULT_PARTITION_SIZE
    from ..runners.ray import run_ray_ingest

    if out is None:
        fail(
            "--engine ray needs --out DIR (a folder or s3://… URI for the Parquet output); "
            "then merge it with `wirescope load DIR --db PATH`"
        )
    try:
        report = run_ray_ingest(
            inputs,
            settings,
            address=address,
            workers=workers,
            out=out,
            mapping=mapping,
            partition_size=partition_size or DEFAULT_PARTITION_SIZE,
        )
    except WirescopeError as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        err.print("[yellow]interrupted: complete partitions are kept; rerun the same command to resume[/]")
        raise typer.Exit(130) from None
    for failure in report.failures:
        err.print(Text.assemble(("failed ", "red"), f"{failure.item}: {failure.reason}"), soft_wrap=True)
    table = Table(title=f"ingest --engine ray into {report.out}", show_header=True)
    counts = report.counts()
    for name in counts:
        table.add_column(name.replace("_", " "), justify="right")
    table.add_row(*(str(v) for v in counts.values()))
    err.print(table)
    err.print(
        f"{report.new / max(report.seconds, 1e-9):.1f} articles/s with {workers} workers "
        f"(Ray start-up and model loading included); merge with: wirescope load {report.out} --db PATH",
        highlight=False,
        markup=False,
    )
    if report.partitions and report.processed == 0 and report.skipped == report.partitions:
        return
    if report.read == 0 or report.read == report.failed:
        raise typer.Exit(1)
