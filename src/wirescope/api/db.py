"""The API's view of the store: one DuckDB database opened once, a cursor per request, schema introspection.

The server reads whatever tables exist: a store holding only the core tables serves articles, entities and search,
and each later migration (events, quotes, places, aggregates) lights up its endpoints.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from ..errors import StoreError
from ..store import Store
from ..store.spec import TableSpec

T = TypeVar("T")
CACHED_RESULTS = 64  # results kept: whole-store aggregates and pages, each small (callers refuse large ones: keep)


class Database:
    """A store opened read-only (or read-write when the ingest endpoint is on) with cached schema facts."""

    def __init__(self, path: str | Path, *, writable: bool = False) -> None:
        self.path = Path(path)
        self.writable = writable
        if not writable and not self.path.exists():
            raise StoreError(f"no wirescope database at {self.path}; run `wirescope ingest` first or pass --db PATH")
        self.store = Store(self.path, read_only=not writable)
        self._columns: dict[str, tuple[str, ...]] | None = None
        self._types: dict[tuple[str, str], str] = {}
        self._base_tables: set[str] = set()
        # Results of costly aggregations, valid while the data cannot change: DuckDB lets no other process write
        # a file this process holds open, so only our own writers can (the ingest and aggregate endpoints, the
        # watcher of `serve --watch`), and each calls refresh() after it commits.
        self._results: OrderedDict[Hashable, Any] = OrderedDict()
        self._generation = 0
        self._lock = threading.Lock()
        # Held by each writer around its writes: DuckDB runs one writing transaction at a time per file, and two
        # writers of this process (an ingest request and the watcher, say) would otherwise conflict.
        self.write_lock = threading.RLock()

    def close(self) -> None:
        self.store.close()

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor of its own for one request: DuckDB connections are not shared across threads."""
        cur = self.store.con.cursor()
        try:
            yield cur
        finally:
            cur.close()

    def refresh(self) -> None:
        """Forget cached schema facts and results (after an ingest may have migrated or changed the store)."""
        self._columns = None
        with self._lock:
            self._generation += 1
            self._results.clear()

    def cached(self, key: Hashable, compute: Callable[[], T], keep: Callable[[T], bool] | None = None) -> T:
        """``compute()``, or its result from an earlier call with the same key since the last refresh(); a result
        ``keep`` refuses (too large to hold, say) is returned without being cached.

        The result is shared between requests: callers must not change it.
        """
        with self._lock:
            if key in self._results:
                self._results.move_to_end(key)
                hit: T = self._results[key]
                return hit
            generation = self._generation
        value = compute()
        with self._lock:
            if generation == self._generation and (keep is None or keep(value)):
                # not if an ingest finished meanwhile: the result may predate it
                self._results[key] = value
                while len(self._results) > CACHED_RESULTS:
                    self._results.popitem(last=False)
        return value

    def schema(self) -> dict[str, tuple[str, ...]]:
        if self._columns is None:
            with self.cursor() as cur:
                rows = cur.execute(
                    "SELECT table_name, column_name, data_type FROM information_schema.columns "
                    "WHERE table_schema = 'main' ORDER BY table_name, ordinal_position"
                ).fetchall()
                base = cur.execute(
                    "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE'"
                ).fetchall()
            cols: dict[str, list[str]] = {}
            for table, column, data_type in rows:
                cols.setdefault(table, []).append(column)
                self._types[(table, column)] = str(data_type).upper()
            self._base_tables = {r[0] for r in base}
            self._columns = {t: tuple(c) for t, c in cols.items()}
        return self._columns

    def has(self, table: str, *columns: str) -> bool:
        found = self.schema().get(table)
        return found is not None and all(c in found for c in columns)

    def columns(self, table: str) -> tuple[str, ...]:
        return self.schema().get(table, ())

    def is_base_table(self, table: str) -> bool:
        """True for a stored table (which has DuckDB row ids), false for a view or a missing table."""
        self.schema()
        return table in self._base_tables

    def select(self, spec: TableSpec, alias: str = "t", names: tuple[str, ...] | list[str] | None = None) -> str:
        """The SELECT list of a spec's columns (all, or ``names``). A column the store lacks (a store made by an older
        release, opened read-only and so not migrated) is served as a typed NULL."""
        present = set(self.columns(spec.name))
        parts = []
        for name in names or spec.names:
            column = spec.column(name)
            if name in present:
                parts.append(f'{alias}."{name}" AS "{name}"')
            else:
                parts.append(f'CAST(NULL AS {column.type}) AS "{name}"')
        return ", ".join(parts)

    def type_of(self, table: str, column: str) -> str:
        """The column's SQL type name (upper case), or '' when there is no such column."""
        self.schema()
        return self._types.get((table, column), "")


def dicts(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description or []]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
