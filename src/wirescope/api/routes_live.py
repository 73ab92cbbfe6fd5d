"""``/api/changes``: what the dashboard polls to update itself without a reload.

One cheap answer for every open dashboard: row counts of the tables a dashboard shows, the time the newest article
was stored, and a ``version`` that changes whenever any of them does. A dashboard compares the version with the one
it last saw, and only then asks the listing endpoints for the new rows; the counts tell it how many items are new.

Polling rather than server-sent events: a poll is one short request that any proxy passes and any number of
clients share (the answer is computed at most once per ``TTL_SECONDS`` for all of them), whereas an event stream
holds a connection and a worker thread per open dashboard. The store can change under the server without it
knowing (a watcher in the same process writes through its own connection), so the answer is recomputed after a
short time, not only when this process's ingest endpoint says so.
"""

from __future__ import annotations

import hashlib
import threading
import time
from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from ..config import DEFAULT_MIN_CONFIDENCE
from . import models as m
from .db import Database
from .respond import json_response

router = APIRouter(prefix="/api", tags=["live"])

TTL_SECONDS = 0.5  # answers are shared this long: 20 dashboards polling every few seconds cost one query set
# What a dashboard shows, with a per-table sum that changes when existing rows grow (a merged event gaining a
# report, a story gaining an article) even though no row was added.
WATCHED: dict[str, str | None] = {
    "articles": None,
    "events": None,
    "quotes": None,
    "merged_events": "num_articles",
    "stories": "size",
    "alerts": None,
}
# Events are counted as the listings show them by default: a candidate below the threshold is no new item.
SHOWN = {"events": f"confidence >= {DEFAULT_MIN_CONFIDENCE!r}"}


class Changes(BaseModel):
    version: str = Field(description="changes whenever any count, sum or the newest article changes; compare it with "
                         "the one you saw last")
    counts: dict[str, int] = Field(description="rows per table the dashboard shows (tables the store lacks are left "
                                   "out): articles, events (at or above the listings' default confidence threshold), "
                                   "quotes, merged_events, stories, alerts")
    latest_ingested_at: datetime | None = Field(description="when the newest article was stored (UTC)")
    checked_at: datetime = Field(description="when the server read these figures (UTC)")


def read_changes(db: Database) -> dict[str, Any]:
    """The figures of :class:`Changes`, read from the store now."""
    counts: dict[str, int] = {}
    sums: list[Any] = []
    latest = None
    with db.cursor() as cur:
        for table, summed in WATCHED.items():
            if not db.has(table):
                continue
            extra = f", sum({summed})" if summed and db.has(table, summed) else ""
            where = f" WHERE {SHOWN[table]}" if table in SHOWN and db.has(table, "confidence") else ""
            row = cur.execute(f'SELECT count(*){extra} FROM "{table}"{where}').fetchone()
            counts[table] = int(row[0]) if row else 0
            if extra and row:
                sums.append(row[1])
        if db.has("articles", "ingested_at"):
            row = cur.execute("SELECT max(ingested_at) FROM articles").fetchone()
            # stored as naive UTC; served with its offset, as a date-time must be
            latest = row[0].replace(tzinfo=UTC) if row and row[0] is not None else None
    fingerprint = repr((sorted(counts.items()), sums, latest))
    return {
        "version": hashlib.sha1(fingerprint.encode()).hexdigest()[:16],
        "counts": counts,
        "latest_ingested_at": latest,
        "checked_at": datetime.now(UTC),
    }


class ChangeWatch:
    """The latest :func:`read_changes` answer, shared by all requests for ``TTL_SECONDS``."""

    def __init__(self, db: Database, ttl: float | None = None) -> None:
        self.db = db
        self.ttl = TTL_SECONDS if ttl is None else ttl
        self._lock = threading.Lock()
        self._answer: dict[str, Any] | None = None
        self._at = 0.0

    def current(self) -> dict[str, Any]:
        # One reader at a time: while one request reads the store, the others wait for its answer instead of
        # running the same queries beside it.
        with self._lock:
            now = time.monotonic()
            if self._answer is None or now - self._at >= self.ttl:
                self._answer = read_changes(self.db)
                self._at = now
            return self._answer


def _watch(request: Request) -> ChangeWatch:
    state = request.app.state
    watch: ChangeWatch | None = getattr(state, "change_watch", None)
    if watch is None or watch.db is not state.db:
        watch = state.change_watch = ChangeWatch(state.db)
    return watch


@router.get("/changes", responses=m.one(Changes, "the store's change counters"))
def get_changes(request: Request) -> Response:
    """Counts of the tables the dashboard shows, the newest article's storage time and a version to compare: poll
    this (every few seconds) and fetch the listings again only when the version changed."""
    return json_response(_watch(request).current(), headers={"Cache-Control": "no-store"})
