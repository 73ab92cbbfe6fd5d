"""Watchlists and their notifications: ``/api/watchlists`` (GET; POST and DELETE with the server's token),
``/api/notifications`` and the Atom feed ``/api/alerts.atom`` (see ``watch/notify.py``)."""

from __future__ import annotations

import hmac
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import BaseModel, Field

from ..store.tables import NOTIFICATIONS, WATCHLISTS
from ..watch.atom import atom_feed
from ..watch.notify import load_notifications
from ..watch.watchlists import load_watchlists, make_watchlist, remove_watchlist, save_watchlist
from . import models as m
from .deps import DB
from .errors import ApiError
from .respond import json_response

# Routes whose token the request guard checks before the body is read (the DELETE route has no body).
PROTECTED = (("POST", "/api/watchlists"),)
MAX_FEED = 200
UNAUTHORIZED: dict[int | str, dict[str, Any]] = {401: {"model": m.ErrorBody, "description": "no or a wrong token"}}

router = APIRouter(prefix="/api", tags=["watchlists"])
WatchlistRow = m.spec_model(WATCHLISTS, "WatchlistRow")
WatchlistList = m.list_of(WatchlistRow, "watchlists, by name")
NotificationRow = m.spec_model(NOTIFICATIONS, "NotificationRow", names=tuple(
    n for n in NOTIFICATIONS.names if n != "evidence"), extra={"evidence": (list[dict[str, Any]], (
        "the reports: sentence, outlet, url, title, published, confidence"))})
NotificationList = m.list_of(NotificationRow, "notifications, the most recently updated first")


class WatchlistIn(BaseModel):
    """A watchlist to create: criteria are alternatives within a list, combined across lists."""

    name: str = Field(min_length=1, max_length=64)
    actors: list[str] = Field(default_factory=list, max_length=100)
    dyads: list[str] = Field(default_factory=list, max_length=100, description="SOURCE>TARGET or A-B")
    countries: list[str] = Field(default_factory=list, max_length=300)
    roots: list[str] = Field(default_factory=list, max_length=20, description="CAMEO roots 01-20")
    plover: list[str] = Field(default_factory=list, max_length=30)
    places: list[str] = Field(default_factory=list, max_length=100)
    keywords: list[str] = Field(default_factory=list, max_length=100)
    min_confidence: float | None = Field(default=None, ge=0, le=1)
    webhook: str | None = Field(default=None, max_length=2000)
    webhook_secret: str | None = Field(default=None, max_length=64, description="NAME of a secret, not its value")
    emails: list[str] = Field(default_factory=list, max_length=50)
    max_per_hour: int = Field(default=10, ge=1, le=10_000)
    replace: bool = Field(default=False, description="replace a watchlist of the same name (it starts afresh)")


@router.get("/watchlists", responses=m.one(WatchlistList, "the watchlists"))
def list_watchlists(db: DB) -> Response:
    """The saved watchlists with their criteria and channels: the webhook's host (not its path, which may carry a
    token) and masked e-mail addresses; secrets are named, never stored."""
    if not db.has("watchlists"):
        return json_response({"items": []})
    with db.cursor() as cur:
        return json_response({"items": [wl.public().to_json() for wl in load_watchlists(cur)]})


@router.get("/notifications", responses=m.one(NotificationList, "the notifications"))
def list_notifications(
    db: DB,
    watchlist: Annotated[str | None, Query(max_length=64, description="only this watchlist's")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_FEED)] = 50,
) -> Response:
    """Notifications with their evidence, the most recently updated first."""
    if not db.has("notifications"):
        return json_response({"items": []})
    with db.cursor() as cur:
        notes = load_notifications(cur, watchlist=watchlist, limit=limit)
    return json_response({"items": [n.to_json() for n in notes]})


@router.get("/alerts.atom", response_class=Response,
            responses={200: {"content": {"application/atom+xml": {}}, "description": "an Atom feed (RFC 4287)"},
                       **m.ERRORS})
def alerts_atom(
    request: Request,
    db: DB,
    watchlist: Annotated[str | None, Query(max_length=64, description="only this watchlist's")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_FEED)] = 50,
) -> Response:
    """The notifications as an Atom feed: one entry per (watchlist, event or alert), updated in place when later
    reports arrive; each entry links the first report and carries the evidence."""
    notes = []
    if db.has("notifications"):
        with db.cursor() as cur:
            notes = load_notifications(cur, watchlist=watchlist, limit=limit)
    title = f"wirescope alerts: {watchlist}" if watchlist else "wirescope alerts"
    body = atom_feed(notes, self_url=str(request.url), title=title)
    return Response(body, media_type="application/atom+xml; charset=utf-8")


def make_router(token: str) -> APIRouter:
    """The writing routes, mounted only when the server has a token."""

    def require_token(authorization: Annotated[str | None, Header()] = None) -> None:
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not given or not hmac.compare_digest(given.encode(), token.encode()):
            raise ApiError(401, "unauthorized", "changing watchlists needs the header 'Authorization: Bearer "
                           "<token>' with the token the server was started with (--token)")

    writes = APIRouter(prefix="/api", tags=["watchlists"], dependencies=[Depends(require_token)])

    @writes.post("/watchlists", status_code=201,
                 responses={201: {"model": WatchlistRow, "description": "the watchlist as stored"}, **m.ERRORS,
                            **UNAUTHORIZED})
    async def add_watchlist(body: WatchlistIn, request: Request) -> Response:
        """Create a watchlist (requires the server's token). What the store holds now is its backlog: only
        events reported after this are notified."""
        fields = body.model_dump(exclude={"name", "replace"})
        wl = make_watchlist(body.name, **fields)
        db = request.app.state.db

        def save() -> Any:
            with db.write_lock, db.cursor() as cur:
                return save_watchlist(cur, wl, replace=body.replace)

        stored = await run_in_threadpool(save)
        db.refresh()
        return json_response(stored.public().to_json(), status=201)

    @writes.delete("/watchlists/{name}", status_code=204, responses={**m.ERRORS, **UNAUTHORIZED})
    async def delete_watchlist(name: str, request: Request) -> Response:
        """Remove a watchlist with its notifications and undelivered messages (requires the server's token)."""
        db = request.app.state.db

        def remove() -> bool:
            with db.write_lock, db.cursor() as cur:
                return remove_watchlist(cur, name)

        if not await run_in_threadpool(remove):
            raise ApiError(404, "not_found", f"no watchlist named {name!r}")
        db.refresh()
        return Response(status_code=204)

    return writes
