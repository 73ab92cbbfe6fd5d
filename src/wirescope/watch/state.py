"""The watcher's state in the store (tables ``watch_sources`` and ``watch_items``, migration 011_watch).

The watcher writes a source's state only after the articles of a poll are committed, so a process killed at any
point polls again from the last committed state: items it had fetched but not stored are fetched again, and items
stored but not yet marked are recognised by their article ids (the store skips articles it holds).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import duckdb

from ..errors import StoreError
from ..store.spec import insert_rows
from ..store.tables import WATCH_ITEMS, WATCH_SOURCES


@dataclass(frozen=True, slots=True)
class SourceState:
    """A source's row: what the next conditional request sends, when it is due, and how the last polls went."""

    source: str
    kind: str
    every_seconds: float
    etag: str | None = None
    last_modified: str | None = None
    last_poll: datetime | None = None
    next_poll: datetime | None = None
    errors: int = 0
    last_error: str | None = None
    new_items: int = 0
    total_items: int = 0


@dataclass(frozen=True, slots=True)
class ItemState:
    """An item taken: its identity, the fingerprint of the version taken, and the articles it became."""

    item: str
    fingerprint: str
    articles: tuple[str, ...] = ()


def load_sources(con: duckdb.DuckDBPyConnection) -> dict[str, SourceState]:
    cur = con.execute(f"SELECT {', '.join(WATCH_SOURCES.names)} FROM watch_sources ORDER BY source")
    names = [d[0] for d in cur.description]
    return {row[0]: SourceState(**dict(zip(names, row, strict=True))) for row in cur.fetchall()}


def load_items(con: duckdb.DuckDBPyConnection, source: str) -> dict[str, ItemState]:
    rows = con.execute("SELECT item, fingerprint, articles FROM watch_items WHERE source = ?", [source]).fetchall()
    return {item: ItemState(item, fp, tuple(arts or ())) for item, fp, arts in rows}


def save_poll(con: duckdb.DuckDBPyConnection, state: SourceState, items: Sequence[ItemState], now: datetime) -> None:
    """Replace the source's row and upsert the items taken, in one transaction."""
    source_row = WATCH_SOURCES.row(None, **{n: getattr(state, n) for n in WATCH_SOURCES.names})
    item_rows = [
        WATCH_ITEMS.row(None, source=state.source, item=i.item, fingerprint=i.fingerprint, articles=list(i.articles),
                        seen_at=now)
        for i in items
    ]
    con.execute("BEGIN")
    try:
        con.execute("DELETE FROM watch_sources WHERE source = ?", [state.source])
        insert_rows(con, WATCH_SOURCES, [source_row])
        if item_rows:
            con.execute("DELETE FROM watch_items WHERE source = ? AND item IN (SELECT unnest(?))",
                        [state.source, [i.item for i in items]])
            insert_rows(con, WATCH_ITEMS, item_rows)
        con.execute("COMMIT")
    except Exception as exc:
        con.execute("ROLLBACK")
        if isinstance(exc, duckdb.Error):
            raise StoreError(f"saving the watch state of {state.source} failed: {exc}") from exc
        raise
