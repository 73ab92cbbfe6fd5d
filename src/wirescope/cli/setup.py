"""`wirescope setup`: build now what would otherwise be built on first use, so no analysis starts in silence.

The one thing wirescope builds per user is the gazetteer index (tens of seconds; it lives in the user cache, see
``nlp/resources/gazetteer.py``); the spaCy model and the dictionaries are loaded once here too, to check that they
are installed and to say how long a start takes. ``make install`` runs it.
"""

from __future__ import annotations

import time
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from ..config import DEFAULT_MODEL
from ..errors import WirescopeError
from .common import fail, settings_from

err = Console(stderr=True)
out = Console()


def register(app: typer.Typer) -> None:
    app.command()(setup)


def setup(
    model: Annotated[str, typer.Option(help="spaCy pipeline to check: package name or path")] = DEFAULT_MODEL,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Build the gazetteer index again even if it exists")]
    = False,
    index_only: Annotated[bool, typer.Option(
        "--index-only", help="Only build the gazetteer index; do not load the model and dictionaries")] = False,
) -> None:
    """Build the gazetteer index in the user cache (or $WIRESCOPE_CACHE_DIR) and load the spaCy model and the
    dictionaries once, so that the first `ingest` or `analyze` starts at once. Run by `make install`."""
    from ..nlp.resources.gazetteer import ensure_default_index
    from ..runners.startup import StageTime, open_pipeline
    from ..runners.workers import default_workers

    times: list[StageTime] = []
    try:
        started = time.perf_counter()
        path, built = ensure_default_index(force=rebuild, why="wirescope setup: built once per user and "
                                           "package versions, not on first use")
        times.append(StageTime("gazetteer index" + (" (built)" if built else " (found)"),
                               time.perf_counter() - started))
        if not index_only:
            open_pipeline(settings_from(model=model), times=times)
    except WirescopeError as exc:
        fail(str(exc))
    table = Table(title="wirescope setup", title_justify="left")
    table.add_column("stage")
    table.add_column("seconds", justify="right")
    for entry in times:
        table.add_row(entry.label, f"{entry.seconds:.1f}")
    out.print(table)
    out.print(f"gazetteer index: {path} ({'built now' if built else 'already built'})", highlight=False,
              soft_wrap=True)
    out.print(f"ingest workers by default: {default_workers()} (usable cores, memory permitting; --n-process to "
              "change)", highlight=False)
