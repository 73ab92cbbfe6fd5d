"""``/api/status``: the sources `wirescope watch` follows into this store, with their last and next polls."""

from __future__ import annotations

import dataclasses

from fastapi import APIRouter
from fastapi.responses import Response

from ..store.tables import WATCH_SOURCES
from ..watch.state import load_sources
from . import models as m
from .deps import DB
from .respond import json_response

router = APIRouter(prefix="/api", tags=["watch"])
WatchSourceRow = m.spec_model(WATCH_SOURCES, "WatchSourceRow")
WatchStatus = m.list_of(WatchSourceRow, "watched sources, by name")


@router.get("/status", responses=m.one(WatchStatus, "the watched sources"))
def get_status(db: DB) -> Response:
    """The watched sources: last poll, new items, consecutive errors and the last error, next poll. Empty when the
    store was never watched (or predates `wirescope watch`)."""
    if not db.has("watch_sources"):
        return json_response({"items": []})
    with db.cursor() as cur:
        states = load_sources(cur)
    return json_response({"items": [dataclasses.asdict(s) for s in states.values()]})
