"""`wirescope watch`: follow feeds and folders, ingesting what is new and updating the aggregates at each poll."""

from __future__ import annotations

import logging
import threading
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.logging import RichHandler

from ..config import DEFAULT_MODEL
from ..errors import WirescopeError
from .common import DbOption, fail, print_rows, settings_from

if TYPE_CHECKING:
    from ..store import Store
    from ..watch import SourceState, Watcher

out = Console()


def register(app: typer.Typer) -> None:
    app.command()(watch)


def watch(
    sources: Annotated[list[str], typer.Argument(
        help="Feed URLs, folders, OPML files or text files of feed URLs; SOURCE@5m gives one source its own interval")],
    db: DbOption = Path("wirescope.duckdb"),
    every: Annotated[str, typer.Option(help="Poll interval: 30s, 10m, 1h, ...")] = "10m",
    once: Annotated[bool, typer.Option("--once", help="Poll every source once, then exit")] = False,
    model: Annotated[str, typer.Option(help="spaCy pipeline: package name or path")] = DEFAULT_MODEL,
    no_aggregate: Annotated[bool, typer.Option(
        "--no-aggregate", help="Do not update merged events, stories and alerts after a poll")] = False,
    allow_private_addresses: Annotated[bool, typer.Option(
        "--allow-private-addresses", help="Let feeds, their links and redirects reach loopback, private and other "
        "internal addresses (refused by default; see SECURITY.md)")] = False,
    ignore_robots_txt: Annotated[bool, typer.Option(
        "--ignore-robots-txt", help="Do not read robots.txt (only for feeds and sites you run yourself)")] = False,
) -> None:
    """Follow sources live: poll them on a schedule and ingest only new and corrected items (Ctrl-C stops)."""
    from ..watch import Watcher, expand_sources, parse_interval, pause_from_env

    logging.basicConfig(level=logging.INFO, format="%(message)s",
                        handlers=[RichHandler(console=Console(stderr=True), show_path=False)])
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per request would drown the watcher's own
    settings = replace(settings_from(model=model), allow_private_addresses=allow_private_addresses,
                       respect_robots_txt=not ignore_robots_txt)
    try:
        found = expand_sources(sources, parse_interval(every))
        store = _open(db)
        with store, Watcher(found, store, settings, aggregate=not no_aggregate,
                                         pause=pause_from_env()) as watcher:
            if once:
                watcher.poll_once(everything=True)
                print_status(watcher)
                return
            stop = threading.Event()
            try:
                watcher.run(stop, on_poll=lambda results: print_status(watcher))
            except KeyboardInterrupt:
                stop.set()
                out.print("stopped; the next `wirescope watch` resumes where this one left off")
    except WirescopeError as exc:
        fail(str(exc))


def _open(db: Path) -> Store:
    """The store for writing, or an error that says what to do when a server holds it."""
    from ..store import Store
    from .remote import find_server, held_message

    try:
        return Store(db)
    except WirescopeError as exc:
        info = find_server(db) if db.exists() else None
        fail(held_message(info, "watch") if info is not None else str(exc))


def print_status(watcher: Watcher) -> None:
    """Sources, last poll, new items, errors, next poll: a table fitted to the terminal (a long feed address or
    error is cut with an ellipsis, never folded mid-word)."""
    out.print(f"wirescope watch · {datetime.now(UTC):%H:%M:%S} UTC", highlight=False)
    print_rows([{"source": st.source, "last poll": _when(st.last_poll), "new": st.new_items,
                 "total": st.total_items, "next poll": _when(st.next_poll), "errors": _errors(st)}
                for st in watcher.status()], False)


def _when(value: datetime | None) -> str:
    return "-" if value is None else f"{value:%H:%M:%S}"


def _errors(st: SourceState) -> str:
    if not st.errors:
        return "0"
    return f"{st.errors}: {st.last_error or ''}"
