"""`wirescope serve --watch`: the watcher runs inside the server, which stays the store's one writer.

DuckDB lets one process open a file for writing and then no other process open it at all, so whatever adds news
while the dashboard is served must live in the server's process. ``LiveWatch`` runs a ``Watcher`` on a thread of
its own, over a connection of its own to the server's database (a DuckDB cursor: same database, its own
transactions, so requests keep reading the last committed state while a poll writes):

- fetching is I/O on the watcher's threads;
- analysis (spaCy and the stages) runs in a worker process (``WorkerPipeline``), so the interpreter lock of the
  process that answers requests is never held for a whole batch;
- each batch the worker returns is committed by the server in its own short transaction, under the database's
  ``write_lock`` (shared with the ingest and aggregate endpoints), then the aggregates are updated incrementally;
- after each commit the API's caches are dropped (``Database.refresh``), so the next request sees the new events.

Crash safety is the watcher's own (``watch/state.py``): a server killed at any point resumes at its restart without
losing or duplicating an article.
"""

from __future__ import annotations

import copy
import logging
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ..config import Settings

if TYPE_CHECKING:
    from ..nlp.pipeline import Pipeline
    from ..store import Store
    from ..watch import Source, Watcher
    from .db import Database

log = logging.getLogger("wirescope.watch")
RETRY_AFTER_CRASH = 10.0  # seconds before a watcher loop that raised starts again


class LiveWatch:
    """The watcher of a server: ``start(db)`` when the server starts, ``stop()`` when it stops."""

    def __init__(
        self,
        sources: Sequence[Source],
        settings: Settings,
        *,
        pipeline: Pipeline | None = None,
        aggregate: bool = True,
        pause: Callable[[str], None] | None = None,
    ) -> None:
        self.sources = list(sources)
        self.settings = settings
        self.pipeline = pipeline
        self.aggregate = aggregate
        self.pause = pause
        self.watcher: Watcher | None = None
        self._store: Store | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self, db: Database) -> None:
        """Register the sources (a write) and start polling on a daemon thread."""
        from ..watch import Watcher

        if not db.writable:
            raise ValueError("a watching server opens its store for writing")
        self._store = second_handle(db.store)
        self.watcher = Watcher(
            self.sources, self._store, self.settings, pipeline=self.pipeline, aggregate=self.aggregate,
            pause=self.pause, write_lock=db.write_lock, on_change=db.refresh,
        )
        db.refresh()  # the sources' rows are new
        self._thread = threading.Thread(target=self._run, name="wirescope-watch", daemon=True)
        self._thread.start()
        log.info("watching %d sources", len(self.sources))

    def _run(self) -> None:
        assert self.watcher is not None
        while not self._stop.is_set():
            try:
                self.watcher.run(self._stop)
            except Exception:  # a store or aggregation error must not end the watch: log it, try again later
                log.exception("the watcher failed; it starts again in %.0f s", RETRY_AFTER_CRASH)
                self._stop.wait(RETRY_AFTER_CRASH)

    def stop(self, timeout: float = 30.0) -> None:
        """Stop polling; wait up to ``timeout`` s for a poll in progress (what it had committed is kept either
        way, and the next start resumes from there)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
        finished = self._thread is None or not self._thread.is_alive()
        if self.watcher is not None:
            self.watcher.close()
        if self._store is not None and finished:
            self._store.con.close()


def second_handle(store: Store) -> Store:
    """Another handle on an open store for another thread: the same database (and schema knowledge), its own
    connection, as DuckDB connections must not be shared between threads."""
    other = copy.copy(store)
    other.con = store.con.cursor()
    other._columns = {}
    return other
