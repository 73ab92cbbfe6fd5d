"""``GET /api/timeline``: the ordered events (with their evidence) and quotations of a story, an actor or a dyad,
one page at a time; what `wirescope timeline` prints, so the command reads the same through a server.

A story's timeline keeps to the story's window (:func:`wirescope.aggregate.queries.story_timeline`): the page's
items are inside it, oldest first; the background (dated outside the window: what the articles recall or announce)
and the items of undated articles come apart, with the first page only. An actor's or a dyad's timeline has no
window: every item is in ``items``, undated ones last. Each item is the row of its table (a merged event with its
mentions as ``evidence``, or a quotation with its article's title and address), derived from the table specs.

A story's page is read by :mod:`.storyline` (the keys of every story once per store state, then only the page's
items in full) and kept per store state; an actor's or a dyad's whole timeline is read once per store state and
request (``Database.cached``, forgotten after every write) and paged from there.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response
from pydantic import Field, create_model

from ..aggregate.queries import TimelineItem, timeline
from ..aggregate.tables import EVENT_MENTIONS, MERGED_EVENTS
from ..errors import StoreError
from ..store.tables import QUOTES
from . import models as m
from .db import Database
from .deps import DB
from .errors import ApiError
from .models import spec_model
from .paging import decode_cursor, encode_cursor
from .respond import plain
from .storyline import story_page

router = APIRouter(prefix="/api", tags=["aggregates"])

MAX_TIMELINE_PAGE = 1000  # items per page at most, as `wirescope timeline --story` pages
SECTIONS = ("window", "background", "undated")


_ITEM: dict[str, tuple[Any, str]] = {
    "section": (Literal["window", "background", "undated"], "where the item belongs: inside the story's window (an "
                "actor's or a dyad's timeline: always), dated outside it (background), or of an undated article"),
    "kind": (Literal["event", "quote"], "a merged event or a quotation"),
    "date": (date | None, "the event's date, or the quotation's article's publication date"),
}
TimelineMention = spec_model(EVENT_MENTIONS, "TimelineMention")
TimelineEvent = spec_model(MERGED_EVENTS, "TimelineEvent", extra={
    **_ITEM, "evidence": (list[TimelineMention],  # type: ignore[valid-type]
                          "the sentences that report it (event_mentions rows), oldest publication first")})
TimelineQuote = spec_model(QUOTES, "TimelineQuote", names=tuple(n for n in QUOTES.names if n != "idx"), extra={
    **_ITEM, "title": (str | None, "the article's headline"), "url": (str | None, "the article's address")})
Item = TimelineEvent | TimelineQuote
TimelinePage = create_model(
    "TimelinePage",
    __doc__="One page of a timeline.",
    story_id=(str | None, Field(description="the story (its full id) for a story's timeline, else null")),
    window=(list[date] | None, Field(description="a story's window [first, last day]: from 60 days before its first "
            "dated article to 2 days after its last; null without dated articles or for an actor's or a dyad's")),
    total=(int, Field(description="items in items over all pages (a story's: those inside its window)")),
    offset=(int, Field(description="the position of this page's first item")),
    items=(list[Item], Field(description="this page, oldest first: each a merged event (kind=event, its "  # type: ignore[valid-type]
           "merged_events row and its mentions as evidence) or a quotation (kind=quote, its quotes row, the "
           "article's title and url)")),
    background=(list[Item], Field(description="a story's items dated outside its window (background the "  # type: ignore[valid-type]
                "articles recall or announce), folded apart; first page only")),
    undated=(list[Item], Field(description="a story's items of articles without a date; first page only")),  # type: ignore[valid-type]
    next_cursor=(str | None, Field(description="pass as cursor for the next page; null on the last")),
    limit=(int, Field(description="items per page asked for")),
)


def item_row(item: TimelineItem, section: str) -> dict[str, Any]:
    """The item's row (``TimelineItem.to_row``, the rows of `wirescope timeline --json`) and the section it belongs
    to, in plain JSON values."""
    return {"section": section, **plain(item.to_row())}


# An actor's or a dyad's timeline of up to this many items stays cached whole for paging (a few MB of JSON text)
CACHED_TIMELINE_ROWS = 5_000


def _rows(items: Iterable[TimelineItem], section: str) -> list[str]:
    """Each item's row as JSON text: a cached timeline is kept (and paged) as text, compact and ready to send."""
    return [json.dumps(item_row(i, section), ensure_ascii=False) for i in items]


def _story(db: Database, story: str, start: int, limit: int) -> bytes:
    try:
        found = story_page(db, story, start, limit, folded=start == 0)
    except StoreError as exc:
        raise ApiError(404, "not_found", str(exc)) from exc
    return _answer(found.story_id, found.window, found.total, start, limit, _rows(found.items, "window"),
                   _rows(found.background, "background"), _rows(found.undated, "undated"))


def _others(db: Database, actor: str | None, dyad: tuple[str, str] | None, since: date | None) -> list[str]:
    """Every item of an actor's or a dyad's timeline as JSON rows (read once per store state and request, then
    paged: callers must not change it)."""
    with db.cursor() as cur:
        items = timeline(cur, actor=actor, dyad=dyad, since=since, with_quotes=db.has("quotes"))
    return _rows(items, "window")


def _answer(story_id: str | None, window: tuple[date, date] | None, total: int, start: int, limit: int,
            page: list[str], background: list[str], undated: list[str]) -> bytes:
    head = {"story_id": story_id, "window": [d.isoformat() for d in window] if window else None, "total": total,
            "offset": start, "next_cursor": encode_cursor([start + len(page)]) if start + len(page) < total else None,
            "limit": limit}
    # the rows are JSON text already (_rows): the answer is put together around them
    return (json.dumps(head, ensure_ascii=False)[:-1] + f', "items": [{", ".join(page)}], '
            f'"background": [{", ".join(background)}], "undated": [{", ".join(undated)}]}}').encode()


def _offset(cursor: str | None, offset: int) -> int:
    if not cursor:
        return offset
    (start,) = decode_cursor(cursor, 1)
    if not isinstance(start, int) or start < 0:
        raise ApiError(400, "bad_cursor", "the cursor is not one this endpoint issued; start again without a cursor")
    return start


@router.get("/timeline", responses=m.one(TimelinePage, "one page of the timeline"))
def get_timeline(
    db: DB,
    story: Annotated[str | None, Query(max_length=100, description="a story id or unique prefix")] = None,
    actor: Annotated[str | None, Query(max_length=200, description="actor code prefix, country or name part")] = None,
    dyad: Annotated[str | None, Query(max_length=200, pattern=r"^[^,]+,[^,]+$",
                                      description="directed dyad SOURCE,TARGET, e.g. USA,IRN")] = None,
    since: Annotated[date | None, Query(description="an actor's or a dyad's items from this day on")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_TIMELINE_PAGE, description="items per page")] = 100,
    cursor: Annotated[str | None, Query(max_length=200, description="next_cursor of the previous page")] = None,
    offset: Annotated[int, Query(ge=0, description="start at this item (without a cursor)")] = 0,
) -> Response:
    """Ordered events (with their evidence) and quotations of a story (``story``), an actor (``actor``) or a dyad
    (``dyad``), a page at a time. A story's timeline keeps to the story's window; its background and undated items
    come apart with the first page."""
    if sum(bool(x) for x in (story, actor or dyad)) != 1:
        raise ApiError(400, "bad_timeline", "give story, or actor and/or dyad (a story's timeline takes no other)")
    if story and since:
        raise ApiError(400, "bad_timeline", "since applies to an actor's or a dyad's timeline, not a story's")
    if not db.has("merged_events"):
        raise ApiError(404, "no_merged_events", "this store has no merged events yet; run `wirescope aggregate`")
    pair: tuple[str, str] | None = None
    if dyad:
        source, target = (p.strip() for p in dyad.split(","))
        if not (source and target):
            raise ApiError(400, "bad_dyad", f"a dyad is SOURCE,TARGET such as USA,IRN, not {dyad!r}")
        pair = (source, target)
    start = _offset(cursor, offset)
    if story:
        # a page is read in full once per store state (storyline: the keys of every story, then the page's items)
        body = db.cached(("timeline-story", story, start, limit), lambda: _story(db, story, start, limit))
    else:
        # the cache holds 64 results: a broad prefix's timeline must not pin hundreds of MB in it
        rows = db.cached(("timeline", actor, pair, since), lambda: _others(db, actor, pair, since),
                         keep=lambda found: len(found) <= CACHED_TIMELINE_ROWS)
        body = _answer(None, None, len(rows), start, limit, rows[start:start + limit], [], [])
    return Response(body, media_type="application/json")
