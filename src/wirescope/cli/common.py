"""Options and helpers shared by the command modules."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.text import Text
from typer._click.globals import get_current_context  # Typer 0.29 runs its own copy of Click

from ..config import DEFAULT_MODEL, DEFAULT_STAGES, Settings
from ..errors import WirescopeError

if TYPE_CHECKING:
    from ..store import Store
    from ..store.spec import TableSpec
    from .remote import Remote

DbOption = Annotated[Path, typer.Option("--db", help="DuckDB store file", envvar="WIRESCOPE_DB")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON Lines instead of a table")]
DictionariesOption = Annotated[Path | None, typer.Option(help="Folder of PETRARCH dictionaries")]
ActorsFileOption = Annotated[Path | None, typer.Option("--actors", help="Extra actors file (YAML or CSV)")]
WideOption = Annotated[bool, typer.Option(
    "--wide", help="Show every column and whole values (the table may be wider than the terminal)")]
ParseOption = Annotated[str, typer.Option(
    "--parse", help="Which sentences get a dependency parse: 'all' (every sentence; the default) or 'needed' (only "
    "sentences a stage reads the parse of; see docs/parsing.md)")]
TokenOption = Annotated[str | None, typer.Option(
    help="The token of the `wirescope serve` that holds the store (also WIRESCOPE_TOKEN): the command then goes "
    "through its API", envvar="WIRESCOPE_TOKEN")]

_err = Console(stderr=True)


def fail(message: str, code: int = 2) -> NoReturn:
    """Print a one-line error and exit (2: misuse or nothing to do)."""
    _err.print(Text.assemble(("error: ", "red"), message), highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def date_option(value: str | None, name: str) -> date | None:
    """The date of a YYYY-MM-DD option (None when not given); anything else fails naming the option."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"{name} {value!r} is not a date; use YYYY-MM-DD")


def settings_from(
    *,
    model: str = DEFAULT_MODEL,
    stages: str | None = None,
    batch_size: int = 32,
    n_process: int = 1,
    dictionaries: Path | None = None,
    actors_file: Path | None = None,
    parse: str = "all",
) -> Settings:
    try:
        return Settings(
            model=model,
            stages=tuple(s.strip() for s in stages.split(",") if s.strip()) if stages else DEFAULT_STAGES,
            batch_size=batch_size,
            n_process=n_process,
            dictionaries=dictionaries,
            actors_file=actors_file,
            parse=parse,
        )
    except WirescopeError as exc:
        fail(str(exc))


def open_reader(db: Path, command: str | None = None) -> Store:
    """A read-only store, or a clear error when there is none or a server holds it (saying what to do)."""
    from ..store import Store

    try:
        return Store(db, read_only=True)
    except WirescopeError as exc:
        _held_or_fail(db, exc, command or _command())


def reader_or_server(db: Path) -> Store | Remote:
    """A read-only store, or, when a running `wirescope serve` holds it, a client of that server's API."""
    from ..store import Store
    from .remote import Remote, find_server

    try:
        return Store(db, read_only=True)
    except WirescopeError as exc:
        info = find_server(db) if db.exists() else None
        if info is None:
            fail(str(exc))
        return Remote(info)


def writer_or_server(db: Path, token: str | None, command: str) -> Store | Remote:
    """The store opened for writing, or, when a running `wirescope serve` holds it, a client of that server's API
    with ``token``; fails saying what to do when the server takes no writes or no token is given."""
    from ..store import Store
    from .remote import Remote, find_server, held_message

    try:
        return Store(db)
    except WirescopeError as exc:
        info = find_server(db) if db.exists() else None
        if info is None:
            fail(str(exc))
        if not info.writes or not token:
            fail(held_message(info, command))
        return Remote(info, token)


def _held_or_fail(db: Path, exc: WirescopeError, command: str) -> NoReturn:
    from .remote import find_server, held_message

    info = find_server(db) if db.exists() else None
    fail(held_message(info, command) if info is not None else str(exc))


def _command() -> str:
    """The name of the running subcommand (for messages)."""
    ctx = get_current_context(silent=True)
    return ctx.info_name if ctx is not None and ctx.info_name else "this command"


def _console() -> Console:
    """The console for a table: the terminal's width (COLUMNS), unless the caller gave the command a terminal width
    (Click's ``terminal_width``, as a test runner does)."""
    ctx = get_current_context(silent=True)  # a subcommand's context inherits the width
    return Console(width=ctx.terminal_width) if ctx is not None and ctx.terminal_width else Console()


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, bytes):
        return None
    return value


def _shown(value: Any) -> str:
    """A value as a table shows it: lists as comma-separated items, dates in ISO form."""
    if isinstance(value, list | tuple):
        return ", ".join(str(_plain(v)) for v in value)
    plain = _plain(value)
    return "" if plain is None else str(plain)


def print_rows(rows: Sequence[dict[str, Any]], as_json: bool, columns: Iterable[str] | None = None, *,
               wide: bool = False) -> None:
    """JSON Lines on stdout, or a table fitted to the terminal (cells cut with an ellipsis, one line per row;
    ``wide``: every value in full, wrapped only at spaces)."""
    from .table import render

    if as_json:
        for row in rows:
            sys.stdout.write(json.dumps({k: _plain(v) for k, v in row.items()}, ensure_ascii=False, default=str) + "\n")
        return
    if not rows:
        _err.print("(no rows)")
        return
    cols = list(columns or rows[0].keys())
    # Cells are Text, not markup (table.render): stored values (headlines, names) may hold "[" and "]".
    cells = [[_shown(row.get(c)) for c in cols] for row in rows]
    render(cols, cells, wide=wide, console=_console(), err=Console(stderr=True))


def spec_row(spec: TableSpec, record: Any, **context: Any) -> dict[str, Any]:
    """A record as its table's row (column name -> value): the shape of the API's rows and of the exports."""
    return dict(zip(spec.names, spec.row(record, **context), strict=True))
