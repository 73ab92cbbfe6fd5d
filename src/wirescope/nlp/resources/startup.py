"""Start-up stages: what wirescope loads or builds before its first article, said on stderr while it happens.

A first run used to sit silent (or behind a bare progress bar) for half a minute while the gazetteer index was
built (issue 20). ``stage`` names what is loaded or built and why: a caller with its own progress display (the
ingest runner) registers a listener with ``listening`` and shows the label there; otherwise a terminal gets a Rich
status line on stderr, and a ``loud`` stage (a build that takes seconds) prints its start and end on stderr even
when stderr is not a terminal, so a log shows where the time went.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

Listener = Callable[[str | None], None]  # called with the stage's label when it starts, None when it ends

_listeners: list[Listener] = []


@contextmanager
def listening(listener: Listener) -> Iterator[None]:
    """Send the stages started inside this block to ``listener`` instead of stderr."""
    _listeners.append(listener)
    try:
        yield
    finally:
        _listeners.remove(listener)


@contextmanager
def stage(label: str, *, why: str = "", loud: bool = False) -> Iterator[None]:
    """Run the block as the start-up stage ``label`` ("building the gazetteer index ..."), ``why`` saying why
    it runs now."""
    text = f"{label} ({why})" if why else label
    if _listeners:
        listener = _listeners[-1]
        listener(text)
        try:
            yield
        finally:
            listener(None)
        return
    from rich.console import Console

    console = Console(stderr=True)
    started = time.perf_counter()
    if console.is_terminal:
        with console.status(text + " ...", spinner="dots"):
            yield
        if loud:
            console.print(f"{label}: done in {time.perf_counter() - started:.1f} s", highlight=False)
        return
    if loud:
        print(f"wirescope: {text} ...", file=sys.stderr, flush=True)
    yield
    if loud:
        print(f"wirescope: {label}: done in {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
